/**
 * Routing: (severity, environment's routing config, product) → the notification handles of a monitor message.
 * One strategy for every tool; there is no per-vendor if/else in components.
 */
import type { RoutingConfig } from "../inputs/config/routing";
import { pagerdutyServiceName } from "./naming";
import { Severity, severityPolicy } from "./severity";

export interface RouteTarget {
    key: string;
    team: { slackChannel: string };
}

export interface Route {
    severity: Severity;
    pagerdutyService?: string;
    slackChannels: string[];
    emails: string[];
}

export function route(severity: Severity, environment: string, routing: RoutingConfig, product: RouteTarget): Route {
    const policy = severityPolicy(severity);
    const slackChannels: string[] = [];
    if (policy.slack === "critical") slackChannels.push(routing.slack.critical, product.team.slackChannel);
    if (policy.slack === "warning") slackChannels.push(routing.slack.warning);
    return {
        severity,
        pagerdutyService: policy.pages && routing.paging ? pagerdutyServiceName(product.key, environment) : undefined,
        slackChannels: [...new Set(slackChannels)],
        emails: policy.digest ? [routing.digestEmail] : [],
    };
}

/** Datadog notification handles, e.g. `@pagerduty-bearo-production @slack-alerts-critical`. */
export function handles(r: Route): string[] {
    return [
        ...(r.pagerdutyService ? [`@pagerduty-${r.pagerdutyService}`] : []),
        ...r.slackChannels.map((c) => `@slack-${c}`),
        ...r.emails.map((e) => `@${e}`),
    ];
}

export function routeHandles(severity: Severity, environment: string, routing: RoutingConfig, product: RouteTarget): string[] {
    return handles(route(severity, environment, routing, product));
}

// Anything of the form `@x@y` is an email handle, valid or not, so that validation can reject a malformed one
// (a strict pattern here would silently skip it and Datadog would notify nobody).
const HANDLE = /@(pagerduty|slack|webhook|opsgenie)-([A-Za-z0-9_.-]+)|@([^\s@`]+@[^\s@`]+)/g;

export interface ParsedHandle {
    kind: "pagerduty" | "slack" | "email" | "webhook" | "opsgenie";
    target: string;
    raw: string;
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
