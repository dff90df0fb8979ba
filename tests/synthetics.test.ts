/** Synthetic tests from the evaluated stacks, the tick rounding, the cost arithmetic and the budget error. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as YAML from "yaml";
import { budgetProblems, runsPerMonth, testCost } from "../lib/syntheticsCost";
import { tickEvery } from "../lib/synthetics";
import { loadPlan } from "./helpers/plan";
import { PROJECT_DIR, runScript } from "./helpers/run";

const TEST = "datadog:index/syntheticsTest:SyntheticsTest";
const production = loadPlan("production");
const staging = loadPlan("staging");
const options = (view: typeof production, name: string) => view.byName(name, TEST).inputs.optionsList as Record<string, any>;

describe("frequencies from the plans", () => {
    // 004 §Synthetic Checks: home 1 min, login 5, lead claiming 10, payment 15, admin 30, mobile 60.
    it.each([
        ["plumberleads-home-page-availability", 60, 300],
        ["plumberleads-login-flow", 300, 1800],
        ["plumberleads-lead-claiming", 900, 3600],
        ["plumberleads-payment-processing", 900, 3600],
        ["plumberleads-admin-dashboard", 1800, 21600],
        ["plumberleads-mobile-responsive", 3600, 21600],
        ["vivr-api-health", 60, 300],
    ])("%s runs every %i s in production and %i s in staging", (name, prod, stag) => {
        expect(options(production, name).tickEvery).toBe(prod);
        expect(options(staging, name).tickEvery).toBe(stag);
    });

    it("rounds up to frequencies Datadog offers, never faster than the plan, browser tests at most every 5 min", () => {
        expect(tickEvery("1m", 1, "api")).toBe(60);
        expect(tickEvery("10m", 1, "multistep")).toBe(900); // 10 min is not offered: the next slower one
        expect(tickEvery("1m", 1, "browser")).toBe(300);
        expect(tickEvery("15m", 4, "api")).toBe(3600);
        expect(tickEvery("1w", 4, "api")).toBe(604800);
    });
});

describe("test definitions", () => {
    it("asserts VIVR's /api/health status and its database, cache and payment checks", () => {
        const t = production.byName("vivr-api-health", TEST);
        expect(t.inputs).toMatchObject({ type: "api", subtype: "http", requestDefinition: { method: "GET", url: "https://vivr.shop/api/health" } });
        const body = (t.inputs.assertions as any[]).filter((a) => a.type === "body").map((a) => [a.targetjsonpath.jsonpath, a.targetjsonpath.targetvalue]);
        expect(body).toEqual([["$.status", "healthy"], ["$.checks.database.status", "ok"], ["$.checks.cache.status", "ok"], ["$.checks.payment.status", "ok"]]);
        expect(t.inputs.assertions).toContainEqual({ type: "statusCode", operator: "is", target: "200" });
    });

    it("checks every host's certificate for 14 days of validity", () => {
        const ssl = production.ofType(TEST).filter((t) => t.inputs.subtype === "ssl");
        expect(ssl.length).toBeGreaterThanOrEqual(16);
        for (const t of ssl) expect(t.inputs.assertions).toEqual([{ type: "certificate", operator: "isInMoreThan", target: "14" }]);
    });

    it("uses staging hosts in staging", () => {
        expect((staging.byName("vivr-api-health", TEST).inputs.requestDefinition as any).url).toBe("https://staging.vivr.shop/api/health");
    });

    it("runs every test from the configured locations with retries, a minimum failure duration and 2 failing locations", () => {
        for (const [view, locations] of [[production, ["aws:us-east-1", "aws:eu-west-1", "aws:ap-southeast-1"]], [staging, ["aws:us-east-1", "aws:eu-west-1"]]] as const) {
            for (const t of view.ofType(TEST)) {
                expect(t.inputs.locations).toEqual(locations);
                const o = t.inputs.optionsList as any;
                expect([t.name, o.retry, o.minLocationFailed]).toEqual([t.name, { count: 1, interval: 30000 }, 2]);
                expect(o.minFailureDuration).toBe(t.inputs.subtype === "ssl" ? 0 : 120);
            }
        }
    });

    it("keeps test credentials in secure global variables and references them by name", () => {
        const password = production.byName("plumberleads-test-password");
        expect(password.inputs).toMatchObject({ name: "PLUMBERLEADS_TEST_PASSWORD", secure: true, value: "[secret]" });
        const claim = production.byName("plumberleads-lead-claiming", TEST);
        expect((claim.inputs.configVariables as any[]).map((v) => v.name)).toEqual(["PLUMBERLEADS_TEST_USER", "PLUMBERLEADS_TEST_PASSWORD"]);
        expect((claim.inputs.apiSteps as any[])).toHaveLength(4);
        expect((claim.inputs.apiSteps as any[])[1].requestHeaders.Authorization).toBe("Bearer {{ AUTH_TOKEN }}");
    });

    it("routes failures by severity: P0 health checks page in production only", () => {
        expect(production.byName("vivr-api-health", TEST).inputs.message).toContain("@pagerduty-vivr-production");
        expect(staging.byName("vivr-api-health", TEST).inputs.message).not.toContain("@pagerduty-");
        expect(options(production, "vivr-api-health").monitorPriority).toBe(1);
    });
});

describe("cost model", () => {
    const prices = { apiPer10kRuns: 5, browserPer1kRuns: 12 };

    it("counts runs per month from frequency and locations", () => {
        expect(runsPerMonth(60, 3)).toBe(129600);
        expect(runsPerMonth(3600, 2)).toBe(1440);
    });

    it("prices API runs per 10,000, multistep per step, browser runs per 1,000", () => {
        expect(testCost("p", { id: "health", type: "api", tickEvery: 60, locations: ["a", "b", "c"], unitsPerRun: 1 }, prices).usd).toBe(64.8);
        expect(testCost("p", { id: "flow", type: "api", tickEvery: 300, locations: ["a", "b"], unitsPerRun: 4 }, prices).usd).toBe(34.56);
        expect(testCost("p", { id: "journey", type: "browser", tickEvery: 1800, locations: ["a", "b", "c"], unitsPerRun: 1 }, prices).usd).toBe(51.84);
    });

    it("adds up per product and stack in the plan outputs", () => {
        const cost = production.plan.outputs.syntheticsMonthlyCost as { byProduct: Record<string, number>; totalUsd: number; budgetUsd: number };
        expect(Object.keys(cost.byProduct)).toHaveLength(8);
        expect(cost.totalUsd).toBeCloseTo(Object.values(cost.byProduct).reduce((a, b) => a + b, 0), 1);
        expect(cost.budgetUsd).toBe(2500);
        expect((staging.plan.outputs.syntheticsMonthlyCost as any).totalUsd).toBeLessThan(cost.totalUsd / 3);
        expect(production.summary).toMatch(/^ {2}total +\$ +\d+\.\d{2} {2}\(budget \$2500\.00\)$/m);
    });

    it("reports an exceeded budget with the estimate and the largest products", () => {
        const report = { tests: [], byProduct: { a: 70, b: 20, c: 5, d: 5 }, totalUsd: 100 };
        expect(budgetProblems(report, 100, "Pulumi.x.yaml")).toEqual([]);
        expect(budgetProblems(report, 50, "Pulumi.x.yaml")).toEqual([{
            source: "Pulumi.x.yaml", field: "synthetics.monthlyBudgetUsd",
            message: "estimated synthetic tests cost $100.00/month exceeds the budget of $50.00 (largest: a $70.00, b $20.00, c $5.00)",
        }]);
    });

    it("fails npm run plan when the stack's budget is exceeded", () => {
        const doc = YAML.parse(fs.readFileSync(path.join(PROJECT_DIR, "Pulumi.production.yaml"), "utf8"));
        doc.config["product-monitoring:synthetics"].monthlyBudgetUsd = 100;
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "budget-")), "Pulumi.tight.yaml");
        fs.writeFileSync(file, YAML.stringify(doc));
        const r = runScript("plan.ts", ["--stack", "tight", "--config", file]);
        expect(r.status).toBe(1);
        expect(r.stderr).toMatch(/^Pulumi\.tight\.yaml: synthetics\.monthlyBudgetUsd: estimated synthetic tests cost \$\d+\.\d{2}\/month exceeds the budget of \$100\.00 \(largest: driplo \$/m);
    });
});
