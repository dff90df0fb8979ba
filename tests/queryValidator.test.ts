/** The offline query validator: every query form the project uses, valid and malformed. */
import { MonitorShape, validateMonitor, validateQuery } from "../lib/datadog/queryValidator";
import { loadPlan, MONITOR } from "./helpers/plan";

const ok = (type: string, q: string) => expect(validateQuery(type, q).errors).toEqual([]);
const bad = (type: string, q: string, error: RegExp) => expect(validateQuery(type, q).errors).toEqual(expect.arrayContaining([expect.stringMatching(error)]));

describe("valid queries", () => {
    it.each([
        ["metric alert", "avg(last_5m):avg:system.cpu.user{env:production,service:plumberleads-api} by {host} > 85"],
        ["metric alert", "sum(last_5m):(sum:trace.flask.request.errors{env:production,service:x}.as_count() / sum:trace.flask.request.hits{env:production,service:x}.as_count()) * 100 > 1"],
        ["metric alert", "percentile(last_10m):p95:trace.fastapi.request{env:production,service:genonaut-api} > 2"],
        ["query alert", "avg(last_4h):anomalies(sum:bearo.cart.abandoned{env:production,service:bearo-web}.as_count(), 'agile', 2) >= 1"],
        ["query alert", "pct_change(sum(last_1d),last_1d):sum:plumberleads.leads.created{env:production}.as_count() < -20"],
        ["log alert", 'logs("env:production service:auth status:error \\"Failed login attempt\\"").index("*").rollup("count").by("@network.client.ip").last("5m") > 10'],
        ["rum alert", 'rum("env:production service:x @type:view").rollup("pc75", "@view.largest_contentful_paint").last("15m") > 2500000000'],
        ["service check", '"http.can_connect".over("env:production","service:vivr-api").by("*").last(3).count_by_status()'],
        ["slo alert", 'burn_rate("abc123").over("30d").long_window("1h").short_window("5m") > 14.4'],
        ["query alert", "avg(last_4h):anomalies(sum:driplo.orders.completed{env:production,service:driplo-api}.as_count(), 'agile', 3, direction='below', alert_window='last_15m', interval=60, count_default_zero='true', seasonality='weekly') >= 1"],
        ["slo alert", 'burn_rate("abc123").over("30d").long_window("2d").short_window("4h") > 1'],
        // Recommended monitors shipped with Datadog's integrations (DataDog/integrations-core <integration>/assets/monitors/*.json):
        ["query alert", "avg(last_15m):avg:postgresql.percent_usage_connections{*} > 0.9 by {host}"], // postgres percent_usage_connections
        ["query alert", "avg(last_5m):default_zero(avg:postgresql.connections{*} by {db}) + 1 <= 1"], // postgres db_unavailable
        ["query alert", "avg(last_1h):anomalies(avg:postgresql.replication_delay{*}, 'basic', 2, direction='above', alert_window='last_15m', interval=20, count_default_zero='true') >= 1"], // postgres replication_delay
        ["service check", '"postgres.can_connect".over("*").by("host","port").last(2).count_by_status()'],
        ["query alert", "avg(last_5m):100 * avg:redis.mem.used{*} / avg:redis.mem.maxmemory{*} > 90"], // redisdb high_mem
        ["query alert", "avg(last_5m):avg:redis.slowlog.micros.95percentile{*} > 20"], // redisdb cmd_latency
        ["query alert", "avg(last_1h):anomalies(avg:nginx.upstream.peers.responses.5xx{*} by {upstream}, 'basic', 2, direction='above', alert_window='last_15m', interval=60, count_default_zero='true') >= 1"], // nginx 5xx
        ["query alert", "avg(last_1h):anomalies(avg:mysql.performance.com_select{*}, 'basic', 2, direction='below', alert_window='last_15m', interval=20, count_default_zero='true') >= 1"], // mysql select_query_rate
        ["service check", '"mysql.replication.replica_running".over("*").by("*").last(2).count_by_status()'], // mysql replica_running
        ["query alert", "avg(last_5m):avg:kafka.replication.offline_partitions_count{*} > 1"], // kafka offline_partition
    ])("%s: %s", (type, q) => ok(type, q));
});

// Whole monitors (query and options) as Datadog's integrations ship them: their thresholds must satisfy validateMonitor too.
const RECOMMENDED: Array<[string, MonitorShape]> = [
    ["nginx 5xx", { type: "query alert", query: "avg(last_1h):anomalies(avg:nginx.upstream.peers.responses.5xx{*} by {upstream}, 'basic', 2, direction='above', alert_window='last_15m', interval=60, count_default_zero='true') >= 1",
        thresholds: { critical: "1", criticalRecovery: "0" }, thresholdWindows: { triggerWindow: "last_15m", recoveryWindow: "last_15m" } }],
    ["kafka producer request rate", { type: "query alert", query: "avg(last_1h):anomalies(avg:kafka.producer.request_rate{*}, 'basic', 2, direction='above', alert_window='last_5m', interval=20, count_default_zero='true') >= 1",
        thresholds: { critical: "1", criticalRecovery: "0.2", warning: "0.8" }, thresholdWindows: { triggerWindow: "last_5m", recoveryWindow: "last_5m" } }],
    ["kafka offline partition", { type: "query alert", query: "avg(last_5m):avg:kafka.replication.offline_partitions_count{*} > 1", thresholds: { critical: "1", warning: "0" } }],
    ["redis high memory", { type: "query alert", query: "avg(last_5m):100 * avg:redis.mem.used{*} / avg:redis.mem.maxmemory{*} > 90", thresholds: { critical: "90", warning: "70" } }],
    ["mysql replica running", { type: "service check", query: '"mysql.replication.replica_running".over("*").by("*").last(2).count_by_status()', thresholds: { critical: "1", ok: "1", warning: "1" } }],
];

describe("Datadog's recommended integration monitors", () => {
    it.each(RECOMMENDED)("%s passes as a whole monitor", (_name, m) => expect(validateMonitor(m)).toEqual([]));
});

describe("malformed queries are rejected with the reason", () => {
    it.each([
        ["metric alert", "avg(last_5m):avg:system.cpu.user{env:production} by {host}", /missing comparator and threshold/],
        ["metric alert", "avg(last_5m):avg:system.cpu.user{env:production} > high", /threshold "high" is not a number/],
        ["metric alert", "avg(last_5m):avg:system.cpu.user{env:production > 5", /no metric query/],
        ["metric alert", "median(last_5m):avg:system.cpu.user{*} > 5", /unknown time aggregator "median"/],
        ["metric alert", "avg(last_5x):avg:system.cpu.user{*} > 5", /invalid window "last_5x"/],
        ["metric alert", "avg(last_3d):avg:system.cpu.user{*} > 5", /exceeds the 2-day evaluation limit/],
        ["metric alert", "sum(last_5m):(sum:a.b{*}.as_count() / sum:c.d{*}.as_count() * 100 > 1", /unbalanced parentheses/],
        ["metric alert", "sum(last_5m):sum:a.b{*} sum:c.d{*} > 1", /two operands without an operator/],
        ["metric alert", "avg(last_5m):avg:a.b{env production} > 1", /invalid tag filter "env production"/],
        ["metric alert", "avg(last_5m):frobnicate(avg:a.b{*}) > 1", /unknown function "frobnicate\(\)"/],
        ["query alert", "avg(last_4h):anomalies(avg:a.b{*}, 'fancy', 2) >= 1", /anomalies\(\) needs/],
        ["query alert", "pct_change(sum(last_1d),yesterday):sum:a.b{*} < -20", /invalid comparison window "yesterday"/],
        ["log alert", 'logs("service:x").index("*").rollup("count").last("5m")', /missing comparator/],
        ["log alert", 'logs("service:x (a OR b").index("*").rollup("count").last("5m") > 1', /unbalanced parentheses in the search/],
        ["log alert", 'logs("service:x").index("*").last("5m") > 1', /needs \.rollup/],
        ["log alert", 'logs("service:x").index("*").rollup("count").last("5 minutes") > 1', /invalid window/],
        ["log alert", 'logs("service:x").index("*").rollup("avg").last("5m") > 1', /rollup "avg" needs a measure/],
        ["rum alert", 'rum("@type:view").rollup("pc75", "@view.lcp").window("5m") > 1', /unknown rum query method \.window\(\)/],
        ["service check", '"http.can_connect".over(env:production).last(3).count_by_status()', /tags must be quoted strings/],
        ["service check", '"http.can_connect".over("*").last(3)', /service check must be/],
        ["slo alert", 'burn_rate("abc").over("30d").long_window("3d").short_window("6h") > 1', /long window 3d exceeds the 48h maximum/],
        ["slo alert", 'burn_rate("abc").over("30d").long_window("1h").short_window("1h") > 14.4', /short window must be shorter/],
        ["slo alert", 'burn_rate("abc").over("14d").long_window("1h").short_window("5m") > 14.4', /burn-rate alert must be/],
        ["slo alert", 'burn_rate("abc").over("30d").long_window("30m").short_window("5m") > 14.4', /long window 30m is shorter than the 1h minimum/],
        ["slo alert", 'burn_rate("abc").over("30d").long_window("1h").short_window("5m") > 0', /burn rate threshold 0 must be positive/],
        ["query alert", "avg(last_4h):anomalies(avg:a.b{*}, 'agile', 2, direction='sideways') >= 1", /invalid anomalies\(\) option direction='sideways'/],
        ["query alert", "avg(last_4h):anomalies(avg:a.b{*}, 'agile', 2, sensitivity='high') >= 1", /unknown anomalies\(\) option "sensitivity='high'"/],
        ["query alert", "avg(last_4h):anomalies(avg:a.b{*}, 'agile', 2, alert_window='last_5m', interval=120) >= 1", /interval=120 exceeds a fifth of alert_window last_5m \(60 s\)/],
        ["query alert", "avg(last_10m):anomalies(avg:a.b{*}, 'agile', 2, alert_window='last_1h', interval=60) >= 1", /query window avg\(last_10m\) is shorter than alert_window last_1h/],
        ["query alert", "avg(last_4h):anomalies(avg:a.b{*}, 'basic', 2, seasonality='weekly') >= 1", /the basic algorithm takes no seasonality/],
        ["query alert", "avg(last_4h):anomalies(avg:a.b{*}, 'agile', 2) >= 2", /anomaly threshold 2 must be a fraction in \(0, 1\]/],
        ["query alert", "avg(last_4h):anomalies(avg:a.b{*}, 'agile', 2) > 0.5", /anomaly alerts compare with >=, not >/],
        ["composite", "1 && 2", /unknown monitor type "composite"/],
    ])("%s: %s", (type, q, error) => bad(type, q, error));
});

describe("monitors whose options disagree with their query are rejected", () => {
    const metric = (query: string, thresholds: MonitorShape["thresholds"], thresholdWindows?: MonitorShape["thresholdWindows"]): MonitorShape =>
        ({ type: "query alert", query, thresholds, thresholdWindows });
    const anomaly = "avg(last_4h):anomalies(avg:a.b{*}, 'agile', 2, direction='above', alert_window='last_15m', interval=60, count_default_zero='true', seasonality='weekly') >= 1";
    it.each([
        ["critical differs from the query", metric("avg(last_5m):avg:a.b{*} > 90", { critical: "95" }), "critical threshold 95 differs from the query's 90"],
        ["warning beyond critical (>)", metric("avg(last_5m):avg:a.b{*} > 90", { critical: "90", warning: "95" }), 'warning 95 must be below critical 90 for a ">" alert'],
        ["warning beyond critical (<)", metric("avg(last_5m):avg:a.b{*} < 10", { critical: "10", warning: "5" }), 'warning 5 must be above critical 10 for a "<" alert'],
        ["recovery beyond critical", metric("avg(last_5m):avg:a.b{*} > 90", { critical: "90", criticalRecovery: "92" }), 'critical recovery 92 must be below critical 90 for a ">" alert'],
        ["anomaly trigger window is not the alert_window", metric(anomaly, { critical: "1" }, { triggerWindow: "last_30m", recoveryWindow: "last_30m" }), "trigger window last_30m must equal the query's alert_window last_15m"],
        ["anomaly without windows", metric(anomaly, { critical: "1" }), "anomaly monitors need trigger and recovery windows"],
        ["windows on a threshold monitor", metric("avg(last_5m):avg:a.b{*} > 90", { critical: "90" }, { triggerWindow: "last_15m", recoveryWindow: "last_15m" }), "trigger and recovery windows apply to anomaly monitors only"],
        ["service check counting more runs than it evaluates", { type: "service check", query: '"http.can_connect".over("*").by("*").last(3).count_by_status()', thresholds: { critical: "4", ok: "1" } }, "critical 4 must be a number of consecutive runs between 1 and the 3 evaluated"],
        ["non-numeric critical", metric("avg(last_5m):avg:a.b{*} > 90", { critical: "high" }), 'critical threshold "high" is not a number'],
    ] as Array<[string, MonitorShape, string]>)("%s", (_name, m, error) => expect(validateMonitor(m)).toEqual([error]));
});

describe("every monitor the stacks create", () => {
    it.each(["production", "staging"] as const)("passes the whole-monitor validator in %s", (stack) => {
        const monitors = loadPlan(stack).ofType(MONITOR);
        expect(monitors.length).toBeGreaterThan(150);
        for (const m of monitors) {
            const shape: MonitorShape = {
                type: m.inputs.type as string, query: m.inputs.query as string,
                thresholds: m.inputs.monitorThresholds as MonitorShape["thresholds"], thresholdWindows: m.inputs.monitorThresholdWindows as MonitorShape["thresholdWindows"],
            };
            expect([m.name, validateMonitor(shape)]).toEqual([m.name, []]);
        }
    });
});
