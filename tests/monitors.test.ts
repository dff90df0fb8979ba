/**
 * Every plan threshold is a Datadog monitor with its value, comparator and severity. The table below is written
 * by hand from shared/seeds (not derived from the specs), so a spec that drifts from its plan fails here.
 */
import { loadCatalog } from "../lib/catalog/validate";
import { catalog } from "../products";
import { STACKS } from "./helpers/constants";
import { loadPlan, MONITOR } from "./helpers/plan";

const products = loadCatalog(catalog);

// [product, monitor id, comparator, critical, warning, severity, plan]
const PLAN: Array<[string, string, string, number, number | undefined, string, string]> = [
    // 000 §Basic Alerting (every BearifiedCo product) and §Implementation by Product
    ...["bearo", "alphabuilder", "primape", "chimpanion"].flatMap((p): typeof PLAN => [
        [p, "api-error-rate", ">", 1, undefined, "p1", "000 high error rates > 1%"],
        [p, "api-slow-response", ">", 3, undefined, "p1", "000 slow response times > 3 s"],
        [p, "api-down", ">=", 2, undefined, "p0", "000 API downtime"],
        [p, "db-connectivity", ">=", 2, undefined, "p0", "000 database connectivity"],
    ]),
    ["bearo", "payment-failure-rate", ">", 5, undefined, "p0", "000 BEARO payment failures > 5%"],
    ["bearo", "api-timeout", ">", 10, undefined, "p1", "000 BEARO API timeout > 10 s"],
    ["bearo", "wallet-service-down", ">=", 2, undefined, "p0", "000 BEARO wallet service down"],
    ["alphabuilder", "pdf-generation-slow", ">", 10, undefined, "p1", "000 AlphaBuilder PDF generation > 10 s"],
    // 001 §Alert Configuration
    ["genonaut", "api-error-rate", ">", 5, undefined, "p1", "001 API error rate > 5% for 5 min"],
    ["genonaut", "api-p95-latency", ">", 2, undefined, "p1", "001 P95 > 2 s for 10 min"],
    ["genonaut", "memory-usage", ">", 90, undefined, "p1", "001 memory > 90% for 5 min"],
    ["genonaut", "pagination-query-slow", ">", 0.5, undefined, "p2", "001 pagination P95 > 500 ms"],
    ["genonaut", "cache-hit-rate-low", "<", 70, undefined, "p2", "001 cache hit rate < 70%"],
    ["genonaut", "disk-usage", ">", 0.8, undefined, "p2", "001 disk > 80%"],
    ["genonaut", "registration-drop", "<", -50, undefined, "p3", "001 registration drop > 50%"],
    ["genonaut", "content-creation-drop", "<", -30, undefined, "p3", "001 content creation drop > 30%"],
    ["genonaut", "search-failure-rate", ">", 10, undefined, "p3", "001 search failure rate > 10%"],
    // 002 §Alert Rules
    ["vivr", "high-error-rate", ">", 5, undefined, "p1", "002 HighErrorRate > 0.05"],
    ["vivr", "db-pool-exhausted", "<", 5, undefined, "p0", "002 DatabaseConnectionPoolExhausted < 5"],
    ["vivr", "high-response-time", ">", 5, undefined, "p2", "002 HighResponseTime p95 > 5 s"],
    ["vivr", "high-memory-usage", ">", 0.9, undefined, "p2", "002 HighMemoryUsage > 0.9"],
    ["vivr", "low-disk-space", "<", 0.1, undefined, "p2", "002 LowDiskSpace < 0.1"],
    ["vivr", "slow-query-detected", ">", 0, undefined, "p3", "002 SlowQueryDetected > 0"],
    // 003 §Alert Configuration: warning/critical pairs and page-specific targets
    ["driplo", "page-load-time", ">", 5e9, 2e9, "p1", "003 page load > 2 s / 5 s (RUM, ns)"],
    ["driplo", "api-response-time", ">", 2, 0.5, "p1", "003 API > 500 ms / 2 s"],
    ["driplo", "db-query-time", ">", 500, 100, "p1", "003 DB query > 100 ms / 500 ms"],
    ["driplo", "error-rate", ">", 5, 1, "p1", "003 error rate > 1% / 5%"],
    ["driplo", "cpu-usage", ">", 90, 70, "p1", "003 CPU > 70% / 90%"],
    ["driplo", "memory-usage", ">", 95, 80, "p1", "003 memory > 80% / 95%"],
    ["driplo", "disk-usage", ">", 0.95, 0.85, "p1", "003 disk > 85% / 95%"],
    ["driplo", "network-latency", ">", 1000, 200, "p1", "003 network > 200 ms / 1 s"],
    ["driplo", "product-page-lcp", ">", 1.5e9, undefined, "p2", "003 product page LCP > 1.5 s"],
    ["driplo", "search-response-time", ">", 0.5, undefined, "p2", "003 search > 500 ms"],
    ["driplo", "image-load-time", ">", 2e9, undefined, "p2", "003 image load > 2 s"],
    // 004 tables
    ["plumberleads", "cpu-usage", ">", 85, 75, "p1", "004 CPU > 85% (Appendix B warning 75)"],
    ["plumberleads", "memory-usage", ">", 90, undefined, "p1", "004 memory > 90%"],
    ["plumberleads", "disk-usage", ">", 0.85, undefined, "p2", "004 disk > 85%"],
    ["plumberleads", "process-count", ">", 500, undefined, "p2", "004 process count > 500"],
    ["plumberleads", "db-connections", ">", 0.9, 0.85, "p1", "004 connections > 85% / utilization > 90%"],
    ["plumberleads", "db-query-time", ">", 1, undefined, "p1", "004 query > 1 s avg"],
    ["plumberleads", "db-replication-lag", ">", 30, undefined, "p1", "004 replication lag > 30 s"],
    ["plumberleads", "db-index-hit-ratio", "<", 95, undefined, "p2", "004 index hit ratio < 95%"],
    ["plumberleads", "cache-hit-rate", "<", 80, undefined, "p2", "004 cache hit rate < 80%"],
    ["plumberleads", "http-5xx-rate", ">", 1, undefined, "p1", "004 5xx > 1%"],
    ["plumberleads", "http-4xx-rate", ">", 5, undefined, "p2", "004 4xx > 5%"],
    ["plumberleads", "p95-response-time", ">", 1, undefined, "p1", "004 P95 > 1 s"],
    ["plumberleads", "p99-response-time", ">", 2, undefined, "p1", "004 P99 > 2 s"],
    ["plumberleads", "apdex", "<", 0.9, undefined, "p2", "004 Apdex < 0.9"],
    ["plumberleads", "endpoint-leads-p95", ">", 0.8, undefined, "p2", "004 /api/leads > 800 ms P95"],
    ["plumberleads", "endpoint-profile-p95", ">", 0.6, undefined, "p2", "004 /api/plumbers/profile > 600 ms"],
    ["plumberleads", "endpoint-login-p95", ">", 0.4, undefined, "p2", "004 /api/auth/login > 400 ms"],
    ["plumberleads", "endpoint-payments-p95", ">", 1, undefined, "p2", "004 /api/payments > 1000 ms"],
    ["plumberleads", "endpoint-admin-p95", ">", 0.8, undefined, "p2", "004 /api/admin/* > 800 ms"],
    ["plumberleads", "first-contentful-paint", ">", 1.8e9, undefined, "p2", "004 FCP > 1.8 s"],
    ["plumberleads", "largest-contentful-paint", ">", 2.5e9, undefined, "p2", "004 LCP > 2.5 s"],
    ["plumberleads", "first-input-delay", ">", 1e8, undefined, "p2", "004 FID > 100 ms"],
    ["plumberleads", "cumulative-layout-shift", ">", 0.1, undefined, "p2", "004 CLS > 0.1"],
    ["plumberleads", "active-users-drop", "<", -20, undefined, "p2", "004 active users < previous day -20%"],
    ["plumberleads", "registrations-drop", "<", -30, undefined, "p2", "004 registrations < previous day -30%"],
    ["plumberleads", "new-leads-drop", "<", -20, undefined, "p2", "004 new leads < previous day -20%"],
    ["plumberleads", "lead-claim-rate", "<", 60, undefined, "p2", "004 lead claim rate < 60%"],
    ["plumberleads", "time-to-claim", ">", 30, undefined, "p2", "004 time to claim > 30 min"],
    ["plumberleads", "failed-payments", ">", 5, undefined, "p1", "004 failed payments > 5%"],
    ["plumberleads", "refund-rate", ">", 3, undefined, "p2", "004 refund rate > 3%"],
];

function num(n: number): string {
    return String(Number(n.toPrecision(12)));
}

describe.each(STACKS)("plan thresholds in %s", (stack) => {
    const view = loadPlan(stack);

    it.each(PLAN)("%s %s %s %d (warning %s), %s — %s", (product, id, cmp, critical, warning, severity) => {
        const m = view.byName(`${product}-${id}`, MONITOR);
        const thresholds = m.inputs.monitorThresholds as Record<string, string>;
        expect(thresholds.critical).toBe(num(critical));
        expect(thresholds.warning).toBe(warning === undefined ? undefined : num(warning));
        if (m.inputs.type !== "service check") expect(m.inputs.query).toMatch(new RegExp(` ${cmp.replace(/[<>=]/g, "\\$&")} ${num(critical).replace(/[.+-]/g, "\\$&")}$`));
        expect(m.inputs.tags).toContain(`severity:${severity}`);
    });

    it("creates one monitor per spec threshold in every product", () => {
        for (const p of products) {
            for (const spec of p.monitors) expect(view.ofType(MONITOR, p.key).map((m) => m.name)).toContain(`${p.key}-${spec.id}`);
        }
    });

    it("uses change or anomaly monitors for business drops, log monitors for security", () => {
        const all = view.ofType(MONITOR);
        for (const m of all.filter((x) => /-drop$/.test(x.name))) expect(m.inputs.query).toMatch(/^(pct_change|change)\(|anomalies\(/);
        for (const m of all.filter((x) => (x.inputs.tags as string[]).includes("category:security"))) expect(m.inputs.type).toBe("log alert");
    });

    it("shapes every monitor: unified tags, message sections, runbook, no-data on availability, delays", () => {
        for (const m of view.ofType(MONITOR)) {
            const tags = m.inputs.tags as string[];
            const product = view.productOf(m);
            for (const key of ["env", "service", "team", "severity"]) expect([m.name, tags.some((t) => t.startsWith(`${key}:`))]).toEqual([m.name, true]);
            expect(tags).toEqual(expect.arrayContaining([`env:${stack}`, "managed-by:pulumi", `product:${product}`]));
            const message = m.inputs.message as string;
            expect(message).toMatch(/^## /);
            expect(message).toContain("{{#is_alert}}");
            expect(message).toContain("{{#is_recovery}}");
            expect(message).toMatch(new RegExp(`Runbook: https://\\S+/docs/runbooks/${product}\\.md#[a-z0-9-]+`));
            if (tags.includes("category:availability")) expect([m.name, m.inputs.notifyNoData]).toEqual([m.name, true]);
            if (m.inputs.type === "metric alert" || m.inputs.type === "query alert") expect(m.inputs.evaluationDelay).toBe(60);
        }
    });

    it("gives anomaly monitors trigger and recovery windows", () => {
        for (const m of view.ofType(MONITOR).filter((x) => String(x.inputs.query).includes("anomalies("))) {
            expect(m.inputs.monitorThresholdWindows).toEqual({ triggerWindow: "last_15m", recoveryWindow: "last_15m" });
        }
    });
});
