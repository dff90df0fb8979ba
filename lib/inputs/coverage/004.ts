/** 004 PlumberLeads Monitoring & Logging Documentation: every monitoring requirement, item by item. Data only. */
import type { CoverageItem, PlanCoverage } from "../../tooling/coverage";

/** One table row of 004 whose citation names the metric. */
const row = (section: string, item: string, match = item.split(" >")[0].split(" <")[0]): CoverageItem => ({
    item,
    section,
    match,
    status: "implemented",
});

const SYNTHETIC_SLO =
    "the check's success target is the target of an SLO over the synthetic test's own monitor (monitor-based, 30 and 7 days: the share of time the test is not alerting; lib/datadog/slo.ts syntheticSlos). Datadog attaches no burn-rate or error-budget alert to monitor-based SLOs of synthetic tests (docs: Burn Rate Alerts, Error Budget Alerts: metric monitors only), and a metric SLO on synthetics.test_runs would rest on tag values Datadog does not document; the test's monitor alerts on each confirmed failure at the check's severity instead";

export const plan004: PlanCoverage = {
    seed: "004",
    title: "PlumberLeads Monitoring & Logging Documentation",
    file: "004_9d8de789721b46e3.txt",
    aliases: {
        "Executive Dashboard": "Dashboards / Executive Dashboard",
    },
    items: [
        // Monitoring architecture
        {
            item: "Datadog as primary monitoring (agents, APM, RUM, synthetics)",
            section: "Monitoring Components",
            match: "Datadog",
            status: "implemented",
        },
        {
            item: "AWS CloudWatch as secondary monitoring for critical systems",
            section: "Monitoring Components / Secondary Monitoring",
            status: "implemented",
            note: "lib/aws/healthChecks.ts: a Route 53 health check per listed synthetic (the P0 home page and API health checks) and a CloudWatch alarm on its status, paging through PagerDuty's Amazon CloudWatch integration and mailing the alarm mailbox. The plan names no AWS resource to watch (its load balancer is DigitalOcean's, §Network Metrics; servers run Datadog agents), so CloudWatch watches the public endpoints themselves, independently of Datadog",
        },
        {
            item: "Status page (Statuspage.io) for public and internal communication",
            section: "Monitoring Components / Status Page",
            status: "notMonitored",
            note: "no Statuspage.io resource in the providers used; runbooks say when to update it",
        },
        {
            item: "ELK stack for log management",
            section: "Monitoring Components / Log Management",
            status: "notMonitored",
            note: "logs go to Datadog and CloudWatch (000 standard); no ELK resources are provisioned",
        },
        // Server
        row("Server Metrics", "CPU Utilization >85% for 5 min"),
        row("Server Metrics", "Memory Usage >90% for 5 min"),
        row("Server Metrics", "Disk Usage >85%"),
        row("Server Metrics", "Disk I/O >90% of capacity"),
        { item: "Network I/O >80% of capacity", section: "Server Metrics", match: "Network I/O", status: "notMonitored" },
        row("Server Metrics", "Load Average >system cores x 1.5"),
        row("Server Metrics", "Process Count >500"),
        row("Server Metrics", "Open File Descriptors >85% of max"),
        // Database
        row("Database Metrics", "Connection Count >85% of max / Connection Utilization >90% for 5 min", "Connection Count"),
        row("Database Metrics", "Query Performance >1 sec avg"),
        row("Database Metrics", "Index Hit Ratio <95%"),
        row("Database Metrics", "Replication Lag >30 sec"),
        { item: "Transaction Rate (trend)", section: "Database Metrics", status: "notMonitored" },
        row("Database Metrics", "Cache Hit Ratio <90%"),
        row("Database Metrics", "Deadlocks >0"),
        // Cache
        row("Cache Metrics", "Memory Usage >85%"),
        row("Cache Metrics", "Cache Hit Rate <80%"),
        row("Cache Metrics", "Evictions >0 per sec"),
        row("Cache Metrics", "Connected Clients >80% of max"),
        { item: "Commands Processed (trend)", section: "Cache Metrics", status: "notMonitored" },
        row("Cache Metrics", "Blocked Clients >0 for 1 min"),
        // Network
        { item: "Load Balancer Requests (trend)", section: "Network Metrics", status: "notMonitored" },
        row("Network Metrics", "HTTP 5xx Errors >1% of requests"),
        row("Network Metrics", "HTTP 4xx Errors >5% of requests"),
        row("Network Metrics", "Response Time >500 ms avg"),
        row("Network Metrics", "DNS Resolution Time >100 ms"),
        row("Network Metrics", "CDN Cache Rate <80%"),
        row("Network Metrics", "SSL Certificate Expiry <14 days"),
        // Performance
        { item: "Request Rate (trend)", section: "Performance Metrics", status: "notMonitored" },
        row("Performance Metrics", "Response Time (P95) >1 second", "P95"),
        row("Performance Metrics", "Response Time (P99) >2 seconds", "P99"),
        row("Performance Metrics", "Apdex Score <0.9"),
        row("Performance Metrics", "Error Rate >1%"),
        row("Performance Metrics", "CPU Time per Request >200 ms"),
        row("Performance Metrics", "Memory per Request >50 MB"),
        row("Performance Metrics", "Database Calls per Request >10"),
        // Endpoints
        row("Endpoint Performance", "/api/leads >800 ms P95", "/api/leads"),
        row("Endpoint Performance", "/api/plumbers/profile >600 ms P95", "/api/plumbers/profile"),
        row("Endpoint Performance", "/api/auth/login >400 ms P95", "/api/auth/login"),
        row("Endpoint Performance", "/api/payments >1000 ms P95", "/api/payments"),
        row("Endpoint Performance", "/api/admin/* >800 ms P95", "/api/admin"),
        // Frontend
        row("Frontend Performance", "Page Load Time >3 seconds"),
        row("Frontend Performance", "First Contentful Paint >1.8 seconds"),
        row("Frontend Performance", "Largest Contentful Paint >2.5 seconds"),
        row("Frontend Performance", "First Input Delay >100 ms"),
        row("Frontend Performance", "Cumulative Layout Shift >0.1"),
        row("Frontend Performance", "JS Errors >0"),
        row("Frontend Performance", "AJAX Error Rate >1%"),
        // Synthetic checks: each check's success target is an SLO over its test.
        {
            item: "Home Page Availability, 1 min, >99.9% uptime",
            section: "Synthetic Checks",
            match: "Home Page Availability",
            status: "differentMeaningFixed",
            note: SYNTHETIC_SLO,
        },
        {
            item: "Login Flow, 5 min, >99.5% success",
            section: "Synthetic Checks",
            match: "Login Flow",
            status: "differentMeaningFixed",
            note: SYNTHETIC_SLO,
        },
        {
            item: "Lead Claiming Process, 10 min, >99% success",
            section: "Synthetic Checks",
            match: "Lead Claiming",
            status: "differentMeaningFixed",
            note: SYNTHETIC_SLO,
        },
        {
            item: "Payment Processing, 15 min, >99% success",
            section: "Synthetic Checks",
            match: "Payment Processing",
            status: "differentMeaningFixed",
            note: SYNTHETIC_SLO,
        },
        {
            item: "Admin Dashboard, 30 min, >99.5% success",
            section: "Synthetic Checks",
            match: "Admin Dashboard",
            status: "differentMeaningFixed",
            note: SYNTHETIC_SLO,
        },
        {
            item: "Mobile Responsive Check, 60 min, >99% success",
            section: "Synthetic Checks",
            match: "Mobile Responsive",
            status: "differentMeaningFixed",
            note: SYNTHETIC_SLO,
        },
        // Business
        row("User Metrics", "Active Users <previous day -20%"),
        row("User Metrics", "New Registrations <previous day -30%"),
        row("User Metrics", "Registration Completion Rate <80%"),
        { item: "Session Duration, Mobile vs Desktop, Geographic Distribution (trends)", section: "User Metrics", status: "notMonitored" },
        row("Lead Metrics", "New Leads <previous day -20%"),
        row("Lead Metrics", "Lead Claim Rate <60%"),
        row("Lead Metrics", "Time to Claim >30 min avg"),
        row("Lead Metrics", "Lead Quality Score <4.0/5.0 avg"),
        { item: "Lead Distribution (trend)", section: "Lead Metrics", status: "notMonitored" },
        row("Lead Metrics", "Disputed Leads >5% of total"),
        row("Payment Metrics", "Transaction Volume <previous day -25%"),
        row("Payment Metrics", "Transaction Value <previous day -25%"),
        row("Payment Metrics", "Failed Payments >5% of attempts"),
        row("Payment Metrics", "Refund Rate >3% of transactions"),
        {
            item: "Average Transaction Value <previous month -10%",
            section: "Payment Metrics",
            match: "Average Transaction Value",
            status: "notMonitored",
        },
        { item: "Payment Method Distribution (trend)", section: "Payment Metrics", status: "notMonitored" },
        // Alerting system
        {
            item: "P1 Critical: PagerDuty, SMS, email, Slack, immediate",
            section: "Alert Severity Levels",
            match: "P1",
            status: "implemented",
        },
        {
            item: "P2 High: PagerDuty (low urgency), email, Slack within 30 min",
            section: "Alert Severity Levels",
            match: "P2 High",
            status: "differentMeaningFixed",
            note: "company P1 (the plan's P2 High) opens a low-urgency incident on the product's low-urgency PagerDuty service (`plumberleads-<env>-low`, constant low urgency: notifies the on-call without waking them) and emails the team, besides #alerts-critical",
        },
        {
            item: "P3 Medium: email and Slack; P4 Low: email next business day",
            section: "Alert Severity Levels",
            status: "implemented",
            match: "P3 Medium",
            note: "company P2 (the plan's P3): Slack #alerts-warning and the team's email; company P3 (P4): the digest mailbox",
        },
        { item: "Alert routes: security alerts to on-call security", section: "Alert Routes", match: "Security", status: "implemented" },
        {
            item: "Alert routes by component: database alerts to the DBA, infrastructure to DevOps",
            section: "Alert Routes",
            match: "Database",
            via: [{ section: "Alert Routes", match: "Infrastructure" }],
            status: "implemented",
            note: "spec componentRoutes: database, infrastructure (saturation) and security alerts page their own rotation (oncall.teams plumberleads-dba, -devops, -security) through their own PagerDuty service and escalation policy, at high urgency for P0 and low urgency for P1; application alerts keep the product's (developers') rotation; P2–P4 team recipients are the product's Slack channel and team email (one team owns PlumberLeads)",
        },
        {
            item: "Alert lifecycle: incident created, acknowledgment, post-mortem for P1/P2",
            section: "Alert Lifecycle",
            status: "implemented",
            implementedBy: { file: "lib/datadog/incidents.ts", what: "incident type and postmortem template for PlumberLeads" },
        },
        {
            item: "Noise reduction: grouping, dampening, maintenance windows",
            section: "Alert Noise Reduction",
            status: "implemented",
            implementedBy: {
                file: "lib/pagerduty/escalation.ts",
                what: "time-based alert grouping; maintenance windows in lib/datadog/maintenance.ts",
            },
        },
        {
            item: "Noise reduction: correlation rules",
            section: "Alert Noise Reduction",
            status: "notMonitored",
            note: "Datadog Event Management correlation patterns have no resource in @pulumi/datadog 5.11; PagerDuty 3.4.0 has no Event Orchestration. Time-based grouping folds an outage's alerts into one incident",
        },
        // Dashboards
        {
            item: "Executive dashboard: system health, SLA compliance, growth, revenue, KPIs",
            section: "Dashboards / Executive Dashboard",
            status: "implemented",
            implementedBy: {
                file: "lib/datadog/dashboards.ts",
                what: "executiveDashboard (company), SLA compliance from the availability SLOs",
            },
        },
        {
            item: "Operations dashboard: infrastructure, application performance, errors, incidents, resources",
            section: "Dashboards / Operations Dashboard",
            status: "implemented",
            implementedBy: { file: "lib/datadog/planDashboards.ts", what: "operations dashboard" },
        },
        {
            item: "Development dashboard: deployment frequency and success, error trends by service",
            section: "Dashboards / Development Dashboard",
            status: "implemented",
            implementedBy: {
                file: "lib/datadog/planDashboards.ts",
                what: "development dashboard (code coverage and technical debt as a note: no source)",
            },
        },
        {
            item: "On-call dashboard: alert status, incidents, anomalies, failure points, logs",
            section: "Dashboards / On-call Dashboard",
            status: "implemented",
            implementedBy: { file: "lib/datadog/dashboards.ts", what: "onCallDashboard" },
        },
        {
            item: "Database performance dashboard (and Appendix C System Health)",
            section: "Dashboards / Database Performance",
            status: "implemented",
            implementedBy: { file: "lib/datadog/planDashboards.ts", what: "database performance and system health dashboards" },
        },
        {
            item: "Frontend performance dashboard",
            section: "Dashboards / Frontend Performance",
            status: "implemented",
            implementedBy: { file: "lib/datadog/planDashboards.ts", what: "frontend performance dashboard" },
        },
        {
            item: "Payment processing dashboard",
            section: "Dashboards / Payment Processing",
            status: "implemented",
            implementedBy: { file: "lib/datadog/planDashboards.ts", what: "payment processing dashboard" },
        },
        {
            item: "Lead management dashboard",
            section: "Dashboards / Lead Management",
            status: "implemented",
            implementedBy: { file: "lib/datadog/planDashboards.ts", what: "lead pipeline dashboard" },
        },
        // Logging
        {
            item: "Application logging: authentication events",
            section: "Application Logging",
            match: "Authentication",
            status: "implemented",
        },
        {
            item: "Log format and sensitive data handling (PII, financial data redacted)",
            section: "Logging Strategy / Logging Standards",
            status: "implemented",
            implementedBy: { file: "lib/datadog/logs.ts", what: "plumberleads-json pipeline and Sensitive Data Scanner rules" },
        },
        {
            item: "Application logs: 7 d hot / 30 d warm / 1 y cold",
            section: "Log Retention",
            match: "Application Logs",
            status: "implemented",
        },
        { item: "Web server logs: 3 d / 15 d / 90 d", section: "Log Retention", match: "Web Server Logs", status: "implemented" },
        { item: "Database logs: 7 d / 30 d / 180 d", section: "Log Retention", match: "Database Logs", status: "implemented" },
        { item: "Security logs: 30 d / 90 d / 2 y", section: "Log Retention", match: "Security Logs", status: "implemented" },
        { item: "System logs: 7 d / 30 d / 90 d", section: "Log Retention", match: "System Logs", status: "implemented" },
        { item: "Log search: failed login attempts", section: "Log Search Examples", match: "Failed Login", status: "implemented" },
        // Troubleshooting
        {
            item: "Troubleshooting: high response time, database performance, payment failures",
            section: "Troubleshooting",
            status: "implemented",
        },
        { item: "N+1 query problems", section: "Common Optimizations", match: "N+1", status: "implemented" },
        // Appendix B
        {
            item: "Appendix B: critical CPU alert (warning 75, critical 85)",
            section: "Appendix B",
            status: "implemented",
            via: [{ section: "Server Metrics", match: "CPU Utilization" }],
            note: "with Appendix B's require_full_window, notify_audit and escalation_message (spec `monitorOptions`); CPU is total CPU (100 − idle), not system.cpu.user alone",
        },
        {
            item: "Appendix B: API error rate alert (pages, require_full_window, notify_audit, escalation_message)",
            section: "Appendix B",
            status: "differentMeaningFixed",
            via: [{ section: "Performance Metrics", match: "Error Rate" }],
            note: "the plan's P2 (High): a low-urgency PagerDuty incident plus email and Slack (004 §Alert Severity Levels), with notify_no_data, notify_audit and require_full_window false as written; Appendix B gives this alert no escalation_message (the CPU alert's is set there)",
        },
    ],
};
