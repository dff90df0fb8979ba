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
    /** Urgency of the pager's incidents at this severity (high: wakes people up). */
    pagerUrgency: "high" | "low";
    /**
     * Event severity sent to the pager where we control the payload (Sentry's pager action); a severity-based
     * urgency rule turns it into `pagerUrgency` (critical/error → high), so only P0 is above warning.
     */
    pagerEventSeverity: "critical" | "error" | "warning" | "info";
}

export const SEVERITY_POLICIES: Readonly<Record<Severity, SeverityPolicy>> = {
    P0: {
        severity: "P0",
        label: "Critical",
        meaning: "Production down, payment failure, data loss risk, security breach",
        priority: "1",
        renotifyMinutes: 15,
        pages: true,
        slack: "critical",
        digest: false,
        pagerUrgency: "high",
        pagerEventSeverity: "critical",
    },
    P1: {
        severity: "P1",
        label: "High",
        meaning: "Degraded performance, partial outage, high error rate",
        priority: "2",
        renotifyMinutes: 30,
        pages: false,
        slack: "critical",
        digest: false,
        pagerUrgency: "low",
        pagerEventSeverity: "warning",
    },
    P2: {
        severity: "P2",
        label: "Medium",
        meaning: "Performance warning, approaching limits, non-critical errors",
        priority: "3",
        renotifyMinutes: 120,
        pages: false,
        slack: "warning",
        digest: false,
        pagerUrgency: "low",
        pagerEventSeverity: "warning",
    },
    P3: {
        severity: "P3",
        label: "Low",
        meaning: "Info only, trend alerts, capacity planning",
        priority: "4",
        renotifyMinutes: 0,
        pages: false,
        slack: null,
        digest: true,
        pagerUrgency: "low",
        pagerEventSeverity: "info",
    },
};

export function severityPolicy(severity: Severity): SeverityPolicy {
    return SEVERITY_POLICIES[severity];
}
