/** Sentry per product and stack: teams, projects per surface, rate-limited keys, routed alerts, secret DSNs. */
import { enabledProducts } from "./helpers/catalog";
import { loadCatalog } from "../lib/inputs/catalog/validate";
import { SentryConfig } from "../lib/inputs/config";
import type { PublicStackConfig } from "../lib/inputs/config";
import { issueAlertFrequency, sentryActions, sentryAlertName, sentryAlerts, sentryModel } from "../lib/sentry/model";
import { alertRoutingProblems } from "../lib/stack/validate";
import { isLowUrgencyPagerService } from "../lib/model/naming";
import { pagerServiceNames } from "../lib/pagerduty/service";
import { catalog } from "../products";
import { minimalProduct } from "./fixtures/minimalProduct";
import { STACKS } from "./helpers/constants";
import { loadPlan, PlanResource } from "./helpers/plan";
import { stackConfig } from "./helpers/stackConfig";

const products = loadCatalog(catalog);
const [acme] = loadCatalog([minimalProduct()]);
const T = {
    team: "sentry:index/sentryTeam:SentryTeam",
    project: "sentry:index/sentryProject:SentryProject",
    key: "sentry:index/sentryKey:SentryKey",
    issue: "sentry:index/sentryIssueAlert:SentryIssueAlert",
    metric: "sentry:index/sentryMetricAlert:SentryMetricAlert",
};
const SLACK = "sentry.integrations.slack.notify_action.SlackNotifyServiceAction";
const EMAIL = "sentry.mail.actions.NotifyEmailAction";

function withPagerduty(config: PublicStackConfig, services: Record<string, number>): PublicStackConfig {
    return { ...config, sentry: { ...config.sentry, pagerduty: { integration: "BearifiedCo PagerDuty", services } } };
}

describe("Sentry model (pure)", () => {
    const production = stackConfig("production");
    const staging = stackConfig("staging");

    it("maps each severity's route to Slack channels, with the team's channel for P1", () => {
        expect(sentryActions(acme, "P2", production)).toEqual([{ kind: "slack", channel: "#alerts-warning" }]);
        expect(sentryActions(acme, "P1", staging)).toEqual([
            { kind: "slack", channel: "#alerts-critical" },
            { kind: "slack", channel: "#acme-alerts" },
        ]);
    });

    it("pages through Sentry's PagerDuty integration only when the route pages and the service is registered", () => {
        // Production P0 without the integration configured: the pager is replaced by an email to the team.
        expect(sentryActions(acme, "P0", production)).toEqual([
            { kind: "slack", channel: "#alerts-critical" },
            { kind: "slack", channel: "#acme-alerts" },
            { kind: "email", team: "acme-production" },
        ]);
        expect(sentryActions(acme, "P0", withPagerduty(production, { acme: 4242 })).slice(2)).toEqual([
            { kind: "pagerduty", service: "acme-production", sentryServiceId: 4242, severity: "critical" },
        ]);
        // Registered for another product only: still the email fallback.
        expect(sentryActions(acme, "P0", withPagerduty(production, { other: 1 })).slice(2)).toEqual([
            { kind: "email", team: "acme-production" },
        ]);
        // Staging never pages, whatever Sentry knows.
        expect(sentryActions(acme, "P0", withPagerduty(staging, { acme: 4242 })).map((a) => a.kind)).toEqual(["slack", "slack"]);
    });

    it("emails the team for the digest severity, since Sentry cannot address the digest mailbox", () => {
        expect(sentryActions(acme, "P3", production)).toEqual([{ kind: "email", team: "acme-production" }]);
    });

    it("takes the issue alert frequency from the severity's renotify interval, within Sentry's 5 min..30 days", () => {
        expect((["P0", "P1", "P2", "P3"] as const).map(issueAlertFrequency)).toEqual([15, 30, 120, 1440]);
    });

    it("names alerts like Datadog monitors, with the environment outside production and the severity", () => {
        expect(sentryAlertName(acme, "api", "New issue", "P2", "production")).toBe("[ACME] api: New issue (P2)");
        expect(sentryAlertName(acme, "api", "New issue", "P2", "staging")).toBe("[ACME (staging)] api: New issue (P2)");
    });

    it("gives surfaces without a platform no project, and crash-rate alerts to web/mobile surfaces only", () => {
        const [p] = loadCatalog([
            minimalProduct({
                surfaces: [
                    {
                        name: "api",
                        kind: "api",
                        service: "acme-api",
                        language: "python",
                        framework: "flask",
                        sentryPlatform: "python-flask",
                        host: "api.acme.test",
                    },
                    {
                        name: "app",
                        kind: "mobile",
                        service: "acme-app",
                        language: "swift",
                        framework: "SwiftUI",
                        sentryPlatform: "apple-ios",
                    },
                    { name: "db", kind: "database", service: "acme-db", language: "sql", framework: "PostgreSQL" },
                ],
            }),
        ]);
        const model = sentryModel(p, staging);
        expect(model.team).toEqual({ slug: "acme-staging", name: "ACME Team (staging)" });
        expect(model.projects.map((x) => [x.slug, x.platform, x.metricAlerts.map((m) => m.id)])).toEqual([
            ["acme-api-staging", "python-flask", ["error-rate"]],
            ["acme-app-staging", "apple-ios", ["error-rate", "crash-rate"]],
        ]);
    });

    it("exposes its alerts to the stack-wide routing validation as alerts of the one model", () => {
        const alerts = sentryAlerts(acme, withPagerduty(production, { acme: 4242 }));
        expect(alerts.map((a) => [a.id, a.kind, a.severity])).toEqual([
            ["sentry-api-new-issue", "sentry-issue", "P2"],
            ["sentry-api-regression", "sentry-issue", "P2"],
            ["sentry-api-frequency-spike", "sentry-issue", "P1"],
            ["sentry-api-error-rate", "sentry-metric", "P1"],
        ]);
        expect(alerts[0].route.slackChannels).toEqual(["alerts-warning"]);
        expect(alerts[2].route.slackChannels).toEqual(["alerts-critical", "acme-alerts"]);
        expect(alerts[2].condition.text).toBe("> 100 events of one issue in 1h");
        // The product's channel is not configured in the stack: every Sentry alert using it is reported.
        const problems = alertRoutingProblems(alerts, {
            pagerServices: new Set(),
            slackChannels: new Set(["alerts-critical", "alerts-warning"]),
            paging: true,
        });
        expect(problems).toEqual(
            ["frequency-spike", "error-rate"].map((id) => ({
                source: "products/acme.ts",
                field: `alert sentry-api-${id}`,
                message: "#acme-alerts is not a configured Slack channel (routing.slack.channels)",
            })),
        );
    });

    it("validates the optional PagerDuty integration config", () => {
        const base = { organization: "bearifiedco", slackWorkspace: "BearifiedCo", keyRateLimit: { count: 10, windowSeconds: 60 } };
        expect(SentryConfig.safeParse(base).success).toBe(true);
        expect(SentryConfig.safeParse({ ...base, pagerduty: { integration: "PD", services: { acme: 12 } } }).success).toBe(true);
        const bad = SentryConfig.safeParse({ ...base, pagerduty: { integration: "PD", services: { acme: "P123" } } });
        expect(bad.success).toBe(false);
        expect(bad.error!.issues.map((i) => i.path.join("."))).toEqual(["pagerduty.services.acme"]);
    });
});

describe.each(STACKS)("Sentry in stack %s", (env) => {
    const view = loadPlan(env);
    const config = stackConfig(env);
    const sentryProducts = products.filter((p) => p.surfaces.some((s) => s.sentryPlatform));
    const channels = (r: PlanResource) => (r.inputs.actions as Array<Record<string, string>>).map((a) => a.channel);
    const triggerChannels = (r: PlanResource) =>
        (r.inputs.triggers as Array<{ label: string; actions: Array<Record<string, unknown>> }>).map((t) => [
            t.label,
            t.actions.map((a) => a.targetIdentifier),
        ]);

    it("covers every product of the stack", () => {
        expect(sentryProducts.map((p) => p.key)).toEqual(config.products);
    });

    it.each(products.map((p) => [p.key, p] as const))("%s: a team and one project per code surface, with its platform", (_k, p) => {
        expect(view.ofType(T.team, p.key).map((t) => [t.inputs.slug, t.inputs.name])).toEqual([
            [`${p.team.handle}-${env}`, `${p.team.name} (${env})`],
        ]);
        const expected = p.surfaces.filter((s) => s.sentryPlatform).map((s) => [`${p.key}-${s.name}-${env}`, s.sentryPlatform]);
        expect(
            view
                .ofType(T.project, p.key)
                .map((r) => [r.inputs.slug, r.inputs.platform])
                .sort(),
        ).toEqual(expected.sort());
        for (const project of view.ofType(T.project, p.key)) {
            expect(project.inputs.teams).toEqual([`${p.team.handle}-${env}`]);
            expect(project.options.retainOnDelete).toBe(true);
        }
    });

    it("creates the projects the plans name, with their platforms", () => {
        const projects = Object.fromEntries(view.ofType(T.project).map((r) => [r.inputs.slug, r.inputs.platform]));
        expect(Object.keys(projects)).toHaveLength(
            enabledProducts(env).reduce((n, p) => n + p.surfaces.filter((s) => s.sentryPlatform).length, 0),
        );
        // One project per surface that runs the product's own code, with the platform its plan names; managed
        // surfaces (a Supabase database, Redis) have none.
        for (const p of enabledProducts(env)) {
            for (const s of p.surfaces) {
                const slug = `${p.key}-${s.name}-${env}`;
                expect([slug, projects[slug]]).toEqual([slug, s.sentryPlatform]);
            }
        }
        expect(enabledProducts(env).some((p) => p.surfaces.some((s) => !s.sentryPlatform))).toBe(true);
    });

    it("gives every project one client key with the stack's rate limit", () => {
        const limit = env === "production" ? 1000 : 200;
        expect(config.sentry.keyRateLimit).toEqual({ count: limit, windowSeconds: 60 });
        const keys = view.ofType(T.key);
        expect(keys.map((k) => k.inputs.project).sort()).toEqual(
            view
                .ofType(T.project)
                .map((p) => p.inputs.slug)
                .sort(),
        );
        for (const k of keys) expect([k.inputs.rateLimitCount, k.inputs.rateLimitWindow]).toEqual([limit, 60]);
    });

    it.each(sentryProducts.map((p) => [p.key, p] as const))(
        "%s: issue alerts on new issues, regressions and spikes, in this environment, routed by severity",
        (_k, p) => {
            const projects = view.ofType(T.project, p.key).map((r) => r.name);
            const alerts = view.ofType(T.issue, p.key);
            expect(alerts.map((a) => a.name).sort()).toEqual(
                projects.flatMap((n) => ["new-issue", "regression", "frequency-spike"].map((id) => `${n}-${id}`)).sort(),
            );
            const critical = ["#alerts-critical", `#${p.team.slackChannel}`];
            for (const a of alerts) {
                const surface = a.name.slice(`${p.key}-sentry-`.length).replace(/-(new-issue|regression|frequency-spike)$/, "");
                expect(a.inputs).toMatchObject({ environment: env, project: `${p.key}-${surface}-${env}`, actionMatch: "any" });
                const spike = a.name.endsWith("-frequency-spike");
                expect([a.name, channels(a), a.inputs.frequency]).toEqual([
                    a.name,
                    spike ? critical : ["#alerts-warning"],
                    spike ? 30 : 120,
                ]);
                expect(
                    (a.inputs.name as string).startsWith(
                        env === "production" ? `[${p.displayName}] ${surface}: ` : `[${p.displayName} (staging)] ${surface}: `,
                    ),
                ).toBe(true);
                expect((a.inputs.name as string).endsWith(spike ? " (P1)" : " (P2)")).toBe(true);
            }
        },
    );

    // A project of the stack: its issue alerts' conditions are the same for every project.
    const project = (() => {
        const p = enabledProducts(env).find((x) => x.surfaces.some((s) => s.sentryPlatform))!;
        return { p, s: p.surfaces.find((s) => s.sentryPlatform)! };
    })();
    it("uses Sentry's rule conditions for each issue alert", () => {
        const conditions = (alert: string) => view.byName(`${project.p.key}-sentry-${project.s.name}-${alert}`, T.issue).inputs.conditions;
        expect(conditions("new-issue")).toEqual([{ id: "sentry.rules.conditions.first_seen_event.FirstSeenEventCondition" }]);
        expect(conditions("regression")).toEqual([{ id: "sentry.rules.conditions.regression_event.RegressionEventCondition" }]);
        expect(conditions("frequency-spike")).toEqual([
            {
                id: "sentry.rules.conditions.event_frequency.EventFrequencyCondition",
                value: "100",
                comparisonType: "count",
                interval: "1h",
            },
        ]);
    });

    it("posts every action to the Slack workspace's integration, emails only the teams whose plan asks; nothing pages from Sentry (P1 at most)", () => {
        const issueActions = view.ofType(T.issue).flatMap((a) => a.inputs.actions as Array<Record<string, string>>);
        const emailing = products.filter((p) => p.severityRoutes.length > 0).map((p) => p.key);
        const emailed = view
            .ofType(T.issue)
            .filter((a) => (a.inputs.actions as Array<Record<string, string>>).some((x) => x.id === EMAIL))
            .map((a) => a.name.split("-")[0]);
        expect([...new Set(emailed)].sort()).toEqual(emailing.sort());
        expect(new Set(issueActions.map((a) => a.id))).toEqual(new Set([SLACK, ...(emailing.length ? [EMAIL] : [])]));
        const workspaces = new Set(issueActions.filter((a) => a.id === SLACK).map((a) => a.workspace));
        expect(workspaces.size).toBe(1);
        const metricActions = view
            .ofType(T.metric)
            .flatMap((m) => (m.inputs.triggers as Array<{ actions: Array<Record<string, unknown>> }>).flatMap((t) => t.actions));
        expect(new Set(metricActions.map((a) => `${a.type}/${a.targetType}/${a.integrationId ?? "-"}`))).toEqual(
            new Set([`slack/specific/${[...workspaces][0]}`, ...(emailing.length ? ["email/team/-"] : [])]),
        );
    });

    it("has a failure-rate alert per project and a crash-rate alert on web surfaces, with the 5% and 99%/98% thresholds", () => {
        const metric = view.ofType(T.metric);
        expect(metric.filter((m) => m.name.endsWith("-error-rate"))).toHaveLength(
            enabledProducts(env).reduce((n, p) => n + p.surfaces.filter((s) => s.sentryPlatform).length, 0),
        );
        const crash = metric.filter((m) => m.name.endsWith("-crash-rate"));
        expect(crash.map((m) => m.name).sort()).toEqual(
            products
                .flatMap((p) =>
                    p.surfaces
                        .filter((s) => s.sentryPlatform && (s.kind === "web" || s.kind === "mobile"))
                        .map((s) => `${p.key}-sentry-${s.name}-crash-rate`),
                )
                .sort(),
        );
        expect(metric).toHaveLength(metric.filter((m) => m.name.endsWith("-error-rate")).length + crash.length);

        // A product on the company routes (no plan additions): its Sentry alerts post to Slack only.
        const plain = (kinds: string[]) => {
            const p = enabledProducts(env).find(
                (x) => x.severityRoutes.length === 0 && x.surfaces.some((s) => s.sentryPlatform && kinds.includes(s.kind)),
            )!;
            return { p, s: p.surfaces.find((s) => s.sentryPlatform && kinds.includes(s.kind))! };
        };
        const api = plain(["api"]);
        const e = view.byName(`${api.p.key}-sentry-${api.s.name}-error-rate`, T.metric);
        const team = view.byName(`${api.p.key}-sentry-team`, T.team);
        expect(e.inputs).toMatchObject({
            project: `${api.p.key}-${api.s.name}-${env}`,
            dataset: "transactions",
            aggregate: "failure_rate()",
            timeWindow: 15,
            environment: env,
            thresholdType: 0,
            resolveThreshold: 0.045,
            owner: expect.stringMatching(/^team:\d+$/),
        });
        expect(team.inputs.slug).toBe(`${api.p.key}-${env}`);
        expect((e.inputs.triggers as any[]).map((t) => [t.label, t.alertThreshold, t.thresholdType])).toEqual([["critical", 0.05, 0]]);
        expect(triggerChannels(e)).toEqual([["critical", ["#alerts-critical", `#${api.p.team.slackChannel}`]]]);

        const web = plain(["web", "mobile"]);
        const c = view.byName(`${web.p.key}-sentry-${web.s.name}-crash-rate`, T.metric);
        expect(c.inputs).toMatchObject({
            dataset: "metrics",
            aggregate: "percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate",
            timeWindow: 60,
            resolveThreshold: 0.5,
        });
        expect((c.inputs.triggers as any[]).map((t) => [t.label, t.alertThreshold])).toEqual([
            ["critical", 2],
            ["warning", 1],
        ]);
        // A warning takes the route of the next lower severity (P1 → P2: #alerts-warning).
        expect(triggerChannels(c)).toEqual([
            ["critical", ["#alerts-critical", `#${web.p.team.slackChannel}`]],
            ["warning", ["#alerts-warning"]],
        ]);
    });

    it("plans exactly the alerts the routing validation checked", () => {
        const alerts = products.flatMap((p) => sentryAlerts(p, config));
        expect(alerts).toHaveLength(view.ofType(T.issue).length + view.ofType(T.metric).length);
        expect(
            // Only low-urgency services: no Sentry alert pages.
            alertRoutingProblems(alerts, {
                pagerServices: new Set(pagerServiceNames(products, env).filter(isLowUrgencyPagerService)),
                slackChannels: new Set(config.routing.slack.channels),
                paging: config.routing.paging,
            }),
        ).toEqual([]);
    });

    it("keeps DSNs secret in the plan and the outputs", () => {
        const outputs = view.plan.outputs.products as Record<
            string,
            { sentry: { dsns: Record<string, unknown>; projects: Record<string, string> } }
        >;
        for (const p of products) {
            const surfaces = p.surfaces.filter((s) => s.sentryPlatform).map((s) => s.name);
            expect(outputs[p.key].sentry.dsns).toEqual(Object.fromEntries(surfaces.map((s) => [s, "[secret]"])));
            expect(outputs[p.key].sentry.projects).toEqual(Object.fromEntries(surfaces.map((s) => [s, `${p.key}-${s}-${env}`])));
        }
        // No DSN in clear anywhere: not in an output, not in any resource's inputs (the option naming the secret
        // output, `additionalSecretOutputs: ["dsnPublic", ...]`, is no value).
        expect(view.raw).not.toMatch(/ingest\.sentry\.io|"dsnPublic":/);
    });
});
