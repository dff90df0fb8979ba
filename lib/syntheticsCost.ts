/**
 * Synthetic monitoring cost model: runs per month × price. API tests (HTTP, SSL, and each step of a multistep
 * test) are billed per 10,000 runs (001 §Cost Analysis: ~$5 per 10K tests); browser tests per 1,000 runs.
 */
import type { Product } from "./catalog/schema";
import type { PublicStackConfig } from "./config";
import type { Problem } from "./errors";
import { buildSyntheticTests, SyntheticTestModel } from "./synthetics";

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
    runsPerMonth: number;
    billableUnits: number;
    usd: number;
}

export interface CostReport {
    tests: TestCost[];
    byProduct: Record<string, number>;
    totalUsd: number;
}

export function runsPerMonth(tickEverySeconds: number, locations: number): number {
    return (SECONDS_PER_MONTH / tickEverySeconds) * locations;
}

export function testCost(product: string, t: Pick<SyntheticTestModel, "id" | "type" | "tickEvery" | "locations" | "unitsPerRun">, prices: Prices): TestCost {
    const runs = runsPerMonth(t.tickEvery, t.locations.length);
    const units = runs * t.unitsPerRun;
    const usd = t.type === "browser" ? (units / 1000) * prices.browserPer1kRuns : (units / 10000) * prices.apiPer10kRuns;
    return { product, test: t.id, type: t.type, runsPerMonth: runs, billableUnits: units, usd: round2(usd) };
}

function round2(n: number): number {
    return Math.round(n * 100) / 100;
}

export function costReport(products: ReadonlyArray<Product>, config: PublicStackConfig): CostReport {
    const tests = products.flatMap((p) => buildSyntheticTests(p, config).map((t) => testCost(p.key, t, config.synthetics.prices)));
    const byProduct: Record<string, number> = {};
    for (const t of tests) byProduct[t.product] = round2((byProduct[t.product] ?? 0) + t.usd);
    return { tests, byProduct, totalUsd: round2(tests.reduce((s, t) => s + t.usd, 0)) };
}

/** The configured monthly budget; exceeding it fails the plan (and `pulumi up`) before anything is created. */
export function budgetProblems(report: CostReport, budgetUsd: number, configFile: string): Problem[] {
    if (report.totalUsd <= budgetUsd) return [];
    const top = Object.entries(report.byProduct).sort((a, b) => b[1] - a[1]).slice(0, 3).map(([p, usd]) => `${p} $${usd.toFixed(2)}`).join(", ");
    return [{
        source: configFile,
        field: "synthetics.monthlyBudgetUsd",
        message: `estimated synthetic tests cost $${report.totalUsd.toFixed(2)}/month exceeds the budget of $${budgetUsd.toFixed(2)} (largest: ${top})`,
    }];
}

/** Lines for the plan summary. */
export function formatCostReport(report: Pick<CostReport, "byProduct" | "totalUsd">, budgetUsd: number): string {
    const lines = ["Synthetic tests, estimated monthly cost:"];
    for (const [p, usd] of Object.entries(report.byProduct)) lines.push(`  ${p.padEnd(14)} $${usd.toFixed(2).padStart(9)}`);
    lines.push(`  ${"total".padEnd(14)} $${report.totalUsd.toFixed(2).padStart(9)}  (budget $${budgetUsd.toFixed(2)})`);
    return lines.join("\n");
}
