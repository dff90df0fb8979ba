/**
 * Datadog monitor evaluation: every minute, the query's value over its window (shifted back by the evaluation
 * delay) against the thresholds, with recovery thresholds, missing-data policy, `require_full_window` and
 * `new_group_delay`. One group per monitor is simulated: a scenario's series are that group's.
 */
import type { Comparator } from "../inputs/catalog/schema";
import { breaches, DatadogQuery, Expr, metricTerms, parseMonitorQuery, TimeAggregation } from "./datadogQuery";
import { firstEvaluation, Timeline } from "./notify";
import { Series, seriesEnd } from "./series";
import type { AlertTimeline, EvaluateOptions, Inputs, MonitorPayload, State } from "./types";

/** A series with prefix sums, so that sums and averages over any window cost O(1). */
export class Indexed {
    readonly start: number;
    readonly step: number;
    readonly values: ReadonlyArray<number | null>;
    private readonly sums: Float64Array;
    private readonly counts: Int32Array;
    private readonly squares: Float64Array;
    constructor(s: Series, convert: (v: number) => number = (v) => v) {
        this.start = s.start ?? 0;
        this.step = s.step;
        this.values = s.values.map((v) => (v === null ? null : convert(v)));
        this.sums = new Float64Array(this.values.length + 1);
        this.counts = new Int32Array(this.values.length + 1);
        this.squares = new Float64Array(this.values.length + 1);
        for (let i = 0; i < this.values.length; i++) {
            const v = this.values[i];
            this.sums[i + 1] = this.sums[i] + (v ?? 0);
            this.squares[i + 1] = this.squares[i] + (v ?? 0) * (v ?? 0);
            this.counts[i + 1] = this.counts[i] + (v === null ? 0 : 1);
        }
    }
    /** Index range of the points with from <= t < to. */
    range(from: number, to: number): [number, number] {
        const n = this.values.length;
        const a = Math.ceil((from - this.start) / this.step - 1e-9);
        const b = Math.ceil((to - this.start) / this.step - 1e-9);
        return [a < 0 ? 0 : a > n ? n : a, b < 0 ? 0 : b > n ? n : b];
    }
    at(t: number): number | null {
        const i = Math.floor((t - this.start) / this.step + 1e-9);
        return i >= 0 && i < this.values.length ? this.values[i] : null;
    }
    /** Time aggregation over [from, to); null when no point (or, with zeroFill, no slot) is in the window. */
    aggregate(agg: TimeAggregation, from: number, to: number, zeroFill = false): number | null {
        const [a, b] = this.range(from, to);
        const slots = Math.max(0, Math.round((to - from) / this.step));
        const count = this.counts[b] - this.counts[a];
        const sum = this.sums[b] - this.sums[a];
        if (count === 0 && !(zeroFill && slots > 0)) return null;
        switch (agg) {
            case "sum":
                return sum;
            case "avg":
                return sum / (zeroFill ? Math.max(slots, count) : count);
            case "min":
            case "max": {
                let out: number | null = zeroFill && count < slots ? 0 : null;
                for (let i = a; i < b; i++) {
                    const v = this.values[i];
                    if (v === null) continue;
                    out = out === null ? v : agg === "min" ? Math.min(out, v) : Math.max(out, v);
                }
                return out;
            }
        }
    }
    /** Whether every slot of [from, to) has a point (require_full_window). */
    full(from: number, to: number): boolean {
        if (from < this.start) return false;
        const [a, b] = this.range(from, to);
        return b - a >= Math.round((to - from) / this.step) && this.counts[b] - this.counts[a] === b - a;
    }
    valuesIn(from: number, to: number): number[] {
        const [a, b] = this.range(from, to);
        const out: number[] = [];
        for (let i = a; i < b; i++) {
            const v = this.values[i];
            if (v !== null) out.push(v);
        }
        return out;
    }
    /** Mean and population standard deviation of the points in [from, to), from prefix sums. */
    stats(from: number, to: number): { n: number; mean: number; std: number } {
        const [a, b] = this.range(from, to);
        const n = this.counts[b] - this.counts[a];
        if (n === 0) return { n, mean: 0, std: 0 };
        const mean = (this.sums[b] - this.sums[a]) / n;
        const variance = (this.squares[b] - this.squares[a]) / n - mean * mean;
        return { n, mean, std: Math.sqrt(Math.max(0, variance)) };
    }
}

const combine = (o: "+" | "-" | "*" | "/", l: number | null, r: number | null): number | null => {
    if (l === null || r === null) return null;
    switch (o) {
        case "+":
            return l + r;
        case "-":
            return l - r;
        case "*":
            return l * r;
        case "/":
            return r === 0 ? null : l / r;
    }
};

function need(inputs: Inputs, key: string): Series {
    const s = inputs[key];
    if (!s) throw new Error(`no input series "${key}" (inputs: ${Object.keys(inputs).join(", ") || "none"})`);
    return s;
}

/** `.as_count()` turns a rate (per second) into events per step; `.as_rate()` a count into per second. */
function termSeries(inputs: Inputs, t: Extract<Expr, { op: "metric" }>): Indexed {
    const s = need(inputs, t.key);
    const type = s.type ?? "gauge";
    if (t.asCount && type === "rate") return new Indexed(s, (v) => v * s.step);
    if (t.asRate && type === "count") return new Indexed(s, (v) => v / s.step);
    return new Indexed(s);
}

/**
 * A metric expression over time. With `.as_count()` terms Datadog applies the time aggregation to each term
 * before the arithmetic (sum(errors) / sum(hits)); otherwise the arithmetic is done point by point and the
 * result aggregated.
 */
export class MetricExpression {
    private readonly terms = new Map<string, Indexed>();
    private readonly aggregateFirst: boolean;
    private derived?: Indexed;
    private readonly rates = new Map<Expr, Indexed>();
    constructor(
        private readonly expr: Expr,
        inputs: Inputs,
    ) {
        for (const t of metricTerms(expr)) this.terms.set(t.key, termSeries(inputs, t));
        this.aggregateFirst = metricTerms(expr).some((t) => t.asCount);
    }
    private term(key: string): Indexed {
        return this.terms.get(key)!;
    }
    /** per_second(arg): the point-by-point difference of arg on its grid, per second; a drop (counter reset) is 0. */
    private rateOf(e: Extract<Expr, { op: "per_second" }>): Indexed {
        let r = this.rates.get(e);
        if (!r) {
            const grid = [...this.terms.values()][0];
            const at = (i: number) => this.pointExpr(e.arg, grid.start + i * grid.step, false);
            const values = grid.values.map((_, i) => {
                const [prev, cur] = [i > 0 ? at(i - 1) : null, at(i)];
                return prev === null || cur === null ? null : Math.max(0, cur - prev) / grid.step;
            });
            r = new Indexed({ values, step: grid.step, start: grid.start });
            this.rates.set(e, r);
        }
        return r;
    }
    private aggregateExpr(e: Expr, agg: TimeAggregation, from: number, to: number, zeroFill: boolean): number | null {
        switch (e.op) {
            case "num":
                return e.value;
            case "metric":
                return this.term(e.key).aggregate(agg, from, to, zeroFill);
            case "default_zero":
                return this.aggregateExpr(e.arg, agg, from, to, true) ?? 0;
            case "clamp_min": {
                const v = this.aggregateExpr(e.arg, agg, from, to, zeroFill);
                return v === null ? null : Math.max(v, e.min);
            }
            case "per_second":
                return this.rateOf(e).aggregate(agg, from, to, zeroFill);
            case "bin":
                return combine(e.o, this.aggregateExpr(e.l, agg, from, to, zeroFill), this.aggregateExpr(e.r, agg, from, to, zeroFill));
        }
    }
    private pointExpr(e: Expr, t: number, zeroFill: boolean): number | null {
        switch (e.op) {
            case "num":
                return e.value;
            case "metric":
                return this.term(e.key).at(t) ?? (zeroFill ? 0 : null);
            case "default_zero":
                return this.pointExpr(e.arg, t, true) ?? 0;
            case "clamp_min": {
                const v = this.pointExpr(e.arg, t, zeroFill);
                return v === null ? null : Math.max(v, e.min);
            }
            case "per_second":
                return this.rateOf(e).at(t) ?? (zeroFill ? 0 : null);
            case "bin":
                return combine(e.o, this.pointExpr(e.l, t, zeroFill), this.pointExpr(e.r, t, zeroFill));
        }
    }
    /** The expression evaluated point by point, on the grid of its first term. */
    pointwise(): Indexed {
        if (!this.derived) {
            const grid = [...this.terms.values()][0];
            const values: Array<number | null> = grid.values.map((_, i) => this.pointExpr(this.expr, grid.start + i * grid.step, false));
            this.derived = new Indexed({ values, step: grid.step, start: grid.start });
        }
        return this.derived;
    }
    value(agg: TimeAggregation, from: number, to: number): number | null {
        return this.aggregateFirst ? this.aggregateExpr(this.expr, agg, from, to, false) : this.pointwise().aggregate(agg, from, to);
    }
    full(from: number, to: number): boolean {
        return [...this.terms.values()].every((s) => s.full(from, to));
    }
    firstData(): number | null {
        const times = [...this.terms.values()].map((s) => {
            const i = s.values.findIndex((v) => v !== null);
            return i < 0 ? Infinity : s.start + i * s.step;
        });
        const t = Math.min(...times);
        return Number.isFinite(t) ? t : null;
    }
}

/** Nearest-rank percentile (p in 0..100) of the values. */
export function percentileOf(values: number[], p: number): number | null {
    if (values.length === 0) return null;
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/**
 * Anomaly detection, APPROXIMATED: Datadog's agile/robust algorithms fit a seasonal model over weeks of history.
 * Here the baseline is the mean and standard deviation of the query's own history window before the alert window
 * (the `avg(last_4h)` span), the band mean ± deviations × max(std, 2 % of the mean); the value is the fraction of
 * the alert window's points outside the band in the monitor's direction (Datadog's value for `>= 1`).
 * Bounds tested in tests/simulate-evaluator.test.ts: a series inside the band never alerts, one far outside
 * alerts once the whole alert window is anomalous and recovers once none of it is.
 */
export function anomalyFraction(
    series: Indexed,
    q: Extract<DatadogQuery, { kind: "anomaly" }>,
    to: number,
    zeroFill: boolean,
): number | null {
    const { n: points, mean, std } = series.stats(to - q.window, to - q.alertWindow);
    if (points < 3) return null;
    const width = q.deviations * Math.max(std, 0.02 * Math.abs(mean), 1e-9);
    const [a, b] = series.range(to - q.alertWindow, to);
    let anomalous = 0;
    let n = 0;
    for (let i = a; i < b; i++) {
        const v = series.values[i] ?? (zeroFill ? 0 : null);
        if (v === null) continue;
        n++;
        const above = v > mean + width;
        const below = v < mean - width;
        if ((q.direction !== "below" && above) || (q.direction !== "above" && below)) anomalous++;
    }
    return n === 0 ? null : anomalous / n;
}

interface Thresholds {
    comparator: Comparator;
    critical: number;
    warning?: number;
    criticalRecovery?: number;
    warningRecovery?: number;
}

/** Recovery thresholds sit on the safe side: a `>` alert recovers once the value is at or below its recovery value. */
function recovered(c: Comparator, v: number, recovery: number): boolean {
    return c === ">" || c === ">=" ? v <= recovery : v >= recovery;
}

/** The state a value puts a monitor in, given the state it is in (recovery thresholds hold ALERT / WARN). */
export function thresholdState(prev: State, v: number, t: Thresholds): State {
    if (breaches(t.comparator, v, t.critical)) return "ALERT";
    if (prev === "ALERT" && t.criticalRecovery !== undefined && !recovered(t.comparator, v, t.criticalRecovery)) return "ALERT";
    if (t.warning !== undefined && breaches(t.comparator, v, t.warning)) return "WARN";
    if (
        (prev === "WARN" || prev === "ALERT") &&
        t.warning !== undefined &&
        t.warningRecovery !== undefined &&
        !recovered(t.comparator, v, t.warningRecovery)
    )
        return "WARN";
    return "OK";
}

const num = (s: string | undefined) => (s === undefined ? undefined : Number(s));

/** Service checks: ALERT after `critical` consecutive CRITICAL runs, WARN after `warning` ≥ WARNING runs, OK after `ok` OK runs. */
function serviceCheckState(prev: State, runs: number[], m: MonitorPayload): State {
    const last = (n: number) => (runs.length >= n ? runs.slice(-n) : null);
    const critical = num(m.thresholds.critical) ?? 1;
    const warning = num(m.thresholds.warning);
    const ok = num(m.thresholds.ok) ?? 1;
    if (last(critical)?.every((s) => s >= 2)) return "ALERT";
    if (warning !== undefined && last(warning)?.every((s) => s >= 1)) return "WARN";
    if (last(ok)?.every((s) => s === 0)) return "OK";
    return prev === "NO DATA" ? "OK" : prev;
}

export interface MonitorContextOptions extends EvaluateOptions {
    /** SLO target in percent, for burn-rate monitors. */
    sloTarget?: number;
}

/**
 * The query's value at evaluation time `t`: a number, null (no data), or undefined (not evaluated: the window
 * is not full and the monitor requires it).
 */
function valueFunction(
    q: DatadogQuery,
    m: MonitorPayload,
    inputs: Inputs,
    sloTarget: number | undefined,
): { value: (t: number) => number | null | undefined; firstData: () => number | null } {
    const firstOf = (s: Series) => {
        const i = s.values.findIndex((v) => v !== null);
        return i < 0 ? null : (s.start ?? 0) + i * s.step;
    };
    switch (q.kind) {
        case "metric": {
            const e = new MetricExpression(q.expr, inputs);
            return {
                value: (to) => (m.requireFullWindow && !e.full(to - q.window, to) ? undefined : e.value(q.aggregation, to - q.window, to)),
                firstData: () => e.firstData(),
            };
        }
        case "percentile": {
            const s = new Indexed(need(inputs, q.key));
            return {
                value: (to) => percentileOf(s.valuesIn(to - q.window, to), q.percentile),
                firstData: () => firstOf(need(inputs, q.key)),
            };
        }
        case "anomaly": {
            const e = new MetricExpression(q.expr, inputs);
            const zeroFill = metricTerms(q.expr).some((t) => t.asCount);
            return { value: (to) => anomalyFraction(e.pointwise(), q, to, zeroFill), firstData: () => e.firstData() };
        }
        case "change": {
            const e = new MetricExpression(q.expr, inputs);
            return {
                value: (to) => {
                    const now = e.value(q.aggregation, to - q.window, to);
                    const then = e.value(q.aggregation, to - q.comparedTo - q.window, to - q.comparedTo);
                    if (now === null || then === null) return null;
                    if (q.change === "change") return now - then;
                    return then === 0 ? null : ((now - then) / Math.abs(then)) * 100;
                },
                firstData: () => e.firstData(),
            };
        }
        case "events": {
            const counts = new Indexed(need(inputs, q.source));
            if (!q.measure || q.rollup === "count") {
                // Log and RUM counts evaluate as 0 when nothing matches.
                return { value: (to) => counts.aggregate("sum", to - q.window, to) ?? 0, firstData: () => 0 };
            }
            const measure = new Indexed(need(inputs, q.measure));
            const p = /^pc(\d+)$/.exec(q.rollup);
            return {
                value: (to) => {
                    const vs = measure.valuesIn(to - q.window, to);
                    if (p) return percentileOf(vs, Number(p[1]));
                    const agg = q.rollup as TimeAggregation;
                    return measure.aggregate(
                        agg === "avg" || agg === "sum" || agg === "min" || agg === "max" ? agg : "avg",
                        to - q.window,
                        to,
                    );
                },
                firstData: () => firstOf(need(inputs, q.measure!)),
            };
        }
        case "service-check": {
            const s = new Indexed(need(inputs, q.check));
            return {
                // The value is the latest run's status; state comes from the runs themselves (serviceCheckState).
                value: (to) => {
                    const runs = s.valuesIn(to - 600, to);
                    return runs.length ? runs[runs.length - 1] : null;
                },
                firstData: () => firstOf(need(inputs, q.check)),
            };
        }
        case "slo-burn": {
            if (sloTarget === undefined) throw new Error(`burn-rate monitor of SLO "${q.sloId}": the SLO target is unknown`);
            const budget = 1 - sloTarget / 100;
            const bad = new Indexed(need(inputs, "slo.bad"));
            const total = new Indexed(need(inputs, "slo.total"));
            const burn = (from: number, to: number) => {
                const t = total.aggregate("sum", from, to);
                return t ? (bad.aggregate("sum", from, to) ?? 0) / t / budget : null;
            };
            return {
                value: (to) => {
                    const long = burn(to - q.longWindow, to);
                    const short = burn(to - q.shortWindow, to);
                    // Both windows must burn: the alert's value is the lower of the two.
                    return long === null || short === null ? null : Math.min(long, short);
                },
                firstData: () => firstOf(need(inputs, "slo.total")),
            };
        }
    }
}

export function evaluateMonitor(m: MonitorPayload, inputs: Inputs, opts: MonitorContextOptions): AlertTimeline {
    const q = parseMonitorQuery(m.type, m.query);
    const end = opts.end ?? seriesEnd(inputs);
    const every = opts.evaluateEvery ?? 60;
    const delay = m.evaluationDelaySeconds ?? 0;
    const { value, firstData } = valueFunction(q, m, inputs, opts.sloTarget);
    const thresholds: Thresholds =
        q.kind === "service-check"
            ? { comparator: ">=", critical: Number(m.thresholds.critical) }
            : {
                  comparator: q.comparator ?? ">",
                  critical: Number(m.thresholds.critical),
                  warning: num(m.thresholds.warning),
                  criticalRecovery: num(m.thresholds.criticalRecovery),
                  warningRecovery: num(m.thresholds.warningRecovery),
              };
    const grouped =
        "grouped" in q
            ? q.grouped
            : q.kind === "metric" || q.kind === "anomaly" || q.kind === "change"
              ? metricTerms(q.expr).some((t) => t.grouped)
              : false;
    const first = firstData();
    const groupReadyAt = grouped && m.newGroupDelaySeconds ? (first ?? Infinity) + m.newGroupDelaySeconds : 0;
    const noDataAfter = (m.noDataTimeframeMinutes ?? 10) * 60;
    const runs = q.kind === "service-check" ? new Indexed(need(inputs, q.check)) : undefined;
    const timeline = new Timeline();
    let lastData = opts.evaluateFrom ?? 0;
    for (let t = firstEvaluation(opts, every); t <= end; t += every) {
        const to = t - delay;
        const v = value(to);
        if (v === undefined) continue;
        if (v === null) {
            // A group that never reported cannot go missing (multi-alert monitors have no such group yet).
            if (grouped && first === null) continue;
            if (m.notifyNoData || m.onMissingData === "show_and_notify_no_data" || m.onMissingData === "show_no_data") {
                if (t - lastData >= noDataAfter) timeline.set(t, "NO DATA", null);
            } else if (m.onMissingData === "resolve") {
                timeline.set(t, "OK", null);
            }
            continue;
        }
        lastData = t;
        const next = runs
            ? serviceCheckState(timeline.state, runs.valuesIn(to - 600, to), m)
            : thresholdState(timeline.state === "NO DATA" ? "OK" : timeline.state, v, thresholds);
        if (next !== "OK" && t < groupReadyAt) continue;
        timeline.set(t, next, v);
    }
    return {
        transitions: timeline.transitions,
        end,
        ...(q.kind === "anomaly"
            ? {
                  approximation:
                      "anomaly baseline is the query's own history window (mean ± deviations × std), not Datadog's seasonal model",
              }
            : {}),
    };
}

const RANK: Record<State, number> = { "NO DATA": 0, OK: 0, WARN: 1, ALERT: 2 };

/**
 * A composite `a && b && ...` over its parts' timelines: ALERT while every part alerts, WARN while every part is at
 * least warning, otherwise OK (a part without data is not alerting). Datadog re-evaluates it on each part's change.
 */
export function evaluateComposite(parts: ReadonlyArray<AlertTimeline>, opts: MonitorContextOptions): AlertTimeline {
    const end = parts[0]?.end ?? opts.end ?? 0;
    const states = parts.map((): State => "OK");
    const changes = parts.flatMap((p, i) => p.transitions.map((tr) => ({ i, tr }))).sort((a, b) => a.tr.at - b.tr.at || a.i - b.i);
    const timeline = new Timeline();
    for (let k = 0; k < changes.length; k++) {
        const { i, tr } = changes[k];
        states[i] = tr.to;
        if (k + 1 < changes.length && changes[k + 1].tr.at === tr.at) continue; // apply simultaneous changes together
        const least = Math.min(...states.map((s) => RANK[s]));
        timeline.set(tr.at, least === 2 ? "ALERT" : least === 1 ? "WARN" : "OK", tr.value);
    }
    return { transitions: timeline.transitions, end };
}
