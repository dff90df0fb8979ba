/**
 * Conformance of both planned stacks with what the real services and providers accept (issue 16): every Datadog
 * resource as its API payload deserialized by Datadog's official models, every AWS, PagerDuty and Sentry input
 * against its provider's validators, and the Datadog semantics a model cannot see (trace correlation, reserved
 * attributes, index order, archive integration, request metrics). No exceptions list: a failure names the
 * resource, the field and the rule. Pure rules have their own tests in tests/conformance.rules.test.ts.
 */
import { loadCatalog } from "../lib/inputs/catalog/validate";
import { traceRequestOperation } from "../lib/datadog/dashboards";
import { RESERVED_LOG_ATTRIBUTES } from "../lib/datadog/logs";
import { catalog } from "../products";
import { STACKS } from "./helpers/constants";
import { DATADOG_MAPPERS, datadogPayload, payloadProblems } from "./helpers/datadogPayload";
import { loadPlan, PlanResource } from "./helpers/plan";
import { PROVIDER_RULES, providerRuleProblems } from "./helpers/providerRules";
import { stackConfig } from "./helpers/stackConfig";

const products = loadCatalog(catalog);
const T = {
    monitor: "datadog:index/monitor:Monitor",
    pipeline: "datadog:index/logsCustomPipeline:LogsCustomPipeline",
    archive: "datadog:index/logsArchive:LogsArchive",
    index: "datadog:index/logsIndex:LogsIndex",
    indexOrder: "datadog:index/logsIndexOrder:LogsIndexOrder",
    dashboard: "datadog:index/dashboardJson:DashboardJson",
    role: "aws:iam/role:Role",
    rolePolicy: "aws:iam/rolePolicy:RolePolicy",
};

/** Every metric name with its tag filter in a query or dashboard (`sum:trace.next.request.errors{env:x,service:y}`). */
function metricFilters(text: string): Array<{ metric: string; tags: Record<string, string> }> {
    return [...text.matchAll(/(?:avg|sum|min|max|p\d+|pc\d+):([a-z][\w.]*)\{([^}]*)\}/g)].map((m) => ({
        metric: m[1],
        tags: Object.fromEntries(
            m[2]
                .split(",")
                .filter((t) => t.includes(":"))
                .map((t) => t.split(":", 2) as [string, string]),
        ),
    }));
}

/** The monitor type Datadog stores for a query, from its form. */
function storedMonitorType(query: string): string {
    if (/^burn_rate\(|^error_budget\(/.test(query)) return "slo alert";
    if (/^logs\(/.test(query)) return "log alert";
    if (/^rum\(/.test(query)) return "rum alert";
    if (/^"[^"]+"\.over\(/.test(query)) return "service check";
    // Monitor ids joined by boolean operators.
    if (/^[\d\s&|!()]+$/.test(query)) return "composite";
    return "query alert";
}

describe.each(STACKS)("conformance of stack %s", (stack) => {
    const view = loadPlan(stack);
    const config = stackConfig(stack);
    const enabled = products.filter((p) => config.products.includes(p.key));

    describe("Datadog resources deserialize as the API's models", () => {
        const datadog = view.resources.filter((r) => r.custom && r.type.startsWith("datadog:"));

        it("has a payload mapper for every Datadog resource type of the plan", () => {
            expect([...new Set(datadog.map((r) => r.type))].filter((t) => !DATADOG_MAPPERS[t])).toEqual([]);
        });

        it.each([...new Set(datadog.map((r) => r.type))].sort())("%s", (type) => {
            const problems = datadog
                .filter((r) => r.type === type)
                .flatMap((r) => {
                    const p = datadogPayload(r);
                    return payloadProblems(p).map((x) => `${r.name} (${p.api} ${p.model}): ${x}`);
                });
            expect(problems).toEqual([]);
        });
    });

    describe("inputs pass their providers' validators (AWS, PagerDuty, Sentry; Datadog limits its models lack)", () => {
        const governed = [...new Set(PROVIDER_RULES.map((r) => r.type))];
        it.each(governed)("%s", (type) => {
            expect(view.ofType(type).flatMap((r) => providerRuleProblems(r))).toEqual([]);
        });
    });

    describe("Datadog semantics the models cannot see", () => {
        it("sends monitors as Datadog stores them: type for the query, trimmed name and message, thresholds as numbers", () => {
            const problems = view.ofType(T.monitor).flatMap((m) => {
                const i = m.inputs as Record<string, any>;
                const out: string[] = [];
                const expected = storedMonitorType(String(i.query));
                if (i.type !== expected) out.push(`${m.name}: type: "${i.type}" is stored as "${expected}" for this query`);
                for (const f of ["name", "message"])
                    if (i[f] !== String(i[f]).trim()) out.push(`${m.name}: ${f}: Datadog trims surrounding whitespace`);
                for (const [k, v] of Object.entries(i.monitorThresholds ?? {})) {
                    if (String(Number(v)) !== v) out.push(`${m.name}: monitorThresholds.${k}: "${v}" is stored as ${Number(v)}`);
                }
                return out;
            });
            expect(problems).toEqual([]);
        });

        it("correlates logs with traces through a trace-id remapper and never remaps a reserved attribute", () => {
            const problems = view.ofType(T.pipeline).flatMap((r) =>
                ((r.inputs.processors ?? []) as Array<Record<string, any>>).flatMap((p, i) => {
                    const remap = p.attributeRemapper;
                    if (!remap) return [];
                    const out: string[] = [];
                    if (remap.target === "dd.trace_id" || remap.target === "trace_id")
                        out.push(`${r.name}: processors[${i}]: attribute remapper to ${remap.target}: use a trace-id-remapper`);
                    for (const s of remap.sources) {
                        if ((RESERVED_LOG_ATTRIBUTES as readonly string[]).includes(s))
                            out.push(`${r.name}: processors[${i}]: attribute remapper reads the reserved attribute "${s}"`);
                    }
                    return out;
                }),
            );
            expect(problems).toEqual([]);
            const traced = view
                .ofType(T.pipeline)
                .filter((r) => (r.inputs.processors as Array<Record<string, any>>).some((p) => p.traceIdRemapper));
            expect(traced.map((r) => r.name).sort()).toEqual(
                view
                    .ofType(T.pipeline)
                    .filter((r) => !/combined/i.test(JSON.stringify(r.inputs)))
                    .map((r) => r.name)
                    .sort(),
            );
        });

        it("writes log archives as the registered Datadog AWS integration, whose role carries the archive policy", () => {
            const created = new Set(
                view
                    .ofType(T.role)
                    .map((r) => r.inputs.name)
                    .filter(Boolean),
            );
            const integration = config.logs.archiveIntegration;
            for (const a of view.ofType(T.archive)) {
                const s3 = a.inputs.s3Archive as Record<string, string>;
                expect([a.name, s3.roleName, created.has(s3.roleName)]).toEqual([a.name, integration.roleName, false]);
                expect([a.name, s3.accountId]).toEqual([a.name, integration.accountId ?? "123456789012"]);
                const policies = view
                    .ofType(T.rolePolicy)
                    .filter(
                        (p) => p.inputs.role === s3.roleName && String(p.inputs.policy).includes(`arn:aws:s3:::${s3.bucket}${s3.path}/*`),
                    );
                expect([a.name, policies.length]).toEqual([a.name, 1]);
            }
        });

        it("orders the organization's log indexes in the stack that owns organization resources, product indexes first", () => {
            const orders = view.ofType(T.indexOrder);
            if (!config.datadog.manageOrganizationResources) return expect(orders).toEqual([]);
            expect(orders).toHaveLength(1);
            const names = orders[0].inputs.indexes as string[];
            const ownIndexes = view.ofType(T.index).map((i) => i.inputs.name as string);
            const after = config.logs.indexesAfterProducts;
            expect(names.slice(-after.length)).toEqual(after);
            for (const i of ownIndexes)
                expect([i, names.indexOf(i) >= 0 && names.indexOf(i) < names.length - after.length]).toEqual([i, true]);
            expect(orders[0].dependsOn).toEqual(expect.arrayContaining(view.ofType(T.index).map((i) => i.urn)));
        });

        it("keeps Sentry alert names distinct within their project after shortening them to the provider's 64 characters", () => {
            const alerts = [
                ...view.ofType("sentry:index/sentryIssueAlert:SentryIssueAlert"),
                ...view.ofType("sentry:index/sentryMetricAlert:SentryMetricAlert"),
            ];
            expect(alerts.length).toBeGreaterThan(0);
            const seen = new Map<string, string>();
            const clashes = alerts.flatMap((a) => {
                const key = `${a.inputs.project} ${a.inputs.name}`;
                const other = seen.get(key);
                seen.set(key, a.name);
                return other ? [`${a.name} and ${other}: both named "${a.inputs.name}"`] : [];
            });
            expect(clashes).toEqual([]);
        });

        it("charts each service's incoming requests (trace.<framework>.request), the operation its monitors use", () => {
            const serviceOf = new Map(enabled.flatMap((p) => p.surfaces.map((s) => [s.service, s] as const)));
            const problems: string[] = [];
            const check = (r: PlanResource, text: string) => {
                for (const { metric, tags } of metricFilters(text)) {
                    const op = /^trace\.(.+\.request)(\.|$)/.exec(metric)?.[1];
                    if (!op) continue;
                    const surface = serviceOf.get(tags.service);
                    const expected = surface && traceRequestOperation(surface);
                    if (op !== expected)
                        problems.push(
                            `${r.name}: ${metric}{service:${tags.service}}: the service's incoming requests are ${expected ? `trace.${expected}` : "not traced"}`,
                        );
                }
            };
            for (const r of view.ofType(T.dashboard)) check(r, String(r.inputs.dashboard));
            for (const r of view.ofType(T.monitor)) check(r, String(r.inputs.query));
            expect(problems).toEqual([]);
            expect(
                view
                    .ofType(T.dashboard)
                    .filter((d) => String(d.inputs.dashboard).includes("trace.http.request"))
                    .map((d) => d.name),
            ).toEqual([]);
        });
    });

    /**
     * Integration metrics carry the integration's own tags only: `system.net.tcp.rtt.avg` (Agent 5's go-metro) is
     * never reported by Agent 6/7, and the Cloudflare integration tags by zone/account, not env/service.
     */
    it("filters integration metrics only by tags their integration sets (spec values in products/)", () => {
        const INTEGRATION_TAGS: Array<{ prefix: RegExp; integration: string; tags: string[] }> = [
            { prefix: /^cloudflare\./, integration: "Cloudflare", tags: ["zone_name", "account", "zone_id"] },
            // DataDog/integrations-extras vercel/assets/logs/vercel.yaml: the log-based metrics' group-bys.
            {
                prefix: /^vercel\./,
                integration: "Vercel",
                tags: [
                    "project_name",
                    "deployment_env",
                    "deployment_id",
                    "project_id",
                    "path",
                    "branch",
                    "status_code",
                    "region",
                    "source",
                ],
            },
            { prefix: /^system\.net\.tcp\.rtt/, integration: "Agent 5 go-metro (no Agent 6/7 check reports it)", tags: [] },
        ];
        const problems = view.ofType(T.monitor).flatMap((m) =>
            metricFilters(String(m.inputs.query)).flatMap(({ metric, tags }) => {
                const rule = INTEGRATION_TAGS.find((x) => x.prefix.test(metric));
                if (!rule) return [];
                const foreign = Object.keys(tags).filter((t) => !rule.tags.includes(t));
                return rule.tags.length === 0 || foreign.length
                    ? [
                          `${m.name}: ${metric}: ${rule.integration} sets ${rule.tags.length ? rule.tags.join(", ") : "no such metric"}; filtered by ${foreign.join(", ")}`,
                      ]
                    : [];
            }),
        );
        expect(problems).toEqual([]);
    });
});

describe("the provider rules themselves", () => {
    it("each applies to at least one planned resource of some stack (no rule is dead)", () => {
        const views = STACKS.map(loadPlan);
        const dead = PROVIDER_RULES.filter((rule) => !views.some((v) => v.ofType(rule.type).length > 0)).map((r) => `${r.type} ${r.field}`);
        expect(dead).toEqual([]);
    });
});
