/**
 * Evaluation of the alerts that are not Datadog monitors: synthetic tests (tick, retries, minimum failure
 * duration, minimum failing locations), Cloud SIEM detection rules (window, keep-alive), Sentry issue alerts
 * (first seen, regression, event frequency with the action interval) and metric alerts (time window,
 * critical / warning / resolve), CloudWatch alarms (period, M of N datapoints, missing data treatment).
 */
import { Indexed } from "./datadog";
import { firstEvaluation, Timeline } from "./notify";
import { seriesEnd } from "./series";
import type {
    AlertTimeline,
    CloudWatchAlarmPayload,
    DetectionRulePayload,
    EvaluateOptions,
    Inputs,
    IssueAlertPayload,
    MetricAlertPayload,
    State,
    SyntheticPayload,
} from "./types";

function need(inputs: Inputs, key: string): Indexed {
    const s = inputs[key];
    if (!s) throw new Error(`no input series "${key}" (inputs: ${Object.keys(inputs).join(", ") || "none"})`);
    return new Indexed(s);
}

/**
 * Synthetic test: every `tickEvery` each location runs; a failed run is retried `retry.count` times
 * `retry.intervalMs` apart and fails only if every attempt fails. The test alerts once at least
 * `minLocationFailed` locations' latest results fail and have done so for `minFailureDurationSeconds`; it
 * recovers when fewer locations fail. Inputs: one series per location name, 1 = the endpoint works, 0 = it fails.
 */
export function evaluateSynthetic(test: SyntheticPayload, inputs: Inputs, opts: EvaluateOptions = {}): AlertTimeline {
    const end = opts.end ?? seriesEnd(inputs);
    const up = test.locations.map((l) => need(inputs, l));
    const works = (s: Indexed, t: number) => s.at(t) !== 0;
    const interval = test.retry.intervalMs / 1000;
    const results: Array<{ at: number; location: number; fail: boolean }> = [];
    for (let tick = 0; tick < end; tick += test.tickEvery) {
        up.forEach((s, location) => {
            let at = tick;
            let fail = !works(s, at);
            for (let r = 0; fail && r < test.retry.count; r++) {
                at += interval;
                fail = !works(s, at);
            }
            if (at < end) results.push({ at, location, fail });
        });
    }
    results.sort((a, b) => a.at - b.at || a.location - b.location);
    const latest = new Array<boolean>(up.length).fill(false);
    const timeline = new Timeline();
    let failingSince: number | undefined;
    for (const r of results) {
        latest[r.location] = r.fail;
        const failing = latest.filter(Boolean).length;
        if (failing >= test.minLocationFailed) {
            failingSince ??= r.at;
            if (r.at - failingSince >= test.minFailureDurationSeconds) timeline.set(r.at, "ALERT", failing);
        } else {
            failingSince = undefined;
            timeline.set(r.at, "OK", failing);
        }
    }
    return { transitions: timeline.transitions, end };
}

/**
 * Detection rule: a signal opens when more than the condition's count of matching logs (input `logs`) fall in
 * the evaluation window, and stays open (no new notification) while the case keeps matching within `keepAlive`,
 * at most `maxSignalDuration`. Signals notify when they open; closing is shown as OK.
 */
export function evaluateDetectionRule(rule: DetectionRulePayload, inputs: Inputs, opts: EvaluateOptions = {}): AlertTimeline {
    const end = opts.end ?? seriesEnd(inputs);
    const every = opts.evaluateEvery ?? 60;
    const threshold = Number(/>\s*(\d+(?:\.\d+)?)/.exec(rule.condition)?.[1] ?? NaN);
    if (Number.isNaN(threshold)) throw new Error(`detection rule condition "${rule.condition}" is not of the form a > N`);
    const logs = need(inputs, "logs");
    const timeline = new Timeline();
    let openedAt = 0;
    let lastMatch = 0;
    for (let t = firstEvaluation(opts, every); t <= end; t += every) {
        const count = logs.aggregate("sum", t - Math.max(rule.evaluationWindow, every), t) ?? 0;
        // The signal is kept alive by the rule's case still matching, not by any log matching the search.
        if (count > threshold) lastMatch = t;
        if (timeline.state === "ALERT") {
            if (t - lastMatch >= rule.keepAlive || t - openedAt >= rule.maxSignalDuration) timeline.set(t, "OK", count);
        } else if (count > threshold) {
            openedAt = t;
            timeline.set(t, "ALERT", count);
        }
    }
    return { transitions: timeline.transitions, end };
}

/**
 * Sentry issue alert (event-driven, no state): first seen fires on each new issue (input `sentry.newIssues`,
 * new issues per step), regression on each regressed issue (`sentry.regressions`), event frequency when the
 * issue's events (`sentry.events`) in the condition's interval exceed its value. After firing for an issue the
 * rule stays quiet for `frequencyMinutes` (Sentry's action interval).
 */
export function evaluateIssueAlert(alert: IssueAlertPayload, inputs: Inputs, opts: EvaluateOptions = {}): AlertTimeline {
    const end = opts.end ?? seriesEnd(inputs);
    const every = opts.evaluateEvery ?? 60;
    const fires: number[] = [];
    let quietUntil = -Infinity;
    const cond = alert.conditions[0] ?? {};
    const id = cond.id ?? "";
    const series = id.includes("FirstSeen") ? "sentry.newIssues" : id.includes("Regression") ? "sentry.regressions" : "sentry.events";
    const s = inputs[series] ? need(inputs, series) : undefined;
    const interval = id.includes("EventFrequency") ? windowOf(cond.interval ?? "1h") : every;
    const limit = id.includes("EventFrequency") ? Number(cond.value ?? 0) : 0;
    for (let t = firstEvaluation(opts, every); s && t <= end; t += every) {
        const count = s.aggregate("sum", t - interval, t) ?? 0;
        // First-seen and regression fire once per new issue, regardless of the action interval of another issue.
        const fresh = id.includes("EventFrequency") ? count > limit && t >= quietUntil : (s.aggregate("sum", t - every, t) ?? 0) > 0;
        if (!fresh) continue;
        fires.push(t);
        quietUntil = t + alert.frequencyMinutes * 60;
    }
    const transitions = fires.flatMap((at) => [
        { at, from: "OK" as State, to: "ALERT" as State, value: null },
        { at, from: "ALERT" as State, to: "OK" as State, value: null },
    ]);
    return { transitions, end, stateless: true };
}

function windowOf(text: string): number {
    const m = /^(\d+)([mhd])$/.exec(text);
    return m ? Number(m[1]) * { m: 60, h: 3600, d: 86400 }[m[2] as "m" | "h" | "d"] : 3600;
}

/**
 * Sentry metric alert: the aggregate over the last `timeWindowMinutes`, evaluated every minute. Transactions'
 * `failure_rate()` reads `sentry.failed` / `sentry.total` (a fraction); the crash rate `sentry.crashed` /
 * `sentry.sessions` (percent). Above `critical` CRITICAL, above `warning` WARNING; a triggered alert resolves
 * only below `resolve`. No events in the window: the state is kept.
 */
export function evaluateSentryMetricAlert(alert: MetricAlertPayload, inputs: Inputs, opts: EvaluateOptions = {}): AlertTimeline {
    const end = opts.end ?? seriesEnd(inputs);
    const every = opts.evaluateEvery ?? 60;
    const crash = alert.aggregate.includes("sessions");
    const num = need(inputs, crash ? "sentry.crashed" : "sentry.failed");
    const den = need(inputs, crash ? "sentry.sessions" : "sentry.total");
    const above = alert.thresholdType === 0;
    const over = (v: number, x: number) => (above ? v > x : v < x);
    const timeline = new Timeline();
    const w = alert.timeWindowMinutes * 60;
    for (let t = firstEvaluation(opts, every); t <= end; t += every) {
        const total = den.aggregate("sum", t - w, t);
        if (!total) continue;
        const v = ((num.aggregate("sum", t - w, t) ?? 0) / total) * (crash ? 100 : 1);
        const resolved = above ? v < alert.resolve : v > alert.resolve;
        // Between the thresholds an alert without a warning trigger stays critical until it resolves.
        const held: State = alert.warning === undefined ? "ALERT" : "WARN";
        const next: State = over(v, alert.critical)
            ? "ALERT"
            : alert.warning !== undefined && over(v, alert.warning)
              ? "WARN"
              : timeline.state !== "OK" && !resolved
                ? timeline.state === "ALERT"
                    ? held
                    : "WARN"
                : "OK";
        timeline.set(t, next, v);
    }
    return { transitions: timeline.transitions, end };
}

const CW_COMPARE: Record<string, (v: number, x: number) => boolean> = {
    GreaterThanThreshold: (v, x) => v > x,
    GreaterThanOrEqualToThreshold: (v, x) => v >= x,
    LessThanThreshold: (v, x) => v < x,
    LessThanOrEqualToThreshold: (v, x) => v <= x,
};

/**
 * CloudWatch alarm: a datapoint per `period` (the statistic of the input `metricName` over it); ALARM when at
 * least `datapointsToAlarm` (default: all) of the last `evaluationPeriods` breach, OK otherwise; missing
 * datapoints count as `treatMissingData` says (`missing`: INSUFFICIENT_DATA, shown as NO DATA, when all are missing).
 */
export function evaluateCloudWatchAlarm(alarm: CloudWatchAlarmPayload, inputs: Inputs, opts: EvaluateOptions = {}): AlertTimeline {
    const end = opts.end ?? seriesEnd(inputs);
    const s = need(inputs, alarm.metricName);
    const m = alarm.evaluationPeriods;
    const n = alarm.datapointsToAlarm ?? m;
    const treat = alarm.treatMissingData ?? "missing";
    const breach = CW_COMPARE[alarm.comparisonOperator];
    if (!breach) throw new Error(`comparisonOperator "${alarm.comparisonOperator}" is not one CloudWatch alarms on a static threshold use`);
    if (!["Average", "Sum", "Minimum", "Maximum", "SampleCount"].includes(alarm.statistic))
        throw new Error(`statistic "${alarm.statistic}" is not a CloudWatch statistic`);
    const stat = (from: number, to: number): number | null => {
        switch (alarm.statistic) {
            case "Average":
                return s.aggregate("avg", from, to);
            case "Sum":
                return s.aggregate("sum", from, to);
            case "Minimum":
                return s.aggregate("min", from, to);
            case "Maximum":
                return s.aggregate("max", from, to);
            default:
                return s.valuesIn(from, to).length || null;
        }
    };
    const timeline = new Timeline();
    const points: Array<boolean | null> = [];
    for (let t = alarm.period; t <= end; t += alarm.period) {
        const v = stat(t - alarm.period, t);
        points.push(v === null ? (treat === "breaching" ? true : treat === "notBreaching" ? false : null) : breach(v, alarm.threshold));
        const last = points.slice(-m);
        const present = last.filter((p): p is boolean => p !== null);
        if (present.length === 0) {
            if (treat === "missing") timeline.set(t, "NO DATA", null);
            continue;
        }
        timeline.set(t, present.filter(Boolean).length >= n ? "ALERT" : "OK", v);
    }
    return { transitions: timeline.transitions, end };
}
