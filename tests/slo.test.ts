/** SLOs per product with the plans' targets, burn-rate maths, and the burn-rate monitors in Datadog's form. */
import {
    budgetConsumed,
    burnRateFor,
    errorBudget,
    errorBudgetMinutes,
    errorRateAt,
    hoursToExhaustion,
    maxBurnRate,
} from "../lib/model/burnRate";
import { loadCatalog } from "../lib/inputs/catalog/validate";
import { BURN_RATE_ALERTS, sloProblems, sloWarning, syntheticSloId } from "../lib/datadog/slo";
import { validateQuery } from "../lib/datadog/queryValidator";
import { downtimes } from "../lib/datadog/maintenance";
import { catalog } from "../products";
import { computed } from "../scripts/mocks";
import { STACKS } from "./helpers/constants";
import { loadPlan, MONITOR, pagesFrom } from "./helpers/plan";
import { SLO_TARGETS, SYNTHETIC_SUCCESS } from "./fixtures/planThresholds";
import { enabledProducts } from "./helpers/catalog";
import { stackConfig } from "./helpers/stackConfig";

const products = loadCatalog(catalog);
const SLO = "datadog:index/serviceLevelObjective:ServiceLevelObjective";

describe("burn-rate maths", () => {
    it("follows the SRE workbook numbers for a 30-day window", () => {
        expect(budgetConsumed(14.4, 1, 30)).toBeCloseTo(0.02, 10);
        expect(budgetConsumed(6, 6, 30)).toBeCloseTo(0.05, 10);
        expect(budgetConsumed(3, 24, 30)).toBeCloseTo(0.1, 10);
        expect(budgetConsumed(1, 72, 30)).toBeCloseTo(0.1, 10);
        expect(burnRateFor(0.02, 1, 30)).toBeCloseTo(14.4, 10);
        expect(hoursToExhaustion(14.4, 30)).toBeCloseTo(50, 10);
        expect(errorBudget(99.9)).toBeCloseTo(0.001, 12);
        expect(errorRateAt(14.4, 99.9)).toBeCloseTo(0.0144, 12);
        expect(sloWarning(99.9)).toBe(99.95);
        expect(sloWarning(99.99)).toBe(99.995);
    });

    it("bounds burn rates by the target and expresses budgets as outage minutes", () => {
        expect(maxBurnRate(99.9)).toBeCloseTo(1000, 6);
        expect(maxBurnRate(95)).toBeCloseTo(20, 9);
        expect(maxBurnRate(90)).toBeCloseTo(10, 9); // below 14.4: a 90% SLO cannot page at 14.4x
        expect(errorBudgetMinutes(99.9, 30)).toBeCloseTo(43.2, 9);
        expect(errorBudgetMinutes(99.99, 30)).toBeCloseTo(4.32, 9);
        expect(hoursToExhaustion(6, 30)).toBe(120);
        expect(budgetConsumed(1, 48, 30)).toBeCloseTo(0.0667, 4); // the slow ticket pair within 48 h
    });

    it("pages at 14.4x 1h/5m and 6x 6h/30m, tickets at 3x 1d/2h and 1x within Datadog's 1-48 h long-window range", () => {
        expect(BURN_RATE_ALERTS.map((a) => [a.burnRate, a.longWindow, a.shortWindow, a.severity])).toEqual([
            [14.4, "1h", "5m", "P0"],
            [6, "6h", "30m", "P0"],
            [3, "1d", "2h", "P2"],
            [1, "2d", "4h", "P2"],
        ]);
        // Every pair keeps the workbook's 1:12 short-to-long ratio.
        const minutes = (w: string) => Number(w.slice(0, -1)) * { m: 1, h: 60, d: 1440 }[w.slice(-1) as "m" | "h" | "d"];
        for (const a of BURN_RATE_ALERTS) expect(minutes(a.longWindow) / minutes(a.shortWindow)).toBe(12);
        // The workbook's 3d/6h pair is what the validator would reject (Datadog: 1 hour <= long window <= 48 hours).
        expect(validateQuery("slo alert", 'burn_rate("x").over("30d").long_window("3d").short_window("6h") > 1').errors).toEqual([
            "long window 3d exceeds the 48h maximum",
        ]);
    });
});

describe("SLO validation before deploy", () => {
    const [example] = products;

    it("accepts every product's SLOs", () => {
        for (const p of products) expect([p.key, sloProblems(p, "production")]).toEqual([p.key, []]);
    });

    it("rejects a target too low for the page burn rates, naming product, SLO and alerts", () => {
        const low = { ...example, slos: [{ ...example.slos[0], target: 90 }] };
        expect(sloProblems(low, "production")).toEqual([
            {
                source: `products/${example.key}.ts`,
                field: `slo ${example.slos[0].id}: target`,
                message:
                    "a 90% target allows burn rates up to 10, so the page-fast alert (14.4x) could never fire and Datadog rejects it; raise the target",
            },
        ]);
    });

    it("rejects malformed good/total queries", () => {
        const bad = { ...example, slos: [{ ...example.slos[0], good: { ...example.slos[0].good, filter: { "bad tag": "x" } } }] };
        expect(sloProblems(bad, "production")).toEqual([
            expect.objectContaining({
                field: `slo ${example.slos[0].id}: good`,
                message: expect.stringMatching(/invalid tag filter "bad tag:x"/),
            }),
        ]);
    });
});

describe.each(STACKS)("SLOs in %s", (stack) => {
    const view = loadPlan(stack);

    it.each(SLO_TARGETS)("%s %s targets the plan's %d%", (product, id, target) => {
        expect((view.byName(`${product}-slo-${id}`, SLO).inputs.thresholds as Array<{ target: number }>).map((t) => t.target)).toEqual(
            ["30d", "7d"].map(() => target),
        );
    });

    it.each(enabledProducts(stack).flatMap((p) => p.slos.map((s) => [p.key, s.id, s.target, s.timeframes] as const)))(
        "%s %s targets %d% over its timeframes %j",
        (product, id, target, timeframes) => {
            const slo = view.byName(`${product}-slo-${id}`, SLO);
            expect(slo.inputs.thresholds).toEqual(timeframes.map((timeframe) => ({ timeframe, target, warning: sloWarning(target) })));
            expect(slo.inputs.type).toBe("metric");
            expect((slo.inputs.query as any).numerator).toMatch(new RegExp(`env:${stack}`));
        },
    );

    it("has availability and latency SLOs for every product, each with its four burn-rate monitors", () => {
        for (const p of products) {
            const slos = view.ofType(SLO, p.key).filter((s) => s.inputs.type === "metric");
            expect(slos.length).toBe(p.slos.length);
            expect(new Set(slos.map((s) => (s.inputs.tags as string[]).find((t) => t.startsWith("slo-kind:"))))).toEqual(
                new Set(["slo-kind:availability", "slo-kind:latency"]),
            );
            for (const s of p.slos) {
                const sloId = view.byName(`${p.key}-slo-${s.id}`, SLO).urn; // exists
                expect(sloId).toBeTruthy();
                const burn = view.ofType(MONITOR, p.key).filter((m) => m.name.startsWith(`${p.key}-slo-${s.id}-`));
                expect(burn.map((m) => m.inputs.query)).toEqual(
                    BURN_RATE_ALERTS.map((a) =>
                        expect.stringMatching(
                            new RegExp(
                                `^burn_rate\\("\\d+"\\)\\.over\\("30d"\\)\\.long_window\\("${a.longWindow}"\\)\\.short_window\\("${a.shortWindow}"\\) > ${a.burnRate}$`,
                            ),
                        ),
                    ),
                );
                for (const m of burn) expect(m.inputs.type).toBe("slo alert");
                // Availability burns page (P0); latency is degraded performance (P1): critical channels, no page.
                const pages = s.kind === "availability" && stack === "production";
                expect(burn[0].inputs.message).toContain(pages ? `@pagerduty-${p.key}-production` : "@slack-alerts-critical");
                if (!pages) expect(pagesFrom(burn[0].inputs.message as string)).toBe(false);
                expect(burn[0].inputs.priority).toBe(s.kind === "availability" ? "1" : "2");
                expect(burn[0].inputs.message).toContain("2.0% of the budget is gone, and at this rate all of it is gone in 50 h.");
                expect(burn[3].inputs.message).toContain("6.7% of the budget is gone, and at this rate all of it is gone in 30 days.");
                expect(burn[3].inputs.priority).toBe("3");
                expect(burn[3].inputs.message).toContain("@slack-alerts-warning");
            }
        }
    });
});

// 004 §Synthetic Checks: each check's success target is an SLO over the test's own monitor (monitor-based: the share
// of time the test is not alerting), which Datadog cannot attach burn-rate or error-budget alerts to.
describe.each(STACKS)("synthetic tests' SLOs in %s", (stack) => {
    const view = loadPlan(stack);
    const TEST = "datadog:index/syntheticsTest:SyntheticsTest";

    it("gives every synthetic test with a success target an SLO over its monitor, at the plan's target", () => {
        const withTarget = products.flatMap((p) =>
            p.synthetics.filter((t) => t.successTarget !== undefined).map((t) => [p.key, t.id, t.successTarget]),
        );
        // Every success target of the products whose plan the fixture copies, as the plan gives it.
        const copied = new Set(SYNTHETIC_SUCCESS.map(([p]) => p));
        expect(withTarget.filter(([p]) => copied.has(p as string)).sort()).toEqual([...SYNTHETIC_SUCCESS].sort());
        for (const [product, test, target] of SYNTHETIC_SUCCESS) {
            const slo = view.byName(`${product}-slo-${syntheticSloId(test)}`, SLO);
            // The monitor id the provider returned for that product's test (the offline mocks' computed output).
            const testName = view.byName(`${product}-${test}`, TEST).name;
            expect(slo.inputs).toMatchObject({
                type: "monitor",
                monitorIds: [computed(TEST, testName, {}).monitorId],
                thresholds: [
                    { timeframe: "30d", target, warning: sloWarning(target) },
                    { timeframe: "7d", target, warning: sloWarning(target) },
                ],
                tags: expect.arrayContaining([`env:${stack}`, "slo-kind:synthetic", `synthetic:${test}`]),
            });
            expect(slo.inputs.query).toBeUndefined();
        }
    });

    it("attaches no SLO alert to them: Datadog offers none for monitor-based SLOs over synthetic tests", () => {
        const ids = view.ofType(SLO).filter((s) => s.inputs.type === "monitor");
        expect(ids.length).toBe(
            enabledProducts(stack).reduce((n, p) => n + p.synthetics.filter((t) => t.successTarget !== undefined).length, 0),
        );
        for (const slo of ids) expect(view.ofType(MONITOR).filter((m) => m.name.startsWith(`${slo.name}-`))).toEqual([]);
    });
});

describe("synthetic SLO validation", () => {
    // A product with a synthetic success target (004 §Synthetic Checks), and that test.
    const owner = products.find((p) => p.synthetics.some((t) => t.successTarget !== undefined))!;
    const test = owner.synthetics.find((t) => t.successTarget !== undefined)!;
    const withTarget = (successTarget: number) => ({
        ...owner,
        synthetics: owner.synthetics.map((t) => (t.id === test.id ? { ...t, successTarget } : t)),
    });

    it("rejects a success target Datadog cannot take for a monitor-based SLO (100%, more than two decimals)", () => {
        for (const target of [100, 99.95, 99.123])
            expect(sloProblems(withTarget(target), "production")).toEqual([
                {
                    source: `products/${owner.key}.ts`,
                    field: `synthetics[${test.id}].successTarget`,
                    message: `${target}% cannot be the target of its SLO: Datadog takes monitor-based SLO targets and warnings below 100% with at most two decimals (warning: halfway to 100%)`,
                },
            ]);
        expect(sloProblems(withTarget(99.8), "production")).toEqual([]);
    });
});

describe("maintenance windows", () => {
    it("mute only the configured non-critical severities, per product, on the weekly schedule", () => {
        const view = loadPlan("production");
        const config = stackConfig("production");
        const [window] = config.maintenanceWindows;
        const enabled = enabledProducts("production");
        const [p] = enabled;
        const dts = view.ofType("datadog:index/downtimeSchedule:DowntimeSchedule", p.key);
        expect(dts.map((d) => (d.inputs.monitorIdentifier as any).monitorTags)).toEqual(
            window.muteSeverities.map((s) => [`product:${p.key}`, "env:production", `severity:${s.toLowerCase()}`]),
        );
        expect(dts[0].inputs.recurringSchedule as any).toEqual({
            timezone: "UTC",
            recurrences: [{ rrule: "FREQ=WEEKLY;BYDAY=SU", start: "2026-01-04T02:00:00", duration: "120m" }],
        });
        // Every window mutes its severities on every product it lists ("*": all of the stack's).
        expect(view.ofType("datadog:index/downtimeSchedule:DowntimeSchedule")).toHaveLength(
            config.maintenanceWindows.reduce(
                (n, w) =>
                    n + w.muteSeverities.length * enabled.filter((x) => w.products.includes("*") || w.products.includes(x.key)).length,
                0,
            ),
        );
    });

    it("apply to the listed products only", () => {
        const [p, listed] = products;
        const w = {
            name: "db-upgrade",
            products: [listed.key],
            rrule: "FREQ=MONTHLY;BYMONTHDAY=1",
            start: "2026-01-01T03:00:00",
            durationMinutes: 60,
            timeZone: "UTC",
            muteSeverities: ["P3" as const],
        };
        expect(downtimes(p, "production", [w])).toEqual([]);
        expect(downtimes(listed, "production", [w]).map((d) => d.id)).toEqual(["db-upgrade-p3"]);
    });
});
