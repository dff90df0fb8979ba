/**
 * Typed Datadog query builder: turns a QuerySpec into the monitor type and query string.
 * Components never concatenate query strings themselves.
 */
import type { Comparator, MetricRef, QuerySpec } from "../inputs/catalog/schema";
import { formatNumber } from "../model/alert";
import { durationSeconds } from "../model/duration";

export { formatNumber };

export type MonitorType = "metric alert" | "query alert" | "service check" | "log alert" | "rum alert" | "slo alert";

/** Tags every query is scoped to (unified service tagging). */
export interface QueryScope {
    env: string;
    service: string;
}

function tagList(scope: QueryScope, filter?: Record<string, string>): string[] {
    return [`env:${scope.env}`, `service:${scope.service}`, ...Object.entries(filter ?? {}).map(([k, v]) => `${k}:${v}`)];
}

/** `sum:trace.http.request.hits{env:production,service:x} by {host}.as_count()` */
export function metricExpr(ref: MetricRef, scope: QueryScope): string {
    const aggregation = ref.aggregation ?? "avg";
    const by = ref.groupBy?.length ? ` by {${ref.groupBy.join(",")}}` : "";
    return `${aggregation}:${ref.metric}{${tagList(scope, ref.filter).join(",")}}${by}${ref.asCount ? ".as_count()" : ""}`;
}

/** Log or RUM search with env and service prepended. */
export function searchExpr(search: string, scope: QueryScope): string {
    return `env:${scope.env} service:${scope.service} ${search}`.replace(/"/g, '\\"');
}

/**
 * The monitor type as Datadog stores it for the query: the API saves every metric query monitor as
 * `query alert`, whatever was sent ("metric alert" is only the UI's name). Sending "metric alert" leaves a diff
 * the Datadog provider has to suppress (DiffSuppressFunc on `type`, "Datadog API quirk", hashicorp/terraform#13784)
 * and older providers replaced the monitor over it, losing its history.
 */
export function monitorType(q: QuerySpec): MonitorType {
    switch (q.kind) {
        case "metric":
        case "ratio":
        case "percentile":
        case "anomaly":
        case "change":
            return "query alert";
        case "log":
            return "log alert";
        case "rum":
            return "rum alert";
        case "service-check":
            return "service check";
    }
}

/**
 * Rollup interval (seconds) of an anomaly query: Datadog requires it to be at most a fifth of the alert window;
 * 60 s (the UI's default) whenever the window allows.
 */
export function anomalyInterval(alertWindow: string): number {
    return Math.min(60, Math.floor(durationSeconds(alertWindow) / 5));
}

/** The query's left-hand side (everything before the comparator). */
export function queryExpression(q: QuerySpec, scope: QueryScope): string {
    switch (q.kind) {
        case "metric":
            return `${q.timeAggregation}(last_${q.window}):${metricExpr(q.base, scope)}`;
        case "ratio": {
            const ratio = `(${metricExpr(q.numerator, scope)} / ${metricExpr(q.denominator, scope)})`;
            return `${q.timeAggregation}(last_${q.window}):${ratio}${q.scale !== 1 ? ` * ${q.scale}` : ""}`;
        }
        case "percentile":
            return `percentile(last_${q.window}):${q.percentile}:${q.base.metric}{${tagList(scope, q.base.filter).join(",")}}${q.base.groupBy?.length ? ` by {${q.base.groupBy.join(",")}}` : ""}`;
        case "anomaly": {
            // Datadog's documented API form: every option explicit, so the monitor behaves as the UI would create it.
            const seasonality = q.algorithm === "basic" ? "" : `, seasonality='${q.seasonality}'`;
            return `avg(last_${q.window}):anomalies(${metricExpr(q.base, scope)}, '${q.algorithm}', ${q.deviations}, direction='${q.direction}', ` +
                `alert_window='last_${q.alertWindow}', interval=${anomalyInterval(q.alertWindow)}, count_default_zero='true'${seasonality})`;
        }
        case "change":
            return `${q.change}(${q.timeAggregation}(last_${q.window}),last_${q.comparedTo}):${metricExpr(q.base, scope)}`;
        case "log":
            return `logs("${searchExpr(q.search, scope)}").index("*").rollup("count").last("${q.window}")`;
        case "rum": {
            const rollup = q.measure ? `"${q.rollup}", "${q.measure}"` : `"count"`;
            return `rum("${searchExpr(q.search, scope)}").rollup(${rollup}).last("${q.window}")`;
        }
        case "service-check": {
            const over = tagList(scope, q.filter).map((t) => `"${t}"`).join(",");
            const by = `.by(${(q.groupBy.length ? q.groupBy : ["*"]).map((g) => `"${g}"`).join(",")})`;
            return `"${q.check}".over(${over})${by}.last(${q.lastRuns}).count_by_status()`;
        }
    }
}

/** The full monitor query. Service checks carry their threshold in `monitorThresholds`, not in the query. */
export function buildQuery(q: QuerySpec, comparator: Comparator, critical: number, scope: QueryScope): string {
    const lhs = queryExpression(q, scope);
    return q.kind === "service-check" ? lhs : `${lhs} ${comparator} ${formatNumber(critical)}`;
}

/** SLO burn-rate alert query (Datadog's native form). */
export function burnRateQuery(sloId: string, timeframe: string, longWindow: string, shortWindow: string, burnRate: number): string {
    return `burn_rate("${sloId}").over("${timeframe}").long_window("${longWindow}").short_window("${shortWindow}") > ${formatNumber(burnRate)}`;
}
