/** The synthetic cost model: exact arithmetic, the stacks' estimates, and the budget that fails the plan. */
import { enabledKeys } from "./helpers/catalog";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as YAML from "yaml";
import { ProductSpec } from "../lib/inputs/catalog/schema";
import { budgetProblems, costReport, formatCostReport, runsPerMonth, summarizeCosts, testCost } from "../lib/tooling/syntheticsCost";
import { minimalProduct } from "./fixtures/minimalProduct";
import { loadPlan } from "./helpers/plan";
import { PROJECT_DIR, runScript } from "./helpers/run";
import { stackConfig } from "./helpers/stackConfig";

const prices = { apiPer10kRuns: 5, browserPer1kRuns: 12 };
const three = ["a", "b", "c"];
type Cost = { byProduct: Record<string, number>; totalUsd: number; budgetUsd: number; tests: Record<string, Record<string, number>> };
const production = loadPlan("production");
const staging = loadPlan("staging");
const prodCost = production.plan.outputs.syntheticsMonthlyCost as Cost;
const stagCost = staging.plan.outputs.syntheticsMonthlyCost as Cost;

describe("arithmetic", () => {
    it("counts runs per month as 30 days / frequency x locations", () => {
        expect(runsPerMonth(60, 3)).toBe(129600);
        expect(runsPerMonth(600, 3)).toBe(12960);
        expect(runsPerMonth(3600, 2)).toBe(1440);
    });

    it("prices API runs per 10,000, every step of a multistep test, browser runs per 1,000 per device", () => {
        const cost = (type: "api" | "browser", tickEvery: number, locations: string[], unitsPerRun: number) =>
            testCost("p", { id: "t", type, tickEvery, locations, unitsPerRun }, prices);
        const health = cost("api", 60, three, 1);
        expect(health).toMatchObject({ product: "p", test: "t", type: "api", runsPerMonth: 129600, billableRuns: 129600 });
        expect(health.usd).toBeCloseTo(64.8, 10);
        const flow = cost("api", 300, ["a", "b"], 4);
        expect([flow.runsPerMonth, flow.billableRuns]).toEqual([17280, 69120]);
        expect(flow.usd).toBeCloseTo(34.56, 10);
        const journey = cost("browser", 1800, three, 1);
        expect([journey.runsPerMonth, journey.billableRuns]).toEqual([4320, 4320]);
        expect(journey.usd).toBeCloseTo(51.84, 10);
        expect(cost("browser", 1800, three, 2).usd).toBeCloseTo(103.68, 10);
        expect(
            testCost(
                "p",
                { id: "t", type: "api", tickEvery: 60, locations: three, unitsPerRun: 1 },
                { apiPer10kRuns: 7.5, browserPer1kRuns: 12 },
            ).usd,
        ).toBeCloseTo(97.2, 10);
    });

    it("adds exact costs per product and stack and rounds once", () => {
        const t = (product: string, usd: number) => ({ product, test: "x", type: "api" as const, runsPerMonth: 0, billableRuns: 0, usd });
        expect(summarizeCosts([t("a", 0.004), t("a", 0.004), t("b", 0.004)])).toMatchObject({
            byProduct: { a: 0.01, b: 0 },
            totalUsd: 0.01,
        });
    });

    it("costs a product from its spec and the stack config: one 1-min health check from 3 locations is $64.80", () => {
        const config = stackConfig("production");
        const product = ProductSpec.parse(minimalProduct({ synthetics: minimalProduct().synthetics.slice(0, 1) }));
        const report = costReport([product], config);
        expect(report.byProduct).toEqual({ acme: 64.8 });
        expect(report.totalUsd).toBe(64.8);
        // Staging: every 4 min from 2 locations.
        expect(costReport([product], stackConfig("staging")).totalUsd).toBe(10.8);
    });
});

describe("the stacks' estimates", () => {
    it("prices every PlumberLeads test in production (004 frequencies, 3 locations)", () => {
        expect(prodCost.tests.plumberleads).toEqual({
            "home-page-availability": 64.8, // 1 min
            "api-health": 64.8, // 1 min
            "login-flow": 25.92, // 5 min x 2 steps
            "lead-claiming": 25.92, // 10 min x 4 steps
            "payment-processing": 12.96, // 15 min x 3 steps
            "admin-dashboard": 51.84, // browser, 30 min
            "mobile-responsive": 25.92, // browser, 60 min
            "ssl-web": 0.09,
            "ssl-api": 0.09,
            "ssl-admin": 0.09, // 12 h
        });
        expect(prodCost.byProduct.plumberleads).toBe(272.43);
    });

    it("costs staging a sixth of production per test (4x less often, 2 locations instead of 3)", () => {
        for (const [test, usd] of Object.entries(prodCost.tests.plumberleads).filter(([t]) => !t.startsWith("ssl"))) {
            expect([test, stagCost.tests.plumberleads[test]]).toEqual([test, Math.round((usd / 6) * 100) / 100]);
        }
    });

    it("sums per product and stack, and npm run plan prints both", () => {
        for (const cost of [prodCost, stagCost]) {
            expect(Object.keys(cost.byProduct).sort()).toEqual(enabledKeys(cost === prodCost ? "production" : "staging").sort());
            for (const [p, tests] of Object.entries(cost.tests))
                expect(cost.byProduct[p]).toBeCloseTo(
                    Object.values(tests).reduce((a, b) => a + b, 0),
                    1,
                );
            expect(cost.totalUsd).toBeCloseTo(
                Object.values(cost.byProduct).reduce((a, b) => a + b, 0),
                1,
            );
        }
        expect([prodCost.budgetUsd, stagCost.budgetUsd]).toEqual([2500, 600]);
        expect(production.summary).toContain(formatCostReport(prodCost, 2500));
        expect(production.summary).toContain(`  plumberleads   $   272.43`);
        expect(staging.summary).toMatch(/^ {2}total +\$ +\d+\.\d{2} {2}\(budget \$600\.00\)$/m);
    });
});

describe("budget", () => {
    it("fails with the estimate, the budget and the three most expensive products", () => {
        const report = { byProduct: { a: 70, b: 20, c: 5, d: 5 }, totalUsd: 100 };
        expect(budgetProblems(report, 100, "Pulumi.x.yaml")).toEqual([]);
        expect(budgetProblems(report, 99.99, "Pulumi.x.yaml")).toEqual([
            {
                source: "Pulumi.x.yaml",
                field: "synthetics.monthlyBudgetUsd",
                message: "estimated $100.00/month exceeds the budget of $99.99 (top: a $70.00, b $20.00, c $5.00)",
            },
        ]);
    });

    it("fails npm run plan before creating anything when the stack's budget is exceeded", () => {
        const doc = YAML.parse(fs.readFileSync(path.join(PROJECT_DIR, "Pulumi.production.yaml"), "utf8"));
        doc.config["product-monitoring:synthetics"].monthlyBudgetUsd = 100;
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "budget-")), "Pulumi.production.yaml");
        fs.writeFileSync(file, YAML.stringify(doc));
        const out = path.join(path.dirname(file), "plan.json");
        const r = runScript("plan.ts", ["--stack", "production", "--config", file, "--out", out]);
        const top = Object.entries(prodCost.byProduct)
            .sort((a, b) => b[1] - a[1])
            .slice(0, 3)
            .map(([p, usd]) => `${p} $${usd.toFixed(2)}`)
            .join(", ");
        expect([r.status, r.stderr.trim().split("\n")]).toEqual([
            1,
            [
                "plan failed: 1 problem",
                `Pulumi.production.yaml: synthetics.monthlyBudgetUsd: estimated $${prodCost.totalUsd.toFixed(2)}/month exceeds the budget of $100.00 (top: ${top})`,
            ],
        ]);
        expect(fs.existsSync(out)).toBe(false);
    });
});
