/**
 * A whole monitor against its query: the options Datadog checks together with it. The critical threshold, when
 * given, equals the query's; warning and recovery thresholds sit on the safe side of the comparator; a service check
 * counts no more runs than it evaluates. One project rule on top: anomaly monitors set trigger and recovery windows,
 * the trigger window being the query's alert_window.
 */
import { anomalyAlertWindow } from "./metric";
import { validateQuery } from "./validate";

/** The parts of a monitor (as sent to Datadog) that must agree with its query. */
export interface MonitorShape {
    type: string;
    query: string;
    thresholds?: { critical?: string; warning?: string; criticalRecovery?: string; warningRecovery?: string; ok?: string };
    thresholdWindows?: { triggerWindow: string; recoveryWindow: string };
}

const ABOVE = new Set([">", ">="]);

export function validateMonitor(m: MonitorShape): string[] {
    const check = validateQuery(m.type, m.query);
    const errors = [...check.errors];
    const t = m.thresholds ?? {};
    if (check.form === "composite") {
        // A composite alerts on its expression; thresholds belong to the monitors it combines.
        if (t.critical !== undefined || t.warning !== undefined) errors.push("composite monitors take no thresholds");
        return errors;
    }
    if (check.form === "service-check") {
        // Each threshold counts consecutive runs of its own status (CRITICAL, WARNING, OK), so they are independent.
        const runs = check.runs;
        if (runs === undefined) return errors;
        for (const [name, v] of [
            ["critical", t.critical],
            ["warning", t.warning],
            ["ok", t.ok],
        ] as const) {
            if (v !== undefined && !(Number.isInteger(Number(v)) && Number(v) >= 1 && Number(v) <= runs))
                errors.push(`${name} ${v} must be a number of consecutive runs between 1 and the ${runs} evaluated`);
        }
        return errors;
    }
    const { comparator, threshold } = check;
    if (t.critical !== undefined && !Number.isFinite(Number(t.critical)))
        return [...errors, `critical threshold "${t.critical}" is not a number`];
    if (comparator === undefined || threshold === undefined) return errors; // reported by validateQuery
    if (t.critical !== undefined && threshold !== "threshold" && Number(threshold) !== Number(t.critical))
        errors.push(`critical threshold ${t.critical} differs from the query's ${threshold}`);
    // Without options.thresholds.critical Datadog takes the query's (its API accepts such monitors).
    const critical = Number(t.critical ?? threshold);
    const criticalName = `critical ${t.critical ?? threshold}`;
    if (comparator !== "==" && comparator !== "!=" && Number.isFinite(critical)) {
        const above = ABOVE.has(comparator);
        const safer = (name: string, v: string | undefined, than: number, thanName: string) => {
            if (v === undefined) return;
            const n = Number(v);
            if (!Number.isFinite(n)) errors.push(`${name} threshold "${v}" is not a number`);
            else if (!(above ? n < than : n > than))
                errors.push(`${name} ${v} must be ${above ? "below" : "above"} ${thanName} for a "${comparator}" alert`);
        };
        safer("warning", t.warning, critical, criticalName);
        safer("critical recovery", t.criticalRecovery, critical, criticalName);
        if (t.warning !== undefined) safer("warning recovery", t.warningRecovery, Number(t.warning), `warning ${t.warning}`);
    }
    if (check.form === "anomaly") {
        // The project's rule, not Datadog's (its API accepts an anomaly monitor without them): set the windows as
        // Datadog's UI does, so the trigger window is the query's alert_window.
        const alertWindow = anomalyAlertWindow(m.query);
        if (!m.thresholdWindows) errors.push("anomaly monitors need trigger and recovery windows");
        else if (alertWindow && m.thresholdWindows.triggerWindow !== alertWindow) {
            errors.push(`trigger window ${m.thresholdWindows.triggerWindow} must equal the query's alert_window ${alertWindow}`);
        }
    } else if (m.thresholdWindows) {
        errors.push("trigger and recovery windows apply to anomaly monitors only");
    }
    return errors;
}
