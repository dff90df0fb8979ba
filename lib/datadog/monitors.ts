/**
 * The monitor model: what one Datadog monitor looks like, derived from a product spec and the stack config.
 * Pure; `components/ProductMonitoring.ts` maps it onto `datadog.Monitor`.
 */
import type { Monitor, Product, Surface } from "../inputs/catalog/schema";
import type { RoutingConfig } from "../inputs/config/routing";
import { durationSeconds } from "../model/duration";
import { alertMessage } from "../model/messages";
import { monitorTitle, runbookPath } from "../model/naming";
import { buildQuery, formatNumber, MonitorType, monitorType } from "./query";
import { routeHandles } from "../model/routing";
import { Severity, severityPolicy } from "../model/severity";

export const RUNBOOK_BASE_URL = "https://github.com/bearifiedco/product-monitoring/blob/main";

export interface MonitorContext {
    environment: string;
    routing: RoutingConfig;
}

export interface MonitorThresholds {
    critical: string;
    warning?: string;
    ok?: string;
    criticalRecovery?: string;
}

export interface MonitorModel {
    /** Stable id within the product; the resource name suffix. */
    id: string;
    name: string;
    type: MonitorType;
    query: string;
    message: string;
    priority: string;
    tags: string[];
    thresholds: MonitorThresholds;
    thresholdWindows?: { triggerWindow: string; recoveryWindow: string };
    notifyNoData: boolean;
    noDataTimeframeMinutes?: number;
    renotifyIntervalMinutes?: number;
    renotifyStatuses?: string[];
    evaluationDelaySeconds?: number;
    newGroupDelaySeconds?: number;
    requireFullWindow: boolean;
    includeTags: boolean;
    onMissingData?: string;
}

/** Tags on every resource of a product (Datadog unified service tagging + ownership). */
export function standardTags(product: Product, surface: Surface, environment: string, severity?: string): string[] {
    return [
        `env:${environment}`,
        `service:${surface.service}`,
        `team:${product.team.handle}`,
        `product:${product.key}`,
        ...(severity ? [`severity:${severity.toLowerCase()}`] : []),
        "managed-by:pulumi",
    ];
}

export function surfaceOf(product: Product, name: string): Surface {
    const s = product.surfaces.find((x) => x.name === name);
    if (!s) throw new Error(`${product.key}: unknown surface "${name}"`);
    return s;
}

function thresholdText(m: Monitor): string {
    const w = m.warning !== undefined ? `, warning ${m.comparator} ${formatNumber(m.warning)} ${m.unit}` : "";
    return `critical ${m.comparator} ${formatNumber(m.critical)} ${m.unit}${w}`;
}

/** Priority and re-notification of a monitor from its severity (lib/severity.ts); `statuses` are re-notified. */
export function severityNotification(severity: Severity, statuses: string[] = ["alert"]): Pick<MonitorModel, "priority" | "renotifyIntervalMinutes" | "renotifyStatuses"> {
    const policy = severityPolicy(severity);
    return {
        priority: policy.priority,
        renotifyIntervalMinutes: policy.renotifyMinutes || undefined,
        renotifyStatuses: policy.renotifyMinutes ? statuses : undefined,
    };
}

export function buildMonitor(product: Product, m: Monitor, ctx: MonitorContext): MonitorModel {
    const surface = surfaceOf(product, m.surface);
    const type = monitorType(m.query);
    const scope = { env: ctx.environment, service: surface.service };
    const window = "window" in m.query ? durationSeconds(m.query.window) : 300;
    const isServiceCheck = m.query.kind === "service-check";
    const anomaly = m.query.kind === "anomaly" ? m.query : undefined;
    const thresholds: MonitorThresholds = {
        critical: formatNumber(m.critical),
        ...(m.warning !== undefined ? { warning: formatNumber(m.warning) } : {}),
        // A service check is OK again after one passing run; an anomaly monitor once no point of its window is anomalous.
        ...(isServiceCheck ? { ok: "1" } : {}),
        ...(anomaly ? { criticalRecovery: "0" } : {}),
    };
    // Availability checks always alert when their data stops: silence is the outage.
    const notifyNoData = m.notifyNoData || m.category === "availability";
    // Cloud and APM metrics arrive late; log/RUM/service-check monitors need no delay.
    const usesMetrics = type === "metric alert" || type === "query alert";
    return {
        id: m.id,
        name: monitorTitle(product.displayName, m.title, ctx.environment),
        type,
        query: buildQuery(m.query, m.comparator, m.critical, scope),
        message: alertMessage({
            title: `${product.displayName}: ${m.title}`,
            whatHappened: m.whatHappened,
            firstSteps: m.firstSteps,
            runbook: runbookPath(product.key, m.id),
            runbookBaseUrl: RUNBOOK_BASE_URL,
            handles: routeHandles(m.severity, ctx.environment, ctx.routing, product),
            threshold: thresholdText(m),
        }),
        ...severityNotification(m.severity, ["alert", ...(m.warning !== undefined ? ["warn"] : []), ...(notifyNoData ? ["no data"] : [])]),
        tags: [...standardTags(product, surface, ctx.environment, m.severity), `category:${m.category}`],
        thresholds,
        // Datadog requires the trigger window of an anomaly monitor to equal the query's alert_window.
        thresholdWindows: anomaly ? { triggerWindow: `last_${anomaly.alertWindow}`, recoveryWindow: `last_${anomaly.alertWindow}` } : undefined,
        notifyNoData,
        // No data for twice the window (at least 10 min) means the service is gone.
        noDataTimeframeMinutes: notifyNoData ? Math.max(10, Math.ceil((2 * window) / 60)) : undefined,
        evaluationDelaySeconds: usesMetrics ? 60 : undefined,
        newGroupDelaySeconds: 300,
        // Sparse counters (errors, business events) have gaps; waiting for a full window would delay or skip alerts.
        requireFullWindow: false,
        includeTags: true,
    };
}
