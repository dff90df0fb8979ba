/**
 * Driplo thresholds of 003 §Alert Configuration (performance and infrastructure warning/critical pairs) and
 * §2.1 Critical Alerts.
 */
import {
    apmErrorRate,
    apmLatency,
    eventRatio,
    gauge,
    gaugeRatio,
    percentile,
    serviceCheck,
    webVital,
} from "../../lib/inputs/catalog/factories";
import type { MonitorSpec } from "../../lib/inputs/catalog/schema";
import { ms, s } from "../../lib/inputs/catalog/units";

/** Used memory of the Supabase database instance in %: 1 − MemAvailable / MemTotal (excludes reclaimable page cache). */
const SUPABASE_MEMORY_USED: MonitorSpec["query"] = {
    kind: "ratio",
    complement: true,
    scale: 100,
    timeAggregation: "avg",
    window: "5m",
    numerator: { metric: "supabase.node.memory.mem_available_bytes", aggregation: "avg" },
    denominator: { metric: "supabase.node.memory.mem_total_bytes", aggregation: "avg" },
};
export const TECHNICAL_MONITORS: MonitorSpec[] = [
    // ---- 003 §Alert Configuration / Performance Thresholds (warning / critical) ----
    // page_load_time: >2s (warning), >5s (critical). RUM measures are in nanoseconds: 2 s = 2e9 ns, 5 s = 5e9 ns.
    webVital({
        id: "page-load-time",
        surface: "web",
        severity: "P1",
        planSeverity: "critical",
        vital: "loading-time",
        critical: s(5),
        warning: s(2),
        title: "Page load time (p75) above {critical}",
        whatHappened: "The 75th percentile page load time seen by real users exceeded the threshold over the last {window}.",
        firstSteps: [
            "Open RUM views sorted by loading time to find the slow pages",
            "Check the resources waterfall for slow images or third-party scripts",
            "Check API latency for the data the slow pages load",
        ],
        source: "003 §Alert Configuration / Performance Thresholds (page_load_time >2s warning, >5s critical)",
    }),
    // api_response_time: >2s (critical), also §2.1 Critical Alerts "API response time > 2 seconds": critical, so it
    // pages. Read as the p95 (like the latency SLO), p95 > 2 s is "more than 5% of requests slower than 2 s", written
    // as that ratio because a ratio takes a volume floor and a percentile does not: at night one slow request is the
    // whole p95 of a quiet window, and would page. The floor of 100 requests in 5 minutes takes 5 slow requests to
    // page. driplo.requests.slow is a custom counter: the API middleware that counts driplo.requests.total and
    // driplo.requests.fast (the latency SLO) counts the requests over 2 s.
    eventRatio({
        id: "api-response-time",
        surface: "api",
        severity: "P0",
        planSeverity: "critical",
        category: "latency",
        numerator: "driplo.requests.slow",
        denominator: "driplo.requests.total",
        window: "5m",
        minCount: 100,
        critical: 5,
        title: "API requests slower than two seconds above {critical}",
        whatHappened:
            "More than {critical} of API requests took longer than two seconds over the last {window} (p95 response time above two seconds; custom counter driplo.requests.slow).",
        firstSteps: [
            "Open APM latency by route to find the slow endpoints",
            "Check Supabase query time (database query monitor) and Stripe calls in slow traces",
            "Check Vercel function cold starts and region placement",
        ],
        source: "003 §2.1 Critical Alerts (API response time > 2 seconds); §Alert Configuration / Performance Thresholds (api_response_time >2s critical)",
    }),
    // api_response_time: >500ms (warning): the p95 above 500 ms, performance degradation (003 P2). A P2 does not
    // page, so the percentile needs no volume floor. APM latency is in seconds: 500 ms = 0.5 s.
    apmLatency({
        id: "api-response-time-warning",
        surface: "api",
        severity: "P2",
        planSeverity: "warning",
        span: "web.request",
        critical: ms(500),
        title: "API p95 response time above {critical}",
        whatHappened: "The 95th percentile API response time exceeded {critical} over the last {window}.",
        firstSteps: [
            "Open APM latency by route to find the endpoints that slowed down",
            "Compare with the latest Vercel deployment and the performance-regression monitor",
            "Check Supabase query time and Stripe calls in slow traces",
        ],
        source: "003 §Alert Configuration / Performance Thresholds (api_response_time >500ms warning)",
    }),
    // database_query_time: >100ms (warning), >500ms (critical); the marketplace Performance Budget "Database Query:
    // >100ms" is this warning. Distribution metric in ms from the API's Supabase client wrapper, tagged
    // service:driplo-db.
    percentile({
        id: "db-query-time",
        surface: "database",
        severity: "P1",
        planSeverity: "critical",
        metric: { metric: "driplo.db.query.duration", unit: "ms" },
        critical: ms(500),
        warning: ms(100),
        category: "database",
        title: "Database query time (p95) above {critical}",
        whatHappened: "The 95th percentile database query time exceeded the threshold over the last {window}.",
        firstSteps: [
            "Open Supabase Query Performance (pg_stat_statements) and sort by mean time",
            "Check for missing indexes on the listing/search tables and for lock waits",
            "Check Supabase connection pool (Supavisor) saturation",
        ],
        source: "003 §Alert Configuration / Performance Thresholds (database_query_time >100ms warning, >500ms critical); §Performance Budget Alerts (Database Query >100ms)",
    }),
    // error_rate: >1% (warning), >5% (critical)
    apmErrorRate({
        id: "error-rate",
        surface: "api",
        severity: "P1",
        planSeverity: "critical",
        span: "web.request",
        minRequests: 100,
        critical: 5,
        warning: 1,
        title: "API error rate above {critical}",
        whatHappened: "The share of API requests failing with server errors exceeded the threshold over the last {window}.",
        firstSteps: [
            "Open APM errors by route and the matching Sentry issue",
            "Check Supabase and Stripe status pages",
            "Roll back the latest Vercel deployment if the errors started with it",
        ],
        source: "003 §Alert Configuration / Performance Thresholds (error_rate >1% warning, >5% critical)",
    }),
    // ---- 003 §Alert Configuration / Infrastructure Thresholds (warning / critical) ----
    // Driplo's web and API run on Vercel, which has no hosts: host metrics (`system.*` by host) would never report.
    // The one machine Driplo runs is its Supabase database instance, whose node metrics Datadog's Supabase check
    // collects (supabase.node.*); CPU, memory and disk thresholds watch it. Used = 1 − available / total.
    // cpu_usage: >70% (warning), >90% (critical); CPU seconds per mode, all modes but idle.
    {
        id: "cpu-usage",
        title: "Database instance CPU usage above {critical}",
        category: "saturation",
        severity: "P1",
        planSeverity: "critical",
        surface: "database",
        query: {
            kind: "ratio",
            complement: true,
            scale: 100,
            timeAggregation: "sum",
            window: "5m",
            numerator: { metric: "supabase.node.cpu.seconds.count", aggregation: "sum", asCount: true, filter: { mode: "idle" } },
            denominator: { metric: "supabase.node.cpu.seconds.count", aggregation: "sum", asCount: true },
        },
        comparator: ">",
        critical: 90,
        warning: 70,
        unit: "%",
        whatHappened: "CPU usage of the Supabase database instance exceeded the threshold over the last {window}.",
        firstSteps: [
            "Find the queries using the CPU in Supabase Query Performance (pg_stat_statements, sorted by total time)",
            "Check request volume: a traffic spike or scraping (see the security signals) raises CPU",
            "Upgrade the compute add-on, or roll back a deployment that introduced a hot query",
        ],
        source: "003 §Alert Configuration / Infrastructure Thresholds (cpu_usage >70% warning, >90% critical)",
    },
    // memory_usage: >80% (warning), >95% (critical); MemAvailable excludes reclaimable page cache.
    {
        id: "memory-usage",
        title: "Database instance memory usage above {critical}",
        category: "saturation",
        severity: "P1",
        planSeverity: "critical",
        surface: "database",
        query: SUPABASE_MEMORY_USED,
        comparator: ">",
        critical: 95,
        warning: 80,
        unit: "%",
        whatHappened: "Memory usage of the Supabase database instance exceeded the threshold over the last {window}.",
        firstSteps: [
            "Check connection count and work_mem-heavy queries (sorts, hashes) in Supabase",
            "Check for long-running or idle-in-transaction sessions",
            "Upgrade the compute add-on if the memory follows traffic",
        ],
        source: "003 §Alert Configuration / Infrastructure Thresholds (memory_usage >80% warning, >95% critical)",
    },
    // §2.1 Critical Alerts lists "Memory usage > 85%" — a different value from the threshold table above; both
    // are kept as written in the plan. A critical alert, so it pages; the 5-minute average keeps a one-minute spike
    // from paging.
    {
        id: "memory-usage-critical",
        title: "Database instance memory usage above {critical} (critical alert)",
        category: "saturation",
        severity: "P0",
        planSeverity: "critical",
        surface: "database",
        query: SUPABASE_MEMORY_USED,
        comparator: ">",
        critical: 85,
        unit: "%",
        whatHappened: "Memory usage of the Supabase database instance stayed above {critical} over the last {window}.",
        firstSteps: [
            "Check connection count and work_mem-heavy queries in Supabase",
            "Check the memory-usage monitor trend to see how fast it approaches 95%",
            "Upgrade the compute add-on before the instance starts swapping",
        ],
        source: "003 §2.1 Critical Alerts / System Health Alerts (Memory usage > 85%)",
    },
    // disk_usage: >85% (warning), >95% (critical), per filesystem.
    gaugeRatio({
        id: "disk-usage",
        title: "Database disk usage above {critical}",
        severity: "P1",
        planSeverity: "critical",
        surface: "database",
        numerator: { metric: "supabase.node.filesystem.available_bytes", aggregation: "min", groupBy: ["device"] },
        denominator: { metric: "supabase.node.filesystem.size_bytes", aggregation: "max", groupBy: ["device"] },
        complement: true,
        timeAggregation: "avg",
        window: "5m",
        scale: 1,
        comparator: ">",
        critical: 0.95,
        warning: 0.85,
        whatHappened: "A filesystem of the Supabase database instance is fuller than the threshold.",
        firstSteps: [
            "Check table and index sizes (and bloat) in Supabase",
            "Check WAL retained by inactive replication slots",
            "Enlarge the disk (Supabase auto-scales it, at most once every 6 hours) or archive old listings",
        ],
        source: "003 §Alert Configuration / Infrastructure Thresholds (disk_usage >85% warning, >95% critical)",
    }),
    // network_latency: >200ms (warning), >1s (critical): TCP connect time of the API health synthetic (ms), measured
    // from Datadog's locations to the Vercel edge; the Agent-5 host metric system.net.tcp.rtt.avg has no host here.
    gauge({
        id: "network-latency",
        surface: "api",
        severity: "P1",
        planSeverity: "critical",
        category: "latency",
        metric: "synthetics.http.connect.time",
        window: "5m",
        critical: s(1),
        warning: ms(200),
        title: "Network latency above {critical}",
        whatHappened: "The TCP connect time to the Driplo API from Datadog's test locations exceeded the threshold over the last {window}.",
        firstSteps: [
            "Check which test locations are slow (one region or all)",
            "Check the Vercel and CDN status for regional network issues",
            "Check DNS and TLS timings of the same test runs",
        ],
        source: "003 §Alert Configuration / Infrastructure Thresholds (network_latency >200ms warning, >1s critical)",
    }),
    // ---- 003 §1.2 Database Monitoring (connection pool status) and the addendum's Supabase connection-pool alerting ----
    // Server connections over max_connections, from the Datadog Postgres check (the one behind db-connection-failures):
    // Supabase's pooler (Supavisor), PostgREST, Auth, Realtime and Storage all hold their pools there, so this is the
    // limit that refuses new connections. Volume-free (a 0-1 fraction); the plan gives no number: 80% warns, 90% is
    // critical. Not supabase.pgrst.db_pool.available / max: PostgREST counts only idle connections it has opened and
    // its pool grows on demand, so an idle pool would read 100% used.
    gauge({
        id: "db-connection-pool",
        surface: "database",
        severity: "P1",
        category: "database",
        metric: { metric: "postgresql.percent_usage_connections", aggregation: "max" },
        window: "5m",
        critical: 0.9,
        warning: 0.8,
        unit: "ratio",
        title: "Database connection usage above {critical} of max_connections",
        whatHappened:
            "Connections to the Supabase database are close to max_connections; new connections from the pooler and the API will soon be refused.",
        firstSteps: [
            "Check pg_stat_activity for idle-in-transaction or long-running sessions and who holds them (application_name)",
            "Check Supavisor pool size and whether API routes connect directly instead of through the pooler (port 6543)",
            "Terminate stuck sessions; upgrade the compute add-on (it raises max_connections) if the load is legitimate",
        ],
        source: "003 §1.2 Infrastructure Monitoring / Database Monitoring (Connection pool status); §Supabase-Integrated Monitoring Stack (Connection pool monitoring and alerting)",
    }),
    // ---- 003 §2.1 Critical Alerts ----
    // Service downtime (> 30 seconds): the agent HTTP check runs every 15 s, so 2 consecutive failures = 30 s.
    serviceCheck({
        id: "service-down",
        surface: "web",
        severity: "P0",
        planSeverity: "critical",
        check: "http.can_connect",
        title: "Driplo site down",
        whatHappened: "The HTTP check against driplo.com failed twice in a row; the marketplace is unreachable.",
        firstSteps: [
            "Open driplo.com from outside and note the error (DNS, TLS, 5xx, timeout)",
            "Check the Vercel deployment status and roll back a bad deployment",
            "Check Supabase status (auth and database failures take the site down)",
            "Update the status page",
        ],
        source: "003 §2.1 Critical Alerts / System Health Alerts (Service downtime > 30 seconds)",
    }),
    // Database connection failures; 003 P0: database unreachable
    serviceCheck({
        id: "db-connection-failures",
        surface: "database",
        severity: "P0",
        planSeverity: "P0 (database unreachable)",
        check: "postgres.can_connect",
        category: "database",
        title: "Database unreachable",
        whatHappened: "The Datadog Postgres check could not connect to the Supabase database twice in a row.",
        firstSteps: [
            "Check the Supabase dashboard and status page for the project",
            "Check connection limits and Supavisor pool saturation",
            "Check whether the project was paused or its credentials rotated",
        ],
        source: "003 §2.1 Critical Alerts (Database connection failures); §Alert Prioritization (P0: database unreachable)",
    }),
];
