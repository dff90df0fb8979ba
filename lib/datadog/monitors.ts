/**
 * Datadog monitors from the alert model: one mapping from an `Alert` to what a `datadog.Monitor` needs (name,
 * message with the route's handles, priority, re-notification, tags), used by every alert that Datadog evaluates
 * as a monitor (plan thresholds, SLO burn rates, security log monitors). Pure; `components/monitorArgs.ts` maps
 * the model onto the provider's inputs.
 */
import type { Monitor, Product, Surface } from "../inputs/catalog/schema";
import { Alert, AlertCondition, AlertContext, buildAlert, formatNumber, recoveryThreshold, thresholdText } from "../model/alert";
import { durationSeconds } from "../model/duration";
import { alertMessage, datadogInvestigationLinks } from "./messages";
import { datadogAppUrl } from "../model/naming";
import { Severity, severityPolicy } from "../model/severity";
import { notifyAudit } from "./access";
import { handles } from "./handles";
import { buildQuery, MonitorType, monitorType } from "./query";

/**
 * Cloud-integration metrics are pulled by Datadog's crawlers and arrive minutes late (docs: Cloud Metric Delay), so
 * their monitors wait for them; Agent, APM and custom (DogStatsD) metrics arrive within seconds, and a delay on them
 * only adds to the time to detect. Log, RUM and service-check monitors need none.
 */
const CLOUD_METRIC = /(?:^|[:(,\s])(?:avg|sum|min|max):(?:aws|gcp|azure|cloudflare)\./;
export const readsCloudMetrics = (query: string): boolean => CLOUD_METRIC.test(query);

export const RUNBOOK_BASE_URL = "https://github.com/bearifiedco/product-monitoring/blob/main";

export type MonitorContext = AlertContext;

/** The context of a stack's Datadog alerts: environment, routes and the first-investigation links. */
export function alertContext(config: { environment: string; routing: AlertContext["routing"]; datadog: { site: string } }): MonitorContext {
    return {
        environment: config.environment,
        routing: config.routing,
        links: datadogInvestigationLinks(datadogAppUrl(config.datadog.site), config.environment),
    };
}

export interface MonitorThresholds {
    /** Absent on a composite, which alerts on its expression. */
    critical?: string;
    warning?: string;
    ok?: string;
    criticalRecovery?: string;
    warningRecovery?: string;
}

export interface MonitorModel {
    /** Stable id within the product; the resource name suffix. */
    id: string;
    name: string;
    type: MonitorType | "composite";
    query: string;
    message: string;
    /** Absent on a composite's silent parts. */
    priority?: string;
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
    /** Every change to the monitor notifies its recipients (000 §Access Control: audit trail). */
    notifyAudit: boolean;
    /** Sent with each re-notification instead of the message's body. */
    escalationMessage?: string;
    /** A composite's part: its condition (or a held copy of it) or its volume guard. */
    compositeRole?: "condition" | "volume";
}

/**
 * An alert Datadog evaluates as a monitor. `sloId`: a burn-rate monitor's SLO (spec id), whose Datadog id goes in
 * the query. `parts`: the silent monitors a composite `monitor` combines, whose Datadog ids go in its query.
 */
export interface MonitorBinding {
    provider: "datadog-monitor";
    monitor: MonitorModel;
    sloId?: string;
    parts?: MonitorModel[];
    /** Former ids of the alert's monitor (renames), which its resource keeps as aliases. */
    formerIds?: string[];
}

/** A part's reference in a composite query until the provider knows its Datadog id (`withPartIds`). */
export const partRef = (partId: string): string => `part:${partId}`;

/** The composite with its parts' Datadog ids in the query (ids by part id). */
export function withPartIds(monitor: MonitorModel, ids: Readonly<Record<string, string>>): MonitorModel {
    return { ...monitor, query: monitor.query.replace(/part:([a-z0-9-]+)/g, (_, id: string) => ids[id] ?? `part:${id}`) };
}

/** The evaluation of a monitor: everything of MonitorModel the alert model does not already decide. */
export type MonitorEvaluation = Pick<MonitorModel, "type" | "query" | "thresholds" | "requireFullWindow"> &
    Partial<
        Pick<
            MonitorModel,
            "thresholdWindows" | "noDataTimeframeMinutes" | "evaluationDelaySeconds" | "newGroupDelaySeconds" | "escalationMessage"
        >
    > & {
        /** Audit every change even below the audited severities (the plan asks for it). */
        notifyAudit?: true;
        /** Statuses re-notified besides "alert". */
        renotifyAlso?: string[];
    };

export function surfaceOf(product: Product, name: string): Surface {
    const s = product.surfaces.find((x) => x.name === name);
    if (!s) throw new Error(`${product.key}: unknown surface "${name}"`);
    return s;
}

/**
 * The one Datadog notification text of an alert: what happened, first steps, runbook, the route's handles.
 * `threshold: false` leaves out the threshold line (its `{{value}}` means nothing to a synthetic test).
 */
export function datadogMessage(alert: Alert, opts: { threshold?: boolean } = {}): string {
    return alertMessage({
        title: alert.message.title,
        whatHappened: alert.message.whatHappened,
        firstSteps: alert.message.firstSteps,
        runbook: alert.runbook,
        runbookBaseUrl: RUNBOOK_BASE_URL,
        alertHandles: handles(alert.route),
        warningHandles: alert.warningRoute && handles(alert.warningRoute),
        notifyNoData: alert.missingData === "alert",
        threshold: opts.threshold === false ? undefined : alert.condition.text,
        links: alert.links,
    });
}

/** Priority and re-notification of a monitor from its severity (lib/model/severity.ts); `statuses` are re-notified. */
export function severityNotification(
    severity: Severity,
    statuses: string[] = ["alert"],
): Pick<MonitorModel, "priority" | "renotifyIntervalMinutes" | "renotifyStatuses"> {
    const policy = severityPolicy(severity);
    return {
        priority: policy.priority,
        renotifyIntervalMinutes: policy.renotifyMinutes || undefined,
        renotifyStatuses: policy.renotifyMinutes ? statuses : undefined,
    };
}

/** The monitor of an alert: the alert model decides name, message, priority, re-notification, tags and no-data. */
export function monitorOf(alert: Alert, e: MonitorEvaluation): MonitorModel {
    const notifyNoData = alert.missingData === "alert";
    return {
        id: alert.id,
        name: alert.name,
        type: e.type,
        query: e.query,
        message: datadogMessage(alert),
        ...severityNotification(alert.severity, ["alert", ...(e.renotifyAlso ?? []), ...(notifyNoData ? ["no data"] : [])]),
        tags: alert.tags,
        thresholds: e.thresholds,
        thresholdWindows: e.thresholdWindows,
        notifyNoData,
        noDataTimeframeMinutes: notifyNoData ? e.noDataTimeframeMinutes : undefined,
        evaluationDelaySeconds: e.evaluationDelaySeconds,
        newGroupDelaySeconds: e.newGroupDelaySeconds,
        requireFullWindow: e.requireFullWindow,
        includeTags: true,
        notifyAudit: notifyAudit(alert.severity) || e.notifyAudit === true,
        ...(e.escalationMessage ? { escalationMessage: e.escalationMessage } : {}),
    };
}

/** A plan threshold of a product spec as an alert evaluated by a Datadog monitor. */
export function specMonitorAlert(product: Product, m: Monitor, ctx: MonitorContext): Alert<MonitorBinding> {
    // The volume guard is part of the condition, so every reader of the threshold text sees it.
    const guarded = (c: Omit<AlertCondition, "text">) =>
        m.guard || m.hold
            ? {
                  ...c,
                  text:
                      thresholdText(c) +
                      (m.hold ? `, held for ${m.hold}` : "") +
                      (m.guard ? `, at ${m.guard.minCount} or more ${m.guard.events.metric} in the window` : ""),
              }
            : c;
    const surface = surfaceOf(product, m.surface);
    const type = monitorType(m.query);
    const window = "window" in m.query ? durationSeconds(m.query.window) : 300;
    const isServiceCheck = m.query.kind === "service-check";
    const anomaly = m.query.kind === "anomaly" ? m.query : undefined;
    // Availability checks always alert when their data stops: silence is the outage.
    const notifyNoData = m.notifyNoData || m.category === "availability";
    // Service checks recover on a passing run (`ok`), anomaly monitors once no point of their window is anomalous.
    const hysteresis = !isServiceCheck && !anomaly;
    const criticalRecovery = hysteresis ? recoveryThreshold(m.comparator, m.critical, m.unit) : anomaly ? 0 : undefined;
    const warningRecovery = hysteresis && m.warning !== undefined ? recoveryThreshold(m.comparator, m.warning, m.unit) : undefined;
    const alert = buildAlert(
        product,
        {
            id: m.id,
            kind: "monitor",
            title: m.title,
            service: surface.service,
            severity: m.severity,
            planSeverity: m.planSeverity,
            category: m.category,
            source: m.source,
            condition: guarded({
                comparator: m.comparator,
                critical: m.critical,
                warning: m.warning,
                criticalRecovery,
                warningRecovery,
                unit: m.unit,
                windowSeconds: isServiceCheck ? 0 : window,
            }),
            missingData: notifyNoData ? "alert" : "resolve",
            message: { whatHappened: m.whatHappened, firstSteps: m.firstSteps },
            binding: undefined,
        },
        ctx,
    );
    const query = buildQuery(m.query, m.comparator, m.critical, { env: ctx.environment, service: surface.service });
    const condition = monitorOf(alert, {
        type,
        query,
        thresholds: {
            critical: formatNumber(m.critical),
            ...(m.warning !== undefined ? { warning: formatNumber(m.warning) } : {}),
            ...(isServiceCheck ? { ok: "1" } : {}),
            ...(criticalRecovery !== undefined ? { criticalRecovery: formatNumber(criticalRecovery) } : {}),
            ...(warningRecovery !== undefined ? { warningRecovery: formatNumber(warningRecovery) } : {}),
        },
        // Datadog requires the trigger window of an anomaly monitor to equal the query's alert_window.
        thresholdWindows: anomaly
            ? { triggerWindow: `last_${anomaly.alertWindow}`, recoveryWindow: `last_${anomaly.alertWindow}` }
            : undefined,
        // No data for twice the window (at least 10 min) means the service is gone.
        noDataTimeframeMinutes: Math.max(10, Math.ceil((2 * window) / 60)),
        evaluationDelaySeconds: (type === "metric alert" || type === "query alert") && readsCloudMetrics(query) ? 60 : undefined,
        newGroupDelaySeconds: 300,
        // Sparse counters (errors, business events) have gaps; waiting for a full window would delay or skip alerts.
        // A plan may ask for it on a dense metric (004 Appendix B: host CPU).
        requireFullWindow: m.monitorOptions?.requireFullWindow ?? false,
        notifyAudit: m.monitorOptions?.notifyAudit,
        escalationMessage: m.monitorOptions?.escalationMessage,
        renotifyAlso: m.warning !== undefined ? ["warn"] : [],
    });
    const formerIds = m.formerIds?.length ? { formerIds: m.formerIds } : {};
    if (!m.guard && !m.hold) return { ...alert, binding: { provider: "datadog-monitor", monitor: condition, ...formerIds } };

    // A hold (Prometheus `for:`): the same condition evaluated 1, 2, ... minutes earlier (evaluation_delay), so
    // the composite alerts once the condition has held at every minute of the hold.
    const heldMinutes = m.hold ? durationSeconds(m.hold) / 60 : 0;
    const held = Array.from({ length: heldMinutes }, (_, i) =>
        silentPart(
            alert,
            { ...condition, evaluationDelaySeconds: (condition.evaluationDelaySeconds ?? 0) + 60 * (i + 1) },
            `held-${i + 1}m`,
            "condition",
        ),
    );
    const parts = [
        silentPart(alert, condition, "condition", "condition"),
        ...held,
        ...(m.guard ? [volumePart(alert, m, m.guard, surface, ctx)] : []),
    ];
    const composite: MonitorModel = {
        ...condition,
        type: "composite",
        query: parts.map((p) => partRef(p.id)).join(" && "),
        thresholds: {},
        thresholdWindows: undefined,
        evaluationDelaySeconds: undefined,
        newGroupDelaySeconds: undefined,
        requireFullWindow: false,
    };
    return { ...alert, binding: { provider: "datadog-monitor", monitor: composite, parts, ...formerIds } };
}

/**
 * The volume guard: enough events in the condition's window. It is "in alert" when the volume suffices, so the
 * composite `condition && volume` alerts only on a condition that holds at real traffic.
 */
function volumePart(alert: Alert, m: Monitor, g: NonNullable<Monitor["guard"]>, surface: Surface, ctx: MonitorContext): MonitorModel {
    const events = { ...g.events, aggregation: "sum", asCount: true } as const;
    const window = "window" in m.query ? m.query.window : "5m";
    const query = buildQuery({ kind: "metric", base: events, timeAggregation: "sum", window }, ">=", g.minCount, {
        env: ctx.environment,
        service: surface.service,
    });
    const guard = monitorOf(alert, {
        type: "query alert",
        query,
        thresholds: { critical: formatNumber(g.minCount) },
        newGroupDelaySeconds: 300,
        requireFullWindow: false,
    });
    return silentPart(alert, guard, "volume", "volume");
}

/**
 * A part of a composite: evaluates, never notifies (no handle, no priority, no severity tag, so neither the
 * on-call nor the paging policy takes it for an alert); the composite carries the alert.
 */
function silentPart(alert: Alert, m: MonitorModel, role: string, compositeRole: "condition" | "volume"): MonitorModel {
    return {
        ...m,
        compositeRole,
        id: `${alert.id}-${role}`,
        name: `${alert.name} (${role} of a composite)`,
        message: `The ${role} of the composite monitor "${alert.name}", which notifies; this monitor notifies nobody.`,
        priority: undefined,
        tags: [...alert.tags.filter((t) => !t.startsWith("severity:")), "composite-part"],
        renotifyIntervalMinutes: undefined,
        renotifyStatuses: undefined,
        notifyNoData: false,
        noDataTimeframeMinutes: undefined,
        notifyAudit: false,
    };
}
