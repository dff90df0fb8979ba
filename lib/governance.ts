/**
 * Ownership and governance in Datadog (pure): a Team per owning team, a Software Catalog entity (schema v3)
 * per product surface, monitor tag policies, and security detection rules from the products' security plans.
 * The entity's name is the `service:` tag the monitors carry, so Datadog joins catalog, monitors and on-call.
 */
import * as YAML from "yaml";
import type { Product, Severity } from "./catalog/schema";
import type { PublicStackConfig } from "./config";
import type { AlertRef } from "./alerts";
import type { Problem } from "./errors";
import { durationSeconds } from "./duration";
import { MonitorContext, MonitorModel, RUNBOOK_BASE_URL } from "./monitors";
import { routeHandles } from "./routing";

export interface TeamModel {
    handle: string;
    name: string;
    description: string;
    slackChannel: string;
    /** Products whose PagerDuty service the team links to. */
    products: Array<{ key: string; displayName: string }>;
}

export function slackChannelUrl(channel: string): string {
    return `https://slack.com/app_redirect?channel=${channel}`;
}

/** One team per owning team handle, in catalog order. */
export function teamModels(products: ReadonlyArray<Product>): TeamModel[] {
    const byHandle = new Map<string, Product[]>();
    for (const p of products) byHandle.set(p.team.handle, [...(byHandle.get(p.team.handle) ?? []), p]);
    return [...byHandle.entries()].map(([handle, owned]) => ({
        handle,
        name: owned[0].team.name,
        description: `Owns ${owned.map((p) => p.displayName).join(", ")}. Contact ${owned[0].team.email}. Managed by Pulumi.`,
        slackChannel: owned[0].team.slackChannel,
        products: owned.map((p) => ({ key: p.key, displayName: p.displayName })),
    }));
}

const SERVICE_TYPE: Record<string, string> = {
    api: "web", web: "browser", admin: "browser", worker: "custom", websocket: "web", mobile: "mobile", database: "db", cache: "cache",
};

export interface EntityLinks {
    /** Datadog web app, e.g. https://app.datadoghq.com. */
    appUrl: string;
    pagerdutyUrl: string;
    dashboardUrls: Record<string, string>;
    sloIds: Record<string, string>;
}

/** The Software Catalog entity (schema v3) of one surface of a product. */
export function catalogEntity(product: Product, surfaceName: string, links: EntityLinks): Record<string, unknown> {
    const s = product.surfaces.find((x) => x.name === surfaceName)!;
    return {
        apiVersion: "v3",
        kind: "service",
        metadata: {
            name: s.service,
            displayName: `${product.displayName} ${s.name}`,
            owner: product.team.handle,
            description: `${product.description} (${s.kind}: ${s.framework})`,
            tags: [`product:${product.key}`, `tier:${product.tier}`, "managed-by:pulumi"],
            contacts: [
                { name: `#${product.team.slackChannel}`, type: "slack", contact: slackChannelUrl(product.team.slackChannel) },
                { name: product.team.name, type: "email", contact: product.team.email },
            ],
            links: [
                { name: "Runbook", type: "runbook", url: `${RUNBOOK_BASE_URL}/docs/runbooks/${product.key}.md` },
                ...Object.entries(links.dashboardUrls).map(([kind, url]) => ({ name: `${kind} dashboard`, type: "dashboard", url })),
                ...Object.entries(links.sloIds).map(([id, sloId]) => ({ name: `SLO ${id}`, type: "other", url: `${links.appUrl}/slo?slo_id=${sloId}` })),
                ...(s.repository ? [{ name: "Repository", type: "repo", url: s.repository }] : []),
            ],
        },
        spec: {
            lifecycle: product.lifecycle,
            tier: String(product.tier),
            type: SERVICE_TYPE[s.kind],
            languages: [s.language.toLowerCase()],
        },
        integrations: { pagerduty: { serviceURL: links.pagerdutyUrl } },
    };
}

export function entityYaml(entity: Record<string, unknown>): string {
    return YAML.stringify(entity);
}

/** Tag policies: every monitor, including hand-made ones, must carry env, service and team from the catalog. */
export function tagPolicies(products: ReadonlyArray<Product>, environments: string[]): Array<{ tagKey: string; validTagValues: string[] }> {
    return [
        { tagKey: "env", validTagValues: [...environments].sort() },
        { tagKey: "service", validTagValues: products.flatMap((p) => p.surfaces.map((s) => s.service)).sort() },
        { tagKey: "team", validTagValues: [...new Set(products.map((p) => p.team.handle))].sort() },
    ];
}

/** Evaluation windows and keep-alive values Datadog accepts for detection rules, in seconds. */
export const DETECTION_WINDOWS = [0, 60, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400] as const;

export function detectionWindow(window: string): number {
    const s = durationSeconds(window);
    return DETECTION_WINDOWS.find((w) => w >= s) ?? 86400;
}

const RULE_STATUS: Record<Severity, string> = { P0: "critical", P1: "high", P2: "medium", P3: "low" };

export interface DetectionRuleModel {
    id: string;
    name: string;
    message: string;
    query: string;
    groupBy: string[];
    status: string;
    condition: string;
    notifications: string[];
    evaluationWindow: number;
    keepAlive: number;
    maxSignalDuration: number;
    tags: string[];
}

export function detectionRules(product: Product, ctx: MonitorContext): DetectionRuleModel[] {
    return product.security.map((r) => {
        const window = detectionWindow(r.window);
        const notifications = routeHandles(r.severity, ctx.environment, ctx.routing, product);
        return {
            id: r.id,
            name: `[${product.displayName}${ctx.environment === "production" ? "" : ` (${ctx.environment})`}] ${r.title}`,
            message: [
                `${r.title}: more than ${r.threshold} matching events in ${r.window}${r.groupBy.length ? ` per ${r.groupBy.join(", ")}` : ""}.`,
                `Runbook: ${RUNBOOK_BASE_URL}/docs/runbooks/${product.key}.md#security-${r.id}`,
                `Plan: ${r.source}`,
                notifications.join(" "),
            ].join("\n\n"),
            query: `env:${ctx.environment} ${r.search}`,
            groupBy: r.groupBy,
            status: RULE_STATUS[r.severity],
            condition: `a > ${r.threshold}`,
            notifications,
            evaluationWindow: window,
            // Keep a signal open while events continue, at least an hour, so one attack is one signal.
            keepAlive: Math.max(window, 3600),
            maxSignalDuration: 86400,
            tags: [`env:${ctx.environment}`, `team:${product.team.handle}`, `product:${product.key}`, `severity:${r.severity.toLowerCase()}`, "managed-by:pulumi"],
        };
    });
}

export function detectionRuleAlerts(product: Product, config: PublicStackConfig): AlertRef[] {
    return detectionRules(product, { environment: config.environment, routing: config.routing })
        .map((r) => ({ product: product.key, name: `security rule ${r.id}`, message: r.message }));
}

/**
 * Every monitor must pass the tag policies: its `service:` must be a catalog entity (a product surface) and its
 * `team:` a known team; otherwise Datadog would reject it, or show a monitor no catalog entry or on-call joins to.
 */
export function governanceProblems(products: ReadonlyArray<Product>, environments: string[], monitors: Array<{ product: string; model: MonitorModel }>): Problem[] {
    const allowed = new Map(tagPolicies(products, environments).map((p) => [p.tagKey, new Set(p.validTagValues)]));
    const problems: Problem[] = [];
    for (const { product, model } of monitors) {
        for (const [key, values] of allowed) {
            const tag = model.tags.find((t) => t.startsWith(`${key}:`));
            const value = tag?.slice(key.length + 1);
            if (value === undefined || !values.has(value)) {
                problems.push({
                    source: `products/${product}.ts`,
                    field: `monitor ${model.id}: tags`,
                    message: value === undefined ? `missing the required "${key}:" tag` : `${key}:${value} is not in the catalog (${key === "service" ? "no Software Catalog entity" : key === "team" ? "unknown team" : "unknown environment"})`,
                });
            }
        }
    }
    return problems;
}
