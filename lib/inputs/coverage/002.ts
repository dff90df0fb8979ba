/** 002 Monitoring & Observability Setup Guide (VIVR): every monitoring requirement, item by item. Data only. */
import type { PlanCoverage } from "../../tooling/coverage";

export const plan002: PlanCoverage = {
    seed: "002",
    title: "Monitoring & Observability Setup Guide (VIVR)",
    file: "002_0a15a07c8a1d9740.txt",
    aliases: {
        "Business Metrics": "Metrics & Dashboards / Business Metrics",
        "Load Balancer Health Check": "Health Checks / Load Balancer Health Check Configuration",
    },
    items: [
        // Overview / Goals
        {
            item: "Detect issues proactively before users notice",
            section: "Overview / Goals",
            match: "detect issues proactively",
            status: "implemented",
        },
        { item: "Comply with SLAs (99.9% availability)", section: "Overview / Goals", match: "99.9%", status: "implemented" },
        {
            item: "Quick incident response with detailed context",
            section: "Overview / Goals",
            status: "implemented",
            implementedBy: { file: "lib/tooling/alertCatalog.ts", what: "runbook per alert, linked from every notification" },
        },
        // Health Checks
        {
            item: "/api/health endpoint: status, database, cache and payment checks",
            section: "Health Checks / Application Health Endpoint",
            status: "differentMeaningFixed",
            via: [{ section: "Load Balancer Health Check", match: "/api/health" }],
            note: 'pages (P0 api-health) only when the service is down: a 503 or `$.status` other than "healthy" or "degraded" (the endpoint answers "unhealthy" with a 503 once two dependencies fail); a dependency not "ok" fails the P1 api-health-dependencies test (every 5 min), which posts to Slack and does not page',
        },
        {
            item: "ALB health check (30 s interval, 5 s timeout, 2 failures)",
            section: "Health Checks / Load Balancer Health Check Configuration",
            status: "notMonitored",
        },
        // APM
        {
            item: "Request metrics (http.requests by endpoint and method)",
            section: "Application Monitoring / Metrics to Track",
            status: "implemented",
            via: [{ section: "Alerting / Alert Rules", match: "HighErrorRate" }],
            note: "the request counter is the denominator of the error-rate monitor",
        },
        {
            item: "Performance metrics: database.query.duration per table",
            section: "Application Monitoring / Metrics to Track",
            status: "implemented",
            via: [{ section: "Alerting / Alert Rules", match: "SlowQueryDetected" }],
        },
        {
            item: "Browser RUM (@datadog/browser-rum, service vivr-frontend): page performance and browser errors",
            section: "Application Monitoring / Datadog Integration",
            status: "implemented",
            note: "the plan sets up RUM without thresholds: Core Web Vitals at Google's thresholds and RUM errors per hundred views, P2 (warning)",
        },
        // Error Tracking
        {
            item: "Sentry error tracking (client and server), critical auth, security and payment errors",
            section: "Error Tracking",
            status: "implemented",
        },
        // Logging
        {
            item: "Structured logging",
            section: "Logging Strategy / Structured Logging",
            status: "implemented",
            implementedBy: { file: "lib/datadog/logs.ts", what: "JSON pipeline for VIVR's format" },
        },
        {
            item: "CloudWatch log group /vivr/production/app, retention 30 days",
            section: "Logging Strategy / CloudWatch Log Configuration",
            status: "implemented",
        },
        // Metrics & Dashboards
        {
            item: "Business metric: orders created",
            section: "Metrics & Dashboards / Business Metrics",
            match: "ordersCreated",
            status: "implemented",
        },
        {
            item: "Business metrics: revenue, conversion rate, average order value, signups, cart abandonment",
            section: "Metrics & Dashboards / Business Metrics",
            status: "notMonitored",
        },
        {
            item: "Technical metric: payment failure rate",
            section: "Metrics & Dashboards / Technical Metrics",
            match: "paymentFailureRate",
            status: "implemented",
        },
        {
            item: "Technical metrics: API response time, database query time, errors",
            section: "Metrics & Dashboards / Technical Metrics",
            status: "implemented",
            via: [
                { section: "Alerting / Alert Rules", match: "HighResponseTime" },
                { section: "Alerting / Alert Rules", match: "SlowQueryDetected" },
            ],
        },
        {
            item: "Technical metrics: cache hit rate, page load time",
            section: "Metrics & Dashboards / Technical Metrics",
            status: "notMonitored",
        },
        {
            item: "Grafana dashboard: requests/s, error rate, DB p95, active connections",
            section: "Metrics & Dashboards / Grafana Dashboard",
            status: "notMonitored",
        },
        // Alert Rules
        { item: "ServiceDown: up == 0 for 2m (critical)", section: "Alerting / Alert Rules", match: "ServiceDown", status: "implemented" },
        {
            item: "HighErrorRate: > 5% for 2m (critical)",
            section: "Alerting / Alert Rules",
            match: "HighErrorRate",
            status: "differentMeaningFixed",
            note: "the 5-minute error rate must hold above 5% for 2 minutes (Prometheus `for: 2m`): a composite of the rate now and evaluated 1 and 2 minutes earlier (evaluation_delay), which alerts once all three are above",
        },
        {
            item: "DatabaseConnectionPoolExhausted: < 5 free connections for 5m (critical)",
            section: "Alerting / Alert Rules",
            match: "DatabaseConnectionPoolExhausted",
            status: "implemented",
        },
        {
            item: "HighResponseTime: p95 > 5s for 5m (warning)",
            section: "Alerting / Alert Rules",
            match: "HighResponseTime",
            status: "implemented",
        },
        {
            item: "HighMemoryUsage: container memory / container limit > 0.9 for 5m (warning)",
            section: "Alerting / Alert Rules",
            match: "HighMemoryUsage",
            status: "differentMeaningFixed",
            note: "container.memory.usage / container.memory.limit by container_name (Datadog's container check) > 0.9 over 5m, P2; it watched host memory before",
        },
        {
            item: "LowDiskSpace: avail/size < 0.1 for 10m (warning)",
            section: "Alerting / Alert Rules",
            match: "LowDiskSpace",
            status: "implemented",
        },
        {
            item: "SlowQueryDetected: slow_queries_total > 0 for 5m (info)",
            section: "Alerting / Alert Rules",
            match: "SlowQueryDetected",
            status: "implemented",
        },
        // Notification Channels
        {
            item: "Slack #vivr-alerts-critical for critical alerts",
            section: "Alerting / Notification Channels",
            status: "implemented",
            implementedBy: { file: "lib/model/routing.ts", what: "team channel vivr-alerts-critical on P0/P1 routes" },
        },
        {
            item: "PagerDuty for critical alerts",
            section: "Alerting / Notification Channels",
            status: "implemented",
            implementedBy: { file: "lib/pagerduty/service.ts", what: "VIVR PagerDuty service, P0 pages" },
        },
        // Deployment checklist
        {
            item: "On-call rotation established, runbooks for common alerts",
            section: "Implementation / Deployment Checklist",
            status: "implemented",
            implementedBy: {
                file: "lib/pagerduty/escalation.ts",
                what: "weekly primary/backup schedules; runbooks from lib/tooling/alertCatalog.ts",
            },
        },
    ],
};
