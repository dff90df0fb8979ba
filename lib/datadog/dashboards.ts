/**
 * Dashboard documents (pure): per product an Engineering and an On-Call dashboard, and the company Executive
 * and Product dashboards. Each dashboard has one group per item 000 §Dashboards lists for it, in that order
 * (DASHBOARD_SECTIONS). Built as Datadog's dashboard JSON, validated in tests against Datadog's official model
 * (@datadog/datadog-api-client).
 */
import type { Alert } from "../model/alert";
import type { Monitor, Product } from "../inputs/catalog/schema";
import { formatNumber, monitorSeries, type QueryScope } from "./query";
import { syntheticSloId, syntheticSloTitle } from "./slo";

export type Widget = { definition: Record<string, unknown> };

export interface DashboardDoc {
    title: string;
    description: string;
    layout_type: "ordered";
    reflow_type: "auto";
    template_variables: Array<{ name: string; prefix: string; available_values: string[]; default: string }>;
    widgets: Widget[];
}

/** The sections 000 §Dashboards asks of each dashboard, in its order; each is a group of widgets. */
export const DASHBOARD_SECTIONS = {
    engineering: ["Service map", "Error rates", "Performance metrics", "Deployment tracking", "Incident timeline"],
    oncall: ["Active incidents", "Alert summary", "Service health", "Recent deployments", "Runbook links"],
    executive: ["Revenue metrics", "User growth", "System health", "Cost per service", "SLA compliance"],
    product: ["Feature usage", "User journeys", "Conversion funnels", "A/B test results", "Retention metrics"],
} as const;

// ---- widgets ----

export const group = (title: string, widgets: Widget[]): Widget => ({
    definition: { type: "group", layout_type: "ordered", title, show_title: true, widgets },
});
export const note = (content: string): Widget => ({
    definition: {
        type: "note",
        content,
        background_color: "white",
        font_size: "14",
        text_align: "left",
        show_tick: false,
        tick_pos: "50%",
        tick_edge: "left",
    },
});
export const timeseries = (title: string, queries: string[], displayType: "line" | "bars" = "line"): Widget => ({
    definition: { type: "timeseries", title, show_legend: true, requests: queries.map((q) => ({ q, display_type: displayType })) },
});
const toplist = (title: string, q: string): Widget => ({ definition: { type: "toplist", title, requests: [{ q }] } });
interface RumQuery {
    search: string;
    aggregation: "count" | "cardinality";
    /** Facet counted distinct values of, for cardinality (e.g. "@usr.id"). */
    metric?: string;
    /** Top values of this facet as separate series. */
    facet?: string;
    /** Bucket size in ms (a day for daily counts). */
    interval?: number;
}
export const DAY_MS = 86_400_000;
/** RUM event queries (formulas-and-functions form), combined by `formula` (query1, query2, ...). */
export const rumSeries = (title: string, queries: RumQuery[], formula = "query1", alias?: string): Widget => ({
    definition: {
        type: "timeseries",
        title,
        show_legend: true,
        requests: [
            {
                response_format: "timeseries",
                display_type: "bars",
                formulas: [{ formula, ...(alias ? { alias } : {}) }],
                queries: queries.map((q, i) => ({
                    data_source: "rum",
                    name: `query${i + 1}`,
                    indexes: ["*"],
                    search: { query: q.search },
                    compute: {
                        aggregation: q.aggregation,
                        ...(q.metric ? { metric: q.metric } : {}),
                        ...(q.interval ? { interval: q.interval } : {}),
                    },
                    group_by: q.facet ? [{ facet: q.facet, limit: 10, sort: { aggregation: "count", order: "desc" } }] : [],
                })),
            },
        ],
    },
});
type MonitorSort = "priority,asc" | "triggered,desc" | "status,asc";
export const monitorSummary = (
    title: string,
    query: string,
    displayFormat: "list" | "counts" | "countsAndList",
    sort: MonitorSort,
): Widget => ({
    definition: {
        type: "manage_status",
        title,
        query,
        summary_type: "monitors",
        display_format: displayFormat,
        color_preference: "text",
        sort,
        hide_zero_counts: true,
        show_last_triggered: true,
        show_priority: true,
    },
});
const slo = (title: string, sloId: string): Widget => ({
    definition: {
        type: "slo",
        title,
        view_type: "detail",
        slo_id: sloId,
        time_windows: ["7d", "30d"],
        show_error_budget: true,
        view_mode: "overall",
        global_time_target: "0",
    },
});
const serviceMap = (service: string, env: string): Widget => ({
    definition: { type: "servicemap", title: `Service map: ${service}`, service, filters: [`env:${env}`] },
});

// ---- queries derived from the product spec ----

/** Monitor search (Datadog's monitor search syntax: tags with a colon are quoted). */
export function monitorSearch(env: string, product?: string, status?: string): string {
    return [
        `tag:"env:${env}"`,
        product ? `tag:"product:${product}"` : `tag:"managed-by:pulumi"`,
        ...(status ? [`status:${status}`] : []),
    ].join(" ");
}

function scopeOf(product: Product, m: Pick<Monitor, "surface">, env: string): QueryScope {
    const surface = product.surfaces.find((s) => s.name === m.surface)!;
    return { env, service: surface.service };
}

/** The metric a monitor watches as a graphable expression (ratios as percentages), if it is metric-based. */
function monitorExpression(product: Product, m: Monitor, env: string): string | undefined {
    return monitorSeries(m.query, scopeOf(product, m, env));
}

export function monitorGraphs(product: Product, env: string, keep: (m: Monitor) => boolean, limit: number): Widget[] {
    return product.monitors
        .filter(keep)
        .map((m) => {
            const expr = monitorExpression(product, m, env);
            return expr ? timeseries(`${m.title} (alert ${m.comparator} ${formatNumber(m.critical)} ${m.unit})`, [expr]) : undefined;
        })
        .filter((w): w is Widget => w !== undefined)
        .slice(0, limit);
}

/** Application surfaces (what deploys and has traces); databases and caches are their dependencies. */
export function appSurfaces(product: Product): Product["surfaces"] {
    return product.surfaces.filter((s) => s.kind !== "database" && s.kind !== "cache");
}

export function appServices(product: Product): string[] {
    return appSurfaces(product).map((s) => s.service);
}

export function webServices(product: Product): string[] {
    return product.surfaces.filter((s) => s.kind === "web" || s.kind === "mobile" || s.kind === "admin").map((s) => s.service);
}

/**
 * The APM operation of a surface's incoming requests, from its framework: dd-trace names it after the server
 * integration (`next.request`, `flask.request`...; Node's plain http server is `web.request`). `http.request` is
 * the *outgoing* HTTP client span, so charting it would show a service's calls, not its own errors. Undefined
 * for surfaces without traced incoming requests (workers, front-ends measured by RUM, databases).
 */
export function traceRequestOperation(surface: Pick<Product["surfaces"][number], "kind" | "framework">): string | undefined {
    if (surface.kind === "database" || surface.kind === "cache" || /worker/i.test(surface.framework)) return undefined;
    const rules: Array<[RegExp, string]> = [
        [/next\.?js/i, "next.request"],
        [/fastapi/i, "fastapi.request"],
        [/flask/i, "flask.request"],
        [/django/i, "django.request"],
        [/express/i, "express.request"],
        [/sveltekit server|node\b.*server routes/i, "web.request"],
    ];
    return rules.find(([re]) => re.test(surface.framework))?.[1];
}

export const deployments = (env: string, surfaces: ReadonlyArray<Product["surfaces"][number]>): Widget => {
    const traced = surfaces.flatMap((s) => {
        const op = traceRequestOperation(s);
        return op ? [{ q: `sum:trace.${op}.errors{env:${env},service:${s.service}}.as_count()`, display_type: "bars" }] : [];
    });
    const events = [{ q: `tags:deployment env:${env} service:(${surfaces.map((s) => s.service).join(" OR ")})` }];
    return traced.length
        ? { definition: { type: "timeseries", title: "Request errors, with deployments as event markers", requests: traced, events } }
        : note(
              `No traced incoming requests to chart for ${surfaces.map((s) => s.service).join(", ")}; deployments are the events \`${events[0].q}\`.`,
          );
};

function envVariable(env: string): DashboardDoc["template_variables"] {
    return [{ name: "env", prefix: "env", available_values: ["production", "staging"], default: env }];
}

export function dashboard(
    title: string,
    description: string,
    env: string,
    sections: ReadonlyArray<string>,
    content: Record<string, Widget[]>,
): DashboardDoc {
    return {
        title,
        description,
        layout_type: "ordered",
        reflow_type: "auto",
        template_variables: envVariable(env),
        // A section with no data in the plans says so rather than disappearing.
        widgets: sections.map((s) => group(s, content[s]?.length ? content[s] : [note(`No ${s.toLowerCase()} defined in the plans yet.`)])),
    };
}

// ---- per product ----

export function engineeringDashboard(product: Product, env: string, sloIds: Record<string, string>): DashboardDoc {
    const services = appServices(product);
    return dashboard(
        `${product.displayName} — Engineering (${env})`,
        `Service map, error rates, performance, deployments and incident timeline of ${product.displayName} (000 §Engineering Dashboard). Managed by Pulumi.`,
        env,
        DASHBOARD_SECTIONS.engineering,
        {
            "Service map": [
                note(`**${product.displayName}** (${product.team.name}, #${product.team.slackChannel}): ${services.join(", ")}`),
                ...services.slice(0, 3).map((s) => serviceMap(s, env)),
            ],
            "Error rates": monitorGraphs(product, env, (m) => m.category === "errors", 6),
            "Performance metrics": [
                ...monitorGraphs(
                    product,
                    env,
                    (m) => m.category === "latency" || m.category === "saturation" || m.category === "database",
                    8,
                ),
                ...product.slos.filter((s) => s.kind === "latency").map((s) => slo(s.title, sloIds[s.id])),
            ],
            "Deployment tracking": [deployments(env, appSurfaces(product))],
            "Incident timeline": [
                monitorSummary("Monitors, last triggered first", monitorSearch(env, product.key), "list", "triggered,desc"),
            ],
        },
    );
}

/** What the on-call dashboard lists of an alert (from the stack model's alert list). */
export type DashboardAlert = Pick<Alert, "id" | "title" | "severity" | "runbook">;

export function onCallDashboard(
    product: Product,
    env: string,
    sloIds: Record<string, string>,
    runbookUrl: string,
    alerts: ReadonlyArray<DashboardAlert> = [],
): DashboardDoc {
    const critical = alerts.filter((a) => a.severity === "P0" || a.severity === "P1");
    return dashboard(
        `${product.displayName} — On-Call (${env})`,
        `What the on-call engineer of ${product.displayName} needs first: active incidents, alerts, service health, recent deploys, runbooks (000 §On-Call Dashboard). Managed by Pulumi.`,
        env,
        DASHBOARD_SECTIONS.oncall,
        {
            "Active incidents": [
                monitorSummary(
                    "Alerting now, P0 first",
                    monitorSearch(env, product.key, "(Alert OR Warn)"),
                    "countsAndList",
                    "priority,asc",
                ),
            ],
            "Alert summary": [monitorSummary("All monitors by status", monitorSearch(env, product.key), "counts", "status,asc")],
            "Service health": [
                ...product.slos.filter((s) => s.kind === "availability").map((s) => slo(`SLO: ${s.title}`, sloIds[s.id])),
                // The uptime SLOs of the synthetic checks (004 §Synthetic Checks' success targets).
                ...product.synthetics
                    .filter((s) => s.successTarget !== undefined)
                    .map((s) => slo(`SLO: ${syntheticSloTitle(product, syntheticSloId(s.id))}`, sloIds[syntheticSloId(s.id)])),
                ...monitorGraphs(product, env, (m) => m.category === "availability" || m.category === "errors", 2),
            ],
            "Recent deployments": [deployments(env, appSurfaces(product))],
            "Runbook links": [
                note(
                    [
                        `**Runbook**: [${product.displayName} runbook](${runbookUrl}) (one section per alert; each alert links its own).`,
                        `**Escalation**: ${product.escalation.levels.map((l) => `L${l.level} at ${l.startsAtMinute} min: ${l.description}`).join("; ")}`,
                        ...(critical.length
                            ? [
                                  `**P0/P1 alerts**: ${critical.map((a) => `[${a.title} (${a.severity})](${runbookUrl}#${a.id})`).join(" · ")}`,
                              ]
                            : []),
                    ].join("\n\n"),
                ),
            ],
        },
    );
}

// ---- company ----

function businessGraphs(product: Product, env: string): Widget[] {
    return monitorGraphs(product, env, (m) => m.category === "business", 4).map((w) => ({
        definition: { ...w.definition, title: `${product.displayName}: ${String(w.definition.title)}` },
    }));
}

export function executiveDashboard(
    products: ReadonlyArray<Product>,
    env: string,
    sloIds: Record<string, Record<string, string>>,
    syntheticsMonthlyUsd: Record<string, number> = {},
): DashboardDoc {
    const withWeb = products.filter((p) => webServices(p).length);
    return dashboard(
        `Executive overview (${env})`,
        "Revenue, user growth, system health, cost per service and SLA compliance of every product (000 §Executive Dashboard). Managed by Pulumi.",
        env,
        DASHBOARD_SECTIONS.executive,
        {
            "Revenue metrics": products.flatMap((p) => businessGraphs(p, env)),
            "User growth": withWeb.map((p) =>
                rumSeries(`${p.displayName}: daily unique users`, [
                    {
                        search: `@type:session env:${env} service:(${webServices(p).join(" OR ")})`,
                        aggregation: "cardinality",
                        metric: "@usr.id",
                        interval: DAY_MS,
                    },
                ]),
            ),
            "System health": [
                monitorSummary(
                    "Alerting monitors of all products, P0 first",
                    monitorSearch(env, undefined, "Alert"),
                    "countsAndList",
                    "priority,asc",
                ),
            ],
            "Cost per service": [
                toplist("Logs ingested by service", `sum:datadog.estimated_usage.logs.ingested_events{env:${env}} by {service}.as_count()`),
                toplist(
                    "APM spans ingested by service",
                    `sum:datadog.estimated_usage.apm.ingested_spans{env:${env}} by {service}.as_count()`,
                ),
                ...(Object.keys(syntheticsMonthlyUsd).length
                    ? [
                          note(
                              [
                                  "**Synthetic tests, estimated USD per month** (the plan's cost model)",
                                  "",
                                  "| product | USD |",
                                  "| --- | --- |",
                                  ...Object.entries(syntheticsMonthlyUsd).map(([p, usd]) => `| ${p} | ${usd.toFixed(2)} |`),
                              ].join("\n"),
                          ),
                      ]
                    : []),
            ],
            "SLA compliance": products.flatMap((p) =>
                p.slos
                    .filter((s) => s.kind === "availability")
                    .map((s) => slo(`${p.displayName}: ${s.title} (${s.target}%)`, sloIds[p.key][s.id])),
            ),
        },
    );
}

export function productDashboard(products: ReadonlyArray<Product>, env: string): DashboardDoc {
    const withWeb = products.filter((p) => webServices(p).length);
    const search = (p: Product, type: string) => `@type:${type} env:${env} service:(${webServices(p).join(" OR ")})`;
    return dashboard(
        `Product usage (${env})`,
        "Feature usage, user journeys, conversion, experiments and retention per product, from RUM and the business metrics (000 §Product Dashboard). Managed by Pulumi.",
        env,
        DASHBOARD_SECTIONS.product,
        {
            "Feature usage": withWeb.map((p) =>
                rumSeries(`${p.displayName}: user actions by name`, [
                    { search: search(p, "action"), aggregation: "count", facet: "@action.name" },
                ]),
            ),
            "User journeys": withWeb.map((p) =>
                rumSeries(`${p.displayName}: page views by view`, [
                    { search: search(p, "view"), aggregation: "count", facet: "@view.name" },
                ]),
            ),
            // The plans' conversion rates are the business ratios their monitors watch (claim rate, completion rate...).
            "Conversion funnels": products.flatMap((p) =>
                monitorGraphs(p, env, (m) => m.category === "business" && m.query.kind === "ratio", 3).map((w) => ({
                    definition: { ...w.definition, title: `${p.displayName}: ${String(w.definition.title)}` },
                })),
            ),
            "A/B test results": [
                note(
                    "No experiment is defined in the plans. Experiments are compared in RUM by feature flag (`@feature_flags.<flag>`) once a product ships one; add its widget here.",
                ),
            ],
            // Sessions per user per day: users who come back more often raise it.
            "Retention metrics": withWeb.map((p) =>
                rumSeries(
                    `${p.displayName}: sessions per user per day`,
                    [
                        { search: search(p, "session"), aggregation: "count", interval: DAY_MS },
                        { search: search(p, "session"), aggregation: "cardinality", metric: "@usr.id", interval: DAY_MS },
                    ],
                    "query1 / query2",
                    "sessions per user",
                ),
            ),
        },
    );
}
