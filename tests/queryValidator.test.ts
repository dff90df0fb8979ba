/**
 * The monitor query checker: Datadog's public queries (tests/fixtures/queries/datadog-public.jsonl) all accepted,
 * the malformed corpus (malformed.jsonl) each rejected with its reason, every query form the checker claims, whole
 * monitors against their thresholds, and every monitor both stacks create.
 */
import * as fs from "fs";
import * as path from "path";
import { MONITOR_TYPES, MonitorShape, validateMonitor, validateQuery } from "../lib/datadog/queryValidator";
import { loadPlan, MONITOR } from "./helpers/plan";
import { corpusResultsMarkdown, readCorpus } from "./helpers/queryCorpus";
import { PROJECT_DIR } from "./helpers/run";

const ok = (type: string, q: string) => expect(validateQuery(type, q).errors).toEqual([]);

describe("Datadog's public queries (recommended monitors, API reference examples, docs)", () => {
    const corpus = readCorpus("datadog-public.jsonl");
    it.each(corpus.map((c) => [c.source, c] as const))("%s", (_source, c) =>
        expect([c.type, c.query, validateQuery(c.type, c.query).errors]).toEqual([c.type, c.query, []]),
    );
});

it("knows exactly the monitor types of Datadog's API client (MonitorType of @datadog/datadog-api-client)", () => {
    const dts = fs.readFileSync(
        path.join(PROJECT_DIR, "node_modules/@datadog/datadog-api-client/dist/packages/datadog-api-client-v1/models/MonitorType.d.ts"),
        "utf8",
    );
    const apiTypes = [...dts.matchAll(/export declare const \w+ = "([^"]+)";/g)].map((m) => m[1]);
    expect(apiTypes.length).toBeGreaterThan(0);
    expect([...MONITOR_TYPES].sort()).toEqual(apiTypes.sort());
});

it("answers every prefix of every public query with a verdict, never an exception", () => {
    // Each cut is a query typed halfway: the checker must explain it, not crash (the CLI and the plan print reasons).
    for (const c of readCorpus("datadog-public.jsonl")) {
        for (let i = 0; i < c.query.length; i++) {
            const { errors } = validateQuery(c.type, c.query.slice(0, i));
            expect(errors.every((e) => typeof e === "string" && e.length > 0)).toBe(true);
        }
    }
});

describe("malformed queries are rejected with their reason", () => {
    const corpus = readCorpus("malformed.jsonl");
    it.each(corpus.map((c) => [`${c.type}: ${c.query}`, c] as const))("%s", (_name, c) =>
        expect(validateQuery(c.type, c.query).errors.join("; ")).toBe(c.reason),
    );
});

it("the README's Query checker section shows the corpus results as the checker computes them now", () => {
    const readme = fs.readFileSync(path.join(PROJECT_DIR, "README.md"), "utf8");
    expect(readme).toContain(corpusResultsMarkdown((type, query) => validateQuery(type, query).errors));
});

describe("every query form of Datadog's monitor types", () => {
    it.each([
        // Metric functions and windows.
        ["query alert", "avg(last_5m):monotonic_diff(avg:a.b{*} by {host}) / monotonic_diff(avg:a.c{*} by {host}) > 3"],
        [
            "query alert",
            "max(next_3d):forecast(avg:system.disk.in_use{*} by {host,device}, 'linear', 1, interval='60m', history='1w', model='default') >= 0.95",
        ],
        ["query alert", "min(next_1mo):forecast(avg:a.b{*}, 'seasonal', 2, interval='1h', history='2w', seasonality='weekly') < 10"],
        ["query alert", "avg(last_1h):outliers(avg:system.cpu.user{role:db} by {host}, 'MAD', 3, 20) > 0"],
        [
            "query alert",
            "avg(last_1w):anomalies(avg:a.b{*}, 'robust', 3, direction='both', alert_window='last_1h', interval=300, seasonality='weekly', timezone='Europe/Paris') >= 0.5",
        ],
        ["query alert", "max(last_5m):avg:mongodb.replset.health{*} by {replset} != 1"],
        ["query alert", "sum(last_5m):sum:a.b{(code:4* OR code:5*) AND !env:dev} by {service}.as_count() > 0"],
        ["query alert", "avg(last_5m):avg:a.b{!host:test-*,role:web*,env NOT IN (dev,qa)} > 1"],
        ["query alert", "max(last_5m):sum(max:a.b{role:primary} by {server,group}.rollup(max, 60), {group}) > 1"],
        ["query alert", "avg(current_1h):avg:a.b{*} > 0.5"],
        ["query alert", "sum(current_1d):sum:a.b{*}.as_count() > 100"],
        ["query alert", "avg(last_1d):avg:a.b{*} > 0.5"],
        ["query alert", "pct_change(avg(last_5m),5m_ago):avg:a.b{*} > 50"],
        ["query alert", "change(sum(last_1h),1d_ago):sum:a.b{*}.as_count() < -100"],
        ["query alert", "avg(last_5m):( 100 * avg:a.b{*} - avg:a.c{*} ) / -avg:a.d{*} + 1e3 > 0.5"],
        ["query alert", "avg(last_5m):avg:a.b{*}.as_rate() / avg:a.c{*}.as_count() > 1"],
        ["query alert", "sum(last_10m):sum:a.b{*} by {host}.as_count().fill(zero, 300).rollup(sum, 60) > 1"],
        ["query alert", "avg(last_5m):default_zero(avg:a.b{*} by {db}) + 1 <= 1"],
        ["query alert", "avg(last_15m):top(avg:a.b{*} by {host}, 10, 'mean', 'desc') > 90"],
        ["query alert", "avg(last_15m):top10_max(avg:a.b{*} by {host}) > 90"],
        ["query alert", "avg(last_1h):timeshift(avg:a.b{*}, -3600) - week_before(avg:a.b{*}) > 0"],
        ["query alert", "avg(last_5m):clamp_min(per_second(sum:a.b{*}), 0) > 1"],
        ["query alert", "avg(last_5m):avg:a.b{$env} > 1"],
        ["query alert", "percentile(last_10m):p99.9:trace.http.request{service:x} by {resource_name} > 2"],
        ["query alert", "avg(last_5m):p95:trace.http.request{service:x} > 2"],
        ["query alert", "avg(last_15m):avg:postgresql.percent_usage_connections{*} > 0.9 by {host}"],
        // Service checks: the API reference's order, the UI's order, and without .over().
        ["service check", '"datadog.agent.up".over("env:prod","role:db").last(3).by("host").count_by_status()'],
        ["service check", '"http.can_connect".over("*").by("host","instance").last(2).count_by_status()'],
        ["service check", '"ntp.in_sync".by("*").last(2).count_by_status()'],
        ["service check", '"custom.check".last(5).count_by_status()'],
        ["service check", '"process.up".over("process:nginx").exclude("host:canary").by("host").last(4).count_by_status()'],
        // Event-platform searches.
        ["log alert", 'logs("@http.status_code:[500 TO 599]").index("*").rollup("count").last("20m") > 10'],
        ["log alert", 'logs("service:x").index("main,audit").rollup("cardinality", "@usr.id").by("@http.method").last("1h") >= 5'],
        ["rum alert", 'rum("@type:error @session.type:user").rollup("count").by("@application.id").last("15m") > 100'],
        ["trace-analytics alert", 'trace-analytics("env:prod service:web-store").rollup("count").by("resource_name").last("5m") > 100'],
        ["trace-analytics alert", 'trace-analytics("env:prod").rollup("avg", "@duration").last("30m") > 2000000000'],
        ["event-v2 alert", 'events("source:watchdog story_category:apm").rollup("count").by("service").last("30m") > 0'],
        ["audit alert", 'audits("@evt.name:Authentication @action:login status:error").rollup("count").last("15m") > 5'],
        [
            "ci-pipelines alert",
            'ci-pipelines("ci_level:pipeline @ci.status:error").rollup("count").by("@ci.pipeline.name").last("30m") >= 3',
        ],
        ["ci-tests alert", 'ci-tests("@test.status:fail").rollup("count").last("1h") > 0'],
        ["error-tracking alert", 'error-tracking("service:api").source("backend").new().rollup("count").by("@issue.id").last("1h") > 0'],
        ["error-tracking alert", 'error-tracking-traces("env:prod").impact().by("@issue.id").last("1d") >= 10'],
        [
            "database-monitoring alert",
            'database-monitoring("dbm_type:activity @db.wait_event:Lock*").rollup("count").by("@db.instance").last("10m") > 5',
        ],
        [
            "network-performance alert",
            'network-performance("client_service:web").rollup("sum", "@network.bytes_read").last("15m") > 1000000',
        ],
        [
            "network-path alert",
            'network-path("destination.service:db").index("netpath-path").rollup("avg", "@network.latency").last("5m") > 100',
        ],
        ["llm-observability alert", 'llm-observability("@status:error").rollup("count").last("1h") > 5'],
        ["process alert", "processes('nginx').rollup('count').last('5m') < 1"],
        ["process alert", 'processes("java").over("env:prod").by("host").rollup("count").last("1h") < 2'],
        // Formula-based monitors over several queries.
        ["query alert", 'formula("query1 / query2 * 100").last("15m") > 5'],
        ["query alert", 'formula("(query1 - query2) / query2").rollup("avg").last("1h") > threshold'],
        ["log alert", 'formula("default_zero(query1) / default_zero(query2)").last("10m") > 0.1'],
        ["cost alert", 'formula("query1").last("1d").change("relative", 25) > 10'],
        ["cost alert", 'formula("query1").current("1mo").forecast() > 1000'],
        ["cost alert", 'formula("query1 + query2").last("7d") > 500'],
        // Composites, SLO alerts.
        ["composite", "123 && (456 || !789)"],
        ["composite", "!(1 || 2) && 3"],
        ["slo alert", 'burn_rate("abc123").over("7d").long_window("6h").short_window("30m") >= 6'],
        ["slo alert", 'error_budget("abc123").over("90d") >= 50'],
    ])("%s: %s", (type, q) => ok(type, q));
});

describe("whole monitors", () => {
    // Datadog's recommended integration monitors with their options (integrations-core / integrations-extras
    // <integration>/assets/monitors/*.json): their thresholds satisfy validateMonitor too.
    const RECOMMENDED: Array<[string, MonitorShape]> = [
        [
            "nginx 5xx",
            {
                type: "query alert",
                query: "avg(last_1h):anomalies(avg:nginx.upstream.peers.responses.5xx{*} by {upstream}, 'basic', 2, direction='above', alert_window='last_15m', interval=60, count_default_zero='true') >= 1",
                thresholds: { critical: "1", criticalRecovery: "0" },
                thresholdWindows: { triggerWindow: "last_15m", recoveryWindow: "last_15m" },
            },
        ],
        [
            "kafka producer request rate",
            {
                type: "query alert",
                query: "avg(last_1h):anomalies(avg:kafka.producer.request_rate{*}, 'basic', 2, direction='above', alert_window='last_5m', interval=20, count_default_zero='true') >= 1",
                thresholds: { critical: "1", criticalRecovery: "0.2", warning: "0.8" },
                thresholdWindows: { triggerWindow: "last_5m", recoveryWindow: "last_5m" },
            },
        ],
        [
            "kafka offline partition",
            {
                type: "query alert",
                query: "avg(last_5m):avg:kafka.replication.offline_partitions_count{*} > 1",
                thresholds: { critical: "1", warning: "0" },
            },
        ],
        [
            "mongo oplog window (below)",
            {
                type: "query alert",
                query: "avg(last_60m):100 * avg:mongodb.oplog.timediff{*} by {clustername,database_instance} < 3600",
                thresholds: { critical: "3600", warning: "7200" },
            },
        ],
        [
            "mongo replica set member (!=)",
            {
                type: "query alert",
                query: "max(last_5m):avg:mongodb.replset.health{*} by {clustername,database_instance} != 1",
                thresholds: { critical: "1" },
            },
        ],
        [
            "mysql replica running",
            {
                type: "service check",
                query: '"mysql.replication.replica_running".over("*").by("*").last(2).count_by_status()',
                thresholds: { critical: "1", ok: "1", warning: "1" },
            },
        ],
        [
            "consul status",
            {
                type: "service check",
                query: '"consul.check".over("*").by("host").last(3).count_by_status()',
                thresholds: { critical: "2", warning: "2", ok: "1" },
            },
        ],
        [
            "nomad job failing (all four thresholds)",
            {
                type: "query alert",
                query: "avg(last_5m):diff(max:nomad.nomad.job_summary.failed{*} by {job,task_group}) > 3",
                thresholds: { critical: "3", criticalRecovery: "1", warning: "1", warningRecovery: "0" },
            },
        ],
        [
            "emnify data exchange stopped",
            {
                type: "query alert",
                query: "avg(last_1d):anomalies(avg:emnify.endpoint.volume{*} by {host}.as_count().fill(zero, 0).rollup(sum, 900), 'robust', 2, direction='below', interval=300, alert_window='last_1h', seasonality='hourly', timezone='utc', count_default_zero='true') >= 0.5",
                thresholds: { critical: "0.5", criticalRecovery: "0" },
                thresholdWindows: { triggerWindow: "last_1h", recoveryWindow: "last_1h" },
            },
        ],
        [
            "sqlserver availability group (below, warning above critical)",
            {
                type: "query alert",
                query: "avg(last_5m):avg:sqlserver.ao.ag_sync_health{*} < 1",
                thresholds: { critical: "1", warning: "2" },
            },
        ],
        [
            'http_check can connect (.over(""))',
            {
                type: "service check",
                query: '"http.can_connect".over("").by("url").last(3).count_by_status()',
                thresholds: { critical: "2", warning: "2" },
            },
        ],
        [
            "mongo query targeting (database-monitoring formula)",
            {
                type: "database-monitoring alert",
                query: 'formula("default_zero(query1) / default_zero(query2) + default_zero(query3) / default_zero(query2)").last("15m") > 1000',
                thresholds: { critical: "1000" },
            },
        ],
    ];
    it.each(RECOMMENDED)("%s passes", (_name, m) => expect(validateMonitor(m)).toEqual([]));

    const metric = (
        query: string,
        thresholds: MonitorShape["thresholds"],
        thresholdWindows?: MonitorShape["thresholdWindows"],
    ): MonitorShape => ({ type: "query alert", query, thresholds, thresholdWindows });
    const anomaly =
        "avg(last_4h):anomalies(avg:a.b{*}, 'agile', 2, direction='above', alert_window='last_15m', interval=60, count_default_zero='true', seasonality='weekly') >= 1";
    it.each([
        [
            "critical differs from the query",
            metric("avg(last_5m):avg:a.b{*} > 90", { critical: "95" }),
            ["critical threshold 95 differs from the query's 90"],
        ],
        [
            "warning beyond critical (>)",
            metric("avg(last_5m):avg:a.b{*} > 90", { critical: "90", warning: "95" }),
            ['warning 95 must be below critical 90 for a ">" alert'],
        ],
        [
            "warning beyond critical (<)",
            metric("avg(last_5m):avg:a.b{*} < 10", { critical: "10", warning: "5" }),
            ['warning 5 must be above critical 10 for a "<" alert'],
        ],
        [
            "recovery beyond critical",
            metric("avg(last_5m):avg:a.b{*} > 90", { critical: "90", criticalRecovery: "92" }),
            ['critical recovery 92 must be below critical 90 for a ">" alert'],
        ],
        [
            "warning recovery beyond warning",
            metric("avg(last_5m):avg:a.b{*} >= 90", { critical: "90", warning: "80", warningRecovery: "85" }),
            ['warning recovery 85 must be below warning 80 for a ">=" alert'],
        ],
        [
            "anomaly trigger window is not the alert_window",
            metric(anomaly, { critical: "1" }, { triggerWindow: "last_30m", recoveryWindow: "last_30m" }),
            ["trigger window last_30m must equal the query's alert_window last_15m"],
        ],
        ["anomaly without windows", metric(anomaly, { critical: "1" }), ["anomaly monitors need trigger and recovery windows"]],
        [
            "windows on a threshold monitor",
            metric("avg(last_5m):avg:a.b{*} > 90", { critical: "90" }, { triggerWindow: "last_15m", recoveryWindow: "last_15m" }),
            ["trigger and recovery windows apply to anomaly monitors only"],
        ],
        [
            "service check counting more runs than it evaluates",
            {
                type: "service check",
                query: '"http.can_connect".over("*").by("*").last(3).count_by_status()',
                thresholds: { critical: "4", ok: "1" },
            },
            ["critical 4 must be a number of consecutive runs between 1 and the 3 evaluated"],
        ],
        [
            "non-numeric critical",
            metric("avg(last_5m):avg:a.b{*} > 90", { critical: "high" }),
            ['critical threshold "high" is not a number'],
        ],
        [
            "no critical, warning beyond the query's threshold",
            metric("avg(last_5m):avg:a.b{*} > 90", { warning: "95" }),
            ['warning 95 must be below critical 90 for a ">" alert'],
        ],
        [
            "burn-rate alert below its threshold (<)",
            {
                type: "slo alert",
                query: 'burn_rate("x").over("30d").long_window("1h").short_window("5m") < 14.4',
                thresholds: { critical: "14.4" },
            },
            ["SLO alerts compare with > or >=, not <"],
        ],
        [
            "error-budget critical differs",
            { type: "slo alert", query: 'error_budget("x").over("30d") > 75', thresholds: { critical: "50" } },
            ["critical threshold 50 differs from the query's 75"],
        ],
        [
            "log alert warning beyond critical",
            {
                type: "log alert",
                query: 'logs("status:error").index("*").rollup("count").last("5m") > 10',
                thresholds: { critical: "10", warning: "20" },
            },
            ['warning 20 must be below critical 10 for a ">" alert'],
        ],
        // integrations-core redisdb/assets/monitors/cmd_latency.json as published: its options disagree with its query.
        [
            "recommended redis command latency monitor (critical 20000, query 20)",
            { type: "query alert", query: "avg(last_5m):avg:redis.slowlog.micros.95percentile{*} > 20", thresholds: { critical: "20000" } },
            ["critical threshold 20000 differs from the query's 20"],
        ],
        [
            "composite with thresholds",
            { type: "composite", query: "1 && 2", thresholds: { critical: "1" } },
            ["composite monitors take no thresholds"],
        ],
    ] as Array<[string, MonitorShape, string[]]>)("%s", (_name, m, errors) => expect(validateMonitor(m)).toEqual(errors));

    it("leaves == and != alerts without an ordering of warning and critical", () => {
        expect(validateMonitor(metric("avg(last_5m):avg:a.b{*} != 1", { critical: "1", warning: "2" }))).toEqual([]);
    });
    it("accepts a monitor without options.thresholds.critical, as Datadog's API does (it takes the query's)", () => {
        expect(validateMonitor(metric("change(min(last_1m),last_5m):sum:a.b{*} + sum:a.c{*} > 5", {}))).toEqual([]);
    });
    it("accepts the dynamic threshold keyword of formula monitors", () => {
        expect(validateMonitor(metric('formula("query1").last("5m") > threshold', { critical: "5" }))).toEqual([]);
    });
});

describe("every monitor the stacks create", () => {
    it.each(["production", "staging"] as const)("passes the whole-monitor checker in %s", (stack) => {
        const monitors = loadPlan(stack).ofType(MONITOR);
        expect(monitors.length).toBeGreaterThan(0);
        for (const m of monitors) {
            const shape: MonitorShape = {
                type: m.inputs.type as string,
                query: m.inputs.query as string,
                thresholds: m.inputs.monitorThresholds as MonitorShape["thresholds"],
                thresholdWindows: m.inputs.monitorThresholdWindows as MonitorShape["thresholdWindows"],
            };
            expect([m.name, validateMonitor(shape)]).toEqual([m.name, []]);
        }
    });
});
