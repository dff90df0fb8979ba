/** PagerDuty escalation per product, from the evaluated stacks: levels, delays, targets, schedules, services and keys. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as YAML from "yaml";
import { loadCatalog } from "../lib/inputs/catalog/validate";
import { configCatalogProblems, parseStackConfig } from "../lib/inputs/config";
import { rotationProblems, rotationWeeks } from "../lib/inputs/config/oncall";
import { formatProblem, isValidationError } from "../lib/inputs/errors";
import { escalationModel, scheduleModels, teamMembers } from "../lib/pagerduty/escalation";
import { pagerServiceNames } from "../lib/pagerduty/service";
import { catalog } from "../products";
import { COMPANY_ESCALATION } from "../products/defaults";
import { mocks } from "../scripts/mocks";
import { STACKS } from "./helpers/constants";
import { loadPlan } from "./helpers/plan";
import { PROJECT_DIR, runScript } from "./helpers/run";
import { stackConfig } from "./helpers/stackConfig";

const products = loadCatalog(catalog);
const PRODUCTS = products.map((p) => p.key);
/** Products on 000's company escalation, and those whose plan gives its own matrix (003). */
const onCompanyEscalation = (p: (typeof products)[number]) => p.escalation.source === COMPANY_ESCALATION.source;
const COMPANY = products.filter(onCompanyEscalation).map((p) => p.key);
const OWN = products.find((p) => !onCompanyEscalation(p))!;

interface Target {
    type: string;
    id: string;
}
interface Rule {
    escalationDelayInMinutes: number;
    targets: Target[];
}

describe.each(STACKS)("escalation in stack %s", (stack) => {
    const view = loadPlan(stack);
    const { oncall, products: enabled } = stackConfig(stack);
    /** The PagerDuty user the program looks up for an on-call person (by email, answered by the plan's mocks). */
    const pdUser = (id: string): string => {
        const email = oncall.users.find((u) => u.id === id)!.email;
        return (mocks.call({ token: "pagerduty:index/getUser:getUser", inputs: { email }, provider: "" }) as { id: string }).id;
    };
    const user = (id: string): Target => ({ type: "user_reference", id: pdUser(id) });
    const schedule = (product: string, which: string): Target => ({ type: "schedule_reference", id: `${product}-${which}-id` });
    const rules = (product: string) =>
        view.byName(`${product}-policy`, "pagerduty:index/escalationPolicy:EscalationPolicy").inputs.rules as Rule[];

    it("covers every enabled product", () => {
        expect(enabled).toEqual(PRODUCTS);
        expect(
            view
                .ofType("pagerduty:index/escalationPolicy:EscalationPolicy")
                .map((p) => p.name)
                .sort(),
        ).toEqual(
            // The product's policy, and one per component with its own rotation (004 §Alert Routes).
            products.flatMap((p) => [`${p.key}-policy`, ...p.componentRoutes.map((c) => `${p.key}-${c.component}-policy`)]).sort(),
        );
    });

    const routed = products.filter((p) => enabled.includes(p.key) && p.componentRoutes.length > 0);
    it.each(routed.flatMap((p) => p.componentRoutes.map((c) => [p.key, c.component, c] as const)))(
        "%s %s alerts page the component's own rotation through its own service and policy",
        (product, component, route) => {
            const rotation = oncall.teams[route.oncallTeam];
            const policy = view.byName(`${product}-${component}-policy`, "pagerduty:index/escalationPolicy:EscalationPolicy");
            const rules = policy.inputs.rules as Rule[];
            expect(rules[0].targets).toEqual([schedule(`${product}-${component}`, "primary")]);
            expect(view.byName(`${product}-${component}-primary`, "pagerduty:index/schedule:Schedule").inputs.layers).toMatchObject([
                { users: rotation.primary.map(pdUser) },
            ]);
            expect(view.byName(`${product}-service-${component}`, "pagerduty:index/service:Service").inputs).toMatchObject({
                name: `${product}-${stack}-${component}`,
                escalationPolicy: `${product}-${component}-policy-id`,
            });
            expect(view.byName(`${product}-datadog-service-${component}`).inputs).toEqual({
                serviceName: `${product}-${stack}-${component}`,
                serviceKey: "[secret]",
            });
        },
    );

    it.each(COMPANY)("%s follows 000: on-call for 10 min, then backup + lead for 15 min, then all hands + founder, twice", (product) => {
        const r = oncall.teams[product];
        const allHands = [...new Set([...r.primary, ...r.backup, r.lead])];
        expect(rules(product)).toEqual([
            { escalationDelayInMinutes: 10, targets: [schedule(product, "primary")] },
            { escalationDelayInMinutes: 15, targets: [schedule(product, "backup"), user(r.lead)] },
            { escalationDelayInMinutes: 30, targets: [...allHands, oncall.founder].map(user) },
        ]);
        expect(allHands).toHaveLength(5);
        expect(view.byName(`${product}-policy`).inputs).toMatchObject({ numLoops: 2, teams: `${product}-team-id` });
    });

    it("a product with its own matrix (003) follows it: dev team now, seniors at 5, managers at 15, CTO at 30 min", () => {
        expect(rules(OWN.key)).toEqual([
            { escalationDelayInMinutes: 5, targets: [schedule(OWN.key, "primary")] },
            { escalationDelayInMinutes: 10, targets: [schedule(OWN.key, "backup")] },
            { escalationDelayInMinutes: 15, targets: [user(oncall.teams[OWN.team.handle].lead)] },
            { escalationDelayInMinutes: 30, targets: [user(oncall.founder)] },
        ]);
    });

    it.each(PRODUCTS)("%s has weekly primary and backup schedules with the configured people, in order, owned by its team", (product) => {
        for (const which of ["primary", "backup"] as const) {
            const s = view.byName(`${product}-${which}`, "pagerduty:index/schedule:Schedule");
            expect(s.inputs).toMatchObject({ timeZone: "UTC", teams: [`${product}-team-id`] });
            expect(s.inputs.layers).toEqual([
                {
                    name: `Weekly ${which} rotation`,
                    start: "2026-01-05T09:00:00Z",
                    rotationVirtualStart: "2026-01-05T09:00:00Z",
                    rotationTurnLengthSeconds: 604800,
                    users: oncall.teams[product][which].map(pdUser),
                },
            ]);
        }
    });

    it("makes the rotations' people team responders and the lead its manager", () => {
        // Everyone in the team's rotation and in its components' rotations, once; the team's lead manages.
        const people = (p: (typeof products)[number]) => {
            const rotations = [p.team.handle, ...p.componentRoutes.map((c) => c.oncallTeam)].map((h) => oncall.teams[h]);
            return [...new Set(rotations.flatMap((r) => [...r.primary, ...r.backup, r.lead]))];
        };
        const [p] = products;
        const lead = oncall.teams[p.team.handle].lead;
        const memberships = view.ofType("pagerduty:index/teamMembership:TeamMembership", p.key);
        expect(memberships.map((m) => [m.name, m.inputs.role, m.inputs.userId]).sort()).toEqual(
            people(p)
                .map((u) => [`${p.key}-member-${u}`, u === lead ? "manager" : "responder", pdUser(u)])
                .sort(),
        );
        expect(view.ofType("pagerduty:index/teamMembership:TeamMembership")).toHaveLength(
            products.reduce((n, x) => n + people(x).length, 0),
        );
    });

    it.each(PRODUCTS)("%s has a service with severity-based urgency, timeouts, grouping and an Events v2 integration", (product) => {
        const service = view.byName(`${product}-service`, "pagerduty:index/service:Service");
        expect(service.inputs).toEqual({
            name: `${product}-${stack}`,
            description: expect.stringContaining("alerts from Datadog"),
            escalationPolicy: `${product}-policy-id`,
            acknowledgementTimeout: "1800",
            autoResolveTimeout: "14400",
            alertCreation: "create_alerts_and_incidents",
            incidentUrgencyRule: { type: "constant", urgency: "severity_based" },
            alertGroupingParameters: { type: "time", config: { timeout: oncall.alertGroupingMinutes } },
        });
        const integration = view.byName(`${product}-events-v2`);
        expect(integration.inputs).toEqual({
            name: "Datadog (Events API v2)",
            type: "events_api_v2_inbound_integration",
            service: `${product}-service-id`,
        });
        const object = view.byName(`${product}-datadog-service`);
        expect(object.inputs).toEqual({ serviceName: `${product}-${stack}`, serviceKey: "[secret]" });
        expect(object.dependsOn).toContain(integration.urn);
    });

    it("registers exactly one Datadog service object per enabled product, named as validation expects", () => {
        const names = view.ofType("datadog:pagerduty/serviceObject:ServiceObject").map((o) => o.inputs.serviceName);
        expect(names.sort()).toEqual(
            pagerServiceNames(
                products.filter((p) => enabled.includes(p.key)),
                stack,
            ).sort(),
        );
    });

    const lowUrgency = products.filter((p) => enabled.includes(p.key) && p.severityRoutes.some((r) => r.lowUrgencyPage));
    it.each(lowUrgency.map((p) => p.key))("%s has a low-urgency service for the severities its plan pages at low urgency", (product) => {
        const service = view.byName(`${product}-service-low`, "pagerduty:index/service:Service");
        expect(service.inputs).toMatchObject({
            name: `${product}-${stack}-low`,
            escalationPolicy: `${product}-policy-id`,
            incidentUrgencyRule: { type: "constant", urgency: "low" },
        });
        expect(view.byName(`${product}-datadog-service-low`).inputs).toEqual({
            serviceName: `${product}-${stack}-low`,
            serviceKey: "[secret]",
        });
        expect(view.byName(`${product}-events-v2-low`).inputs).toMatchObject({ service: `${product}-service-low-id` });
    });

    it("creates low-urgency services only for products whose plan asks for them", () => {
        const lowNames = view
            .ofType("pagerduty:index/service:Service")
            .map((s) => s.inputs.name as string)
            .filter((n) => n.endsWith("-low"));
        // A low-urgency twin of the product's service and of each component's.
        expect(lowNames.sort()).toEqual(
            lowUrgency
                .flatMap((p) => [`${p.key}-${stack}-low`, ...p.componentRoutes.map((c) => `${p.key}-${stack}-${c.component}-low`)])
                .sort(),
        );
    });

    it("exports the integration keys only as secrets", () => {
        const outputs = view.plan.outputs as { products: Record<string, { pagerduty: { integrationKey: string; serviceName: string } }> };
        for (const product of PRODUCTS) {
            expect(outputs.products[product].pagerduty).toMatchObject({ integrationKey: "[secret]", serviceName: `${product}-${stack}` });
        }
    });

    it("names PagerDuty objects per stack so staging and production can share an account", () => {
        for (const p of products) {
            expect(view.byName(`${p.key}-team`).inputs.name).toBe(`${p.team.name} (${stack})`);
            expect(view.byName(`${p.key}-policy`).inputs.name).toBe(`${p.displayName} (${stack})`);
            expect(view.byName(`${p.key}-primary`).inputs.name).toBe(`${p.displayName} primary on-call (${stack})`);
        }
    });
});

describe("escalation model (pure)", () => {
    // A product on the company escalation, with a rotation in this config; another without one.
    const first = products.find(onCompanyEscalation)!;
    const unstaffed = products.find((p) => p.team.handle !== first.team.handle)!;
    const oncall = {
        users: [],
        founder: "frank",
        rotationStart: "2026-01-05T09:00:00Z",
        timeZone: "Europe/Paris",
        teams: { [first.team.handle]: { primary: ["alice", "bob"], backup: ["carol"], lead: "erin" } },
    };

    it("skips the Datadog/Slack-only level and turns the gaps between levels into delays", () => {
        const m = escalationModel(first, oncall);
        expect(m.rules.map((r) => [r.level, r.delayMinutes])).toEqual([
            [2, 10],
            [3, 15],
            [4, 30],
        ]);
        expect(m.rules[1].targets).toEqual([
            { kind: "schedule", schedule: "backup" },
            { kind: "user", userId: "erin" },
        ]);
        expect(m.rules[2].targets).toEqual(["alice", "bob", "carol", "erin", "frank"].map((userId) => ({ kind: "user", userId })));
        expect(m.responders.sort()).toEqual(["alice", "bob", "carol", "erin", "frank"]);
    });

    it("builds weekly schedule layers and memberships from the rotation", () => {
        const s = scheduleModels(first, oncall, "staging");
        expect(s.backup).toEqual({
            name: `${first.displayName} backup on-call (staging)`,
            timeZone: "Europe/Paris",
            layers: [
                {
                    name: "Weekly backup rotation",
                    start: "2026-01-05T09:00:00Z",
                    rotationVirtualStart: "2026-01-05T09:00:00Z",
                    rotationTurnLengthSeconds: 604800,
                    userIds: ["carol"],
                },
            ],
        });
        expect(s.primary.layers[0].userIds).toEqual(["alice", "bob"]);
        expect(teamMembers(first, oncall)).toEqual([
            { userId: "alice", role: "responder" },
            { userId: "bob", role: "responder" },
            { userId: "carol", role: "responder" },
            { userId: "erin", role: "manager" },
        ]);
    });

    it("fails clearly for a product whose team has no rotation", () => {
        expect(() => escalationModel(unstaffed, oncall)).toThrow(
            `${unstaffed.key}: no on-call rotation for team "${unstaffed.team.handle}"`,
        );
    });

    it("pairs primary and backup week by week over the whole cycle", () => {
        expect(
            rotationWeeks({ primary: ["a", "b"], backup: ["c", "d", "a"], lead: "x" }).map((w) => `${w.week}:${w.primary}/${w.backup}`),
        ).toEqual(["1:a/c", "2:b/d", "3:a/a", "4:b/c", "5:a/d", "6:b/a"]);
        expect(rotationProblems("t", { primary: ["a", "b"], backup: ["c", "d"], lead: "x" })).toEqual([]);
    });
});

describe("bad on-call config fails with a clear message", () => {
    const FILE = "Pulumi.production.yaml";
    const doc = () => YAML.parse(fs.readFileSync(path.join(PROJECT_DIR, FILE), "utf8")) as { config: Record<string, any> };
    const NS = "product-monitoring:";
    const values = (d: { config: Record<string, any> }) =>
        Object.fromEntries(
            Object.entries(d.config)
                .filter(([k]) => k.startsWith(NS))
                .map(([k, v]) => [k.slice(NS.length), v && typeof v === "object" && "secure" in v ? "placeholder" : v]),
        );
    const problems = (d: { config: Record<string, any> }): string[] => {
        try {
            const c = parseStackConfig(values(d), FILE, PRODUCTS);
            return configCatalogProblems(c, products, FILE).map(formatProblem);
        } catch (e) {
            if (!isValidationError(e)) throw e;
            return e.problems.map(formatProblem);
        }
    };
    const oncall = (d: { config: Record<string, any> }) => d.config[`${NS}oncall`];
    // Three products of the catalog whose teams own nothing else.
    const [a, b, c] = products.filter((p) => products.filter((x) => x.team.handle === p.team.handle).length === 1);

    it("rejects a backup rotation that puts the primary on backup in the same week", () => {
        const d = doc();
        oncall(d).teams[a.team.handle] = { primary: ["alice", "bob"], backup: ["carol", "bob", "alice"], lead: "erin" };
        expect(problems(d)).toEqual([
            `${FILE}: oncall.teams.${a.team.handle}: the same person is primary and backup on-call (week 2: bob, week 3: alice, of a 6-week cycle); reorder primary or backup`,
        ]);
    });

    it("rejects unknown people and a rotation of one person, all at once", () => {
        const d = doc();
        oncall(d).teams[b.team.handle] = { primary: ["bob"], backup: ["bob"], lead: "zoe" };
        oncall(d).founder = "fred";
        expect(problems(d)).toEqual([
            `${FILE}: oncall.founder: unknown on-call user "fred" (known: alice, bob, carol, dave, erin, frank)`,
            `${FILE}: oncall.teams.${b.team.handle}.lead: unknown on-call user "zoe" (known: alice, bob, carol, dave, erin, frank)`,
            `${FILE}: oncall.teams.${b.team.handle}: needs at least two distinct responders across primary and backup`,
        ]);
    });

    it("rejects a product whose team has no rotation", () => {
        const d = doc();
        delete oncall(d).teams[c.team.handle];
        expect(problems(d)).toEqual([
            `${FILE}: oncall.teams.${c.team.handle}: missing: product ${c.key} is owned by team "${c.team.handle}"`,
        ]);
    });

    it("npm run plan exits 1 naming each bad on-call value (invalid email, duplicate person, grouping out of range)", () => {
        const d = doc();
        oncall(d).users[1].email = "bob.bearified.co";
        oncall(d).users[3].email = "ALICE@bearified.co";
        oncall(d).alertGroupingMinutes = 0;
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "oncall-")), "Pulumi.production.yaml");
        fs.writeFileSync(file, YAML.stringify(d));
        const r = runScript("plan.ts", ["--stack", "production", "--config", file]);
        expect(r.status).toBe(1);
        expect(r.stderr.trim().split("\n")).toEqual([
            "plan failed: 2 problems",
            "Pulumi.production.yaml: oncall.users[1].email: Invalid email address",
            "Pulumi.production.yaml: oncall.alertGroupingMinutes: Too small: expected number to be >=1",
        ]);
        // The duplicate email is a cross-field rule, checked once the schema passes.
        oncall(d).users[1].email = "bob@bearified.co";
        oncall(d).alertGroupingMinutes = 10;
        expect(problems(d)).toEqual([`${FILE}: oncall.users[3].email: duplicate email "alice@bearified.co"`]);
    });
});
