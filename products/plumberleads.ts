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
import { browserJourney, healthCheck, serviceCheck, sslCheck } from "../lib/inputs/catalog/factories";
import type { ProductSpec } from "../lib/inputs/catalog/schema";
import { COMPANY_ESCALATION } from "./defaults";
import { SYSTEM_MONITORS } from "./plumberleads/system";
import { APPLICATION_MONITORS } from "./plumberleads/application";
import { FRONTEND_MONITORS } from "./plumberleads/frontend";
import { BUSINESS_MONITORS } from "./plumberleads/business";
import { webVitalsMonitors } from "../lib/inputs/catalog/factories";

const ALERT_LEVELS = (level: string) => `004 §Alert Severity Levels (${level})`;
const ALERT_ROUTES = (component: string) => `004 §Alert Routes (${component})`;

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
            id: "api-down",
            surface: "api",
            severity: "P0",
            planSeverity: "P1 (Critical)",
            check: "http.can_connect",
            title: "API down",
            whatHappened: "The HTTP check against the API health endpoint failed twice in a row: plumbers cannot log in or claim leads.",
            firstSteps: [
                "Open https://api.plumberleads.com/api/health from outside the network and note the status code or timeout",
                "Check the load balancer and the gunicorn processes on the application hosts",
                "Roll back the latest deploy if it is recent; update Statuspage.io if the outage lasts more than 5 minutes",
            ],
            source: "004 §Synthetic Checks (Home Page Availability >99.9% uptime); §Alert Severity Levels (P1 service outage)",
        }),
        ...SYSTEM_MONITORS,
        ...APPLICATION_MONITORS,
        ...FRONTEND_MONITORS,
        ...BUSINESS_MONITORS,
        ...webVitalsMonitors({
            surface: "web",
            skip: ["lcp", "inp", "cls"],
            errors: { severity: "P2", planSeverity: "P3 (Medium)" },
            source: { errors: "004 §Dashboards / Frontend Performance (Browser error rates)" },
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
            {
                type: "app",
                hotDays: 7,
                warmDays: 30,
                coldDays: 365,
                source: "004 §Log Retention (Application Logs: 7 days / 30 days / 1 year)",
            },
            {
                type: "web",
                hotDays: 3,
                warmDays: 15,
                coldDays: 90,
                source: "004 §Log Retention (Web Server Logs: 3 days / 15 days / 90 days)",
            },
            {
                type: "db",
                hotDays: 7,
                warmDays: 30,
                coldDays: 180,
                source: "004 §Log Retention (Database Logs: 7 days / 30 days / 180 days)",
            },
            {
                type: "security",
                hotDays: 30,
                warmDays: 90,
                coldDays: 730,
                source: "004 §Log Retention (Security Logs: 30 days / 90 days / 2 years)",
            },
            {
                type: "system",
                hotDays: 7,
                warmDays: 30,
                coldDays: 90,
                source: "004 §Log Retention (System Logs: 7 days / 30 days / 90 days)",
            },
        ],
        sampleRate: 0.1,
        dailyQuotaMillions: 10,
    },
    synthetics: [
        // 004 §Synthetic Checks (frequency, success target). Home Page Availability is an HTTP test: browser tests cannot run
        // more often than 5 min; the mobile check uses a small viewport ("responsive behavior on mobile devices").
        {
            id: "home-page-availability",
            title: "Home page availability",
            kind: "api",
            surface: "web",
            severity: "P0",
            frequency: "1m",
            path: "/",
            expectStatus: 200,
            maxResponseMs: 3000,
            successTarget: 99.9,
            source: "004 §Synthetic Checks (Home Page Availability, 1 min, >99.9% uptime)",
        },
        {
            id: "login-flow",
            title: "End-to-end login",
            kind: "multistep",
            surface: "api",
            severity: "P1",
            frequency: "5m",
            needsLogin: true,
            successTarget: 99.5,
            steps: [
                {
                    name: "Log in as the synthetic test plumber",
                    method: "POST",
                    path: "/api/auth/login",
                    expectStatus: 200,
                    body: '{"email":"{{ PLUMBERLEADS_TEST_USER }}","password":"{{ PLUMBERLEADS_TEST_PASSWORD }}"}',
                    extract: { variable: "AUTH_TOKEN", jsonPath: "$.token" },
                },
                { name: "Load the signed-in plumber profile", method: "GET", path: "/api/plumbers/profile", expectStatus: 200 },
            ],
            source: "004 §Synthetic Checks (Login Flow, 5 min, >99.5% success)",
        },
        {
            id: "lead-claiming",
            title: "Lead claiming workflow",
            kind: "multistep",
            surface: "api",
            severity: "P1",
            frequency: "10m",
            needsLogin: true,
            successTarget: 99,
            steps: [
                {
                    name: "Log in as the synthetic test plumber",
                    method: "POST",
                    path: "/api/auth/login",
                    expectStatus: 200,
                    body: '{"email":"{{ PLUMBERLEADS_TEST_USER }}","password":"{{ PLUMBERLEADS_TEST_PASSWORD }}"}',
                    extract: { variable: "AUTH_TOKEN", jsonPath: "$.token" },
                },
                {
                    name: "List leads in the synthetic test area",
                    method: "GET",
                    path: "/api/leads?area=synthetic-test",
                    expectStatus: 200,
                    extract: { variable: "LEAD_ID", jsonPath: "$.leads[0].id" },
                },
                { name: "Claim the synthetic test lead", method: "POST", path: "/api/leads/{{ LEAD_ID }}/claim", expectStatus: 200 },
                { name: "Release the synthetic test lead", method: "POST", path: "/api/leads/{{ LEAD_ID }}/release", expectStatus: 200 },
            ],
            source: "004 §Synthetic Checks (Lead Claiming Process, 10 min, >99% success)",
        },
        {
            id: "payment-processing",
            title: "Payment submission",
            kind: "multistep",
            surface: "api",
            severity: "P1",
            frequency: "15m",
            needsLogin: true,
            successTarget: 99,
            steps: [
                {
                    name: "Log in as the synthetic test plumber",
                    method: "POST",
                    path: "/api/auth/login",
                    expectStatus: 200,
                    body: '{"email":"{{ PLUMBERLEADS_TEST_USER }}","password":"{{ PLUMBERLEADS_TEST_PASSWORD }}"}',
                    extract: { variable: "AUTH_TOKEN", jsonPath: "$.token" },
                },
                {
                    name: "Submit a payment for the synthetic test lead (Stripe test mode)",
                    method: "POST",
                    path: "/api/payments",
                    expectStatus: 200,
                    body: '{"leadId":"synthetic-test-lead","testMode":true}',
                    extract: { variable: "PAYMENT_ID", jsonPath: "$.id" },
                },
                { name: "Read the payment status", method: "GET", path: "/api/payments/{{ PAYMENT_ID }}", expectStatus: 200 },
            ],
            source: "004 §Synthetic Checks (Payment Processing, 15 min, >99% success)",
        },
        browserJourney({
            id: "admin-dashboard",
            title: "Admin dashboard availability",
            surface: "admin",
            severity: "P2",
            frequency: "30m",
            path: "/",
            needsLogin: true,
            successTarget: 99.5,
            journey: [
                "Log in to the admin interface with the synthetic admin account",
                "Verify the dashboard loads with the leads, plumbers and payments widgets",
                "Open the leads list and verify rows render",
            ],
            source: "004 §Synthetic Checks (Admin Dashboard, 30 min, >99.5% success)",
        }),
        browserJourney({
            id: "mobile-responsive",
            title: "Mobile responsive check",
            surface: "web",
            severity: "P2",
            frequency: "60m",
            path: "/",
            successTarget: 99,
            devices: ["mobile_small"],
            journey: [
                "Open the home page on a mobile device viewport",
                "Verify the navigation menu collapses and opens",
                "Open the lead request form and verify it fits the screen and submits validation",
            ],
            source: "004 §Synthetic Checks (Mobile Responsive Check, 60 min, >99% success)",
        }),
        healthCheck({
            title: "PlumberLeads API health endpoint",
            surface: "api",
            path: "/api/health",
            maxResponseMs: 1000,
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
            search: 'service:plumberleads-api status:error "Failed login attempt"',
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
            search: 'service:plumberleads-api status:error "Failed login attempt"',
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
    // 004 §Alert Routes: infrastructure, database and security alerts reach their own on-call (DevOps, DBA,
    // security); application alerts the product's (the developers). Business metrics page nobody (P1 "N/A").
    componentRoutes: [
        {
            component: "infrastructure",
            categories: ["saturation"],
            oncallTeam: "plumberleads-devops",
            source: ALERT_ROUTES("Infrastructure"),
        },
        { component: "database", categories: ["database"], oncallTeam: "plumberleads-dba", source: ALERT_ROUTES("Database") },
        { component: "security", categories: ["security"], oncallTeam: "plumberleads-security", source: ALERT_ROUTES("Security") },
    ],
    // 004 §Alert Severity Levels: every level emails, and P2 (High) also reaches PagerDuty for a response within
    // 30 minutes in business hours: a low-urgency incident, which does not wake anyone.
    severityRoutes: [
        { severity: "P0", emailTeam: true, source: ALERT_LEVELS("P1 Critical") },
        { severity: "P1", lowUrgencyPage: true, emailTeam: true, source: ALERT_LEVELS("P2 High") },
        { severity: "P2", emailTeam: true, source: ALERT_LEVELS("P3 Medium") },
    ],
    // 004 §Monitoring Components: CloudWatch repeats the two page-worthy availability checks (home page, API health)
    // as Route 53 health checks with alarms, so an outage is reported even when Datadog is not (lib/aws/healthChecks.ts).
    cloudwatchSecondary: {
        synthetics: ["home-page-availability", "api-health"],
        source: "004 §Monitoring Components / Secondary Monitoring (AWS CloudWatch: redundant monitoring for critical systems)",
    },
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
