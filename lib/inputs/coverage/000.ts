/** 000 Datadog Integration Plan (BearifiedCo): every monitoring requirement, item by item. Data only. */
import type { PlanCoverage } from "../../tooling/coverage";

export const plan000: PlanCoverage = {
    seed: "000",
    title: "Datadog Integration Plan (BearifiedCo)",
    file: "000_f9d15326de2ff75b.txt",
    aliases: {
        "BEARO Priority Metrics": "Implementation by Product / BEARO / Priority Metrics",
        "AlphaBuilder Priority Metrics": "Implementation by Product / AlphaBuilder / Priority Metrics",
        "Primape Priority Metrics": "Implementation by Product / Primape / Priority Metrics",
        "Chimpanion Priority Metrics": "Implementation by Product / Chimpanion / Priority Metrics",
    },
    items: [
        // Phase 1 / Infrastructure Monitoring
        {
            item: "Vercel integration: error rates, build metrics (deployment failures)",
            section: "Phase 1 / Infrastructure Monitoring",
            match: "Vercel Integration",
            status: "implemented",
            note: "per Vercel project (API and web of each product): function error rate, failed builds; Datadog's Vercel integration (log drains and its log-based vercel.functions.* metrics), each Vercel project named after its service",
        },
        {
            item: "Vercel integration: function performance, edge network stats",
            section: "Phase 1 / Infrastructure Monitoring",
            match: "Vercel Integration: function performance",
            status: "notMonitored",
            note: "no threshold in the plan; function latency is covered by the API's p95 > 3 s alert and cold starts (§Phase 2 / Backend APM), the edge network by the synthetic tests",
        },
        {
            item: "Database monitoring: query performance, slow queries",
            section: "Phase 1 / Infrastructure Monitoring",
            match: "Database Monitoring: query performance",
            status: "implemented",
            via: [{ section: "Implementation by Product / AlphaBuilder / Alerts", match: "Database slow queries" }],
            note: "AlphaBuilder only (the plan lists slow queries among its alerts); BEARO, Primape and Chimpanion have connectivity, connection-pool and deadlock monitors but no query-time monitor",
        },
        {
            item: "Database monitoring: connection pools, deadlocks",
            section: "Phase 1 / Infrastructure Monitoring",
            match: "Database Monitoring: connection pools",
            via: [{ section: "Phase 1 / Infrastructure Monitoring", match: "Database Monitoring: deadlocks" }],
            status: "implemented",
            note: "on the Postgres check of each BearifiedCo product's database (instance tagged with the API's service)",
        },
        {
            item: "API monitoring: response times, error rates, throughput, endpoint health",
            section: "Phase 1 / Infrastructure Monitoring",
            match: "API Monitoring",
            status: "implemented",
            via: [{ section: "Phase 1 / Basic Alerting" }, { section: "Phase 3 / Synthetic Monitoring", match: "API endpoint checks" }],
        },
        // Phase 1 / Basic Alerting
        { item: "API downtime", section: "Phase 1 / Basic Alerting", match: "API downtime", status: "implemented" },
        { item: "Database connectivity", section: "Phase 1 / Basic Alerting", match: "Database connectivity", status: "implemented" },
        { item: "High error rates (>1%)", section: "Phase 1 / Basic Alerting", match: "High error rates", status: "implemented" },
        { item: "Slow response times (>3s)", section: "Phase 1 / Basic Alerting", match: "Slow response times", status: "implemented" },
        // Phase 2
        {
            item: "Frontend RUM: page load times, Core Web Vitals",
            section: "Phase 2 / Frontend RUM",
            match: "Core Web Vitals",
            status: "implemented",
            note: "LCP, INP and CLS at p75 with Google's thresholds (warning at needs improvement, critical at poor), P2",
        },
        {
            item: "Frontend RUM: JavaScript errors",
            section: "Phase 2 / Frontend RUM",
            match: "JavaScript errors",
            status: "implemented",
            note: "RUM errors per hundred views (rum.measure.error / rum.measure.view, floor of 200 views), P1",
        },
        {
            item: "Frontend RUM: user sessions, click paths",
            section: "Phase 2 / Frontend RUM",
            match: "User sessions",
            status: "implemented",
            implementedBy: {
                file: "lib/datadog/dashboards.ts",
                what: "Product dashboard: user journeys and retention from RUM sessions and views",
            },
        },
        {
            item: "Backend APM: distributed tracing, service dependencies",
            section: "Phase 2 / Backend APM",
            match: "Distributed tracing",
            status: "implemented",
            implementedBy: { file: "lib/datadog/dashboards.ts", what: "Engineering dashboard service map per service (APM)" },
        },
        {
            item: "Backend APM: database query analysis, external API calls",
            section: "Phase 2 / Backend APM",
            match: "Database query analysis",
            status: "notMonitored",
            note: "APM trace analytics in Datadog's UI; the plan sets no threshold",
        },
        {
            item: "Backend APM: function cold starts",
            section: "Phase 2 / Backend APM",
            match: "Function cold starts",
            status: "implemented",
            note: "Vercel function starts whose Init Duration (the REPORT log line, @lambda.init_duration) exceeds the plan's 3 s response budget, at least 5 in 15 min, per Vercel project; needs a log measure on @lambda.init_duration",
        },
        {
            item: "Custom metrics: business metrics (sign-ups, payments processed, projects created, estimates generated)",
            section: "Phase 2 / Custom Metrics",
            status: "notMonitored",
        },
        {
            item: "Custom metrics: feature usage (feature adoption, user flows, drop-off points)",
            section: "Phase 2 / Custom Metrics",
            match: "Feature usage",
            status: "notMonitored",
        },
        // Phase 3
        {
            item: "Log management: centralized logging, parsing and indexing",
            section: "Phase 3 / Log Management",
            status: "implemented",
            implementedBy: {
                file: "lib/datadog/logs.ts",
                what: "Datadog index and pipeline per product, CloudWatch log groups shipped by Firehose",
            },
        },
        {
            item: "Log management: error aggregation, pattern detection, correlation with traces",
            section: "Phase 3 / Log Management",
            status: "notMonitored",
            note: "Datadog Log Patterns and trace correlation are features of the log explorer (the JSON pipeline keeps dd.trace_id); no threshold in the plan",
        },
        {
            item: "Synthetic API endpoint checks",
            section: "Phase 3 / Synthetic Monitoring",
            match: "API endpoint checks",
            status: "implemented",
        },
        {
            item: "Synthetic user flow testing",
            section: "Phase 3 / Synthetic Monitoring",
            match: "User flow testing",
            status: "implemented",
        },
        {
            item: "Synthetic multi-step transactions",
            section: "Phase 3 / Synthetic Monitoring",
            match: "Multi-step transactions",
            status: "implemented",
        },
        { item: "Synthetic global availability (and certificates)", section: "Phase 3 / Synthetic Monitoring", status: "implemented" },
        {
            item: "Security: suspicious activities",
            section: "Phase 3 / Security Monitoring",
            match: "Suspicious activities",
            status: "implemented",
        },
        {
            item: "Security: failed auth attempts",
            section: "Phase 3 / Security Monitoring",
            match: "Failed auth attempts",
            status: "implemented",
        },
        {
            item: "Security: rate limit violations",
            section: "Phase 3 / Security Monitoring",
            match: "Rate limit violations",
            status: "implemented",
        },
        {
            item: "Security: API abuse detection",
            section: "Phase 3 / Security Monitoring",
            match: "API abuse detection",
            status: "implemented",
        },
        // Implementation by Product
        {
            item: "BEARO priority metrics: payment success rate",
            section: "Implementation by Product / BEARO / Priority Metrics",
            match: "Payment success rate",
            status: "implemented",
        },
        {
            item: "BEARO priority metrics: transaction time, wallet connection rate, user session length, API response times",
            section: "Implementation by Product / BEARO / Priority Metrics",
            status: "notMonitored",
        },
        {
            item: "BEARO: payment failures > 5%",
            section: "Implementation by Product / BEARO / Alerts",
            match: "Payment failures",
            status: "implemented",
        },
        {
            item: "BEARO: API timeout > 10s",
            section: "Implementation by Product / BEARO / Alerts",
            match: "API timeout",
            status: "implemented",
        },
        {
            item: "BEARO: wallet service down",
            section: "Implementation by Product / BEARO / Alerts",
            match: "Wallet service down",
            status: "implemented",
        },
        {
            item: "BEARO: high cart abandonment",
            section: "Implementation by Product / BEARO / Alerts",
            match: "cart abandonment",
            status: "differentMeaningFixed",
            note: "a rate: abandoned carts / carts created over 1 h (floor of 50 carts), above 85% (warning 80%; the plan gives no number, e-commerce averages about 70%); was an anomaly of the abandoned-cart count",
        },
        {
            item: "AlphaBuilder priority metrics: PDF generation time, calculation accuracy, database query performance",
            section: "Implementation by Product / AlphaBuilder / Priority Metrics",
            status: "implemented",
            via: [
                { section: "Implementation by Product / AlphaBuilder / Alerts" },
                { section: "Priority Metrics", match: "Calculation accuracy" },
            ],
        },
        {
            item: "AlphaBuilder priority metrics: user session duration, export success rate",
            section: "Implementation by Product / AlphaBuilder / Priority Metrics",
            status: "notMonitored",
        },
        {
            item: "AlphaBuilder: PDF generation > 10s",
            section: "Implementation by Product / AlphaBuilder / Alerts",
            match: "PDF generation",
            status: "implemented",
        },
        {
            item: "AlphaBuilder: calculation errors",
            section: "Implementation by Product / AlphaBuilder / Alerts",
            match: "Calculation errors",
            status: "implemented",
        },
        {
            item: "AlphaBuilder: database slow queries",
            section: "Implementation by Product / AlphaBuilder / Alerts",
            match: "Database slow queries",
            status: "differentMeaningFixed",
            note: "a count of slow queries: statements the Postgres log reports slower than 1 s (Datadog's slow-operations query), at least 3 in 15 min; was an anomaly of average query latency",
        },
        {
            item: "AlphaBuilder: high memory usage",
            section: "Implementation by Product / AlphaBuilder / Alerts",
            match: "High memory usage",
            status: "implemented",
        },
        {
            item: "Primape priority metrics: game performance, prediction processing time, WebSocket stability",
            section: "Implementation by Product / Primape / Priority Metrics",
            status: "implemented",
            via: [
                { section: "Priority Metrics", match: "Game performance" },
                { section: "Priority Metrics", match: "WebSocket stability" },
            ],
        },
        {
            item: "Primape priority metrics: concurrent users, transaction throughput",
            section: "Implementation by Product / Primape / Priority Metrics",
            status: "notMonitored",
        },
        {
            item: "Primape: game server latency",
            section: "Implementation by Product / Primape / Alerts",
            match: "Game server latency",
            status: "implemented",
        },
        {
            item: "Primape: WebSocket disconnections",
            section: "Implementation by Product / Primape / Alerts",
            match: "WebSocket disconnections",
            status: "implemented",
        },
        {
            item: "Primape: blockchain sync issues",
            section: "Implementation by Product / Primape / Alerts",
            match: "Blockchain sync issues",
            status: "implemented",
        },
        {
            item: "Primape: high server load",
            section: "Implementation by Product / Primape / Alerts",
            match: "High server load",
            status: "implemented",
        },
        {
            item: "Chimpanion priority metrics: AI response time, wallet interaction success, API quota usage",
            section: "Implementation by Product / Chimpanion / Priority Metrics",
            status: "implemented",
            via: [
                { section: "Priority Metrics", match: "AI response time" },
                { section: "Priority Metrics", match: "Wallet interaction success" },
                { section: "Priority Metrics", match: "API quota usage" },
            ],
        },
        {
            item: "Chimpanion priority metrics: feature engagement, error rates",
            section: "Implementation by Product / Chimpanion / Priority Metrics",
            status: "notMonitored",
        },
        {
            item: "Chimpanion: AI service timeout",
            section: "Implementation by Product / Chimpanion / Alerts",
            match: "AI service timeout",
            status: "implemented",
        },
        {
            item: "Chimpanion: high API costs",
            section: "Implementation by Product / Chimpanion / Alerts",
            match: "High API costs",
            status: "implemented",
        },
        {
            item: "Chimpanion: wallet connection failures",
            section: "Implementation by Product / Chimpanion / Alerts",
            match: "Wallet connection failures",
            status: "implemented",
        },
        {
            item: "Chimpanion: rate limit approaching",
            section: "Implementation by Product / Chimpanion / Alerts",
            match: "Rate limit approaching",
            status: "implemented",
        },
        // Dashboards
        {
            item: "Executive dashboard: revenue, user growth, system health, cost per service, SLA compliance",
            section: "Dashboards / Executive Dashboard",
            status: "implemented",
            implementedBy: { file: "lib/datadog/dashboards.ts", what: "executiveDashboard (company)" },
        },
        {
            item: "Engineering dashboard: service map, error rates, performance, deployment tracking, incident timeline",
            section: "Dashboards / Engineering Dashboard",
            status: "implemented",
            implementedBy: { file: "lib/datadog/dashboards.ts", what: "engineeringDashboard (per product)" },
        },
        {
            item: "Product dashboard: feature usage, user journeys, conversion funnels, A/B tests, retention",
            section: "Dashboards / Product Dashboard",
            status: "implemented",
            implementedBy: {
                file: "lib/datadog/dashboards.ts",
                what: "productDashboard (company); A/B tests as a note until a product ships a flag",
            },
        },
        {
            item: "On-call dashboard: active incidents, alert summary, service health, recent deployments, runbook links",
            section: "Dashboards / On-Call Dashboard",
            status: "implemented",
            implementedBy: { file: "lib/datadog/dashboards.ts", what: "onCallDashboard (per product)" },
        },
        // Alert Configuration
        {
            item: "P0 Critical: production down, payment failure, data loss, security breach → page on-call",
            section: "Alert Configuration / Severity Levels",
            status: "implemented",
            implementedBy: {
                file: "lib/model/routing.ts",
                what: "P0 route: @pagerduty-<product>-production, #alerts-critical, team channel",
            },
        },
        {
            item: "P1 High → Slack #alerts-critical",
            section: "Alert Configuration / Severity Levels",
            status: "implemented",
            implementedBy: { file: "lib/model/routing.ts", what: "P1 route" },
        },
        {
            item: "P2 Medium → Slack #alerts-warning",
            section: "Alert Configuration / Severity Levels",
            status: "implemented",
            implementedBy: { file: "lib/model/routing.ts", what: "P2 route" },
        },
        {
            item: "P3 Low → email daily digest",
            section: "Alert Configuration / Severity Levels",
            status: "differentMeaningPending",
            note: "each P3 alert emails the digest address when it fires. Datadog has no digest and @pulumi/datadog 5.11 has no scheduled-report resource; the nearest is a WorkflowAutomation on a daily schedule that lists the day's severity:p3 monitor events and sends one email. Decision: keep per-alert P3 email (nothing is lost) until that workflow is built and tested; then P3 routes to no handle (lib/model/routing.ts, lead's)",
        },
        {
            item: "Escalation L1 (0–5 min): Datadog notification, Slack alert, auto-investigation",
            section: "Alert Configuration / Escalation Policy",
            status: "differentMeaningFixed",
            note: "decided: L1's automatic first investigation is in the first notification (Slack and page alike: the service page with its recent deployments, the service's related monitors, its logs from 15 min before the alert; lib/datadog/messages.ts), and PagerDuty is not held back 5 min. 000's severity table makes P0 'Immediate (page)' and the simulator's target is a page within 2 min of a hard outage; a Slack-only first level would page at 5–7 min. Trade-off: the on-call is paged for an outage a 5-minute look might have explained",
        },
        {
            item: "Escalation L2–L4: PagerDuty on-call, backup + team lead, all hands + founder",
            section: "Alert Configuration / Escalation Policy",
            status: "implemented",
        },
        {
            item: "Escalation L3/L4: status page updated, customer communication",
            section: "Alert Configuration / Escalation Policy",
            status: "implemented",
            implementedBy: {
                file: "lib/tooling/alertCatalog.ts",
                what: 'runbook section "Incident communication" (status page at L3, customer communication at L4); no status-page provider resource exists',
            },
        },
        // Cost Optimization
        {
            item: "Sample high-volume logs (10%)",
            section: "Cost Optimization / Strategies",
            status: "implemented",
            implementedBy: { file: "lib/datadog/logs.ts", what: "index exclusion filter keeping 10% of debug/info logs" },
        },
        { item: "Archive old logs to S3", section: "Cost Optimization", match: "Archive old logs to S3", status: "implemented" },
        {
            item: "Metrics for trends, logs for debugging; custom metric cardinality; usage audits",
            section: "Cost Optimization / Strategies",
            status: "implemented",
            implementedBy: {
                file: "lib/datadog/usageBudget.ts",
                what: "estimated-usage monitors per budget share; usage audits in Plan and Usage",
            },
        },
        {
            item: "Budget allocation: infrastructure 30%, APM 25%, logs 20%, RUM 15%, synthetics 10%",
            section: "Cost Optimization / Budget Allocation",
            status: "implemented",
            implementedBy: {
                file: "lib/datadog/usageBudget.ts",
                what: "one datadog.estimated_usage monitor per share, warning at 80% and alert at 100% of the share (P2)",
            },
        },
        // Integration Points
        {
            item: "CI/CD: deployment markers, build metrics, test results, performance benchmarks, rollback triggers",
            section: "Integration Points / CI/CD Pipeline",
            status: "notMonitored",
        },
        {
            item: "Incident management: PagerDuty integration, Slack notifications",
            section: "Integration Points / Incident Management",
            status: "implemented",
            implementedBy: { file: "lib/model/routing.ts", what: "PagerDuty service objects and Slack handles per severity" },
        },
        {
            item: "Incident management: incident created, postmortem templates",
            section: "Integration Points / Incident Management",
            status: "implemented",
            implementedBy: {
                file: "lib/datadog/incidents.ts",
                what: "Datadog incident type per product, postmortem and notification templates",
            },
        },
        {
            item: "Incident management: status page updates",
            section: "Integration Points / Incident Management",
            status: "notMonitored",
            note: "no provider here manages a status page (Statuspage.io has no resource in these providers); the runbooks' Incident communication section says when and who updates it",
        },
        {
            item: "Incident management: Linear issue creation (ticket route)",
            section: "Integration Points / Incident Management",
            status: "notMonitored",
            note: "no Linear provider resource; P2/P3 'ticket' alerts go to Slack/email. A Datadog Linear integration handle would be a routing config change",
        },
        {
            item: "Development workflow: PR impact, local telemetry, staging monitoring, feature flags, A/B analytics",
            section: "Integration Points / Development Workflow",
            status: "notMonitored",
            note: "staging is monitored by the staging stack; the other items are developer tooling with no threshold",
        },
        // Security & Compliance
        {
            item: "PII scrubbing, sensitive data masking",
            section: "Security & Compliance / Data Handling",
            status: "implemented",
            implementedBy: { file: "lib/datadog/logs.ts", what: "Sensitive Data Scanner rules (emails, card numbers, wallet keys)" },
        },
        { item: "Compliance tagging, retention policies, audit logging", section: "Security & Compliance", status: "implemented" },
        {
            item: "Access control: role-based access",
            section: "Security & Compliance / Access Control",
            status: "implemented",
            implementedBy: {
                file: "lib/datadog/access.ts",
                what: "a Datadog role per product team, restricted_roles on its monitors and SLOs",
            },
        },
        {
            item: "Access control: audit trails",
            section: "Security & Compliance / Access Control",
            status: "implemented",
            implementedBy: {
                file: "lib/datadog/access.ts",
                what: "notify_audit on P0 monitors; edits otherwise in Datadog Audit Trail (org setting)",
            },
        },
        {
            item: "Access control: SSO integration, MFA requirement, API key rotation",
            section: "Security & Compliance / Access Control",
            status: "notMonitored",
            note: "organization settings (SAML, MFA, key rotation) with no resource in @pulumi/datadog 5.11; set once by an admin",
        },
        // Success Metrics
        {
            item: "Month 1: 100% service coverage, < 5 min detection, basic dashboards, core alerts",
            section: "Success Metrics",
            status: "notMonitored",
        },
        {
            item: "Month 3: 99.9% uptime achieved",
            section: "Success Metrics / Month 3 Goals",
            match: "99.9% uptime",
            status: "implemented",
        },
        {
            item: "Month 3: MTTD < 2 min, MTTR < 30 min, proactive detection",
            section: "Success Metrics / Month 3 Goals",
            status: "notMonitored",
            via: [{ section: "Success Metrics" }],
            note: "programme goals measured from incident history",
        },
        {
            item: "Month 6: predictive alerting, cost optimization, full automation, zero customer-reported incidents",
            section: "Success Metrics / Month 6 Goals",
            status: "notMonitored",
            note: "programme goals, not signals",
        },
    ],
};
