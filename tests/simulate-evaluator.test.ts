/**
 * The simulator's evaluators, promtool style: small input series in, the exact state changes and notifications
 * out, one table per Datadog / Sentry / CloudWatch semantic.
 */
import { evaluateAlert } from "../lib/simulate/evaluate";
import { parseMonitorQuery } from "../lib/simulate/datadogQuery";
import { renderMessage } from "../lib/simulate/notify";
import { parseSeries, series, Series } from "../lib/simulate/series";
import type { AlertEvaluation, MonitorPayload, SimAlert, SimBinding, SimRoute } from "../lib/simulate/types";

const PAGER: SimRoute = { pager: { service: "x-production" }, slackChannels: ["alerts-critical"], emails: [] };
const SLACK: SimRoute = { slackChannels: ["alerts-warning"], emails: [] };

function alertOf(binding: SimBinding, route: SimRoute = PAGER): SimAlert {
    return { product: "x", id: "a", severity: "P0", route, binding };
}

function monitor(query: string, m: Partial<MonitorPayload> = {}): SimBinding {
    const type = query.startsWith("logs(")
        ? "log alert"
        : query.startsWith("rum(")
          ? "rum alert"
          : query.startsWith("burn_rate(")
            ? "slo alert"
            : query.includes("count_by_status")
              ? "service check"
              : "metric alert";
    const critical = /(-?[\d.]+)\s*$/.exec(query)?.[1] ?? "2";
    return {
        provider: "datadog-monitor",
        monitor: { type, query, thresholds: { critical }, notifyNoData: false, requireFullWindow: false, ...m },
    };
}

/** `"120 OK>ALERT"` per transition. */
const changes = (e: AlertEvaluation) => e.transitions.map((t) => `${t.at} ${t.from}>${t.to}`);
const run = (b: SimBinding, inputs: Record<string, Series>, route: SimRoute = PAGER, end?: number) =>
    evaluateAlert(alertOf(b, route), inputs, { end });

describe("series notation (promtool)", () => {
    test.each([
        ["0+10x3", [0, 10, 20, 30]],
        ["1x3", [1, 1, 1, 1]],
        ["_x3", [null, null, null]],
        ["1 _ 2", [1, null, 2]],
        ["5-1x2 _x2 0", [5, 4, 3, null, null, 0]],
        ["0.5+0.25x2", [0.5, 0.75, 1]],
    ])("%s", (text, values) => expect(parseSeries(text)).toEqual(values));

    test("a malformed term names the series and the term", () => {
        expect(() => parseSeries("1x3 abc")).toThrow('series "1x3 abc": "abc" is not a promtool term (e.g. 1, _, 0+10x30, 1x60, _x10)');
        expect(() => parseSeries("_+1x3")).toThrow('series "_+1x3": "_+1x3": a missing sample has no increment');
    });
});

describe("query parsing", () => {
    test("a ratio of counts with extra tags keys its inputs by metric and tags", () => {
        const q = parseMonitorQuery(
            "metric alert",
            "sum(last_5m):(sum:a.errors{env:production,service:s,http.status_class:5xx}.as_count() / sum:a.hits{env:production,service:s}.as_count()) * 100 > 1",
        );
        expect(q).toMatchObject({ kind: "metric", aggregation: "sum", window: 300, comparator: ">", threshold: 1 });
    });
    test("unsupported forms are rejected with the reason", () => {
        expect(() => parseMonitorQuery("metric alert", "forecast(avg:x{*}, 'linear', 1) > 3")).toThrow(
            "not a metric, percentile, anomalies() or change() query",
        );
        expect(() => parseMonitorQuery("metric alert", "avg(last_5m):avg:x{*}")).toThrow(
            "no comparator and threshold at the end of the query",
        );
    });
});

describe("time aggregation over last_N", () => {
    const gauge = (text: string) => ({ m: series(text) });
    test.each([
        // avg of 0,0,9 over 3 min = 3 > 2 at the third minute; back to OK once the 9 leaves the window.
        ["avg(last_3m):avg:m{*} > 2", "0 0 9 0 0 0", ["180 OK>ALERT", "360 ALERT>OK"]],
        ["sum(last_3m):avg:m{*} > 2", "1 1 1 0 0 0", ["180 OK>ALERT", "240 ALERT>OK"]],
        // Partial windows at the start are evaluated (require_full_window is off).
        ["min(last_3m):avg:m{*} > 2", "3 3 3 3 1 3 3 3", ["60 OK>ALERT", "300 ALERT>OK", "480 OK>ALERT"]],
        ["max(last_2m):avg:m{*} > 2", "0 5 0 0", ["120 OK>ALERT", "240 ALERT>OK"]],
        ["avg(last_2m):avg:m{*} < 1", "2 2 0 0 2", ["240 OK>ALERT", "300 ALERT>OK"]],
    ])("%s on %s", (q, text, expected) => expect(changes(run(monitor(q), gauge(text)))).toEqual(expected));
});

describe("arithmetic and .as_count()", () => {
    const q = "sum(last_2m):(sum:err{*}.as_count() / sum:req{*}.as_count()) * 100 > 10";
    test("as_count ratios divide the window sums (sum(err) / sum(req)), not the average of per-minute ratios", () => {
        // Minute ratios 100 % and 0 %; per point the mean would be 50 %, but 1 error in 101 requests is 0.99 %.
        const e = run(monitor(q), { err: series("1 _", 60, "count"), req: series("1 100", 60, "count") });
        expect(changes(e)).toEqual(["60 OK>ALERT", "120 ALERT>OK"]);
    });
    test("a rate metric .as_count() is per second times the interval; a count is kept", () => {
        const rate = run(monitor("sum(last_1m):sum:r{*}.as_count() > 100"), { r: series("2", 60, "rate") });
        expect(rate.transitions[0]).toMatchObject({ at: 60, to: "ALERT", value: 120 });
        const count = run(monitor("sum(last_1m):sum:r{*}.as_count() > 100"), { r: series("2", 60, "count") });
        expect(count.transitions).toEqual([]);
    });
    test("without default_zero a ratio whose numerator is never submitted has no data; with it, it is 0", () => {
        const inputs = { err: series("_x9", 60, "count"), req: series("10x9", 60, "count") };
        const plain = run(monitor(q, { notifyNoData: true, noDataTimeframeMinutes: 5 }), inputs);
        expect(changes(plain)).toEqual(["300 OK>NO DATA"]);
        const zero = run(
            monitor("sum(last_2m):(default_zero(sum:err{*}.as_count()) / sum:req{*}.as_count()) * 100 > 10", {
                notifyNoData: true,
                noDataTimeframeMinutes: 5,
            }),
            inputs,
        );
        expect(changes(zero)).toEqual([]);
    });
    test("gauges are combined point by point, then aggregated", () => {
        // (used / total) per minute: 0.5, 1.0 → avg 0.75.
        const e = run(monitor("avg(last_2m):(avg:used{*} / avg:total{*}) * 100 > 70"), { used: series("5 10"), total: series("10 10") });
        expect(e.transitions[0]).toMatchObject({ at: 120, to: "ALERT", value: 75 });
    });
});

describe("percentiles, logs and RUM", () => {
    test("percentile(last_N) is the nearest-rank percentile of the window's points", () => {
        const e = run(monitor("percentile(last_5m):p95:lat{*} > 2"), { lat: series("1 1 1 1 3 1 1 1 1 1") });
        expect(changes(e)).toEqual(["300 OK>ALERT", "600 ALERT>OK"]);
    });
    test("a log count is the sum of matching logs in the window, 0 when none match (never no data)", () => {
        const e = run(monitor('logs("x").index("*").rollup("count").last("5m") > 3', { notifyNoData: true, noDataTimeframeMinutes: 2 }), {
            logs: series("_ _ 2 2 _x8", 60, "count"),
        });
        expect(changes(e)).toEqual(["240 OK>ALERT", "480 ALERT>OK"]);
    });
    test("a RUM measure rollup is the percentile of the measure over the window", () => {
        const e = run(monitor('rum("x").rollup("pc75", "@view.loading_time").last("2m") > 3'), {
            rum: series("10x5", 60, "count"),
            "@view.loading_time": series("1 4 4 1 1 1"),
        });
        expect(changes(e)).toEqual(["120 OK>ALERT", "300 ALERT>OK"]);
    });
});

describe("composites: a percentile guarded by request volume", () => {
    const part = (id: string, query: string) => ({ id, ...(monitor(query) as { monitor: MonitorPayload }).monitor });
    const guarded: SimBinding = {
        provider: "datadog-monitor",
        monitor: { type: "composite", query: "part:slow && part:volume", thresholds: {}, notifyNoData: false, requireFullWindow: false },
        parts: [part("slow", "percentile(last_5m):p95:lat{*} > 2"), part("volume", "sum(last_5m):sum:hits{*}.as_count() >= 50")],
    };

    test("one slow request at night is the p95 of its window, but 5 requests are not enough to page", () => {
        const night = { lat: series("1 1 1 1 3 1 1 1 1 1"), hits: series("1x9", 60, "count") };
        expect(changes(run(monitor("percentile(last_5m):p95:lat{*} > 2"), night))).toEqual(["300 OK>ALERT", "600 ALERT>OK"]);
        expect(changes(run(guarded, night))).toEqual([]);
    });

    test("a slowdown at real traffic alerts once both parts alert, and recovers with the first that recovers", () => {
        // 20 requests a minute: the volume part holds from 180 s (60 requests in 5 min), the slowness from 240 s.
        const day = { lat: series("1x2 3x5 1x6"), hits: series("20x13", 60, "count") };
        const e = run(guarded, day);
        expect(changes(e)).toEqual(["240 OK>ALERT", "840 ALERT>OK"]);
        expect(e.pages).toEqual([240]);
    });
});

describe("composites: a condition held for 2 minutes (Prometheus for: 2m)", () => {
    const q = "avg(last_1m):avg:err{*} > 5";
    const held: SimBinding = {
        provider: "datadog-monitor",
        monitor: {
            type: "composite",
            query: "part:now && part:1m && part:2m",
            thresholds: {},
            notifyNoData: false,
            requireFullWindow: false,
        },
        parts: [0, 60, 120].map((delay, i) => ({
            id: ["now", "1m", "2m"][i],
            compositeRole: "condition" as const,
            ...(monitor(q, { evaluationDelaySeconds: delay }) as { monitor: MonitorPayload }).monitor,
        })),
    };

    test("a 2-minute blip does not fire; a condition held 3 evaluations fires at the third", () => {
        // 10 at 240 and 300 s: above at 300 and 360 s, never three evaluations in a row.
        expect(changes(run(held, { err: series("0x3 10 10 0x6") }))).toEqual([]);
        // Points of 10 from 240 to 540 s: above at 300..600 s, held at 300, 360 and 420 s; the first evaluation
        // below (660 s) ends it.
        expect(changes(run(held, { err: series("0x3 10x5 0x6") }))).toEqual(["420 OK>ALERT", "660 ALERT>OK"]);
    });
});

describe("service checks: count_by_status over the last runs", () => {
    const check = monitor('"http.can_connect".over("env:production").by("*").last(3).count_by_status()', {
        thresholds: { critical: "2", ok: "1" },
    });
    test("2 consecutive CRITICAL runs alert, 1 OK run recovers (runs every 15 s, evaluated each minute)", () => {
        const e = run(check, { "http.can_connect": series("0x3 2 0x3 2x7 0x3", 15) });
        // One CRITICAL run at 60 s is not enough; CRITICAL from 135 s: two runs by 150 s, seen at 180 s; OK again at 255 s.
        expect(changes(e)).toEqual(["180 OK>ALERT", "300 ALERT>OK"]);
    });
    test("with notify_no_data, no runs for the no-data timeframe is NO DATA", () => {
        const e = run(
            monitor('"c".over("*").last(3).count_by_status()', {
                notifyNoData: true,
                noDataTimeframeMinutes: 2,
                thresholds: { critical: "2", ok: "1" },
            }),
            { c: series("0x3 _x60", 15) },
        );
        expect(changes(e)).toEqual(["720 OK>NO DATA"]);
    });
});

describe("SLO burn rate: long and short window", () => {
    const burn = (sloTarget: number): SimBinding => ({
        ...(monitor('burn_rate("s").over("30d").long_window("1h").short_window("5m") > 14.4') as Extract<
            SimBinding,
            { provider: "datadog-monitor" }
        >),
        sloTarget,
    });
    test("a total outage of a 99.9 % SLO (burn 1000) alerts once the 1 h window burns 14.4x: after 1 min of a clean hour", () => {
        const inputs = { "slo.bad": series("_x60 100x59", 60, "count"), "slo.total": series("100x119", 60, "count") };
        const e = run(burn(99.9), inputs);
        expect(e.transitions[0]).toMatchObject({ at: 3660, to: "ALERT" });
    });
    test("a 95 % latency SLO (max burn 20) needs 72 % of the hour bad: ~43 min after a total slowdown", () => {
        const inputs = { "slo.bad": series("_x60 100x119", 60, "count"), "slo.total": series("100x179", 60, "count") };
        const e = run(burn(95), inputs);
        expect(e.transitions[0].at - 3600).toBe(44 * 60);
    });
    test("the short window must burn too: a past spike does not alert on the long window alone", () => {
        const inputs = { "slo.bad": series("100x29 _x89", 60, "count"), "slo.total": series("100x119", 60, "count") };
        const e = run(burn(99.9), inputs);
        // 30 bad minutes: the short window is clean 5 min later although the hour still burns 500x.
        expect(changes(e)).toEqual(["60 OK>ALERT", "2100 ALERT>OK"]);
    });
});

describe("evaluation options", () => {
    test("evaluation_delay shifts the window back", () => {
        const e = run(monitor("max(last_1m):max:m{*} > 2", { evaluationDelaySeconds: 60 }), { m: series("0 0 5 5 5") });
        expect(changes(e)).toEqual(["240 OK>ALERT"]);
    });
    test("require_full_window skips evaluations until every point of the window is there", () => {
        const sparse = { m: series("5 _ 5 5 5 5") };
        expect(changes(run(monitor("avg(last_3m):avg:m{*} > 2", { requireFullWindow: true }), sparse))).toEqual(["300 OK>ALERT"]);
        expect(changes(run(monitor("avg(last_3m):avg:m{*} > 2"), sparse))).toEqual(["60 OK>ALERT"]);
    });
    test("new_group_delay holds a new group's alerts", () => {
        const e = run(monitor("avg(last_1m):avg:m{*} by {host} > 2", { newGroupDelaySeconds: 300 }), { m: series("_ 5x9") });
        expect(changes(e)).toEqual(["360 OK>ALERT"]);
    });
    test("on_missing_data resolve clears an alert when its data stops; default keeps the last state", () => {
        const inputs = { m: series("5 5 _x5", 60, "count") };
        expect(changes(run(monitor("sum(last_1m):sum:m{*}.as_count() > 0", { onMissingData: "resolve" }), inputs))).toEqual([
            "60 OK>ALERT",
            "180 ALERT>OK",
        ]);
        expect(changes(run(monitor("sum(last_1m):sum:m{*}.as_count() > 0"), inputs))).toEqual(["60 OK>ALERT"]);
    });
});

describe("thresholds, recovery thresholds and notifications", () => {
    const flapping = { m: series("6 4 6 4 6 4 3 3") };
    test("without recovery thresholds a value around the threshold flaps", () => {
        expect(changes(run(monitor("avg(last_1m):avg:m{*} > 5"), flapping))).toEqual([
            "60 OK>ALERT",
            "120 ALERT>OK",
            "180 OK>ALERT",
            "240 ALERT>OK",
            "300 OK>ALERT",
            "360 ALERT>OK",
        ]);
    });
    test("a recovery threshold holds the alert until the value is at or below it", () => {
        expect(
            changes(run(monitor("avg(last_1m):avg:m{*} > 5", { thresholds: { critical: "5", criticalRecovery: "3" } }), flapping)),
        ).toEqual(["60 OK>ALERT", "420 ALERT>OK"]);
    });
    test("warning, then critical, then warning recovery", () => {
        const e = run(monitor("avg(last_1m):avg:m{*} > 5", { thresholds: { critical: "5", warning: "3", warningRecovery: "2" } }), {
            m: series("4 6 2.5 1"),
        });
        expect(changes(e)).toEqual(["60 OK>WARN", "120 WARN>ALERT", "180 ALERT>WARN", "240 WARN>OK"]);
    });
    test("renotify every interval while alerting; a recovery resolves the page; a new alert pages again", () => {
        const e = run(
            monitor("avg(last_1m):avg:m{*} > 5", {
                renotifyIntervalMinutes: 15,
                renotifyStatuses: ["alert"],
                message: "x @pagerduty-x-production @slack-alerts-critical",
            }),
            { m: series("9x39 0x9 9x4") },
        );
        expect(e.notifications.map((n) => `${n.at} ${n.reason}`)).toEqual([
            "60 trigger",
            "960 renotify",
            "1860 renotify",
            "2460 recovery",
            "3060 trigger",
        ]);
        expect(e.pages).toEqual([60, 3060]);
    });
    test("handles inside {{#is_alert}} reach only alerts: a warning with them outside pages too", () => {
        const scoped =
            "{{#is_alert}}@pagerduty-x-production{{/is_alert}} {{#is_warning}}@slack-alerts-warning{{/is_warning}} {{#is_recovery}}@pagerduty-x-production{{/is_recovery}}";
        const inputs = { m: series("4 4 0") };
        const q = "avg(last_1m):avg:m{*} > 5";
        const th = { critical: "5", warning: "3" };
        expect(run(monitor(q, { thresholds: th, message: scoped }), inputs).pages).toEqual([]);
        expect(run(monitor(q, { thresholds: th, message: "@pagerduty-x-production @slack-alerts-critical" }), inputs).pages).toEqual([60]);
        expect(renderMessage(scoped, "OK", "WARN").trim()).toBe("@pagerduty-x-production");
    });
    test("a route without a pager never pages", () => {
        expect(run(monitor("avg(last_1m):avg:m{*} > 5"), { m: series("9x3") }, SLACK).pages).toEqual([]);
    });
});

describe("anomalies (approximation) and change", () => {
    const q =
        "avg(last_1h):anomalies(avg:m{*}, 'agile', 2, direction='above', alert_window='last_5m', interval=60, count_default_zero='true', seasonality='weekly') >= 1";
    const anomaly = (m: Partial<MonitorPayload> = {}) => monitor(q, { thresholds: { critical: "1", criticalRecovery: "0" }, ...m });
    const noisy = (n: number) => Array.from({ length: n }, (_, i) => 100 + (i % 2 ? 3 : -3)).join(" ");
    test("inside the band (mean ± 2 std) it never alerts", () => {
        expect(changes(run(anomaly(), { m: series(`${noisy(120)}`) }))).toEqual([]);
    });
    test("far above the band it alerts once the whole alert window is anomalous, and recovers once none of it is", () => {
        const e = run(anomaly(), { m: series(`${noisy(60)} 500x9 ${noisy(30)}`) });
        expect(changes(e)).toEqual(["3900 OK>ALERT", "4500 ALERT>OK"]);
    });
    test("direction above ignores drops", () => {
        expect(changes(run(anomaly(), { m: series(`${noisy(60)} 0x19`) }))).toEqual([]);
    });
    test("pct_change compares the window with the one comparedTo earlier", () => {
        const e = run(monitor("pct_change(sum(last_5m),last_5m):sum:m{*}.as_count() < -50", { thresholds: { critical: "-50" } }), {
            m: series("10x9 2x9", 60, "count"),
        });
        // 10 minutes at 10/min, then 2/min: -64 % at 840 s (18 vs 50), -44 % again at 1140 s (10 vs 18).
        expect(changes(e)).toEqual(["840 OK>ALERT", "1140 ALERT>OK"]);
    });
});

describe("synthetic tests", () => {
    const test1 = (
        o: Partial<{
            tickEvery: number;
            retry: { count: number; intervalMs: number };
            minFailureDurationSeconds: number;
            minLocationFailed: number;
        }> = {},
    ): SimBinding => ({
        provider: "datadog-synthetic",
        test: {
            tickEvery: 60,
            locations: ["a", "b", "c"],
            retry: { count: 1, intervalMs: 300 },
            minFailureDurationSeconds: 120,
            minLocationFailed: 2,
            renotifyMinutes: 10,
            ...o,
        },
    });
    const down = (text: string) => series(text, 10);
    test("a hard outage alerts after the minimum failure duration, from min locations", () => {
        // Down from 60 s everywhere: first failed result (after one retry) at 60.3 s, alert at the run 120 s later.
        const e = run(test1(), { a: down("1x5 0x59"), b: down("1x5 0x59"), c: down("1x5 0x59") });
        expect(changes(e)).toEqual(["180.3 OK>ALERT"]);
    });
    test("one failing location never alerts", () => {
        expect(changes(run(test1(), { a: down("1x5 0x59"), b: down("1x65"), c: down("1x65") }))).toEqual([]);
    });
    test("a failure the retry does not see is not a failure", () => {
        // Down for 0.1 s windows cannot be expressed at 10 s; down for one 10 s sample at each tick, up at the retry 0.3 s later is.
        const blip = { a: series("0 1x5 0 1x5", 0.3), b: series("0 1x5 0 1x5", 0.3), c: series("1x20", 0.3) };
        expect(changes(run(test1({ minFailureDurationSeconds: 0 }), blip, PAGER, 300))).toEqual([]);
    });
    test("recovers as soon as fewer locations fail", () => {
        const e = run(test1({ minFailureDurationSeconds: 0 }), { a: down("0x17 1x11"), b: down("0x17 1x11"), c: down("1x29") });
        expect(changes(e)).toEqual(["0.3 OK>ALERT", "180 ALERT>OK"]);
    });
});

describe("Sentry", () => {
    const frequency: SimBinding = {
        provider: "sentry-issue",
        projectSlug: "p",
        alert: {
            id: "frequency-spike",
            conditions: [
                {
                    id: "sentry.rules.conditions.event_frequency.EventFrequencyCondition",
                    value: "100",
                    comparisonType: "count",
                    interval: "1h",
                },
            ],
            frequencyMinutes: 30,
            actions: [{ kind: "slack" }],
        },
    };
    test("event frequency fires above the count in the interval, then waits for the action interval", () => {
        const e = run(frequency, { "sentry.events": series("60x89", 60, "count") }, PAGER);
        expect(e.notifications.map((n) => n.at)).toEqual([120, 1920, 3720]);
        expect(e.pages).toEqual([]);
        expect(e.stateless).toBe(true);
    });
    test("first seen fires on every new issue", () => {
        const e = run(
            {
                provider: "sentry-issue",
                projectSlug: "p",
                alert: {
                    id: "new-issue",
                    conditions: [{ id: "sentry.rules.conditions.first_seen_event.FirstSeenEventCondition" }],
                    frequencyMinutes: 30,
                },
            },
            { "sentry.newIssues": series("_ 1 _ 1", 60, "count") },
        );
        expect(e.notifications.map((n) => n.at)).toEqual([120, 240]);
    });
    test("a metric alert triggers above critical and resolves only below resolve", () => {
        const b: SimBinding = {
            provider: "sentry-metric",
            projectSlug: "p",
            alert: {
                id: "error-rate",
                aggregate: "failure_rate()",
                timeWindowMinutes: 1,
                thresholdType: 0,
                critical: 0.05,
                warning: 0.01,
                resolve: 0.005,
            },
        };
        const e = run(b, { "sentry.failed": series("10 2 0.7 0.2", 60, "count"), "sentry.total": series("100x3", 60, "count") });
        expect(changes(e)).toEqual(["60 OK>ALERT", "120 ALERT>WARN", "240 WARN>OK"]);
    });
    test("a warning goes to the warning route: it pages only when the alert's own route and actions do", () => {
        const b: SimBinding = {
            provider: "sentry-metric",
            projectSlug: "p",
            alert: {
                id: "error-rate",
                aggregate: "failure_rate()",
                timeWindowMinutes: 1,
                thresholdType: 0,
                critical: 0.05,
                warning: 0.01,
                resolve: 0.005,
                actions: [{ kind: "pagerduty" }],
                warningActions: [{ kind: "slack" }],
            },
        };
        const inputs = { "sentry.failed": series("2 10 0", 60, "count"), "sentry.total": series("100x2", 60, "count") };
        const e = evaluateAlert({ ...alertOf(b), warningRoute: SLACK }, inputs);
        expect(e.notifications.map((n) => `${n.at} ${n.state} ${n.handles.join(" ")}`)).toEqual([
            "60 WARN @slack-alerts-warning",
            "120 ALERT @pagerduty-x-production @slack-alerts-critical",
            "180 OK @pagerduty-x-production @slack-alerts-critical",
        ]);
        expect(e.pages).toEqual([120]);
    });
    test("without a warning trigger, a value between resolve and critical holds the alert", () => {
        const b: SimBinding = {
            provider: "sentry-metric",
            projectSlug: "p",
            alert: {
                id: "error-rate",
                aggregate: "failure_rate()",
                timeWindowMinutes: 1,
                thresholdType: 0,
                critical: 0.05,
                resolve: 0.005,
            },
        };
        const e = run(b, { "sentry.failed": series("10 2 0.2", 60, "count"), "sentry.total": series("100x2", 60, "count") });
        expect(changes(e)).toEqual(["60 OK>ALERT", "180 ALERT>OK"]);
    });
});

describe("CloudWatch alarms", () => {
    const alarm = (o: Partial<Extract<SimBinding, { provider: "cloudwatch-alarm" }>["alarm"]> = {}): SimBinding => ({
        provider: "cloudwatch-alarm",
        alarm: {
            metricName: "m",
            statistic: "Average",
            comparisonOperator: "LessThanThreshold",
            threshold: 0.99,
            period: 300,
            evaluationPeriods: 2,
            treatMissingData: "notBreaching",
            ...o,
        },
    });
    test("alarms when every one of the evaluation periods breaches (5 min periods)", () => {
        const e = run(alarm(), { m: series("1x9 0.5x14 1x14") });
        expect(changes(e)).toEqual(["1200 OK>ALERT", "1800 ALERT>OK"]);
    });
    test("datapointsToAlarm: 2 of 3", () => {
        const e = run(alarm({ evaluationPeriods: 3, datapointsToAlarm: 2, period: 60 }), { m: series("1 0 1 0 1 1 1") });
        expect(changes(e)).toEqual(["240 OK>ALERT", "300 ALERT>OK"]);
    });
    test("missing data: notBreaching stays OK, breaching alarms, missing is INSUFFICIENT_DATA", () => {
        const inputs = { m: series("1 _x4") };
        const b = { evaluationPeriods: 1, period: 60 };
        expect(changes(run(alarm({ ...b, treatMissingData: "notBreaching" }), inputs))).toEqual([]);
        expect(changes(run(alarm({ ...b, treatMissingData: "breaching" }), inputs))).toEqual(["120 OK>ALERT"]);
        expect(changes(run(alarm({ ...b, treatMissingData: "missing" }), inputs))).toEqual(["120 OK>NO DATA"]);
    });
});

describe("detection rules", () => {
    const rule: SimBinding = {
        provider: "datadog-detection-rule",
        rule: { condition: "a > 5", evaluationWindow: 300, keepAlive: 600, maxSignalDuration: 86400 },
    };
    test("one signal per attack: opens above the count, stays open while the case matches, closes after keep-alive", () => {
        const e = run(rule, { logs: series("2x9 _x14 3x3", 60, "count") });
        // The case last matches at 720 s (6 logs in the window); keep-alive closes the signal 10 min later.
        expect(changes(e)).toEqual(["180 OK>ALERT", "1320 ALERT>OK", "1560 OK>ALERT"]);
        expect(e.notifications).toHaveLength(2);
        expect(e.pages).toEqual([180, 1560]);
    });
});

describe("volume floors, per_second() and affine expressions", () => {
    const floored = "sum(last_2m):(default_zero(sum:err{*}.as_count()) / clamp_min(sum:req{*}.as_count(), 100)) * 100 > 1";
    test.each([
        // 2 requests, 1 error: 1 / max(2, 100) = 1 %, not above 1: the floor keeps one failure at low traffic quiet.
        ["one failure below the floor", { err: "1 _", req: "1 1" }, []],
        // 200 requests a minute, all failing: 400 / 400 = 100 %; clamp_min does not touch a denominator above the floor;
        // OK once the window holds no failing minute.
        ["a hard outage at normal traffic", { err: "_ 200 200 _ _", req: "200 200 200 200 200" }, ["120 OK>ALERT", "300 ALERT>OK"]],
        // 3 errors in 150 requests: 3 / 150 = 2 % > 1 (above the floor, the plain ratio).
        ["errors above the floor", { err: "_ 3", req: "75 75" }, ["120 OK>ALERT"]],
        // default_zero: minutes without errors are 0, not no data.
        ["no errors at all", { err: "_ _", req: "100 100" }, []],
    ])("%s", (_name, inputs, expected) => {
        const e = run(monitor(floored), Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, series(v, 60, "count")])));
        expect(changes(e)).toEqual(expected);
    });

    test.each([
        // Running total 0, 60, 120, 120: 1/s for two minutes, then 0.
        ["evictions then none", "0 60 120 120 120 120", ["120 OK>ALERT", "300 ALERT>OK"]],
        // Redis restart: the total drops from 600 to 0, a reset, not -10/s; it stays 0, so nothing is evicted.
        ["a counter reset is not a negative rate", "600 600 0 0 0", []],
    ])("per_second(running total): %s", (_name, text, expected) => {
        expect(
            changes(run(monitor("max(last_2m):per_second(sum:redis.keys.evicted{*}) > 0"), { "redis.keys.evicted": series(text) })),
        ).toEqual(expected);
    });

    test.each([
        // 100 - idle: idle 30 % is 70 % busy (OK), idle 10 % is 90 % busy (> 85).
        ["avg(last_1m):100 - avg:system.cpu.idle{*} > 85", { "system.cpu.idle": "30 10 30" }, ["120 OK>ALERT", "180 ALERT>OK"]],
        // (1 - usable) * 100: 5 % usable is 95 % used (> 90).
        [
            "avg(last_1m):(1 - avg:system.mem.pct_usable{*}) * 100 > 90",
            { "system.mem.pct_usable": "0.5 0.05 0.5" },
            ["120 OK>ALERT", "180 ALERT>OK"],
        ],
        // (1 - available / total) * 100 on two gauges: 2 of 100 available is 98 % used (> 95).
        [
            "avg(last_1m):(1 - avg:mem.available{*} / avg:mem.total{*}) * 100 > 95",
            { "mem.available": "50 2 50", "mem.total": "100 100 100" },
            ["120 OK>ALERT", "180 ALERT>OK"],
        ],
    ])("%s", (q, inputs, expected) => {
        expect(changes(run(monitor(q), Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, series(v)]))))).toEqual(expected);
    });

    test("malformed clamp_min() names what is missing", () => {
        expect(() => parseMonitorQuery("metric alert", "sum(last_5m):clamp_min(sum:a{*}.as_count()) > 1")).toThrow(
            'cannot read the minimum of clamp_min() at ")',
        );
    });
});
