/**
 * The product spec: the typed, data-only description of one product's monitoring plan.
 * `products/<key>.ts` files hold values of this shape; everything else is derived from it.
 */
import { z } from "zod";
import { DURATION_PATTERN } from "../../model/duration";
import { DurationUnitSchema, QuantitySchema } from "./units";
import { normalizeMonitor } from "./normalize";

export const SEVERITIES = ["P0", "P1", "P2", "P3"] as const;
export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;

export const Duration = z.string().regex(DURATION_PATTERN, "must be a duration such as 30s, 5m, 1h or 30d");
const Slug = z.string().regex(/^[a-z][a-z0-9-]*$/, "must be lower-case kebab-case (a-z, 0-9, -)");
const Citation = z.string().min(3, "cite the plan section this value comes from");

export const Comparator = z.enum([">", ">=", "<", "<="]);
export type Comparator = z.infer<typeof Comparator>;

export const SURFACE_KINDS = ["api", "web", "worker", "websocket", "mobile", "admin", "database", "cache"] as const;

export const Surface = z.strictObject({
    /** Short name, unique in the product: "api", "web", "game-server". */
    name: Slug,
    kind: z.enum(SURFACE_KINDS),
    /** Datadog `service:` tag value (unified service tagging), e.g. "vivr-api". */
    service: Slug,
    language: z.string().min(1),
    framework: z.string().min(1),
    /** Sentry project platform, e.g. "python-fastapi", "javascript-nextjs"; absent when the surface has no Sentry project. */
    sentryPlatform: z.string().min(1).optional(),
    /** Host name of the surface in production; staging hosts come from `hostPrefix` in stack config. */
    host: z
        .string()
        .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, "must be a host name such as api.example.com")
        .optional(),
    repository: z.url().optional(),
    /**
     * Where the surface runs: "vercel" (serverless functions: no hosts, so no host metrics), "hosts" (VMs with the
     * Datadog Agent), "containers" (container metrics per container), "managed" (a provider-run service).
     */
    runtime: z.enum(["vercel", "hosts", "containers", "managed"]).optional(),
});
export type Surface = z.infer<typeof Surface>;

/** Tag filter as key → value; rendered as `{key:value,...}` (env and service are added by the builder). */
const TagFilter = z.record(z.string().regex(/^[a-z_][a-z0-9_.\-/]*$/i), z.string().min(1));

export const MetricRef = z.strictObject({
    metric: z.string().regex(/^[a-z][a-z0-9_.]*$/i, "must be a Datadog metric name (letters, digits, _ and .)"),
    /** Space aggregation. */
    aggregation: z.enum(["avg", "sum", "min", "max"]).default("avg"),
    filter: TagFilter.optional(),
    groupBy: z.array(z.string().min(1)).optional(),
    /** Append `.as_count()` (count/rate metrics in sums and ratios). */
    asCount: z.boolean().optional(),
    /** Wrap in `default_zero()`: a sparse counter's empty window is 0, so its monitor recovers instead of going silent. */
    defaultZero: z.boolean().optional(),
    /** Native unit of a custom duration metric (APM, RUM and known integration metrics are known to lib/datadog/query.ts). */
    unit: DurationUnitSchema.optional(),
    /** The integration sets neither `env` nor `service` (Cloudflare's crawler): filter by `filter` only. */
    unscoped: z.literal(true).optional(),
});
export type MetricRef = z.infer<typeof MetricRef>;

const TimeAggregation = z.enum(["avg", "sum", "min", "max"]);

/** Typed monitor query descriptors. `lib/query.ts` renders them to Datadog query strings. */
export const QuerySpec = z.discriminatedUnion("kind", [
    z.strictObject({
        kind: z.literal("metric"),
        base: MetricRef,
        timeAggregation: TimeAggregation.default("avg"),
        window: Duration,
        /** Arithmetic around the metric, `{m}` standing for it: `(1 - {m}) * 100` (used from usable), `per_second({m})`. */
        expression: z
            .string()
            .regex(/^[\w\s.,()+\-*/]*\{m\}[\w\s.,()+\-*/]*$/, "must contain {m} once, with numbers, operators and function calls around it")
            .optional(),
    }),
    z.strictObject({
        kind: z.literal("ratio"),
        numerator: MetricRef,
        denominator: MetricRef,
        /** 100 turns the ratio into a percentage. */
        scale: z.number().positive().default(1),
        /** Volume floor: the denominator counts at least this many events, so a handful of events cannot alert. */
        minCount: z.number().int().positive().optional(),
        /** Alert on 1 − ratio (memory used from available / total). */
        complement: z.literal(true).optional(),
        timeAggregation: TimeAggregation.default("sum"),
        window: Duration,
    }),
    z.strictObject({
        kind: z.literal("percentile"),
        percentile: z.enum(["p50", "p75", "p90", "p95", "p99"]),
        base: MetricRef,
        window: Duration,
    }),
    z.strictObject({
        kind: z.literal("anomaly"),
        base: MetricRef,
        algorithm: z.enum(["basic", "agile", "robust"]).default("agile"),
        deviations: z.number().positive().max(6).default(2),
        /** Which deviations alert: a failure counter should alert "above" only, a business volume "below". */
        direction: z.enum(["both", "above", "below"]).default("both"),
        /** Span checked for anomalous points (Datadog's alert_window = the trigger and recovery windows). */
        alertWindow: Duration.default("15m"),
        /** Seasonality of agile/robust (not used by basic). */
        seasonality: z.enum(["hourly", "daily", "weekly"]).default("weekly"),
        /** History shown in the notification graph; at least the alert window (Datadog suggests ~5×). */
        window: Duration,
    }),
    z.strictObject({
        kind: z.literal("change"),
        base: MetricRef,
        change: z.enum(["change", "pct_change"]).default("pct_change"),
        /** Compared with the value this long ago. */
        comparedTo: Duration,
        timeAggregation: TimeAggregation.default("sum"),
        window: Duration,
    }),
    z.strictObject({
        kind: z.literal("log"),
        /** Log search query (Datadog log search syntax); service and env are added by the builder. */
        search: z.string().min(1),
        window: Duration,
    }),
    z.strictObject({
        kind: z.literal("rum"),
        search: z.string().min(1),
        /** e.g. "pc75" of "@view.largest_contentful_paint"; omit measure for a count. */
        rollup: z.enum(["count", "avg", "pc75", "pc90", "pc95", "pc99"]).default("count"),
        measure: z
            .string()
            .regex(/^@[a-z_.]+$/)
            .optional(),
        window: Duration,
    }),
    z.strictObject({
        kind: z.literal("service-check"),
        check: z.string().regex(/^[a-z][a-z0-9_.]*$/),
        filter: TagFilter.optional(),
        groupBy: z.array(z.string().min(1)).default([]),
        /** Number of consecutive check runs evaluated. */
        lastRuns: z.number().int().min(1).max(10).default(3),
    }),
]);
export type QuerySpec = z.infer<typeof QuerySpec>;
export type QueryKind = QuerySpec["kind"];

export const MONITOR_CATEGORIES = [
    "availability",
    "errors",
    "latency",
    "saturation",
    "database",
    "frontend",
    "business",
    "security",
    "cost",
] as const;

/** A threshold: a number in the monitor's `unit`, or a duration with its own unit (`ms(500)`, `s(1.5)`). */
const Threshold = z.union([z.number(), QuantitySchema], {
    error: "must be a number, or a duration with its unit such as ms(500) or s(1.5)",
});

export const MonitorSpecShape = z.strictObject({
    /** Unique in the product; part of the resource name and the runbook anchor. */
    id: Slug,
    /** May use {critical}, {warning} and {window}; rendered from the numbers when the catalog loads. */
    title: z.string().min(3),
    category: z.enum(MONITOR_CATEGORIES),
    /** Company severity (000: P0 page, P1 #alerts-critical, P2 #alerts-warning, P3 digest). */
    severity: Severity,
    /** The severity as the product's own plan names it, when its scale differs (PlumberLeads P1–P4, Driplo). */
    planSeverity: z.string().optional(),
    surface: Slug,
    query: QuerySpec,
    comparator: Comparator,
    critical: Threshold,
    warning: Threshold.optional(),
    /**
     * Unit of numeric thresholds, for messages and the catalog: "%", "count", "ratio", "score"... Durations carry
     * their unit in the threshold instead; after loading, `unit` is the unit Datadog compares in.
     */
    unit: z.string().min(1).optional(),
    /** Availability checks alert when data stops arriving. */
    notifyNoData: z.boolean().default(false),
    /** May use {critical}, {warning} and {window}, like the title. */
    whatHappened: z.string().min(10),
    firstSteps: z.array(z.string().min(3)).min(1),
    /**
     * Volume guard: the alert fires only while its window also counted at least `minCount` of these events, so a
     * percentile cannot page on the one slow request of a quiet night (a percentile query takes no volume floor).
     * Datadog evaluates it as a composite of the condition and a volume monitor; only the composite notifies.
     */
    guard: z.strictObject({ events: MetricRef, minCount: z.number().int().positive() }).optional(),
    /**
     * The condition must hold this long before the alert fires (Prometheus `for:`), in whole minutes: Datadog
     * evaluates it as a composite of the condition and its copies evaluated 1, 2, ... minutes earlier.
     */
    hold: z.enum(["1m", "2m", "3m", "4m", "5m"]).optional(),
    /**
     * Ids this monitor had before a rename: the deployed monitor keeps its history, mutes and incident links (Pulumi
     * aliases; docs/urns.md). Remove them once every stack has been updated.
     */
    formerIds: z.array(Slug).optional(),
    /** Datadog monitor options the plan writes out for this alert (004 Appendix B), beyond what the severity decides. */
    monitorOptions: z
        .strictObject({
            /** Evaluate only a full window of data (dense host metrics; sparse counters must not). */
            requireFullWindow: z.boolean().optional(),
            /** Notify the alert's recipients of every change to the monitor (P0s always do). */
            notifyAudit: z.literal(true).optional(),
            /** Text of the re-notifications while the alert holds; may use {{host.name}}-style template variables. */
            escalationMessage: z.string().min(10).optional(),
        })
        .optional(),
    /** Plan section this threshold comes from, e.g. "003 §Alert Configuration / Performance Thresholds". */
    source: Citation,
});
/**
 * A monitor as written in a spec; loading converts duration thresholds to the metric's native unit and renders the
 * title and texts from the numbers (lib/inputs/catalog/normalize.ts), so `Monitor` has plain numbers in `unit`.
 */
export const MonitorSpec = MonitorSpecShape.transform(normalizeMonitor);
export type MonitorSpec = z.input<typeof MonitorSpec>;
export type Monitor = z.infer<typeof MonitorSpec>;

export const SloSpec = z.strictObject({
    id: Slug,
    title: z.string().min(3),
    kind: z.enum(["availability", "latency"]),
    surface: Slug,
    /** Percent, e.g. 99.9. */
    target: z.number().gt(0).lt(100),
    /** Datadog SLO timeframes; the first is the primary (burn-rate alerts are computed on it). */
    timeframes: z.array(z.enum(["7d", "30d", "90d"])).min(1),
    /** Good and total events (metric-based SLO). */
    good: MetricRef,
    total: MetricRef,
    source: Citation,
});
export type SloSpec = z.input<typeof SloSpec>;

export const LOG_TYPES = ["app", "web", "db", "security", "system"] as const;
export const LogTypeSpec = z.strictObject({
    type: z.enum(LOG_TYPES),
    /** Days searchable in Datadog (index retention) and in the CloudWatch log group. */
    hotDays: z.number().int().positive(),
    /** Days until archived logs move to infrequent-access storage ends (S3 Standard-IA). */
    warmDays: z.number().int().positive().optional(),
    /** Days archived logs are kept in total (Glacier), then expire. */
    coldDays: z.number().int().positive().optional(),
    source: Citation,
});
export type LogTypeSpec = z.input<typeof LogTypeSpec>;

export const LogsSpec = z.strictObject({
    /** How the product writes its logs; selects the Datadog pipeline's parser. */
    format: z.enum(["json", "plumberleads-json", "combined"]),
    types: z.array(LogTypeSpec).min(1),
    /** Fraction of debug/info logs kept in the index (000 §Cost Optimization: sample high-volume logs 10%). */
    sampleRate: z.number().gt(0).max(1).default(0.1),
    /** Daily index quota in millions of events. */
    dailyQuotaMillions: z.number().positive().default(10),
});
export type LogsSpec = z.input<typeof LogsSpec>;

/** JSONPath into the response body, e.g. "$.checks.database.status". */
const JsonPath = z.string().startsWith("$");
/** A body value the response must have: exactly one value, or any one of several (002: "healthy" or "degraded"). */
export const HttpAssertion = z.union([
    z.strictObject({ jsonPath: JsonPath, equals: z.string() }),
    z.strictObject({ jsonPath: JsonPath, oneOf: z.array(z.string().min(1)).min(2) }),
]);

export const SyntheticStep = z.strictObject({
    name: z.string().min(3),
    method: z.enum(["GET", "POST", "PUT", "PATCH", "DELETE"]).default("GET"),
    path: z.string().startsWith("/"),
    expectStatus: z.number().int().min(100).max(599).default(200),
    body: z.string().optional(),
    /** Extract a value from the response for later steps (e.g. an auth token). */
    extract: z.strictObject({ variable: z.string().regex(/^[A-Z][A-Z0-9_]*$/), jsonPath: z.string().startsWith("$") }).optional(),
});

export const SyntheticSpec = z.strictObject({
    id: Slug,
    title: z.string().min(3),
    kind: z.enum(["api", "ssl", "multistep", "browser"]),
    surface: Slug,
    severity: Severity,
    /** How often it runs in production (staging multiplies by config). */
    frequency: Duration,
    /** For api/browser: the path checked. */
    path: z.string().startsWith("/").optional(),
    expectStatus: z.number().int().min(100).max(599).default(200),
    maxResponseMs: z.number().int().positive().optional(),
    assertions: z.array(HttpAssertion).default([]),
    /** For multistep: the requests in order. */
    steps: z.array(SyntheticStep).default([]),
    /** For browser: the user journey in words (recorded steps are managed in the Datadog UI). */
    journey: z.array(z.string().min(3)).default([]),
    /** For browser: the devices it runs on (each device run is billed); laptop when absent. */
    devices: z
        .array(z.enum(["laptop_large", "tablet", "mobile_small"]))
        .min(1)
        .optional(),
    /** Uses the product's test-user credentials (secure global variables). */
    needsLogin: z.boolean().default(false),
    /** Target success rate in percent, when the plan states one. */
    successTarget: z.number().gt(0).max(100).optional(),
    /** For ssl: alert when the certificate expires in fewer days than this. */
    sslMinDays: z.number().int().positive().optional(),
    source: Citation,
});
export type SyntheticSpec = z.input<typeof SyntheticSpec>;

export const SecurityRuleSpec = z.strictObject({
    id: Slug,
    title: z.string().min(3),
    severity: Severity,
    /** Log search for the suspicious events. */
    search: z.string().min(1),
    /** Group events per this attribute (e.g. "@network.client.ip"). */
    groupBy: z.array(z.string().min(1)).default([]),
    /** More than this many events in the window trigger. */
    threshold: z.number().int().positive(),
    window: Duration,
    source: Citation,
});
export type SecurityRuleSpec = z.input<typeof SecurityRuleSpec>;

export const EscalationLevel = z.strictObject({
    level: z.number().int().min(1).max(6),
    /** Minutes after the alert fires at which this level is engaged. */
    startsAtMinute: z.number().int().min(0),
    /** Who is engaged: the on-call schedules, the team lead, the whole team, the founder/CTO. */
    targets: z.array(z.enum(["datadog", "slack", "primary", "backup", "lead", "team", "founder"])).min(1),
    description: z.string().min(3),
});
export type EscalationLevel = z.infer<typeof EscalationLevel>;

export const EscalationSpec = z.strictObject({
    levels: z.array(EscalationLevel).min(2),
    /** Times the policy repeats when nobody acknowledges. */
    loops: z.number().int().min(0).max(9).default(2),
    source: Citation,
});
export type EscalationSpec = z.input<typeof EscalationSpec>;

/**
 * Where a product's own plan routes a company severity beyond 000's defaults (lib/model/routing.ts): PlumberLeads'
 * "P2 (High): PagerDuty, Email, Slack", Driplo's "Email for non-critical issues". Additions only: a plan cannot take
 * a severity's default route away.
 */
export const SeverityRouteSpec = z.strictObject({
    severity: Severity,
    /** Also open a low-urgency incident on the product's low-urgency pager service: the on-call is told, not woken. */
    lowUrgencyPage: z.literal(true).optional(),
    /** Also email the product team (`team.email`). */
    emailTeam: z.literal(true).optional(),
    source: Citation,
});
export type SeverityRouteSpec = z.infer<typeof SeverityRouteSpec>;

/**
 * Routing by component (004 §Alert Routes): the pages of alerts of these categories go to the component's own
 * on-call (the DBA, security, DevOps rotation), a rotation the stack config names by `oncallTeam`.
 */
export const ComponentRouteSpec = z.strictObject({
    component: Slug,
    /** Alert categories of the component (`database`, `security`, `saturation`...). */
    categories: z.array(z.enum(MONITOR_CATEGORIES)).min(1),
    /** Key of the component's rotation in the stack config's `oncall.teams`. */
    oncallTeam: Slug,
    source: Citation,
});
export type ComponentRouteSpec = z.infer<typeof ComponentRouteSpec>;

export const NotMonitored = z.strictObject({ item: z.string().min(3), reason: z.string().min(10), source: Citation });

export const ProductSpec = z.strictObject({
    key: Slug,
    displayName: z.string().min(1),
    company: z.string().min(1),
    description: z.string().min(10),
    team: z.strictObject({
        /** Datadog team handle and `team:` tag value. */
        handle: Slug,
        name: z.string().min(1),
        email: z.email(),
        /** The product's own Slack channel (without #) for team notifications. */
        slackChannel: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/),
    }),
    /** 1 = revenue-critical, 3 = best effort. */
    tier: z.number().int().min(1).max(3),
    lifecycle: z.enum(["production", "experimental", "deprecated"]).default("production"),
    /** Which plan in shared/seeds this spec implements. */
    plan: z.string().min(3),
    /** How the product's own severity scale maps onto the company's P0–P3 (documentation; monitors carry both). */
    severityMapping: z.record(z.string(), Severity).optional(),
    surfaces: z.array(Surface).min(1),
    monitors: z.array(MonitorSpec).min(1),
    slos: z.array(SloSpec).min(1),
    logs: LogsSpec,
    synthetics: z.array(SyntheticSpec).min(1),
    security: z.array(SecurityRuleSpec).default([]),
    /**
     * Synthetic HTTP checks (ids of `api` synthetics) that AWS CloudWatch repeats as a second monitor independent of
     * Datadog: a Route 53 health check on the same URL with a CloudWatch alarm (004 §Monitoring Components).
     */
    cloudwatchSecondary: z.strictObject({ synthetics: z.array(Slug).min(1), source: Citation }).optional(),
    escalation: EscalationSpec,
    /** The plan's additions to the company routes of some severities. */
    severityRoutes: z.array(SeverityRouteSpec).default([]),
    /** Components whose pages go to their own on-call rotation instead of the product's. */
    componentRoutes: z.array(ComponentRouteSpec).default([]),
    /** Plan items deliberately not turned into monitors, with the reason. */
    notMonitored: z.array(NotMonitored).default([]),
});
export type ProductSpec = z.input<typeof ProductSpec>;
/** A product spec after validation, defaults applied. */
export type Product = z.infer<typeof ProductSpec>;
