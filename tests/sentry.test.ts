/** Sentry per product and stack: teams, projects per surface, rate-limited keys, routed alerts, secret DSNs. */
import { loadCatalog } from "../lib/catalog/validate";
import { catalog } from "../products";
import { STACKS } from "./helpers/constants";
import { loadPlan } from "./helpers/plan";

const products = loadCatalog(catalog);
const T = {
    team: "sentry:index/sentryTeam:SentryTeam",
    project: "sentry:index/sentryProject:SentryProject",
    key: "sentry:index/sentryKey:SentryKey",
    issue: "sentry:index/sentryIssueAlert:SentryIssueAlert",
    metric: "sentry:index/sentryMetricAlert:SentryMetricAlert",
};

describe.each(STACKS)("Sentry in stack %s", (env) => {
    const view = loadPlan(env);

    it.each(products.map((p) => [p.key, p] as const))("%s: a team and one project per code surface, with its platform", (_k, p) => {
        expect(view.ofType(T.team, p.key).map((t) => t.inputs.slug)).toEqual([`${p.team.handle}-${env}`]);
        const expected = p.surfaces.filter((s) => s.sentryPlatform).map((s) => [`${p.key}-${s.name}-${env}`, s.sentryPlatform]);
        expect(view.ofType(T.project, p.key).map((r) => [r.inputs.slug, r.inputs.platform]).sort()).toEqual(expected.sort());
        for (const project of view.ofType(T.project, p.key)) {
            expect(project.inputs.teams).toEqual([`${p.team.handle}-${env}`]);
            expect(project.options.retainOnDelete).toBe(true);
        }
    });

    it("uses the platforms the plans name", () => {
        const platform = (slug: string) => view.ofType(T.project).find((r) => r.inputs.slug === slug)?.inputs.platform;
        expect(platform(`genonaut-api-${env}`)).toBe("python-fastapi");
        expect(platform(`plumberleads-api-${env}`)).toBe("python-flask");
        expect(platform(`vivr-web-${env}`)).toBe("javascript-nextjs");
        expect(platform(`driplo-web-${env}`)).toBe("javascript-sveltekit");
    });

    it("gives every project a client key with the stack's rate limit", () => {
        const limit = env === "production" ? 1000 : 200;
        expect(view.ofType(T.key)).toHaveLength(view.ofType(T.project).length);
        for (const k of view.ofType(T.key)) expect([k.inputs.rateLimitCount, k.inputs.rateLimitWindow]).toEqual([limit, 60]);
    });

    it("alerts on new issues, regressions and spikes in this environment, routed like Datadog alerts", () => {
        const alerts = view.ofType(T.issue);
        expect(alerts).toHaveLength(view.ofType(T.project).length * 3);
        for (const a of alerts) expect(a.inputs.environment).toBe(env);
        const channels = (name: string) => (view.byName(`vivr-sentry-${name}`, T.issue).inputs.actions as any[]).map((x) => x.channel);
        expect(channels("web-new-issue")).toEqual(["#alerts-warning"]); // P2
        expect(channels("web-frequency-spike")).toEqual(["#alerts-critical", "#vivr-alerts-critical"]); // P1
    });

    it("has a failure-rate alert per project and a crash-rate alert on web surfaces", () => {
        const metric = view.ofType(T.metric);
        const errorRates = metric.filter((m) => m.name.endsWith("-error-rate"));
        expect(errorRates).toHaveLength(view.ofType(T.project).length);
        const crash = metric.filter((m) => m.name.endsWith("-crash-rate"));
        expect(crash.map((m) => m.name).sort()).toEqual(products.flatMap((p) => p.surfaces.filter((s) => s.sentryPlatform && (s.kind === "web" || s.kind === "mobile")).map((s) => `${p.key}-sentry-${s.name}-crash-rate`)).sort());
        const e = view.byName("genonaut-sentry-api-error-rate", T.metric);
        expect(e.inputs).toMatchObject({ dataset: "transactions", aggregate: "failure_rate()", timeWindow: 5, environment: env });
        expect((e.inputs.triggers as any[]).map((t) => [t.label, t.alertThreshold])).toEqual([["critical", 0.05], ["warning", 0.01]]);
    });

    it("keeps DSNs secret in the plan and the outputs", () => {
        const outputs = view.plan.outputs.products as Record<string, { sentry: { dsns: Record<string, unknown> } }>;
        for (const p of products) {
            const surfaces = p.surfaces.filter((s) => s.sentryPlatform).map((s) => s.name);
            expect(outputs[p.key].sentry.dsns).toEqual(Object.fromEntries(surfaces.map((s) => [s, "[secret]"])));
        }
        expect(view.raw).not.toMatch(/ingest\.sentry\.io/);
    });
});
