/**
 * Typed Datadog query builder: turns a QuerySpec into the monitor type and query string.
 * Components never concatenate query strings themselves.
 */
import type { Comparator, MetricRef, QuerySpec } from "../inputs/catalog/schema";
import { type Quantity } from "../inputs/catalog/units";
import { metricUnit, nativeThreshold, nativeUnit } from "../inputs/catalog/nativeUnits";

export { metricUnit, nativeThreshold, nativeUnit };
import { formatNumber } from "../model/alert";
import { durationSeconds } from "../model/duration";

export { formatNumber };

export type MonitorType = "metric alert" | "query alert" | "service check" | "log alert" | "rum alert" | "slo alert";

/** Tags every query is scoped to (unified service tagging). */
export interface QueryScope {
    env: string;
    service: string;
}

/**
 * Filter values may name the scope, `{service}` and `{env}`: integrations that tag their own dimensions (Vercel's
 * `project_name`, `deployment_env`) are filtered by the surface's service and the stack's environment that way.
 */
function scoped(value: string, scope: QueryScope): string {
    return value.replace(/\{(service|env)\}/g, (_, k: "service" | "env") => scope[k]);
}

function tagList(scope: QueryScope, filter?: Record<string, string>, unscoped?: boolean): string[] {
    const own = Object.entries(filter ?? {}).map(([k, v]) => `${k}:${scoped(v, scope)}`);
    // Integrations that tag neither env nor service (Cloudflare's crawler) are filtered by their own tags only.
    if (unscoped) return own.length ? own : ["*"];
    return [`env:${scope.env}`, `service:${scope.service}`, ...own];
}

/** `sum:trace.http.request.hits{env:production,service:x} by {host}.as_count()`, in `default_zero()` for sparse counters. */
export function metricExpr(ref: MetricRef, scope: QueryScope): string {
    const aggregation = ref.aggregation ?? "avg";
    const by = ref.groupBy?.length ? ` by {${ref.groupBy.join(",")}}` : "";
    const expr = `${aggregation}:${ref.metric}{${tagList(scope, ref.filter, ref.unscoped).join(",")}}${by}${ref.asCount ? ".as_count()" : ""}`;
    return ref.defaultZero ? `default_zero(${expr})` : expr;
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

/**
 * `(num / den) * scale`. A volume floor (`minCount`) divides by at least that many events: Datadog evaluates a ratio
 * of `.as_count()` queries as sum(numerator) / sum(denominator) over the window (docs: as_count() in monitor
 * evaluations), so at low traffic one failure cannot cross the threshold, and `default_zero` makes a window without
 * failures evaluate to 0 instead of no data. `complement` turns "available / total" into "used".
 */
export function ratioExpr(q: Extract<QuerySpec, { kind: "ratio" }>, scope: QueryScope): string {
    const floor = q.minCount !== undefined;
    const num = metricExpr({ ...q.numerator, defaultZero: q.numerator.defaultZero || floor }, scope);
    const den = floor ? `clamp_min(${metricExpr(q.denominator, scope)}, ${q.minCount})` : metricExpr(q.denominator, scope);
    const ratio = q.complement ? `(1 - ${num} / ${den})` : `(${num} / ${den})`;
    return `${ratio}${q.scale !== 1 ? ` * ${q.scale}` : ""}`;
}

/**
 * The series a metric-based monitor watches, for graphs: its metric with the monitor's expression applied, or its
 * ratio (1 − ratio for `complement`) without the volume floor, which only matters for alerting. Undefined for log,
 * RUM and service-check monitors.
 */
export function monitorSeries(q: QuerySpec, scope: QueryScope): string | undefined {
    if (q.kind === "ratio") {
        const ratio = `${metricExpr(q.numerator, scope)} / ${metricExpr(q.denominator, scope)}`;
        return `${q.complement ? `(1 - ${ratio})` : `(${ratio})`}${q.scale !== 1 ? ` * ${q.scale}` : ""}`;
    }
    if (q.kind === "metric" && q.expression) return q.expression.replace("{m}", metricExpr(q.base, scope));
    return "base" in q ? metricExpr(q.base, scope) : undefined;
}

/** The query's left-hand side (everything before the comparator). */
export function queryExpression(q: QuerySpec, scope: QueryScope): string {
    switch (q.kind) {
        case "metric":
            return `${q.timeAggregation}(last_${q.window}):${q.expression ? q.expression.replace("{m}", metricExpr(q.base, scope)) : metricExpr(q.base, scope)}`;
        case "ratio":
            return `${q.timeAggregation}(last_${q.window}):${ratioExpr(q, scope)}`;
        case "percentile":
            return `percentile(last_${q.window}):${q.percentile}:${q.base.metric}{${tagList(scope, q.base.filter, q.base.unscoped).join(",")}}${q.base.groupBy?.length ? ` by {${q.base.groupBy.join(",")}}` : ""}`;
        case "anomaly": {
            // Datadog's documented API form: every option explicit, so the monitor behaves as the UI would create it.
            const seasonality = q.algorithm === "basic" ? "" : `, seasonality='${q.seasonality}'`;
            return (
                `avg(last_${q.window}):anomalies(${metricExpr(q.base, scope)}, '${q.algorithm}', ${q.deviations}, direction='${q.direction}', ` +
                `alert_window='last_${q.alertWindow}', interval=${anomalyInterval(q.alertWindow)}, count_default_zero='true'${seasonality})`
            );
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
            const over = tagList(scope, q.filter)
                .map((t) => `"${t}"`)
                .join(",");
            const by = `.by(${(q.groupBy.length ? q.groupBy : ["*"]).map((g) => `"${g}"`).join(",")})`;
            return `"${q.check}".over(${over})${by}.last(${q.lastRuns}).count_by_status()`;
        }
    }
}

/**
 * A threshold in the unit Datadog compares the query in: a duration (`ms(500)`) is converted to the query's native
 * unit (0.5 for an APM latency in seconds); a plain number is taken as already in it.
 */
/**
 * The full monitor query. Service checks carry their threshold in `monitorThresholds`, not in the query. Catalog
 * monitors arrive with `critical` already in the native unit; a duration is converted here.
 */
export function buildQuery(q: QuerySpec, comparator: Comparator, critical: number | Quantity, scope: QueryScope): string {
    const lhs = queryExpression(q, scope);
    return q.kind === "service-check" ? lhs : `${lhs} ${comparator} ${formatNumber(nativeThreshold(q, critical))}`;
}

/** SLO burn-rate alert query (Datadog's native form). */
export function burnRateQuery(sloId: string, timeframe: string, longWindow: string, shortWindow: string, burnRate: number): string {
    return `burn_rate("${sloId}").over("${timeframe}").long_window("${longWindow}").short_window("${shortWindow}") > ${formatNumber(burnRate)}`;
}
