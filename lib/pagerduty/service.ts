/**
 * PagerDuty service settings derived from the severity model (pure).
 */
import { productPagerServices, RouteTarget } from "../model/routing";
import type { SeverityPolicy } from "../model/severity";

/** Re-alert an acknowledged incident after 30 min (000: level 4 engages at 30 min). */
export const ACKNOWLEDGEMENT_TIMEOUT_SECONDS = 30 * 60;
/** Close incidents nobody resolved after 4 h; Datadog sends its own resolve events on recovery. */
export const AUTO_RESOLVE_TIMEOUT_SECONDS = 4 * 60 * 60;

/**
 * Urgency follows the severity of each event (PagerDuty 3.4.0 has no per-alert urgency rule besides this): only
 * P0 alerts page; an alerting P0 monitor (priority 1) reaches PagerDuty as a critical/error event (Datadog sets
 * it; not verifiable offline) and opens a high-urgency incident, while warning/info events (a P0 monitor's warning
 * threshold, P1–P3 should they ever reach PagerDuty) open low-urgency ones that notify without escalating.
 */
export const INCIDENT_URGENCY_RULE = { type: "constant", urgency: "severity_based" } as const;

/** PagerDuty's severity-based urgency: critical and error events are high urgency, warning and info low. */
export function severityBasedUrgency(eventSeverity: SeverityPolicy["pagerEventSeverity"]): "high" | "low" {
    return eventSeverity === "critical" || eventSeverity === "error" ? "high" : "low";
}

/** Time-based alert grouping, when the stack config asks for it (the feature depends on the PagerDuty plan). */
export function alertGrouping(minutes: number | undefined): { type: "time"; config: { timeout: number } } | undefined {
    return minutes === undefined ? undefined : { type: "time", config: { timeout: minutes } };
}

/** A low-urgency service's incidents never wake anyone, whatever the event's severity. */
export const LOW_URGENCY_RULE = { type: "constant", urgency: "low" } as const;

/**
 * The PagerDuty services (and so Datadog ServiceObjects) a stack creates: one per enabled product, plus a
 * low-urgency one for a product whose plan pages some lower severity at low urgency.
 */
export function pagerServiceNames(products: ReadonlyArray<RouteTarget>, environment: string): string[] {
    return products.flatMap((p) => productPagerServices(p, environment).map((s) => s.service));
}
