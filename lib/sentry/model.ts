/**
 * Sentry model (pure): a team per product, a project per code surface with its platform, issue alerts and metric
 * alerts whose severities come from the shared severity model and whose actions come from the shared routing.
 *
 * Environments: each stack owns its own projects (`<product>-<surface>-<env>`) and team (`<team>-<env>`). Stacks
 * are separate Pulumi states, so a project shared by staging and production could not be owned by both; separate
 * projects also keep staging's noise and event quota away from production's issue streams and alert rules. Alerts
 * are still filtered to the stack's environment, so events sent with another `environment` (a developer's laptop
 * using the DSN) never notify.
 */
import type { Product, Severity, Surface } from "../inputs/catalog/schema";
import type { PublicStackConfig } from "../inputs/config";
import { Alert, buildAlert, recoveryThreshold, warningSeverity } from "../model/alert";
import { monitorTitle, pagerServiceName } from "../model/naming";
import { route } from "../model/routing";
import { severityPolicy, SeverityPolicy } from "../model/severity";

/** Where a Sentry alert notifies; derived from the route of its severity. */
export type SentryAction =
    /** A channel (with '#') of the Slack workspace connected to Sentry. */
    | { kind: "slack"; channel: string }
    /** A service registered in Sentry's PagerDuty integration (config `sentry.pagerduty`). */
    | { kind: "pagerduty"; service: string; sentryServiceId: number; severity: SeverityPolicy["pagerEventSeverity"] }
    /** The members of the product's Sentry team: Sentry cannot email an arbitrary address. */
    | { kind: "email"; team: string };

export interface IssueAlertModel {
    id: "new-issue" | "regression" | "frequency-spike";
    title: string;
    severity: Severity;
    conditions: Array<Record<string, string>>;
    /** Minutes between notifications for the same issue (the severity's renotify interval). */
    frequencyMinutes: number;
    actions: SentryAction[];
}

export interface MetricAlertModel {
    id: "error-rate" | "crash-rate";
    title: string;
    severity: Severity;
    dataset: string;
    aggregate: string;
    query: string;
    timeWindowMinutes: number;
    /** 0: alert above the threshold. */
    thresholdType: 0 | 1;
    critical: number;
    /** Absent: critical only. */
    warning?: number;
    resolve: number;
    actions: SentryAction[];
    /** The warning trigger's actions: the route of the next lower severity, like every warning. */
    warningActions: SentryAction[];
}

export interface SentryProjectModel {
    surface: string;
    slug: string;
    name: string;
    platform: string;
    issueAlerts: IssueAlertModel[];
    metricAlerts: MetricAlertModel[];
}

export interface SentryModel {
    team: { slug: string; name: string };
    projects: SentryProjectModel[];
}

/** Sentry accepts an issue alert frequency from 5 minutes to 30 days. */
const FREQUENCY_RANGE = { min: 5, max: 30 * 24 * 60 } as const;
/** Severities without re-notification (P3) notify at most daily. */
const NO_RENOTIFY_FREQUENCY = 24 * 60;

/** Surface kinds whose SDKs report sessions (release health), so crash-free sessions mean something. */
const SESSION_KINDS: ReadonlyArray<Surface["kind"]> = ["web", "mobile"];

export function sentryTeamSlug(product: Product, environment: string): string {
    return `${product.team.handle}-${environment}`;
}

/** terraform-provider-sentry v0.11.2 (@pulumiverse/sentry 0.0.9) refuses issue-alert names outside 1–64 characters. */
export const SENTRY_ALERT_NAME_MAX = 64;

/**
 * `[VIVR (staging)] web: New issue (P2)`: the Datadog title convention, plus the severity Sentry has no field for.
 * Product, environment, surface and severity are what the on-call routes by, so only the title is shortened to fit
 * the provider's 64 characters: cut at the last word that fits, marked with "…".
 */
export function sentryAlertName(product: Product, surface: string, title: string, severity: Severity, environment: string): string {
    const name = (t: string) => `${monitorTitle(product.displayName, `${surface}: ${t}`, environment)} (${severity})`;
    const full = name(title);
    if (full.length <= SENTRY_ALERT_NAME_MAX) return full;
    const room = SENTRY_ALERT_NAME_MAX - name("").length - 1;
    const words = title.slice(0, room + 1).split(" ");
    const cut = (words.length > 1 ? words.slice(0, -1).join(" ") : title.slice(0, room)).replace(/[\s:,;.-]+$/, "");
    if (!cut)
        throw new Error(
            `${product.key}: sentry alert "${full}": product, environment, surface and severity alone exceed ${SENTRY_ALERT_NAME_MAX} characters`,
        );
    return name(`${cut}…`);
}

export function issueAlertFrequency(severity: Severity): number {
    const minutes = severityPolicy(severity).renotifyMinutes || NO_RENOTIFY_FREQUENCY;
    return Math.min(FREQUENCY_RANGE.max, Math.max(FREQUENCY_RANGE.min, minutes));
}

/**
 * The route of a severity as Sentry actions: its Slack channels; PagerDuty when the route pages and the product's
 * service is registered in Sentry's PagerDuty integration; otherwise (and for the digest mailbox, which Sentry
 * cannot address) an email to the product's Sentry team. Every alert has at least one action.
 */
export function sentryActions(product: Product, severity: Severity, config: PublicStackConfig): SentryAction[] {
    const r = route(severity, config.environment, config.routing, product);
    const actions: SentryAction[] = r.slackChannels.map((c) => ({ kind: "slack", channel: `#${c}` }));
    const sentryServiceId = config.sentry.pagerduty?.services[product.key];
    if (r.pager && sentryServiceId !== undefined) {
        // Sentry reaches the product's main service, registered in its PagerDuty integration, and sets the event
        // severity itself: a low-urgency route's "warning" event opens a low-urgency incident there.
        actions.push({
            kind: "pagerduty",
            service: pagerServiceName(product.key, config.environment),
            sentryServiceId,
            severity: severityPolicy(severity).pagerEventSeverity,
        });
    }
    const pagingUnreachable = r.pager !== undefined && sentryServiceId === undefined;
    if (pagingUnreachable || r.emails.length > 0 || actions.length === 0) {
        actions.push({ kind: "email", team: sentryTeamSlug(product, config.environment) });
    }
    return actions;
}

/**
 * Issue alerts per project: first seen (a new issue), regression (a resolved issue seen again) and a spike of one
 * issue. P2/P1 like the Datadog error monitors: Sentry informs the developers; paging stays with Datadog's P0s.
 */
export function issueAlerts(product: Product, config: PublicStackConfig): IssueAlertModel[] {
    const base: Array<Omit<IssueAlertModel, "actions" | "frequencyMinutes">> = [
        {
            id: "new-issue",
            title: "New issue",
            severity: "P2",
            conditions: [{ id: "sentry.rules.conditions.first_seen_event.FirstSeenEventCondition" }],
        },
        {
            id: "regression",
            title: "Resolved issue came back",
            severity: "P2",
            conditions: [{ id: "sentry.rules.conditions.regression_event.RegressionEventCondition" }],
        },
        {
            id: "frequency-spike",
            title: "Issue spiking: 100+ events in 1 h",
            severity: "P1",
            conditions: [
                {
                    id: "sentry.rules.conditions.event_frequency.EventFrequencyCondition",
                    value: "100",
                    comparisonType: "count",
                    interval: "1h",
                },
            ],
        },
    ];
    return base.map((a) => ({
        ...a,
        frequencyMinutes: issueAlertFrequency(a.severity),
        actions: sentryActions(product, a.severity, config),
    }));
}

/**
 * Metric alerts: failure rate of transactions over 15 minutes (001, 002 and 003: > 5% is critical; 000's > 1% is
 * left to the Datadog error-rate monitors, which have a request-volume floor), and on surfaces with release health (web/mobile) the crash rate of sessions, i.e. crash-free
 * sessions below 99% (warning) and 98% (critical) in an hour.
 */
export function metricAlerts(product: Product, surfaceKind: Surface["kind"], config: PublicStackConfig): MetricAlertModel[] {
    const errorRate: Omit<MetricAlertModel, "actions" | "warningActions"> = {
        id: "error-rate",
        title: "Transaction failure rate",
        severity: "P1",
        dataset: "transactions",
        aggregate: "failure_rate()",
        // 15 minutes and no 1% warning: at night (~10 requests a minute) one failure in 5 minutes is already 2%;
        // 000's > 1% is the Datadog API error-rate monitor's job, which has a request-volume floor.
        query: "",
        timeWindowMinutes: 15,
        thresholdType: 0,
        critical: 0.05,
        resolve: recoveryThreshold(">", 0.05, "ratio")!,
    };
    // Sentry stores "crash-free sessions < X%" as "crash rate > (100 - X)%" with this aggregate.
    const crashRate: Omit<MetricAlertModel, "actions" | "warningActions"> = {
        id: "crash-rate",
        title: "Crash-free sessions",
        severity: "P1",
        dataset: "metrics",
        aggregate: "percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate",
        query: "",
        timeWindowMinutes: 60,
        thresholdType: 0,
        critical: 2,
        warning: 1,
        resolve: 0.5,
    };
    const models = SESSION_KINDS.includes(surfaceKind) ? [errorRate, crashRate] : [errorRate];
    return models.map((m) => ({
        ...m,
        actions: sentryActions(product, m.severity, config),
        warningActions: sentryActions(product, warningSeverity(m.severity), config),
    }));
}

/** Everything SentryProjects creates for a product in a stack. */
export function sentryModel(product: Product, config: PublicStackConfig): SentryModel {
    const env = config.environment;
    return {
        team: { slug: sentryTeamSlug(product, env), name: `${product.team.name} (${env})` },
        projects: product.surfaces
            .filter((s) => s.sentryPlatform)
            .map((s) => ({
                surface: s.name,
                slug: `${product.key}-${s.name}-${env}`,
                name: `${product.displayName} ${s.name} (${env})`,
                platform: s.sentryPlatform!,
                issueAlerts: issueAlerts(product, config),
                metricAlerts: metricAlerts(product, s.kind, config),
            })),
    };
}

/** The handles a Datadog message would carry for the same targets, for stack-wide routing validation. */
export function actionHandles(product: Product, actions: ReadonlyArray<SentryAction>): string[] {
    return actions.map((a) => {
        switch (a.kind) {
            case "slack":
                return `@slack-${a.channel.replace(/^#/, "")}`;
            case "pagerduty":
                return `@pagerduty-${a.service}`;
            case "email":
                return `@${product.team.email}`;
        }
    });
}

/** A Sentry alert rule in the alert model: the project it belongs to and the rule's model. */
export type SentryBinding =
    | { provider: "sentry-issue"; projectSlug: string; alert: IssueAlertModel }
    | { provider: "sentry-metric"; projectSlug: string; alert: MetricAlertModel };

/** What each issue alert watches, in the alert model's terms. */
const ISSUE_CONDITIONS: Record<IssueAlertModel["id"], { critical: number; windowSeconds: number; text: string; what: string }> = {
    "new-issue": {
        critical: 1,
        windowSeconds: 0,
        text: "first event of a new issue",
        what: "A new issue (an error never seen before) appeared",
    },
    regression: { critical: 1, windowSeconds: 0, text: "an event of a resolved issue", what: "An issue marked resolved occurred again" },
    "frequency-spike": {
        critical: 100,
        windowSeconds: 3600,
        text: "> 100 events of one issue in 1h",
        what: "One issue received more than 100 events in an hour",
    },
};

/** The Sentry alerts of a product in the alert model (every project's issue and metric alerts). */
export function sentryAlerts(
    product: Product,
    config: PublicStackConfig,
    model: SentryModel = sentryModel(product, config),
): Array<Alert<SentryBinding>> {
    const ctx = { environment: config.environment, routing: config.routing };
    return model.projects.flatMap((p) => {
        const service = product.surfaces.find((s) => s.name === p.surface)!.service;
        const common = (a: { id: string; title: string; severity: Severity }) => ({
            id: `sentry-${p.surface}-${a.id}`,
            title: `${p.surface}: ${a.title}`,
            service,
            severity: a.severity,
            source: SENTRY_SOURCE,
        });
        return [
            ...p.issueAlerts.map((a) => {
                const c = ISSUE_CONDITIONS[a.id];
                return buildAlert(
                    product,
                    {
                        ...common(a),
                        kind: "sentry-issue",
                        category: "errors",
                        condition: { comparator: ">=", critical: c.critical, unit: "events", windowSeconds: c.windowSeconds, text: c.text },
                        missingData: "resolve",
                        message: { whatHappened: `${c.what} in ${p.name}.`, firstSteps: SENTRY_FIRST_STEPS },
                        binding: { provider: "sentry-issue" as const, projectSlug: p.slug, alert: a },
                    },
                    ctx,
                );
            }),
            ...p.metricAlerts.map((a) =>
                buildAlert(
                    product,
                    {
                        ...common(a),
                        kind: "sentry-metric",
                        category: "errors",
                        condition: {
                            comparator: ">",
                            critical: a.critical,
                            warning: a.warning,
                            criticalRecovery: a.resolve,
                            unit: a.id === "crash-rate" ? "%" : "ratio",
                            windowSeconds: a.timeWindowMinutes * 60,
                        },
                        missingData: "resolve",
                        message: {
                            whatHappened: `${a.title} of ${p.name} crossed its threshold (${a.aggregate}).`,
                            firstSteps: SENTRY_FIRST_STEPS,
                        },
                        binding: { provider: "sentry-metric" as const, projectSlug: p.slug, alert: a },
                    },
                    ctx,
                ),
            ),
        ];
    });
}

const SENTRY_SOURCE = "001 Task 2.3 (Sentry error tracking); 002 §Error Tracking; 000 §Alert Configuration (error rate > 1%)";
const SENTRY_FIRST_STEPS = [
    "Open the issue in Sentry: stack trace, release, affected users",
    "Check whether a recent deploy introduced it; roll back if it affects many users",
    "Assign the issue to its owner or resolve it with a fix",
];
