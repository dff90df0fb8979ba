/**
 * Genonaut — content generation and recommendation platform (FastAPI backend, React frontend).
 * Plan: 001 Production Monitoring Strategy (Datadog APM + Sentry), §Alert Configuration and the task list.
 */
import {
    anomaly,
    apmErrorRate,
    apmLatency,
    apmLatencyRegression,
    browserJourney,
    dayOverDayDrop,
    dependencyCheck,
    eventRatio,
    gauge,
    hostMemory,
    serviceCheck,
    sslCheck,
} from "../lib/inputs/catalog/factories";
import type { ProductSpec } from "../lib/inputs/catalog/schema";
import { ms, s } from "../lib/inputs/catalog/units";
import { webVitalsMonitors } from "../lib/inputs/catalog/factories";
import { COMPANY_ESCALATION } from "./defaults";

export const genonaut: ProductSpec = {
    key: "genonaut",
    displayName: "Genonaut",
    company: "Genonaut",
    description: "Content creation, search and recommendation platform with paginated galleries; FastAPI API and React frontend.",
    team: {
        handle: "genonaut",
        name: "Genonaut Team",
        email: "genonaut-team@genonaut.com",
        slackChannel: "genonaut-alerts",
    },
    tier: 2,
    lifecycle: "production",
    plan: "001 Production Monitoring Strategy (Genonaut)",
    // 001 §Alert Configuration: critical (immediate response), warning (investigation required), business (daily review).
    severityMapping: {
        // 001 §Critical Alerts (Immediate Response): every critical alert pages.
        critical: "P0",
        warning: "P2",
        business: "P3",
    },
    surfaces: [
        {
            name: "api",
            kind: "api",
            // 001 §Configuration Examples: DD_SERVICE=genonaut-api
            service: "genonaut-api",
            language: "Python",
            framework: "FastAPI",
            sentryPlatform: "python-fastapi",
            host: "api.genonaut.com",
        },
        {
            name: "web",
            kind: "web",
            service: "genonaut-web",
            language: "TypeScript",
            framework: "React",
            sentryPlatform: "javascript-react",
            host: "genonaut.com",
        },
    ],
    monitors: [
        // ---- 001 §Alert Configuration / Critical Alerts (Immediate Response) ----
        // 001 §Task 3.1: critical alerts (downtime); §Success Criteria: 99.9% uptime visibility and alerting
        serviceCheck({
            id: "api-down",
            surface: "api",
            severity: "P0",
            planSeverity: "critical",
            check: "http.can_connect",
            title: "API down",
            whatHappened: "The HTTP check against the Genonaut API health endpoint failed twice in a row; the API is unreachable.",
            firstSteps: [
                "Call the health endpoint from outside and note the status code or timeout",
                "Check the API containers/processes (uvicorn workers) and their last logs for a crash",
                "Roll back the latest deployment if it coincides",
                "Check the database health section of the health endpoint response",
            ],
            source: "001 §Task 3.1 (Critical alerts: downtime); §Success Criteria (99.9% uptime visibility and alerting)",
        }),
        // 001 §Critical Alerts (Immediate Response): API error rate > 5% for 5 minutes — critical pages (P0).
        apmErrorRate({
            id: "api-error-rate",
            surface: "api",
            severity: "P0",
            planSeverity: "critical",
            span: "fastapi.request",
            minRequests: 100,
            critical: 5,
            title: "API error rate above {critical}",
            whatHappened: "More than {critical} of API requests failed with server errors over the last {window}.",
            firstSteps: [
                "Open APM for genonaut-api and sort endpoints by error count",
                "Check Sentry for the new exception behind the errors",
                "Compare with the latest deployment marker and roll back if it coincides",
            ],
            source: "001 §Alert Configuration / Critical Alerts (API error rate > 5% for 5 minutes)",
        }),
        // 001 §Critical Alerts: Response time P95 > 2 seconds for 10 minutes (APM latency in seconds). Critical pages;
        // at night 10 requests in 10 minutes make one slow request the p95, so it pages only over 50 requests.
        apmLatency({
            id: "api-p95-latency",
            surface: "api",
            severity: "P0",
            planSeverity: "critical",
            span: "fastapi.request",
            window: "10m",
            critical: s(2),
            guard: { events: { metric: "trace.fastapi.request.hits" }, minCount: 50 },
            title: "API p95 response time above {critical}",
            whatHappened: "The 95th percentile API response time stayed above 2 seconds over the last {window}.",
            firstSteps: [
                "Open APM latency by endpoint; check the pagination endpoints first",
                "Check database query latency and connection pool waits in the slow traces",
                "Check CPU and memory on the API hosts",
            ],
            source: "001 §Alert Configuration / Critical Alerts (Response time P95 > 2 seconds for 10 minutes)",
        }),
        // 001 §Critical Alerts: Database connection failures
        serviceCheck({
            id: "db-connection-failures",
            surface: "api",
            severity: "P0",
            planSeverity: "critical",
            check: "postgres.can_connect",
            category: "database",
            title: "Database connection failures",
            whatHappened: "The Datadog Postgres check could not connect to the Genonaut database twice in a row.",
            firstSteps: [
                "Check the database server is up and accepting connections (pg_isready)",
                "Check connection count against max_connections and the SQLAlchemy pool settings",
                "Check disk space on the database server (a full disk stops Postgres)",
            ],
            source: "001 §Alert Configuration / Critical Alerts (Database connection failures)",
        }),
        // 001 §Critical Alerts (Immediate Response): Memory usage > 90% for 5 minutes — critical pages (P0); "for 5
        // minutes" is every point of the window above 90% (held), so a one-minute spike pages nobody.
        hostMemory({
            id: "memory-usage",
            surface: "api",
            severity: "P0",
            planSeverity: "critical",
            held: true,
            critical: 90,
            title: "Host memory usage above {critical}",
            whatHappened: "Memory usage on an API host stayed above {critical} over the last {window}; the OOM killer may stop workers.",
            firstSteps: [
                "Check which process uses the memory (uvicorn workers, database, cache)",
                "Look for a memory leak: steadily growing worker RSS since the last deploy",
                "Restart the leaking workers one at a time, then scale up or out if the load is legitimate",
            ],
            source: "001 §Alert Configuration / Critical Alerts (Memory usage > 90% for 5 minutes)",
        }),
        // ---- 001 §Alert Configuration / Warning Alerts (Investigation Required) ----
        // 001 §Warning Alerts: Pagination query time P95 > 500ms for 15 minutes. The plan's statsd histogram
        // `pagination.query.duration` records seconds (time.time() deltas), so 500 ms = 0.5 s; the agent
        // publishes its p95 as `.95percentile`.
        gauge({
            id: "pagination-query-slow",
            surface: "api",
            severity: "P2",
            planSeverity: "warning",
            category: "database",
            metric: { metric: "pagination.query.duration.95percentile", aggregation: "max", unit: "s" },
            window: "15m",
            critical: ms(500),
            title: "Pagination query p95 above {critical}",
            whatHappened: "The 95th percentile of paginated query time stayed above {critical} over the last {window}.",
            firstSteps: [
                "Break the metric down by page_size and offset_range tags to find deep-offset pages",
                "Check the EXPLAIN plan of the slow paginated query for a missing index or OFFSET scan",
                "Check whether cursor-based pagination is being bypassed by a client",
            ],
            source: "001 §Alert Configuration / Warning Alerts (Pagination query time P95 > 500ms for 15 minutes)",
        }),
        // 001 §Warning Alerts: Cache hit rate < 70% for 30 minutes (hits / lookups counted by the API's cache layer)
        eventRatio({
            id: "cache-hit-rate-low",
            surface: "api",
            severity: "P2",
            planSeverity: "warning",
            category: "saturation",
            numerator: "genonaut.cache.hits",
            denominator: "genonaut.cache.requests",
            window: "30m",
            critical: 70,
            comparator: "<",
            title: "Cache hit rate below {critical}",
            whatHappened: "Fewer than {critical} of cache lookups were hits over the last {window}, pushing load onto the database.",
            firstSteps: [
                "Check for a recent cache flush, restart or eviction spike in the cache server",
                "Check whether a deployment changed cache keys or TTLs",
                "Check cache memory: evictions rise when the cache is too small",
            ],
            source: "001 §Alert Configuration / Warning Alerts (Cache hit rate < 70% for 30 minutes)",
        }),
        // 001 §Warning Alerts: Disk usage > 80% (system.disk.in_use is a 0-1 fraction: 80% = 0.8)
        gauge({
            id: "disk-usage",
            surface: "api",
            severity: "P2",
            planSeverity: "warning",
            metric: { metric: "system.disk.in_use", aggregation: "max", groupBy: ["host", "device"] },
            window: "5m",
            critical: 0.8,
            unit: "ratio",
            title: "Disk usage above {critical}",
            whatHappened: "A disk on a Genonaut host is more than {critical} full.",
            firstSteps: [
                "Find the largest directories on the device (logs, generated content, database files)",
                "Rotate or ship old logs and clean temporary generation artifacts",
                "Plan a volume resize if growth is organic",
            ],
            source: "001 §Alert Configuration / Warning Alerts (Disk usage > 80%)",
        }),
        // 001 §Warning Alerts: Unusual traffic patterns
        anomaly({
            id: "traffic-anomaly",
            surface: "api",
            severity: "P2",
            planSeverity: "warning",
            category: "availability",
            metric: "trace.fastapi.request.hits",
            direction: "both",
            title: "Unusual API traffic",
            whatHappened: "API request volume deviates from its usual pattern for this time of day and week (surge or drop).",
            firstSteps: [
                "Check whether the change is a drop (clients failing, DNS, frontend broken) or a surge (campaign, bot, scraping)",
                "Break traffic down by endpoint and client IP to find the source",
                "Check the rate-limit and failed-auth security signals for abuse",
            ],
            source: "001 §Alert Configuration / Warning Alerts (Unusual traffic patterns)",
        }),
        // 001 §Task 4.3: performance regression detection; §Success Criteria: performance regressions caught before user
        // impact — average latency above its weekly baseline, well before the p95 > 2 s critical alert.
        apmLatencyRegression({
            id: "performance-regression",
            surface: "api",
            severity: "P2",
            planSeverity: "warning",
            span: "fastapi.request",
            title: "API latency regression",
            whatHappened:
                "Average genonaut-api latency rose above its usual level for this time of day and week, usually after a deployment.",
            firstSteps: [
                "Compare latency before and after the latest deployment marker in APM",
                "Find the endpoints whose latency changed most (pagination and search first)",
                "Roll back if a deployment introduced the regression; otherwise check database query time and cache hit rate",
            ],
            source: "001 §Task 4.3 (Performance regression detection); §Success Criteria (Performance regressions caught before user impact)",
        }),
        // ---- 001 §Alert Configuration / Business Alerts (Daily Review) ----
        // 001 §Business Alerts: User registration rate drop > 50% (day over day)
        dayOverDayDrop({
            id: "registration-drop",
            surface: "api",
            severity: "P3",
            planSeverity: "business",
            metric: "genonaut.users.registered",
            critical: -50,
            title: "User registrations down more than 50% day over day",
            whatHappened: "New user registrations over the last day are less than half of the day before.",
            firstSteps: [
                "Run the signup flow by hand to rule out a broken form or email verification",
                "Check signup endpoint errors in APM and frontend errors in RUM",
                "Ask marketing whether a campaign ended (expected drop)",
            ],
            source: "001 §Alert Configuration / Business Alerts (User registration rate drop > 50%)",
        }),
        // 001 §Business Alerts: Content creation rate drop > 30% (day over day)
        dayOverDayDrop({
            id: "content-creation-drop",
            surface: "api",
            severity: "P3",
            planSeverity: "business",
            metric: "genonaut.content.created",
            critical: -30,
            title: "Content creation down more than 30% day over day",
            whatHappened: "Content items created over the last day are down more than 30% from the day before.",
            firstSteps: [
                "Check the content creation endpoints for errors and latency in APM",
                "Check the generation backend / job queue for failures or a backlog",
                "Compare active users day over day to tell a usage drop from a failure",
            ],
            source: "001 §Alert Configuration / Business Alerts (Content creation rate drop > 30%)",
        }),
        // 001 §Business Alerts: Search failure rate > 10%
        eventRatio({
            id: "search-failure-rate",
            surface: "api",
            severity: "P3",
            planSeverity: "business",
            category: "business",
            numerator: "genonaut.search.failed",
            denominator: "genonaut.search.requests",
            window: "1h",
            minCount: 50,
            critical: 10,
            title: "Search failure rate above {critical}",
            whatHappened: "More than {critical} of searches failed over the last hour.",
            firstSteps: [
                "Check the search endpoint errors in APM and Sentry",
                "Check the search index / full-text query health and recent schema changes",
                "Try the most common failing queries by hand",
            ],
            source: "001 §Alert Configuration / Business Alerts (Search failure rate > 10%)",
        }),
        ...webVitalsMonitors({
            surface: "web",
            vitals: { severity: "P2", planSeverity: "warning" },
            errors: { severity: "P2", planSeverity: "warning" },
            source: {
                vitals: "001 §Monitoring Domains / User Experience (Page load times: Core Web Vitals)",
                errors: "001 §Monitoring Domains / User Experience (JavaScript errors)",
            },
        }),
    ],
    slos: [
        {
            id: "api-availability",
            title: "Genonaut API availability",
            kind: "availability",
            surface: "api",
            target: 99.9,
            timeframes: ["30d", "7d"],
            // Non-5xx responses over all responses, counted by the API middleware.
            good: { metric: "genonaut.requests.ok", aggregation: "sum", asCount: true },
            total: { metric: "genonaut.requests.total", aggregation: "sum", asCount: true },
            source: "001 §Success Criteria / Technical Success (99.9% uptime)",
        },
        {
            id: "api-latency",
            title: "Genonaut API requests under 2 s",
            kind: "latency",
            surface: "api",
            // 95% under 2 s = the critical P95 > 2 s alert.
            target: 95,
            timeframes: ["30d", "7d"],
            good: { metric: "genonaut.requests.fast", aggregation: "sum", asCount: true },
            total: { metric: "genonaut.requests.total", aggregation: "sum", asCount: true },
            source: "001 §Alert Configuration / Critical Alerts (Response time P95 > 2 seconds)",
        },
        {
            id: "pagination-latency",
            title: "Genonaut pagination queries under 500 ms",
            kind: "latency",
            surface: "api",
            target: 95,
            timeframes: ["30d", "7d"],
            // The plan's counter pagination.query.count (001 §Custom Pagination Metrics) as total; the same middleware
            // counts queries under 500 ms as pagination.query.fast.
            good: { metric: "pagination.query.fast", aggregation: "sum", asCount: true },
            total: { metric: "pagination.query.count", aggregation: "sum", asCount: true },
            source: "001 §Task 2.1 (Performance benchmarks and SLAs); §Warning Alerts (Pagination query time P95 > 500ms)",
        },
    ],
    logs: {
        format: "json",
        types: [
            {
                type: "app",
                hotDays: 14,
                warmDays: 30,
                coldDays: 365,
                source: "001 §Cost Analysis (Logs ~$1.50/GB, ~50GB/month); tiers per 000 §Cost Optimization (Archive old logs to S3)",
            },
        ],
        // 000 §Cost Optimization: sample high-volume logs (10%)
        sampleRate: 0.1,
        dailyQuotaMillions: 10,
    },
    synthetics: [
        {
            // 001 §Task 3.3: health checks for database connectivity and pagination performance, integrated with
            // Datadog synthetic monitoring (genonaut/api/routes/system.py).
            id: "api-health",
            title: "Genonaut API health endpoint (database, pagination)",
            kind: "api",
            surface: "api",
            severity: "P0",
            frequency: "1m",
            path: "/api/v1/health",
            expectStatus: 200,
            maxResponseMs: 2000,
            assertions: [
                { jsonPath: "$.status", equals: "healthy" },
                { jsonPath: "$.checks.database.status", equals: "ok" },
                { jsonPath: "$.checks.pagination.status", equals: "ok" },
            ],
            source: "001 §Task 3.3 Set up automated health checks (Database connectivity checks, Pagination performance health checks)",
        },
        // 001 §Task 3.3: external dependency health checks, integrated with Datadog synthetic monitoring. The plan names
        // the cache (§Application Performance: cache performance and hit rates); Genonaut's content generation runs on
        // an image generation backend (ComfyUI) fed by a job queue (Celery workers on Redis). Each is reported by the
        // API's dependency endpoint and checked on its own. Severities: the plan files cache problems under Warning
        // Alerts (P2); generation down stops content creation, a partial outage (000 §Severity Levels: P1).
        dependencyCheck({
            key: "cache",
            name: "Cache (Redis)",
            surface: "api",
            path: "/api/v1/health/dependencies",
            severity: "P2",
            source: "001 §Task 3.3 (External dependency health checks); §Monitoring Domains / Application Performance (Cache performance)",
        }),
        dependencyCheck({
            key: "image_generation",
            name: "Image generation backend (ComfyUI)",
            surface: "api",
            path: "/api/v1/health/dependencies",
            severity: "P1",
            source: "001 §Task 3.3 (External dependency health checks)",
        }),
        dependencyCheck({
            key: "job_queue",
            name: "Generation job queue (Celery workers)",
            surface: "api",
            path: "/api/v1/health/dependencies",
            severity: "P1",
            source: "001 §Task 3.3 (External dependency health checks)",
        }),
        sslCheck({
            surface: "web",
            host: "genonaut.com",
            source: "001 §Task 3.3 (synthetic monitoring); 14-day SSL threshold from 004 §Network Metrics",
        }),
        sslCheck({
            surface: "api",
            host: "api.genonaut.com",
            source: "001 §Task 3.3 (synthetic monitoring); 14-day SSL threshold from 004 §Network Metrics",
        }),
        {
            id: "pagination-search-flow",
            title: "Paginate the gallery and search",
            kind: "multistep",
            surface: "api",
            severity: "P1",
            frequency: "10m",
            maxResponseMs: 2000,
            steps: [
                {
                    name: "Fetch the first gallery page",
                    method: "GET",
                    path: "/api/v1/content?page=1&page_size=20",
                    expectStatus: 200,
                    extract: { variable: "NEXT_CURSOR", jsonPath: "$.pagination.next_cursor" },
                },
                {
                    name: "Fetch the next page by cursor",
                    method: "GET",
                    path: "/api/v1/content?cursor={{ NEXT_CURSOR }}&page_size=20",
                    expectStatus: 200,
                },
                {
                    name: "Search content",
                    method: "GET",
                    path: "/api/v1/content/search?q=landscape",
                    expectStatus: 200,
                },
            ],
            source: "001 §Task 3.3 (Pagination performance health checks); §Business Alerts (Search failure rate)",
        },
        browserJourney({
            id: "gallery-journey",
            title: "Browse and search the gallery in a browser",
            surface: "web",
            severity: "P2",
            frequency: "30m",
            path: "/",
            journey: [
                "Open the gallery home page and verify content cards render",
                "Go to the next gallery page and verify new items load",
                "Search for a common term and verify results appear",
            ],
            source: "001 §User Experience (DataDog RUM): user journey analysis; §Daily Tasks (verify synthetic monitoring results)",
        }),
    ],
    security: [
        {
            id: "failed-auth-spike",
            title: "Failed login spike from one IP",
            severity: "P1",
            search: "service:genonaut-api @http.url_details.path:\\/api\\/v1\\/auth\\/* @http.status_code:401",
            groupBy: ["@network.client.ip"],
            threshold: 10,
            window: "5m",
            source: "001 §Task 3.1 (Business metric alerts: high failed requests)",
        },
        {
            id: "rate-limit-violations",
            title: "Rate limit violations from one IP",
            severity: "P2",
            search: "service:genonaut-api @http.status_code:429",
            groupBy: ["@network.client.ip"],
            threshold: 50,
            window: "5m",
            source: "001 §Task 3.1 (Business metric alerts: high failed requests); §Warning Alerts (Unusual traffic patterns)",
        },
    ],
    escalation: COMPANY_ESCALATION,
    notMonitored: [
        {
            item: "Low user activity",
            reason: "Named in Task 3.1 without a threshold; covered by the registration and content-creation drop alerts and the traffic anomaly monitor",
            source: "001 §Task 3.1 (Business metric alerts: low user activity)",
        },
        {
            item: "Recommendation effectiveness, feature adoption rates",
            reason: "Business metrics for dashboards (Prometheus/Datadog custom metrics) with no alert threshold",
            source: "001 §Monitoring Domains / Business Metrics",
        },
        {
            item: "Performance by geographic region, mobile vs desktop performance",
            reason: "RUM analysis dimensions for dashboards; the plan sets no threshold",
            source: "001 §Monitoring Domains / User Experience (DataDog RUM)",
        },
        {
            item: "MTTR < 15 minutes, MTBF > 30 days, performance complaints < 1% of tickets",
            reason: "Business success criteria measured from incident and support history, not a monitorable signal",
            source: "001 §Success Criteria / Business Success",
        },
        {
            item: "Load testing metrics, capacity planning",
            reason: "Performance-test runs and capacity trends, reviewed monthly; not a production alert",
            source: "001 §Task 4.3 (Load testing metric collection, capacity planning metrics); §Maintenance and Operations / Monthly Tasks",
        },
    ],
};
