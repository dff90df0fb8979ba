/**
 * Routing: (severity, environment's routing config, product) → a route: the pager target, Slack channels and
 * mailboxes an alert reaches. One strategy for every tool; each provider writes a route in its own terms
 * (Datadog handles: lib/datadog/handles.ts; Sentry actions: lib/sentry/model.ts).
 */
import type { RoutingConfig } from "../inputs/config/routing";
import { lowUrgencyPagerServiceName, pagerServiceName } from "./naming";
import { Severity, severityPolicy } from "./severity";

/** A product's own additions to a severity's company route (spec `severityRoutes`). */
export interface SeverityRouteAddition {
    severity: Severity;
    lowUrgencyPage?: true;
    emailTeam?: true;
}

export interface RouteTarget {
    key: string;
    team: { slackChannel: string; email?: string };
    severityRoutes?: ReadonlyArray<SeverityRouteAddition>;
}

/**
 * Who is paged: a service of the stack's pager (PagerDuty today; the provider maps the name to its handle).
 * `high` wakes the on-call; `low` notifies them by their low-urgency rules, for business-hours response.
 */
export interface PagerTarget {
    service: string;
    urgency: "high" | "low";
}

export interface Route {
    severity: Severity;
    pager?: PagerTarget;
    slackChannels: string[];
    emails: string[];
}

export function route(severity: Severity, environment: string, routing: RoutingConfig, product: RouteTarget): Route {
    const policy = severityPolicy(severity);
    const addition = product.severityRoutes?.find((r) => r.severity === severity);
    const slackChannels: string[] = [];
    if (policy.slack === "critical") slackChannels.push(routing.slack.critical, product.team.slackChannel);
    if (policy.slack === "warning") slackChannels.push(routing.slack.warning);
    const emails = [
        ...(policy.digest ? [routing.digestEmail] : []),
        ...(addition?.emailTeam && product.team.email ? [product.team.email] : []),
    ];
    const pager: PagerTarget | undefined = !routing.paging
        ? undefined
        : policy.pages
          ? { service: pagerServiceName(product.key, environment), urgency: "high" }
          : addition?.lowUrgencyPage
            ? { service: lowUrgencyPagerServiceName(product.key, environment), urgency: "low" }
            : undefined;
    return {
        severity,
        ...(pager ? { pager } : {}),
        slackChannels: [...new Set(slackChannels)],
        emails: [...new Set(emails)],
    };
}

/** The pager services a product needs in a stack: its main (severity-based urgency) and, if a route asks, its low-urgency one. */
export function productPagerServices(product: RouteTarget, environment: string): PagerTarget[] {
    return [
        { service: pagerServiceName(product.key, environment), urgency: "high" },
        ...(product.severityRoutes?.some((r) => r.lowUrgencyPage)
            ? [{ service: lowUrgencyPagerServiceName(product.key, environment), urgency: "low" as const }]
            : []),
    ];
}
