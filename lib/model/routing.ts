/**
 * Routing: (severity, environment's routing config, product) → a route: the pager target, Slack channels and
 * mailboxes an alert reaches. One strategy for every tool; each provider writes a route in its own terms
 * (Datadog handles: lib/datadog/handles.ts; Sentry actions: lib/sentry/model.ts).
 */
import type { RoutingConfig } from "../inputs/config/routing";
import { pagerServiceName } from "./naming";
import { Severity, severityPolicy } from "./severity";

export interface RouteTarget {
    key: string;
    team: { slackChannel: string };
}

/** Who is paged: a service of the stack's pager (PagerDuty today; the provider maps the name to its handle). */
export interface PagerTarget {
    service: string;
}

export interface Route {
    severity: Severity;
    pager?: PagerTarget;
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
        pager: policy.pages && routing.paging ? { service: pagerServiceName(product.key, environment) } : undefined,
        slackChannels: [...new Set(slackChannels)],
        emails: policy.digest ? [routing.digestEmail] : [],
    };
}
