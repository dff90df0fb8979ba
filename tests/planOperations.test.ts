/**
 * The plan items that are not product specs: access control (roles, restricted_roles, notify_audit), monitoring
 * cost against the budget shares, the plans' extra dashboards, incident types and templates, and the runbooks'
 * incident communication section — pure models with exact values, and what the planned stacks create.
 */
import { notifyAudit, roleModels, roleName } from "../lib/datadog/access";
import { communicationMinutes, incidentCommunicationSteps, incidentModel, INCIDENT_TYPE_NAME_MAX } from "../lib/datadog/incidents";
import { PLAN_DASHBOARD_SECTIONS, PLAN_DASHBOARDS, planDashboardKinds, planDashboards, planSeed } from "../lib/datadog/planDashboards";
import { validateMonitor } from "../lib/datadog/queryValidator";
import { budgetShares, monthlyBudgetUsd, PLATFORM, usageBudgetAlerts } from "../lib/datadog/usageBudget";
import { handles } from "../lib/datadog/handles";
import { renderRunbook } from "../lib/tooling/alertCatalog";
import { dashboardModelProblems } from "./helpers/datadogModel";
import { enabledProducts, stackModel } from "./helpers/catalog";
import { STACKS } from "./helpers/constants";
import { loadPlan, MONITOR } from "./helpers/plan";
import { stackConfig } from "./helpers/stackConfig";

const T = {
    role: "datadog:index/role:Role",
    incidentType: "datadog:index/incidentType:IncidentType",
    postmortem: "datadog:index/incidentPostmortemTemplate:IncidentPostmortemTemplate",
    notification: "datadog:index/incidentNotificationTemplate:IncidentNotificationTemplate",
    dashboard: "datadog:index/dashboardJson:DashboardJson",
};
const production = stackConfig("production");

describe("usage budget (000 §Budget Allocation)", () => {
    const config = {
        ...production,
        synthetics: { ...production.synthetics, monthlyBudgetUsd: 1000, prices: { apiPer10kRuns: 5, browserPer1kRuns: 12 } },
    };

    it("derives the total from the synthetics budget (its 10% share) and each share's limit from 001's prices", () => {
        expect(monthlyBudgetUsd(config)).toBe(10000);
        expect(budgetShares(config).map((s) => [s.id, s.monthlyUsd, s.limit, s.unit, s.query(">", s.limit)])).toEqual([
            ["infrastructure", 3000, 200, "hosts", "avg(last_1h):sum:datadog.estimated_usage.hosts{*} > 200"],
            ["apm", 2500, 80, "APM hosts", "avg(last_1h):sum:datadog.estimated_usage.apm_hosts{*} > 80"],
            [
                "logs",
                2000,
                44444444444,
                "bytes/day",
                "sum(last_1d):sum:datadog.estimated_usage.logs.ingested_bytes{*}.as_count() > 44444444444",
            ],
            ["rum", 1500, 83333, "sessions/day", "sum(last_1d):sum:datadog.estimated_usage.rum.sessions{*}.as_count() > 83333"],
            [
                "synthetics",
                1000,
                33.3333,
                "USD/day",
                "sum(last_1d):sum:datadog.estimated_usage.synthetics.api_test_runs{*}.as_count() * 0.0005 + sum:datadog.estimated_usage.synthetics.browser_test_runs{*}.as_count() * 0.012 > 33.3333",
            ],
        ]);
    });

    it("alerts at P2 on #alerts-warning, warning at 80% of each share, with valid monitors owned by the platform", () => {
        const alerts = usageBudgetAlerts(config);
        expect(alerts.map((a) => [a.id, a.severity, handles(a.route), a.binding.monitor.thresholds])).toEqual([
            ["usage-infrastructure", "P2", ["@slack-alerts-warning"], { critical: "200", warning: "160" }],
            ["usage-apm", "P2", ["@slack-alerts-warning"], { critical: "80", warning: "64" }],
            ["usage-logs", "P2", ["@slack-alerts-warning"], { critical: "44444444444", warning: "35555555555" }],
            ["usage-rum", "P2", ["@slack-alerts-warning"], { critical: "83333", warning: "66666" }],
            ["usage-synthetics", "P2", ["@slack-alerts-warning"], { critical: "33.3333", warning: "26.6666" }],
        ]);
        for (const a of alerts) {
            expect([a.id, validateMonitor(a.binding.monitor)]).toEqual([a.id, []]);
            expect(a.tags).toEqual(
                expect.arrayContaining([`service:${PLATFORM.service}`, `team:${PLATFORM.team.handle}`, "env:production"]),
            );
            expect(a.runbook).toBe(`docs/runbooks/platform.md#${a.id}`);
        }
    });

    it.each(STACKS)("is created by the organization-managing stack only (%s)", (stack) => {
        const usage = loadPlan(stack)
            .ofType(MONITOR)
            .filter((m) => m.name.startsWith(`${PLATFORM.key}-usage-`));
        const expected = stackConfig(stack).datadog.manageOrganizationResources
            ? usageBudgetAlerts(stackConfig(stack)).map((a) => `${PLATFORM.key}-${a.id}`)
            : [];
        expect(usage.map((m) => m.name).sort()).toEqual(expected.sort());
        for (const m of usage)
            expect(m.inputs.query).toBe(
                usageBudgetAlerts(stackConfig(stack)).find((a) => `${PLATFORM.key}-${a.id}` === m.name)!.binding.monitor.query,
            );
    });
});

describe("access control (000 §Access Control)", () => {
    it("has one role per owning team, and audits P0 monitors only", () => {
        const products = enabledProducts("production");
        const teams = [...new Set(products.map((p) => p.team.handle))];
        expect(roleModels(products).map((r) => r.team)).toEqual(teams);
        expect(roleModels(products).map((r) => r.name)).toEqual(
            teams.map((t) => roleName(products.find((p) => p.team.handle === t)!.team.name)),
        );
        expect(roleName("Driplo Team")).toBe("Monitoring editors: Driplo Team");
        expect((["P0", "P1", "P2", "P3"] as const).map(notifyAudit)).toEqual([true, false, false, false]);
    });

    it.each(STACKS)(
        "restricts the product's monitors to its team's role where the stack owns roles, and audits its P0 monitors and those the plan asks for (%s)",
        (stack) => {
            const view = loadPlan(stack);
            const org = stackConfig(stack).datadog.manageOrganizationResources;
            const roles = new Map(
                view
                    .ofType(T.role)
                    .filter((r) => r.name.startsWith("company-role-"))
                    .map((r) => [r.name.slice("company-role-".length), r]),
            );
            expect([...roles.keys()].sort()).toEqual(
                org
                    ? roleModels(enabledProducts(stack))
                          .map((r) => r.team)
                          .sort()
                    : [],
            );
            for (const { product, alerts } of stackModel(stack).products) {
                for (const a of alerts.filter((x) => x.binding.provider === "datadog-monitor" && x.kind !== "security")) {
                    const m = view.byName(`${product.key}-${a.id}`, MONITOR);
                    // P0s, and the monitors whose plan asks for an audit trail (spec monitorOptions.notifyAudit).
                    const asked = product.monitors.find((x) => x.id === a.id)?.monitorOptions?.notifyAudit;
                    expect([m.name, m.inputs.notifyAudit]).toEqual([m.name, a.severity === "P0" || asked ? true : undefined]);
                    expect([m.name, m.inputs.restrictedRoles]).toEqual([m.name, org ? [expect.stringMatching(/^\S+$/)] : undefined]);
                }
            }
        },
    );
});

describe("plan dashboards (001 T2.2, 003 §3.3, 004 §Dashboards)", () => {
    it("names the dashboards each plan asks for", () => {
        expect(Object.fromEntries(Object.entries(PLAN_DASHBOARDS).map(([seed, ds]) => [seed, ds.map((d) => d.kind)]))).toEqual({
            "001": ["database", "user-experience"],
            "003": ["operations"],
            "004": ["operations", "development", "database", "frontend", "payments", "leads", "system-health"],
        });
        expect(planSeed({ plan: "004 PlumberLeads Monitoring & Logging Documentation" })).toBe("004");
    });

    it.each(STACKS)("creates them per product of %s, valid for Datadog, with the plan's sections in order, none empty", (stack) => {
        const view = loadPlan(stack);
        const expected = enabledProducts(stack).flatMap((p) => planDashboardKinds(p).map((k) => `${p.key}-${k}-dashboard`));
        const created = view
            .ofType(T.dashboard)
            .filter((d) =>
                /-(operations|development|database|frontend|payments|leads|system-health|user-experience)-dashboard$/.test(d.name),
            );
        expect(created.map((d) => d.name).sort()).toEqual(expected.sort());
        expect(expected.length).toBeGreaterThan(0);
        for (const d of created) {
            const doc = JSON.parse(d.inputs.dashboard as string);
            const kind = d.name.replace(/^[a-z]+-(.+)-dashboard$/, "$1") as keyof typeof PLAN_DASHBOARD_SECTIONS;
            expect([d.name, dashboardModelProblems(doc)]).toEqual([d.name, []]);
            expect(doc.widgets.map((w: any) => w.definition.title)).toEqual(PLAN_DASHBOARD_SECTIONS[kind]);
            for (const g of doc.widgets)
                expect([d.name, g.definition.title, g.definition.widgets.length > 0]).toEqual([d.name, g.definition.title, true]);
        }
    });

    it("graphs PlumberLeads' payment monitors on its payment processing dashboard", () => {
        const plumberleads = enabledProducts("production").find((p) => planSeed(p) === "004")!;
        const payments = planDashboards(plumberleads, "production").find((d) => d.kind === "payments")!;
        const success = payments.doc.widgets.find((w) => w.definition.title === "Transaction success rate")!.definition.widgets as Array<{
            definition: { title: string };
        }>;
        const paymentMonitors = plumberleads.monitors.filter((m) => /payment|transaction|checkout/i.test(`${m.id} ${m.title}`));
        expect(paymentMonitors.length).toBeGreaterThan(0);
        expect(success.map((w) => w.definition.title)).toEqual(expect.arrayContaining([expect.stringContaining(paymentMonitors[0].title)]));
    });
});

describe("incidents (000 §Incident Management, 003 §Incident Response, 004 §Alert Lifecycle)", () => {
    it("has an incident type, a postmortem and three notification templates per product, within the API's limits", () => {
        for (const p of enabledProducts("production")) {
            const m = incidentModel(p);
            expect(m.typeName).toBe(`${p.displayName} incident`);
            expect(m.typeName.length).toBeLessThanOrEqual(INCIDENT_TYPE_NAME_MAX);
            expect(m.postmortem.location).toBe("datadog_notebooks");
            expect(m.notifications.map((n) => [n.id, n.category])).toEqual([
                ["status-update", "incident"],
                ["customer-communication", "incident"],
                ["resolved", "recovery"],
            ]);
        }
    });

    it("takes the status-page and customer minutes from the escalation levels 3 and 4", () => {
        for (const p of enabledProducts("production")) {
            const at = (level: number) => p.escalation.levels.find((l) => l.level === level)!.startsAtMinute;
            expect(communicationMinutes(p)).toEqual({ statusPage: at(3), customers: at(4) });
        }
    });

    it.each(STACKS)("is created by the organization-managing stack only, templates bound to their type (%s)", (stack) => {
        const view = loadPlan(stack);
        const org = stackConfig(stack).datadog.manageOrganizationResources;
        const keys = enabledProducts(stack).map((p) => p.key);
        expect(
            view
                .ofType(T.incidentType)
                .map((r) => r.name)
                .sort(),
        ).toEqual(org ? keys.map((k) => `${PLATFORM.key}-incident-type-${k}`).sort() : []);
        expect(view.ofType(T.postmortem)).toHaveLength(org ? keys.length : 0);
        expect(view.ofType(T.notification)).toHaveLength(org ? keys.length * 3 : 0);
        for (const k of org ? keys : []) {
            const type = view.byName(`${PLATFORM.key}-incident-type-${k}`, T.incidentType);
            const templates = [
                view.byName(`${PLATFORM.key}-postmortem-${k}`, T.postmortem),
                ...["status-update", "customer-communication", "resolved"].map((id) =>
                    view.byName(`${PLATFORM.key}-incident-template-${k}-${id}`, T.notification),
                ),
            ];
            for (const t of templates) expect([t.name, t.dependsOn]).toEqual([t.name, [type.urn]]);
        }
    });

    it("puts the incident communication steps in every runbook", () => {
        for (const pm of stackModel("production").products) {
            const runbook = renderRunbook(pm);
            expect(runbook).toContain(
                ["## Incident communication", "", ...incidentCommunicationSteps(pm.product).map((s, i) => `${i + 1}. ${s}`)].join("\n"),
            );
        }
    });
});
