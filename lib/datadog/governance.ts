/**
 * Ownership and governance in Datadog (pure): a Team per owning team, a Software Catalog entity (schema v3)
 * per product surface, monitor tag policies, and security detection rules from the products' security plans.
 * The entity's name is the `service:` tag the monitors carry, so Datadog joins catalog, monitors and on-call.
 */
import * as YAML from "yaml";
import type { Product, Severity } from "../inputs/catalog/schema";
import type { Problem } from "../inputs/errors";
import { Alert, standardTags } from "../model/alert";
import { durationSeconds } from "../model/duration";
import { securityService } from "./logs";
import { MonitorContext, RUNBOOK_BASE_URL } from "./monitors";
import { syntheticSloTitle } from "./slo";
import { monitorTitle, runbookPath } from "../model/naming";
import { PLATFORM } from "./usageBudget";

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

/** One team per owning team handle, in catalog order (products sharing a handle must agree; see governanceProblems). */
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

/** Catalog `spec.type` per surface kind (Datadog's service types). */
const SERVICE_TYPE: Record<string, string> = {
    api: "web",
    web: "browser",
    admin: "browser",
    worker: "custom",
    websocket: "web",
    mobile: "mobile",
    database: "db",
    cache: "cache",
};

/** The language names the Software Catalog recognises (schema v3 `spec.languages` examples); others pass lower-cased. */
const CATALOG_LANGUAGE: Record<string, string> = {
    typescript: "js",
    javascript: "js",
    python: "python",
    go: "go",
    java: "java",
    ruby: "ruby",
    php: "php",
    "c#": "dotnet",
    "c++": "c++",
};

export function catalogLanguage(language: string): string {
    const l = language.toLowerCase();
    return CATALOG_LANGUAGE[l] ?? l;
}

/** Key of the entity's free-form extension holding what the schema has no field for (framework, surface kind, plan). */
export const ENTITY_EXTENSION = "product-monitoring/surface";

export interface EntityLinks {
    /** Datadog web app, e.g. https://app.datadoghq.com. */
    appUrl: string;
    pagerdutyUrl: string;
    dashboardUrls: Record<string, string>;
    sloIds: Record<string, string>;
}

/** The Software Catalog entity (schema v3, kind service) of one surface of a product. */
export function catalogEntity(product: Product, surfaceName: string, links: EntityLinks): Record<string, unknown> {
    const s = product.surfaces.find((x) => x.name === surfaceName);
    if (!s) throw new Error(`${product.key}: unknown surface "${surfaceName}"`);
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
                ...Object.entries(links.sloIds).map(([id, sloId]) => ({
                    name: `SLO ${product.slos.find((x) => x.id === id)?.title ?? syntheticSloTitle(product, id) ?? id}`,
                    type: "other",
                    url: `${links.appUrl}/slo?slo_id=${sloId}`,
                })),
                ...(s.repository
                    ? [
                          {
                              name: "Repository",
                              type: "repo",
                              url: s.repository,
                              ...(new URL(s.repository).hostname === "github.com" ? { provider: "github" } : {}),
                          },
                      ]
                    : []),
            ],
        },
        spec: {
            lifecycle: product.lifecycle,
            tier: String(product.tier),
            type: SERVICE_TYPE[s.kind],
            languages: [catalogLanguage(s.language)],
        },
        integrations: { pagerduty: { serviceURL: links.pagerdutyUrl } },
        extensions: {
            [ENTITY_EXTENSION]: {
                product: product.key,
                surface: s.name,
                kind: s.kind,
                language: s.language,
                framework: s.framework,
                plan: product.plan,
            },
        },
    };
}

export function entityYaml(entity: Record<string, unknown>): string {
    return YAML.stringify(entity);
}

/** Tag policies: every monitor, including hand-made ones, must carry env, service and team from the catalog. */
export function tagPolicies(products: ReadonlyArray<Product>, environments: string[]): Array<{ tagKey: string; validTagValues: string[] }> {
    return [
        { tagKey: "env", validTagValues: [...environments].sort() },
        // The platform's own organization-wide monitors (lib/datadog/usageBudget.ts) are tagged like a product's.
        { tagKey: "service", validTagValues: [...products.flatMap((p) => p.surfaces.map((s) => s.service)), PLATFORM.service].sort() },
        { tagKey: "team", validTagValues: [...new Set([...products.map((p) => p.team.handle), PLATFORM.team.handle])].sort() },
    ];
}

/**
 * Evaluation windows (and keep-alive / max signal durations) Datadog accepts for detection rules, in seconds.
 * A spec window between two of them is rounded UP: counting over a longer window never misses an attack the plan's
 * window would catch (the rule is at least as sensitive as planned); windows over a day fail validation.
 */
export const DETECTION_WINDOWS = [0, 60, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400] as const;
const MAX_DETECTION_WINDOW = DETECTION_WINDOWS[DETECTION_WINDOWS.length - 1];

export function detectionWindow(window: string): number {
    const s = durationSeconds(window);
    // Longer windows are reported by governanceProblems before any resource is created.
    return DETECTION_WINDOWS.find((x) => x >= s) ?? MAX_DETECTION_WINDOW;
}

/** Signal severity per company severity (Datadog: critical, high, medium, low, info). */
export const RULE_STATUS: Record<Severity, string> = { P0: "critical", P1: "high", P2: "medium", P3: "low" };

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

/** The rule's search scoped to the environment and, when the plan's search names no service, to the product's services. */
export function detectionQuery(product: Product, search: string, environment: string): string {
    const scope = /(^|\s|\()service:/.test(search) ? "" : `service:(${product.surfaces.map((s) => s.service).join(" OR ")}) `;
    return `env:${environment} ${scope}${search}`;
}

/**
 * Security detection rules: one per security rule of the spec, producing Cloud SIEM signals for investigation
 * (grouping, keep-alive, the signal explorer). They notify nobody: the same condition already alerts once through
 * its security log monitor (lib/datadog/logs.ts `securityAlert`), routed like every alert; notifying from both
 * paged twice for one attack.
 */
export function detectionRules(product: Product, ctx: MonitorContext): DetectionRuleModel[] {
    return product.security.map((r) => {
        const window = detectionWindow(r.window);
        const per = r.groupBy.length ? ` per ${r.groupBy.join(", ")}` : "";
        const query = detectionQuery(product, r.search, ctx.environment);
        return {
            id: r.id,
            name: monitorTitle(product.displayName, r.title, ctx.environment),
            // Signal messages have their own template variables ({{events_matched}}, {{@attr}}), not the monitors'.
            message: [
                `## ${product.displayName}: ${r.title}`,
                "",
                `**What happened:** more than ${r.threshold} events matching \`${query}\` in ${r.window}${per} ({{events_matched}} matched).`,
                ...r.groupBy.map((g) => `**${g}:** {{${g}}}`),
                "",
                `Runbook: ${RUNBOOK_BASE_URL}/${runbookPath(product.key, `security-${r.id}`)}`,
                `Plan: ${r.source}`,
            ].join("\n"),
            query,
            groupBy: r.groupBy,
            status: RULE_STATUS[r.severity],
            condition: `a > ${r.threshold}`,
            notifications: [],
            evaluationWindow: window,
            // Keep a signal open while events continue, at least an hour, so one attack is one signal.
            keepAlive: Math.max(window, 3600),
            maxSignalDuration: MAX_DETECTION_WINDOW,
            tags: [...standardTags(product, securityService(r.search, product), ctx.environment, r.severity), "category:security"],
        };
    });
}

/**
 * Problems found before any resource is created:
 * - every alert must pass the tag policies, and for its own product: its `service:` is one of the product's
 *   catalog entities and its `team:` the product's team (otherwise Datadog rejects it, or shows a monitor that no
 *   catalog entry or on-call joins to);
 * - products sharing a team handle describe the same team (one datadog.Team is created per handle);
 * - security rule windows fit Datadog's detection windows.
 */
export function governanceProblems(
    products: ReadonlyArray<Product>,
    environments: string[],
    alerts: ReadonlyArray<Pick<Alert, "product" | "id" | "tags">>,
): Problem[] {
    const problems: Problem[] = [];
    const byKey = new Map(products.map((p) => [p.key, p]));
    const envs = new Set(environments);
    for (const { product: key, id, tags } of alerts) {
        const product = byKey.get(key);
        if (!product) continue;
        const own = product.surfaces.map((s) => s.service);
        const expected: Record<string, { ok: (v: string) => boolean; why: string }> = {
            env: { ok: (v) => envs.has(v), why: `unknown environment (known: ${environments.join(", ")})` },
            service: {
                ok: (v) => own.includes(v),
                why: `no Software Catalog entity of ${key} has this name (its services: ${own.join(", ")})`,
            },
            team: { ok: (v) => v === product.team.handle, why: `unknown team: ${key} is owned by team "${product.team.handle}"` },
        };
        for (const [tagKey, { ok, why }] of Object.entries(expected)) {
            const value = tags.find((t) => t.startsWith(`${tagKey}:`))?.slice(tagKey.length + 1);
            if (value === undefined)
                problems.push({
                    source: `products/${key}.ts`,
                    field: `alert ${id}: tags`,
                    message: `missing the required "${tagKey}:" tag`,
                });
            else if (!ok(value))
                problems.push({ source: `products/${key}.ts`, field: `alert ${id}: tags`, message: `${tagKey}:${value}: ${why}` });
        }
    }
    const firstOwner = new Map<string, Product>();
    for (const p of products) {
        const first = firstOwner.get(p.team.handle);
        if (!first) firstOwner.set(p.team.handle, p);
        else {
            for (const f of ["name", "email", "slackChannel"] as const) {
                if (p.team[f] !== first.team[f]) {
                    problems.push({
                        source: `products/${p.key}.ts`,
                        field: `team.${f}`,
                        message: `"${p.team[f]}" differs from "${first.team[f]}" in products/${first.key}.ts for the same team "${p.team.handle}"`,
                    });
                }
            }
        }
        for (const r of p.security) {
            if (durationSeconds(r.window) > MAX_DETECTION_WINDOW) {
                problems.push({
                    source: `products/${p.key}.ts`,
                    field: `security[${r.id}].window`,
                    message: `${r.window} is longer than Datadog's 1-day maximum for detection rules`,
                });
            }
        }
    }
    return problems;
}
