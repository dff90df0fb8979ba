/**
 * VIVR — Next.js e-commerce platform (one app serving pages and /api; Prisma/Postgres, Redis, Stripe).
 * Plan: 002 Monitoring & Observability Setup Guide. Its Prometheus alert rules (§Alerting / prometheus-rules.yml)
 * are translated to Datadog monitors below.
 */
import {
    anomaly,
    apmLatency,
    browserJourney,
    eventCount,
    eventRatio,
    gauge,
    gaugeRatio,
    sslCheck,
    webVitalsMonitors,
} from "../lib/inputs/catalog/factories";
import type { ProductSpec } from "../lib/inputs/catalog/schema";
import { s } from "../lib/inputs/catalog/units";
import { COMPANY_ESCALATION } from "./defaults";

export const vivr: ProductSpec = {
    key: "vivr",
    displayName: "VIVR",
    company: "VIVR",
    description: "E-commerce storefront and checkout (Next.js on AWS behind an ALB, Prisma/PostgreSQL, Redis, Stripe).",
    team: {
        handle: "vivr",
        name: "VIVR Team",
        email: "vivr-team@vivr.shop",
        // 002 §Notification Channels: #vivr-alerts-critical
        slackChannel: "vivr-alerts-critical",
    },
    tier: 1,
    lifecycle: "production",
    plan: "002 Monitoring & Observability Setup Guide (VIVR E-Commerce Platform)",
    // 002 §Alert Rules labels: severity critical / warning / info.
    severityMapping: {
        "critical (ServiceDown, DatabaseConnectionPoolExhausted)": "P0",
        "critical (HighErrorRate)": "P1",
        warning: "P2",
        info: "P3",
    },
    surfaces: [
        {
            name: "web",
            kind: "web",
            // 002 §Datadog Integration / Client-side Setup: service 'vivr-frontend' (RUM and browser logs)
            service: "vivr-frontend",
            language: "TypeScript",
            framework: "Next.js (App Router)",
            runtime: "containers",
            sentryPlatform: "javascript-nextjs",
            host: "vivr.shop",
        },
        {
            name: "api",
            kind: "api",
            // 002 §Server-side Setup: StatsD tags service:vivr-api, prefix 'vivr.'; same Next.js app, /api routes
            service: "vivr-api",
            language: "TypeScript",
            framework: "Next.js route handlers (/api)",
            runtime: "containers",
            sentryPlatform: "javascript-nextjs",
            host: "vivr.shop",
        },
    ],
    monitors: [
        // ---- Critical ----
        // prometheus-rules.yml ServiceDown: up{job="vivr"} == 0 for 2m. The agent HTTP check on /api/health
        // reports network.http.can_connect (1 up, 0 down); the max over 2 minutes below 1 = down the whole 2 minutes.
        gauge({
            id: "service-down",
            surface: "api",
            severity: "P0",
            planSeverity: "critical",
            category: "availability",
            metric: { metric: "network.http.can_connect", aggregation: "max" },
            timeAggregation: "max",
            window: "2m",
            critical: 1,
            comparator: "<",
            unit: "up (1) / down (0)",
            notifyNoData: true,
            title: "VIVR service down",
            whatHappened: "The VIVR app has not answered its /api/health check for {window}: the storefront and checkout are down.",
            firstSteps: [
                "Check the ALB target group: are the targets unhealthy or deregistered?",
                "Check the app containers/instances and their last logs in /vivr/production/app",
                "Roll back the latest deployment if it coincides",
                "Post on the status page and in #vivr-alerts-critical",
            ],
            source: "002 §Alerting / Alert Rules (ServiceDown: up == 0 for 2m, critical)",
        }),
        // prometheus-rules.yml HighErrorRate: rate(errors_total[5m]) > 0.05 for 2m, "Error rate exceeds 5%".
        // Translated to the plan's own StatsD counters: errors.count / http.requests (prefix vivr.), over the plan's
        // 5-minute window, evaluated every minute; `for: 2m` is a hold: the rate is above 5% now, 1 and 2 minutes
        // ago (a composite of three evaluations), as Prometheus requires before firing.
        eventRatio({
            id: "high-error-rate",
            hold: "2m",
            surface: "api",
            severity: "P1",
            planSeverity: "critical",
            numerator: "vivr.errors.count",
            denominator: "vivr.http.requests",
            window: "5m",
            minCount: 100,
            critical: 5,
            title: "Error rate above {critical}",
            whatHappened: "More than {critical} of requests to VIVR ended in an error over the last {window}.",
            firstSteps: [
                "Check Sentry for the new issue (database, payment and auth errors are reported as critical)",
                "Break errors down by endpoint tag to find the failing route",
                "Check the /api/health response: which dependency (database, cache, payment) is in error?",
                "Roll back the latest deployment if it coincides",
            ],
            source: "002 §Alerting / Alert Rules (HighErrorRate: error rate > 5% for 2m, critical)",
        }),
        // prometheus-rules.yml DatabaseConnectionPoolExhausted: pg_connections_max - pg_connections_available < 5
        // for 5m. Read as intended: fewer than 5 free connections. Datadog's Postgres check has no "available"
        // metric and MetricRef has no subtraction, so the app publishes max_connections - active as a gauge.
        // The max over 5 minutes below 5 = fewer than 5 free the whole 5 minutes.
        gauge({
            id: "db-pool-exhausted",
            surface: "api",
            severity: "P0",
            planSeverity: "critical",
            category: "database",
            metric: { metric: "vivr.database.connections.available", aggregation: "min" },
            timeAggregation: "max",
            window: "5m",
            critical: 5,
            comparator: "<",
            unit: "connections",
            title: "Database connection pool exhausted",
            whatHappened:
                "Fewer than {critical} database connections have been free for {critical} minutes; new requests wait or fail to get a connection.",
            firstSteps: [
                "Check active queries in pg_stat_activity for long-running or idle-in-transaction sessions",
                "Check the Prisma connection_limit per instance times the number of instances against max_connections",
                "Terminate stuck sessions, then scale down runaway workers or raise the pool size carefully",
            ],
            source: "002 §Alerting / Alert Rules (DatabaseConnectionPoolExhausted: < 5 connections for 5m, critical)",
        }),
        // ---- Warning ----
        // prometheus-rules.yml HighResponseTime: histogram_quantile(0.95, api_response_time_seconds) > 5 for 5m
        apmLatency({
            id: "high-response-time",
            surface: "api",
            severity: "P2",
            planSeverity: "warning",
            span: "next.request",
            critical: s(5),
            title: "API p95 response time above {critical}",
            whatHappened: "The 95th percentile API response time stayed above 5 seconds over the last {window}.",
            firstSteps: [
                "Open APM latency by route to find the slow handlers",
                "Check database.query_time and the Stripe/Redis spans in slow traces",
                "Check CPU and memory of the app instances",
            ],
            source: "002 §Alerting / Alert Rules (HighResponseTime: p95 > 5s for 5m, warning)",
        }),
        // prometheus-rules.yml HighMemoryUsage: container_memory_usage_bytes / container_spec_memory_limit_bytes > 0.9
        // for 5m. Kept as the plan's fraction (0.9), measured the plan's way: container memory usage / limit (Datadog's
        // container check), per container.
        gaugeRatio({
            id: "high-memory-usage",
            title: "Memory usage above 90%",
            severity: "P2",
            planSeverity: "warning",
            surface: "api",
            numerator: { metric: "container.memory.usage", aggregation: "avg", groupBy: ["container_name"] },
            denominator: { metric: "container.memory.limit", aggregation: "avg", groupBy: ["container_name"] },
            timeAggregation: "avg",
            window: "5m",
            scale: 1,
            comparator: ">",
            critical: 0.9,
            whatHappened: "Memory usage of a VIVR app instance stayed above 90% of its limit for 5 minutes.",
            firstSteps: [
                "Check the health endpoint's metrics.memoryUsage (heap) trend for a leak since the last deploy",
                "Restart the affected instance if memory keeps growing",
                "Scale out if the memory use follows traffic",
            ],
            source: "002 §Alerting / Alert Rules (HighMemoryUsage: > 0.9 for 5m, warning)",
        }),
        // prometheus-rules.yml LowDiskSpace: node_filesystem_avail_bytes / node_filesystem_size_bytes < 0.1 for 10m
        gaugeRatio({
            id: "low-disk-space",
            title: "Free disk space below 10%",
            severity: "P2",
            planSeverity: "warning",
            surface: "api",
            numerator: { metric: "system.disk.free", aggregation: "avg", groupBy: ["host", "device"] },
            denominator: { metric: "system.disk.total", aggregation: "avg", groupBy: ["host", "device"] },
            timeAggregation: "avg",
            window: "10m",
            scale: 1,
            comparator: "<",
            critical: 0.1,
            whatHappened: "Less than 10% of a VIVR host's disk has been free for 10 minutes.",
            firstSteps: [
                "Find the largest directories (logs, .next cache, Docker images)",
                "Clear old images/build caches and rotate logs",
                "Resize the volume if growth is organic",
            ],
            source: "002 §Alerting / Alert Rules (LowDiskSpace: avail/size < 0.1 for 10m, warning)",
        }),
        // ---- Info ----
        // prometheus-rules.yml SlowQueryDetected: slow_queries_total > 0 for 5m (counted by the Prisma query timing
        // middleware that records database.query.duration)
        eventCount({
            id: "slow-query-detected",
            surface: "api",
            severity: "P3",
            planSeverity: "info",
            category: "database",
            metric: "vivr.database.slow_queries",
            window: "5m",
            critical: 0,
            comparator: ">",
            title: "Slow database queries detected",
            whatHappened: "Queries slower than the slow-query threshold ran in the last {window}.",
            firstSteps: [
                "Break vivr.database.query.duration down by table to find the slow model",
                "Enable LOG_QUERIES briefly in staging to capture the SQL, then EXPLAIN it",
                "Add the missing index or paginate the query",
            ],
            source: "002 §Alerting / Alert Rules (SlowQueryDetected: slow_queries_total > 0 for 5m, info)",
        }),
        // ---- Plan metrics without a threshold: baseline deviation ----
        // 002 §Technical Metrics: paymentFailureRate gauge (payments.failure_rate). No threshold in the plan;
        // payment failures are revenue-critical, so alert on a deviation from the baseline.
        anomaly({
            id: "payment-failure-anomaly",
            surface: "api",
            severity: "P1",
            metric: "vivr.payments.failure_rate",
            counter: false,
            direction: "above",
            title: "Payment failure rate above normal",
            whatHappened: "The payment failure rate deviates from its usual level; customers may be unable to pay.",
            firstSteps: [
                "Check the payment check in /api/health and the Stripe status page",
                "Break failures down by Stripe decline/error code in the logs",
                "Check for a checkout deployment or Stripe key change",
            ],
            source: "002 §Metrics & Dashboards / Technical Metrics (paymentFailureRate)",
        }),
        // 002 §Business Metrics: ordersCreated (orders.created). No threshold in the plan; baseline deviation.
        anomaly({
            id: "orders-anomaly",
            surface: "api",
            severity: "P2",
            metric: "vivr.orders.created",
            direction: "below",
            title: "Orders created deviate from normal",
            whatHappened: "The number of orders created deviates from its usual pattern for this time of day and week.",
            firstSteps: [
                "Place a test order on the storefront to rule out a broken checkout",
                "Check the payment failure rate and cart abandonment for the same period",
                "Ask whether a promotion started or ended",
            ],
            source: "002 §Metrics & Dashboards / Business Metrics (ordersCreated)",
        }),
        ...webVitalsMonitors({
            surface: "web",
            vitals: { severity: "P2", planSeverity: "warning" },
            errors: { severity: "P2", planSeverity: "warning" },
            source: {
                vitals: "002 §Application Monitoring / Datadog Integration (Client-side Setup: @datadog/browser-rum, Core Web Vitals)",
                errors: "002 §Application Monitoring / Datadog Integration (Client-side Setup: @datadog/browser-rum, browser errors)",
            },
        }),
    ],
    slos: [
        {
            id: "availability",
            title: "VIVR availability",
            kind: "availability",
            surface: "api",
            target: 99.9,
            timeframes: ["30d", "7d"],
            // Total = the plan's middleware counter http.requests (prefix vivr.); good = the non-5xx responses.
            good: { metric: "vivr.http.requests.ok", aggregation: "sum", asCount: true },
            total: { metric: "vivr.http.requests", aggregation: "sum", asCount: true },
            source: "002 §Overview / Goals (Comply with SLAs: 99.9% availability)",
        },
        {
            id: "api-latency",
            title: "VIVR API requests under 5 s",
            kind: "latency",
            surface: "api",
            // 95% under 5 s = the HighResponseTime p95 > 5 s rule.
            target: 95,
            timeframes: ["30d", "7d"],
            good: { metric: "vivr.http.requests.fast", aggregation: "sum", asCount: true },
            total: { metric: "vivr.http.requests", aggregation: "sum", asCount: true },
            source: "002 §Alerting / Alert Rules (HighResponseTime p95 > 5s)",
        },
    ],
    logs: {
        format: "json",
        types: [
            {
                // 002 §CloudWatch Log Configuration: /vivr/production/app, retention 30 days
                type: "app",
                hotDays: 30,
                warmDays: 90,
                coldDays: 365,
                source: "002 §Logging Strategy / CloudWatch Log Configuration (/vivr/production/app, retention-in-days 30)",
            },
        ],
        sampleRate: 0.1,
        dailyQuotaMillions: 10,
    },
    synthetics: [
        {
            // 002 §Application Health Endpoint: the app is down when it answers "unhealthy" (two or more dependencies in
            // error, or the handler itself failing) with a 503; one dependency in error is "degraded" with a 200 and
            // still serves. The page asserts only that: 200 and status healthy or degraded; ALB timeout 5 s.
            id: "api-health",
            title: "VIVR /api/health (service up)",
            kind: "api",
            surface: "api",
            severity: "P0",
            frequency: "1m",
            path: "/api/health",
            expectStatus: 200,
            maxResponseMs: 5000,
            assertions: [{ jsonPath: "$.status", oneOf: ["healthy", "degraded"] }],
            source: "002 §Health Checks / Application Health Endpoint (unhealthy = 503); §Load Balancer Health Check (path /api/health, timeout 5 s)",
        },
        {
            // 002 §Application Health Endpoint: each dependency's check; one not "ok" is a degraded service (P1, no page).
            id: "api-health-dependencies",
            title: "VIVR /api/health dependencies (database, cache, payment)",
            kind: "api",
            surface: "api",
            severity: "P1",
            frequency: "5m",
            path: "/api/health",
            expectStatus: 200,
            maxResponseMs: 5000,
            assertions: [
                { jsonPath: "$.checks.database.status", equals: "ok" },
                { jsonPath: "$.checks.cache.status", equals: "ok" },
                { jsonPath: "$.checks.payment.status", equals: "ok" },
            ],
            source: "002 §Health Checks / Application Health Endpoint (checks: database, cache, payment)",
        },
        sslCheck({
            surface: "web",
            host: "vivr.shop",
            source: "002 §Overview / Goals (detect issues proactively); 14-day SSL threshold from 004 §Network Metrics",
        }),
        {
            id: "checkout-flow",
            title: "Log in, add to cart and start checkout",
            kind: "multistep",
            surface: "api",
            severity: "P1",
            frequency: "10m",
            needsLogin: true,
            steps: [
                {
                    name: "Log in as the synthetic test customer",
                    method: "POST",
                    path: "/api/auth/login",
                    expectStatus: 200,
                    body: '{"email":"{{ VIVR_TEST_USER }}","password":"{{ VIVR_TEST_PASSWORD }}"}',
                    extract: { variable: "AUTH_TOKEN", jsonPath: "$.token" },
                },
                {
                    name: "Load a product",
                    method: "GET",
                    path: "/api/products?limit=1",
                    expectStatus: 200,
                    extract: { variable: "PRODUCT_ID", jsonPath: "$.products[0].id" },
                },
                {
                    name: "Add the product to the cart",
                    method: "POST",
                    path: "/api/cart",
                    expectStatus: 200,
                    body: '{"productId":"{{ PRODUCT_ID }}","quantity":1}',
                },
                {
                    name: "Create the checkout session (Stripe test mode)",
                    method: "POST",
                    path: "/api/checkout",
                    expectStatus: 200,
                    body: '{"testMode":true}',
                },
            ],
            source: "002 §Overview / Goals (detect issues proactively); §Business Metrics (orders, cart abandonment)",
        },
        browserJourney({
            id: "shop-journey",
            title: "Browse to checkout in a browser",
            surface: "web",
            severity: "P1",
            frequency: "15m",
            path: "/",
            needsLogin: true,
            journey: [
                "Open the home page and verify products render",
                "Open a product page and add the product to the cart",
                "Log in with the synthetic test customer",
                "Open checkout and verify the Stripe payment element loads",
            ],
            source: "002 §Overview / Goals (detect issues proactively before users notice)",
        }),
        browserJourney({
            id: "catalog-journey",
            title: "Search and browse the catalog in a browser",
            surface: "web",
            severity: "P2",
            frequency: "30m",
            path: "/",
            journey: [
                "Open the home page",
                "Search for a common product term and verify results appear",
                "Open a category page and verify products and images load",
            ],
            source: "002 §Overview / Goals (detect issues proactively before users notice)",
        }),
    ],
    security: [
        {
            id: "failed-auth-spike",
            title: "Failed login spike from one IP",
            severity: "P1",
            search: "service:vivr-api @http.url_details.path:\\/api\\/auth\\/* @http.status_code:401",
            groupBy: ["@network.client.ip"],
            threshold: 10,
            window: "5m",
            source: "002 §Error Tracking (auth and security errors are critical)",
        },
        {
            id: "rate-limit-violations",
            title: "Rate limit violations from one IP",
            severity: "P2",
            search: "service:vivr-api @http.status_code:429",
            groupBy: ["@network.client.ip"],
            threshold: 50,
            window: "5m",
            source: "002 §Error Tracking (auth and security errors are critical)",
        },
        {
            id: "card-testing",
            title: "Repeated declined payments from one IP (card testing)",
            severity: "P1",
            search: "service:vivr-api @http.url_details.path:\\/api\\/checkout* @http.status_code:402",
            groupBy: ["@network.client.ip"],
            threshold: 5,
            window: "10m",
            source: "002 §Error Tracking (payment errors are critical)",
        },
    ],
    escalation: COMPANY_ESCALATION,
    notMonitored: [
        {
            item: "Revenue processed, conversion rate, average order value, customer signups, cart abandonment",
            reason: "Business KPI gauges for dashboards; the plan sets no alert threshold (orders created has a baseline anomaly monitor)",
            source: "002 §Metrics & Dashboards / Business Metrics",
        },
        {
            item: "Cache hit rate, page load time",
            reason: "Technical metrics for dashboards with no threshold in the plan; cache health is asserted by the /api/health synthetic",
            source: "002 §Metrics & Dashboards / Technical Metrics",
        },
        {
            item: "ALB health check (30 s interval, 5 s timeout, 2 consecutive failures)",
            reason: "Load balancer configuration owned by the deployment, not a Datadog monitor; the /api/health synthetic uses the same path and 5 s timeout",
            source: "002 §Health Checks / Load Balancer Health Check Configuration",
        },
        {
            item: "Grafana dashboard panels (requests/s, error rate, DB p95, active connections)",
            reason: "Dashboards, not alerts; the same signals are covered by the translated alert rules",
            source: "002 §Metrics & Dashboards / Grafana Dashboard",
        },
    ],
};
