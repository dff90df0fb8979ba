/** The target checks themselves: each flags an alert built to miss it and passes one built to meet it. */
import { simulateAlert, simulateStack } from "../lib/simulate/stack";
import {
    flappingFailures,
    incidentFailures,
    lowTrafficFailures,
    noTrafficFailures,
    normalTrafficFailures,
    p0DetectionFailures,
    recoveryFailures,
} from "../lib/simulate/targets";
import type { MonitorPayload, SimAlert } from "../lib/simulate/types";

const PAGER = { pager: { service: "shop-production" }, slackChannels: ["alerts-critical"], emails: [] };

function monitor(id: string, query: string, m: Partial<MonitorPayload> = {}, category = "errors"): SimAlert {
    const critical = /(-?[\d.]+)\s*$/.exec(query)![1];
    return {
        product: "shop",
        id,
        severity: "P0",
        category,
        route: PAGER,
        binding: {
            provider: "datadog-monitor",
            monitor: {
                type: "metric alert",
                query,
                thresholds: { critical },
                notifyNoData: false,
                requireFullWindow: false,
                message: "@pagerduty-shop-production",
                ...m,
            },
        },
    };
}

// A sparse `> 0` payment counter (pages on one failure, never recovers) and a ratio with no-data alerts,
// beside a volume-guarded ratio with default_zero and a recovery threshold.
const bad = monitor("payment-failures", "sum(last_5m):sum:shop.payment.failed{env:production}.as_count() > 0");
const noData = monitor(
    "api-error-rate",
    "sum(last_5m):(sum:shop.errors{env:production}.as_count() / sum:shop.requests{env:production}.as_count()) * 100 > 5",
    { notifyNoData: true, noDataTimeframeMinutes: 10, thresholds: { critical: "5", criticalRecovery: "2" } },
);
const good = monitor(
    "payment-failure-rate",
    "sum(last_5m):(default_zero(sum:shop.payment.failed{env:production}.as_count()) / sum:shop.payment.attempted{env:production}.as_count()) * 100 > 20",
    { thresholds: { critical: "20", criticalRecovery: "10" }, onMissingData: "resolve" },
);
const sim = simulateStack({ alerts: [bad, noData, good] }, { alertGroupingMinutes: 10 });
const ids = (fs: Array<{ alert: string }>) => fs.map((f) => f.alert);

describe("target checks", () => {
    test("hard outage: each monitor here detects within 1-2 minutes; a slow one is flagged with its time", () => {
        expect(sim.alerts.map((s) => [s.alert.id, s.detectSeconds])).toEqual([
            ["payment-failures", 60],
            ["api-error-rate", 60],
            ["payment-failure-rate", 60],
        ]);
        // min over 5 minutes: every minute of the window must be slow.
        const slow = simulateStack({ alerts: [monitor("slow", "min(last_5m):avg:shop.latency{env:production} > 3")] });
        expect(p0DetectionFailures(slow).map((f) => f.happened)).toEqual(["detects it after 300 s (target < 120 s)"]);
    });
    test("a plan's hold duration exempts a P0 only when its window keeps exactly that duration", () => {
        const held = (window: string) => ({
            ...monitor("pool", `max(last_${window}):min:shop.pool.available{env:production} < 5`),
            source: "plan (pool exhausted: < 5 for 5m)",
        });
        expect(ids(p0DetectionFailures(simulateStack({ alerts: [held("5m")] })))).toEqual([]);
        expect(ids(p0DetectionFailures(simulateStack({ alerts: [held("10m")] })))).toEqual(["pool"]);
        // The plan's prose form (001: "Memory usage > 90% for 5 minutes") holds as long as Prometheus' `for: 5m`.
        const prose = (source: string) => ({ ...held("5m"), source });
        expect(ids(p0DetectionFailures(simulateStack({ alerts: [prose("plan (memory > 90% for 5 minutes)")] })))).toEqual([]);
        expect(ids(p0DetectionFailures(simulateStack({ alerts: [prose("plan (memory > 90% for 10 minutes)")] })))).toEqual(["pool"]);
        expect(ids(p0DetectionFailures(simulateStack({ alerts: [prose("plan (memory > 90%, forms 5 minutes)")] })))).toEqual(["pool"]);
    });
    test("a P0 saturation gauge of a host may take its window of up to 5 minutes to detect; latency, request gauges and longer windows may not", () => {
        // Used memory from available / total, bounded at 100 %: a step to full memory reaches a 5-minute average of 85 % after 4 minutes.
        const memory = (window: string, prefix = "supabase.node.memory", category = "saturation") =>
            monitor(
                `${prefix}-${window}-${category}`,
                `avg(last_${window}):(1 - avg:${prefix}.mem_available_bytes{env:production} / avg:${prefix}.mem_total_bytes{env:production}) * 100 > 85`,
                {},
                category,
            );
        const sim = simulateStack({
            alerts: [memory("5m"), memory("10m"), memory("5m", "supabase.node.memory", "latency"), memory("5m", "trace.web.request")],
        });
        expect(p0DetectionFailures(sim).map((f) => [f.alert, f.happened])).toEqual([
            ["supabase.node.memory-10m-saturation", "detects it after 480 s (target < 120 s)"],
            ["supabase.node.memory-5m-latency", "detects it after 240 s (target < 120 s)"],
            ["trace.web.request-5m-saturation", "detects it after 240 s (target < 120 s)"],
        ]);
    });
    test("one failure at low traffic: the > 0 counter pages, the guarded ratio does not", () => {
        expect(ids(lowTrafficFailures(sim))).toEqual(["payment-failures"]);
    });
    test("no traffic: the ratio with notify_no_data raises NO DATA", () => {
        expect(noTrafficFailures(sim).map((f) => [f.alert, f.happened])).toEqual([
            ["api-error-rate", "raises NO DATA (1 notification(s) in 2 h)"],
        ]);
    });
    test("recovery: the sparse counter stays in ALERT once errors stop", () => {
        expect(recoveryFailures(sim).map((f) => [f.alert, f.happened])).toEqual([
            ["payment-failures", "still ALERT 60 min after the condition cleared"],
        ]);
    });
    test("flapping: a gauge without a recovery threshold is raised on every crossing; the sparse counter never recovers, so it does not flap", () => {
        const flappy = simulateStack({ alerts: [monitor("queue-depth", "avg(last_1m):avg:shop.queue.depth{env:production} > 100"), bad] });
        expect(flappingFailures(flappy).map((f) => [f.alert, f.happened])).toEqual([["queue-depth", "notifies 6 times in an hour"]]);
        expect(flappingFailures(sim)).toEqual([]);
    });
    test("normal traffic: the ratio whose numerator is often not submitted goes NO DATA and pages", () => {
        expect(normalTrafficFailures(sim).map((f) => [f.alert, f.happened])).toEqual([
            ["api-error-rate", "raises 11 notification(s) a day, 11 page(s)"],
        ]);
    });
    test("incidents: two paging monitors of a product firing more than 10 min apart are two pages; grouped within 10 min, one", () => {
        const slowPayments = monitor("payment-latency", "min(last_15m):avg:shop.payment.latency{env:production} > 3", {}, "latency");
        const two = simulateStack({ alerts: [bad, slowPayments] }, { alertGroupingMinutes: 10 });
        expect(incidentFailures(two, true).map((f) => [f.scenario, f.happened])).toEqual([
            ["payments-provider-down", "2 pages after 2 paging alert(s) fired at 60 s, 900 s"],
            ["database-down", "2 pages after 2 paging alert(s) fired at 60 s, 900 s"],
        ]);
        expect(incidentFailures(simulateStack({ alerts: [bad, slowPayments] }, { alertGroupingMinutes: 20 }), true)).toEqual([]);
        expect(incidentFailures(sim, true)).toEqual([]);
    });
});

describe("simulateStack on a stack model", () => {
    const burn: SimAlert = {
        product: "shop",
        id: "slo-api-availability-page-fast",
        kind: "slo-burn-rate",
        severity: "P0",
        category: "slo",
        route: PAGER,
        binding: {
            provider: "datadog-monitor",
            sloId: "api-availability",
            monitor: {
                type: "slo alert",
                query: 'burn_rate("slo-id-api-availability").over("30d").long_window("1h").short_window("5m") > 14.4',
                thresholds: { critical: "14.4" },
                notifyNoData: false,
                requireFullWindow: false,
            },
        },
    };
    test("a burn-rate alert takes its SLO target from the model's products", () => {
        const sim = simulateStack({
            alerts: [burn],
            products: [{ product: { key: "shop", slos: [{ id: "api-availability", target: 99.9 }] } }],
        });
        expect([sim.alerts[0].error, sim.alerts[0].detectSeconds]).toEqual([undefined, 60]);
    });
    test("without it, the alert is reported as not simulated, with the reason", () => {
        expect(simulateStack({ alerts: [burn] }).alerts[0].error).toBe('the target of SLO "api-availability" is unknown');
    });
});

describe("generated scenarios of the newer query forms", () => {
    test("a floored ratio: one failure at 1 request/min pages nobody; a hard outage at normal traffic pages within 2 minutes", () => {
        const s = simulateAlert(
            monitor(
                "api-error-rate",
                "sum(last_5m):(default_zero(sum:shop.errors{env:production}.as_count()) / clamp_min(sum:shop.requests{env:production}.as_count(), 100)) * 100 > 1",
                { thresholds: { critical: "1", criticalRecovery: "0.9" }, onMissingData: "resolve" },
            ),
        );
        expect([s.family, s.error]).toEqual(["ratio of counts with a volume floor", undefined]);
        expect(s.outcomes["low-traffic-failure"]!.evaluation.pages).toEqual([]);
        expect(s.detectSeconds).toBe(60);
        expect(s.recoverSeconds).not.toBeNull();
    });
    test.each([
        ["counter rate", "avg(last_5m):per_second(sum:redis.keys.evicted{env:production}) > 0"],
        ["gauge", "avg(last_5m):100 - avg:system.cpu.idle{env:production} by {host} > 85"],
        ["gauge", "avg(last_5m):(1 - avg:system.mem.pct_usable{env:production} by {host}) * 100 > 90"],
        ["ratio of gauges", "avg(last_5m):(1 - avg:node.mem_available{env:production} / avg:node.mem_total{env:production}) * 100 > 95"],
        [
            "ratio of counts",
            "sum(last_5m):(1 - sum:supabase.node.cpu.seconds.count{env:production,mode:idle}.as_count() / sum:supabase.node.cpu.seconds.count{env:production}.as_count()) * 100 > 90",
        ],
    ])("%s: %s detects a hard outage, stays quiet on a normal day and recovers", (family, query) => {
        const s = simulateAlert(monitor("m", query, { onMissingData: "resolve" }, "infrastructure"));
        expect([s.family, s.error]).toEqual([family, undefined]);
        expect(s.detectSeconds).not.toBeNull();
        expect(s.detectSeconds!).toBeLessThanOrEqual(300);
        expect(s.outcomes.normal!.evaluation.transitions).toEqual([]);
        expect(s.recoverSeconds).not.toBeNull();
    });

    test("a bounded gauge goes no further than full: memory averaged over 5 minutes crosses 90 % late in the window", () => {
        // A step from healthy (45 %) to full (100 %): the 5-minute average passes 90 % only after ~4.2 minutes; with
        // the uncapped worst case (4 × 90 = 360 %) one minute was enough. Evaluated each minute, it alerts at 300 s.
        const s = simulateAlert(
            monitor("m", "avg(last_5m):(1 - avg:system.mem.pct_usable{env:production} by {host}) * 100 > 90", { onMissingData: "resolve" }),
        );
        expect([s.family, s.detectSeconds]).toEqual(["gauge", 300]);
    });
});
