/**
 * What the simulator reads and returns. The alert shape is the structural subset of the one alert model
 * (`StackAlert = Alert<AlertBinding>`, lib/model/alert.ts and lib/stack/model.ts) that evaluation needs, so a
 * StackAlert is accepted as is (tests/simulate.test.ts passes the stack model's alerts); the binding payloads are
 * the provider models (MonitorModel, SyntheticTestModel, ...), typed here by the fields the evaluators read.
 * Detection rules are signals, not alerts, in the stack model; the simulator still evaluates one when given.
 */
import type { Series } from "./series";

export type State = "OK" | "WARN" | "ALERT" | "NO DATA";

/** A Datadog monitor as lib/datadog/monitors.ts models it. */
export interface MonitorPayload {
    type: string;
    query: string;
    message?: string;
    /** `critical` is absent on a composite, which alerts on its parts. */
    thresholds: { critical?: string; warning?: string; ok?: string; criticalRecovery?: string; warningRecovery?: string };
    notifyNoData: boolean;
    noDataTimeframeMinutes?: number;
    renotifyIntervalMinutes?: number;
    renotifyStatuses?: string[];
    evaluationDelaySeconds?: number;
    newGroupDelaySeconds?: number;
    requireFullWindow: boolean;
    onMissingData?: string;
    /** A composite's part: its condition (or a held copy) or its volume guard. */
    compositeRole?: "condition" | "volume";
}

/** A part of a composite monitor, named in the composite's query by its id. */
export type MonitorPart = MonitorPayload & { id: string };

/** A Datadog synthetic test as lib/datadog/synthetics.ts models it. */
export interface SyntheticPayload {
    tickEvery: number;
    locations: string[];
    retry: { count: number; intervalMs: number };
    minFailureDurationSeconds: number;
    minLocationFailed: number;
    renotifyMinutes?: number;
    subtype?: string;
}

/** A Datadog Cloud SIEM detection rule as lib/datadog/governance.ts models it. */
export interface DetectionRulePayload {
    condition: string;
    evaluationWindow: number;
    keepAlive: number;
    maxSignalDuration: number;
}

/** Sentry alerts as lib/sentry/model.ts models them. */
export interface IssueAlertPayload {
    id: string;
    conditions: Array<Record<string, string>>;
    frequencyMinutes: number;
    actions?: Array<{ kind: string }>;
}

export interface MetricAlertPayload {
    id: string;
    aggregate: string;
    timeWindowMinutes: number;
    thresholdType: 0 | 1;
    critical: number;
    /** Absent: critical only. */
    warning?: number;
    resolve: number;
    actions?: Array<{ kind: string }>;
    /** The warning trigger's actions. */
    warningActions?: Array<{ kind: string }>;
}

/** An AWS CloudWatch metric alarm. */
export interface CloudWatchAlarmPayload {
    metricName: string;
    namespace?: string;
    /** Average, Sum, Minimum, Maximum or SampleCount. */
    statistic: string;
    /** GreaterThanThreshold, GreaterThanOrEqualToThreshold, LessThanThreshold or LessThanOrEqualToThreshold. */
    comparisonOperator: string;
    threshold: number;
    period: number;
    evaluationPeriods: number;
    datapointsToAlarm?: number;
    /** missing (default), notBreaching, breaching or ignore. */
    treatMissingData?: string;
}

export type SimBinding =
    /** `sloId`: the SLO (spec id) of a burn-rate monitor; `sloTarget` its target in percent when known. */
    /** `parts`: the monitors a composite `monitor` combines with `&&` (a condition and its volume guard). */
    | { provider: "datadog-monitor"; monitor: MonitorPayload; sloId?: string; sloTarget?: number; parts?: MonitorPart[] }
    | { provider: "datadog-synthetic"; test: SyntheticPayload }
    | { provider: "datadog-detection-rule"; rule: DetectionRulePayload }
    | { provider: "sentry-issue"; projectSlug: string; alert: IssueAlertPayload }
    | { provider: "sentry-metric"; projectSlug: string; alert: MetricAlertPayload }
    | { provider: "cloudwatch-alarm"; alarm: CloudWatchAlarmPayload };

/** Whether a route pages (a high-urgency pager target). */
export const routePages = (r: SimRoute): boolean => r.pager !== undefined && r.pager.urgency !== "low";

export interface SimRoute {
    /** `urgency` absent: high (a page). */
    pager?: { service: string; urgency?: "high" | "low" };
    slackChannels: string[];
    emails: string[];
}

/** The fields of an `Alert` the simulator reads. */
export interface SimAlert {
    product: string;
    id: string;
    kind?: string;
    name?: string;
    severity: "P0" | "P1" | "P2" | "P3";
    category?: string;
    /** The plan section the alert implements (exemptions read the plan's own hold durations from it). */
    source?: string;
    route: SimRoute;
    /** Where the warning state goes when it differs from the alert's route (the alert model's `warningRoute`). */
    warningRoute?: SimRoute;
    renotifyMinutes?: number;
    binding: SimBinding;
}

export interface Transition {
    /** Seconds from the start of the simulation. */
    at: number;
    from: State;
    to: State;
    /** The evaluated value that caused it (null: no data). */
    value: number | null;
}

export interface Notification {
    at: number;
    state: State;
    reason: "trigger" | "renotify" | "recovery";
    /** Datadog-style handles reached: `@pagerduty-x`, `@slack-c`, `@email`. */
    handles: string[];
}

export interface EvaluateOptions {
    /** Simulation end in seconds; default: the end of the longest input. */
    end?: number;
    /** Seconds between evaluations of a monitor / alarm (Datadog and Sentry: 60). */
    evaluateEvery?: number;
    /** First evaluation time (default: one interval in); earlier data still fills the windows. */
    evaluateFrom?: number;
}

export type Inputs = Readonly<Record<string, Series>>;

/** What an evaluator computes: the state changes. Notifications follow from them and the alert's route. */
export interface AlertTimeline {
    transitions: Transition[];
    /** End of the simulated span (seconds). */
    end: number;
    /** Event-driven alerts (Sentry issue alerts) have no state to recover from. */
    stateless?: boolean;
    /** Where the evaluation approximates the provider, in words. */
    approximation?: string;
}

export interface AlertEvaluation {
    transitions: Transition[];
    notifications: Notification[];
    /** Timestamps of the PagerDuty incidents the alert opens (triggers while no incident of it is open). */
    pages: number[];
    /** Event-driven alerts (Sentry issue alerts) have no state to recover from. */
    stateless?: boolean;
    /** Where the evaluation approximates the provider, in words. */
    approximation?: string;
}
