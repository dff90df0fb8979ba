/**
 * PlumberLeads — lead marketplace for plumbers (Python Flask app behind Nginx, PostgreSQL, Redis, Stripe).
 * Plan: 004 PlumberLeads Monitoring & Logging Documentation. Every alert threshold of its metric tables is one
 * monitor below; its Synthetic Checks table is the synthetics; its Log Retention table is the log tiers.
 *
 * The plan's tables give no per-metric severity; each monitor is assigned a plan severity from its scale
 * (§Alert Severity Levels): P1 Critical = outage/severe degradation, P2 High = major functionality impacted,
 * P3 Medium = minor functionality impacted, P4 Low = non-critical. Business metrics never get P1 (§Alert Routes:
 * Business Metrics P1 recipient N/A).
 *
 * APM: dd-trace-py Flask integration, operation `flask.request` (trace metrics `trace.flask.request*`, latency in
 * seconds); per-endpoint resource_name tag values are normalized by Datadog ("GET /api/leads" → "get_/api/leads").
 */
import { apmLatency, browserJourney, dayOverDayDrop, eventCount, eventRatio, gauge, healthCheck, hostCpu, hostMemory, serviceCheck, sslCheck, webVital } from "../lib/inputs/catalog/factories";
import type { ProductSpec } from "../lib/inputs/catalog/schema";
import { min, ms, s } from "../lib/inputs/catalog/units";
import { COMPANY_ESCALATION } from "./defaults";

export const plumberleads: ProductSpec = {
    key: "plumberleads",
    displayName: "PlumberLeads",
    company: "PlumberLeads",
    description: "Lead marketplace: homeowners' plumbing jobs become leads that registered plumbers claim and pay for.",
    team: {
        handle: "plumberleads",
        name: "PlumberLeads Team",
        email: "plumberleads-team@plumberleads.com",
        slackChannel: "plumberleads-alerts",
    },
    tier: 1,
    lifecycle: "production",
    plan: "004 PlumberLeads Monitoring & Logging Documentation",
    // 004 §Alert Severity Levels
    severityMapping: {
        "P1 (Critical)": "P0",
        "P2 (High)": "P1",
        "P3 (Medium)": "P2",
        "P4 (Low)": "P3",
    },
    surfaces: [
        {
            name: "api",
            kind: "api",
            // 004 Appendix A logging configuration: "service": "plumberleads-api"
            service: "plumberleads-api",
            language: "Python",
            framework: "Flask",
            sentryPlatform: "python-flask",
            host: "api.plumberleads.com",
        },
        {
            name: "web",
            kind: "web",
            service: "plumberleads-web",
            language: "JavaScript",
            framework: "Server-rendered pages behind Nginx with Datadog RUM",
            sentryPlatform: "javascript",
            host: "plumberleads.com",
        },
        {
            name: "admin",
            kind: "admin",
            service: "plumberleads-admin",
            language: "Python",
            framework: "Flask (admin dashboard and /api/admin/*)",
            sentryPlatform: "python-flask",
            host: "admin.plumberleads.com",
        },
        {
            name: "database",
            kind: "database",
            service: "plumberleads-db",
            language: "SQL",
            framework: "PostgreSQL",
        },
        {
            name: "cache",
            kind: "cache",
            service: "plumberleads-cache",
            language: "Redis",
            framework: "Redis",
        },
    ],
    monitors: [
        // 004 §Synthetic Checks (Home Page Availability >99.9% uptime) and §Alert Severity Levels (P1: service
        // outage): the agent's HTTP check is the page-worthy outage signal; the synthetic test measures uptime.
        serviceCheck({
            id: "api-down", surface: "api", severity: "P0", planSeverity: "P1 (Critical)", check: "http.can_connect", title: "API down",
            whatHappened: "The HTTP check against the API health endpoint failed twice in a row: plumbers cannot log in or claim leads.",
            firstSteps: [
                "Open https://api.plumberleads.com/api/health from outside the network and note the status code or timeout",
                "Check the load balancer and the gunicorn processes on the application hosts",
                "Roll back the latest deploy if it is recent; update Statuspage.io if the outage lasts more than 5 minutes",
            ],
            source: "004 §Synthetic Checks (Home Page Availability >99.9% uptime); §Alert Severity Levels (P1 service outage)",
        }),
        // ==== 004 §System Metrics / Server Metrics (application hosts) ====
        // CPU Utilization >85% for 5 min; Appendix B "Critical CPU Alert": avg(last_5m) by host, warning 75
        hostCpu({
            id: "cpu-usage", surface: "api", severity: "P1", planSeverity: "P2 (High)", critical: 85, warning: 75, title: "CPU usage above {critical}",
            whatHappened: "CPU usage on an application host stayed above the threshold over the last {window}.",
            firstSteps: [
                "Find the process using the CPU on the host (gunicorn workers, background jobs)",
                "Check APM for the endpoints driving the load and CPU time per request", "Scale out the application servers if the load is legitimate traffic",
            ],
            source: "004 §Server Metrics (CPU Utilization >85% for 5 min); Appendix B Critical CPU Alert (warning 75)",
        }),
        // Memory Usage >90% for 5 min; Appendix C: system.mem.used / system.mem.total * 100 by host
        hostMemory({
            id: "memory-usage", surface: "api", severity: "P1", planSeverity: "P2 (High)", critical: 90, title: "Memory usage above {critical}",
            whatHappened: "Memory usage on an application host stayed above {critical} over the last {window}.",
            firstSteps: [
                "Find the process using the memory and check whether it grows steadily (leak)", "Check memory per request in APM for a leaking endpoint",
                "Restart the leaking workers one at a time; scale up if the usage is legitimate",
            ],
            source: "004 §Server Metrics (Memory Usage >90% for 5 min); Appendix C System Health Dashboard (memory formula)",
        }),
        // Disk Usage >85%; system.disk.in_use is a 0-1 fraction (85% = 0.85)
        gauge({
            id: "disk-usage", surface: "api", severity: "P2", planSeverity: "P3 (Medium)",
            metric: { metric: "system.disk.in_use", aggregation: "max", groupBy: ["host", "device"] }, window: "5m", critical: 0.85, unit: "ratio",
            title: "Disk usage above {critical}", whatHappened: "A disk on a PlumberLeads host is more than {critical} full.",
            firstSteps: [
                "Find the largest directories (logs, database files, temp uploads)",
                "Check that log rotation and Filebeat shipping work (hot logs should not pile up locally)", "Resize the volume if growth is organic",
            ],
            source: "004 §Server Metrics (Disk Usage >85%)",
        }),
        // Disk I/O >90% of capacity: device utilization (% of time busy)
        gauge({
            id: "disk-io", surface: "api", severity: "P2", planSeverity: "P3 (Medium)",
            metric: { metric: "system.io.util", aggregation: "max", groupBy: ["host", "device"] }, window: "5m", critical: 90, unit: "%",
            title: "Disk I/O utilization above {critical}",
            whatHappened: "A disk on a PlumberLeads host was busy more than {critical} of the time over the last {window}.",
            firstSteps: [
                "Find the process doing the I/O (iotop): database, log writes, backups", "Check whether a backup or vacuum is running at the time",
                "Move heavy I/O off peak or to faster storage",
            ],
            source: "004 §Server Metrics (Disk I/O >90% of capacity)",
        }),
        // Load Average > system cores x 1.5: normalized load (load / cores) > 1.5
        gauge({
            id: "load-average", surface: "api", severity: "P2", planSeverity: "P3 (Medium)", metric: { metric: "system.load.norm.1", groupBy: ["host"] },
            window: "5m", critical: 1.5, unit: "load per core", title: "Load average above {critical} x cores",
            whatHappened: "The load average on a host stayed above {critical} times its CPU core count over the last {window}.",
            firstSteps: [
                "Check CPU and disk I/O wait on the host to see what the queue waits on", "Check the number of gunicorn workers and background jobs running",
                "Scale out if the host is saturated by legitimate load",
            ],
            source: "004 §Server Metrics (Load Average >system cores x 1.5)",
        }),
        // Process Count >500
        gauge({
            id: "process-count", surface: "api", severity: "P2", planSeverity: "P3 (Medium)",
            metric: { metric: "system.proc.count", aggregation: "max", groupBy: ["host"] }, window: "5m", critical: 500, unit: "count",
            title: "More than {critical} processes",
            whatHappened: "More than {critical} processes are running on a host; a fork loop or leaked child processes are likely.",
            firstSteps: [
                "List processes by parent (ps -ef --forest) to find the one spawning children", "Check for zombie or stuck cron/background job processes",
                "Restart the offending service",
            ],
            source: "004 §Server Metrics (Process Count >500)",
        }),
        // Open File Descriptors >85% of max; system.fs.file_handles.in_use is a 0-1 fraction of the system maximum
        gauge({
            id: "file-descriptors", surface: "api", severity: "P2", planSeverity: "P3 (Medium)",
            metric: { metric: "system.fs.file_handles.in_use", aggregation: "max", groupBy: ["host"] }, window: "5m", critical: 0.85, unit: "ratio",
            title: "Open file descriptors above {critical} of max",
            whatHappened: "More than {critical} of the system's file handles are in use on a host; new connections and files will start failing.",
            firstSteps: [
                "Find the process holding the most descriptors (ls /proc/*/fd | wc)",
                "Check for leaked sockets (connections not closed to database, Redis, HTTP clients)",
                "Restart the leaking service; raise limits only after fixing the leak",
            ],
            source: "004 §Server Metrics (Open File Descriptors >85% of max)",
        }),
        // ==== 004 §System Metrics / Database Metrics (PostgreSQL integration) ====
        // Connection Count >85% of max and Connection Utilization >90% for 5 min: both are active connections over
        // max_connections (postgresql.percent_usage_connections, a 0-1 fraction) — 0.85 warns, 0.9 for 5 min is critical.
        gauge({
            id: "db-connections", surface: "database", severity: "P1", planSeverity: "P2 (High)", category: "database",
            metric: { metric: "postgresql.percent_usage_connections", aggregation: "max" }, window: "5m", critical: 0.9, warning: 0.85, unit: "ratio",
            title: "Database connection usage above {critical}",
            whatHappened: "Active database connections are close to max_connections; new requests will soon fail to connect.",
            firstSteps: [
                "Check pg_stat_activity for idle-in-transaction or long-running sessions",
                "Check the SQLAlchemy pool size times the number of workers against max_connections",
                "Terminate stuck sessions; add a pooler (PgBouncer) or reduce pool sizes",
            ],
            source: "004 §Database Metrics (Connection Count >85% of max; Connection Utilization >90% for 5 min)",
        }),
        // Query Performance >1 sec avg: APM psycopg spans (`postgres.query`, service mapped to plumberleads-db), seconds
        gauge({
            id: "db-query-time", surface: "database", severity: "P1", planSeverity: "P2 (High)", category: "database", metric: "trace.postgres.query",
            window: "5m", critical: s(1), title: "Average query time above {critical}",
            whatHappened: "The average database query time stayed above 1 second over the last {window}.",
            firstSteps: [
                "Review the slow query log (queries over 500 ms) and APM Database view for the slowest statements",
                "Check for blocking transactions and lock waits", "Verify index usage on the common queries (EXPLAIN ANALYZE)",
            ],
            source: "004 §Database Metrics (Query Performance >1 sec avg); §Troubleshooting / Database Performance Issues",
        }),
        // Index Hit Ratio <95%: idx_blks_hit / (idx_blks_hit + idx_blks_read) in percent, from a custom_queries entry
        // of the Postgres check (metric_prefix plumberleads.postgres); the ratio needs a sum in the denominator.
        gauge({
            id: "db-index-hit-ratio", surface: "database", severity: "P2", planSeverity: "P3 (Medium)", category: "database",
            metric: { metric: "plumberleads.postgres.index_hit_ratio", aggregation: "min" }, window: "15m", critical: 95, comparator: "<", unit: "%",
            title: "Index hit ratio below {critical}",
            whatHappened: "Less than {critical} of index block reads were served from memory over the last {window}.",
            firstSteps: [
                "Check which indexes are read from disk most (pg_statio_user_indexes)", "Check shared_buffers against the working set size",
                "Drop unused bloated indexes; consider more memory for the database",
            ],
            source: "004 §Database Metrics (Index Hit Ratio <95%)",
        }),
        // Replication Lag >30 sec
        gauge({
            id: "db-replication-lag", surface: "database", severity: "P1", planSeverity: "P2 (High)", category: "database",
            metric: { metric: "postgresql.replication_delay", aggregation: "max" }, window: "5m", critical: s(30), title: "Replication lag above {critical}",
            whatHappened: "A read replica is more than 30 seconds behind the primary; reads from it return stale data.",
            firstSteps: [
                "Check replication status on the primary (pg_stat_replication) and replica",
                "Check replica disk I/O and network throughput between primary and replica", "Route reads to the primary if the lag keeps growing",
            ],
            source: "004 §Database Metrics (Replication Lag >30 sec)",
        }),
        // Cache Hit Ratio <90%: blks_hit / (blks_hit + blks_read) in percent, from a custom_queries entry of the
        // Postgres check (the ratio needs a sum in the denominator).
        gauge({
            id: "db-cache-hit-ratio", surface: "database", severity: "P2", planSeverity: "P3 (Medium)", category: "database",
            metric: { metric: "plumberleads.postgres.cache_hit_ratio", aggregation: "min" }, window: "15m", critical: 90, comparator: "<", unit: "%",
            title: "Database cache hit ratio below {critical}",
            whatHappened: "Less than {critical} of data block reads were served from the database buffer cache over the last {window}.",
            firstSteps: [
                "Check for new full-table scans from recent queries (pg_stat_user_tables seq_scan)", "Check shared_buffers against the working set size",
                "Add missing indexes or more memory",
            ],
            source: "004 §Database Metrics (Cache Hit Ratio <90%)",
        }),
        // Deadlocks >0
        eventCount({
            id: "db-deadlocks", surface: "database", severity: "P2", planSeverity: "P3 (Medium)", category: "database", metric: "postgresql.deadlocks.count",
            window: "5m", critical: 0, comparator: ">", title: "Database deadlocks detected",
            whatHappened: "PostgreSQL detected deadlocks in the last {window}; one of the transactions was aborted.",
            firstSteps: [
                "Find the deadlock details in the database log (the two statements and locks)",
                "Check whether lead claiming or payment updates lock rows in different orders",
                "Fix the lock ordering or use SELECT ... FOR UPDATE SKIP LOCKED for claiming",
            ],
            source: "004 §Database Metrics (Deadlocks >0)",
        }),
        // ==== 004 §System Metrics / Cache Metrics (Redis integration) ====
        // Memory Usage >85% of Redis maxmemory
        {
            id: "redis-memory", title: "Redis memory usage above 85%", category: "saturation", severity: "P2", planSeverity: "P3 (Medium)", surface: "cache",
            query: {
                kind: "ratio", numerator: { metric: "redis.mem.used", aggregation: "max" }, denominator: { metric: "redis.mem.maxmemory", aggregation: "max" },
                scale: 100, timeAggregation: "avg", window: "5m",
            },
            comparator: ">", critical: 85, unit: "%", whatHappened: "Redis is using more than 85% of its maxmemory; evictions or write errors are close.",
            firstSteps: [
                "Check the biggest keys (redis-cli --bigkeys) and keys without TTL", "Check the eviction policy and whether evictions started",
                "Increase maxmemory or the instance size if usage is legitimate",
            ],
            source: "004 §Cache Metrics (Memory Usage >85%)",
        },
        // Cache Hit Rate <80%: hits / lookups counted by the app's cache layer (Redis reports hits and misses
        // separately and the ratio needs their sum in the denominator).
        eventRatio({
            id: "cache-hit-rate", surface: "api", severity: "P2", planSeverity: "P3 (Medium)", category: "saturation", numerator: "plumberleads.cache.hits",
            denominator: "plumberleads.cache.requests", window: "15m", critical: 80, comparator: "<",
            title: "Cache hit rate below {critical}",
            whatHappened: "Fewer than {critical} of cache lookups were hits over the last {window}, pushing load onto the database.",
            firstSteps: [
                "Check for a Redis restart/flush or an eviction spike", "Check whether a deployment changed cache keys or TTLs",
                "Check Redis memory usage: a full cache evicts useful keys",
            ],
            source: "004 §Cache Metrics (Cache Hit Rate <80%)",
        }),
        // Evictions >0 per sec. Datadog's Redis check reports redis.keys.evicted as a running total since Redis started,
        // so `> 0` on the raw value would alert forever after the first eviction: per_second() turns it into keys/s
        // (a restart's reset is a negative rate, which never alerts).
        gauge({
            id: "redis-evictions", surface: "cache", severity: "P2", planSeverity: "P3 (Medium)", metric: { metric: "redis.keys.evicted", aggregation: "sum" },
            expression: "per_second({m})", window: "5m", critical: 0, unit: "keys/s", title: "Redis evicting keys", whatHappened: "Redis evicted keys because it reached maxmemory.",
            firstSteps: [
                "Check Redis memory usage and the biggest keys", "Check keys without TTL that accumulate", "Increase maxmemory or reduce what is cached",
            ],
            source: "004 §Cache Metrics (Evictions >0 per sec)",
        }),
        // Connected Clients >80% of max (maxclients from CONFIG GET)
        {
            id: "redis-connected-clients", title: "Redis connected clients above 80% of max", category: "saturation", severity: "P2",
            planSeverity: "P3 (Medium)", surface: "cache",
            query: {
                kind: "ratio", numerator: { metric: "redis.net.clients", aggregation: "max" },
                denominator: { metric: "redis.net.maxclients", aggregation: "max" }, scale: 100, timeAggregation: "avg", window: "5m",
            },
            comparator: ">", critical: 80, unit: "%", whatHappened: "Redis has more than 80% of its maximum client connections open.",
            firstSteps: [
                "Check connections per client host (CLIENT LIST) for a connection leak", "Check the redis-py connection pool size per worker",
                "Restart leaking workers; raise maxclients only after fixing the leak",
            ],
            source: "004 §Cache Metrics (Connected Clients >80% of max)",
        },
        // Blocked Clients >0 for 1 min: the minimum over 1 minute above 0 = blocked the whole minute
        gauge({
            id: "redis-blocked-clients", surface: "cache", severity: "P2", planSeverity: "P3 (Medium)",
            metric: { metric: "redis.clients.blocked", aggregation: "max" }, timeAggregation: "min", window: "1m", critical: 0, unit: "clients",
            title: "Redis clients blocked for {window}", whatHappened: "Redis clients have been blocked waiting on blocking operations for a full minute.",
            firstSteps: [
                "Check CLIENT LIST for clients in BLPOP/BRPOP/WAIT and which queue they wait on",
                "Check that the producers of that queue (background jobs) are running", "Check Redis slowlog for long-running commands",
            ],
            source: "004 §Cache Metrics (Blocked Clients >0 for 1 min)",
        }),
        // ==== 004 §Network Metrics ====
        // HTTP 5xx Errors >1% of requests (APM status-class breakdown of the Flask requests)
        eventRatio({
            id: "http-5xx-rate", surface: "api", severity: "P1", planSeverity: "P2 (High)",
            numerator: { metric: "trace.flask.request.hits.by_http_status", filter: { "http.status_class": "5xx" } }, denominator: "trace.flask.request.hits",
            window: "5m", minCount: 100, critical: 1, title: "HTTP 5xx responses above {critical} of requests",
            whatHappened: "More than {critical} of requests returned a 5xx server error over the last {window}.",
            firstSteps: [
                "Check Nginx error logs for upstream errors (502/504 mean the Flask workers are down or slow)",
                "Open APM errors by endpoint and the matching Sentry issue", "Roll back the latest deployment if it coincides",
            ],
            source: "004 §Network Metrics (HTTP 5xx Errors >1% of requests)",
        }),
        // HTTP 4xx Errors >5% of requests
        eventRatio({
            id: "http-4xx-rate", surface: "api", severity: "P2", planSeverity: "P3 (Medium)",
            numerator: { metric: "trace.flask.request.hits.by_http_status", filter: { "http.status_class": "4xx" } }, denominator: "trace.flask.request.hits",
            window: "5m", minCount: 100, critical: 5, title: "HTTP 4xx responses above {critical} of requests",
            whatHappened: "More than {critical} of requests returned a 4xx client error over the last {window}.",
            firstSteps: [
                "Break 4xx down by status code and endpoint (401/403 auth, 404 broken links, 422 validation)",
                "Check whether a frontend or mobile release calls an endpoint incorrectly", "Check the failed-login security signal if 401s dominate",
            ],
            source: "004 §Network Metrics (HTTP 4xx Errors >5% of requests)",
        }),
        // Response Time >500 ms avg; APM latency in seconds: 500 ms = 0.5 s
        gauge({
            id: "response-time-avg", surface: "api", severity: "P2", planSeverity: "P3 (Medium)", category: "latency", metric: "trace.flask.request",
            window: "5m", critical: ms(500), title: "Average response time above {critical}",
            whatHappened: "The average response time of the Flask app stayed above {critical} over the last {window}.",
            firstSteps: [
                "Identify the slowest endpoints in APM", "Correlate with CPU, memory and database query time", "Check recent deployments for a regression",
            ],
            source: "004 §Network Metrics (Response Time >500 ms avg); §Troubleshooting / High Application Response Time",
        }),
        // DNS Resolution Time >100 ms; the Datadog DNS check reports seconds: 100 ms = 0.1 s
        gauge({
            id: "dns-resolution-time", surface: "web", severity: "P2", planSeverity: "P3 (Medium)", category: "latency", metric: "dns.response_time",
            window: "5m", critical: ms(100), title: "DNS resolution time above {critical}",
            whatHappened: "Resolving plumberleads.com took longer than {critical} on average over the last {window}.",
            firstSteps: [
                "Check the DNS provider (Cloudflare) status", "Resolve the name from several regions to see whether it is local to one resolver",
                "Check the record TTLs (very low TTLs force frequent lookups)",
            ],
            source: "004 §Network Metrics (DNS Resolution Time >100 ms)",
        }),
        // CDN Cache Rate <80% (Cloudflare integration). Cloudflare's crawler tags its metrics by zone, never with env or
        // service, so the query filters on the zone only (staging shares the production zone).
        eventRatio({
            id: "cdn-cache-rate", surface: "web", severity: "P3", planSeverity: "P4 (Low)", category: "frontend",
            numerator: { metric: "cloudflare.requests.cached", filter: { zone_name: "plumberleads.com" }, unscoped: true },
            denominator: { metric: "cloudflare.requests.all", filter: { zone_name: "plumberleads.com" }, unscoped: true }, window: "1h", critical: 80, comparator: "<", title: "CDN cache rate below {critical}",
            whatHappened: "Less than {critical} of requests were served from the Cloudflare cache over the last hour.",
            firstSteps: [
                "Check Cloudflare cache analytics for the paths that miss", "Check Cache-Control headers on static assets after the last deployment",
                "Check whether a cache purge happened",
            ],
            source: "004 §Network Metrics (CDN Cache Rate <80%)",
        }),
        // ==== 004 §Application Metrics / Performance Metrics (Datadog APM) ====
        // Response Time (P95) >1 second
        apmLatency({
            id: "p95-response-time", surface: "api", severity: "P1", planSeverity: "P2 (High)", span: "flask.request", critical: s(1),
            title: "p95 response time above {critical}", whatHappened: "The 95th percentile response time stayed above 1 second over the last {window}.",
            firstSteps: [
                "Identify the slowest endpoints and transactions in APM", "Correlate with CPU, memory and database query performance",
                "Check recent deployments; scale application servers if under resource pressure",
            ],
            source: "004 §Performance Metrics (Response Time (P95) >1 second)",
        }),
        // Response Time (P99) >2 seconds
        apmLatency({
            id: "p99-response-time", surface: "api", severity: "P1", planSeverity: "P2 (High)", span: "flask.request", percentile: "p99", critical: s(2),
            title: "p99 response time above {critical}", whatHappened: "The 99th percentile response time stayed above 2 seconds over the last {window}.",
            firstSteps: [
                "Look at the slowest traces for long database queries, N+1 patterns or external calls (Stripe)",
                "Check for lock waits and connection pool waits", "Check recent deployments",
            ],
            source: "004 §Performance Metrics (Response Time (P99) >2 seconds)",
        }),
        // Apdex Score <0.9
        gauge({
            id: "apdex", surface: "api", severity: "P2", planSeverity: "P3 (Medium)", category: "latency", metric: "trace.flask.request.apdex", window: "10m",
            critical: 0.9, comparator: "<", unit: "score", title: "Apdex below {critical}",
            whatHappened: "The application's Apdex satisfaction score fell below {critical} over the last {window}.",
            firstSteps: [
                "Check which endpoints have the most frustrated requests in APM", "Check the p95/p99 latency monitors and the error rate",
                "Check recent deployments",
            ],
            source: "004 §Performance Metrics (Apdex Score <0.9)",
        }),
        // Error Rate >1%; Appendix B "API Error Rate Alert": plumberleads.api.errors / plumberleads.api.requests * 100,
        // warning 0.5, notify_no_data true
        eventRatio({
            id: "api-error-rate", surface: "api", severity: "P1", planSeverity: "P2 (High)", numerator: "plumberleads.api.errors",
            denominator: "plumberleads.api.requests", window: "5m", minCount: 100, critical: 1, warning: 0.5, notifyNoData: true,
            title: "API error rate above {critical}", whatHappened: "More than {critical} of API requests resulted in errors over the last {window}.",
            firstSteps: [
                "Open APM errors by endpoint and the matching Sentry issue", "Search the application logs for level:ERROR in the same window",
                "Roll back the latest deployment if it coincides",
            ],
            source: "004 §Performance Metrics (Error Rate >1%); Appendix B API Error Rate Alert (warning 0.5, notify_no_data)",
        }),
        // CPU Time per Request >200 ms (custom metric in ms per request)
        gauge({
            id: "cpu-time-per-request", surface: "api", severity: "P3", planSeverity: "P4 (Low)", metric: { metric: "plumberleads.request.cpu_time", unit: "ms" },
            window: "15m", critical: ms(200), title: "CPU time per request above {critical}",
            whatHappened: "Requests consumed more than {critical} of CPU time on average over the last {window}.",
            firstSteps: [
                "Find the endpoints with the highest CPU time in the profiler", "Look for serialization of large result sets or expensive template rendering",
                "Cache or paginate the heavy responses",
            ],
            source: "004 §Performance Metrics (CPU Time per Request >200 ms)",
        }),
        // Memory per Request >50 MB (custom metric in MB per request)
        gauge({
            id: "memory-per-request", surface: "api", severity: "P3", planSeverity: "P4 (Low)", metric: "plumberleads.request.memory_mb", window: "15m",
            critical: 50, unit: "MB", title: "Memory per request above {critical} MB",
            whatHappened: "Requests allocated more than {critical} MB of memory on average over the last {window}.",
            firstSteps: [
                "Find the endpoints with the highest allocation in the profiler", "Look for unbounded queries loading whole tables into memory",
                "Stream or paginate large exports",
            ],
            source: "004 §Performance Metrics (Memory per Request >50 MB)",
        }),
        // Database Calls per Request >10 (N+1 detection)
        gauge({
            id: "db-calls-per-request", surface: "api", severity: "P3", planSeverity: "P4 (Low)", category: "database", metric: "plumberleads.request.db_calls",
            window: "15m", critical: 10, unit: "queries", title: "More than {critical} database calls per request",
            whatHappened: "Requests made more than {critical} database queries on average over the last {window} (likely an N+1 query).",
            firstSteps: [
                "Open traces with many postgres.query spans to find the endpoint", "Add eager loading (joinedload/selectinload) for the repeated relationship",
                "Add a regression test on the query count",
            ],
            source: "004 §Performance Metrics (Database Calls per Request >10); §Common Optimizations (N+1 Query Problems)",
        }),
        // ==== 004 §Application Metrics / Endpoint Performance (P95, seconds) ====
        // /api/leads >800 ms P95 = 0.8 s
        apmLatency({
            id: "endpoint-leads-p95", surface: "api", severity: "P2", planSeverity: "P3 (Medium)", span: "flask.request", window: "10m",
            resource: "get_/api/leads", critical: ms(800), title: "/api/leads p95 above {critical}",
            whatHappened: "The lead listing endpoint's 95th percentile latency exceeded {critical} over the last {window}.",
            firstSteps: [
                "Open slow /api/leads traces and check the lead query and its filters (area, service type)",
                "Check indexes on the leads table for the filter columns", "Check the cache hit rate for lead listings",
            ],
            source: "004 §Endpoint Performance (/api/leads >800 ms P95)",
        }),
        // /api/plumbers/profile >600 ms P95 = 0.6 s (all methods)
        apmLatency({
            id: "endpoint-profile-p95", surface: "api", severity: "P2", planSeverity: "P3 (Medium)", span: "flask.request", window: "10m",
            resource: "*_/api/plumbers/profile", critical: ms(600), title: "/api/plumbers/profile p95 above {critical}",
            whatHappened: "The plumber profile endpoint's 95th percentile latency exceeded {critical} over the last {window}.",
            firstSteps: [
                "Open slow profile traces: profile load (GET) or update (PUT/POST)?", "Check profile image handling and third-party calls in the traces",
                "Check database query time for the profile tables",
            ],
            source: "004 §Endpoint Performance (/api/plumbers/profile >600 ms P95)",
        }),
        // /api/auth/login >400 ms P95 = 0.4 s
        apmLatency({
            id: "endpoint-login-p95", surface: "api", severity: "P2", planSeverity: "P3 (Medium)", span: "flask.request", window: "10m",
            resource: "post_/api/auth/login", critical: ms(400), title: "/api/auth/login p95 above {critical}",
            whatHappened: "The login endpoint's 95th percentile latency exceeded {critical} over the last {window}.",
            firstSteps: [
                "Check password hashing cost and CPU on the app hosts", "Check the failed-login security signal (credential stuffing adds load)",
                "Check the user lookup query and session store (Redis) latency",
            ],
            source: "004 §Endpoint Performance (/api/auth/login >400 ms P95)",
        }),
        // /api/payments >1000 ms P95 = 1 s
        apmLatency({
            id: "endpoint-payments-p95", surface: "api", severity: "P2", planSeverity: "P3 (Medium)", span: "flask.request", window: "10m",
            resource: "post_/api/payments", critical: ms(1000), title: "/api/payments p95 above {critical}",
            whatHappened: "The payment processing endpoint's 95th percentile latency exceeded {critical} over the last {window}.",
            firstSteps: [
                "Check the Stripe API spans in slow payment traces and the Stripe status page", "Check for Stripe rate limiting (429) in the logs",
                "Check database locks on the payment and lead tables",
            ],
            source: "004 §Endpoint Performance (/api/payments >1000 ms P95)",
        }),
        // /api/admin/* >800 ms P95 = 0.8 s (admin service)
        apmLatency({
            id: "endpoint-admin-p95", surface: "admin", severity: "P2", planSeverity: "P3 (Medium)", span: "flask.request", window: "10m",
            resource: "*_/api/admin/*", critical: ms(800), title: "/api/admin/* p95 above {critical}",
            whatHappened: "The admin endpoints' 95th percentile latency exceeded {critical} over the last {window}.",
            firstSteps: [
                "Find the slow admin endpoint in APM (reports and exports are the usual suspects)", "Check for unpaginated admin list queries",
                "Move heavy reports to a background job or a read replica",
            ],
            source: "004 §Endpoint Performance (/api/admin/* >800 ms P95)",
        }),
        // ==== 004 §Application Metrics / Frontend Performance (Datadog RUM; measures in nanoseconds, p75) ====
        // Page Load Time >3 seconds = 3e9 ns
        webVital({
            id: "page-load-time", surface: "web", severity: "P2", planSeverity: "P3 (Medium)", vital: "loading-time", critical: s(3),
            title: "Page load time (p75) above {critical}",
            whatHappened: "The 75th percentile full page load time seen by real users exceeded 3 seconds over the last {window}.",
            firstSteps: [
                "Open RUM views sorted by loading time to find the slow pages", "Check the resource waterfall for slow scripts, images or API calls",
                "Check the CDN cache rate and backend response time",
            ],
            source: "004 §Frontend Performance (Page Load Time >3 seconds)",
        }),
        // First Contentful Paint >1.8 seconds = 1.8e9 ns
        webVital({
            id: "first-contentful-paint", surface: "web", severity: "P2", planSeverity: "P3 (Medium)", vital: "fcp", critical: s(1.8),
            title: "First Contentful Paint (p75) above {critical}",
            whatHappened: "The 75th percentile First Contentful Paint exceeded 1.8 seconds over the last {window}.",
            firstSteps: [
                "Check server response time (TTFB) for the affected pages", "Check render-blocking CSS/JS added in the latest release",
                "Check the CDN cache rate",
            ],
            source: "004 §Frontend Performance (First Contentful Paint >1.8 seconds)",
        }),
        // Largest Contentful Paint >2.5 seconds = 2.5e9 ns
        webVital({
            id: "largest-contentful-paint", surface: "web", severity: "P2", planSeverity: "P3 (Medium)", vital: "lcp", critical: s(2.5),
            title: "Largest Contentful Paint (p75) above {critical}",
            whatHappened: "The 75th percentile Largest Contentful Paint exceeded 2.5 seconds over the last {window}.",
            firstSteps: [
                "Find the LCP element on the slow pages in RUM (hero image, lead list)", "Check image sizes and CDN caching for that element",
                "Check the API call that fills the main content",
            ],
            source: "004 §Frontend Performance (Largest Contentful Paint >2.5 seconds)",
        }),
        // First Input Delay >100 ms = 1e8 ns
        webVital({
            id: "first-input-delay", surface: "web", severity: "P2", planSeverity: "P3 (Medium)", vital: "fid", critical: ms(100),
            title: "First Input Delay (p75) above {critical}",
            whatHappened: "The 75th percentile First Input Delay exceeded {critical} over the last {window}; pages react slowly to the first tap or click.",
            firstSteps: [
                "Check RUM long tasks on the affected pages", "Check large JavaScript bundles or third-party scripts added recently",
                "Defer non-critical scripts",
            ],
            source: "004 §Frontend Performance (First Input Delay >100 ms)",
        }),
        // Cumulative Layout Shift >0.1 (unitless score)
        webVital({
            id: "cumulative-layout-shift", surface: "web", severity: "P2", planSeverity: "P3 (Medium)", vital: "cls", critical: 0.1, unit: "score",
            title: "Cumulative Layout Shift (p75) above {critical}",
            whatHappened: "The 75th percentile Cumulative Layout Shift exceeded {critical} over the last {window}; page content jumps while loading.",
            firstSteps: [
                "Find the pages with the highest CLS in RUM", "Check images and embeds without width/height and late-injected banners",
                "Reserve space for dynamic content",
            ],
            source: "004 §Frontend Performance (Cumulative Layout Shift >0.1)",
        }),
        // JS Errors >0
        {
            id: "js-errors", title: "JavaScript errors on the frontend", category: "frontend", severity: "P3", planSeverity: "P4 (Low)", surface: "web",
            query: { kind: "rum", search: "@type:error @error.source:source", rollup: "count", window: "5m" }, comparator: ">", critical: 0, unit: "count",
            whatHappened: "Real users hit JavaScript errors in the last 5 minutes.",
            firstSteps: [
                "Open RUM Error Tracking and group the errors by issue", "Check whether the errors started with a frontend release",
                "Check the browsers/devices affected",
            ],
            source: "004 §Frontend Performance (JS Errors >0)",
        },
        // AJAX Error Rate >1%: RUM-generated custom metrics for XHR/fetch resources (all and failed), since a RUM
        // monitor counts one search and cannot divide two.
        eventRatio({
            id: "ajax-error-rate", surface: "web", severity: "P2", planSeverity: "P3 (Medium)", category: "frontend", numerator: "plumberleads.rum.ajax.errors",
            denominator: "plumberleads.rum.ajax.requests", window: "15m", minCount: 100, critical: 1, title: "AJAX error rate above {critical}",
            whatHappened: "More than {critical} of the browser's AJAX requests failed over the last {window}.",
            firstSteps: [
                "Break failed XHR/fetch resources down by URL and status code in RUM", "Correlate with API 5xx/4xx rates",
                "Check CORS or auth token expiry issues after a release",
            ],
            source: "004 §Frontend Performance (AJAX Error Rate >1%)",
        }),
        // ==== 004 §Business Metrics / User Metrics ====
        // Active Users < previous day -20% (daily active users gauge)
        dayOverDayDrop({
            id: "active-users-drop", surface: "api", severity: "P2", planSeverity: "P3 (Medium)", metric: "plumberleads.users.active", gauge: true,
            timeAggregation: "avg", critical: -20, title: "Active users down more than 20% day over day",
            whatHappened: "Daily active users are more than 20% below the previous day.",
            firstSteps: [
                "Run the login synthetic and log in by hand to rule out an auth problem", "Check frontend errors and page load in RUM",
                "Check for a holiday/seasonal effect or an email campaign that ended",
            ],
            source: "004 §User Metrics (Active Users <previous day -20%)",
        }),
        // New Registrations < previous day -30%
        dayOverDayDrop({
            id: "registrations-drop", surface: "api", severity: "P2", planSeverity: "P3 (Medium)", metric: "plumberleads.registrations.completed",
            critical: -30, title: "New registrations down more than 30% day over day",
            whatHappened: "New plumber registrations over the last day are more than 30% below the day before.",
            firstSteps: [
                "Walk through the registration flow by hand (form, email verification, license check)", "Check registration endpoint errors in APM and Sentry",
                "Check with marketing for ended campaigns",
            ],
            source: "004 §User Metrics (New Registrations <previous day -30%)",
        }),
        // Registration Completion Rate <80%
        eventRatio({
            id: "registration-completion-rate", surface: "api", severity: "P2", planSeverity: "P3 (Medium)", category: "business",
            numerator: "plumberleads.registrations.completed", denominator: "plumberleads.registrations.started", window: "1d",
            critical: 80, comparator: "<", title: "Registration completion rate below {critical}",
            whatHappened: "Fewer than {critical} of registrations started in the last day were completed.",
            firstSteps: [
                "Find the registration step where users drop off (RUM funnel)", "Check errors on the verification and payment-method steps",
                "Check verification email delivery",
            ],
            source: "004 §User Metrics (Registration Completion Rate <80%)",
        }),
        // ==== 004 §Business Metrics / Lead Metrics ====
        // New Leads < previous day -20%
        dayOverDayDrop({
            id: "new-leads-drop", surface: "api", severity: "P2", planSeverity: "P3 (Medium)", metric: "plumberleads.leads.created", critical: -20,
            title: "New leads down more than 20% day over day", whatHappened: "New leads generated over the last day are more than 20% below the day before.",
            firstSteps: [
                "Submit a test lead through the homeowner form to rule out a broken intake", "Check the lead intake sources (forms, partner feeds) for errors",
                "Check ad campaigns and seasonality with the product team",
            ],
            source: "004 §Lead Metrics (New Leads <previous day -20%)",
        }),
        // Lead Claim Rate <60%
        eventRatio({
            id: "lead-claim-rate", surface: "api", severity: "P2", planSeverity: "P3 (Medium)", category: "business", numerator: "plumberleads.leads.claimed",
            denominator: "plumberleads.leads.created", window: "1d", critical: 60, comparator: "<",
            title: "Lead claim rate below {critical}", whatHappened: "Fewer than {critical} of the leads created in the last day were claimed by plumbers.",
            firstSteps: [
                "Run the lead claiming synthetic to rule out a broken claim flow", "Check lead notifications to plumbers (email/SMS delivery)",
                "Check lead distribution by area for areas without active plumbers",
            ],
            source: "004 §Lead Metrics (Lead Claim Rate <60%)",
        }),
        // Time to Claim >30 min avg (metric in minutes)
        gauge({
            id: "time-to-claim", surface: "api", severity: "P2", planSeverity: "P3 (Medium)", category: "business", metric: { metric: "plumberleads.leads.time_to_claim", unit: "min" },
            window: "4h", critical: min(30), title: "Average time to claim above {critical}",
            whatHappened: "Leads took more than 30 minutes on average to be claimed over the last {window}.",
            firstSteps: [
                "Check lead notification delivery latency", "Check the lead listing endpoint latency and errors",
                "Check active plumber counts in the affected areas",
            ],
            source: "004 §Lead Metrics (Time to Claim >30 min avg)",
        }),
        // Lead Quality Score <4.0/5.0 avg
        gauge({
            id: "lead-quality-score", surface: "api", severity: "P3", planSeverity: "P4 (Low)", category: "business",
            metric: "plumberleads.leads.quality_score", window: "1d", critical: 4, comparator: "<", unit: "score (of 5)",
            title: "Average lead quality below {critical}.0 / 5",
            whatHappened: "The average quality rating of leads over the last day fell below {critical}.0 out of 5.",
            firstSteps: [
                "Break ratings down by lead source to find the low-quality source", "Check for spam or duplicate leads in the intake",
                "Review the lead validation rules with the product team",
            ],
            source: "004 §Lead Metrics (Lead Quality Score <4.0/5.0 avg)",
        }),
        // Disputed Leads >5% of total
        eventRatio({
            id: "disputed-leads", surface: "api", severity: "P2", planSeverity: "P3 (Medium)", category: "business", numerator: "plumberleads.leads.disputed",
            denominator: "plumberleads.leads.created", window: "1d", minCount: 40, critical: 5, title: "Disputed leads above {critical}",
            whatHappened: "More than {critical} of leads were disputed by plumbers over the last day.",
            firstSteps: [
                "Read the dispute reasons to find a common cause (wrong contact data, duplicates)", "Break disputes down by lead source",
                "Check the lead quality score trend",
            ],
            source: "004 §Lead Metrics (Disputed Leads >5% of total)",
        }),
        // ==== 004 §Business Metrics / Payment Metrics ====
        // Transaction Volume < previous day -25%
        dayOverDayDrop({
            id: "transaction-volume-drop", surface: "api", severity: "P2", planSeverity: "P3 (Medium)", metric: "plumberleads.payments.transactions",
            critical: -25, title: "Payment transactions down more than 25% day over day",
            whatHappened: "Payment transactions over the last day are more than 25% below the day before.",
            firstSteps: [
                "Run the payment synthetic to rule out a broken payment flow", "Check failed payments and the Stripe dashboard",
                "Check lead claims: fewer claims mean fewer payments",
            ],
            source: "004 §Payment Metrics (Transaction Volume <previous day -25%)",
        }),
        // Transaction Value < previous day -25% (sum of transaction amounts in USD)
        dayOverDayDrop({
            id: "transaction-value-drop", surface: "api", severity: "P2", planSeverity: "P3 (Medium)", metric: "plumberleads.payments.value_usd", critical: -25,
            title: "Payment value down more than 25% day over day",
            whatHappened: "The total value of payments over the last day is more than 25% below the day before.",
            firstSteps: [
                "Compare with transaction volume: fewer payments or smaller ones?", "Check lead pricing changes and refunds",
                "Check failed payments and the Stripe dashboard",
            ],
            source: "004 §Payment Metrics (Transaction Value <previous day -25%)",
        }),
        // Failed Payments >5% of attempts
        eventRatio({
            id: "failed-payments", surface: "api", severity: "P1", planSeverity: "P2 (High)", category: "business", numerator: "plumberleads.payments.failed",
            denominator: "plumberleads.payments.attempted", window: "15m", minCount: 40, critical: 5,
            title: "Failed payments above {critical} of attempts", whatHappened: "More than {critical} of payment attempts failed over the last {window}.",
            firstSteps: [
                "Check the Stripe dashboard for error messages and the Stripe status page",
                "Search logs: service:payment level:ERROR \"Payment processing failed\" and group by context.error_code",
                "Verify webhook delivery status and API credentials; check for Stripe rate limiting",
            ],
            source: "004 §Payment Metrics (Failed Payments >5% of attempts); §Troubleshooting / Payment Processing Failures",
        }),
        // Refund Rate >3% of transactions
        eventRatio({
            id: "refund-rate", surface: "api", severity: "P2", planSeverity: "P3 (Medium)", category: "business", numerator: "plumberleads.payments.refunds",
            denominator: "plumberleads.payments.transactions", window: "1d", minCount: 100, critical: 3, title: "Refund rate above {critical}",
            whatHappened: "More than {critical} of payments were refunded over the last day.",
            firstSteps: [
                "Read the refund reasons (disputed leads are the usual cause)", "Check the disputed-leads rate and lead quality",
                "Check for duplicate charges from payment retries",
            ],
            source: "004 §Payment Metrics (Refund Rate >3% of transactions)",
        }),
    ],
    slos: [
        {
            id: "api-availability",
            title: "PlumberLeads API availability",
            kind: "availability",
            surface: "api",
            target: 99.9,
            timeframes: ["30d", "7d"],
            // Total = the plan's request counter (Appendix B); good = the requests that did not error.
            good: { metric: "plumberleads.api.requests.ok", aggregation: "sum", asCount: true },
            total: { metric: "plumberleads.api.requests", aggregation: "sum", asCount: true },
            source: "004 §Synthetic Checks (Home Page Availability >99.9% uptime); §Executive Dashboard (SLA compliance)",
        },
        {
            id: "api-latency-p95",
            title: "PlumberLeads API requests under 1 s",
            kind: "latency",
            surface: "api",
            // 95% under 1 s = the P95 > 1 second threshold.
            target: 95,
            timeframes: ["30d", "7d"],
            good: { metric: "plumberleads.api.requests.fast", aggregation: "sum", asCount: true },
            total: { metric: "plumberleads.api.requests", aggregation: "sum", asCount: true },
            source: "004 §Performance Metrics (Response Time (P95) >1 second)",
        },
        {
            id: "api-latency-p99",
            title: "PlumberLeads API requests under 2 s",
            kind: "latency",
            surface: "api",
            // 99% under 2 s = the P99 > 2 seconds threshold.
            target: 99,
            timeframes: ["30d", "7d"],
            good: { metric: "plumberleads.api.requests.under_2s", aggregation: "sum", asCount: true },
            total: { metric: "plumberleads.api.requests", aggregation: "sum", asCount: true },
            source: "004 §Performance Metrics (Response Time (P99) >2 seconds)",
        },
    ],
    // 004 §Logging Standards: {timestamp} {level} {service} {trace_id} {source} {message} {context}
    logs: {
        format: "plumberleads-json",
        // 004 §Log Retention (hot / warm / cold)
        types: [
            { type: "app", hotDays: 7, warmDays: 30, coldDays: 365, source: "004 §Log Retention (Application Logs: 7 days / 30 days / 1 year)" },
            { type: "web", hotDays: 3, warmDays: 15, coldDays: 90, source: "004 §Log Retention (Web Server Logs: 3 days / 15 days / 90 days)" },
            { type: "db", hotDays: 7, warmDays: 30, coldDays: 180, source: "004 §Log Retention (Database Logs: 7 days / 30 days / 180 days)" },
            { type: "security", hotDays: 30, warmDays: 90, coldDays: 730, source: "004 §Log Retention (Security Logs: 30 days / 90 days / 2 years)" },
            { type: "system", hotDays: 7, warmDays: 30, coldDays: 90, source: "004 §Log Retention (System Logs: 7 days / 30 days / 90 days)" },
        ],
        sampleRate: 0.1,
        dailyQuotaMillions: 10,
    },
    synthetics: [
        // 004 §Synthetic Checks (frequency, success target). Home Page Availability is an HTTP test: browser tests cannot run
        // more often than 5 min; the mobile check uses a small viewport ("responsive behavior on mobile devices").
        {
            id: "home-page-availability", title: "Home page availability", kind: "api", surface: "web", severity: "P0", frequency: "1m", path: "/",
            expectStatus: 200, maxResponseMs: 3000, successTarget: 99.9, source: "004 §Synthetic Checks (Home Page Availability, 1 min, >99.9% uptime)",
        },
        {
            id: "login-flow", title: "End-to-end login", kind: "multistep", surface: "api", severity: "P1", frequency: "5m", needsLogin: true,
            successTarget: 99.5,
            steps: [
                {
                    name: "Log in as the synthetic test plumber", method: "POST", path: "/api/auth/login", expectStatus: 200,
                    body: "{\"email\":\"{{ PLUMBERLEADS_TEST_USER }}\",\"password\":\"{{ PLUMBERLEADS_TEST_PASSWORD }}\"}",
                    extract: { variable: "AUTH_TOKEN", jsonPath: "$.token" },
                },
                { name: "Load the signed-in plumber profile", method: "GET", path: "/api/plumbers/profile", expectStatus: 200 },
            ],
            source: "004 §Synthetic Checks (Login Flow, 5 min, >99.5% success)",
        },
        {
            id: "lead-claiming", title: "Lead claiming workflow", kind: "multistep", surface: "api", severity: "P1", frequency: "10m", needsLogin: true,
            successTarget: 99,
            steps: [
                {
                    name: "Log in as the synthetic test plumber", method: "POST", path: "/api/auth/login", expectStatus: 200,
                    body: "{\"email\":\"{{ PLUMBERLEADS_TEST_USER }}\",\"password\":\"{{ PLUMBERLEADS_TEST_PASSWORD }}\"}",
                    extract: { variable: "AUTH_TOKEN", jsonPath: "$.token" },
                },
                {
                    name: "List leads in the synthetic test area", method: "GET", path: "/api/leads?area=synthetic-test", expectStatus: 200,
                    extract: { variable: "LEAD_ID", jsonPath: "$.leads[0].id" },
                },
                { name: "Claim the synthetic test lead", method: "POST", path: "/api/leads/{{ LEAD_ID }}/claim", expectStatus: 200 },
                { name: "Release the synthetic test lead", method: "POST", path: "/api/leads/{{ LEAD_ID }}/release", expectStatus: 200 },
            ],
            source: "004 §Synthetic Checks (Lead Claiming Process, 10 min, >99% success)",
        },
        {
            id: "payment-processing", title: "Payment submission", kind: "multistep", surface: "api", severity: "P1", frequency: "15m", needsLogin: true,
            successTarget: 99,
            steps: [
                {
                    name: "Log in as the synthetic test plumber", method: "POST", path: "/api/auth/login", expectStatus: 200,
                    body: "{\"email\":\"{{ PLUMBERLEADS_TEST_USER }}\",\"password\":\"{{ PLUMBERLEADS_TEST_PASSWORD }}\"}",
                    extract: { variable: "AUTH_TOKEN", jsonPath: "$.token" },
                },
                {
                    name: "Submit a payment for the synthetic test lead (Stripe test mode)", method: "POST", path: "/api/payments", expectStatus: 200,
                    body: "{\"leadId\":\"synthetic-test-lead\",\"testMode\":true}", extract: { variable: "PAYMENT_ID", jsonPath: "$.id" },
                },
                { name: "Read the payment status", method: "GET", path: "/api/payments/{{ PAYMENT_ID }}", expectStatus: 200 },
            ],
            source: "004 §Synthetic Checks (Payment Processing, 15 min, >99% success)",
        },
        browserJourney({
            id: "admin-dashboard", title: "Admin dashboard availability", surface: "admin", severity: "P2", frequency: "30m", path: "/",
            needsLogin: true, successTarget: 99.5,
            journey: [
                "Log in to the admin interface with the synthetic admin account", "Verify the dashboard loads with the leads, plumbers and payments widgets",
                "Open the leads list and verify rows render",
            ],
            source: "004 §Synthetic Checks (Admin Dashboard, 30 min, >99.5% success)",
        }),
        browserJourney({
            id: "mobile-responsive", title: "Mobile responsive check", surface: "web", severity: "P2", frequency: "60m", path: "/",
            successTarget: 99, devices: ["mobile_small"],
            journey: [
                "Open the home page on a mobile device viewport", "Verify the navigation menu collapses and opens",
                "Open the lead request form and verify it fits the screen and submits validation",
            ],
            source: "004 §Synthetic Checks (Mobile Responsive Check, 60 min, >99% success)",
        }),
        healthCheck({
            title: "PlumberLeads API health endpoint", surface: "api", path: "/api/health", maxResponseMs: 1000,
            source: "004 §Monitoring Components (Datadog Synthetics: endpoint monitoring); §Performance Metrics (P95 >1 second)",
        }),
        sslCheck({ surface: "web", host: "plumberleads.com", source: "004 §Network Metrics (SSL Certificate Expiry <14 days)" }),
        sslCheck({ surface: "api", host: "api.plumberleads.com", source: "004 §Network Metrics (SSL Certificate Expiry <14 days)" }),
        sslCheck({ surface: "admin", host: "admin.plumberleads.com", source: "004 §Network Metrics (SSL Certificate Expiry <14 days)" }),
    ],
    security: [
        {
            // 004 §Log Search Examples / Finding Failed Login Attempts:
            //   level:ERROR AND service:auth AND message:"Failed login attempt" AND context.ip_address:*
            // The plumberleads-json pipeline maps level to status and normalizes context.ip_address to network.client.ip
            // (004 §Log Processing: Normalization, GeoIP enrichment). The plan's `service:auth` is a logger name: 004's
            // logging configuration (Appendix A) writes every log with "service": "plumberleads-api", the service searched.
            id: "failed-login-attempts",
            title: "Failed login attempts from one IP",
            severity: "P1",
            search: "service:plumberleads-api status:error \"Failed login attempt\"",
            groupBy: ["@network.client.ip"],
            threshold: 10,
            window: "5m",
            source: "004 §Log Search Examples (Finding Failed Login Attempts); §Log Retention (Security Logs)",
        },
        {
            // Same search across all IPs: distributed credential stuffing stays under the per-IP threshold.
            id: "failed-login-distributed",
            title: "Failed login attempts across many IPs",
            severity: "P1",
            search: "service:plumberleads-api status:error \"Failed login attempt\"",
            groupBy: [],
            threshold: 100,
            window: "10m",
            source: "004 §Log Search Examples (Finding Failed Login Attempts); §Alert Routes (Security: on-call security)",
        },
        {
            id: "admin-access-denied",
            title: "Denied admin access from one IP",
            severity: "P1",
            search: "service:plumberleads-admin @http.status_code:(401 OR 403)",
            groupBy: ["@network.client.ip"],
            threshold: 10,
            window: "10m",
            source: "004 §Alert Routes (Security: on-call security); §Application Logging (Authentication events)",
        },
    ],
    escalation: COMPANY_ESCALATION,
    notMonitored: [
        {
            item: "Transaction Rate (PostgreSQL)",
            reason: "N/A (trend) in the plan: a dashboard trend, no alert threshold",
            source: "004 §Database Metrics",
        },
        {
            item: "Commands Processed (Redis)",
            reason: "N/A (trend) in the plan: a dashboard trend, no alert threshold",
            source: "004 §Cache Metrics",
        },
        {
            item: "Load Balancer Requests",
            reason: "N/A (trend) in the plan: a dashboard trend, no alert threshold",
            source: "004 §Network Metrics",
        },
        {
            item: "Request Rate",
            reason: "N/A (trend) in the plan: a dashboard trend, no alert threshold",
            source: "004 §Performance Metrics",
        },
        {
            item: "Session Duration, Mobile vs Desktop, Geographic Distribution",
            reason: "N/A (trend) in the plan: RUM dashboard trends, no alert threshold",
            source: "004 §User Metrics",
        },
        {
            item: "Lead Distribution",
            reason: "N/A (trend) in the plan: a dashboard trend, no alert threshold",
            source: "004 §Lead Metrics",
        },
        {
            item: "Payment Method Distribution",
            reason: "N/A (trend) in the plan: a dashboard trend, no alert threshold",
            source: "004 §Payment Metrics",
        },
        {
            item: "Network I/O >80% of capacity",
            reason: "Needs each host's link capacity, which no Datadog metric reports and the spec cannot divide by a constant; add once instance bandwidth limits are recorded (traffic is on the System Health dashboard)",
            source: "004 §Server Metrics (Network I/O >80% of capacity)",
        },
        {
            item: "Average Transaction Value < previous month -10%",
            reason: "Month-over-month comparison needs a ~30-day evaluation window; monitors are limited to 2 days and change monitors compare a window with one shifted window, so the spec cannot express it. Review monthly on the Payment Processing dashboard",
            source: "004 §Payment Metrics (Average Transaction Value <previous month -10%)",
        },
        {
            item: "SSL Certificate Expiry <14 days",
            reason: "Implemented as SSL synthetic tests (sslMinDays 14) on every host rather than a metric monitor",
            source: "004 §Network Metrics (SSL Certificate Expiry <14 days)",
        },
    ],
};
