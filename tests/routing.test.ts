/** The one severity model and the routing table: severity × environment → handles; validated as a whole. */
import { loadCatalog } from "../lib/inputs/catalog/validate";
import { parseHandles, routeHandles } from "../lib/datadog/handles";
import { stateBlocks } from "../lib/datadog/messages";
import { SEVERITY_POLICIES, Severity } from "../lib/model/severity";
import { pages } from "../lib/model/alert";
import { route } from "../lib/model/routing";
import { severityBasedUrgency } from "../lib/pagerduty/service";
import { buildStackModel, StackAlert } from "../lib/stack/model";
import { alertRoutingProblems, validateStack } from "../lib/stack/validate";
import { usageBudgetAlerts } from "../lib/datadog/usageBudget";
import { catalog } from "../products";
import { stackConfig } from "./helpers/stackConfig";
import { isCompositePart, loadPlan, MONITOR, pagesFrom } from "./helpers/plan";

const products = loadCatalog(catalog);
const production = stackConfig("production");
const staging = stackConfig("staging");
const bearo = products.find((p) => p.key === "bearo")!;

describe("severity model (000 §Severity Levels)", () => {
    it.each([
        ["P0", "1", 15, "high", true],
        ["P1", "2", 30, "low", false],
        ["P2", "3", 120, "low", false],
        ["P3", "4", 0, "low", false],
    ] as const)("%s: priority %s, renotify %i min, %s urgency, pages=%s", (sev, priority, renotify, urgency, pages) => {
        const p = SEVERITY_POLICIES[sev];
        expect([p.priority, p.renotifyMinutes, p.pagerUrgency, p.pages]).toEqual([priority, renotify, urgency, pages]);
        // The service's severity-based urgency must give this severity's urgency to the events we send.
        expect(severityBasedUrgency(p.pagerEventSeverity)).toBe(urgency);
    });

    it("sends Events v2 severities that only make P0 high urgency", () => {
        expect(Object.values(SEVERITY_POLICIES).map((p) => p.pagerEventSeverity)).toEqual(["critical", "warning", "warning", "info"]);
    });
});

describe("routing table: severity × environment", () => {
    it.each([
        ["P0", "production", ["@pagerduty-bearo-production", "@slack-alerts-critical", "@slack-bearo-alerts"]],
        ["P1", "production", ["@slack-alerts-critical", "@slack-bearo-alerts"]],
        ["P2", "production", ["@slack-alerts-warning"]],
        ["P3", "production", ["@alerts-digest@bearified.co"]],
        ["P0", "staging", ["@slack-alerts-critical", "@slack-bearo-alerts"]],
        ["P1", "staging", ["@slack-alerts-critical", "@slack-bearo-alerts"]],
        ["P2", "staging", ["@slack-alerts-warning"]],
        ["P3", "staging", ["@alerts-staging-digest@bearified.co"]],
    ] as const)("%s in %s → %j", (severity, env, expected) => {
        const config = env === "production" ? production : staging;
        expect(routeHandles(severity, env, config.routing, bearo)).toEqual(expected);
    });

    // A product whose plan adds to some severities' routes (spec `severityRoutes`), e.g. 004 §Alert Severity Levels.
    const withAdditions = products.find((p) => p.severityRoutes.some((r) => r.lowUrgencyPage));
    const additions = withAdditions ? withAdditions.severityRoutes : [];
    it.each(additions.map((r) => [r.severity, r] as const))(
        "a plan's additions to %s reach the low-urgency pager and the team mailbox in production, only the mailbox in staging",
        (severity, addition) => {
            const p = withAdditions!;
            const prod = route(severity, "production", production.routing, p);
            const base = route(severity, "production", production.routing, { ...p, severityRoutes: [] });
            expect(prod.slackChannels).toEqual(base.slackChannels);
            expect(prod.emails).toEqual([...base.emails, ...(addition.emailTeam ? [p.team.email] : [])]);
            expect(prod.pager).toEqual(
                base.pager ?? (addition.lowUrgencyPage ? { service: `${p.key}-production-low`, urgency: "low" } : undefined),
            );
            expect(route(severity, "staging", staging.routing, p).pager).toBeUndefined();
        },
    );

    it("a low-urgency incident is not a page: the P0 route alone pages at high urgency", () => {
        const p = withAdditions!;
        expect(route("P0", "production", production.routing, p).pager).toEqual({ service: `${p.key}-production`, urgency: "high" });
        const low = additions.find((r) => r.lowUrgencyPage)!;
        expect(pages({ route: route(low.severity, "production", production.routing, p) })).toBe(false);
        expect(pages({ route: route("P0", "production", production.routing, p) })).toBe(true);
    });

    // A product routing components to their own rotations (spec `componentRoutes`), e.g. 004 §Alert Routes.
    const withComponents = products.find((p) => p.componentRoutes.length > 0);
    it.each((withComponents?.componentRoutes ?? []).flatMap((c) => c.categories.map((category) => [c.component, category] as const)))(
        "a %s alert (category %s) pages its component's service, and reaches its low-urgency twin below P0",
        (component, category) => {
            const p = withComponents!;
            expect(route("P0", "production", production.routing, p, category).pager).toEqual({
                service: `${p.key}-production-${component}`,
                urgency: "high",
            });
            const low = p.severityRoutes.find((r) => r.lowUrgencyPage);
            if (low)
                expect(route(low.severity, "production", production.routing, p, category).pager).toEqual({
                    service: `${p.key}-production-${component}-low`,
                    urgency: "low",
                });
            // Other categories keep the product's own service.
            expect(route("P0", "production", production.routing, p, "errors").pager?.service).toBe(`${p.key}-production`);
        },
    );

    it("parses every kind of handle out of a message, malformed emails included, log attributes excluded", () => {
        expect(
            parseHandles("x @pagerduty-bearo-production y @slack-alerts-critical @ops@bearified.co per @network.client.ip @ops@local").map(
                (h) => [h.kind, h.target],
            ),
        ).toEqual([
            ["pagerduty", "bearo-production"],
            ["slack", "alerts-critical"],
            ["email", "ops@bearified.co"],
            ["email", "ops@local"],
        ]);
    });
});

describe.each(["production", "staging"] as const)("monitor messages in the evaluated %s stack", (stack) => {
    const view = loadPlan(stack);
    // Alerts: monitors and synthetic tests (downtimes carry a message but notify nobody; detection rules are signals).
    const alerting = new Set([MONITOR, "datadog:index/syntheticsTest:SyntheticsTest"]);
    // A composite's parts notify nobody; monitors.test.ts checks them.
    const alerts = view.resources.filter((r) => alerting.has(r.type) && !isCompositePart(r));
    // A detection rule notifies the handles of its cases; monitors and tests those of their message.
    // The alert state's handles (warnings and recoveries have their own blocks, tested in monitors.test.ts).
    const alertText = (message: string) => stateBlocks(message).is_alert ?? message;
    const notified = (r: { inputs: Record<string, unknown> }) =>
        [
            ...new Set(
                [
                    alertText(r.inputs.message as string),
                    ...((r.inputs.cases ?? []) as Array<{ notifications?: string[] }>).flatMap((c) => c.notifications ?? []),
                ].flatMap((text) => parseHandles(text).map((h) => h.raw)),
            ),
        ].join(" ");
    const messages = alerts.map((r) => [r.name, notified(r)] as const);
    const config = stack === "production" ? production : staging;
    const tag = (r: { inputs: Record<string, unknown> }, key: string) =>
        (r.inputs.tags as string[]).find((t) => t.startsWith(`${key}:`))!.slice(key.length + 1);

    it("keeps security detection rules silent: their condition alerts once, through its security log monitor", () => {
        const rules = view.ofType("datadog:index/securityMonitoringRule:SecurityMonitoringRule");
        expect(rules.length).toBe(products.reduce((n, p) => n + p.security.length, 0));
        for (const r of rules) {
            expect([r.name, notified(r)]).toEqual([r.name, ""]);
            expect(view.resources.filter((m) => m.type === MONITOR && m.name === r.name.replace("-detection-", "-security-"))).toHaveLength(
                1,
            );
        }
    });

    it("routes every alert by its severity, environment and product, as lib/routing says", () => {
        for (const r of alerts) {
            const product = products.find((p) => p.key === tag(r, "product"));
            // Organization-wide monitors (usage budget) have no product route; tests/planOperations.test.ts checks theirs.
            if (!product) continue;
            const severity = tag(r, "severity").toUpperCase() as Severity;
            const found = parseHandles(notified(r)).map((h) => h.raw);
            expect([r.name, found]).toEqual([r.name, routeHandles(severity, stack, config.routing, product, tag(r, "category"))]);
        }
    });

    it("gives this routing table (product-specific parts as <product> and <team channel>)", () => {
        const table = new Map<string, Set<string>>();
        for (const r of alerts) {
            const product = products.find((p) => p.key === tag(r, "product"));
            // Organization-wide monitors (usage budget) have no product route; tests/planOperations.test.ts checks theirs.
            if (!product) continue;
            const key = tag(r, "severity").toUpperCase();
            // A plan's own additions to a severity's route are checked above (as lib/routing says) and in the pure tests.
            if (product.severityRoutes.some((a) => a.severity === key)) continue;
            const shape = parseHandles(notified(r))
                .map((h) =>
                    h.raw
                        .replace(`@pagerduty-${product.key}-`, "@pagerduty-<product>-")
                        .replace(`@slack-${product.team.slackChannel}`, "@slack-<team channel>"),
                )
                .join(" ");
            table.set(key, new Set([...(table.get(key) ?? []), shape]));
        }
        const digest = config.routing.digestEmail;
        expect(Object.fromEntries([...table.entries()].sort().map(([k, v]) => [k, [...v]]))).toEqual({
            P0: [`${stack === "production" ? "@pagerduty-<product>-production " : ""}@slack-alerts-critical @slack-<team channel>`],
            P1: ["@slack-alerts-critical @slack-<team channel>"],
            P2: ["@slack-alerts-warning"],
            P3: [`@${digest}`],
        });
    });

    it("every alert message carries at least one handle", () => {
        expect(messages.length).toBeGreaterThan(100);
        for (const [name, message] of messages) expect([name, parseHandles(message).length > 0]).toEqual([name, true]);
    });

    it("every @pagerduty handle resolves to a ServiceObject of the stack, every Slack channel is configured", () => {
        const services = new Set(view.ofType("datadog:pagerduty/serviceObject:ServiceObject").map((s) => s.inputs.serviceName));
        const channels = new Set((stack === "production" ? production : staging).routing.slack.channels);
        for (const [name, message] of messages) {
            for (const h of parseHandles(message)) {
                if (h.kind === "pagerduty") expect([name, services.has(h.target)]).toEqual([name, true]);
                if (h.kind === "slack") expect([name, channels.has(h.target)]).toEqual([name, true]);
            }
        }
    });

    it(stack === "staging" ? "never pages" : "pages on every P0 monitor and only on P0", () => {
        for (const m of view.ofType(MONITOR)) {
            // A low-urgency incident notifies without waking anyone: not a page.
            const pages = pagesFrom(m.inputs.message as string);
            const p0 = (m.inputs.tags as string[]).includes("severity:p0");
            expect([m.name, pages]).toEqual([m.name, stack === "production" && p0]);
        }
        if (stack === "staging") expect(view.raw).not.toContain("@pagerduty-");
    });

    it("sets priority and renotify from the severity", () => {
        for (const m of view.ofType(MONITOR).filter((x) => !isCompositePart(x))) {
            const sev = (m.inputs.tags as string[])
                .find((t) => t.startsWith("severity:"))!
                .split(":")[1]
                .toUpperCase() as keyof typeof SEVERITY_POLICIES;
            const policy = SEVERITY_POLICIES[sev];
            expect([m.name, m.inputs.priority, m.inputs.renotifyInterval ?? 0]).toEqual([m.name, policy.priority, policy.renotifyMinutes]);
        }
    });
});

describe("stack validation fails on unresolvable routing", () => {
    it("accepts both committed stacks", () => {
        expect(validateStack(buildStackModel(products, production))).toEqual([]);
        expect(validateStack(buildStackModel(products, staging))).toEqual([]);
    });

    it("names product, alert and handle when a Slack channel is not configured", () => {
        const config = {
            ...production,
            routing: {
                ...production.routing,
                slack: { ...production.routing.slack, channels: production.routing.slack.channels.filter((c) => c !== "bearo-alerts") },
            },
        };
        const problems = validateStack(
            buildStackModel(
                products.filter((p) => p.key === "bearo"),
                config,
            ),
        );
        expect(problems.length).toBeGreaterThan(0);
        expect(problems[0]).toEqual({
            source: "products/bearo.ts",
            field: expect.stringMatching(/^alert /),
            message: "#bearo-alerts is not a configured Slack channel (routing.slack.channels)",
        });
    });

    it("validates the organization-wide alerts with the product alerts, naming their module", () => {
        const model = buildStackModel(products, production);
        expect(model.organizationAlerts).toEqual(production.datadog.manageOrganizationResources ? usageBudgetAlerts(production) : []);
        expect(model.organizationAlerts.length).toBeGreaterThan(0);
        const [first] = model.organizationAlerts;
        const broken = { ...model, organizationAlerts: [{ ...first, route: { ...first.route, slackChannels: ["nope"] } }] };
        expect(validateStack(broken)).toContainEqual({
            source: "lib/datadog/usageBudget.ts",
            field: `alert ${first.id}`,
            message: "#nope is not a configured Slack channel (routing.slack.channels)",
        });
        expect(validateStack(model)).toEqual([]);
    });

    it("names product, alert and target for every unresolvable route, all at once", () => {
        const targets = { pagerServices: new Set(["bearo-production"]), slackChannels: new Set(["alerts-critical"]), paging: true };
        const [down, errors, quiet] = buildStackModel(
            products.filter((p) => p.key === "vivr"),
            production,
        ).alerts;
        const alerts: StackAlert[] = [
            {
                ...down,
                route: {
                    ...down.route,
                    pager: { service: "vivr-production", urgency: "high" },
                    slackChannels: ["alerts-critical"],
                    emails: [],
                },
            },
            { ...errors, route: { ...errors.route, pager: undefined, slackChannels: ["vivr-alerts"], emails: ["not-an-email@x"] } },
            { ...quiet, route: { ...quiet.route, pager: undefined, slackChannels: [], emails: [] } },
        ];
        const message = (a: StackAlert) => (a.binding.provider === "datadog-monitor" ? a.binding.monitor.message : "");
        expect(alertRoutingProblems(alerts, targets)).toEqual([
            {
                source: "products/vivr.ts",
                field: `alert ${down.id}`,
                message: 'pages "vivr-production", which is not a pager service of this stack',
            },
            ...parseHandles(message(down))
                .filter((h) => h.raw !== "@slack-alerts-critical" && h.raw !== "@pagerduty-vivr-production")
                .map((h) => ({
                    source: "products/vivr.ts",
                    field: `alert ${down.id}`,
                    message: `the message notifies ${h.raw}, which is not on its route`,
                })),
            {
                source: "products/vivr.ts",
                field: `alert ${errors.id}`,
                message: "#vivr-alerts is not a configured Slack channel (routing.slack.channels)",
            },
            { source: "products/vivr.ts", field: `alert ${errors.id}`, message: "not-an-email@x is not a valid email address" },
            ...parseHandles(message(errors)).map((h) => ({
                source: "products/vivr.ts",
                field: `alert ${errors.id}`,
                message: `the message notifies ${h.raw}, which is not on its route`,
            })),
            { source: "products/vivr.ts", field: `alert ${quiet.id}`, message: "the alert notifies nobody" },
            ...parseHandles(message(quiet)).map((h) => ({
                source: "products/vivr.ts",
                field: `alert ${quiet.id}`,
                message: `the message notifies ${h.raw}, which is not on its route`,
            })),
        ]);
        expect(
            alertRoutingProblems(alerts.slice(0, 1), { ...targets, pagerServices: new Set(["vivr-production"]), paging: false }),
        ).toEqual([
            {
                source: "products/vivr.ts",
                field: `alert ${down.id}`,
                message: "pages vivr-production, but paging is off in this stack (routing.paging: false)",
            },
            ...parseHandles(message(down))
                .filter((h) => h.raw !== "@slack-alerts-critical" && h.raw !== "@pagerduty-vivr-production")
                .map((h) => ({
                    source: "products/vivr.ts",
                    field: `alert ${down.id}`,
                    message: `the message notifies ${h.raw}, which is not on its route`,
                })),
        ]);
    });

    it("rejects an escalation that reaches fewer than two people", () => {
        const oncall = {
            ...production.oncall,
            teams: { ...production.oncall.teams, bearo: { primary: ["alice"], backup: ["alice"], lead: "alice" } },
            founder: "alice",
        };
        const problems = validateStack(buildStackModel([bearo], { ...production, oncall }));
        expect(problems).toContainEqual({
            source: "products/bearo.ts",
            field: "escalation",
            message: "the escalation policy reaches 1 responder(s); at least two distinct people are needed",
        });
    });
});
