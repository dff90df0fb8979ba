/**
 * PlumberLeads thresholds of 004 §System Metrics: server (application hosts), database (PostgreSQL integration) and cache
 * (Redis integration) tables, one monitor per row.
 */
import { eventCount, eventRatio, gauge, gaugeRatio, hostCpu, hostMemory } from "../../lib/inputs/catalog/factories";
import type { MonitorSpec } from "../../lib/inputs/catalog/schema";
import { s } from "../../lib/inputs/catalog/units";

export const SYSTEM_MONITORS: MonitorSpec[] = [
    // ==== 004 §System Metrics / Server Metrics (application hosts) ====
    // CPU Utilization >85% for 5 min; Appendix B "Critical CPU Alert": avg(last_5m) by host, warning 75
    hostCpu({
        id: "cpu-usage",
        surface: "api",
        severity: "P1",
        planSeverity: "P2 (High)",
        critical: 85,
        warning: 75,
        title: "CPU usage above {critical}",
        whatHappened: "CPU usage on an application host stayed above the threshold over the last {window}.",
        firstSteps: [
            "Find the process using the CPU on the host (gunicorn workers, background jobs)",
            "Check APM for the endpoints driving the load and CPU time per request",
            "Scale out the application servers if the load is legitimate traffic",
        ],
        // Appendix B's monitor_options; host CPU reports every 15 s, so a full window costs nothing.
        monitorOptions: {
            requireFullWindow: true,
            notifyAudit: true,
            escalationMessage: "CPU usage still critical on {{host.name}} - please investigate!",
        },
        source: "004 §Server Metrics (CPU Utilization >85% for 5 min); Appendix B Critical CPU Alert (warning 75)",
    }),
    // Memory Usage >90% for 5 min; Appendix C: system.mem.used / system.mem.total * 100 by host
    hostMemory({
        id: "memory-usage",
        surface: "api",
        severity: "P1",
        planSeverity: "P2 (High)",
        critical: 90,
        title: "Memory usage above {critical}",
        whatHappened: "Memory usage on an application host stayed above {critical} over the last {window}.",
        firstSteps: [
            "Find the process using the memory and check whether it grows steadily (leak)",
            "Check memory per request in APM for a leaking endpoint",
            "Restart the leaking workers one at a time; scale up if the usage is legitimate",
        ],
        source: "004 §Server Metrics (Memory Usage >90% for 5 min); Appendix C System Health Dashboard (memory formula)",
    }),
    // Disk Usage >85%; system.disk.in_use is a 0-1 fraction (85% = 0.85)
    gauge({
        id: "disk-usage",
        surface: "api",
        severity: "P2",
        planSeverity: "P3 (Medium)",
        metric: { metric: "system.disk.in_use", aggregation: "max", groupBy: ["host", "device"] },
        window: "5m",
        critical: 0.85,
        unit: "ratio",
        title: "Disk usage above {critical}",
        whatHappened: "A disk on a PlumberLeads host is more than {critical} full.",
        firstSteps: [
            "Find the largest directories (logs, database files, temp uploads)",
            "Check that log rotation and Filebeat shipping work (hot logs should not pile up locally)",
            "Resize the volume if growth is organic",
        ],
        source: "004 §Server Metrics (Disk Usage >85%)",
    }),
    // Disk I/O >90% of capacity: device utilization (% of time busy)
    gauge({
        id: "disk-io",
        surface: "api",
        severity: "P2",
        planSeverity: "P3 (Medium)",
        metric: { metric: "system.io.util", aggregation: "max", groupBy: ["host", "device"] },
        window: "5m",
        critical: 90,
        unit: "%",
        title: "Disk I/O utilization above {critical}",
        whatHappened: "A disk on a PlumberLeads host was busy more than {critical} of the time over the last {window}.",
        firstSteps: [
            "Find the process doing the I/O (iotop): database, log writes, backups",
            "Check whether a backup or vacuum is running at the time",
            "Move heavy I/O off peak or to faster storage",
        ],
        source: "004 §Server Metrics (Disk I/O >90% of capacity)",
    }),
    // Load Average > system cores x 1.5: normalized load (load / cores) > 1.5
    gauge({
        id: "load-average",
        surface: "api",
        severity: "P2",
        planSeverity: "P3 (Medium)",
        metric: { metric: "system.load.norm.1", groupBy: ["host"] },
        window: "5m",
        critical: 1.5,
        unit: "load per core",
        title: "Load average above {critical} x cores",
        whatHappened: "The load average on a host stayed above {critical} times its CPU core count over the last {window}.",
        firstSteps: [
            "Check CPU and disk I/O wait on the host to see what the queue waits on",
            "Check the number of gunicorn workers and background jobs running",
            "Scale out if the host is saturated by legitimate load",
        ],
        source: "004 §Server Metrics (Load Average >system cores x 1.5)",
    }),
    // Process Count >500
    gauge({
        id: "process-count",
        surface: "api",
        severity: "P2",
        planSeverity: "P3 (Medium)",
        metric: { metric: "system.proc.count", aggregation: "max", groupBy: ["host"] },
        window: "5m",
        critical: 500,
        unit: "count",
        title: "More than {critical} processes",
        whatHappened: "More than {critical} processes are running on a host; a fork loop or leaked child processes are likely.",
        firstSteps: [
            "List processes by parent (ps -ef --forest) to find the one spawning children",
            "Check for zombie or stuck cron/background job processes",
            "Restart the offending service",
        ],
        source: "004 §Server Metrics (Process Count >500)",
    }),
    // Open File Descriptors >85% of max; system.fs.file_handles.in_use is a 0-1 fraction of the system maximum
    gauge({
        id: "file-descriptors",
        surface: "api",
        severity: "P2",
        planSeverity: "P3 (Medium)",
        metric: { metric: "system.fs.file_handles.in_use", aggregation: "max", groupBy: ["host"] },
        window: "5m",
        critical: 0.85,
        unit: "ratio",
        title: "Open file descriptors above {critical} of max",
        whatHappened:
            "More than {critical} of the system's file handles are in use on a host; new connections and files will start failing.",
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
        id: "db-connections",
        surface: "database",
        severity: "P1",
        planSeverity: "P2 (High)",
        category: "database",
        metric: { metric: "postgresql.percent_usage_connections", aggregation: "max" },
        window: "5m",
        critical: 0.9,
        warning: 0.85,
        unit: "ratio",
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
        id: "db-query-time",
        surface: "database",
        severity: "P1",
        planSeverity: "P2 (High)",
        category: "database",
        metric: "trace.postgres.query",
        window: "5m",
        critical: s(1),
        title: "Average query time above {critical}",
        whatHappened: "The average database query time stayed above 1 second over the last {window}.",
        firstSteps: [
            "Review the slow query log (queries over 500 ms) and APM Database view for the slowest statements",
            "Check for blocking transactions and lock waits",
            "Verify index usage on the common queries (EXPLAIN ANALYZE)",
        ],
        source: "004 §Database Metrics (Query Performance >1 sec avg); §Troubleshooting / Database Performance Issues",
    }),
    // Index Hit Ratio <95%: idx_blks_hit / (idx_blks_hit + idx_blks_read) in percent, from a custom_queries entry
    // of the Postgres check (metric_prefix plumberleads.postgres); the ratio needs a sum in the denominator.
    gauge({
        id: "db-index-hit-ratio",
        surface: "database",
        severity: "P2",
        planSeverity: "P3 (Medium)",
        category: "database",
        metric: { metric: "plumberleads.postgres.index_hit_ratio", aggregation: "min" },
        window: "15m",
        critical: 95,
        comparator: "<",
        unit: "%",
        title: "Index hit ratio below {critical}",
        whatHappened: "Less than {critical} of index block reads were served from memory over the last {window}.",
        firstSteps: [
            "Check which indexes are read from disk most (pg_statio_user_indexes)",
            "Check shared_buffers against the working set size",
            "Drop unused bloated indexes; consider more memory for the database",
        ],
        source: "004 §Database Metrics (Index Hit Ratio <95%)",
    }),
    // Replication Lag >30 sec
    gauge({
        id: "db-replication-lag",
        surface: "database",
        severity: "P1",
        planSeverity: "P2 (High)",
        category: "database",
        metric: { metric: "postgresql.replication_delay", aggregation: "max" },
        window: "5m",
        critical: s(30),
        title: "Replication lag above {critical}",
        whatHappened: "A read replica is more than 30 seconds behind the primary; reads from it return stale data.",
        firstSteps: [
            "Check replication status on the primary (pg_stat_replication) and replica",
            "Check replica disk I/O and network throughput between primary and replica",
            "Route reads to the primary if the lag keeps growing",
        ],
        source: "004 §Database Metrics (Replication Lag >30 sec)",
    }),
    // Cache Hit Ratio <90%: blks_hit / (blks_hit + blks_read) in percent, from a custom_queries entry of the
    // Postgres check (the ratio needs a sum in the denominator).
    gauge({
        id: "db-cache-hit-ratio",
        surface: "database",
        severity: "P2",
        planSeverity: "P3 (Medium)",
        category: "database",
        metric: { metric: "plumberleads.postgres.cache_hit_ratio", aggregation: "min" },
        window: "15m",
        critical: 90,
        comparator: "<",
        unit: "%",
        title: "Database cache hit ratio below {critical}",
        whatHappened: "Less than {critical} of data block reads were served from the database buffer cache over the last {window}.",
        firstSteps: [
            "Check for new full-table scans from recent queries (pg_stat_user_tables seq_scan)",
            "Check shared_buffers against the working set size",
            "Add missing indexes or more memory",
        ],
        source: "004 §Database Metrics (Cache Hit Ratio <90%)",
    }),
    // Deadlocks >0
    eventCount({
        id: "db-deadlocks",
        surface: "database",
        severity: "P2",
        planSeverity: "P3 (Medium)",
        category: "database",
        metric: "postgresql.deadlocks.count",
        window: "5m",
        critical: 0,
        comparator: ">",
        title: "Database deadlocks detected",
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
    gaugeRatio({
        id: "redis-memory",
        title: "Redis memory usage above 85%",
        severity: "P2",
        planSeverity: "P3 (Medium)",
        surface: "cache",
        numerator: { metric: "redis.mem.used", aggregation: "max" },
        denominator: { metric: "redis.mem.maxmemory", aggregation: "max" },
        timeAggregation: "avg",
        window: "5m",
        comparator: ">",
        critical: 85,
        whatHappened: "Redis is using more than 85% of its maxmemory; evictions or write errors are close.",
        firstSteps: [
            "Check the biggest keys (redis-cli --bigkeys) and keys without TTL",
            "Check the eviction policy and whether evictions started",
            "Increase maxmemory or the instance size if usage is legitimate",
        ],
        source: "004 §Cache Metrics (Memory Usage >85%)",
    }),
    // Cache Hit Rate <80%: hits / lookups counted by the app's cache layer (Redis reports hits and misses
    // separately and the ratio needs their sum in the denominator).
    eventRatio({
        id: "cache-hit-rate",
        surface: "api",
        severity: "P2",
        planSeverity: "P3 (Medium)",
        category: "saturation",
        numerator: "plumberleads.cache.hits",
        denominator: "plumberleads.cache.requests",
        window: "15m",
        critical: 80,
        comparator: "<",
        title: "Cache hit rate below {critical}",
        whatHappened: "Fewer than {critical} of cache lookups were hits over the last {window}, pushing load onto the database.",
        firstSteps: [
            "Check for a Redis restart/flush or an eviction spike",
            "Check whether a deployment changed cache keys or TTLs",
            "Check Redis memory usage: a full cache evicts useful keys",
        ],
        source: "004 §Cache Metrics (Cache Hit Rate <80%)",
    }),
    // Evictions >0 per sec. Datadog's Redis check reports redis.keys.evicted as a running total since Redis started,
    // so `> 0` on the raw value would alert forever after the first eviction: per_second() turns it into keys/s
    // (a restart's reset is a negative rate, which never alerts).
    gauge({
        id: "redis-evictions",
        surface: "cache",
        severity: "P2",
        planSeverity: "P3 (Medium)",
        metric: { metric: "redis.keys.evicted", aggregation: "sum" },
        expression: "per_second({m})",
        window: "5m",
        critical: 0,
        unit: "keys/s",
        title: "Redis evicting keys",
        whatHappened: "Redis evicted keys because it reached maxmemory.",
        firstSteps: [
            "Check Redis memory usage and the biggest keys",
            "Check keys without TTL that accumulate",
            "Increase maxmemory or reduce what is cached",
        ],
        source: "004 §Cache Metrics (Evictions >0 per sec)",
    }),
    // Connected Clients >80% of max (maxclients from CONFIG GET)
    gaugeRatio({
        id: "redis-connected-clients",
        title: "Redis connected clients above 80% of max",
        severity: "P2",
        planSeverity: "P3 (Medium)",
        surface: "cache",
        numerator: { metric: "redis.net.clients", aggregation: "max" },
        denominator: { metric: "redis.net.maxclients", aggregation: "max" },
        timeAggregation: "avg",
        window: "5m",
        comparator: ">",
        critical: 80,
        whatHappened: "Redis has more than 80% of its maximum client connections open.",
        firstSteps: [
            "Check connections per client host (CLIENT LIST) for a connection leak",
            "Check the redis-py connection pool size per worker",
            "Restart leaking workers; raise maxclients only after fixing the leak",
        ],
        source: "004 §Cache Metrics (Connected Clients >80% of max)",
    }),
    // Blocked Clients >0 for 1 min: the minimum over 1 minute above 0 = blocked the whole minute
    gauge({
        id: "redis-blocked-clients",
        surface: "cache",
        severity: "P2",
        planSeverity: "P3 (Medium)",
        metric: { metric: "redis.clients.blocked", aggregation: "max" },
        timeAggregation: "min",
        window: "1m",
        critical: 0,
        unit: "clients",
        title: "Redis clients blocked for {window}",
        whatHappened: "Redis clients have been blocked waiting on blocking operations for a full minute.",
        firstSteps: [
            "Check CLIENT LIST for clients in BLPOP/BRPOP/WAIT and which queue they wait on",
            "Check that the producers of that queue (background jobs) are running",
            "Check Redis slowlog for long-running commands",
        ],
        source: "004 §Cache Metrics (Blocked Clients >0 for 1 min)",
    }),
];
