/**
 * The one alert model. Every alert a stack sends — threshold monitors, SLO burn-rate monitors, security log
 * monitors and detection rules, synthetic tests, Sentry issue and metric alerts, CloudWatch alarms — is an `Alert`
 * made by `buildAlert`, which derives everything that must agree across tools in one place: name, route,
 * re-notification, runbook anchor, message parts and tags. Provider modules then map an Alert's `binding` to
 * their resources; validation, the alert catalog, runbooks, dashboards' alert widgets, the policy rules and the
 * simulator read the same list (`StackModel.alerts`, lib/stack/model.ts).
 *
 * Pure, provider-neutral: the binding's provider-specific payload is opaque here (typed in lib/stack/model.ts).
 */
import { Comparator, SEVERITIES, Severity } from "../inputs/catalog/schema";
import { monitorTitle, runbookPath } from "./naming";
import { route, Route, RouteTarget } from "./routing";
import type { RoutingConfig } from "../inputs/config/routing";
import { severityPolicy } from "./severity";

export type AlertKind =
    "monitor" | "slo-burn-rate" | "security" | "detection-rule" | "synthetic" | "sentry-issue" | "sentry-metric" | "cloudwatch-alarm";

/** The condition in the alert's own terms (what the plan says), before a provider renders it. */
export interface AlertCondition {
    comparator: Comparator;
    critical: number;
    warning?: number;
    /** Values at which the alert (warning) recovers; on the safe side of the threshold, so it does not flap. */
    criticalRecovery?: number;
    warningRecovery?: number;
    /** Unit of the thresholds as a reader sees them: "%", "s", "ms", "count", "x" (burn rate)... */
    unit: string;
    /** Evaluation window in seconds (0 when the provider evaluates single runs/events). */
    windowSeconds: number;
    /** The threshold in words, e.g. "> 5 % over 10m, warning > 2 %"; one renderer for messages, catalog and diffs. */
    text: string;
}

/**
 * What the alert does when its data stops: `alert` (silence is the outage: availability, heartbeats), `resolve`
 * (silence is health: error counters and ratios of sparse events), `keep` (hold the last state).
 */
export type MissingData = "alert" | "resolve" | "keep";

export interface AlertMessageText {
    /** Heading of the notification, e.g. "BEARO: Payment failure rate". */
    title: string;
    whatHappened: string;
    firstSteps: string[];
}

export interface Alert<B = unknown> {
    product: string;
    /** Unique in the product: the resource-name suffix and the runbook anchor. */
    id: string;
    kind: AlertKind;
    /** Display name, the same convention in every tool: `[BEARO] Payment failure rate`, `[VIVR (staging)] ...`. */
    name: string;
    /** The plan's title of the alert (without product and environment). */
    title: string;
    /** Datadog `service:` tag value (unified service tagging); the product's first service for product-wide alerts. */
    service: string;
    severity: Severity;
    /** The severity as the product's plan names it, when its scale differs. */
    planSeverity?: string;
    category: string;
    condition: AlertCondition;
    missingData: MissingData;
    route: Route;
    /** Where the warning state goes: the route of the next lower severity (a warning is not yet the alert). */
    warningRoute?: Route;
    /** Minutes between re-notifications while alerting (0: never). */
    renotifyMinutes: number;
    /** Repository-relative runbook path with anchor. */
    runbook: string;
    /** Where the first notification sends the responder to look before anything else. */
    links: AlertLink[];
    message: AlertMessageText;
    /** Tags every tool that has tags puts on the alert. */
    tags: string[];
    /** The plan section the alert implements. */
    source: string;
    /** How the provider evaluates and delivers it. */
    binding: B;
}

/** A link of the first investigation a notification carries (000 §Escalation Policy L1: auto-investigation). */
export interface AlertLink {
    label: string;
    url: string;
}

export interface AlertContext {
    environment: string;
    routing: RoutingConfig;
    /** The first-investigation links of an alert on a service (the monitoring tool's views of it). */
    links?: (service: string) => AlertLink[];
}

export interface AlertProduct extends RouteTarget {
    displayName: string;
    team: { handle: string; slackChannel: string };
}

export interface AlertInput<B> {
    id: string;
    kind: AlertKind;
    title: string;
    service: string;
    severity: Severity;
    planSeverity?: string;
    category: string;
    condition: Omit<AlertCondition, "text"> & { text?: string };
    missingData: MissingData;
    message: Omit<AlertMessageText, "title"> & { title?: string };
    source: string;
    /** Extra tags beyond the standard set (e.g. `synthetic:api`). */
    tags?: string[];
    binding: B;
}

/** Tags on every resource of a product (Datadog unified service tagging + ownership), one builder for all. */
export function standardTags(
    product: { key: string; team: { handle: string } },
    service: string | undefined,
    environment: string,
    severity?: Severity,
): string[] {
    return [
        `env:${environment}`,
        ...(service ? [`service:${service}`] : []),
        `team:${product.team.handle}`,
        `product:${product.key}`,
        ...(severity ? [`severity:${severity.toLowerCase()}`] : []),
        "managed-by:pulumi",
    ];
}

/** Renders a number without float noise (0.1 + 0.2) and without exponent notation. */
export function formatNumber(n: number): string {
    if (Number.isInteger(n)) return String(n);
    return String(Number(n.toPrecision(12)));
}

/** Seconds as the plans write durations: 30s, 5m, 1h, 2d. */
export function formatSeconds(s: number): string {
    if (s === 0) return "0s";
    return s % 86400 === 0 ? `${s / 86400}d` : s % 3600 === 0 ? `${s / 3600}h` : s % 60 === 0 ? `${s / 60}m` : `${s}s`;
}

function withUnit(value: number, unit: string): string {
    return unit === "%" || unit === "x" ? `${formatNumber(value)}${unit === "x" ? "x" : " %"}` : `${formatNumber(value)} ${unit}`;
}

/** The one rendering of a threshold in words: `> 5 % over 10m, warning > 2 %, recovers at 4.5 %`. */
export function thresholdText(c: Omit<AlertCondition, "text">): string {
    const over = c.windowSeconds > 0 ? ` over ${formatSeconds(c.windowSeconds)}` : "";
    const warning = c.warning !== undefined ? `, warning ${c.comparator} ${withUnit(c.warning, c.unit)}` : "";
    const recovers = c.criticalRecovery !== undefined ? `, recovers at ${withUnit(c.criticalRecovery, c.unit)}` : "";
    return `${c.comparator} ${withUnit(c.critical, c.unit)}${over}${warning}${recovers}`;
}

export function buildAlert<B>(product: AlertProduct, input: AlertInput<B>, ctx: AlertContext): Alert<B> {
    const policy = severityPolicy(input.severity);
    return {
        product: product.key,
        id: input.id,
        kind: input.kind,
        name: monitorTitle(product.displayName, input.title, ctx.environment),
        title: input.title,
        service: input.service,
        severity: input.severity,
        ...(input.planSeverity ? { planSeverity: input.planSeverity } : {}),
        category: input.category,
        condition: { ...input.condition, text: input.condition.text ?? thresholdText(input.condition) },
        missingData: input.missingData,
        route: route(input.severity, ctx.environment, ctx.routing, product, input.category),
        ...(input.condition.warning !== undefined
            ? { warningRoute: route(warningSeverity(input.severity), ctx.environment, ctx.routing, product, input.category) }
            : {}),
        renotifyMinutes: policy.renotifyMinutes,
        runbook: runbookPath(product.key, input.id),
        links: ctx.links?.(input.service) ?? [],
        message: {
            title: input.message.title ?? `${product.displayName}: ${input.title}`,
            whatHappened: input.message.whatHappened,
            firstSteps: input.message.firstSteps,
        },
        tags: [
            ...standardTags(product, input.service, ctx.environment, input.severity),
            `category:${input.category}`,
            ...(input.tags ?? []),
        ],
        source: input.source,
        binding: input.binding,
    };
}

/** Hysteresis between a threshold and its recovery: a tenth of the threshold's magnitude. */
export const RECOVERY_BAND = 0.1;

/**
 * The value at which an alert (or warning) recovers, on the safe side of its threshold so a value hovering around
 * it does not flap: 10% of the threshold below it for `>`/`>=`, above it for `<`/`<=`. Values that cannot go past a
 * limit (percentages: 100; ratios and flags at most 1) recover halfway to it; a threshold at the limit or at 0 has
 * no band (there is no room for one).
 */
export function recoveryThreshold(comparator: Comparator, threshold: number, unit: string): number | undefined {
    if (threshold === 0) return undefined;
    const band = Math.abs(threshold) * RECOVERY_BAND;
    if (comparator === ">" || comparator === ">=") return Number((threshold - band).toPrecision(12));
    const limit = unit.startsWith("%") ? 100 : threshold > 0 && threshold <= 1 ? 1 : Infinity;
    if (threshold >= limit) return undefined;
    return Number(Math.min(threshold + band, threshold + (limit - threshold) / 2).toPrecision(12));
}

/** The severity a warning is routed as: one level below the alert's (P0 warnings do not page). */
export function warningSeverity(severity: Severity): Severity {
    return SEVERITIES[Math.min(SEVERITIES.indexOf(severity) + 1, SEVERITIES.length - 1)];
}

/** Whether the alert pages someone: a high-urgency pager target (a low-urgency incident wakes nobody). */
export function pages(alert: Pick<Alert, "route">): boolean {
    return alert.route.pager?.urgency === "high";
}
