/** Ownership and governance in Datadog: teams, catalog entities, tag policies and security detection rules. */
import { enabledProducts } from "./helpers/catalog";
import { syntheticSloId } from "../lib/datadog/slo";
import * as YAML from "yaml";
import type { ProductSpec } from "../lib/inputs/catalog/schema";
import { loadCatalog } from "../lib/inputs/catalog/validate";
import {
    catalogLanguage,
    detectionQuery,
    detectionRules,
    detectionWindow,
    ENTITY_EXTENSION,
    governanceProblems,
} from "../lib/datadog/governance";
import { specMonitorAlert } from "../lib/datadog/monitors";
import { buildStackModel } from "../lib/stack/model";
import { validateStack } from "../lib/stack/validate";
import { catalog } from "../products";
import { catalogEntityModelProblems } from "./helpers/datadogModel";
import { loadPlan, MONITOR } from "./helpers/plan";
import { stackConfig } from "./helpers/stackConfig";
import { PLATFORM } from "../lib/datadog/usageBudget";

const products = loadCatalog(catalog);
const production = loadPlan("production");
const staging = loadPlan("staging");
const T = {
    entity: "datadog:index/softwareCatalog:SoftwareCatalog",
    team: "datadog:index/team:Team",
    link: "datadog:index/teamLink:TeamLink",
    policy: "datadog:index/monitorConfigPolicy:MonitorConfigPolicy",
    rule: "datadog:index/securityMonitoringRule:SecurityMonitoringRule",
    pdService: "pagerduty:index/service:Service",
};
/** The stack's exported contract: what escalation and monitoring really created for each product. */
const outputsOf = (key: string) => (production.plan.outputs as any).products[key];
const tagValues = (resources: Array<{ inputs: Record<string, unknown> }>, key: string) =>
    [
        ...new Set(
            resources.flatMap((r) =>
                (r.inputs.tags as string[]).filter((t) => t.startsWith(`${key}:`)).map((t) => t.slice(key.length + 1)),
            ),
        ),
    ].sort();

describe("Software Catalog (production owns organization-wide resources)", () => {
    it.each(products.map((p) => [p.key, p] as const))(
        "%s: an entity per surface agreeing with its monitors, team and PagerDuty service",
        (key, p) => {
            const entities = production.ofType(T.entity, key).map((e) => YAML.parse(e.inputs.entity as string));
            const out = outputsOf(key);
            expect(entities.map((e) => e.metadata.name).sort()).toEqual(p.surfaces.map((s) => s.service).sort());
            // Datadog joins monitors to entities by the service tag and to owners by the team tag.
            const monitors = production.ofType(MONITOR, key);
            expect(tagValues(monitors, "team")).toEqual([p.team.handle]);
            for (const s of tagValues(monitors, "service")) expect(entities.map((e) => e.metadata.name)).toContain(s);
            // The on-call link is the product's PagerDuty service that the escalation component created.
            const pdService = production.byName(`${key}-service`, T.pdService);
            expect([pdService.inputs.name, out.pagerduty.serviceName]).toEqual([`${key}-production`, `${key}-production`]);
            expect(out.pagerduty.serviceUrl).toMatch(/^https:\/\/bearifiedco\.pagerduty\.com\/service-directory\/P[0-9A-F]{6}$/);
            p.surfaces.forEach((s) => {
                const e = YAML.parse(production.byName(`${key}-catalog-${s.name}`, T.entity).inputs.entity as string);
                expect(e.metadata.name).toBe(s.service);
                expect(catalogEntityModelProblems(e)).toEqual([]);
                expect([e.apiVersion, e.kind, e.metadata.owner]).toEqual(["v3", "service", p.team.handle]);
                expect(e.metadata.contacts).toEqual([
                    {
                        name: `#${p.team.slackChannel}`,
                        type: "slack",
                        contact: `https://slack.com/app_redirect?channel=${p.team.slackChannel}`,
                    },
                    { name: p.team.name, type: "email", contact: p.team.email },
                ]);
                expect(e.integrations).toEqual({ pagerduty: { serviceURL: out.pagerduty.serviceUrl } });
                expect(e.spec).toMatchObject({ lifecycle: p.lifecycle, tier: String(p.tier), languages: [catalogLanguage(s.language)] });
                expect(e.extensions[ENTITY_EXTENSION]).toMatchObject({ surface: s.name, framework: s.framework, language: s.language });
                const links = e.metadata.links as Array<{ name: string; type: string; url: string }>;
                expect(links.filter((l) => l.type === "runbook").map((l) => l.url)).toEqual([
                    `https://github.com/bearifiedco/product-monitoring/blob/main/docs/runbooks/${key}.md`,
                ]);
                expect(
                    links
                        .filter((l) => l.type === "dashboard")
                        .map((l) => l.url)
                        .sort(),
                ).toEqual(Object.values(out.datadog.dashboardUrls as Record<string, string>).sort());
                expect(
                    links
                        .filter((l) => l.name.startsWith("SLO "))
                        .map((l) => l.url)
                        .sort(),
                ).toEqual(
                    [
                        ...p.slos.map((slo) => slo.id),
                        ...p.synthetics.filter((t) => t.successTarget !== undefined).map((t) => syntheticSloId(t.id)),
                    ]
                        .map((id) => `https://app.datadoghq.com/slo?slo_id=${out.datadog.sloIds[id]}`)
                        .sort(),
                );
            });
        },
    );

    it("names languages and service types as the catalog recognises them", () => {
        expect(["TypeScript", "javascript", "Python", "Elixir", "C#"].map(catalogLanguage)).toEqual([
            "js",
            "js",
            "python",
            "elixir",
            "dotnet",
        ]);
        // Datadog's service types per surface kind.
        const type: Record<string, string> = {
            api: "web",
            websocket: "web",
            web: "browser",
            admin: "browser",
            worker: "custom",
            mobile: "mobile",
            database: "db",
            cache: "cache",
        };
        const entity = (name: string) => YAML.parse(production.byName(name, T.entity).inputs.entity as string);
        for (const p of enabledProducts("production"))
            for (const s of p.surfaces)
                expect([p.key, s.name, entity(`${p.key}-catalog-${s.name}`).spec]).toEqual([
                    p.key,
                    s.name,
                    { lifecycle: p.lifecycle, tier: String(p.tier), type: type[s.kind], languages: [catalogLanguage(s.language)] },
                ]);
    });

    it("creates a team per owning team linked to its Slack channel and PagerDuty service", () => {
        expect(
            production
                .ofType(T.team)
                .map((t) => t.inputs.handle)
                .sort(),
        ).toEqual(products.map((p) => p.team.handle).sort());
        // A team owning one product: its Slack channel, then its product's PagerDuty service.
        const p = products.find((x) => products.filter((y) => y.team.handle === x.team.handle).length === 1)!;
        expect(production.byName(`company-team-${p.team.handle}`, T.team).inputs).toMatchObject({
            handle: p.team.handle,
            name: p.team.name,
        });
        const links = production
            .ofType(T.link)
            .filter((l) => l.name.startsWith(`company-team-${p.team.handle}-`))
            .sort((a, b) => (a.inputs.position as number) - (b.inputs.position as number))
            .map((l) => [l.inputs.label, l.inputs.url]);
        expect(links).toEqual([
            [`Slack #${p.team.slackChannel}`, `https://slack.com/app_redirect?channel=${p.team.slackChannel}`],
            [`PagerDuty: ${p.displayName}`, outputsOf(p.key).pagerduty.serviceUrl],
        ]);
        expect(production.ofType(T.link)).toHaveLength(2 * products.length);
    });

    it("requires env, service and team tags on every monitor, with the catalog's values", () => {
        const policies = Object.fromEntries(
            production
                .ofType(T.policy)
                .map((p) => [(p.inputs.tagPolicy as any).tagKey, { policyType: p.inputs.policyType, ...(p.inputs.tagPolicy as any) }]),
        );
        expect(policies).toEqual({
            env: { policyType: "tag", tagKey: "env", tagKeyRequired: true, validTagValues: ["production", "staging"] },
            service: {
                policyType: "tag",
                tagKey: "service",
                tagKeyRequired: true,
                validTagValues: [
                    ...enabledProducts("production").flatMap((p) => p.surfaces.map((s) => s.service)),
                    PLATFORM.service,
                ].sort(),
            },
            team: {
                policyType: "tag",
                tagKey: "team",
                tagKeyRequired: true,
                validTagValues: [...new Set([...enabledProducts("production").map((p) => p.team.handle), PLATFORM.team.handle])].sort(),
            },
        });
        // Every monitor either stack creates passes them (the policies are organization-wide).
        for (const view of [production, staging]) {
            const monitors = view.ofType(MONITOR);
            expect(monitors.length).toBeGreaterThan(100);
            for (const [key, policy] of Object.entries(policies)) {
                const failing = monitors.filter(
                    (m) =>
                        !(m.inputs.tags as string[]).some(
                            (t) => t.startsWith(`${key}:`) && (policy as any).validTagValues.includes(t.slice(key.length + 1)),
                        ),
                );
                expect([key, failing.map((m) => m.name)]).toEqual([key, []]);
            }
        }
    });

    it("leaves organization-wide resources to production: staging creates none", () => {
        for (const t of [T.entity, T.team, T.link, T.policy]) expect([t, staging.ofType(t).length]).toEqual([t, 0]);
        expect(production.ofType(T.entity)).toHaveLength(products.reduce((n, p) => n + p.surfaces.length, 0));
    });
});

describe("validation before any resource is created", () => {
    // A product, and another owned by another team.
    const [own] = products;
    const other = products.find((p) => p.team.handle !== own.team.handle)!;
    const config = stackConfig("production");
    const model = specMonitorAlert(own, own.monitors[0], { environment: "production", routing: config.routing });
    const retag = (replace: Record<string, string | undefined>) => ({
        ...model,
        tags: model.tags.flatMap((t) => {
            const k = t.split(":")[0];
            return k in replace ? (replace[k] === undefined ? [] : [`${k}:${replace[k]}`]) : [t];
        }),
    });
    const field = `alert ${model.id}: tags`;
    const source = `products/${own.key}.ts`;
    const services = own.surfaces.map((s) => s.service).join(", ");

    it("accepts the catalog as it is", () => {
        expect(validateStack(buildStackModel(products, config))).toEqual([]);
    });

    it("rejects a monitor whose service is not its product's entity, an unknown team and a missing env", () => {
        expect(
            governanceProblems(
                products,
                ["production", "staging"],
                [
                    retag({ service: `${own.surfaces[0].service}x`, team: "nobody", env: undefined }),
                    // Another product's service is a catalog entity, but not one this product's on-call owns.
                    retag({ service: other.surfaces[0].service, team: other.team.handle }),
                ],
            ),
        ).toEqual([
            { source, field, message: 'missing the required "env:" tag' },
            {
                source,
                field,
                message: `service:${own.surfaces[0].service}x: no Software Catalog entity of ${own.key} has this name (its services: ${services})`,
            },
            { source, field, message: `team:nobody: unknown team: ${own.key} is owned by team "${own.team.handle}"` },
            {
                source,
                field,
                message: `service:${other.surfaces[0].service}: no Software Catalog entity of ${own.key} has this name (its services: ${services})`,
            },
            { source, field, message: `team:${other.team.handle}: unknown team: ${own.key} is owned by team "${own.team.handle}"` },
        ]);
    });

    it("fails the stack for products disagreeing on a shared team and for a detection window over a day", () => {
        // Two products with security rules: the second takes the first's team under another name.
        const [first, second] = catalog.filter((p) => p.security?.length);
        const bad: ProductSpec[] = catalog.map((p) =>
            p.key === second.key
                ? {
                      ...p,
                      team: { ...first.team, name: "Builders" },
                      security: p.security!.map((r, i) => (i === 0 ? { ...r, window: "2d" } : r)),
                  }
                : p,
        );
        const problems = validateStack(buildStackModel(loadCatalog(bad), config)).filter(
            (x) => x.source === `products/${second.key}.ts` && !x.field.startsWith("alert security-"),
        );
        expect(problems).toEqual([
            {
                source: `products/${second.key}.ts`,
                field: "team.name",
                message: `"Builders" differs from "${first.team.name}" in products/${first.key}.ts for the same team "${first.team.handle}"`,
            },
            {
                source: `products/${second.key}.ts`,
                field: `security[${second.security![0].id}].window`,
                message: "2d is longer than Datadog's 1-day maximum for detection rules",
            },
        ]);
    });
});

describe.each([
    ["production", production],
    ["staging", staging],
] as const)("security detection rules in %s", (env, view) => {
    it.each(products.map((p) => [p.key, p] as const))("%s: one rule per security plan item, severity mapped, signals only", (key, p) => {
        const rules = view.ofType(T.rule, key);
        expect(rules.map((r) => r.name).sort()).toEqual(p.security.map((s) => `${key}-detection-${s.id}`).sort());
        for (const spec of p.security) {
            const r = view.byName(`${key}-detection-${spec.id}`, T.rule);
            const status = { P0: "critical", P1: "high", P2: "medium", P3: "low" }[spec.severity];
            expect(r.inputs).toMatchObject({ type: "log_detection", enabled: true });
            expect(r.inputs.queries).toEqual([
                { name: "a", query: `env:${env} ${spec.search}`, aggregation: "count", groupByFields: spec.groupBy },
            ]);
            const cases = r.inputs.cases as any[];
            expect(cases).toHaveLength(1);
            expect([cases[0].status, cases[0].condition]).toEqual([status, `a > ${spec.threshold}`]);
            // The condition alerts once, through its security log monitor; the rule only opens signals.
            expect(cases[0].notifications).toEqual([]);
            expect(r.inputs.tags as string[]).toEqual(expect.arrayContaining([`env:${env}`, `team:${p.team.handle}`, `product:${key}`]));
            expect(r.inputs.message).toContain(`docs/runbooks/${key}.md#security-${spec.id}`);
            expect(r.inputs.message).not.toMatch(/@(pagerduty|slack)-/);
            expect(r.inputs.options).toEqual({
                detectionMethod: "threshold",
                evaluationWindow: detectionWindow(spec.window),
                keepAlive: 3600,
                maxSignalDuration: 86400,
            });
        }
        if (env === "staging") expect(JSON.stringify(rules.map((r) => r.inputs))).not.toContain("@pagerduty-");
    });
});

it("names the rule and maps the plan's severity to Datadog's: BEARO card testing (P1, 10m), no notification", () => {
    const r = production.byName("bearo-detection-card-testing", T.rule).inputs;
    expect(r.name).toBe("[BEARO] Suspicious payment attempts (card testing) from one IP");
    expect((r.cases as any[])[0]).toEqual({ name: "high", status: "high", condition: "a > 5", notifications: [] });
    expect((r.options as any).evaluationWindow).toBe(600);
    expect(staging.byName("bearo-detection-card-testing", T.rule).inputs.name).toBe(
        "[BEARO (staging)] Suspicious payment attempts (card testing) from one IP",
    );
});

it("maps windows up to Datadog's allowed evaluation windows", () => {
    expect(["30s", "5m", "10m", "20m", "45m", "1h", "90m", "1d", "2d"].map(detectionWindow)).toEqual([
        60, 300, 600, 1800, 3600, 3600, 7200, 86400, 86400,
    ]);
});

it("scopes a search naming no service to the product's services", () => {
    const vivr = products.find((p) => p.key === "vivr")!;
    expect(detectionQuery(vivr, "@http.status_code:429", "staging")).toBe(
        "env:staging service:(vivr-frontend OR vivr-api) @http.status_code:429",
    );
    expect(detectionQuery(vivr, "service:vivr-api @http.status_code:429", "staging")).toBe(
        "env:staging service:vivr-api @http.status_code:429",
    );
    const rules = detectionRules(
        { ...vivr, security: [{ ...vivr.security[0], search: "@evt.name:authentication", severity: "P0" }] },
        { environment: "production", routing: stackConfig("production").routing },
    );
    expect([rules[0].query, rules[0].status, rules[0].notifications]).toEqual([
        "env:production service:(vivr-frontend OR vivr-api) @evt.name:authentication",
        "critical",
        [],
    ]);
});
