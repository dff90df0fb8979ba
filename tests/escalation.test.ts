/** PagerDuty escalation per product, from the evaluated stacks: levels, delays, targets, services and keys. */
import { escalationModel } from "../lib/escalation";
import { loadCatalog } from "../lib/catalog/validate";
import { catalog } from "../products";
import { STACKS } from "./helpers/constants";
import { loadPlan } from "./helpers/plan";

const PRODUCTS = loadCatalog(catalog).map((p) => p.key);
const COMPANY = PRODUCTS.filter((k) => k !== "driplo");

interface Rule { escalationDelayInMinutes: number; targets: Array<{ type: string; id: string }> }

describe.each(STACKS)("escalation in stack %s", (stack) => {
    const view = loadPlan(stack);
    const rules = (product: string) => view.byName(`${product}-policy`).inputs.rules as Rule[];

    it.each(COMPANY)("%s follows 000: on-call 5–15 min, backup + lead 15–30 min, all hands + founder at 30 min", (product) => {
        const r = rules(product);
        expect(r.map((x) => x.escalationDelayInMinutes)).toEqual([10, 15, 30]);
        expect(r[0].targets).toEqual([{ type: "schedule_reference", id: `${product}-primary-id` }]);
        expect(r[1].targets[0]).toEqual({ type: "schedule_reference", id: `${product}-backup-id` });
        expect(r[1].targets.slice(1).map((t) => t.type)).toEqual(["user_reference"]);
        // All hands: every member of the rotations and the founder.
        expect(r[2].targets.length).toBeGreaterThanOrEqual(5);
        expect(view.byName(`${product}-policy`).inputs.numLoops).toBe(2);
    });

    it("Driplo follows its own matrix: dev team now, seniors at 5, managers at 15, CTO at 30 min", () => {
        const r = rules("driplo");
        expect(r.map((x) => x.escalationDelayInMinutes)).toEqual([5, 10, 15, 30]);
        expect(r.map((x) => x.targets.map((t) => t.type))).toEqual([["schedule_reference"], ["schedule_reference"], ["user_reference"], ["user_reference"]]);
    });

    it("creates weekly primary and backup schedules per product, owned by the team", () => {
        for (const product of PRODUCTS) {
            for (const which of ["primary", "backup"]) {
                const s = view.byName(`${product}-${which}`, "pagerduty:index/schedule:Schedule");
                const layers = s.inputs.layers as Array<{ rotationTurnLengthSeconds: number; users: string[] }>;
                expect(layers).toHaveLength(1);
                expect(layers[0].rotationTurnLengthSeconds).toBe(7 * 24 * 3600);
                expect(layers[0].users.length).toBeGreaterThanOrEqual(2);
                expect(s.inputs.teams).toEqual([`${product}-team-id`]);
            }
        }
    });

    it("creates a service per product with severity-based urgency, timeouts and an Events v2 integration", () => {
        for (const product of PRODUCTS) {
            const service = view.byName(`${product}-service`, "pagerduty:index/service:Service");
            expect(service.inputs).toMatchObject({
                name: `${product}-${stack}`,
                escalationPolicy: `${product}-policy-id`,
                acknowledgementTimeout: "1800",
                autoResolveTimeout: "14400",
                alertCreation: "create_alerts_and_incidents",
                incidentUrgencyRule: { type: "constant", urgency: "severity_based" },
            });
            const integration = view.byName(`${product}-events-v2`);
            expect(integration.inputs).toMatchObject({ type: "events_api_v2_inbound_integration", service: `${product}-service-id` });
            const object = view.byName(`${product}-datadog-service`);
            expect(object.inputs).toEqual({ serviceName: `${product}-${stack}`, serviceKey: "[secret]" });
            expect(object.dependsOn).toContain(integration.urn);
        }
    });

    it("names PagerDuty objects per stack so staging and production can share an account", () => {
        expect(view.byName("bearo-team").inputs.name).toBe(`BEARO Team (${stack})`);
        expect(view.byName("bearo-policy").inputs.name).toBe(`BEARO (${stack})`);
    });
});

describe("escalation model (pure)", () => {
    const products = loadCatalog(catalog);
    const oncall = {
        users: [], founder: "frank", rotationStart: "2026-01-05T09:00:00Z", timeZone: "UTC",
        teams: { bearo: { primary: ["alice", "bob"], backup: ["carol"], lead: "erin" }, driplo: { primary: ["alice"], backup: ["bob"], lead: "erin" } },
    };

    it("skips the Datadog/Slack-only level and turns the gaps between levels into delays", () => {
        const m = escalationModel(products.find((p) => p.key === "bearo")!, oncall);
        expect(m.rules.map((r) => [r.level, r.delayMinutes])).toEqual([[2, 10], [3, 15], [4, 30]]);
        expect(m.rules[2].targets).toEqual(["alice", "bob", "carol", "erin", "frank"].map((userId) => ({ kind: "user", userId })));
        expect(m.responders.sort()).toEqual(["alice", "bob", "carol", "erin", "frank"]);
    });

    it("fails clearly for a product whose team has no rotation", () => {
        expect(() => escalationModel(products.find((p) => p.key === "vivr")!, oncall)).toThrow('vivr: no on-call rotation for team "vivr"');
    });
});
