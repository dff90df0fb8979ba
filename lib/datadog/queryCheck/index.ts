/**
 * Offline checker of Datadog monitor queries, every monitor type of the v1 API (`MonitorType` of
 * @datadog/datadog-api-client): what Datadog's API would refuse, found before deploy. One parser per family —
 * metric (metric.ts), event-platform searches (search.ts), formulas (formula.ts), service checks, composites, SLO
 * alerts — sharing the tokenizers in syntax.ts and expression.ts; validate.ts picks the family by monitor type and
 * monitor.ts checks a whole monitor's thresholds against its query. It reads the query only: whether metrics, tags,
 * facets, monitor ids or SLO ids exist is beyond it.
 */
export { validateQuery, MONITOR_TYPES } from "./validate";
export type { QueryCheck, QueryForm } from "./validate";
export { validateMonitor } from "./monitor";
export type { MonitorShape } from "./monitor";
export { checkMetricExpression } from "./expression";
export { anomalyAlertWindow } from "./metric";
export { MAX_BURN_RATE_LONG_WINDOW_HOURS, MIN_BURN_RATE_LONG_WINDOW_HOURS } from "./slo";
