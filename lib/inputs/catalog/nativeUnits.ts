/**
 * The unit Datadog returns a query's durations in (Datadog's metric metadata), so the catalog can convert a spec's
 * duration thresholds (`ms(500)`) to the number Datadog compares. Pure; the query builder (lib/datadog/query.ts)
 * and the catalog's normalization share it.
 */
import type { MetricRef, QuerySpec } from "./schema";
import { convert, type DurationUnit, formatQuantity, isQuantity, type Quantity } from "./units";

/**
 * Native unit of the durations a query returns, when they are durations: APM trace metrics (`trace.<span>`, the
 * latency distribution, not its `.hits`/`.errors`/`.apdex` counters) are in seconds, RUM timing attributes in
 * nanoseconds, Synthetic HTTP timings in milliseconds (Datadog's metric metadata). Custom metrics declare theirs
 * with `unit` on the metric.
 */
const KNOWN_METRIC_UNITS: Array<[RegExp, DurationUnit]> = [
    [/^trace\.(?!.*\.(hits|errors|apdex|by_http_status|hits\.by_http_status|errors\.by_http_status)$).+$/, "s"],
    [/^synthetics\.http\.[a-z]+\.time$/, "ms"],
    [/^postgresql\.replication_delay$/, "s"],
    [/^dns\.response_time$/, "s"],
];
const RUM_DURATION_MEASURE =
    /^@(view\.(loading_time|first_contentful_paint|largest_contentful_paint|first_input_delay|interaction_to_next_paint|dom_complete|dom_content_loaded|time_spent)|resource\.duration|action\.loading_time|long_task\.duration)$/;

export function metricUnit(ref: MetricRef): DurationUnit | undefined {
    return ref.unit ?? KNOWN_METRIC_UNITS.find(([re]) => re.test(ref.metric))?.[1];
}

/**
 * The unit Datadog compares a monitor's threshold in, for duration queries; undefined for counts, ratios, scores and
 * anomaly monitors (whose threshold is the fraction of anomalous points).
 */
export function nativeUnit(q: QuerySpec): DurationUnit | undefined {
    switch (q.kind) {
        case "metric":
        case "percentile":
            return metricUnit(q.base);
        case "change":
            // pct_change compares in percent; an absolute change in the metric's own unit.
            return q.change === "change" ? metricUnit(q.base) : undefined;
        case "rum":
            return q.measure && RUM_DURATION_MEASURE.test(q.measure) ? "ns" : undefined;
        default:
            return undefined;
    }
}

export function nativeThreshold(q: QuerySpec, threshold: number | Quantity): number {
    if (!isQuantity(threshold)) return threshold;
    const unit = nativeUnit(q);
    if (!unit) throw new Error(`${formatQuantity(threshold)} is a duration, but this ${q.kind} query does not return durations`);
    return convert(threshold, unit);
}
