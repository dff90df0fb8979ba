/** One entry point: evaluate any alert of the stack against input series, whatever its provider. */
import { evaluateMonitor } from "./datadog";
import { evaluateCloudWatchAlarm, evaluateDetectionRule, evaluateIssueAlert, evaluateSentryMetricAlert, evaluateSynthetic } from "./providers";
import type { AlertEvaluation, EvaluateOptions, Inputs, SimAlert } from "./types";

export function evaluateAlert(alert: SimAlert, inputs: Inputs, opts: EvaluateOptions = {}): AlertEvaluation {
    const b = alert.binding;
    switch (b.provider) {
        case "datadog-monitor":
            return evaluateMonitor(b.monitor, inputs, { ...opts, route: alert.route, sloTarget: b.sloTarget });
        case "datadog-synthetic":
            return evaluateSynthetic(b.test, inputs, alert.route, opts);
        case "datadog-detection-rule":
            return evaluateDetectionRule(b.rule, inputs, alert.route, opts);
        case "sentry-issue":
            return evaluateIssueAlert(b.alert, inputs, alert.route, opts);
        case "sentry-metric":
            return evaluateSentryMetricAlert(b.alert, inputs, alert.route, opts);
        case "cloudwatch-alarm":
            return evaluateCloudWatchAlarm(b.alarm, inputs, alert.route, opts);
    }
}
