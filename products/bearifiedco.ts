/**
 * Data shared by the four BearifiedCo products (BEARO, AlphaBuilder, Primape, Chimpanion), all from the
 * company plan 000. Each product spreads these into its own spec. Data only.
 *
 * All four run their API as Next.js API routes (Node, dd-trace `next` integration), so the APM operation is
 * `next.request` and the trace metrics are `trace.next.request*` (latency distribution in seconds).
 */
import { apmErrorRate, apmLatency, eventCount, gauge, vercelMonitors, webVitalsMonitors } from "../lib/inputs/catalog/factories";
import type { LogsSpec, MonitorSpec, SloSpec } from "../lib/inputs/catalog/schema";
import { s } from "../lib/inputs/catalog/units";

/** 000 §Phase 1 / Basic Alerting: API downtime, database connectivity, error rate > 1%, response time > 3 s. */
export const BEARIFIEDCO_BASIC_ALERTS: MonitorSpec[] = [
    {
        // 000 §Basic Alerting: API downtime
        id: "api-down",
        title: "API down",
        category: "availability",
        severity: "P0",
        surface: "api",
        // Datadog agent HTTP check on the API health endpoint; 2 consecutive failures alert.
        query: { kind: "service-check", check: "http.can_connect", lastRuns: 3 },
        comparator: ">=",
        critical: 2,
        unit: "consecutive failed checks",
        notifyNoData: true,
        whatHappened: "The HTTP check against the API health endpoint failed twice in a row, so the API is unreachable for users.",
        firstSteps: [
            "Open the API health endpoint from outside the network and note the status code or timeout",
            "Check the Vercel deployment and function logs for crashes or a failed recent deploy; roll back if the deploy is new",
            "Check the status pages of Vercel and the database provider",
            "Update the status page if the outage lasts more than 5 minutes",
        ],
        source: "000 §Phase 1 / Basic Alerting (API downtime)",
    },
    {
        // 000 §Basic Alerting: Database connectivity
        id: "db-connectivity",
        title: "Database connectivity lost",
        category: "database",
        severity: "P0",
        surface: "api",
        // Datadog Postgres check, instance tagged with the API's service.
        query: { kind: "service-check", check: "postgres.can_connect", lastRuns: 3 },
        comparator: ">=",
        critical: 2,
        unit: "consecutive failed checks",
        notifyNoData: true,
        whatHappened: "The Datadog Postgres check could not connect to the product database twice in a row.",
        firstSteps: [
            "Check the database provider console for an outage, maintenance or a paused instance",
            "Check connection counts against the connection limit (pool exhaustion looks like connectivity loss)",
            "Verify the database credentials and network allow-list have not changed (rotated secret, new egress IP)",
        ],
        source: "000 §Phase 1 / Basic Alerting (Database connectivity)",
    },
    // 000 §Basic Alerting: High error rates (>1%), counted over at least 100 requests so one error at night cannot alert.
    apmErrorRate({
        id: "api-error-rate",
        severity: "P1",
        surface: "api",
        span: "next.request",
        minRequests: 100,
        critical: 1,
        title: "API error rate above {critical}",
        whatHappened: "More than {critical} of API requests failed with server errors over the last {window}.",
        firstSteps: [
            "Open APM for the service and sort resources by error count to find the failing endpoint",
            "Check Sentry for a new issue that started with the spike",
            "Compare with the latest deployment marker; roll back if the errors started with it",
        ],
        source: "000 §Phase 1 / Basic Alerting (High error rates >1%)",
    }),
    // 000 §Basic Alerting: Slow response times (>3s)
    apmLatency({
        id: "api-slow-response",
        severity: "P1",
        surface: "api",
        span: "next.request",
        critical: s(3),
        title: "API p95 response time above {critical}",
        whatHappened: "The 95th percentile API response time exceeded 3 seconds over the last {window}.",
        firstSteps: [
            "Open APM latency by resource to find the slow endpoints",
            "Check database query latency and external API calls in the slow traces",
            "Check Vercel function cold starts and duration limits for the affected routes",
        ],
        source: "000 §Phase 1 / Basic Alerting (Slow response times >3s)",
    }),
];

/**
 * 000 §Phase 1 / Infrastructure Monitoring and §Phase 2 for the BearifiedCo products, which share one shape: a Next.js
 * API and a Next.js web app, each its own Vercel project, on a Postgres database watched by the Datadog Postgres check
 * (its instance tagged with the API's service, like db-connectivity).
 */
export const BEARIFIEDCO_PLATFORM_MONITORS: MonitorSpec[] = [
    // 000 §Infrastructure Monitoring / Database Monitoring: connection pools. Datadog's recommended Postgres monitor
    // (integrations-core postgres/assets/monitors/percent_usage_connections.json): avg over 15 min of connections /
    // max_connections (a 0-1 fraction), warning 0.8, critical 0.9. Approaching a limit is P2 (000 §Severity Levels).
    gauge({
        id: "db-connection-pool",
        surface: "api",
        severity: "P2",
        category: "database",
        metric: { metric: "postgresql.percent_usage_connections", aggregation: "max" },
        window: "15m",
        critical: 0.9,
        warning: 0.8,
        unit: "ratio",
        title: "Database connections above {critical} of max_connections",
        whatHappened:
            "The database's open connections averaged more than {critical} of max_connections over the last {window}; new serverless instances will soon fail to connect.",
        firstSteps: [
            "Check pg_stat_activity for idle or idle-in-transaction sessions and which application holds them",
            "Check that the API connects through the provider's pooler (transaction mode) and that each function instance caps its pool at a few connections",
            "Terminate stuck sessions; raise max_connections or the plan's connection limit if the load is organic",
        ],
        source: "000 §Phase 1 / Infrastructure Monitoring (Database Monitoring: connection pools)",
    }),
    // 000 §Infrastructure Monitoring / Database Monitoring: deadlocks. postgresql.deadlocks.count is the check's count
    // of deadlocks since the last run (postgresql.deadlocks is the same as a per-second rate), summed over 15 min.
    eventCount({
        id: "db-deadlocks",
        surface: "api",
        severity: "P2",
        category: "database",
        metric: "postgresql.deadlocks.count",
        window: "15m",
        comparator: ">",
        critical: 0,
        title: "Database deadlocks detected",
        whatHappened:
            "PostgreSQL detected deadlocks in the last {window}: one transaction of each pair was aborted and its request failed.",
        firstSteps: [
            "Find the deadlock report in the database log (the two statements and the locks they waited for)",
            "Check the code paths of those statements for rows or tables locked in different orders",
            "Fix the lock order, or lock with SELECT ... FOR UPDATE in one consistent order; retry aborted transactions",
        ],
        source: "000 §Phase 1 / Infrastructure Monitoring (Database Monitoring: deadlocks)",
    }),
    // Both Vercel projects: function errors, failed builds, cold starts.
    ...["api", "web"].flatMap((surface) =>
        vercelMonitors({
            surface,
            source: {
                errors: "000 §Phase 1 / Infrastructure Monitoring (Vercel Integration: error rates); §Phase 1 / Basic Alerting (High error rates >1%)",
                builds: "000 §Phase 1 / Infrastructure Monitoring (Vercel Integration: build metrics, deployment failures)",
                coldStarts:
                    "000 §Phase 2 / Backend APM (Function cold starts); 3 s from §Phase 1 / Basic Alerting (Slow response times >3s)",
            },
        }),
    ),
    // 000 §Phase 2 / Frontend RUM: Core Web Vitals (performance warning, P2) and JavaScript errors (high error rate, P1).
    ...webVitalsMonitors({
        surface: "web",
        source: {
            vitals: "000 §Phase 2 / Frontend RUM (Page load times, Core Web Vitals)",
            errors: "000 §Phase 2 / Frontend RUM (JavaScript errors)",
        },
    }),
];

/**
 * Log settings of the BearifiedCo products: JSON logs, 10% sampling of high-volume logs, old logs archived to S3.
 * The plan gives no day counts; hot days are CloudWatch-accepted values.
 */
export const BEARIFIEDCO_LOGS: LogsSpec = {
    format: "json",
    types: [
        {
            type: "app",
            hotDays: 14,
            warmDays: 30,
            coldDays: 365,
            source: "000 §Cost Optimization (Archive old logs to S3) / §Security & Compliance (Retention policies)",
        },
        {
            type: "security",
            hotDays: 30,
            warmDays: 90,
            coldDays: 365,
            source: "000 §Phase 3 / Security Monitoring; §Security & Compliance (Audit logging, Retention policies)",
        },
    ],
    // 000 §Cost Optimization: sample high-volume logs (10%)
    sampleRate: 0.1,
    dailyQuotaMillions: 10,
};

/** Items of the company plan that are dashboards or goals rather than alert thresholds. */
export const BEARIFIEDCO_NOT_MONITORED: Array<{ item: string; reason: string; source: string }> = [
    {
        item: "A/B test results, conversion funnels, retention metrics",
        reason: "Product Dashboard analytics with no alert threshold; reviewed on dashboards, not paged on",
        source: "000 §Dashboards / Product Dashboard",
    },
    {
        item: "Feature usage, feature adoption, user flows, drop-off points",
        reason: "Custom business metrics for dashboards and trends; the plan sets no alert threshold",
        source: "000 §Phase 2 / Custom Metrics (Feature usage)",
    },
    {
        item: "MTTD < 2 min, MTTR < 30 min, < 5 min detection time",
        reason: "Programme goals measured from incident history, not a signal a monitor can evaluate",
        source: "000 §Success Metrics",
    },
    {
        item: "Deployment markers, build metrics, rollback triggers",
        reason: "CI/CD integration (deployment events), not a threshold; deployment markers are correlated in dashboards",
        source: "000 §Integration Points / CI/CD Pipeline",
    },
];

/**
 * 000's SLOs of a BearifiedCo API: 99.9% availability (§Success Metrics, Month 3 goals) and 95% of requests under
 * 3 s (the p95 > 3 s basic alert), on the counters the API middleware emits (`<key>.requests.ok/.fast/.total`).
 */
export function bearifiedcoApiSlos(key: string, displayName: string): SloSpec[] {
    const counter = (name: string) => ({ metric: `${key}.requests.${name}`, aggregation: "sum" as const, asCount: true });
    return [
        {
            id: "api-availability",
            title: `${displayName} API availability`,
            kind: "availability",
            surface: "api",
            target: 99.9,
            timeframes: ["30d", "7d"],
            // Non-5xx responses over all responses.
            good: counter("ok"),
            total: counter("total"),
            source: "000 §Success Metrics / Month 3 Goals (99.9% uptime achieved)",
        },
        {
            id: "api-latency",
            title: `${displayName} API requests under 3 s`,
            kind: "latency",
            surface: "api",
            target: 95,
            timeframes: ["30d", "7d"],
            good: counter("fast"),
            total: counter("total"),
            source: "000 §Phase 1 / Basic Alerting (Slow response times >3s)",
        },
    ];
}
