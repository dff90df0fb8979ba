/**
 * Monitor inputs in the form Datadog stores and returns them (pure), so a refresh after `pulumi up` shows no
 * perpetual diff. Each rule names the provider behaviour it avoids (terraform-provider-datadog, which
 * @pulumi/datadog wraps, `datadog/resource_datadog_monitor.go`).
 */
import type { MonitorModel, MonitorThresholds } from "./monitors";

/**
 * Names are stored trimmed by Datadog, and the provider keeps the configured name in state without trimming it
 * (only `message`, `escalation_message` and `query` have a TrimSpace StateFunc): " x" diffs on every preview.
 * Messages are trimmed too, so a trailing newline shows as a change in `pulumi preview` diffs of the inputs.
 */
export function datadogText(s: string): string {
    return s.trim();
}

/**
 * Thresholds are strings in the provider but float64 in the API (`json.Number(...).Float64()` in
 * buildMonitorStruct): "1.0", "0.50" or "1e3" come back as 1, 0.5 and 1000 and diff on every refresh. Send the
 * number's shortest decimal form, the one the API returns.
 */
export function datadogNumber(value: string | number): string {
    const n = typeof value === "number" ? value : Number(value);
    if (!Number.isFinite(n)) throw new Error(`"${value}" is not a number Datadog can store`);
    return String(n);
}

function thresholds(t: MonitorThresholds): MonitorThresholds {
    return Object.fromEntries(
        Object.entries(t).map(([k, v]) => [k, v === undefined ? v : datadogNumber(v)]),
    ) as unknown as MonitorThresholds;
}

/** A monitor model with every normalization rule applied. */
export function normalizedMonitor<M extends MonitorModel>(m: M): M {
    return { ...m, name: datadogText(m.name), message: datadogText(m.message), thresholds: thresholds(m.thresholds) };
}
