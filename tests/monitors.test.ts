/**
 * Every plan threshold is a Datadog monitor with its value, comparator and severity. The table below is written
 * by hand from shared/seeds (not derived from the specs), so a spec that drifts from its plan fails here.
 */
import { loadCatalog } from "../lib/inputs/catalog/validate";
import { monitorType } from "../lib/datadog/query";
import { parseHandles, routeHandles } from "../lib/datadog/handles";
import { stateBlocks } from "../lib/datadog/messages";
import { warningSeverity } from "../lib/model/alert";
import { severityPolicy } from "../lib/model/severity";
import { catalog } from "../products";
import { STACKS } from "./helpers/constants";
import { loadPlan, MONITOR } from "./helpers/plan";
import { stackConfig } from "./helpers/stackConfig";

const products = loadCatalog(catalog);

// [product, monitor id, query form, comparator, critical, warning, severity, plan]
type Row = [string, string, Form, string, number, number | undefined, string, string];
type Form = "metric" | "percentile" | "anomaly" | "change" | "rum" | "log" | "service-check";
const PLAN: Row[] = [
    // 000 §Basic Alerting (every BearifiedCo product)
    ...["bearo", "alphabuilder", "primape", "chimpanion"].flatMap((p): Row[] => [
        [p, "api-error-rate", "metric", ">", 1, undefined, "p1", "000 high error rates > 1%"],
        [p, "api-slow-response", "percentile", ">", 3, undefined, "p1", "000 slow response times > 3 s"],
        [p, "api-down", "service-check", ">=", 2, undefined, "p0", "000 API downtime"],
        [p, "db-connectivity", "service-check", ">=", 2, undefined, "p0", "000 database connectivity"],
    ]),
    // 000 §Implementation by Product / Alerts
    ["bearo", "payment-failure-rate", "metric", ">", 5, undefined, "p0", "000 BEARO payment failures > 5%"],
    ["bearo", "api-timeout", "metric", ">", 10, undefined, "p1", "000 BEARO API timeout > 10 s"],
    ["bearo", "wallet-service-down", "service-check", ">=", 2, undefined, "p0", "000 BEARO wallet service down"],
    ["bearo", "cart-abandonment-anomaly", "anomaly", ">=", 1, undefined, "p2", "000 BEARO high cart abandonment (no number: above its baseline)"],
    ["alphabuilder", "pdf-generation-slow", "percentile", ">", 10, undefined, "p1", "000 AlphaBuilder PDF generation > 10 s"],
    ["alphabuilder", "calculation-errors", "metric", ">", 0, undefined, "p1", "000 AlphaBuilder calculation errors"],
    ["alphabuilder", "db-slow-queries", "anomaly", ">=", 1, undefined, "p2", "000 AlphaBuilder database slow queries"],
    ["alphabuilder", "pdf-worker-memory-high", "metric", ">", 90, 80, "p2", "000 AlphaBuilder high memory usage"],
    ["primape", "game-server-latency", "anomaly", ">=", 1, undefined, "p1", "000 Primape game server latency"],
    ["primape", "websocket-disconnections", "anomaly", ">=", 1, undefined, "p1", "000 Primape WebSocket disconnections"],
    ["primape", "blockchain-sync-down", "service-check", ">=", 2, undefined, "p1", "000 Primape blockchain sync issues (indexer down)"],
    ["primape", "blockchain-sync-lag", "anomaly", ">=", 1, undefined, "p1", "000 Primape blockchain sync issues (lag)"],
    ["primape", "game-server-load", "metric", ">", 1, 0.8, "p2", "000 Primape high server load (load per core)"],
    ["chimpanion", "ai-service-timeouts", "metric", ">", 0, undefined, "p1", "000 Chimpanion AI service timeout"],
    ["chimpanion", "ai-api-cost-anomaly", "anomaly", ">=", 1, undefined, "p2", "000 Chimpanion high API costs"],
    ["chimpanion", "wallet-connection-failures", "anomaly", ">=", 1, undefined, "p1", "000 Chimpanion wallet connection failures"],
    ["chimpanion", "ai-rate-limit-requests", "metric", "<", 10, 20, "p2", "000 Chimpanion rate limit approaching (requests left %)"],
    ["chimpanion", "ai-rate-limit-tokens", "metric", "<", 10, 20, "p2", "000 Chimpanion rate limit approaching (tokens left %)"],
    // 001 §Alert Configuration (critical / warning / business)
    ["genonaut", "api-down", "service-check", ">=", 2, undefined, "p0", "001 Task 3.1 critical: downtime"],
    ["genonaut", "api-error-rate", "metric", ">", 5, undefined, "p1", "001 API error rate > 5% for 5 min"],
    ["genonaut", "api-p95-latency", "percentile", ">", 2, undefined, "p1", "001 P95 > 2 s for 10 min"],
    ["genonaut", "db-connection-failures", "service-check", ">=", 2, undefined, "p0", "001 database connection failures"],
    ["genonaut", "memory-usage", "metric", ">", 90, undefined, "p1", "001 memory > 90% for 5 min"],
    ["genonaut", "pagination-query-slow", "metric", ">", 0.5, undefined, "p2", "001 pagination P95 > 500 ms"],
    ["genonaut", "cache-hit-rate-low", "metric", "<", 70, undefined, "p2", "001 cache hit rate < 70%"],
    ["genonaut", "disk-usage", "metric", ">", 0.8, undefined, "p2", "001 disk > 80%"],
    ["genonaut", "traffic-anomaly", "anomaly", ">=", 1, undefined, "p2", "001 unusual traffic patterns"],
    ["genonaut", "registration-drop", "change", "<", -50, undefined, "p3", "001 registration drop > 50%"],
    ["genonaut", "content-creation-drop", "change", "<", -30, undefined, "p3", "001 content creation drop > 30%"],
    ["genonaut", "search-failure-rate", "metric", ">", 10, undefined, "p3", "001 search failure rate > 10%"],
    // 002 §Alert Rules
    ["vivr", "service-down", "metric", "<", 1, undefined, "p0", "002 ServiceDown up == 0 for 2m"],
    ["vivr", "high-error-rate", "metric", ">", 5, undefined, "p1", "002 HighErrorRate > 0.05"],
    ["vivr", "db-pool-exhausted", "metric", "<", 5, undefined, "p0", "002 DatabaseConnectionPoolExhausted < 5"],
    ["vivr", "high-response-time", "percentile", ">", 5, undefined, "p2", "002 HighResponseTime p95 > 5 s"],
    ["vivr", "high-memory-usage", "metric", ">", 0.9, undefined, "p2", "002 HighMemoryUsage > 0.9"],
    ["vivr", "low-disk-space", "metric", "<", 0.1, undefined, "p2", "002 LowDiskSpace < 0.1"],
    ["vivr", "slow-query-detected", "metric", ">", 0, undefined, "p3", "002 SlowQueryDetected > 0"],
    ["vivr", "payment-failure-anomaly", "anomaly", ">=", 1, undefined, "p1", "002 technical metric paymentFailureRate (no threshold: above baseline)"],
    ["vivr", "orders-anomaly", "anomaly", ">=", 1, undefined, "p2", "002 business metric ordersCreated (no threshold: below baseline)"],
    // 003 §Alert Configuration: warning/critical pairs, §2.1 critical alerts, page-specific targets, §3.2 anomaly detection
    ["driplo", "page-load-time", "rum", ">", 5e9, 2e9, "p1", "003 page load > 2 s / 5 s (RUM, ns)"],
    ["driplo", "api-response-time", "percentile", ">", 2, 0.5, "p1", "003 API > 500 ms / 2 s"],
    ["driplo", "db-query-time", "percentile", ">", 500, 100, "p1", "003 DB query > 100 ms / 500 ms"],
    ["driplo", "error-rate", "metric", ">", 5, 1, "p1", "003 error rate > 1% / 5%"],
    ["driplo", "cpu-usage", "metric", ">", 90, 70, "p1", "003 CPU > 70% / 90%"],
    ["driplo", "memory-usage", "metric", ">", 95, 80, "p1", "003 memory > 80% / 95%"],
    ["driplo", "memory-usage-critical", "metric", ">", 85, undefined, "p1", "003 §2.1 memory usage > 85%"],
    ["driplo", "disk-usage", "metric", ">", 0.95, 0.85, "p1", "003 disk > 85% / 95%"],
    ["driplo", "network-latency", "metric", ">", 1000, 200, "p1", "003 network > 200 ms / 1 s"],
    ["driplo", "service-down", "service-check", ">=", 2, undefined, "p0", "003 §2.1 service downtime > 30 s"],
    ["driplo", "payment-processing-failures", "metric", ">", 0, undefined, "p0", "003 P0 payment processing down"],
    ["driplo", "product-page-lcp", "rum", ">", 1.5e9, undefined, "p2", "003 product page LCP > 1.5 s"],
    ["driplo", "search-response-time", "percentile", ">", 0.5, undefined, "p2", "003 search > 500 ms"],
    ["driplo", "image-load-time", "rum", ">", 2e9, undefined, "p2", "003 image load > 2 s"],
    ["driplo", "order-completion-drop", "anomaly", ">=", 1, undefined, "p1", "003 order completion drop"],
    ["driplo", "traffic-anomaly", "anomaly", ">=", 1, undefined, "p2", "003 §3.2 traffic pattern anomalies"],
    ["driplo", "revenue-anomaly", "anomaly", ">=", 1, undefined, "p1", "003 §3.2 revenue anomaly detection"],
    ["driplo", "user-behaviour-anomaly", "anomaly", ">=", 1, undefined, "p3", "003 §3.2 user behavior anomalies"],
    ["driplo", "performance-regression", "anomaly", ">=", 1, undefined, "p2", "003 §3.2 performance regression detection"],
    ["driplo", "db-connection-failures", "service-check", ">=", 2, undefined, "p0", "003 P0 database unreachable"],
    ["driplo", "registration-failures", "anomaly", ">=", 1, undefined, "p1", "003 §2.1 user registration failures"],
    ["driplo", "search-errors", "metric", ">", 5, 1, "p1", "003 P1 search functionality broken (error_rate pair)"],
    ["driplo", "image-upload-failures", "metric", ">", 5, 1, "p1", "003 P1 image uploads failing (error_rate pair)"],
    ["driplo", "stripe-webhook-failures", "metric", ">", 0, undefined, "p1", "003 webhook delivery success tracking"],
    ["driplo", "payout-failures", "metric", ">", 0, undefined, "p1", "003 payout failure alerts"],
    ["driplo", "realtime-latency-anomaly", "anomaly", ">=", 1, undefined, "p2", "003 real-time messaging latency"],
    // 004 tables: infrastructure, database, cache, network, application, endpoints, RUM, business
    ["plumberleads", "api-down", "service-check", ">=", 2, undefined, "p0", "004 home page availability > 99.9%, P1 service outage"],
    ["plumberleads", "cpu-usage", "metric", ">", 85, 75, "p1", "004 CPU > 85% (Appendix B warning 75)"],
    ["plumberleads", "memory-usage", "metric", ">", 90, undefined, "p1", "004 memory > 90%"],
    ["plumberleads", "disk-usage", "metric", ">", 0.85, undefined, "p2", "004 disk > 85%"],
    ["plumberleads", "disk-io", "metric", ">", 90, undefined, "p2", "004 disk I/O > 90% of capacity"],
    ["plumberleads", "load-average", "metric", ">", 1.5, undefined, "p2", "004 load average > cores x 1.5"],
    ["plumberleads", "process-count", "metric", ">", 500, undefined, "p2", "004 process count > 500"],
    ["plumberleads", "file-descriptors", "metric", ">", 0.85, undefined, "p2", "004 open file descriptors > 85% of max"],
    ["plumberleads", "db-connections", "metric", ">", 0.9, 0.85, "p1", "004 connections > 85% / utilization > 90%"],
    ["plumberleads", "db-query-time", "metric", ">", 1, undefined, "p1", "004 query > 1 s avg"],
    ["plumberleads", "db-replication-lag", "metric", ">", 30, undefined, "p1", "004 replication lag > 30 s"],
    ["plumberleads", "db-index-hit-ratio", "metric", "<", 95, undefined, "p2", "004 index hit ratio < 95%"],
    ["plumberleads", "db-cache-hit-ratio", "metric", "<", 90, undefined, "p2", "004 database cache hit ratio < 90%"],
    ["plumberleads", "db-deadlocks", "metric", ">", 0, undefined, "p2", "004 deadlocks > 0"],
    ["plumberleads", "redis-memory", "metric", ">", 85, undefined, "p2", "004 Redis memory > 85%"],
    ["plumberleads", "cache-hit-rate", "metric", "<", 80, undefined, "p2", "004 cache hit rate < 80%"],
    ["plumberleads", "redis-evictions", "metric", ">", 0, undefined, "p2", "004 evictions > 0 per s"],
    ["plumberleads", "redis-connected-clients", "metric", ">", 80, undefined, "p2", "004 connected clients > 80% of max"],
    ["plumberleads", "redis-blocked-clients", "metric", ">", 0, undefined, "p2", "004 blocked clients > 0 for 1 min"],
    ["plumberleads", "http-5xx-rate", "metric", ">", 1, undefined, "p1", "004 5xx > 1%"],
    ["plumberleads", "http-4xx-rate", "metric", ">", 5, undefined, "p2", "004 4xx > 5%"],
    ["plumberleads", "response-time-avg", "metric", ">", 0.5, undefined, "p2", "004 response time > 500 ms avg"],
    ["plumberleads", "dns-resolution-time", "metric", ">", 0.1, undefined, "p2", "004 DNS resolution > 100 ms"],
    ["plumberleads", "cdn-cache-rate", "metric", "<", 80, undefined, "p3", "004 CDN cache rate < 80%"],
    ["plumberleads", "p95-response-time", "percentile", ">", 1, undefined, "p1", "004 P95 > 1 s"],
    ["plumberleads", "p99-response-time", "percentile", ">", 2, undefined, "p1", "004 P99 > 2 s"],
    ["plumberleads", "apdex", "metric", "<", 0.9, undefined, "p2", "004 Apdex < 0.9"],
    ["plumberleads", "api-error-rate", "metric", ">", 1, 0.5, "p1", "004 error rate > 1% (Appendix B warning 0.5)"],
    ["plumberleads", "cpu-time-per-request", "metric", ">", 200, undefined, "p3", "004 CPU time per request > 200 ms"],
    ["plumberleads", "memory-per-request", "metric", ">", 50, undefined, "p3", "004 memory per request > 50 MB"],
    ["plumberleads", "db-calls-per-request", "metric", ">", 10, undefined, "p3", "004 database calls per request > 10"],
    ["plumberleads", "endpoint-leads-p95", "percentile", ">", 0.8, undefined, "p2", "004 /api/leads > 800 ms P95"],
    ["plumberleads", "endpoint-profile-p95", "percentile", ">", 0.6, undefined, "p2", "004 /api/plumbers/profile > 600 ms"],
    ["plumberleads", "endpoint-login-p95", "percentile", ">", 0.4, undefined, "p2", "004 /api/auth/login > 400 ms"],
    ["plumberleads", "endpoint-payments-p95", "percentile", ">", 1, undefined, "p2", "004 /api/payments > 1000 ms"],
    ["plumberleads", "endpoint-admin-p95", "percentile", ">", 0.8, undefined, "p2", "004 /api/admin/* > 800 ms"],
    ["plumberleads", "page-load-time", "rum", ">", 3e9, undefined, "p2", "004 page load > 3 s"],
    ["plumberleads", "first-contentful-paint", "rum", ">", 1.8e9, undefined, "p2", "004 FCP > 1.8 s"],
    ["plumberleads", "largest-contentful-paint", "rum", ">", 2.5e9, undefined, "p2", "004 LCP > 2.5 s"],
    ["plumberleads", "first-input-delay", "rum", ">", 1e8, undefined, "p2", "004 FID > 100 ms"],
    ["plumberleads", "cumulative-layout-shift", "rum", ">", 0.1, undefined, "p2", "004 CLS > 0.1"],
    ["plumberleads", "js-errors", "rum", ">", 0, undefined, "p3", "004 JS errors > 0"],
    ["plumberleads", "ajax-error-rate", "metric", ">", 1, undefined, "p2", "004 AJAX error rate > 1%"],
    ["plumberleads", "active-users-drop", "change", "<", -20, undefined, "p2", "004 active users < previous day -20%"],
    ["plumberleads", "registrations-drop", "change", "<", -30, undefined, "p2", "004 registrations < previous day -30%"],
    ["plumberleads", "registration-completion-rate", "metric", "<", 80, undefined, "p2", "004 registration completion < 80%"],
    ["plumberleads", "new-leads-drop", "change", "<", -20, undefined, "p2", "004 new leads < previous day -20%"],
    ["plumberleads", "lead-claim-rate", "metric", "<", 60, undefined, "p2", "004 lead claim rate < 60%"],
    ["plumberleads", "time-to-claim", "metric", ">", 30, undefined, "p2", "004 time to claim > 30 min"],
    ["plumberleads", "lead-quality-score", "metric", "<", 4, undefined, "p3", "004 lead quality < 4.0/5.0"],
    ["plumberleads", "disputed-leads", "metric", ">", 5, undefined, "p2", "004 disputed leads > 5%"],
    ["plumberleads", "transaction-volume-drop", "change", "<", -25, undefined, "p2", "004 transaction volume < previous day -25%"],
    ["plumberleads", "transaction-value-drop", "change", "<", -25, undefined, "p2", "004 transaction value < previous day -25%"],
    ["plumberleads", "failed-payments", "metric", ">", 5, undefined, "p1", "004 failed payments > 5%"],
    ["plumberleads", "refund-rate", "metric", ">", 3, undefined, "p2", "004 refund rate > 3%"],
];

// Security alerts of the plans are log monitors (000 §Security Monitoring; 004 §Log Search Examples, failed logins).
const SECURITY: Array<[string, string, number]> = [
    ["bearo", "failed-auth-spike", 10], ["bearo", "rate-limit-violations", 50],
    ["plumberleads", "failed-login-attempts", 10], ["driplo", "ddos", 1000], ["vivr", "failed-auth-spike", 10],
];

/** The query form of a monitor as Datadog sees it. */
function formOf(type: string, query: string): Form {
    if (type === "service check") return "service-check";
    if (type === "log alert") return "log";
    if (type === "rum alert") return "rum";
    if (query.includes("anomalies(")) return "anomaly";
    if (/^(pct_)?change\(/.test(query)) return "change";
    if (query.startsWith("percentile(")) return "percentile";
    return "metric";
}

function num(n: number): string {
    return String(Number(n.toPrecision(12)));
}

describe.each(STACKS)("plan thresholds in %s", (stack) => {
    const view = loadPlan(stack);

    it.each(PLAN)("%s %s: %s %s %d (warning %s), %s — %s", (product, id, form, cmp, critical, warning, severity) => {
        const m = view.byName(`${product}-${id}`, MONITOR);
        const thresholds = m.inputs.monitorThresholds as Record<string, string>;
        expect(formOf(m.inputs.type as string, m.inputs.query as string)).toBe(form);
        expect(thresholds.critical).toBe(num(critical));
        expect(thresholds.warning).toBe(warning === undefined ? undefined : num(warning));
        if (m.inputs.type !== "service check") expect(m.inputs.query).toMatch(new RegExp(` ${cmp.replace(/[<>=]/g, "\\$&")} ${num(critical).replace(/[.+-]/g, "\\$&")}$`));
        expect(m.inputs.tags).toContain(`severity:${severity}`);
    });

    it.each(SECURITY)("%s security %s is a log monitor above %d events", (product, id, threshold) => {
        const m = view.byName(`${product}-security-${id}`, MONITOR);
        expect(m.inputs.type).toBe("log alert");
        expect(m.inputs.query).toMatch(new RegExp(`^logs\\(".*"\\)\\.index\\("\\*"\\)\\.rollup\\("count"\\).*\\.last\\("\\d+m"\\) > ${threshold}$`));
        expect((m.inputs.monitorThresholds as Record<string, string>).critical).toBe(String(threshold));
    });

    it("pins a plan row for every monitor a spec derives from a plan threshold", () => {
        // A spec monitor without a hand-written row here is a threshold nobody checked against its plan.
        const pinned = new Set(PLAN.map(([p, id]) => `${p}-${id}`));
        const unpinned = products.flatMap((p) => p.monitors.map((m) => `${p.key}-${m.id}`)).filter((n) => !pinned.has(n));
        expect(unpinned).toEqual([]);
    });

    it("derives each spec monitor exactly: type, thresholds, comparator, severity, priority, renotify, message", () => {
        const config = stackConfig(stack);
        for (const p of products) {
            for (const spec of p.monitors) {
                const m = view.byName(`${p.key}-${spec.id}`, MONITOR);
                const policy = severityPolicy(spec.severity);
                const at = `${p.key}-${spec.id}`;
                expect([at, m.inputs.type]).toEqual([at, monitorType(spec.query)]);
                expect([at, (m.inputs.monitorThresholds as any).critical, (m.inputs.monitorThresholds as any).warning])
                    .toEqual([at, num(spec.critical), spec.warning === undefined ? undefined : num(spec.warning)]);
                if (spec.query.kind !== "service-check") expect([at, String(m.inputs.query).endsWith(` ${spec.comparator} ${num(spec.critical)}`)]).toEqual([at, true]);
                expect([at, m.inputs.priority, m.inputs.renotifyInterval]).toEqual([at, policy.priority, policy.renotifyMinutes || undefined]);
                expect(m.inputs.tags).toEqual(expect.arrayContaining([`severity:${spec.severity.toLowerCase()}`, `category:${spec.category}`]));
                const message = m.inputs.message as string;
                expect(message).toContain(spec.whatHappened);
                for (const step of spec.firstSteps) expect(message).toContain(step);
                expect(message).toContain(`docs/runbooks/${p.key}.md#${spec.id}`);
                // Each state reaches its own route: the alert its severity's, a warning the next lower severity's.
                const blocks = stateBlocks(message);
                const inBlock = (state: string) => parseHandles(blocks[state] ?? "").map((h) => h.raw);
                expect([at, inBlock("is_alert")]).toEqual([at, routeHandles(spec.severity, stack, config.routing, p)]);
                expect([at, inBlock("is_warning")]).toEqual([at, spec.warning === undefined ? [] : routeHandles(warningSeverity(spec.severity), stack, config.routing, p)]);
                expect([at, message.replace(/\{\{#is_[a-z_]+\}\}[\s\S]*?\{\{\/is_[a-z_]+\}\}/g, "")]).not.toEqual([at, expect.stringMatching(/@(pagerduty|slack)-/)]);
            }
        }
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
            expect(message).toMatch(/\{\{#is_(alert_)?recovery\}\}/);
            expect(message).toMatch(new RegExp(`Runbook: https://\\S+/docs/runbooks/${product}\\.md#[a-z0-9-]+`));
            if (tags.includes("category:availability")) expect([m.name, m.inputs.notifyNoData]).toEqual([m.name, true]);
            if (m.inputs.type === "metric alert" || m.inputs.type === "query alert") expect(m.inputs.evaluationDelay).toBe(60);
        }
    });

    it("gives anomaly monitors Datadog's documented form: direction, alert_window = trigger window, recovery at 0", () => {
        const anomalies = view.ofType(MONITOR).filter((x) => String(x.inputs.query).includes("anomalies("));
        expect(anomalies.length).toBeGreaterThan(15);
        for (const m of anomalies) {
            expect(m.inputs.query).toMatch(/, direction='(above|below|both)', alert_window='last_15m', interval=60, count_default_zero='true', seasonality='weekly'\) >= 1$/);
            expect(m.inputs.monitorThresholdWindows).toEqual({ triggerWindow: "last_15m", recoveryWindow: "last_15m" });
            expect(m.inputs.monitorThresholds).toEqual({ critical: "1", criticalRecovery: "0" });
        }
        // Failures alert when they rise, volumes when they fall.
        expect(view.byName("chimpanion-wallet-connection-failures", MONITOR).inputs.query).toContain("direction='above'");
        expect(view.byName("driplo-order-completion-drop", MONITOR).inputs.query).toContain("direction='below'");
        expect(view.byName("genonaut-traffic-anomaly", MONITOR).inputs.query).toContain("direction='both'");
    });
});
