/**
 * Driplo — C2C fashion marketplace (SvelteKit on Vercel, Supabase Postgres/Auth/Realtime, Stripe).
 * Plan: 003 Monitoring & Alerting Plan, including its marketplace addendum (performance budgets, P0-P3 prioritization).
 *
 * The API is SvelteKit server routes traced by dd-trace-js' HTTP server integration: operation `web.request`,
 * trace metrics `trace.web.request*` (latency distribution in seconds).
 */
import { anomaly, apmErrorRate, apmLatency, browserJourney, eventCount, eventRatio, gauge, healthCheck, percentile, serviceCheck, sslCheck, webVital } from "../lib/inputs/catalog/factories";
import type { ProductSpec } from "../lib/inputs/catalog/schema";
import { ms, s } from "../lib/inputs/catalog/units";

export const driplo: ProductSpec = {
    key: "driplo",
    displayName: "Driplo",
    company: "Driplo",
    description: "C2C marketplace: listings with images, search, buyer-seller messaging over Supabase Realtime, Stripe payments and payouts.",
    team: {
        handle: "driplo",
        name: "Driplo Team",
        email: "driplo-team@driplo.com",
        slackChannel: "driplo-alerts",
    },
    tier: 1,
    lifecycle: "production",
    plan: "003 Monitoring & Alerting Plan (Driplo)",
    // 003 §Alert Prioritization for Marketplace: P0 immediate, P1 15 min, P2 1 hour, P3 24 hours.
    severityMapping: {
        "P0 (Immediate)": "P0",
        "P1 (15 min)": "P1",
        "P2 (1 hour)": "P2",
        "P3 (24 hours)": "P3",
    },
    surfaces: [
        {
            name: "web",
            kind: "web",
            service: "driplo-web",
            language: "TypeScript",
            framework: "SvelteKit (Svelte 5, Vercel)",
            sentryPlatform: "javascript-sveltekit",
            host: "driplo.com",
            runtime: "vercel",
        },
        {
            name: "api",
            kind: "api",
            service: "driplo-api",
            language: "TypeScript",
            framework: "SvelteKit server routes (Node)",
            sentryPlatform: "javascript-sveltekit",
            host: "api.driplo.com",
            runtime: "vercel",
        },
        {
            name: "database",
            kind: "database",
            service: "driplo-db",
            language: "SQL",
            framework: "Supabase PostgreSQL",
            runtime: "managed",
        },
        {
            name: "realtime",
            kind: "websocket",
            service: "driplo-realtime",
            language: "Elixir",
            framework: "Supabase Realtime",
            runtime: "managed",
        },
    ],
    monitors: [
        // ---- 003 §Alert Configuration / Performance Thresholds (warning / critical) ----
        // page_load_time: >2s (warning), >5s (critical). RUM measures are in nanoseconds: 2 s = 2e9 ns, 5 s = 5e9 ns.
        webVital({
            id: "page-load-time", surface: "web", severity: "P1", planSeverity: "critical", vital: "loading-time", critical: s(5), warning: s(2),
            title: "Page load time (p75) above {critical}",
            whatHappened: "The 75th percentile page load time seen by real users exceeded the threshold over the last {window}.",
            firstSteps: [
                "Open RUM views sorted by loading time to find the slow pages", "Check the resources waterfall for slow images or third-party scripts",
                "Check API latency for the data the slow pages load",
            ],
            source: "003 §Alert Configuration / Performance Thresholds (page_load_time >2s warning, >5s critical)",
        }),
        // api_response_time: >500ms (warning), >2s (critical); also §2.1 Critical Alerts "API response time > 2 seconds".
        // APM latency is in seconds: 500 ms = 0.5 s.
        apmLatency({
            id: "api-response-time", surface: "api", severity: "P1", planSeverity: "critical", span: "web.request", critical: s(2), warning: s(0.5),
            title: "API p95 response time above {critical}",
            whatHappened: "The 95th percentile API response time exceeded the threshold over the last {window}.",
            firstSteps: [
                "Open APM latency by route to find the slow endpoints", "Check Supabase query time (database query monitor) and Stripe calls in slow traces",
                "Check Vercel function cold starts and region placement",
            ],
            source: "003 §Alert Configuration / Performance Thresholds (api_response_time >500ms warning, >2s critical); §2.1 Critical Alerts (API response time > 2 seconds)",
        }),
        // database_query_time: >100ms (warning), >500ms (critical); the marketplace Performance Budget "Database Query:
        // >100ms" is this warning. Distribution metric in ms from the API's Supabase client wrapper, tagged
        // service:driplo-db.
        percentile({
            id: "db-query-time", surface: "database", severity: "P1", planSeverity: "critical", metric: { metric: "driplo.db.query.duration", unit: "ms" },
            critical: ms(500), warning: ms(100), category: "database", title: "Database query time (p95) above {critical}",
            whatHappened: "The 95th percentile database query time exceeded the threshold over the last {window}.",
            firstSteps: [
                "Open Supabase Query Performance (pg_stat_statements) and sort by mean time",
                "Check for missing indexes on the listing/search tables and for lock waits", "Check Supabase connection pool (Supavisor) saturation",
            ],
            source: "003 §Alert Configuration / Performance Thresholds (database_query_time >100ms warning, >500ms critical); §Performance Budget Alerts (Database Query >100ms)",
        }),
        // error_rate: >1% (warning), >5% (critical)
        apmErrorRate({
            id: "error-rate", surface: "api", severity: "P1", planSeverity: "critical", span: "web.request", minRequests: 100, critical: 5, warning: 1,
            title: "API error rate above {critical}",
            whatHappened: "The share of API requests failing with server errors exceeded the threshold over the last {window}.",
            firstSteps: [
                "Open APM errors by route and the matching Sentry issue", "Check Supabase and Stripe status pages",
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
            id: "cpu-usage", title: "Database instance CPU usage above {critical}", category: "saturation", severity: "P1", planSeverity: "critical",
            surface: "database",
            query: {
                kind: "ratio", complement: true, scale: 100, timeAggregation: "sum", window: "5m",
                numerator: { metric: "supabase.node.cpu.seconds.count", aggregation: "sum", asCount: true, filter: { mode: "idle" } },
                denominator: { metric: "supabase.node.cpu.seconds.count", aggregation: "sum", asCount: true },
            },
            comparator: ">", critical: 90, warning: 70, unit: "%",
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
            id: "memory-usage", title: "Database instance memory usage above {critical}", category: "saturation", severity: "P1", planSeverity: "critical",
            surface: "database",
            query: {
                kind: "ratio", complement: true, scale: 100, timeAggregation: "avg", window: "5m",
                numerator: { metric: "supabase.node.memory.mem_available_bytes", aggregation: "avg" },
                denominator: { metric: "supabase.node.memory.mem_total_bytes", aggregation: "avg" },
            },
            comparator: ">", critical: 95, warning: 80, unit: "%",
            whatHappened: "Memory usage of the Supabase database instance exceeded the threshold over the last {window}.",
            firstSteps: [
                "Check connection count and work_mem-heavy queries (sorts, hashes) in Supabase", "Check for long-running or idle-in-transaction sessions",
                "Upgrade the compute add-on if the memory follows traffic",
            ],
            source: "003 §Alert Configuration / Infrastructure Thresholds (memory_usage >80% warning, >95% critical)",
        },
        // §2.1 Critical Alerts lists "Memory usage > 85%" — a different value from the threshold table above; both
        // are kept as written in the plan.
        {
            id: "memory-usage-critical", title: "Database instance memory usage above {critical} (critical alert)", category: "saturation", severity: "P1",
            planSeverity: "critical", surface: "database",
            query: {
                kind: "ratio", complement: true, scale: 100, timeAggregation: "avg", window: "5m",
                numerator: { metric: "supabase.node.memory.mem_available_bytes", aggregation: "avg" },
                denominator: { metric: "supabase.node.memory.mem_total_bytes", aggregation: "avg" },
            },
            comparator: ">", critical: 85, unit: "%",
            whatHappened: "Memory usage of the Supabase database instance stayed above {critical} over the last {window}.",
            firstSteps: [
                "Check connection count and work_mem-heavy queries in Supabase",
                "Check the memory-usage monitor trend to see how fast it approaches 95%", "Upgrade the compute add-on before the instance starts swapping",
            ],
            source: "003 §2.1 Critical Alerts / System Health Alerts (Memory usage > 85%)",
        },
        // disk_usage: >85% (warning), >95% (critical), per filesystem.
        {
            id: "disk-usage", title: "Database disk usage above {critical}", category: "saturation", severity: "P1", planSeverity: "critical", surface: "database",
            query: {
                kind: "ratio", complement: true, timeAggregation: "avg", window: "5m",
                numerator: { metric: "supabase.node.filesystem.available_bytes", aggregation: "min", groupBy: ["device"] },
                denominator: { metric: "supabase.node.filesystem.size_bytes", aggregation: "max", groupBy: ["device"] },
            },
            comparator: ">", critical: 0.95, warning: 0.85, unit: "ratio",
            whatHappened: "A filesystem of the Supabase database instance is fuller than the threshold.",
            firstSteps: [
                "Check table and index sizes (and bloat) in Supabase", "Check WAL retained by inactive replication slots",
                "Enlarge the disk (Supabase auto-scales it, at most once every 6 hours) or archive old listings",
            ],
            source: "003 §Alert Configuration / Infrastructure Thresholds (disk_usage >85% warning, >95% critical)",
        },
        // network_latency: >200ms (warning), >1s (critical): TCP connect time of the API health synthetic (ms), measured
        // from Datadog's locations to the Vercel edge; the Agent-5 host metric system.net.tcp.rtt.avg has no host here.
        gauge({
            id: "network-latency", surface: "api", severity: "P1", planSeverity: "critical", category: "latency",
            metric: "synthetics.http.connect.time", window: "5m", critical: s(1), warning: ms(200),
            title: "Network latency above {critical}", whatHappened: "The TCP connect time to the Driplo API from Datadog's test locations exceeded the threshold over the last {window}.",
            firstSteps: [
                "Check which test locations are slow (one region or all)", "Check the Vercel and CDN status for regional network issues",
                "Check DNS and TLS timings of the same test runs",
            ],
            source: "003 §Alert Configuration / Infrastructure Thresholds (network_latency >200ms warning, >1s critical)",
        }),
        // ---- 003 §2.1 Critical Alerts ----
        // Service downtime (> 30 seconds): the agent HTTP check runs every 15 s, so 2 consecutive failures = 30 s.
        serviceCheck({
            id: "service-down", surface: "web", severity: "P0", planSeverity: "critical", check: "http.can_connect",
            title: "Driplo site down",
            whatHappened: "The HTTP check against driplo.com failed twice in a row; the marketplace is unreachable.",
            firstSteps: [
                "Open driplo.com from outside and note the error (DNS, TLS, 5xx, timeout)", "Check the Vercel deployment status and roll back a bad deployment",
                "Check Supabase status (auth and database failures take the site down)", "Update the status page",
            ],
            source: "003 §2.1 Critical Alerts / System Health Alerts (Service downtime > 30 seconds)",
        }),
        // Database connection failures; 003 P0: database unreachable
        serviceCheck({
            id: "db-connection-failures", surface: "database", severity: "P0", planSeverity: "P0 (database unreachable)", check: "postgres.can_connect",
            category: "database", title: "Database unreachable",
            whatHappened: "The Datadog Postgres check could not connect to the Supabase database twice in a row.",
            firstSteps: [
                "Check the Supabase dashboard and status page for the project", "Check connection limits and Supavisor pool saturation",
                "Check whether the project was paused or its credentials rotated",
            ],
            source: "003 §2.1 Critical Alerts (Database connection failures); §Alert Prioritization (P0: database unreachable)",
        }),
        // ---- 003 §2.1 Business Critical Alerts ----
        // Payment processing failures; 003 P0: payment processing down. Processing errors only (API errors,
        // timeouts), card declines excluded. A rate of the attempts, not `> 0`: one failed payment at night is not
        // "payment processing down". The plan gives no number: 000's payment-failure threshold (5%), with a floor of
        // 40 attempts so it takes at least 3 failures.
        eventRatio({
            id: "payment-processing-failures", surface: "api", severity: "P0", planSeverity: "P0 (payment processing down)", category: "business",
            numerator: "driplo.payments.processing_errors", denominator: "driplo.payments.attempted", window: "5m", minCount: 40, critical: 5,
            title: "Payment processing failures above {critical} of attempts",
            whatHappened: "More than {critical} of payments failed with processing errors (not card declines) in the last {window}; buyers cannot pay.",
            firstSteps: [
                "Check the Stripe dashboard and status page for API errors", "Check the payment intent errors in the logs by error code",
                "Check the Stripe keys and webhook secret in the Vercel environment",
            ],
            source: "003 §2.1 Business Critical Alerts (Payment processing failures); §Alert Prioritization (P0: payment processing down)",
        }),
        // Order completion drop — no number in the plan; alert on deviation from the baseline.
        anomaly({
            id: "order-completion-drop", surface: "api", severity: "P1", metric: "driplo.orders.completed", direction: "below",
            title: "Order completions deviate from normal", whatHappened: "Completed orders deviate from their usual pattern for this time of day and week.",
            firstSteps: [
                "Run the checkout synthetic or buy a test item to rule out a broken checkout", "Check payment processing failures and Stripe webhook failures",
                "Check the conversion funnel (search, view, contact, purchase) for the step that dropped",
            ],
            source: "003 §2.1 Business Critical Alerts (Order completion drop)",
        }),
        // User registration failures — no number in the plan; alert on unusual failure volume.
        anomaly({
            id: "registration-failures", surface: "api", severity: "P1", metric: "driplo.users.registration_failed", direction: "above",
            title: "User registration failures above normal",
            whatHappened: "Failed sign-ups deviate from their usual volume; new users may be unable to register.",
            firstSteps: [
                "Try the sign-up flow by hand and note the error", "Check Supabase Auth logs and email provider delivery for confirmation emails",
                "Check the sign-up route errors in Sentry",
            ],
            source: "003 §2.1 Business Critical Alerts (User registration failures)",
        }),
        // Search functionality issues; 003 P1: search functionality broken. Thresholds reuse the plan's error_rate
        // pair (1% warning, 5% critical).
        eventRatio({
            id: "search-errors", surface: "api", severity: "P1", planSeverity: "P1 (search functionality broken)", numerator: "driplo.search.errors",
            denominator: "driplo.search.requests", window: "10m", minCount: 100, critical: 5, warning: 1, title: "Search error rate above {critical}",
            whatHappened: "The share of failing search requests exceeded the threshold over the last {window}.",
            firstSteps: [
                "Run a search by hand and check the error", "Check the search query (full-text index / RPC) in Supabase for errors or timeouts",
                "Check the search route in Sentry and APM",
            ],
            source: "003 §2.1 Business Critical Alerts (Search functionality issues); §Alert Prioritization (P1: search functionality broken); thresholds from §Performance Thresholds (error_rate)",
        }),
        // 003 P1: image uploads failing. Thresholds reuse the plan's error_rate pair (1% warning, 5% critical).
        eventRatio({
            id: "image-upload-failures", surface: "api", severity: "P1", planSeverity: "P1 (image uploads failing)", numerator: "driplo.uploads.failed",
            denominator: "driplo.uploads.attempted", window: "15m", minCount: 40, critical: 5, warning: 1,
            title: "Image upload failure rate above {critical}",
            whatHappened: "The share of failing listing image uploads exceeded the threshold over the last {window}; sellers cannot list items.",
            firstSteps: [
                "Upload a test image by hand and note the error", "Check Supabase Storage status, bucket policies and size limits",
                "Check the image processing step (resize/convert) for errors in the logs",
            ],
            source: "003 §Alert Prioritization (P1: image uploads failing); thresholds from §Performance Thresholds (error_rate)",
        }),
        // ---- 003 §Performance Budget Alerts (marketplace-specific) ----
        // Product Page LCP > 1.5s; RUM measures are in nanoseconds: 1.5 s = 1.5e9 ns
        webVital({
            id: "product-page-lcp", surface: "web", severity: "P2", planSeverity: "P2 (performance degradation)", vital: "lcp",
            search: "@type:view @view.url_path:\\/product\\/*", critical: s(1.5), title: "Product page LCP (p75) above {critical}",
            whatHappened: "The 75th percentile Largest Contentful Paint on product pages exceeded 1.5 seconds over the last {window}.",
            firstSteps: [
                "Open RUM for product page views and check the LCP element (usually the main product image)",
                "Check image size/format and CDN cache for product images", "Check the product page data load time in APM",
            ],
            source: "003 §Performance Budget Alerts (Product Page LCP > 1.5s)",
        }),
        // Search Response > 500ms; APM latency in seconds: 500 ms = 0.5 s
        apmLatency({
            id: "search-response-time", surface: "api", severity: "P2", planSeverity: "P2 (performance degradation)", span: "web.request", window: "10m",
            resource: "get_/api/search", critical: ms(500), title: "Search p95 response time above {critical}",
            whatHappened: "The 95th percentile search response time exceeded {critical} over the last {window}.",
            firstSteps: [
                "Check the search query plan in Supabase (full-text index use)", "Check for expensive filters or very broad queries in slow traces",
                "Check database query time for the same period",
            ],
            source: "003 §Performance Budget Alerts (Search Response > 500ms)",
        }),
        // Image Load Time > 2s; RUM resource duration in nanoseconds: 2 s = 2e9 ns
        webVital({
            id: "image-load-time", surface: "web", severity: "P2", planSeverity: "P2 (performance degradation)", vital: "resource-duration",
            search: "@type:resource @resource.type:image", critical: s(2), title: "Image load time (p75) above {critical}",
            whatHappened: "The 75th percentile load time of images seen by real users exceeded 2 seconds over the last {window}.",
            firstSteps: [
                "Check CDN/image transformation cache hit rate and status",
                "Find the largest images in RUM resources and check they are resized and modern formats",
                "Check whether slow loads concentrate on mobile networks or one region",
            ],
            source: "003 §Performance Budget Alerts (Image Load Time > 2s)",
        }),
        // ---- 003 §3.2 Anomaly Detection ----
        anomaly({
            id: "traffic-anomaly", surface: "api", severity: "P2", category: "availability", metric: "trace.web.request.hits", direction: "both",
            title: "Unusual API traffic", whatHappened: "API request volume deviates from its usual pattern (possible outage, campaign, scraping or DDoS).",
            firstSteps: [
                "Check whether traffic dropped (outage) or surged (bot, DDoS, campaign)", "Break traffic down by route and client IP",
                "Check the scraping and DDoS security signals",
            ],
            source: "003 §3.2 Anomaly Detection (Traffic pattern anomalies); §2.1 Security Alerts (Potential DDoS attacks)",
        }),
        anomaly({
            id: "revenue-anomaly", surface: "api", severity: "P1", metric: "driplo.revenue.usd", direction: "both", title: "Revenue deviates from normal",
            whatHappened: "Revenue processed deviates from its usual pattern for this time of day and week.",
            firstSteps: [
                "Check payment processing failures and order completions for the same period", "Check the Stripe dashboard for a drop in successful charges",
                "Check for a pricing/fee change or a promotion",
            ],
            source: "003 §3.2 Anomaly Detection (Revenue anomaly detection)",
        }),
        // User behaviour anomalies: RUM sessions (RUM-generated custom metric)
        anomaly({
            id: "user-behaviour-anomaly", surface: "web", severity: "P3", metric: "driplo.rum.sessions", direction: "both",
            title: "User sessions deviate from normal", whatHappened: "The number of user sessions deviates from its usual pattern.",
            firstSteps: [
                "Compare sessions by device and country to find the segment that changed", "Check frontend errors and page load times in RUM",
                "Check marketing/referral traffic changes",
            ],
            source: "003 §3.2 Anomaly Detection (User behavior anomalies)",
        }),
        // Performance regression detection: average API latency vs its baseline (seconds)
        anomaly({
            id: "performance-regression", surface: "api", severity: "P2", planSeverity: "P2 (performance degradation)", category: "latency",
            metric: "trace.web.request", counter: false, direction: "above", title: "API latency regression",
            whatHappened: "Average API latency deviates from its baseline, usually after a deployment.",
            firstSteps: [
                "Compare latency before and after the latest deployment marker", "Find the routes whose latency changed most in APM",
                "Roll back if a deployment introduced the regression",
            ],
            source: "003 §3.2 Anomaly Detection (Performance regression detection); §3.1 Performance Analytics",
        }),
        // ---- 003 §Payment Monitoring Integration ----
        eventCount({
            id: "stripe-webhook-failures", surface: "api", severity: "P1", category: "business", metric: "driplo.stripe.webhooks.failed", window: "15m",
            // Stripe retries a failed delivery for days: one failure is not an incident, repeated ones are.
            critical: 3, title: "Stripe webhook processing failures",
            whatHappened: "Stripe webhooks failed to process in the last {window}; orders may not be marked paid.",
            firstSteps: [
                "Check the webhook endpoint's failed deliveries in the Stripe dashboard", "Check the webhook route logs for signature or processing errors",
                "Replay the failed events from Stripe once fixed",
            ],
            source: "003 §Payment Monitoring Integration (Webhook delivery success tracking)",
        }),
        eventCount({
            id: "payout-failures", surface: "api", severity: "P1", category: "business", metric: "driplo.stripe.payouts.failed", window: "1h", critical: 0,
            comparator: ">", title: "Seller payout failures", whatHappened: "Seller payouts failed in the last hour.",
            firstSteps: [
                "Check the failed payouts and their failure codes in Stripe Connect", "Contact affected sellers if bank details are invalid",
                "Check the Connect account status for restrictions",
            ],
            source: "003 §Payment Monitoring Integration (Payout timing and failure alerts)",
        }),
        // ---- 003 §Real-Time Messaging Monitoring ----
        // The plan tracks realtime event latency (Date.now() - payload.timestamp) with no threshold; baseline deviation.
        anomaly({
            id: "realtime-latency-anomaly", surface: "realtime", severity: "P2", category: "latency", metric: "driplo.realtime.latency", counter: false,
            direction: "above", title: "Realtime messaging latency above normal",
            whatHappened: "Buyer-seller message delivery latency over Supabase Realtime deviates from its baseline.",
            firstSteps: [
                "Check the Supabase Realtime status and the project's realtime connection count",
                "Check realtime errors in browser RUM (channel subscription failures)", "Check database replication (Realtime reads the WAL) for lag",
            ],
            source: "003 §Real-Time Messaging Monitoring (connection health, latency)",
        }),
    ],
    slos: [
        {
            id: "system-availability",
            title: "Driplo system uptime",
            kind: "availability",
            surface: "web",
            target: 99.9,
            timeframes: ["30d", "7d"],
            good: { metric: "driplo.requests.ok", aggregation: "sum", asCount: true },
            total: { metric: "driplo.requests.total", aggregation: "sum", asCount: true },
            source: "003 §Success Metrics / System Reliability (System uptime > 99.9%)",
        },
        {
            id: "api-availability",
            title: "Driplo API availability",
            kind: "availability",
            surface: "api",
            target: 99.95,
            timeframes: ["30d", "7d"],
            good: { metric: "driplo.requests.ok", aggregation: "sum", asCount: true },
            total: { metric: "driplo.requests.total", aggregation: "sum", asCount: true },
            source: "003 §Success Metrics / System Reliability (API availability > 99.95%)",
        },
        {
            id: "database-availability",
            title: "Driplo database uptime",
            kind: "availability",
            surface: "database",
            target: 99.99,
            timeframes: ["30d", "7d"],
            // Queries that reached the database and did not fail on connection/server errors, counted by the Supabase
            // client wrapper (tagged service:driplo-db).
            good: { metric: "driplo.db.queries.ok", aggregation: "sum", asCount: true },
            total: { metric: "driplo.db.queries.total", aggregation: "sum", asCount: true },
            source: "003 §Success Metrics / System Reliability (Database uptime > 99.99%)",
        },
        {
            id: "payments-availability",
            title: "Driplo payment processing uptime",
            kind: "availability",
            surface: "api",
            target: 99.95,
            timeframes: ["30d", "7d"],
            // Payment attempts that got a definitive answer (succeeded or declined) vs all attempts.
            good: { metric: "driplo.payments.processed", aggregation: "sum", asCount: true },
            total: { metric: "driplo.payments.attempted", aggregation: "sum", asCount: true },
            source: "003 §Success Metrics / System Reliability (Payment processing uptime > 99.95%)",
        },
        {
            id: "api-latency",
            title: "Driplo API requests under 500 ms",
            kind: "latency",
            surface: "api",
            // 95% under 500 ms = the api_response_time warning line at p95.
            target: 95,
            timeframes: ["30d", "7d"],
            good: { metric: "driplo.requests.fast", aggregation: "sum", asCount: true },
            total: { metric: "driplo.requests.total", aggregation: "sum", asCount: true },
            source: "003 §Alert Configuration / Performance Thresholds (api_response_time >500ms warning)",
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
                source: "003 §Log Management (Log retention policies; no day counts given) — tiers per 000 §Cost Optimization (Archive old logs to S3)",
            },
            {
                type: "security",
                hotDays: 30,
                warmDays: 90,
                coldDays: 365,
                source: "003 §2.1 Security Alerts; §Security Monitoring Integration — tiers per 000 §Security & Compliance (Retention policies)",
            },
        ],
        sampleRate: 0.1,
        dailyQuotaMillions: 10,
    },
    synthetics: [
        {
            id: "api-health", title: "Driplo API health endpoint", kind: "api", surface: "api", severity: "P0", frequency: "1m", path: "/api/health",
            expectStatus: 200, maxResponseMs: 2000,
            assertions: [{ jsonPath: "$.status", equals: "healthy" }, { jsonPath: "$.checks.database.status", equals: "ok" }],
            source: "003 §2.1 Critical Alerts (Service downtime, Database connection failures)",
        },
        healthCheck({
            id: "web-home", title: "driplo.com home page", surface: "web", path: "/", maxResponseMs: 5000,
            source: "003 §2.1 Critical Alerts (Service downtime > 30 seconds); §Performance Thresholds (page_load_time >5s critical)",
        }),
        sslCheck({ surface: "web", host: "driplo.com", source: "003 §Network Monitoring; 14-day SSL threshold from 004 §Network Metrics" }),
        sslCheck({ surface: "api", host: "api.driplo.com", source: "003 §Network Monitoring; 14-day SSL threshold from 004 §Network Metrics" }),
        {
            id: "search-flow", title: "Search and open a listing", kind: "multistep", surface: "api", severity: "P1", frequency: "5m", maxResponseMs: 500,
            steps: [
                {
                    name: "Search listings", method: "GET", path: "/api/search?q=jacket", expectStatus: 200,
                    extract: { variable: "LISTING_ID", jsonPath: "$.results[0].id" },
                },
                { name: "Open the first listing", method: "GET", path: "/api/products/{{ LISTING_ID }}", expectStatus: 200 },
            ],
            source: "003 §Performance Budget Alerts (Search Response > 500ms); §Alert Prioritization (P1: search functionality broken)",
        },
        {
            id: "login-flow", title: "Log in and load the account", kind: "multistep", surface: "api", severity: "P1", frequency: "10m", needsLogin: true,
            steps: [
                {
                    name: "Log in as the synthetic test user", method: "POST", path: "/api/auth/login", expectStatus: 200,
                    body: "{\"email\":\"{{ DRIPLO_TEST_USER }}\",\"password\":\"{{ DRIPLO_TEST_PASSWORD }}\"}",
                    extract: { variable: "ACCESS_TOKEN", jsonPath: "$.access_token" },
                },
                { name: "Load the signed-in profile", method: "GET", path: "/api/me", expectStatus: 200 },
            ],
            source: "003 §2.1 Security Alerts (Failed login attempts); §Business Critical Alerts (User registration failures)",
        },
        {
            id: "checkout-flow", title: "Start checkout for the test listing", kind: "multistep", surface: "api", severity: "P1", frequency: "15m",
            needsLogin: true,
            steps: [
                {
                    name: "Log in as the synthetic test buyer", method: "POST", path: "/api/auth/login", expectStatus: 200,
                    body: "{\"email\":\"{{ DRIPLO_TEST_USER }}\",\"password\":\"{{ DRIPLO_TEST_PASSWORD }}\"}",
                    extract: { variable: "ACCESS_TOKEN", jsonPath: "$.access_token" },
                },
                {
                    name: "Create a payment intent for the synthetic test listing (Stripe test mode)", method: "POST", path: "/api/checkout", expectStatus: 200,
                    body: "{\"listingId\":\"synthetic-test-listing\",\"testMode\":true}",
                },
            ],
            source: "003 §2.1 Business Critical Alerts (Payment processing failures); §Success Metrics (Payment processing uptime > 99.95%)",
        },
        browserJourney({
            id: "product-page-journey", title: "Search to product page in a browser", surface: "web", severity: "P2", frequency: "15m",
            path: "/",
            journey: [
                "Open the home page", "Search for a common item and verify results render with images",
                "Open the first product page and verify the main image and price render",
            ],
            source: "003 §Marketplace-Specific KPIs (Conversion funnel: Search → View → Contact → Purchase); §Performance Budget Alerts",
        }),
        browserJourney({
            id: "sell-journey", title: "Create a draft listing with an image in a browser", surface: "web", severity: "P2", frequency: "30m",
            path: "/sell", needsLogin: true,
            journey: [
                "Log in with the synthetic test seller", "Start a new listing and upload a test image",
                "Save it as a draft and verify the image preview appears", "Delete the draft",
            ],
            source: "003 §Alert Prioritization (P1: image uploads failing); §Business Health (Product listing activity)",
        }),
    ],
    security: [
        {
            id: "failed-login-spike",
            title: "Failed login spike from one IP",
            severity: "P1",
            search: "service:driplo-api @evt.name:authentication @evt.outcome:failure",
            groupBy: ["@network.client.ip"],
            threshold: 10,
            window: "5m",
            source: "003 §2.1 Security Alerts (Failed login attempts spike); §Security Monitoring Integration (Failed authentication attempt patterns)",
        },
        {
            id: "api-scraping",
            title: "Unusual API access from one IP (potential scraping)",
            severity: "P2",
            search: "service:driplo-api @http.url_details.path:\\/api\\/products*",
            groupBy: ["@network.client.ip"],
            threshold: 600,
            window: "5m",
            source: "003 §2.1 Security Alerts (Unusual API access patterns); §Security Monitoring Integration (Unusual API access, potential scraping)",
        },
        {
            id: "ddos",
            title: "Potential DDoS: rate limiter rejecting a flood",
            severity: "P1",
            search: "service:driplo-api @http.status_code:429",
            groupBy: [],
            threshold: 1000,
            window: "5m",
            source: "003 §2.1 Security Alerts (Potential DDoS attacks)",
        },
        {
            id: "upload-violations",
            title: "File upload security violations from one IP",
            severity: "P1",
            search: "service:driplo-api @evt.name:file_upload @evt.outcome:rejected",
            groupBy: ["@network.client.ip"],
            threshold: 5,
            window: "10m",
            source: "003 §Security Monitoring Integration (File upload security violations)",
        },
        {
            id: "payment-fraud",
            title: "Payment fraud indicators",
            severity: "P1",
            search: "service:driplo-api @evt.name:(stripe.radar.early_fraud_warning OR stripe.charge.dispute.created)",
            groupBy: [],
            threshold: 3,
            window: "1h",
            source: "003 §Security Monitoring Integration (Payment fraud indicators); §Payment Monitoring Integration (Chargeback and dispute monitoring)",
        },
        {
            id: "breach-indicators",
            title: "Security breach indicators: denied admin access from one IP",
            severity: "P1",
            search: "service:driplo-api @http.url_details.path:\\/admin* @http.status_code:403",
            groupBy: ["@network.client.ip"],
            threshold: 5,
            window: "10m",
            source: "003 §2.1 Security Alerts (Security breach indicators)",
        },
    ],
    // 003 §2.2 Escalation Matrix
    escalation: {
        levels: [
            {
                level: 1,
                startsAtMinute: 0,
                targets: ["datadog", "slack", "primary"],
                description: "Level 1: development team (immediate) — on-call developer paged, team Slack channel",
            },
            {
                level: 2,
                startsAtMinute: 5,
                targets: ["backup"],
                description: "Level 2: senior engineers (5 minutes)",
            },
            {
                level: 3,
                startsAtMinute: 15,
                targets: ["lead"],
                description: "Level 3: engineering managers (15 minutes)",
            },
            {
                level: 4,
                startsAtMinute: 30,
                targets: ["founder"],
                description: "Level 4: CTO / leadership (30 minutes)",
            },
        ],
        loops: 2,
        source: "003 §2.2 Alert Channels & Escalation / Escalation Matrix",
    },
    notMonitored: [
        {
            item: "Core Web Vitals FID and CLS, DNS resolution time, CDN performance, bandwidth utilization",
            reason: "Listed for monitoring with no threshold in the plan; shown on dashboards (page load, product page LCP and image load have budgets and monitors)",
            source: "003 §1.1 Application Performance Monitoring; §1.2 Network Monitoring",
        },
        {
            item: "Conversion rate, A/B test results, customer satisfaction scores, churn, customer lifetime value",
            reason: "Analytics and dashboard items without thresholds",
            source: "003 §3.1 User Experience Analytics; §1.3 User Behavior Analytics",
        },
        {
            item: "Refunds, chargebacks, payment method analysis, revenue forecasting, market intelligence",
            reason: "Financial and market dashboards without thresholds (fraud/dispute events feed the payment-fraud security rule)",
            source: "003 §3.2 Business Intelligence",
        },
        {
            item: "MTTD < 2 min, MTTR < 30 min, alert accuracy > 95%, false positive rate < 5%",
            reason: "Monitoring-effectiveness goals measured from incident history, not a monitorable signal",
            source: "003 §Success Metrics / Monitoring Effectiveness",
        },
        {
            item: "Mobile-first metrics: touch interaction success, device-specific error patterns, PWA behaviour",
            reason: "RUM analysis dimensions without thresholds; page load and LCP monitors already include mobile sessions",
            source: "003 §Mobile-First Monitoring",
        },
    ],
};
