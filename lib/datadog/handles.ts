/**
 * Datadog notification handles: how a route (lib/model/routing.ts) is written in a Datadog message, and how
 * handles are read back from one for validation.
 */
import type { RoutingConfig } from "../inputs/config/routing";
import { route, Route, RouteTarget } from "../model/routing";
import type { Severity } from "../model/severity";
import { isLowUrgencyPagerService } from "../model/naming";

/** Datadog notification handles, e.g. `@pagerduty-bearo-production @slack-alerts-critical`. */
export function handles(r: Route): string[] {
    return [
        ...(r.pager ? [`@pagerduty-${r.pager.service}`] : []),
        ...r.slackChannels.map((c) => `@slack-${c}`),
        ...r.emails.map((e) => `@${e}`),
    ];
}

export function routeHandles(
    severity: Severity,
    environment: string,
    routing: RoutingConfig,
    product: RouteTarget,
    category?: string,
): string[] {
    return handles(route(severity, environment, routing, product, category));
}

// Anything of the form `@x@y` is an email handle, valid or not, so that validation can reject a malformed one
// (a strict pattern here would silently skip it and Datadog would notify nobody).
const HANDLE = /@(pagerduty|slack|webhook|opsgenie)-([A-Za-z0-9_.-]+)|@([^\s@`]+@[^\s@`]+)/g;

export interface ParsedHandle {
    kind: "pagerduty" | "slack" | "email" | "webhook" | "opsgenie";
    target: string;
    raw: string;
}

/** Whether a message pages: it has a high-urgency PagerDuty handle (a low-urgency incident wakes nobody). */
export function messagePages(message: string): boolean {
    return parseHandles(message).some((h) => h.kind === "pagerduty" && !isLowUrgencyPagerService(h.target));
}

/** Finds every notification handle in a monitor message (for cross-tool validation). */
export function parseHandles(message: string): ParsedHandle[] {
    const out: ParsedHandle[] = [];
    for (const m of message.matchAll(HANDLE)) {
        if (m[3]) out.push({ kind: "email", target: m[3], raw: m[0] });
        else out.push({ kind: m[1] as ParsedHandle["kind"], target: m[2], raw: m[0] });
    }
    return out;
}
