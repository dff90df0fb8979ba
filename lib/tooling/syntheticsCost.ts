/**
 * Synthetic monitoring cost model: billable runs per month × price, per test, per product and per stack.
 *
 * - Runs per month = 30 days / tickEvery × locations (each location runs the test on every tick).
 * - API tests (HTTP, SSL) bill one API run per run; a multistep API test bills every step as one API run
 *   (each step is a request Datadog makes); browser tests bill one browser run per device per run.
 * - API runs are priced per 10,000 (001 §Cost Analysis: ~$5 per 10K), browser runs per 1,000; both from config.
 *
 * Retries are not counted: they only happen on failures, which the tests are tuned to keep rare.
 */
import type { Product } from "../inputs/catalog/schema";
import type { PublicStackConfig } from "../inputs/config";
import type { Problem } from "../inputs/errors";
import { buildSyntheticTests, SyntheticTestModel } from "../datadog/synthetics";

/** Datadog bills a calendar month; 30 days keeps estimates comparable month to month. */
export const SECONDS_PER_MONTH = 30 * 24 * 3600;

export interface Prices {
    apiPer10kRuns: number;
    browserPer1kRuns: number;
}

export interface TestCost {
    product: string;
    test: string;
    type: "api" | "browser";
    /** Scheduled runs per month over all locations. */
    runsPerMonth: number;
    /** Billed runs: scheduled runs × steps (multistep) or devices (browser). */
    billableRuns: number;
    /** Unrounded USD per month. */
    usd: number;
}

export interface CostReport {
    tests: TestCost[];
    /** USD per month per product, rounded to cents. */
    byProduct: Record<string, number>;
    /** USD per month of the stack, rounded to cents. */
    totalUsd: number;
}

export type CostModelInput = Pick<SyntheticTestModel, "id" | "type" | "tickEvery" | "locations" | "unitsPerRun">;

export function runsPerMonth(tickEverySeconds: number, locations: number): number {
    return (SECONDS_PER_MONTH / tickEverySeconds) * locations;
}

export function testCost(product: string, t: CostModelInput, prices: Prices): TestCost {
    const runs = runsPerMonth(t.tickEvery, t.locations.length);
    const billable = runs * t.unitsPerRun;
    const usd = t.type === "browser" ? (billable / 1000) * prices.browserPer1kRuns : (billable / 10000) * prices.apiPer10kRuns;
    return { product, test: t.id, type: t.type, runsPerMonth: runs, billableRuns: billable, usd };
}

export function cents(usd: number): number {
    return Math.round(usd * 100) / 100;
}

/** Sums exact costs and rounds once, so the total is not the sum of rounding errors. */
export function summarizeCosts(tests: TestCost[]): CostReport {
    const exact = new Map<string, number>();
    for (const t of tests) exact.set(t.product, (exact.get(t.product) ?? 0) + t.usd);
    return {
        tests,
        byProduct: Object.fromEntries([...exact].map(([p, usd]) => [p, cents(usd)])),
        totalUsd: cents(tests.reduce((s, t) => s + t.usd, 0)),
    };
}

export function costReport(products: ReadonlyArray<Product>, config: PublicStackConfig): CostReport {
    return summarizeCosts(products.flatMap((p) => buildSyntheticTests(p, config).map((t) => testCost(p.key, t, config.synthetics.prices))));
}

/** Per product, per test, USD rounded to cents: the `syntheticsMonthlyCost.tests` stack output. */
export function costsByTest(report: CostReport): Record<string, Record<string, number>> {
    const out: Record<string, Record<string, number>> = {};
    for (const t of report.tests) (out[t.product] ??= {})[t.test] = cents(t.usd);
    return out;
}

/**
 * The configured monthly budget; exceeding it fails the plan (and `pulumi up`) before anything is created.
 * The message names the three most expensive products, where cutting frequency or locations pays most.
 */
export function budgetProblems(report: Pick<CostReport, "byProduct" | "totalUsd">, budgetUsd: number, configFile: string): Problem[] {
    if (report.totalUsd <= budgetUsd) return [];
    const top = Object.entries(report.byProduct)
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, 3)
        .map(([p, usd]) => `${p} $${usd.toFixed(2)}`)
        .join(", ");
    return [
        {
            source: configFile,
            field: "synthetics.monthlyBudgetUsd",
            message: `estimated $${report.totalUsd.toFixed(2)}/month exceeds the budget of $${budgetUsd.toFixed(2)} (top: ${top})`,
        },
    ];
}

/** Lines for the plan summary. */
export function formatCostReport(report: Pick<CostReport, "byProduct" | "totalUsd">, budgetUsd: number): string {
    const lines = ["Synthetic tests, estimated monthly cost:"];
    for (const [p, usd] of Object.entries(report.byProduct).sort((a, b) => a[0].localeCompare(b[0]))) {
        lines.push(`  ${p.padEnd(14)} $${usd.toFixed(2).padStart(9)}`);
    }
    lines.push(`  ${"total".padEnd(14)} $${report.totalUsd.toFixed(2).padStart(9)}  (budget $${budgetUsd.toFixed(2)})`);
    return lines.join("\n");
}
