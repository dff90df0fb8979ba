/** Ownership and governance in Datadog: teams, catalog entities, tag policies and security detection rules. */
import * as YAML from "yaml";
import { loadCatalog } from "../lib/catalog/validate";
import { detectionWindow, governanceProblems } from "../lib/governance";
import { buildMonitor } from "../lib/monitors";
import { catalog } from "../products";
import { computed } from "../scripts/mocks";
import { loadPlan, MONITOR } from "./helpers/plan";

const products = loadCatalog(catalog);
const production = loadPlan("production");
const staging = loadPlan("staging");
const T = {
    entity: "datadog:index/softwareCatalog:SoftwareCatalog",
    team: "datadog:index/team:Team",
    link: "datadog:index/teamLink:TeamLink",
    policy: "datadog:index/monitorConfigPolicy:MonitorConfigPolicy",
    rule: "datadog:index/securityMonitoringRule:SecurityMonitoringRule",
};

describe("Software Catalog (production owns organization-wide resources)", () => {
    it.each(products.map((p) => [p.key, p] as const))("%s: one entity per surface agreeing with monitors, team and PagerDuty", (_k, p) => {
        const entities = production.ofType(T.entity, p.key).map((e) => YAML.parse(e.inputs.entity as string));
        expect(entities.map((e) => e.metadata.name).sort()).toEqual(p.surfaces.map((s) => s.service).sort());
        const monitorServices = new Set(production.ofType(MONITOR, p.key).flatMap((m) => (m.inputs.tags as string[]).filter((t) => t.startsWith("service:")).map((t) => t.slice(8))));
        const pagerdutyUrl = computed("pagerduty:index/service:Service", `${p.key}-service`, {}).htmlUrl;
        for (const e of entities) {
            expect(e.apiVersion).toBe("v3");
            expect(e.metadata.owner).toBe(p.team.handle);
            expect(e.metadata.contacts).toEqual([
                { name: `#${p.team.slackChannel}`, type: "slack", contact: `https://slack.com/app_redirect?channel=${p.team.slackChannel}` },
                { name: p.team.name, type: "email", contact: p.team.email },
            ]);
            expect(e.integrations.pagerduty.serviceURL).toBe(pagerdutyUrl);
            expect(e.spec.tier).toBe(String(p.tier));
            expect(e.metadata.links.map((l: any) => l.type)).toEqual(expect.arrayContaining(["runbook", "dashboard"]));
        }
        // Every service the monitors tag has its catalog entity.
        for (const s of monitorServices) expect(entities.map((e) => e.metadata.name)).toContain(s);
    });

    it("creates a team per owning team linked to its Slack channel and PagerDuty service", () => {
        expect(production.ofType(T.team).map((t) => t.inputs.handle).sort()).toEqual(products.map((p) => p.team.handle).sort());
        const links = production.ofType(T.link).filter((l) => l.name.startsWith("company-team-vivr-"))
            .sort((a, b) => (a.inputs.position as number) - (b.inputs.position as number)).map((l) => [l.inputs.label, l.inputs.url]);
        expect(links).toEqual([
            ["Slack #vivr-alerts-critical", "https://slack.com/app_redirect?channel=vivr-alerts-critical"],
            ["PagerDuty: VIVR", computed("pagerduty:index/service:Service", "vivr-service", {}).htmlUrl],
        ]);
    });

    it("requires env, service and team tags on every monitor, with values from the catalog", () => {
        const policies = Object.fromEntries(production.ofType(T.policy).map((p) => [(p.inputs.tagPolicy as any).tagKey, p.inputs.tagPolicy]));
        expect(policies.env).toEqual({ tagKey: "env", tagKeyRequired: true, validTagValues: ["production", "staging"] });
        expect((policies.service as any).validTagValues).toEqual(products.flatMap((p) => p.surfaces.map((s) => s.service)).sort());
        expect((policies.team as any).validTagValues).toEqual(products.map((p) => p.team.handle).sort());
        // And every monitor the program creates passes them.
        for (const m of production.ofType(MONITOR)) {
            for (const [key, policy] of Object.entries(policies)) {
                const value = (m.inputs.tags as string[]).find((t) => t.startsWith(`${key}:`))?.slice(key.length + 1);
                expect([m.name, key, (policy as any).validTagValues.includes(value)]).toEqual([m.name, key, true]);
            }
        }
    });

    it("leaves organization-wide resources to production: staging creates none", () => {
        for (const t of [T.entity, T.team, T.link, T.policy]) expect(staging.ofType(t)).toHaveLength(0);
    });

    it("fails clearly when a monitor's service or team is not in the catalog", () => {
        const vivr = products.find((p) => p.key === "vivr")!;
        const model = buildMonitor(vivr, vivr.monitors[0], { environment: "production", routing: { paging: true, slack: { critical: "a", warning: "b", channels: ["a", "b", "vivr-alerts-critical"] }, digestEmail: "d@x.io" } });
        const bad = { ...model, tags: model.tags.map((t) => (t.startsWith("service:") ? "service:vivr-typo" : t.startsWith("team:") ? "team:nobody" : t)) };
        expect(governanceProblems(products, ["production", "staging"], [{ product: "vivr", model: bad }])).toEqual([
            { source: "products/vivr.ts", field: `monitor ${model.id}: tags`, message: "service:vivr-typo is not in the catalog (no Software Catalog entity)" },
            { source: "products/vivr.ts", field: `monitor ${model.id}: tags`, message: "team:nobody is not in the catalog (unknown team)" },
        ]);
    });
});

describe.each([["production", production], ["staging", staging]] as const)("security detection rules in %s", (env, view) => {
    it.each(products.map((p) => [p.key, p] as const))("%s: one rule per security plan item, severity mapped, routed", (_k, p) => {
        const rules = view.ofType(T.rule, p.key);
        expect(rules.map((r) => r.name).sort()).toEqual(p.security.map((s) => `${p.key}-detection-${s.id}`).sort());
        for (const spec of p.security) {
            const r = view.byName(`${p.key}-detection-${spec.id}`, T.rule);
            const status = { P0: "critical", P1: "high", P2: "medium", P3: "low" }[spec.severity];
            expect(r.inputs.type).toBe("log_detection");
            expect((r.inputs.queries as any[])[0]).toMatchObject({ query: `env:${env} ${spec.search}`, aggregation: "count", groupByFields: spec.groupBy });
            const c = (r.inputs.cases as any[])[0];
            expect([c.status, c.condition]).toEqual([status, `a > ${spec.threshold}`]);
            expect(c.notifications.length).toBeGreaterThan(0);
            if (env === "staging") expect(c.notifications.join(" ")).not.toContain("@pagerduty-");
            expect((r.inputs.options as any).evaluationWindow).toBe(detectionWindow(spec.window));
        }
    });
});

it("maps windows to Datadog's allowed evaluation windows", () => {
    expect([detectionWindow("5m"), detectionWindow("10m"), detectionWindow("1h"), detectionWindow("45m")]).toEqual([300, 600, 3600, 3600]);
});
