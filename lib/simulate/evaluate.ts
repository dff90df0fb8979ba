/**
 * One entry point: evaluate any alert of the stack against input series, whatever its provider. Evaluation is
 * two steps: the provider's state changes (`alertTimeline`, independent of who is notified, so identical
 * conditions can share it), then the notifications and pages of the alert's route (`notifyAlert`).
 */
import { evaluateComposite, evaluateMonitor } from "./datadog";
import { isPagerHandle, notificationsOf, routeHandles } from "./notify";
import {
    evaluateCloudWatchAlarm,
    evaluateDetectionRule,
    evaluateIssueAlert,
    evaluateSentryMetricAlert,
    evaluateSynthetic,
} from "./providers";
import type { AlertEvaluation, AlertTimeline, EvaluateOptions, Inputs, Notification, SimAlert, SimRoute } from "./types";

export function alertTimeline(alert: SimAlert, inputs: Inputs, opts: EvaluateOptions = {}): AlertTimeline {
    const b = alert.binding;
    switch (b.provider) {
        case "datadog-monitor":
            return b.parts?.length
                ? evaluateComposite(
                      b.parts.map((p) => evaluateMonitor(p, inputs, opts)),
                      opts,
                  )
                : evaluateMonitor(b.monitor, inputs, { ...opts, sloTarget: b.sloTarget });
        case "datadog-synthetic":
            return evaluateSynthetic(b.test, inputs, opts);
        case "datadog-detection-rule":
            return evaluateDetectionRule(b.rule, inputs, opts);
        case "sentry-issue":
            return evaluateIssueAlert(b.alert, inputs, opts);
        case "sentry-metric":
            return evaluateSentryMetricAlert(b.alert, inputs, opts);
        case "cloudwatch-alarm":
            return evaluateCloudWatchAlarm(b.alarm, inputs, opts);
    }
}

/** A Sentry alert reaches PagerDuty only through a PagerDuty action. */
function sentryRoute(route: SimRoute, actions: ReadonlyArray<{ kind: string }> | undefined): SimRoute {
    return actions && !actions.some((a) => a.kind === "pagerduty") ? { ...route, pager: undefined } : route;
}

/**
 * A message template routing each state like the alert model does: the alert's route for alerts and no data, the
 * warning route for warnings, recoveries to the route that was notified. Undefined when one route serves all.
 */
function stateMessage(route: SimRoute, warningRoute: SimRoute | undefined): string | undefined {
    if (!warningRoute) return undefined;
    const a = routeHandles(route).join(" ");
    const w = routeHandles(warningRoute).join(" ");
    return (
        `{{#is_alert}}${a}{{/is_alert}}{{#is_no_data}}${a}{{/is_no_data}}{{#is_warning}}${w}{{/is_warning}}` +
        `{{#is_alert_recovery}}${a}{{/is_alert_recovery}}{{#is_warning_recovery}}${w}{{/is_warning_recovery}}`
    );
}

/** Each opening (a detection rule's signal, a Sentry issue alert firing) notifies the route once. */
function openings(t: AlertTimeline, route: SimRoute): Pick<AlertEvaluation, "notifications" | "pages"> {
    const notifications: Notification[] = t.transitions
        .filter((tr) => tr.to === "ALERT")
        .map((tr) => ({ at: tr.at, state: "ALERT", reason: "trigger", handles: routeHandles(route) }));
    return { notifications, pages: notifications.filter((n) => n.handles.some(isPagerHandle)).map((n) => n.at) };
}

export function notifyAlert(alert: SimAlert, t: AlertTimeline): AlertEvaluation {
    const b = alert.binding;
    const base = {
        transitions: t.transitions,
        ...(t.stateless ? { stateless: true } : {}),
        ...(t.approximation ? { approximation: t.approximation } : {}),
    };
    switch (b.provider) {
        case "datadog-monitor": {
            const m = b.monitor;
            return {
                ...base,
                ...notificationsOf(t.transitions, {
                    route: alert.route,
                    message: m.message,
                    renotifyMinutes: m.renotifyIntervalMinutes,
                    renotifyStatuses: m.renotifyStatuses,
                    notifyNoData: m.notifyNoData || m.onMissingData === "show_and_notify_no_data",
                    end: t.end,
                }),
            };
        }
        case "datadog-synthetic":
            return {
                ...base,
                ...notificationsOf(t.transitions, {
                    route: alert.route,
                    message: stateMessage(alert.route, alert.warningRoute),
                    renotifyMinutes: b.test.renotifyMinutes,
                    notifyNoData: false,
                    end: t.end,
                }),
            };
        case "datadog-detection-rule":
            return { ...base, ...openings(t, alert.route) };
        case "sentry-issue":
            return { ...base, ...openings(t, sentryRoute(alert.route, b.alert.actions)) };
        case "sentry-metric": {
            const route = sentryRoute(alert.route, b.alert.actions);
            const warning = alert.warningRoute && sentryRoute(alert.warningRoute, b.alert.warningActions ?? b.alert.actions);
            return {
                ...base,
                ...notificationsOf(t.transitions, { route, message: stateMessage(route, warning), notifyNoData: false, end: t.end }),
            };
        }
        case "cloudwatch-alarm":
            return {
                ...base,
                ...notificationsOf(t.transitions, {
                    route: alert.route,
                    message: stateMessage(alert.route, alert.warningRoute),
                    notifyNoData: false,
                    end: t.end,
                }),
            };
    }
}

export function evaluateAlert(alert: SimAlert, inputs: Inputs, opts: EvaluateOptions = {}): AlertEvaluation {
    return notifyAlert(alert, alertTimeline(alert, inputs, opts));
}
