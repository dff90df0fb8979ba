/**
 * Typed factories for the monitor and synthetic shapes products share: host CPU and memory, APM latency and error
 * rate, event ratios with a volume floor, sparse event counts, Core Web Vitals, service checks, health and SSL tests.
 * Each returns plain spec data (products stay data-only); the query form, category, comparator and unit live here once,
 * and every number a text states is a {critical}/{warning}/{window} placeholder or is checked against the thresholds
 * when the catalog loads (lib/inputs/catalog/normalize.ts).
 */
import type { z } from "zod";
import type { Comparator, MetricRef as MetricRefSchema, MonitorSpec, Severity, SyntheticSpec } from "./schema";
import { ms, type Quantity, s } from "./units";

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
    hold?: MonitorSpec["hold"];
    formerIds?: string[];
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
        ...(t.hold ? { hold: t.hold } : {}),
        ...(t.formerIds ? { formerIds: t.formerIds } : {}),
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
            /** Unit of the scaled ratio; "%" unless the ratio counts something else per hundred. */
            unit?: string;
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
        { ...t, unit: t.unit ?? "%" },
    );
}

/**
 * One gauge as a share of another (used / limit, free / total, remaining / quota): in % with scale 100 (the
 * default), as a ratio with scale 1; `complement` watches 1 − the share (used, from available / total).
 */
export function gaugeRatio(
    t: MonitorText &
        Thresholds & {
            numerator: MetricRef;
            denominator: MetricRef;
            window: string;
            scale?: 1 | 100;
            complement?: true;
            timeAggregation?: "avg" | "min" | "max";
            /** Unit of the share as a reader sees it ("% remaining"); "%" or "ratio" from the scale by default. */
            unit?: string;
        },
): MonitorSpec {
    const scale = t.scale ?? 100;
    return monitor(
        t,
        "saturation",
        {
            kind: "ratio",
            numerator: t.numerator,
            denominator: t.denominator,
            scale,
            ...(t.complement ? { complement: true } : {}),
            timeAggregation: t.timeAggregation ?? "avg",
            window: t.window,
        },
        { ...t, unit: t.unit ?? (scale === 100 ? "%" : "ratio") },
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

/**
 * Google's Core Web Vitals boundaries at the 75th percentile of page views (web.dev/articles/vitals): above the first
 * a page "needs improvement" (warning), above the second it is "poor" (critical). INP replaced FID as the
 * responsiveness vital in March 2024, so it stands for the plans' "FID".
 */
export const CORE_WEB_VITALS = {
    lcp: { warning: s(2.5), critical: s(4), name: "Largest Contentful Paint" },
    inp: { warning: ms(200), critical: ms(500), name: "Interaction to Next Paint" },
    cls: { warning: 0.1, critical: 0.25, name: "Cumulative Layout Shift" },
} as const;

export type WebVitalsPart = keyof typeof CORE_WEB_VITALS | "js-error-rate";

/**
 * Views of real users only: Datadog's synthetic browser tests create RUM sessions of type `synthetics`, which would
 * count the product's own journeys (the out-of-the-box RUM metrics are computed on `@session.type:user` too).
 */
const REAL_USER_VIEWS = "@type:view @session.type:user";

/** Severity of a group of alerts, with the label the product's own plan gives it. */
interface SeverityOf {
    severity: Severity;
    planSeverity?: string;
}

/**
 * Real-user monitoring of one web surface: the three Core Web Vitals at p75 (Google's thresholds, warning at "needs
 * improvement", critical at "poor") and the browser error rate. RUM views of real users are selected by the surface's
 * `service` and the stack's `env` (the browser SDK's `service`/`env` init options, unified service tagging).
 *
 * The error rate divides Datadog's out-of-the-box RUM metrics `rum.measure.error` by `rum.measure.view` (RUM without
 * Limits: computed on every ingested session, tagged env and service), errors per 100 views over 15 minutes with a
 * floor of `minViews` views: a RUM event monitor counts one search and cannot divide two, and an average of
 * `@view.error.count` has no volume floor, so one error among three night-time views would alert.
 */
export function webVitalsMonitors(o: {
    surface: string;
    /** Citations: the plan's Core Web Vitals / page performance item and its JavaScript errors item (each needed unless skipped). */
    source: { vitals?: string; errors?: string };
    /** Core Web Vitals are performance warnings (000: P2). */
    vitals?: SeverityOf;
    /** Browser errors: 000 "high error rate" is P1. */
    errors?: SeverityOf & { critical?: number; warning?: number; minViews?: number };
    /** Parts the product already monitors with its own plan's thresholds. */
    skip?: WebVitalsPart[];
}): MonitorSpec[] {
    const vitals = o.vitals ?? { severity: "P2" };
    const errors = { severity: "P1" as Severity, critical: 10, warning: 5, minViews: 200, ...o.errors };
    const skip = new Set(o.skip ?? []);
    const cite = (part: "vitals" | "errors"): string => {
        const source = o.source[part];
        if (!source) throw new Error(`webVitalsMonitors(${o.surface}): source.${part} is needed unless its monitors are skipped`);
        return source;
    };
    const out: MonitorSpec[] = [];
    if (!skip.has("lcp"))
        out.push(
            webVital({
                id: `${o.surface}-lcp`,
                surface: o.surface,
                ...vitals,
                vital: "lcp",
                search: REAL_USER_VIEWS,
                critical: CORE_WEB_VITALS.lcp.critical,
                warning: CORE_WEB_VITALS.lcp.warning,
                title: "Largest Contentful Paint (p75) above {critical}",
                whatHappened:
                    "For a quarter of real users' page views the main content took longer than {critical} to render over the last {window} (Google rates that poor).",
                firstSteps: [
                    "Open RUM Performance for the service and sort views by LCP to find the slow pages and their LCP element",
                    "Check the LCP element's resource (hero image, font, API call) in the view's waterfall: size, CDN cache, server time",
                    "Compare with the latest frontend deployment; roll back if LCP rose with it",
                ],
                source: cite("vitals"),
            }),
        );
    if (!skip.has("inp"))
        out.push(
            webVital({
                id: `${o.surface}-inp`,
                surface: o.surface,
                ...vitals,
                vital: "inp",
                search: REAL_USER_VIEWS,
                critical: CORE_WEB_VITALS.inp.critical,
                warning: CORE_WEB_VITALS.inp.warning,
                title: "Interaction to Next Paint (p75) above {critical}",
                whatHappened:
                    "For a quarter of real users' page views a click or key press took longer than {critical} to update the screen over the last {window} (Google rates that poor).",
                firstSteps: [
                    "Open RUM Performance for the service, sort views by INP and open the slowest interaction's target element",
                    "Check long tasks on those views for heavy event handlers, hydration or third-party scripts",
                    "Compare with the latest frontend deployment; roll back if INP rose with it",
                ],
                source: cite("vitals"),
            }),
        );
    if (!skip.has("cls"))
        out.push(
            webVital({
                id: `${o.surface}-cls`,
                surface: o.surface,
                ...vitals,
                vital: "cls",
                search: REAL_USER_VIEWS,
                critical: CORE_WEB_VITALS.cls.critical,
                warning: CORE_WEB_VITALS.cls.warning,
                unit: "score",
                title: "Cumulative Layout Shift (p75) above {critical}",
                whatHappened:
                    "For a quarter of real users' page views the layout shifted by more than {critical} while loading over the last {window} (Google rates that poor): content jumps under the user's finger.",
                firstSteps: [
                    "Open RUM Performance for the service, sort views by CLS and check the largest layout shift's target element",
                    "Look for images, embeds or banners without reserved space and for late-loading fonts",
                    "Compare with the latest frontend deployment; roll back if CLS rose with it",
                ],
                source: cite("vitals"),
            }),
        );
    if (!skip.has("js-error-rate"))
        out.push(
            eventRatio({
                id: `${o.surface}-js-error-rate`,
                surface: o.surface,
                severity: errors.severity,
                ...(errors.planSeverity ? { planSeverity: errors.planSeverity } : {}),
                category: "frontend",
                numerator: "rum.measure.error",
                denominator: "rum.measure.view",
                window: "15m",
                minCount: errors.minViews,
                critical: errors.critical,
                warning: errors.warning,
                unit: "errors per 100 views",
                title: "Browser errors above {critical} per hundred page views",
                whatHappened:
                    "Real users' browsers reported more than {critical} errors (uncaught JavaScript exceptions, console errors, failed requests) per hundred page views over the last {window}.",
                firstSteps: [
                    "Open RUM Error Tracking for the service and sort issues by count to find the new or growing one",
                    "Check whether the errors started with a frontend deployment (RUM version facet) and roll back if so",
                    "If they are failed requests, check the API error rate and status at the same time",
                ],
                source: cite("errors"),
            }),
        );
    return out;
}

/**
 * A Vercel project's functions and builds, from Datadog's Vercel integration (DataDog/integrations-extras `vercel`):
 * Vercel's log drains ship build and function logs as `source:vercel`, the integration's pipeline makes the project
 * name their `service` and the deployment environment their `env`, and log-based metrics count function invocations
 * and errors (5xx or crashed) tagged `project_name` and `deployment_env` only. Each Vercel project is therefore named
 * after the surface's service, and a stack's deployments run in the Vercel environment named after the stack
 * (production; a custom "staging" environment).
 *
 * - function error rate: errors / invocations with a floor of 100 invocations (000 §Basic Alerting's > 1%), which
 *   also counts invocations the tracer never saw (crashes at start, timeouts);
 * - deployment failures: a build log at level error or fatal (the failed build's output); the previous deployment
 *   keeps serving, so it does not page;
 * - cold starts: function starts whose initialization (the REPORT line's `Init Duration`, which the pipeline parses
 *   as `@lambda.init_duration` in ms; needs a measure on it) alone exceeds `coldStartMs`, the plan's slow-response
 *   budget, at least `coldStarts` times in 15 minutes: a deploy or scale-out starts several instances at once.
 */
export function vercelMonitors(o: {
    surface: string;
    source: { errors: string; builds: string; coldStarts: string };
    errors?: SeverityOf & { critical?: number; minInvocations?: number };
    coldStartMs?: number;
    coldStarts?: number;
}): MonitorSpec[] {
    const errors = { severity: "P1" as Severity, critical: 1, minInvocations: 100, ...o.errors };
    const vercel = (metric: string): MetricRef => ({
        metric,
        filter: { project_name: "{service}", deployment_env: "{env}" },
        unscoped: true,
    });
    return [
        eventRatio({
            id: `${o.surface}-vercel-function-errors`,
            surface: o.surface,
            severity: errors.severity,
            ...(errors.planSeverity ? { planSeverity: errors.planSeverity } : {}),
            numerator: vercel("vercel.functions.errors"),
            denominator: vercel("vercel.functions.invocations"),
            window: "5m",
            minCount: errors.minInvocations,
            critical: errors.critical,
            title: `Vercel ${o.surface} functions: error rate above {critical}`,
            whatHappened:
                "More than {critical} of the project's Vercel function invocations crashed or returned a server error over the last {window}.",
            firstSteps: [
                "Open the Vercel logs in Datadog (source:vercel, this service) filtered on status:error and group by path",
                "Look for timeouts (Task timed out) and crashes at start, which APM does not show",
                "Check the latest deployment in Vercel and promote the previous one if the errors started with it",
            ],
            source: o.source.errors,
        }),
        {
            id: `${o.surface}-vercel-deployment-failed`,
            title: `Vercel ${o.surface} deployment failed`,
            category: "errors",
            severity: "P2",
            surface: o.surface,
            query: { kind: "log", search: "source:vercel @source:build @level:(error OR fatal)", window: "30m" },
            comparator: ">",
            critical: 0,
            unit: "count",
            whatHappened:
                "A Vercel build of the project logged an error in the last {window}, so its deployment failed; the previous deployment is still serving.",
            firstSteps: [
                "Open the failed deployment's build log in Vercel (or the source:vercel build logs in Datadog) and find the first error",
                "Check the commit that triggered it for dependency, environment-variable or type errors",
                "Fix forward or revert the commit; nothing to roll back, since the failed deployment was never promoted",
            ],
            source: o.source.builds,
        },
        {
            id: `${o.surface}-vercel-cold-starts`,
            title: `Vercel ${o.surface} functions: slow cold starts`,
            category: "latency",
            severity: "P2",
            surface: o.surface,
            query: {
                kind: "log",
                search: `source:vercel @source:lambda @lambda.init_duration:>${o.coldStartMs ?? 3000}`,
                window: "15m",
            },
            comparator: ">=",
            critical: o.coldStarts ?? 5,
            unit: "count",
            whatHappened:
                "At least {critical} function cold starts spent longer initializing than the whole response-time budget over the last {window}; those users waited for a new instance.",
            firstSteps: [
                "Find the slow-starting functions: source:vercel REPORT logs with Init Duration, grouped by path",
                "Check what they load at start (large bundles, SDK clients, database connections opened at import)",
                "Compare with the latest deployment's bundle size; lazy-load heavy modules or keep the route warm",
            ],
            source: o.source.coldStarts,
        },
    ];
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
