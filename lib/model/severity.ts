/**
 * The one severity model for every product (000 §Alert Configuration / Severity Levels).
 * Product plans with other scales map onto it in their spec (`severityMapping`).
 */
import type { Severity } from "../inputs/catalog/schema";

export type { Severity };

export interface SeverityPolicy {
    severity: Severity;
    label: string;
    /** What 000 says the level covers. */
    meaning: string;
    /** Datadog monitor priority ("1" highest .. "5"); the provider takes a string. */
    priority: "1" | "2" | "3" | "4" | "5";
    /** Re-notify while still alerting, in minutes (0 = never). */
    renotifyMinutes: number;
    /** Whether the on-call is paged (when the stack allows paging). */
    pages: boolean;
    /** Which configured Slack channel the alert goes to, if any. */
    slack: "critical" | "warning" | null;
    /** Goes to the daily digest mailbox. */
    digest: boolean;
    /** PagerDuty urgency for incidents at this severity. */
    pagerdutyUrgency: "high" | "low";
    /**
     * Severity sent in a PagerDuty Events v2 payload we control (Sentry's PagerDuty action); PagerDuty's
     * severity-based urgency turns it into `pagerdutyUrgency` (critical/error → high), so only P0 is above warning.
     */
    pagerdutyEventSeverity: "critical" | "error" | "warning" | "info";
}

export const SEVERITY_POLICIES: Readonly<Record<Severity, SeverityPolicy>> = {
    P0: {
        severity: "P0", label: "Critical", meaning: "Production down, payment failure, data loss risk, security breach",
        priority: "1", renotifyMinutes: 15, pages: true, slack: "critical", digest: false,
        pagerdutyUrgency: "high", pagerdutyEventSeverity: "critical",
    },
    P1: {
        severity: "P1", label: "High", meaning: "Degraded performance, partial outage, high error rate",
        priority: "2", renotifyMinutes: 30, pages: false, slack: "critical", digest: false,
        pagerdutyUrgency: "low", pagerdutyEventSeverity: "warning",
    },
    P2: {
        severity: "P2", label: "Medium", meaning: "Performance warning, approaching limits, non-critical errors",
        priority: "3", renotifyMinutes: 120, pages: false, slack: "warning", digest: false,
        pagerdutyUrgency: "low", pagerdutyEventSeverity: "warning",
    },
    P3: {
        severity: "P3", label: "Low", meaning: "Info only, trend alerts, capacity planning",
        priority: "4", renotifyMinutes: 0, pages: false, slack: null, digest: true,
        pagerdutyUrgency: "low", pagerdutyEventSeverity: "info",
    },
};

export function severityPolicy(severity: Severity): SeverityPolicy {
    return SEVERITY_POLICIES[severity];
}
