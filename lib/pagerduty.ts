/**
 * PagerDuty service settings derived from the severity model (pure).
 */
import { pagerdutyServiceName } from "./naming";

/** Re-alert an acknowledged incident after 30 min (000: level 4 engages at 30 min). */
export const ACKNOWLEDGEMENT_TIMEOUT_SECONDS = 30 * 60;
/** Close incidents nobody resolved after 4 h; Datadog sends its own resolve events on recovery. */
export const AUTO_RESOLVE_TIMEOUT_SECONDS = 4 * 60 * 60;

/**
 * Urgency follows the event severity: Datadog sends P0 as "critical" (lib/severity.ts pagerdutyEventSeverity),
 * which PagerDuty's severity-based urgency turns into a high-urgency incident; warning/info become low urgency.
 */
export const INCIDENT_URGENCY_RULE = { type: "constant", urgency: "severity_based" } as const;

/** The PagerDuty services (and so Datadog ServiceObjects) a stack creates: one per enabled product. */
export function pagerdutyServiceNames(productKeys: ReadonlyArray<string>, environment: string): string[] {
    return productKeys.map((k) => pagerdutyServiceName(k, environment));
}
