/** The one severity model and the routing table: severity × environment → handles; validated as a whole. */
import { loadCatalog } from "../lib/inputs/catalog/validate";
import { parseHandles, routeHandles } from "../lib/model/routing";
import { SEVERITY_POLICIES, Severity } from "../lib/model/severity";
import { severityBasedUrgency } from "../lib/pagerduty/service";
import { alertRoutingProblems, validateStack } from "../lib/model/stackValidation";
import { catalog } from "../products";
import { stackConfig } from "./helpers/stackConfig";
import { loadPlan, MONITOR } from "./helpers/plan";

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
        expect([p.priority, p.renotifyMinutes, p.pagerdutyUrgency, p.pages]).toEqual([priority, renotify, urgency, pages]);
        // The service's severity-based urgency must give this severity's urgency to the events we send.
        expect(severityBasedUrgency(p.pagerdutyEventSeverity)).toBe(urgency);
    });

    it("sends Events v2 severities that only make P0 high urgency", () => {
        expect(Object.values(SEVERITY_POLICIES).map((p) => p.pagerdutyEventSeverity)).toEqual(["critical", "warning", "warning", "info"]);
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

    it("parses every kind of handle out of a message, malformed emails included, log attributes excluded", () => {
        expect(parseHandles("x @pagerduty-bearo-production y @slack-alerts-critical @ops@bearified.co per @network.client.ip @ops@local").map((h) => [h.kind, h.target]))
            .toEqual([["pagerduty", "bearo-production"], ["slack", "alerts-critical"], ["email", "ops@bearified.co"], ["email", "ops@local"]]);
    });
});

describe.each(["production", "staging"] as const)("monitor messages in the evaluated %s stack", (stack) => {
    const view = loadPlan(stack);
    // Alerts: monitors, synthetic tests and detection rules (downtimes also carry a message, but notify nobody).
    const alerting = new Set([MONITOR, "datadog:index/syntheticsTest:SyntheticsTest", "datadog:index/securityMonitoringRule:SecurityMonitoringRule"]);
    const alerts = view.resources.filter((r) => alerting.has(r.type));
    // A detection rule notifies the handles of its cases; monitors and tests those of their message.
    const notified = (r: { inputs: Record<string, unknown> }) => [...new Set([r.inputs.message as string,
        ...((r.inputs.cases ?? []) as Array<{ notifications?: string[] }>).flatMap((c) => c.notifications ?? [])]
        .flatMap((text) => parseHandles(text).map((h) => h.raw)))].join(" ");
    const messages = alerts.map((r) => [r.name, notified(r)] as const);
    const config = stack === "production" ? production : staging;
    const tag = (r: { inputs: Record<string, unknown> }, key: string) => (r.inputs.tags as string[]).find((t) => t.startsWith(`${key}:`))!.slice(key.length + 1);

    it("routes every alert by its severity, environment and product, as lib/routing says", () => {
        for (const r of alerts) {
            const product = products.find((p) => p.key === tag(r, "product"))!;
            const severity = tag(r, "severity").toUpperCase() as Severity;
            const found = parseHandles(notified(r)).map((h) => h.raw);
            expect([r.name, found]).toEqual([r.name, routeHandles(severity, stack, config.routing, product)]);
        }
    });

    it("gives this routing table (product-specific parts as <product> and <team channel>)", () => {
        const table = new Map<string, Set<string>>();
        for (const r of alerts) {
            const product = products.find((p) => p.key === tag(r, "product"))!;
            const shape = parseHandles(notified(r)).map((h) => h.raw
                .replace(`@pagerduty-${product.key}-`, "@pagerduty-<product>-")
                .replace(`@slack-${product.team.slackChannel}`, "@slack-<team channel>")).join(" ");
            const key = tag(r, "severity").toUpperCase();
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
            const pages = (m.inputs.message as string).includes("@pagerduty-");
            const p0 = (m.inputs.tags as string[]).includes("severity:p0");
            expect([m.name, pages]).toEqual([m.name, stack === "production" && p0]);
        }
        if (stack === "staging") expect(view.raw).not.toContain("@pagerduty-");
    });

    it("sets priority and renotify from the severity", () => {
        for (const m of view.ofType(MONITOR)) {
            const sev = (m.inputs.tags as string[]).find((t) => t.startsWith("severity:"))!.split(":")[1].toUpperCase() as keyof typeof SEVERITY_POLICIES;
            const policy = SEVERITY_POLICIES[sev];
            expect([m.name, m.inputs.priority, m.inputs.renotifyInterval ?? 0]).toEqual([m.name, policy.priority, policy.renotifyMinutes]);
        }
    });
});

describe("stack validation fails on unresolvable routing", () => {
    it("accepts both committed stacks", () => {
        expect(validateStack(products, production)).toEqual([]);
        expect(validateStack(products, staging)).toEqual([]);
    });

    it("names product, alert and handle when a Slack channel is not configured", () => {
        const config = { ...production, routing: { ...production.routing, slack: { ...production.routing.slack, channels: production.routing.slack.channels.filter((c) => c !== "bearo-alerts") } } };
        const problems = validateStack(products.filter((p) => p.key === "bearo"), config);
        expect(problems.length).toBeGreaterThan(0);
        expect(problems[0]).toEqual({ source: "products/bearo.ts", field: expect.stringMatching(/^monitor /), message: "@slack-bearo-alerts is not a configured Slack channel (routing.slack.channels)" });
    });

    it("names product, alert and handle for every unresolvable handle, all at once", () => {
        const targets = { serviceObjects: new Set(["bearo-production"]), slackChannels: new Set(["alerts-critical"]), paging: true };
        const alerts = [
            { product: "vivr", name: "monitor service-down", message: "down @pagerduty-vivr-production @slack-alerts-critical" },
            { product: "vivr", name: "monitor error-rate", message: "errors @slack-vivr-alerts @not-an-email@x" },
            { product: "vivr", name: "monitor quiet", message: "no handle at all" },
        ];
        expect(alertRoutingProblems(alerts, targets)).toEqual([
            { source: "products/vivr.ts", field: "monitor service-down", message: '@pagerduty-vivr-production has no Datadog PagerDuty service object named "vivr-production" in this stack' },
            { source: "products/vivr.ts", field: "monitor error-rate", message: "@slack-vivr-alerts is not a configured Slack channel (routing.slack.channels)" },
            { source: "products/vivr.ts", field: "monitor error-rate", message: "@not-an-email@x is not a valid email address" },
            { source: "products/vivr.ts", field: "monitor quiet", message: "the alert has no notification handle" },
        ]);
        expect(alertRoutingProblems(alerts.slice(0, 1), { ...targets, paging: false })).toEqual([
            { source: "products/vivr.ts", field: "monitor service-down", message: "@pagerduty-vivr-production pages, but paging is off in this stack (routing.paging: false)" },
        ]);
    });

    it("rejects an escalation that reaches fewer than two people", () => {
        const oncall = { ...production.oncall, teams: { ...production.oncall.teams, bearo: { primary: ["alice"], backup: ["alice"], lead: "alice" } }, founder: "alice" };
        const problems = validateStack([bearo], { ...production, oncall });
        expect(problems).toContainEqual({ source: "products/bearo.ts", field: "escalation", message: "the escalation policy reaches 1 responder(s); at least two distinct people are needed" });
    });
});
