/**
 * One naming strategy for every resource and handle, so names stay stable and agree across tools.
 */

/** Logical (URN) name of a child resource: `${component}-${suffix}`. */
export function childName(component: string, ...parts: string[]): string {
    return [component, ...parts].join("-");
}

/**
 * The pager service of a product in a stack (PagerDuty service name; also the `@pagerduty-<name>` handle in
 * Datadog); a component with its own rotation has its own: `<product>-<env>-<component>`.
 */
export function pagerServiceName(productKey: string, environment: string, component?: string): string {
    return component ? `${productKey}-${environment}-${component}` : `${productKey}-${environment}`;
}

/** The product's low-urgency pager service: incidents that notify the on-call without waking them. */
export function lowUrgencyPagerServiceName(productKey: string, environment: string, component?: string): string {
    return `${pagerServiceName(productKey, environment, component)}${LOW_URGENCY_SUFFIX}`;
}

const LOW_URGENCY_SUFFIX = "-low";

/** Whether a pager service name is a low-urgency service (so its incidents are not pages that wake anyone). */
export function isLowUrgencyPagerService(service: string): boolean {
    return service.endsWith(LOW_URGENCY_SUFFIX);
}

/** Display name of a monitor: `[BEARO] Payment failure rate`. */
export function monitorTitle(displayName: string, title: string, environment: string): string {
    const env = environment === "production" ? "" : ` (${environment})`;
    return `[${displayName}${env}] ${title}`;
}

/** Anchor of a monitor's runbook section. */
export function runbookPath(productKey: string, monitorId: string): string {
    return `docs/runbooks/${productKey}.md#${monitorId}`;
}

/** CloudWatch log group name: `/<product>/<env>/<type>` (002 names `/vivr/production/app`). */
export function logGroupName(productKey: string, environment: string, logType: string): string {
    return `/${productKey}/${environment}/${logType}`;
}

/** The Datadog web app of a site: app.datadoghq.com, app.datadoghq.eu, us3.datadoghq.com, ... */
export function datadogAppUrl(site: string): string {
    return site.split(".").length > 2 ? `https://${site}` : `https://app.${site}`;
}
