/** 001 Production Monitoring Strategy (Genonaut): every monitoring requirement, item by item. Data only. */
import type { PlanCoverage } from "../../tooling/coverage";

export const plan001: PlanCoverage = {
    seed: "001",
    title: "Production Monitoring Strategy (Genonaut)",
    file: "001_7b2d77c523fdf6f7.txt",
    aliases: {
        "Task 3.3 Set up automated health checks": "Task 3.3",
        "Critical Alerts": "Alert Configuration / Critical Alerts",
        "Warning Alerts": "Alert Configuration / Warning Alerts",
        "Business Alerts": "Alert Configuration / Business Alerts",
        "User Experience": "Monitoring Domains / User Experience",
        "Daily Tasks": "Maintenance and Operations / Daily Tasks",
        "Success Criteria": "Success Criteria / Technical Success",
    },
    items: [
        // Monitoring Domains
        {
            item: "Application performance: response times, throughput, error rates, DB query and cache performance, pagination",
            section: "Monitoring Domains / Application Performance",
            status: "implemented",
            via: [
                { section: "Alert Configuration / Critical Alerts" },
                { section: "Alert Configuration / Warning Alerts", match: "Pagination" },
            ],
        },
        {
            item: "Infrastructure: CPU, memory, disk, database server, load balancer, containers, network",
            section: "Monitoring Domains / Infrastructure",
            status: "implemented",
            via: [
                { section: "Alert Configuration / Critical Alerts", match: "Memory" },
                { section: "Alert Configuration / Warning Alerts", match: "Disk" },
            ],
        },
        {
            item: "User experience (RUM): page load times, JavaScript errors, user journeys",
            section: "Monitoring Domains / User Experience",
            status: "implemented",
            match: "user journey",
            via: [
                { section: "Monitoring Domains / User Experience", match: "Page load times" },
                { section: "Monitoring Domains / User Experience", match: "JavaScript errors" },
            ],
            note: "page load times as Core Web Vitals (LCP, INP, CLS at p75, Google's thresholds) and JavaScript errors as RUM errors per hundred views, on genonaut-web",
        },
        {
            item: "User experience (RUM): performance by region, mobile vs desktop",
            section: "Monitoring Domains / User Experience",
            match: "DataDog RUM",
            status: "notMonitored",
        },
        {
            item: "Business metrics: registration rates, content creation, search performance",
            section: "Monitoring Domains / Business Metrics",
            status: "implemented",
            via: [{ section: "Alert Configuration / Business Alerts" }],
        },
        {
            item: "Business metrics: recommendation effectiveness, feature adoption",
            section: "Monitoring Domains / Business Metrics",
            status: "notMonitored",
        },
        // Task list
        {
            item: "Task 1.3: APM with FastAPI, database query tracing",
            section: "Task 1.3",
            status: "implemented",
            implementedBy: {
                file: "lib/datadog/dashboards.ts",
                what: "service map and trace metrics of genonaut-api (the instrumentation itself is Genonaut's code)",
            },
        },
        { item: "Task 2.1: pagination metrics, performance benchmarks and SLAs", section: "Task 2.1", status: "implemented" },
        {
            item: "Task 2.2: executive, engineering, database performance and user experience dashboards",
            section: "Task 2.2",
            status: "implemented",
            implementedBy: {
                file: "lib/datadog/planDashboards.ts",
                what: "database performance and user experience dashboards (executive and engineering from lib/datadog/dashboards.ts)",
            },
        },
        {
            item: "Task 2.3: Sentry error grouping and alerting",
            section: "Task 2.3",
            status: "implemented",
            implementedBy: { file: "lib/sentry/model.ts", what: "Sentry projects and issue/metric alerts per surface" },
        },
        {
            item: "Task 3.1: critical alerts (downtime, high error rates)",
            section: "Task 3.1",
            match: "Critical alerts",
            status: "implemented",
        },
        {
            item: "Task 3.1: business metric alerts (high failed requests)",
            section: "Task 3.1",
            match: "high failed requests",
            status: "implemented",
        },
        {
            item: "Task 3.1: business metric alerts (low user activity)",
            section: "Task 3.1",
            match: "low user activity",
            status: "notMonitored",
        },
        {
            item: "Task 3.1: integration with Slack/PagerDuty",
            section: "Task 3.1",
            status: "implemented",
            implementedBy: { file: "lib/model/routing.ts", what: "severity routes to Slack and PagerDuty" },
        },
        {
            item: "Task 3.2: incident response playbook, escalation procedures, resolution guides",
            section: "Task 3.2",
            status: "implemented",
            implementedBy: {
                file: "lib/tooling/alertCatalog.ts",
                what: "runbooks per product (escalation, first steps per alert, incident communication)",
            },
        },
        {
            item: "Task 3.3: database connectivity and pagination health checks with synthetics",
            section: "Task 3.3",
            match: "Database connectivity",
            via: [{ section: "Task 3.3", match: "Pagination performance" }],
            status: "implemented",
        },
        {
            item: "Task 3.3: external dependency health checks",
            section: "Task 3.3",
            match: "External dependency",
            status: "implemented",
            note: "one API test per dependency on the API's dependency endpoint: the cache the plan names, and the image generation backend and job queue content creation runs on; the plan names no object storage (Genonaut keeps generated images on its hosts' disks, watched by disk-usage)",
        },
        {
            item: "Task 4.1: distributed tracing across services",
            section: "Task 4.1",
            status: "notMonitored",
            note: "instrumentation in Genonaut's code; traces are viewed in the service map, no threshold",
        },
        {
            item: "Task 4.2: RUM frontend performance, journeys, browser errors",
            section: "Task 4.2",
            status: "implemented",
            implementedBy: { file: "lib/datadog/planDashboards.ts", what: "user experience dashboard (RUM load times, errors, views)" },
        },
        { item: "Task 4.3: load testing metrics, capacity planning", section: "Task 4.3", match: "Load testing", status: "notMonitored" },
        {
            item: "Task 4.3: performance regression detection",
            section: "Task 4.3",
            match: "Performance regression",
            status: "implemented",
            note: "average genonaut-api latency above its weekly baseline (anomaly, direction above), the factory Driplo's performance-regression uses",
        },
        // Cost
        {
            item: "Cost analysis: logs ~$1.50/GB (~50 GB/month), RUM, synthetics prices",
            section: "Cost Analysis",
            status: "implemented",
            implementedBy: { file: "lib/datadog/usageBudget.ts", what: "usage monitors priced with these figures" },
        },
        // Alert Configuration
        {
            item: "Critical: API error rate > 5% for 5 minutes (pages)",
            section: "Alert Configuration / Critical Alerts",
            match: "API error rate",
            status: "differentMeaningFixed",
            note: "P0 (was P1, which did not page): critical alerts are immediate response",
        },
        {
            item: "Critical: response time P95 > 2 seconds for 10 minutes (pages)",
            section: "Alert Configuration / Critical Alerts",
            match: "Response time P95",
            status: "differentMeaningFixed",
            note: "P0 (was P1): pages through a composite of the p95 and a volume guard (50 or more requests in the same 10 minutes), so one slow request of a quiet night, which is the p95 of its window, does not page",
        },
        {
            item: "Critical: database connection failures",
            section: "Alert Configuration / Critical Alerts",
            match: "Database connection failures",
            status: "implemented",
        },
        {
            item: "Critical: memory usage > 90% for 5 minutes (pages)",
            section: "Alert Configuration / Critical Alerts",
            match: "Memory usage",
            status: "differentMeaningFixed",
            note: 'P0 (was P1, which did not page); "for 5 minutes" is the lowest usage of the 5-minute window above 90% (min), so a one-minute spike pages nobody',
        },
        {
            item: "Warning: pagination query time P95 > 500ms for 15 minutes",
            section: "Alert Configuration / Warning Alerts",
            match: "Pagination",
            status: "implemented",
        },
        {
            item: "Warning: cache hit rate < 70% for 30 minutes",
            section: "Alert Configuration / Warning Alerts",
            match: "Cache hit rate",
            status: "implemented",
        },
        { item: "Warning: disk usage > 80%", section: "Alert Configuration / Warning Alerts", match: "Disk usage", status: "implemented" },
        {
            item: "Warning: unusual traffic patterns",
            section: "Alert Configuration / Warning Alerts",
            match: "Unusual traffic",
            status: "implemented",
        },
        {
            item: "Business (daily review): user registration rate drop > 50%",
            section: "Alert Configuration / Business Alerts",
            match: "registration",
            status: "differentMeaningPending",
            note: '"daily review" is the P3 daily digest, which Datadog cannot send (see 000 P3 daily digest); each alert emails when it fires',
        },
        {
            item: "Business (daily review): content creation rate drop > 30%",
            section: "Alert Configuration / Business Alerts",
            match: "Content creation",
            status: "differentMeaningPending",
            note: "as above: daily review needs the P3 digest",
        },
        {
            item: "Business (daily review): search failure rate > 10%",
            section: "Alert Configuration / Business Alerts",
            match: "Search failure",
            status: "differentMeaningPending",
            note: "as above: daily review needs the P3 digest",
        },
        // Success criteria
        {
            item: "99.9% uptime visibility and alerting",
            section: "Success Criteria / Technical Success",
            match: "99.9% uptime",
            status: "implemented",
        },
        {
            item: "Performance regressions caught before user impact",
            section: "Success Criteria / Technical Success",
            match: "Performance regressions",
            status: "implemented",
        },
        {
            item: "MTTR < 15 min, MTBF > 30 days, complaints < 1% of tickets",
            section: "Success Criteria / Business Success",
            status: "notMonitored",
        },
        // Operations
        {
            item: "Daily: review overnight alerts, dashboards, synthetic results",
            section: "Maintenance and Operations / Daily Tasks",
            status: "implemented",
        },
        {
            item: "Monthly: review monitoring costs",
            section: "Maintenance and Operations / Monthly Tasks",
            status: "implemented",
            implementedBy: { file: "lib/datadog/usageBudget.ts", what: "estimated-usage monitors per budget share" },
        },
    ],
};
