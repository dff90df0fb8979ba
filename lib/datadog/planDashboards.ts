/**
 * The dashboards the product plans name beyond 000's four (pure): 001 Task 2.2 (database performance, user
 * experience), 003 §3.3 (operations), 004 §Dashboards (operations, development, database, frontend, payment
 * processing, lead management) and 004 Appendix C (system health). Each is built per product whose plan asks for
 * it, one group per item the plan lists, from the product's own monitors (the metric each watches, with its
 * threshold in the title) — the same building blocks as lib/datadog/dashboards.ts.
 */
import type { Monitor, Product } from "../inputs/catalog/schema";
import {
    appSurfaces,
    DAY_MS,
    dashboard,
    DashboardDoc,
    deployments,
    monitorGraphs,
    monitorSearch,
    monitorSummary,
    note,
    rumSeries,
    webServices,
    type Widget,
} from "./dashboards";

export const PLAN_DASHBOARD_KINDS = [
    "operations",
    "development",
    "database",
    "frontend",
    "payments",
    "leads",
    "system-health",
    "user-experience",
] as const;
export type PlanDashboardKind = (typeof PLAN_DASHBOARD_KINDS)[number];

/** Which plan (seed number, the first word of a spec's `plan`) names which dashboards, and where. */
export const PLAN_DASHBOARDS: Readonly<Record<string, ReadonlyArray<{ kind: PlanDashboardKind; source: string }>>> = {
    "001": [
        { kind: "database", source: "001 §Task 2.2 (Database performance dashboard)" },
        { kind: "user-experience", source: "001 §Task 2.2 (User experience dashboard)" },
    ],
    "003": [{ kind: "operations", source: "003 §3.3 Operations Dashboard" }],
    "004": [
        { kind: "operations", source: "004 §Dashboards / Operations Dashboard" },
        { kind: "development", source: "004 §Dashboards / Development Dashboard" },
        { kind: "database", source: "004 §Specialized Dashboards / Database Performance" },
        { kind: "frontend", source: "004 §Specialized Dashboards / Frontend Performance" },
        { kind: "payments", source: "004 §Specialized Dashboards / Payment Processing" },
        { kind: "leads", source: "004 §Specialized Dashboards / Lead Management" },
        { kind: "system-health", source: "004 Appendix C (System Health Dashboard)" },
    ],
};

/** The sections of each dashboard, in the order its plan lists them (003's operations dashboard uses 004's). */
export const PLAN_DASHBOARD_SECTIONS: Readonly<Record<PlanDashboardKind, readonly string[]>> = {
    operations: [
        "Infrastructure health",
        "Application performance",
        "Error rates and distribution",
        "Active incidents",
        "Security incidents",
        "Resource utilization",
        "Support tickets",
    ],
    development: ["Deployment frequency", "Deploy success rate", "Error trends by service", "Code coverage and technical debt"],
    database: ["Query performance", "Connection utilization", "Replication status", "Backup status", "Storage trends"],
    frontend: ["Page load metrics", "User experience scores", "Browser error rates", "Geographic distribution"],
    payments: ["Transaction success rate", "Payment gateway latency", "Error breakdown by type", "Fraud detection", "Refund monitoring"],
    leads: ["Lead generation rate", "Lead distribution by area", "Claim time", "Quality scores", "Dispute tracking"],
    "system-health": ["CPU usage by host", "Memory usage by host", "Disk and load"],
    "user-experience": ["Page load times", "JavaScript errors", "User journeys"],
};

const TITLES: Record<PlanDashboardKind, string> = {
    operations: "Operations",
    development: "Development",
    database: "Database performance",
    frontend: "Frontend performance",
    payments: "Payment processing",
    leads: "Lead management",
    "system-health": "System health",
    "user-experience": "User experience",
};

/** The plan seed of a product spec: "004 PlumberLeads Monitoring..." → "004". */
export function planSeed(product: Pick<Product, "plan">): string {
    return product.plan.split(" ")[0];
}

export function planDashboardKinds(product: Pick<Product, "plan">): PlanDashboardKind[] {
    return (PLAN_DASHBOARDS[planSeed(product)] ?? []).map((d) => d.kind);
}

const text = (m: Monitor) => `${m.id} ${m.title}`.toLowerCase();
const about =
    (...words: string[]) =>
    (m: Monitor) =>
        words.some((w) => text(m).includes(w));
const both =
    (...keeps: Array<(m: Monitor) => boolean>) =>
    (m: Monitor) =>
        keeps.every((k) => k(m));
const of =
    (...categories: Monitor["category"][]) =>
    (m: Monitor) =>
        categories.includes(m.category);

function rumSearch(product: Product, env: string, type: string, extra = ""): string {
    return `@type:${type} env:${env} service:(${webServices(product).join(" OR ")})${extra}`;
}

/** A section's widgets, or a note saying the plan's item has no source yet (so the group is not empty). */
function orNote(widgets: Widget[], missing: string): Widget[] {
    return widgets.length ? widgets : [note(missing)];
}

function content(kind: PlanDashboardKind, p: Product, env: string): Record<string, Widget[]> {
    const g = (keep: (m: Monitor) => boolean, limit = 6) => monitorGraphs(p, env, keep, limit);
    const web = webServices(p).length > 0;
    switch (kind) {
        case "operations":
            return {
                "Infrastructure health": orNote(g(of("availability")), "No availability monitor in the spec."),
                "Application performance": orNote(g(of("latency")), "No latency monitor in the spec."),
                "Error rates and distribution": orNote(g(of("errors")), "No error-rate monitor in the spec."),
                "Active incidents": [
                    monitorSummary("Alerting now, P0 first", monitorSearch(env, p.key, "(Alert OR Warn)"), "countsAndList", "priority,asc"),
                ],
                "Security incidents": [
                    monitorSummary(
                        "Security monitors",
                        `${monitorSearch(env, p.key)} tag:"category:security"`,
                        "countsAndList",
                        "triggered,desc",
                    ),
                ],
                "Resource utilization": orNote(g(of("saturation")), "No saturation monitor in the spec."),
                "Support tickets": [
                    note(
                        "Support ticket volume has no source in Datadog: the plan's ticket system is not integrated. Add its metric here once it is.",
                    ),
                ],
            };
        case "development":
            return {
                "Deployment frequency": [deployments(env, appSurfaces(p))],
                "Deploy success rate": [
                    note(
                        "Deploy success comes from CI (GitHub Actions); no CI metric reaches Datadog yet. Deployments show as event markers beside.",
                    ),
                ],
                "Error trends by service": orNote(g(of("errors")), "No error-rate monitor in the spec."),
                "Code coverage and technical debt": [
                    note("Code coverage and technical debt are CI/repository metrics with no Datadog source; tracked in the repositories."),
                ],
            };
        case "database":
            return {
                "Query performance": orNote(
                    g(both(of("database", "latency"), about("query", "queries", "db", "database"))),
                    "No query-time monitor in the spec.",
                ),
                "Connection utilization": orNote(g(about("connection", "pool")), "No connection monitor in the spec."),
                "Replication status": orNote(g(about("replication")), "No replication monitor in the spec (single database)."),
                "Backup status": [
                    note("Backups are the database provider's (managed service); their status is not a Datadog metric here."),
                ],
                "Storage trends": orNote(
                    g(both(of("database", "saturation"), about("disk", "storage", "cache hit", "index"))),
                    "No storage monitor in the spec.",
                ),
            };
        case "frontend":
            return {
                "Page load metrics": orNote(
                    g(both(of("frontend"), about("load", "paint", "lcp", "fcp"))),
                    "No page-load monitor in the spec.",
                ),
                "User experience scores": orNote(
                    g(both(of("frontend", "latency"), about("apdex", "layout", "input delay", "cls", "fid"))),
                    "No experience-score monitor in the spec.",
                ),
                "Browser error rates": orNote(
                    g(both(of("frontend", "errors"), about("js", "javascript", "ajax", "browser"))),
                    "No browser-error monitor in the spec.",
                ),
                "Geographic distribution": web
                    ? [
                          rumSeries(`${p.displayName}: sessions by country`, [
                              { search: rumSearch(p, env, "session"), aggregation: "count", facet: "@geo.country" },
                          ]),
                      ]
                    : [note("No web surface.")],
            };
        case "payments":
            return {
                "Transaction success rate": orNote(g(about("payment", "transaction", "checkout")), "No payment monitor in the spec."),
                "Payment gateway latency": orNote(g(both(of("latency"), about("payment"))), "No payment-latency monitor in the spec."),
                "Error breakdown by type": orNote(
                    g(both(of("errors", "business"), about("failed", "failure"))),
                    "No payment-failure monitor in the spec.",
                ),
                "Fraud detection": [
                    monitorSummary(
                        "Payment security monitors",
                        `${monitorSearch(env, p.key)} tag:"category:security"`,
                        "countsAndList",
                        "triggered,desc",
                    ),
                ],
                "Refund monitoring": orNote(g(about("refund", "chargeback", "dispute")), "No refund monitor in the spec."),
            };
        case "leads":
            return {
                "Lead generation rate": orNote(g(about("new lead", "new-lead")), "No lead-volume monitor in the spec."),
                "Lead distribution by area": [
                    note(
                        "Lead distribution is a trend with no alert threshold (004 §Lead Metrics); break the lead metrics down by `area` here once they carry it.",
                    ),
                ],
                "Claim time": orNote(g(about("claim")), "No claim monitor in the spec."),
                "Quality scores": orNote(g(about("quality")), "No quality monitor in the spec."),
                "Dispute tracking": orNote(g(about("dispute")), "No dispute monitor in the spec."),
            };
        case "system-health":
            return {
                "CPU usage by host": orNote(g(about("cpu")), "No CPU monitor in the spec."),
                "Memory usage by host": orNote(g(both(of("saturation"), about("memory"))), "No memory monitor in the spec."),
                "Disk and load": orNote(
                    g(about("disk", "load average", "load-average", "file descriptor", "process")),
                    "No disk or load monitor in the spec.",
                ),
            };
        case "user-experience":
            return {
                "Page load times": web
                    ? [
                          rumSeries(`${p.displayName}: page views by view`, [
                              { search: rumSearch(p, env, "view"), aggregation: "count", facet: "@view.name" },
                          ]),
                      ]
                    : [note("No web surface.")],
                "JavaScript errors": web
                    ? [
                          rumSeries(`${p.displayName}: browser errors per day`, [
                              { search: rumSearch(p, env, "error"), aggregation: "count", interval: DAY_MS },
                          ]),
                      ]
                    : [note("No web surface.")],
                "User journeys": web
                    ? [
                          rumSeries(`${p.displayName}: actions by name`, [
                              { search: rumSearch(p, env, "action"), aggregation: "count", facet: "@action.name" },
                          ]),
                      ]
                    : [note("No web surface.")],
            };
    }
}

export interface PlanDashboard {
    kind: PlanDashboardKind;
    source: string;
    doc: DashboardDoc;
}

/** The plan's dashboards of one product (none when its plan names none). */
export function planDashboards(product: Product, env: string): PlanDashboard[] {
    return (PLAN_DASHBOARDS[planSeed(product)] ?? []).map(({ kind, source }) => ({
        kind,
        source,
        doc: dashboard(
            `${product.displayName} — ${TITLES[kind]} (${env})`,
            `${TITLES[kind]} dashboard of ${product.displayName} as ${source} lists it. Managed by Pulumi.`,
            env,
            PLAN_DASHBOARD_SECTIONS[kind],
            content(kind, product, env),
        ),
    }));
}
