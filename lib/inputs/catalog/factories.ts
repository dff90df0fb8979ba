/**
 * Typed factories for the monitor and synthetic shapes products share: host CPU and memory, APM latency and error
 * rate, event ratios with a volume floor, sparse event counts, Core Web Vitals, service checks, health and SSL tests.
 * Each returns plain spec data (products stay data-only); the query form, category, comparator and unit live here once,
 * and every number a text states is a {critical}/{warning}/{window} placeholder or is checked against the thresholds
 * when the catalog loads (lib/inputs/catalog/normalize.ts).
 */
import type { z } from "zod";
import type { Comparator, MetricRef as MetricRefSchema, MonitorSpec, Severity, SyntheticSpec } from "./schema";
import type { Quantity } from "./units";

type MetricRef = z.input<typeof MetricRefSchema>;

type Threshold = number | Quantity;
type Category = MonitorSpec["category"];

/** What every monitor states for itself: identity, severity, texts and the plan it cites. */
export interface MonitorText {
    id: string;
    surface: string;
    severity: Severity;
    planSeverity?: string;
    title: string;
    whatHappened: string;
    firstSteps: string[];
    source: string;
    category?: Category;
    notifyNoData?: boolean;
    monitorOptions?: MonitorSpec["monitorOptions"];
    guard?: MonitorSpec["guard"];
}

interface Thresholds {
    critical: Threshold;
    warning?: Threshold;
    comparator?: Comparator;
}

const metric = (m: string | MetricRef): MetricRef => (typeof m === "string" ? { metric: m } : m);
const avg = (m: string | MetricRef): MetricRef => ({ aggregation: "avg", ...metric(m) });
const count = (m: string | MetricRef): MetricRef => ({ asCount: true, ...metric(m), aggregation: metric(m).aggregation ?? "sum" });

function monitor(t: MonitorText, category: Category, query: MonitorSpec["query"], th: Thresholds & { unit?: string }): MonitorSpec {
    return {
        id: t.id,
        title: t.title,
        category: t.category ?? category,
        severity: t.severity,
        ...(t.planSeverity ? { planSeverity: t.planSeverity } : {}),
        surface: t.surface,
        query,
        comparator: th.comparator ?? ">",
        critical: th.critical,
        ...(th.warning !== undefined ? { warning: th.warning } : {}),
        ...(th.unit ? { unit: th.unit } : {}),
        ...(t.notifyNoData ? { notifyNoData: true } : {}),
        ...(t.monitorOptions ? { monitorOptions: t.monitorOptions } : {}),
        ...(t.guard ? { guard: t.guard } : {}),
        whatHappened: t.whatHappened,
        firstSteps: t.firstSteps,
        source: t.source,
    };
}

/**
 * Host CPU in use, all modes (100 − idle), per host. `system.cpu.user` alone misses system, iowait and steal time.
 */
export function hostCpu(t: MonitorText & Thresholds & { window?: string }): MonitorSpec {
    return monitor(
        t,
        "saturation",
        {
            kind: "metric",
            base: { metric: "system.cpu.idle", aggregation: "avg", groupBy: ["host"] },
            timeAggregation: "avg",
            window: t.window ?? "5m",
            expression: "100 - {m}",
        },
        { ...t, unit: "%" },
    );
}

/**
 * Host memory in use as a percentage of usable memory, per host: `system.mem.used` counts the page cache, which the
 * kernel frees on demand, so it reads near 100% on a healthy host; `system.mem.pct_usable` does not. A plan's
 * "> N% for 5 minutes" is `held: true`: the window's lowest usage above N (Datadog's "at all times", `min` over the
 * window) over a full window of data (the Agent reports every 15 s), so neither a one-minute spike nor the first
 * minute of a restarted host alerts.
 */
export function hostMemory(t: MonitorText & Thresholds & { window?: string; held?: boolean }): MonitorSpec {
    return monitor(
        t.held ? { ...t, monitorOptions: { ...t.monitorOptions, requireFullWindow: true } } : t,
        "saturation",
        {
            kind: "metric",
            base: { metric: "system.mem.pct_usable", aggregation: "avg", groupBy: ["host"] },
            timeAggregation: t.held ? "min" : "avg",
            window: t.window ?? "5m",
            expression: "(1 - {m}) * 100",
        },
        { ...t, unit: "%" },
    );
}

/** A gauge against a threshold: `<timeAggregation>(last_<window>):<aggregation>:<metric>{…}`. */
export function gauge(
    t: MonitorText &
        Thresholds & {
            metric: string | MetricRef;
            window: string;
            unit?: string;
            timeAggregation?: "avg" | "sum" | "min" | "max";
            category?: Category;
            expression?: string;
        },
): MonitorSpec {
    return monitor(
        t,
        t.category ?? "saturation",
        {
            kind: "metric",
            base: avg(t.metric),
            timeAggregation: t.timeAggregation ?? "avg",
            window: t.window,
            ...(t.expression ? { expression: t.expression } : {}),
        },
        t,
    );
}

/**
 * A sparse event counter over its window, in `default_zero()` so a window without events evaluates to 0 and the
 * monitor recovers instead of holding its last state. `critical` is the number of events that alerts (`>=`).
 */
export function eventCount(t: MonitorText & Thresholds & { metric: string | MetricRef; window: string; unit?: string }): MonitorSpec {
    return monitor(
        t,
        "errors",
        {
            kind: "metric",
            base: { ...count(t.metric), defaultZero: true },
            timeAggregation: "sum",
            window: t.window,
        },
        { comparator: ">=", ...t, unit: t.unit ?? "count" },
    );
}

/**
 * Failing events as a percentage of all events, with a volume floor: the denominator counts at least `minCount`
 * events, so one failure among a few attempts at night cannot alert.
 */
export function eventRatio(
    t: MonitorText &
        Thresholds & {
            numerator: string | MetricRef;
            denominator: string | MetricRef;
            window: string;
            minCount?: number;
            category?: Category;
        },
): MonitorSpec {
    return monitor(
        t,
        t.category ?? "errors",
        {
            kind: "ratio",
            numerator: count(t.numerator),
            denominator: count(t.denominator),
            scale: 100,
            timeAggregation: "sum",
            window: t.window,
            ...(t.minCount !== undefined ? { minCount: t.minCount } : {}),
        },
        { ...t, unit: "%" },
    );
}

/** APM error rate of a span (`trace.<span>.errors / trace.<span>.hits`) with a minimum request count. */
export function apmErrorRate(t: MonitorText & Thresholds & { span: string; window?: string; minRequests: number }): MonitorSpec {
    return eventRatio({
        ...t,
        numerator: `trace.${t.span}.errors`,
        denominator: `trace.${t.span}.hits`,
        window: t.window ?? "5m",
        minCount: t.minRequests,
    });
}

/**
 * APM latency percentile of a span (durations in seconds; thresholds are written with their unit), optionally of
 * one endpoint (`resource_name` as Datadog normalizes it: "GET /api/leads" → "get_/api/leads").
 */
export function apmLatency(
    t: MonitorText &
        Thresholds & {
            span: string;
            percentile?: "p50" | "p75" | "p90" | "p95" | "p99";
            window?: string;
            resource?: string;
        },
): MonitorSpec {
    return monitor(
        t,
        "latency",
        {
            kind: "percentile",
            percentile: t.percentile ?? "p95",
            window: t.window ?? "5m",
            base: { metric: `trace.${t.span}`, ...(t.resource ? { filter: { resource_name: t.resource } } : {}) },
        },
        t,
    );
}

/** Percentile of any distribution metric (a custom duration declares its native `unit` on the metric). */
export function percentile(
    t: MonitorText &
        Thresholds & {
            metric: string | MetricRef;
            percentile?: "p50" | "p75" | "p90" | "p95" | "p99";
            window?: string;
            category?: Category;
        },
): MonitorSpec {
    return monitor(
        t,
        t.category ?? "latency",
        { kind: "percentile", percentile: t.percentile ?? "p95", window: t.window ?? "5m", base: metric(t.metric) },
        t,
    );
}

const VITALS = {
    "loading-time": "@view.loading_time",
    fcp: "@view.first_contentful_paint",
    lcp: "@view.largest_contentful_paint",
    fid: "@view.first_input_delay",
    inp: "@view.interaction_to_next_paint",
    cls: "@view.cumulative_layout_shift",
    "resource-duration": "@resource.duration",
} as const;

/** A Core Web Vital (or page/resource timing) at the 75th percentile of real users, as Google rates them. */
export function webVital(
    t: MonitorText & Thresholds & { vital: keyof typeof VITALS; search?: string; window?: string; unit?: string },
): MonitorSpec {
    return monitor(
        t,
        "frontend",
        {
            kind: "rum",
            search: t.search ?? "@type:view",
            rollup: "pc75",
            measure: VITALS[t.vital],
            window: t.window ?? "15m",
        },
        t,
    );
}

/** A business volume compared with the day before: `pct_change(...) < -N` alerts on a drop of more than N%. */
export function dayOverDayDrop(
    t: MonitorText & Thresholds & { metric: string | MetricRef; timeAggregation?: "avg" | "sum"; gauge?: boolean },
): MonitorSpec {
    return monitor(
        t,
        "business",
        {
            kind: "change",
            change: "pct_change",
            comparedTo: "1d",
            timeAggregation: t.timeAggregation ?? "sum",
            window: "1d",
            base: t.gauge ? { ...metric(t.metric), aggregation: metric(t.metric).aggregation ?? "sum" } : count(t.metric),
        },
        { comparator: "<", ...t, unit: "%" },
    );
}

/** A Datadog Agent service check failing `critical` of its last `lastRuns` runs (HTTP check, Postgres, process). */
export function serviceCheck(
    t: MonitorText & { check: string; filter?: Record<string, string>; lastRuns?: number; critical?: number },
): MonitorSpec {
    return monitor(
        { notifyNoData: true, ...t },
        "availability",
        {
            kind: "service-check",
            check: t.check,
            lastRuns: t.lastRuns ?? 3,
            ...(t.filter ? { filter: t.filter } : {}),
        },
        { comparator: ">=", critical: t.critical ?? 2, unit: "consecutive failed checks" },
    );
}

/** An anomaly monitor: failures alert above their baseline, volumes below. */
export function anomaly(
    t: MonitorText & {
        metric: string | MetricRef;
        direction: "above" | "below" | "both";
        deviations?: number;
        counter?: boolean;
        category?: Category;
    },
): MonitorSpec {
    return monitor(
        t,
        t.category ?? "business",
        {
            kind: "anomaly",
            base: t.counter === false ? avg(t.metric) : count(t.metric),
            algorithm: "agile",
            deviations: t.deviations ?? 3,
            direction: t.direction,
            window: "4h",
        },
        { comparator: ">=", critical: 1, unit: "fraction of anomalous points" },
    );
}

/**
 * Performance regression of a span: its average APM latency (`trace.<span>`, seconds) above its weekly baseline, the
 * usual signature of a deployment that made requests slower.
 */
export function apmLatencyRegression(t: MonitorText & { span: string; deviations?: number }): MonitorSpec {
    return anomaly({ category: "latency", ...t, metric: `trace.${t.span}`, counter: false, direction: "above" });
}

/** A health endpoint checked by an API test (P0: the availability check users see first). */
export function healthCheck(t: {
    id?: string;
    title: string;
    surface: string;
    path: string;
    severity?: Severity;
    frequency?: string;
    maxResponseMs?: number;
    assertions?: SyntheticSpec["assertions"];
    source: string;
}): SyntheticSpec {
    const { id, severity, frequency, ...rest } = t;
    return {
        id: id ?? `${t.surface}-health`,
        kind: "api",
        severity: severity ?? "P0",
        frequency: frequency ?? "1m",
        expectStatus: 200,
        ...rest,
    };
}

/**
 * One external dependency as the API's dependency health endpoint reports it (`$.checks.<key>.status` is "ok"): an
 * API test per dependency, so the alert names the dependency that failed. The endpoint is not the API's own health
 * endpoint, so a dependency down never fails the P0 health test (a degraded feature is not an outage).
 */
export function dependencyCheck(t: {
    key: string;
    name: string;
    surface: string;
    path: string;
    severity: Severity;
    frequency?: string;
    maxResponseMs?: number;
    source: string;
}): SyntheticSpec {
    return {
        id: `dependency-${t.key.replace(/_/g, "-")}`,
        title: `${t.name} (dependency health)`,
        kind: "api",
        surface: t.surface,
        severity: t.severity,
        frequency: t.frequency ?? "5m",
        path: t.path,
        expectStatus: 200,
        ...(t.maxResponseMs !== undefined ? { maxResponseMs: t.maxResponseMs } : {}),
        assertions: [{ jsonPath: `$.checks.${t.key}.status`, equals: "ok" }],
        source: t.source,
    };
}

/** Certificate expiry of a surface's host, alerting 14 days ahead (004 §Network Metrics). */
export function sslCheck(t: { surface: string; host: string; source: string; id?: string; minDays?: number }): SyntheticSpec {
    return {
        id: t.id ?? `ssl-${t.surface}`,
        title: `${t.host} certificate expiry`,
        kind: "ssl",
        surface: t.surface,
        severity: "P2",
        frequency: "12h",
        sslMinDays: t.minDays ?? 14,
        source: t.source,
    };
}

/** A user journey in a browser: Pulumi owns its schedule and alerting, the steps are recorded in Datadog's recorder. */
export function browserJourney(
    t: Omit<SyntheticSpec, "kind" | "steps" | "assertions" | "expectStatus" | "maxResponseMs" | "sslMinDays">,
): SyntheticSpec {
    return { ...t, kind: "browser" };
}
