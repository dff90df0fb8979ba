/**
 * Dashboard documents (pure): per product an Engineering and an On-Call dashboard, and the company Executive
 * and Product dashboards (000 §Dashboards). Built as Datadog's dashboard JSON, validated in tests against
 * Datadog's official model (@datadog/datadog-api-client).
 */
import type { Product } from "./catalog/schema";
import { metricExpr } from "./query";

type Widget = { definition: Record<string, unknown> };

export interface DashboardDoc {
    title: string;
    description: string;
    layout_type: "ordered";
    reflow_type: "auto";
    template_variables: Array<{ name: string; prefix: string; available_values: string[]; default: string }>;
    widgets: Widget[];
}

const note = (content: string): Widget => ({ definition: { type: "note", content, background_color: "white", font_size: "14", text_align: "left", show_tick: false, tick_pos: "50%", tick_edge: "left" } });
const timeseries = (title: string, queries: string[]): Widget => ({
    definition: { type: "timeseries", title, show_legend: true, requests: queries.map((q) => ({ q, display_type: "line" })) },
});
const queryValue = (title: string, q: string, aggregator: "avg" | "sum" | "max" | "last" = "avg"): Widget => ({
    definition: { type: "query_value", title, precision: 2, autoscale: true, requests: [{ q, aggregator }] },
});
const monitorSummary = (title: string, query: string): Widget => ({
    definition: {
        type: "manage_status", title, query, summary_type: "monitors", display_format: "countsAndList",
        color_preference: "text", sort: "status,asc", hide_zero_counts: true, show_last_triggered: true,
    },
});
const slo = (title: string, sloId: string): Widget => ({
    definition: { type: "slo", title, view_type: "detail", slo_id: sloId, time_windows: ["7d", "30d"], show_error_budget: true, view_mode: "overall", global_time_target: "0" },
});
const deployments = (env: string, services: string[]): Widget => ({
    definition: {
        type: "timeseries", title: "Deployments and errors",
        requests: services.map((s) => ({ q: `sum:trace.http.request.errors{env:${env},service:${s}}.as_count()`, display_type: "bars" })),
        events: [{ q: `tags:deployment env:${env} service:(${services.join(" OR ")})` }],
    },
});

function envVariable(env: string): DashboardDoc["template_variables"] {
    return [{ name: "env", prefix: "env", available_values: ["production", "staging"], default: env }];
}

/** Metric expressions of a product's business monitors (000: revenue, sign-ups, payments...). */
function businessQueries(product: Product, env: string): string[] {
    return product.monitors
        .filter((m) => m.category === "business" && "base" in m.query)
        .map((m) => {
            const surface = product.surfaces.find((s) => s.name === m.surface)!;
            return metricExpr((m.query as { base: Parameters<typeof metricExpr>[0] }).base, { env, service: surface.service });
        });
}

function latencyAndErrors(product: Product, env: string): Widget[] {
    return product.monitors
        .filter((m) => (m.category === "latency" || m.category === "errors") && m.query.kind !== "service-check")
        .slice(0, 8)
        .map((m) => {
            const surface = product.surfaces.find((s) => s.name === m.surface)!;
            const scope = { env, service: surface.service };
            const q = m.query;
            const expr = q.kind === "ratio" ? `(${metricExpr(q.numerator, scope)} / ${metricExpr(q.denominator, scope)}) * ${q.scale}`
                : "base" in q ? metricExpr(q.base, scope) : undefined;
            return expr ? timeseries(`${m.title} (threshold ${m.critical} ${m.unit})`, [expr]) : undefined;
        })
        .filter((w): w is Widget => w !== undefined);
}

export function engineeringDashboard(product: Product, env: string, sloIds: Record<string, string>): DashboardDoc {
    const services = product.surfaces.filter((s) => s.kind !== "database" && s.kind !== "cache").map((s) => s.service);
    return {
        title: `${product.displayName} — Engineering (${env})`,
        description: `Service health, error rates, performance and deployments of ${product.displayName}. Managed by Pulumi.`,
        layout_type: "ordered",
        reflow_type: "auto",
        template_variables: envVariable(env),
        widgets: [
            note(`**${product.displayName}** (${product.team.name}, #${product.team.slackChannel}) — services: ${services.join(", ")}`),
            ...latencyAndErrors(product, env),
            deployments(env, services),
            ...product.slos.map((s) => slo(s.title, sloIds[s.id])),
            monitorSummary("Incident timeline: monitors by status", `tag:(product:${product.key} AND env:${env})`),
        ],
    };
}

export function onCallDashboard(product: Product, env: string, sloIds: Record<string, string>, runbookUrl: string): DashboardDoc {
    const services = product.surfaces.filter((s) => s.kind !== "database" && s.kind !== "cache").map((s) => s.service);
    return {
        title: `${product.displayName} — On-Call (${env})`,
        description: `What the on-call engineer of ${product.displayName} needs first: active alerts, service health, recent deploys, runbooks. Managed by Pulumi.`,
        layout_type: "ordered",
        reflow_type: "auto",
        template_variables: envVariable(env),
        widgets: [
            monitorSummary("Active alerts (P0/P1 first)", `tag:(product:${product.key} AND env:${env}) status:(alert OR warn)`),
            ...product.slos.map((s) => slo(`SLO: ${s.title}`, sloIds[s.id])),
            deployments(env, services),
            note(`**Runbooks**: [${product.displayName} runbook](${runbookUrl})\n\n**Escalation**: ${product.escalation.levels.map((l) => `L${l.level} at ${l.startsAtMinute} min: ${l.description}`).join("; ")}`),
        ],
    };
}

export function executiveDashboard(products: ReadonlyArray<Product>, env: string, sloIds: Record<string, Record<string, string>>): DashboardDoc {
    return {
        title: `Executive overview (${env})`,
        description: "000 §Executive Dashboard: revenue and business metrics, system health and SLA compliance per product. Managed by Pulumi.",
        layout_type: "ordered",
        reflow_type: "auto",
        template_variables: envVariable(env),
        widgets: [
            note("Revenue and user growth, system health, cost per service and SLA compliance of every product."),
            monitorSummary("System health: alerting monitors of all products", `tag:(managed-by:pulumi AND env:${env}) status:alert`),
            ...products.flatMap((p) => [
                ...p.slos.filter((s) => s.kind === "availability").map((s) => slo(`${p.displayName}: ${s.title}`, sloIds[p.key][s.id])),
                ...(businessQueries(p, env).length ? [timeseries(`${p.displayName}: business metrics`, businessQueries(p, env))] : []),
            ]),
            queryValue("Logs indexed today (cost)", `sum:datadog.estimated_usage.logs.ingested_events{env:${env}}.as_count()`, "sum"),
        ],
    };
}

export function productDashboard(products: ReadonlyArray<Product>, env: string): DashboardDoc {
    return {
        title: `Product usage (${env})`,
        description: "000 §Product Dashboard: feature usage, user journeys and conversion per product (RUM and business metrics). Managed by Pulumi.",
        layout_type: "ordered",
        reflow_type: "auto",
        template_variables: envVariable(env),
        widgets: products.flatMap((p) => {
            const web = p.surfaces.find((s) => s.kind === "web");
            return [
                note(`**${p.displayName}**`),
                ...(web ? [timeseries(`${p.displayName}: page views`, [`sum:rum.measure.view{env:${env},service:${web.service}}.as_count()`])] : []),
                ...(businessQueries(p, env).length ? [timeseries(`${p.displayName}: conversions and business events`, businessQueries(p, env))] : []),
            ];
        }),
    };
}
