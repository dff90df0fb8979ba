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

/** A component whose pages go to its own rotation (spec `componentRoutes`). */
export interface ComponentRoute {
    component: string;
    categories: ReadonlyArray<string>;
}

export interface RouteTarget {
    key: string;
    team: { slackChannel: string; email?: string };
    severityRoutes?: ReadonlyArray<SeverityRouteAddition>;
    componentRoutes?: ReadonlyArray<ComponentRoute>;
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

/** The component an alert category belongs to in a product, if it has its own rotation. */
export function componentOf(product: RouteTarget, category: string | undefined): string | undefined {
    return category === undefined ? undefined : product.componentRoutes?.find((c) => c.categories.includes(category))?.component;
}

/**
 * The route of a severity for a product's alert. `category`: the alert's, so that a page of a component with its
 * own rotation (004: database alerts to the on-call DBA) goes to that component's pager service.
 */
export function route(severity: Severity, environment: string, routing: RoutingConfig, product: RouteTarget, category?: string): Route {
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
          ? { service: pagerServiceName(product.key, environment, componentOf(product, category)), urgency: "high" }
          : addition?.lowUrgencyPage
            ? { service: lowUrgencyPagerServiceName(product.key, environment, componentOf(product, category)), urgency: "low" }
            : undefined;
    return {
        severity,
        ...(pager ? { pager } : {}),
        slackChannels: [...new Set(slackChannels)],
        emails: [...new Set(emails)],
    };
}

/**
 * The pager services a product needs in a stack: its main one (severity-based urgency) and one per component with
 * its own rotation; and, if a route pages at low urgency, a low-urgency twin of each.
 */
export function productPagerServices(product: RouteTarget, environment: string): Array<PagerTarget & { component?: string }> {
    const owners = [undefined, ...(product.componentRoutes ?? []).map((c) => c.component)];
    const low = product.severityRoutes?.some((r) => r.lowUrgencyPage) ?? false;
    return [
        ...owners.map((component) => ({
            service: pagerServiceName(product.key, environment, component),
            urgency: "high" as const,
            component,
        })),
        ...(low
            ? owners.map((component) => ({
                  service: lowUrgencyPagerServiceName(product.key, environment, component),
                  urgency: "low" as const,
                  component,
              }))
            : []),
    ];
}
