/**
 * Sentry model (pure): a team per product, a project per code surface with its platform, a rate-limited client
 * key, issue alerts and metric alerts whose severities and actions come from the shared severity and routing.
 *
 * Environments: each stack owns its own projects (`<product>-<surface>-<env>`). Stacks are separate Pulumi
 * states, so a project shared by staging and production could not be owned by both; separate projects also keep
 * staging's noise and event quota away from production's issue streams and alert rules.
 */
import type { Product, Severity } from "./catalog/schema";
import type { PublicStackConfig } from "./config";
import type { AlertRef } from "./alerts";
import { route, handles } from "./routing";

export interface SentryProjectModel {
    surface: string;
    slug: string;
    name: string;
    platform: string;
}

export interface SentryActionModel {
    kind: "slack" | "email";
    /** Slack channel with '#', or the team to email. */
    target: string;
}

export interface IssueAlertModel {
    id: "new-issue" | "regression" | "frequency-spike";
    name: string;
    severity: Severity;
    conditions: Array<Record<string, string>>;
    /** Minutes between notifications for the same issue. */
    frequencyMinutes: number;
    actions: SentryActionModel[];
}

export interface MetricAlertModel {
    id: "error-rate" | "crash-rate";
    name: string;
    severity: Severity;
    dataset: string;
    aggregate: string;
    query: string;
    timeWindowMinutes: number;
    /** 0: alert above the threshold. */
    thresholdType: 0 | 1;
    critical: number;
    warning: number;
    resolve: number;
    actions: SentryActionModel[];
}

export function sentryTeamSlug(product: Product, environment: string): string {
    return `${product.team.handle}-${environment}`;
}

export function sentryProjects(product: Product, environment: string): SentryProjectModel[] {
    return product.surfaces.filter((s) => s.sentryPlatform).map((s) => ({
        surface: s.name,
        slug: `${product.key}-${s.name}-${environment}`,
        name: `${product.displayName} ${s.name} (${environment})`,
        platform: s.sentryPlatform!,
    }));
}

/** Sentry can notify Slack and email; P0 paging stays with Datadog → PagerDuty (the provider has no PagerDuty action here). */
export function sentryActions(product: Product, severity: Severity, config: PublicStackConfig): SentryActionModel[] {
    const r = route(severity, config.environment, config.routing, product);
    const actions: SentryActionModel[] = r.slackChannels.map((c) => ({ kind: "slack", target: `#${c}` }));
    if (r.emails.length || actions.length === 0) actions.push({ kind: "email", target: sentryTeamSlug(product, config.environment) });
    return actions;
}

/** Issue alerts per project: first seen (new issue), regression, and a spike of one issue. */
export function issueAlerts(product: Product, config: PublicStackConfig): IssueAlertModel[] {
    const base: Array<Omit<IssueAlertModel, "actions">> = [
        { id: "new-issue", name: "New issue", severity: "P2", frequencyMinutes: 30, conditions: [{ id: "sentry.rules.conditions.first_seen_event.FirstSeenEventCondition" }] },
        { id: "regression", name: "Resolved issue came back", severity: "P2", frequencyMinutes: 30, conditions: [{ id: "sentry.rules.conditions.regression_event.RegressionEventCondition" }] },
        {
            id: "frequency-spike", name: "Issue spiking (100+ events in 1 h)", severity: "P1", frequencyMinutes: 60,
            conditions: [{ id: "sentry.rules.conditions.event_frequency.EventFrequencyCondition", value: "100", comparisonType: "count", interval: "1h" }],
        },
    ];
    return base.map((a) => ({ ...a, actions: sentryActions(product, a.severity, config) }));
}

/**
 * Metric alerts: failure rate of transactions (000: error rate > 1% warns; 001/002: > 5% is critical), and the
 * crash rate of sessions on surfaces with release health (web/mobile), i.e. crash-free sessions below 98%.
 */
export function metricAlerts(product: Product, surfaceKind: string, config: PublicStackConfig): MetricAlertModel[] {
    const errorRate: Omit<MetricAlertModel, "actions"> = {
        id: "error-rate", name: "Transaction failure rate", severity: "P1", dataset: "transactions", aggregate: "failure_rate()",
        query: "", timeWindowMinutes: 5, thresholdType: 0, critical: 0.05, warning: 0.01, resolve: 0.005,
    };
    const crashRate: Omit<MetricAlertModel, "actions"> = {
        id: "crash-rate", name: "Crash-free sessions", severity: "P1", dataset: "metrics",
        aggregate: "percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate",
        query: "", timeWindowMinutes: 60, thresholdType: 0, critical: 2, warning: 1, resolve: 0.5,
    };
    const models = surfaceKind === "web" || surfaceKind === "mobile" ? [errorRate, crashRate] : [errorRate];
    return models.map((m) => ({ ...m, actions: sentryActions(product, m.severity, config) }));
}

/** The Sentry alerts as handles, for stack-wide routing validation. */
export function sentryAlerts(product: Product, config: PublicStackConfig): AlertRef[] {
    const asHandles = (severity: Severity) => handles(route(severity, config.environment, config.routing, product)).join(" ")
        || `@${product.team.email}`;
    return sentryProjects(product, config.environment).flatMap((p) => {
        const kind = product.surfaces.find((s) => s.name === p.surface)!.kind;
        return [
            ...issueAlerts(product, config).map((a) => ({ product: product.key, name: `sentry ${p.slug} ${a.id}`, message: asHandles(a.severity) })),
            ...metricAlerts(product, kind, config).map((a) => ({ product: product.key, name: `sentry ${p.slug} ${a.id}`, message: asHandles(a.severity) })),
        ];
    });
}
