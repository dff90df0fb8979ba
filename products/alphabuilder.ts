/**
 * AlphaBuilder — BearifiedCo's project estimating product (calculations, estimates, PDF exports).
 * Plan: 000 (company Datadog plan), §Implementation by Product / AlphaBuilder, plus the company-wide basic alerts.
 */
import { browserJourney, eventCount, healthCheck, hostMemory, percentile, sslCheck } from "../lib/inputs/catalog/factories";
import type { ProductSpec } from "../lib/inputs/catalog/schema";
import { s } from "../lib/inputs/catalog/units";
import {
    BEARIFIEDCO_BASIC_ALERTS,
    BEARIFIEDCO_LOGS,
    BEARIFIEDCO_PLATFORM_MONITORS,
    BEARIFIEDCO_NOT_MONITORED,
    bearifiedcoApiSlos,
} from "./bearifiedco";
import { COMPANY_ESCALATION } from "./defaults";

export const alphabuilder: ProductSpec = {
    key: "alphabuilder",
    displayName: "AlphaBuilder",
    company: "BearifiedCo",
    description: "Project builder that calculates estimates and exports them as PDF documents.",
    team: {
        handle: "alphabuilder",
        name: "AlphaBuilder Team",
        email: "alphabuilder-team@bearified.co",
        slackChannel: "alphabuilder-alerts",
    },
    tier: 2,
    lifecycle: "production",
    plan: "000 Datadog Integration Plan (BearifiedCo) §Implementation by Product / AlphaBuilder",
    surfaces: [
        {
            name: "api",
            kind: "api",
            service: "alphabuilder-api",
            language: "TypeScript",
            framework: "Next.js API routes (Node, Vercel)",
            runtime: "vercel",
            sentryPlatform: "javascript-nextjs",
            host: "api.alphabuilder.io",
        },
        {
            name: "web",
            kind: "web",
            service: "alphabuilder-web",
            language: "TypeScript",
            framework: "Next.js",
            runtime: "vercel",
            sentryPlatform: "javascript-nextjs",
            host: "alphabuilder.io",
        },
        {
            name: "pdf-worker",
            kind: "worker",
            service: "alphabuilder-pdf-worker",
            language: "TypeScript",
            framework: "Node.js worker (headless Chromium PDF rendering)",
            sentryPlatform: "node",
        },
    ],
    monitors: [
        ...BEARIFIEDCO_BASIC_ALERTS,
        ...BEARIFIEDCO_PLATFORM_MONITORS,
        // 000 §AlphaBuilder / Alerts: PDF generation > 10s (distribution metric in seconds, one point per document)
        percentile({
            id: "pdf-generation-slow",
            surface: "pdf-worker",
            severity: "P1",
            metric: { metric: "alphabuilder.pdf.generation_time", unit: "s" },
            window: "10m",
            critical: s(10),
            title: "PDF generation p95 above {critical}",
            whatHappened: "Generating a PDF export took longer than 10 seconds for the slowest 5% of documents over the last {window}.",
            firstSteps: [
                "Check the pdf-worker queue depth and the number of running workers",
                "Check pdf-worker CPU and memory; headless Chromium slows down sharply under memory pressure",
                "Look for unusually large projects in the slow jobs' logs (page count, image count)",
            ],
            source: "000 §Implementation by Product / AlphaBuilder / Alerts (PDF generation > 10s)",
        }),
        // 000 §AlphaBuilder / Alerts: Calculation errors — any error means a wrong or missing estimate.
        // The plan gives no number: a count floor of 3 in the window, so one odd input does not alert, counted in
        // default_zero so the monitor recovers once errors stop.
        eventCount({
            id: "calculation-errors",
            surface: "api",
            severity: "P1",
            metric: "alphabuilder.calculations.errors",
            window: "15m",
            critical: 3,
            title: "Estimate calculation errors",
            whatHappened: "At least {critical} estimate calculations failed or failed their consistency checks in the last {window}.",
            firstSteps: [
                "Open the error logs for the failed calculations and note the project ids and inputs",
                "Check Sentry for the exception and whether it started with a deployment",
                "Re-run one failed calculation in staging with the same inputs to reproduce",
            ],
            source: "000 §Implementation by Product / AlphaBuilder / Alerts (Calculation errors); §Priority Metrics (Calculation accuracy)",
        }),
        // 000 §AlphaBuilder / Alerts: Database slow queries, counted: statements Postgres logged as slower than 1 s
        // (log_min_duration_statement = 1000; Datadog's Postgres pipeline parses the duration into @duration, in ns),
        // the query of Datadog's "Postgres slow operations" saved view (integrations-core postgres/assets). The Agent
        // collects the log with the API's service, like the Postgres check. The plan gives no number: a floor of 3 in
        // the window, as for calculation errors, so one slow report query does not alert.
        {
            id: "db-slow-queries",
            title: "Slow database queries",
            category: "database",
            severity: "P2",
            surface: "api",
            query: { kind: "log", search: "source:postgresql @db.operation:* @duration:>1s", window: "15m" },
            comparator: ">=",
            critical: 3,
            unit: "count",
            whatHappened: "Postgres logged at least {critical} statements slower than a second in the last {window}.",
            firstSteps: [
                "Open the slow statements in the Postgres logs (source:postgresql @duration:>1s) and group them by @db.operation and table",
                "Run EXPLAIN ANALYZE on the slowest one: look for sequential scans of large tables and missing indexes",
                "Check for lock waits or a long-running migration, and database CPU and connections at the same time",
            ],
            source: "000 §Implementation by Product / AlphaBuilder / Alerts (Database slow queries)",
        },
        // 000 §AlphaBuilder / Alerts: High memory usage — the plan gives no number; 90% (warning 80%) matches the
        // family's other plans (001 §Critical Alerts memory > 90%, 004 §Server Metrics memory > 90%).
        hostMemory({
            id: "pdf-worker-memory-high",
            surface: "pdf-worker",
            severity: "P2",
            critical: 90,
            warning: 80,
            title: "PDF worker memory usage high",
            whatHappened: "Memory usage on a PDF worker host stayed high over the last {window}; PDF rendering may fail or be killed.",
            firstSteps: [
                "Check the pdf-worker process memory and whether Chromium instances are leaking (not closed after jobs)",
                "Restart the affected worker if memory keeps growing and jobs are failing",
                "Scale out the worker pool if the queue is long",
            ],
            source: "000 §Implementation by Product / AlphaBuilder / Alerts (High memory usage)",
        }),
    ],
    slos: bearifiedcoApiSlos("alphabuilder", "AlphaBuilder"),
    logs: BEARIFIEDCO_LOGS,
    synthetics: [
        healthCheck({
            title: "AlphaBuilder API health endpoint",
            surface: "api",
            path: "/api/health",
            maxResponseMs: 3000,
            source: "000 §Phase 3 / Synthetic Monitoring (API endpoint checks, Global availability)",
        }),
        sslCheck({
            surface: "web",
            host: "alphabuilder.io",
            source: "000 §Phase 3 / Synthetic Monitoring; 14-day SSL threshold from 004 §Network Metrics",
        }),
        sslCheck({
            surface: "api",
            host: "api.alphabuilder.io",
            source: "000 §Phase 3 / Synthetic Monitoring; 14-day SSL threshold from 004 §Network Metrics",
        }),
        {
            id: "estimate-pdf-export",
            title: "Create an estimate and export it as PDF",
            kind: "multistep",
            surface: "api",
            severity: "P1",
            frequency: "15m",
            needsLogin: true,
            steps: [
                {
                    name: "Log in as the synthetic test user",
                    method: "POST",
                    path: "/api/auth/login",
                    expectStatus: 200,
                    body: '{"email":"{{ ALPHABUILDER_TEST_USER }}","password":"{{ ALPHABUILDER_TEST_PASSWORD }}"}',
                    extract: { variable: "AUTH_TOKEN", jsonPath: "$.token" },
                },
                {
                    name: "Calculate an estimate for the synthetic test project",
                    method: "POST",
                    path: "/api/projects/synthetic-test/estimates",
                    expectStatus: 201,
                    body: '{"template":"synthetic-check"}',
                    extract: { variable: "ESTIMATE_ID", jsonPath: "$.id" },
                },
                {
                    name: "Request the PDF export",
                    method: "POST",
                    path: "/api/estimates/{{ ESTIMATE_ID }}/pdf",
                    expectStatus: 202,
                    extract: { variable: "EXPORT_ID", jsonPath: "$.exportId" },
                },
                {
                    name: "Fetch the export status",
                    method: "GET",
                    path: "/api/exports/{{ EXPORT_ID }}",
                    expectStatus: 200,
                },
            ],
            source: "000 §Phase 3 / Synthetic Monitoring (Multi-step transactions); §AlphaBuilder Priority Metrics (Export success rate)",
        },
        browserJourney({
            id: "project-journey",
            title: "Open a project and its estimate in a browser",
            surface: "web",
            severity: "P2",
            frequency: "30m",
            path: "/login",
            needsLogin: true,
            journey: [
                "Log in with the synthetic test user",
                "Open the synthetic test project from the project list",
                "Open its latest estimate and verify the totals render",
                "Click Export PDF and verify the download link appears",
            ],
            source: "000 §Phase 3 / Synthetic Monitoring (User flow testing)",
        }),
    ],
    security: [
        {
            id: "failed-auth-spike",
            title: "Failed login spike from one IP",
            severity: "P1",
            search: "service:alphabuilder-api @evt.name:authentication @evt.outcome:failure",
            groupBy: ["@network.client.ip"],
            threshold: 10,
            window: "5m",
            source: "000 §Phase 3 / Security Monitoring (Failed auth attempts)",
        },
        {
            id: "rate-limit-violations",
            title: "Rate limit violations from one IP",
            severity: "P2",
            search: "service:alphabuilder-api @http.status_code:429",
            groupBy: ["@network.client.ip"],
            threshold: 50,
            window: "5m",
            source: "000 §Phase 3 / Security Monitoring (Rate limit violations)",
        },
        {
            id: "api-abuse",
            title: "API abuse: request flood from one IP",
            severity: "P2",
            search: "service:alphabuilder-api @http.url_details.path:\\/api\\/*",
            groupBy: ["@network.client.ip"],
            threshold: 3000,
            window: "5m",
            source: "000 §Phase 3 / Security Monitoring (API abuse detection)",
        },
        {
            id: "bulk-export",
            title: "Suspicious bulk PDF exports by one user",
            severity: "P2",
            search: "service:alphabuilder-api @evt.name:pdf_export",
            groupBy: ["@usr.id"],
            threshold: 100,
            window: "1h",
            source: "000 §Phase 3 / Security Monitoring (Suspicious activities)",
        },
    ],
    escalation: COMPANY_ESCALATION,
    notMonitored: [
        ...BEARIFIEDCO_NOT_MONITORED,
        {
            item: "User session duration, export success rate, estimates generated, projects created",
            reason: "Priority and business metrics for dashboards; the plan sets no alert threshold (export failures are caught by the PDF synthetic test)",
            source: "000 §Implementation by Product / AlphaBuilder / Priority Metrics; §Phase 2 / Custom Metrics",
        },
    ],
};
