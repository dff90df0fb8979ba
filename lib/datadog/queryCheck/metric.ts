/**
 * Metric monitors (`metric alert`, `query alert`): `<time_aggr>(<window>):<expression> <comparator> <threshold>`,
 * change alerts `change|pct_change(<time_aggr>(<window>),<shift>):…`, percentile alerts, and the whole-query
 * algorithms anomalies(), outliers() and forecast(). Limits from Datadog's API reference (Monitors, "Metric Alert
 * Query"): rolling windows up to one week (last_10080m / last_168h / last_7d / last_1w), change-alert windows up to two
 * days, shifts of 5, 10, 15 or 30 minutes, 1, 2 or 4 hours, or 1 day.
 */
import { checkMetricExpression, metricsOf, Node, parseAlgorithm } from "./expression";
import { Comparison, describeMinutes, durationMinutes } from "./syntax";

export const MAX_METRIC_WINDOW_MINUTES = 10080;
const MAX_CHANGE_WINDOW_MINUTES = 2880;
const CHANGE_SHIFTS = ["5m", "10m", "15m", "30m", "1h", "2h", "4h", "1d"];
const CUMULATIVE = ["current_1h", "current_1d", "current_1w", "current_1mo"];
const TIME_AGGREGATORS = ["avg", "sum", "min", "max"];

export type MetricForm = "metric" | "percentile" | "change" | "anomaly" | "outlier" | "forecast";

/** Minutes of a `last_<n><m|h|d|w>` window, or undefined when it is not one. */
export function windowMinutes(w: string): number | undefined {
    const m = /^last_(\d+(m|h|d|w))$/.exec(w);
    return m ? durationMinutes(m[1], ["m", "h", "d", "w"]) : undefined;
}

/** Splits `head:rest` at the first colon outside parentheses. */
function splitHead(q: string): [string, string] | undefined {
    let depth = 0;
    for (let i = 0; i < q.length; i++) {
        if (q[i] === "(") depth++;
        else if (q[i] === ")") depth--;
        else if (q[i] === ":" && depth === 0) return [q.slice(0, i).trim(), q.slice(i + 1).trim()];
    }
    return undefined;
}

function checkRollingWindow(w: string, max: number, errors: string[], what = "window"): number | undefined {
    const minutes = windowMinutes(w);
    if (minutes === undefined) {
        errors.push(`invalid ${what} "${w}" (last_<n> with m, h, d or w)`);
        return undefined;
    }
    if (minutes > max) errors.push(`${what} ${w} exceeds the ${describeMinutes(max)} maximum`);
    return minutes;
}

/** `agg(window)`: returns the window's minutes when it is a rolling one. */
function checkEvaluation(head: string, errors: string[], opts: { forecast?: boolean } = {}): number | undefined {
    const m = /^(\w+)\(\s*(\w+)\s*\)$/.exec(head);
    if (!m) {
        errors.push(`evaluation "${head}" must be <avg|sum|min|max>(last_<n><m|h|d|w>)`);
        return undefined;
    }
    if (!TIME_AGGREGATORS.includes(m[1])) errors.push(`unknown time aggregator "${m[1]}" (${TIME_AGGREGATORS.join(", ")})`);
    const w = m[2];
    if (opts.forecast) {
        if (!/^next_\d+(m|h|d|w|mo)$/.test(w)) errors.push(`forecast evaluation window "${w}" must be next_<n><m|h|d|w|mo>`);
        return undefined;
    }
    if (w.startsWith("current_")) {
        if (!CUMULATIVE.includes(w)) errors.push(`invalid cumulative window "${w}" (${CUMULATIVE.join(", ")})`);
        return undefined;
    }
    return checkRollingWindow(w, MAX_METRIC_WINDOW_MINUTES, errors);
}

const text = (n: Node | undefined): string | undefined =>
    n?.kind === "str" ? n.value : n?.kind === "num" ? String(n.value) : n?.kind === "var" ? n.name : undefined;

function namedOptions(fn: string, args: Node[], allowed: Record<string, RegExp>, errors: string[]): Record<string, string> {
    const named: Record<string, string> = {};
    for (const a of args) {
        if (a.kind !== "named") {
            errors.push(`${fn}(): unexpected positional argument after the options`);
            continue;
        }
        const v = text(a.value) ?? "";
        const shown = a.value.kind === "str" ? `'${v}'` : v;
        if (!(a.name in allowed)) {
            errors.push(`unknown ${fn}() option "${a.name}=${shown}"`);
            continue;
        }
        if (!allowed[a.name].test(v)) errors.push(`invalid ${fn}() option ${a.name}=${shown}`);
        named[a.name] = v;
    }
    return named;
}

const ANOMALY_OPTIONS: Record<string, RegExp> = {
    direction: /^(above|below|both)$/,
    alert_window: /^last_\d+(m|h|d|w)$/,
    interval: /^\d+$/,
    count_default_zero: /^(true|false)$/,
    seasonality: /^(hourly|daily|weekly)$/,
    timezone: /^[A-Za-z_/+-]+$/,
};

const FORECAST_OPTIONS: Record<string, RegExp> = {
    interval: /^\d+(m|h)$/,
    history: /^\d+(d|w|mo)$/,
    model: /^(default|simple|reactive)$/,
    seasonality: /^(hourly|daily|weekly)$/,
    timezone: /^[A-Za-z_/+-]+$/,
    count_default_zero: /^(true|false)$/,
};

/** The alert window of an anomaly query (`alert_window='last_15m'`), if it names one. */
export function anomalyAlertWindow(query: string): string | undefined {
    return /alert_window\s*=\s*'(last_\w+)'/.exec(query)?.[1];
}

function checkQueryArg(fn: string, arg: Node | undefined, errors: string[]): void {
    if (!arg || metricsOf(arg).length === 0) errors.push(`${fn}(): the first argument must be a metric query`);
}

/**
 * `anomalies(<query>, 'basic'|'agile'|'robust', <deviations>[, direction=, alert_window=, interval=,
 * count_default_zero=, seasonality=, timezone=]) >= <fraction>`, the form of Datadog's anomaly monitor API docs.
 */
function checkAnomaly(head: string, queryMinutes: number | undefined, args: Node[], cmp: Comparison, errors: string[]): void {
    const [query, algorithm, deviations, ...options] = args;
    checkQueryArg("anomalies", query, errors);
    const alg = algorithm?.kind === "str" ? algorithm.value : undefined;
    if (!alg || !["basic", "agile", "robust"].includes(alg) || deviations?.kind !== "num") {
        errors.push("anomalies() needs (<query>, 'basic'|'agile'|'robust', <deviations>)");
        return;
    }
    const named = namedOptions("anomalies", options, ANOMALY_OPTIONS, errors);
    if (named.seasonality && alg === "basic") errors.push("the basic algorithm takes no seasonality");
    const alertMinutes = named.alert_window ? windowMinutes(named.alert_window) : undefined;
    if (alertMinutes !== undefined && queryMinutes !== undefined && queryMinutes < alertMinutes) {
        errors.push(`query window ${head} is shorter than alert_window ${named.alert_window}`);
    }
    if (alertMinutes !== undefined && named.interval !== undefined && Number(named.interval) > (alertMinutes * 60) / 5) {
        errors.push(`interval=${named.interval} exceeds a fifth of alert_window ${named.alert_window} (${(alertMinutes * 60) / 5} s)`);
    }
    // The threshold is the fraction of anomalous points in the alert window.
    if (cmp.comparator !== undefined && cmp.comparator !== ">=") errors.push(`anomaly alerts compare with >=, not ${cmp.comparator}`);
    if (cmp.threshold !== undefined && !(Number(cmp.threshold) > 0 && Number(cmp.threshold) <= 1))
        errors.push(`anomaly threshold ${cmp.threshold} must be a fraction in (0, 1]`);
}

/** `outliers(<query by {group}>, 'dbscan'|'scaledbscan'|'mad'|'scaledmad', <tolerance>[, <percent>])`. */
function checkOutliers(args: Node[], errors: string[]): void {
    const [query, algorithm, tolerance, pct, ...rest] = args;
    checkQueryArg("outliers", query, errors);
    if (query && metricsOf(query).every((m) => !m.groups?.length)) errors.push("outliers() compares groups: its query needs a by {…}");
    const alg = algorithm?.kind === "str" ? algorithm.value.toLowerCase() : undefined;
    if (!alg || !["dbscan", "scaledbscan", "mad", "scaledmad"].includes(alg))
        errors.push(
            `outliers(): algorithm ${algorithm?.kind === "str" ? `'${algorithm.value}'` : "(missing)"} must be 'dbscan', 'scaledbscan', 'mad' or 'scaledmad'`,
        );
    if (tolerance?.kind !== "num") errors.push("outliers(): the tolerance must be a number");
    if (pct !== undefined && pct.kind !== "num") errors.push("outliers(): the percentage must be a number");
    if (rest.length) errors.push(`outliers() takes at most 4 arguments, got ${args.length}`);
}

/** `forecast(<query>, 'linear'|'seasonal', <deviations>[, interval=, history=, model=, seasonality=, timezone=])`. */
function checkForecast(args: Node[], errors: string[]): void {
    const [query, algorithm, deviations, ...options] = args;
    checkQueryArg("forecast", query, errors);
    const alg = algorithm?.kind === "str" ? algorithm.value : undefined;
    if (!alg || !["linear", "seasonal"].includes(alg) || deviations?.kind !== "num") {
        errors.push("forecast() needs (<query>, 'linear'|'seasonal', <deviations>)");
        return;
    }
    const named = namedOptions("forecast", options, FORECAST_OPTIONS, errors);
    if (named.model && alg !== "linear") errors.push("only the linear forecast takes a model");
    if (named.seasonality && alg !== "seasonal") errors.push("only the seasonal forecast takes a seasonality");
}

/** Checks a metric monitor's left-hand side (everything before the comparator). */
export function checkMetricMonitor(lhs: string, cmp: Comparison, errors: string[]): MetricForm {
    const parts = splitHead(lhs);
    if (!parts) {
        errors.push("missing evaluation prefix such as avg(last_5m):");
        return "metric";
    }
    const [head, body] = parts;
    if (!head.includes("(")) {
        errors.push(`missing evaluation prefix such as avg(last_5m): before ${head}:…`);
        return "metric";
    }
    const percentile = /^percentile\(\s*(\w+)\s*\)$/.exec(head);
    if (percentile) {
        checkRollingWindow(percentile[1], MAX_METRIC_WINDOW_MINUTES, errors);
        const node = checkMetricExpression(body, errors);
        if (node && metricsOf(node).some((m) => !/^p\d/.test(m.aggregator ?? "")))
            errors.push("a percentile(…) evaluation needs percentile aggregators (p50:, p95:, p99: …) on its metrics");
        return "percentile";
    }
    const change = /^(pct_change|change)\((.*),\s*(\w+)\s*\)$/.exec(head);
    if (change) {
        const inner = /^\s*(\w+)\(\s*(\w+)\s*\)\s*$/.exec(change[2]);
        if (!inner) errors.push(`change evaluation "${change[2]}" must be <avg|sum|min|max>(last_<n>)`);
        else {
            if (!TIME_AGGREGATORS.includes(inner[1])) errors.push(`unknown time aggregator "${inner[1]}" (${TIME_AGGREGATORS.join(", ")})`);
            checkRollingWindow(inner[2], MAX_CHANGE_WINDOW_MINUTES, errors);
        }
        const shift = change[3];
        const ago = /^(\w+)_ago$/.exec(shift);
        if (ago ? !CHANGE_SHIFTS.includes(ago[1]) : windowMinutes(shift) === undefined) {
            errors.push(`invalid comparison window "${shift}" (${CHANGE_SHIFTS.map((s) => `${s}_ago`).join(", ")}, or last_<n>)`);
        } else if (!ago) checkRollingWindow(shift, MAX_CHANGE_WINDOW_MINUTES, errors, "comparison window");
        checkMetricExpression(body, errors);
        return "change";
    }
    const algorithm = /^(anomalies|outliers|forecast)\s*\(/.exec(body)?.[1];
    if (algorithm) {
        const minutes = checkEvaluation(head, errors, { forecast: algorithm === "forecast" });
        const call = parseAlgorithm(body, "metric", errors);
        if (!call) return algorithm === "anomalies" ? "anomaly" : algorithm === "outliers" ? "outlier" : "forecast";
        if (algorithm === "anomalies") {
            checkAnomaly(head, minutes, call.args, cmp, errors);
            return "anomaly";
        }
        if (algorithm === "outliers") {
            checkOutliers(call.args, errors);
            return "outlier";
        }
        checkForecast(call.args, errors);
        return "forecast";
    }
    if (/^\w+\(\s*next_/.test(head)) errors.push("next_<n> windows are for forecast() queries only");
    else checkEvaluation(head, errors);
    checkMetricExpression(body, errors);
    return "metric";
}
