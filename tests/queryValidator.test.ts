/** The offline query validator: every query form the project uses, valid and malformed. */
import { validateQuery } from "../lib/queryValidator";
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
        // Recommended monitors shipped with Datadog's PostgreSQL integration (DataDog/integrations-core postgres/assets/monitors):
        ["query alert", "avg(last_15m):avg:postgresql.percent_usage_connections{*} > 0.9 by {host}"],
        ["query alert", "avg(last_5m):default_zero(avg:postgresql.connections{*} by {db}) + 1 <= 1"],
        ["query alert", "avg(last_1h):anomalies(avg:postgresql.replication_delay{*}, 'basic', 2, direction='above', alert_window='last_15m', interval=20, count_default_zero='true') >= 1"],
        ["service check", '"postgres.can_connect".over("*").by("host","port").last(2).count_by_status()'],
    ])("%s: %s", (type, q) => ok(type, q));
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
        ["composite", "1 && 2", /unknown monitor type "composite"/],
    ])("%s: %s", (type, q, error) => bad(type, q, error));
});

describe("every monitor the stacks create", () => {
    it.each(["production", "staging"] as const)("passes the validator in %s", (stack) => {
        const monitors = loadPlan(stack).ofType(MONITOR);
        expect(monitors.length).toBeGreaterThan(150);
        for (const m of monitors) expect([m.name, validateQuery(m.inputs.type as string, m.inputs.query as string).errors]).toEqual([m.name, []]);
    });
});
