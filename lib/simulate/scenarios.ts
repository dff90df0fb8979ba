/**
 * Scenarios generated from an alert's own condition: which inputs its query reads, its comparator, thresholds
 * and window. Each alert gets a "shape": the value it shows when healthy and in a hard outage, and a generator
 * that turns a path of values and traffic over time into its input series. Scenarios are paths:
 * normal traffic over a day, hard outage, gradual degradation, one failure at low traffic, no traffic at all,
 * flapping around the threshold, and recovery.
 *
 * Assumptions (stated once, used everywhere): daytime traffic 100 requests (events) per minute, night 10, low
 * traffic 1; a healthy error ratio sits at a tenth of its threshold; counts Datadog would not submit (zero
 * increments) are missing points; infrastructure gauges keep reporting without traffic, request metrics do not.
 */
import type { Comparator } from "../inputs/catalog/schema";
import { DatadogQuery, Expr, metricTerms, parseMonitorQuery } from "./datadogQuery";
import { evenCounts, Series } from "./series";
import type { Inputs, MonitorPart, SimAlert } from "./types";

export const TRAFFIC = { dayPerMinute: 100, nightPerMinute: 10, lowPerMinute: 1 } as const;

export const SCENARIOS = ["normal", "outage", "degradation", "low-traffic-failure", "no-traffic", "flapping", "recovery"] as const;
export type ScenarioKind = (typeof SCENARIOS)[number];

/**
 * What is known about particular metrics, from the providers' docs (shared/PROVIDER-FACTS.md), and changes how
 * they behave: a healthy host's `system.mem.used` includes the page cache; Redis' `redis.keys.evicted` is a
 * running total since Redis started.
 */
export const METRIC_FACTS: Readonly<
    Record<string, { healthyFractionOfTotal?: number; cumulative?: boolean; max?: number; range?: [number, number]; why: string }>
> = {
    "DeliveryToHttpEndpoint.Success": {
        max: 1,
        why: "Firehose reports the delivered fraction of records, 0..1: a healthy stream sits at 1, never above",
    },
    "system.mem.used": {
        healthyFractionOfTotal: 0.93,
        why: "includes the page cache: a healthy Linux host shows ~90-95 % of memory used",
    },
    "redis.keys.evicted": {
        cumulative: true,
        why: "Datadog's Redis check reports evicted keys as a running total since Redis started",
    },
    // Bounded gauges: a resource cannot be more than full, so the worst case is full, not 4 × the threshold.
    "system.mem.pct_usable": { range: [0, 1], why: "the usable fraction of memory, 0..1" },
    "system.cpu.idle": { range: [0, 100], why: "idle CPU in percent, 0..100" },
    "system.disk.in_use": { range: [0, 1], why: "the used fraction of a disk, 0..1" },
    "system.io.util": { range: [0, 100], why: "the busy time of a device in percent, 0..100" },
    "postgresql.percent_usage_connections": { range: [0, 1], why: "connections over max_connections, 0..1" },
};

/** A path through time: the alert's value, the traffic, and optional discrete events. */
export interface Path {
    end: number;
    /** The value the alert's query would show, in its own units (badness 0..1 for binary shapes). */
    value(t: number): number;
    /** Requests (events) per minute; 0 = nobody uses the product. */
    traffic(t: number): number;
    /** A single failing event (request, run, log) at this time, on top of the value. */
    single?: number;
    /** For synthetic tests: how many locations fail at t (default: all when the value is bad, else none). */
    failingLocations?(t: number): number;
}

export interface Shape {
    family: string;
    comparator: Comparator;
    critical: number;
    healthy: number;
    worst: number;
    /** The value showing no failure at all (no errors, all checks passing), for the one-failure scenario. */
    clean: number;
    /** Seconds of history the query reads before an evaluation. */
    history: number;
    /** Whether its inputs stop when traffic stops. */
    trafficDriven: boolean;
    /** Seconds the provider holds a cleared alert by design (a detection rule's keep-alive). */
    settle?: number;
    inputs(p: Path): Inputs;
}

const STEP = 60;

function grid(p: Path, f: (t: number) => number | null, step = STEP, type: Series["type"] = "gauge"): Series {
    const values: Array<number | null> = [];
    for (let t = 0; t < p.end; t += step) values.push(f(t));
    return { values, step, type, start: 0 };
}

function withSingle(s: Series, at: number | undefined): Series {
    if (at === undefined) return s;
    const i = Math.floor(at / s.step);
    const values = [...s.values];
    values[i] = (values[i] ?? 0) + 1;
    return { ...s, values };
}

/** The path's value at t, or `worst` in the minute of its single failure. */
function valueAt(p: Path, worst: number): (t: number) => number {
    return (t) => (p.single !== undefined && t >= p.single && t < p.single + STEP ? worst : p.value(t));
}

/** A per-minute measure of requests (latency): none without traffic, the worst value in the single failure's minute. */
function requestMeasure(p: Path, worst: number): Series {
    const at = valueAt(p, worst);
    return grid(p, (t) => (p.traffic(t) === 0 ? null : at(t)));
}

/** Events per minute making the path's value the count of a `window`-second window, plus the single failure. */
function windowCounts(p: Path, window: number): Series {
    return withSingle(
        counts(p, (t) => (p.traffic(t) > 0 ? p.value(t) / (window / 60) : 0)),
        p.single,
    );
}

function counts(p: Path, perMinute: (t: number) => number): Series {
    return evenCounts((t) => Math.max(0, perMinute(t)), p.end, STEP);
}

/** Healthy and worst values of a threshold on a continuous value. */
function levels(
    comparator: Comparator,
    c: number,
    kind: "ratio" | "count" | "gauge",
    scale = 100,
): { healthy: number; worst: number; clean: number } {
    const above = comparator === ">" || comparator === ">=";
    if (kind === "ratio")
        return above ? { healthy: c * 0.1, worst: scale, clean: 0 } : { healthy: c + (scale - c) * 0.8, worst: 0, clean: scale };
    if (kind === "count")
        return above ? { healthy: c > 0 ? c * 0.2 : 0, worst: Math.max(c * 10, 10), clean: 0 } : { healthy: c * 2, worst: 0, clean: c * 2 };
    if (above) return { healthy: c > 0 ? c * 0.5 : c < 0 ? c * 2 : 0, worst: c > 0 ? c * 4 : c + 10, clean: c > 0 ? c * 0.5 : 0 };
    return { healthy: c > 0 ? c * 2 : c < 0 ? c / 2 : 1, worst: c > 0 ? 0 : c * 4 - 10, clean: c > 0 ? c * 2 : 1 };
}

const BINARY = { comparator: ">=" as Comparator, critical: 0.5, healthy: 0, worst: 1, clean: 0 };

/** Request metrics (APM traces) stop without traffic; host and database gauges do not. */
const isTrafficMetric = (metric: string) => metric.startsWith("trace.");
/** Host metrics (Agent system check, the Supabase node exporter) report whether or not anyone uses the product. */
const isHostMetric = (metric: string) => /^(system|supabase\.node)\./.test(metric);

type Term = Extract<Expr, { op: "metric" }>;

/** The expression's value with the node `hole` replaced by x (other metric terms are unknown: NaN). */
function valueWith(e: Expr, hole: Expr, x: number): number {
    if (e === hole) return x;
    switch (e.op) {
        case "num":
            return e.value;
        case "metric":
            return NaN;
        case "default_zero":
            return valueWith(e.arg, hole, x);
        case "clamp_min":
            return Math.max(valueWith(e.arg, hole, x), e.min);
        case "per_second":
            return NaN;
        case "bin": {
            const [l, r] = [valueWith(e.l, hole, x), valueWith(e.r, hole, x)];
            return e.o === "+" ? l + r : e.o === "-" ? l - r : e.o === "*" ? l * r : l / r;
        }
    }
}

/**
 * The expression as an affine function a·x + b of one of its nodes (`100 - m`, `(1 - a / b) * 100`), or undefined
 * when it is not one: the generators invert it to turn the alert's value into the node's input.
 */
export function affineIn(e: Expr, hole: Expr): { a: number; b: number; inverse(v: number): number } | undefined {
    const b = valueWith(e, hole, 0);
    const a = valueWith(e, hole, 1) - b;
    if (
        !Number.isFinite(a) ||
        !Number.isFinite(b) ||
        a === 0 ||
        Math.abs(valueWith(e, hole, 2) - (2 * a + b)) > 1e-9 * Math.max(1, Math.abs(a))
    )
        return undefined;
    return { a, b, inverse: (v) => (v - b) / a };
}

const stripFns = (x: Expr): { term: Expr; floor?: number } => {
    if (x.op === "default_zero") return stripFns(x.arg);
    if (x.op === "clamp_min") return { ...stripFns(x.arg), floor: x.min };
    return { term: x };
};

function findNode(e: Expr, ok: (x: Expr) => boolean): Expr | undefined {
    if (ok(e)) return e;
    if (e.op === "bin") return findNode(e.l, ok) ?? findNode(e.r, ok);
    return e.op === "default_zero" || e.op === "clamp_min" || e.op === "per_second" ? findNode(e.arg, ok) : undefined;
}

/**
 * A ratio `num / den` inside an affine expression (`(a / b) * 100`, `(1 - a / b) * 100`), with an optional volume
 * floor `clamp_min(den, N)`: the terms, the value as a function of the fraction num/den, and the value's range.
 */
export function ratioOf(
    e: Expr,
): { num: Term; den: Term; floor?: number; scale: number; value: ReturnType<typeof affineIn> & object } | undefined {
    const div = findNode(
        e,
        (x) => x.op === "bin" && x.o === "/" && stripFns(x.l).term.op === "metric" && stripFns(x.r).term.op === "metric",
    );
    if (!div || div.op !== "bin") return undefined;
    const value = affineIn(e, div);
    if (!value) return undefined;
    const den = stripFns(div.r);
    return { num: stripFns(div.l).term as Term, den: den.term as Term, floor: den.floor, scale: Math.abs(value.a), value };
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

function metricShape(q: Extract<DatadogQuery, { kind: "metric" }>, delay: number): Shape {
    const terms = metricTerms(q.expr);
    const ratio = ratioOf(q.expr);
    const history = q.window + delay;
    const above = q.comparator === ">" || q.comparator === ">=";
    if (ratio && ratio.num.asCount) {
        // Whether more numerator events make the value worse (errors / hits) or better (idle / total, ok / total).
        const numIsBad = ratio.value.a > 0 === above;
        const l = levels(q.comparator, q.threshold, "ratio", ratio.scale);
        const worst = ratio.value.a * (numIsBad ? 1 : 0) + ratio.value.b;
        const clean = ratio.value.a * (numIsBad ? 0 : 1) + ratio.value.b;
        // Request counters stop without traffic; host counters (CPU seconds) tick at a steady rate.
        const traffic = isTrafficMetric(ratio.den.metric) || !isHostMetric(ratio.den.metric);
        return {
            family: ratio.floor !== undefined ? "ratio of counts with a volume floor" : "ratio of counts",
            comparator: q.comparator,
            critical: q.threshold,
            healthy:
                l.healthy <= Math.max(worst, clean) && l.healthy >= Math.min(worst, clean)
                    ? l.healthy
                    : ratio.value.a * (numIsBad ? 0.001 : 0.999) + ratio.value.b,
            worst,
            clean,
            history,
            trafficDriven: traffic,
            inputs: (p) => {
                const rate = traffic ? p.traffic : () => TRAFFIC.dayPerMinute;
                // DogStatsD submits no point for a minute without events; a host check's counter submits its 0 delta.
                const zero = traffic ? null : 0;
                const points = (x: Series): Series => ({ ...x, values: x.values.map((v) => (v ? v : zero)) });
                const den = counts(p, rate);
                const bad = (t: number) => {
                    const f = clamp01(ratio.value.inverse(p.value(t)));
                    return numIsBad ? f : 1 - f;
                };
                const failures = withSingle(
                    counts(p, (t) => rate(t) * bad(t)),
                    p.single,
                );
                const num = numIsBad
                    ? failures
                    : { ...den, values: den.values.map((d, i) => Math.max(0, (d ?? 0) - (failures.values[i] ?? 0))) };
                return { [ratio.num.key]: points(num), [ratio.den.key]: points(den) };
            },
        };
    }
    if (ratio) {
        // A ratio of gauges (used / total, available / total): the denominator is a capacity.
        const fact = METRIC_FACTS[ratio.num.metric];
        const l = levels(q.comparator, q.threshold, "gauge", ratio.scale);
        const [lo, hi] = [Math.min(ratio.value.b, ratio.value.a + ratio.value.b), Math.max(ratio.value.b, ratio.value.a + ratio.value.b)];
        const healthy =
            fact?.healthyFractionOfTotal !== undefined
                ? ratio.value.a * fact.healthyFractionOfTotal + ratio.value.b
                : Math.min(hi, Math.max(lo, l.healthy));
        const worst = Math.max(lo, Math.min(hi, l.worst));
        const traffic = isTrafficMetric(ratio.num.metric);
        return {
            family: "ratio of gauges",
            comparator: q.comparator,
            critical: q.threshold,
            healthy,
            worst,
            clean: healthy,
            history,
            trafficDriven: traffic,
            inputs: (p) => {
                const live = (t: number) => !traffic || p.traffic(t) > 0;
                const at = valueAt(p, worst);
                return {
                    [ratio.num.key]: grid(p, (t) => (live(t) ? clamp01(ratio.value.inverse(at(t))) * 1000 : null)),
                    [ratio.den.key]: grid(p, (t) => (live(t) ? 1000 : null)),
                };
            },
        };
    }
    if (terms.length === 1 && terms[0].asCount && q.aggregation === "sum" && stripFns(q.expr).term === terms[0]) {
        const l = levels(q.comparator, q.threshold, "count");
        const key = terms[0].key;
        return {
            family: "count",
            comparator: q.comparator,
            critical: q.threshold,
            ...l,
            history,
            trafficDriven: true,
            inputs: (p) => ({
                [key]: windowCounts(p, q.window),
            }),
        };
    }
    const rate = findNode(q.expr, (x) => x.op === "per_second");
    if (terms.length === 1 && rate) {
        // per_second(running total): the value is new events per second; the metric reports their running total.
        const term = terms[0];
        const value = affineIn(q.expr, rate);
        if (!value) throw new Error("the simulator reads per_second() only in an affine expression (per_second(m) * k + c)");
        const l = levels(q.comparator, q.threshold, "gauge");
        return {
            family: "counter rate",
            comparator: q.comparator,
            critical: q.threshold,
            ...l,
            history,
            trafficDriven: false,
            inputs: (p) => {
                let total = 0;
                const at = valueAt(p, l.worst);
                return { [term.key]: grid(p, (t) => (total += Math.max(0, value.inverse(at(t))) * STEP)) };
            },
        };
    }
    if (terms.length === 1) {
        const term = terms[0];
        const fact = METRIC_FACTS[term.metric];
        // `100 - idle`, `(1 - pct_usable) * 100`: the input is the value run backwards through the arithmetic.
        const value = affineIn(q.expr, term);
        if (!value) throw new Error("the simulator reads single-metric expressions that are affine in the metric (m * k + c) only");
        const levelsOf = levels(q.comparator, q.threshold, "gauge");
        // A bounded metric's worst value is its bound as the query shows it (a full disk is 100 %, not 4 × 90 %).
        const bounds = fact?.range?.map((x) => value.a * x + value.b);
        const l = bounds ? { ...levelsOf, worst: Math.min(Math.max(levelsOf.worst, Math.min(...bounds)), Math.max(...bounds)) } : levelsOf;
        const traffic = isTrafficMetric(term.metric);
        return {
            family: fact?.cumulative ? "cumulative counter" : "gauge",
            comparator: q.comparator,
            critical: q.threshold,
            ...l,
            history,
            trafficDriven: traffic,
            inputs: (p) => {
                const at = valueAt(p, l.worst);
                if (fact?.cumulative) {
                    // The value is the number of new events per minute; the metric reports their running total.
                    let total = 0;
                    return { [term.key]: grid(p, (t) => (total += Math.max(0, at(t)))) };
                }
                return {
                    [term.key]: grid(
                        p,
                        (t) => (traffic && p.traffic(t) === 0 ? null : value.inverse(at(t))),
                        STEP,
                        term.asCount ? "count" : "gauge",
                    ),
                };
            },
        };
    }
    throw new Error(
        `the simulator has no scenario generator for the expression of "${q.kind}" queries with ${terms.length} terms that are not a ratio`,
    );
}

/**
 * The shape of an alert: how its inputs follow a path. A healthy value is also clear of the warning threshold
 * (a healthy service does not warn). Throws with the reason when the alert has no shape.
 */
export function shapeOf(alert: SimAlert): Shape {
    const shape = baseShape(alert);
    const b = alert.binding;
    const warning =
        b.provider === "datadog-monitor" && b.monitor.thresholds.warning !== undefined
            ? Number(b.monitor.thresholds.warning)
            : b.provider === "sentry-metric"
              ? b.alert.warning
              : undefined;
    if (warning === undefined || shape.critical === BINARY.critical) return shape;
    const above = shape.comparator === ">" || shape.comparator === ">=";
    const safe = (v: number) => (above ? v < warning : v > warning);
    const fix = (v: number) =>
        safe(v) ? v : above ? (warning > 0 ? warning * 0.5 : warning - 1) : warning > 0 ? warning * 1.5 : warning / 2;
    return { ...shape, healthy: fix(shape.healthy), clean: fix(shape.clean) };
}

/**
 * A composite `condition && volume`: the condition's shape, with the volume parts' event counts following the
 * path's traffic (a volume guard counts requests).
 */
function compositeShape(alert: SimAlert, parts: ReadonlyArray<MonitorPart>): Shape {
    const condition = parts.find((p) => p.compositeRole !== "volume") ?? parts[0];
    // Held copies of the condition read the condition's own inputs; volume guards count the path's traffic.
    const guards = parts.filter((p) => p.compositeRole === "volume");
    const shape = baseShape({ ...alert, binding: { provider: "datadog-monitor", monitor: condition } });
    const keys = guards.flatMap((g) => {
        const q = parseMonitorQuery(g.type, g.query);
        if (q.kind !== "metric") throw new Error(`the simulator takes metric volume guards only, not ${q.kind}`);
        return metricTerms(q.expr).map((t) => t.key);
    });
    return {
        ...shape,
        trafficDriven: true,
        inputs: (p) => ({ ...shape.inputs(p), ...Object.fromEntries(keys.map((k) => [k, counts(p, p.traffic)])) }),
    };
}

function baseShape(alert: SimAlert): Shape {
    const b = alert.binding;
    switch (b.provider) {
        case "datadog-monitor": {
            if (b.parts?.length) return compositeShape(alert, b.parts);
            const m = b.monitor;
            const q = parseMonitorQuery(m.type, m.query);
            const delay = m.evaluationDelaySeconds ?? 0;
            switch (q.kind) {
                case "metric":
                    return metricShape(q, delay);
                case "percentile": {
                    const l = levels(q.comparator, q.threshold, "gauge");
                    return {
                        family: "percentile",
                        comparator: q.comparator,
                        critical: q.threshold,
                        ...l,
                        history: q.window + delay,
                        trafficDriven: true,
                        // Each minute's point is the latency of that minute's requests: one slow request at low traffic is the minute.
                        inputs: (p) => ({
                            [q.key]: requestMeasure(p, l.worst),
                        }),
                    };
                }
                case "anomaly": {
                    const terms = metricTerms(q.expr);
                    if (terms.length !== 1) throw new Error("the simulator generates anomaly scenarios for single-metric queries only");
                    const term = terms[0];
                    const base = TRAFFIC.dayPerMinute;
                    const target = q.direction === "below" ? 0 : base * 5;
                    return {
                        family: "anomaly",
                        ...BINARY,
                        history: q.window + delay,
                        trafficDriven: term.asCount || isTrafficMetric(term.metric),
                        inputs: (p) => ({
                            [term.key]: grid(
                                p,
                                (t) => {
                                    if (term.asCount && p.traffic(t) === 0) return null;
                                    // ±3 % alternating noise around the baseline: a steady, healthy series.
                                    const healthy = base * (1 + (Math.floor(t / STEP) % 2 ? 0.03 : -0.03));
                                    return healthy + p.value(t) * (target - healthy);
                                },
                                STEP,
                                term.asCount ? "count" : "gauge",
                            ),
                        }),
                    };
                }
                case "change": {
                    const terms = metricTerms(q.expr);
                    if (terms.length !== 1) throw new Error("the simulator generates change scenarios for single-metric queries only");
                    const term = terms[0];
                    const drop = q.comparator === "<" || q.comparator === "<=";
                    return {
                        family: "change",
                        comparator: q.comparator,
                        critical: q.threshold,
                        healthy: 0,
                        worst: drop ? -100 : 1000,
                        clean: 0,
                        history: q.window + q.comparedTo + delay,
                        trafficDriven: true,
                        inputs: (p) => ({
                            [term.key]: term.asCount
                                ? counts(p, (t) => (p.traffic(t) > 0 ? TRAFFIC.dayPerMinute * (1 + p.value(t) / 100) : 0))
                                : grid(p, (t) => (p.traffic(t) > 0 ? TRAFFIC.dayPerMinute * (1 + p.value(t) / 100) : null)),
                        }),
                    };
                }
                case "events": {
                    const cmp = q.comparator ?? ">";
                    const critical = q.threshold ?? 0;
                    if (!q.measure || q.rollup === "count") {
                        const l = levels(cmp, critical, "count");
                        return {
                            family: `${q.source} count`,
                            comparator: cmp,
                            critical,
                            ...l,
                            history: q.window,
                            trafficDriven: true,
                            inputs: (p) => ({
                                [q.source]: windowCounts(p, q.window),
                            }),
                        };
                    }
                    const l = levels(cmp, critical, "gauge");
                    return {
                        family: `${q.source} measure`,
                        comparator: cmp,
                        critical,
                        ...l,
                        history: q.window,
                        trafficDriven: true,
                        inputs: (p) => ({
                            [q.source]: counts(p, p.traffic),
                            [q.measure!]: requestMeasure(p, l.worst),
                        }),
                    };
                }
                case "service-check":
                    return {
                        family: "service check",
                        ...BINARY,
                        history: 600,
                        trafficDriven: false,
                        // Agent checks run every 15 s whether or not anyone uses the product.
                        inputs: (p) => ({
                            [q.check]: grid(
                                p,
                                (t) => (p.value(t) >= 0.5 || (p.single !== undefined && t >= p.single && t < p.single + 15) ? 2 : 0),
                                15,
                            ),
                        }),
                    };
                case "slo-burn": {
                    if (b.sloTarget === undefined) throw new Error(`the target of SLO "${b.sloId ?? q.sloId}" is unknown`);
                    const budget = 1 - b.sloTarget / 100;
                    return {
                        family: "slo burn rate",
                        comparator: q.comparator,
                        critical: q.threshold * budget,
                        healthy: 0.1 * budget,
                        worst: 1,
                        clean: 0,
                        history: q.longWindow,
                        trafficDriven: true,
                        inputs: (p) => ({
                            "slo.bad": withSingle(
                                counts(p, (t) => p.traffic(t) * p.value(t)),
                                p.single,
                            ),
                            "slo.total": counts(p, p.traffic),
                        }),
                    };
                }
            }
            break;
        }
        case "datadog-synthetic": {
            const test = b.test;
            return {
                family: "synthetic test",
                ...BINARY,
                history: 600,
                trafficDriven: false,
                inputs: (p) =>
                    Object.fromEntries(
                        test.locations.map((loc, i) => [
                            loc,
                            grid(
                                p,
                                (t) => {
                                    const failing = p.failingLocations
                                        ? p.failingLocations(t)
                                        : p.value(t) >= 0.5
                                          ? test.locations.length
                                          : 0;
                                    const single = p.single !== undefined && i === 0 && t >= p.single && t < p.single + 10;
                                    return i < failing || single ? 0 : 1;
                                },
                                10,
                            ),
                        ]),
                    ),
            };
        }
        case "datadog-detection-rule": {
            const critical = Number(/>\s*(\d+)/.exec(b.rule.condition)?.[1] ?? 0);
            const window = Math.max(b.rule.evaluationWindow, 60);
            const l = levels(">", critical, "count");
            return {
                family: "detection rule",
                comparator: ">",
                critical,
                ...l,
                history: window,
                trafficDriven: true,
                settle: b.rule.keepAlive,
                inputs: (p) => ({
                    logs: withSingle(
                        counts(p, (t) => (p.traffic(t) > 0 ? p.value(t) / (window / 60) : 0)),
                        p.single,
                    ),
                }),
            };
        }
        case "sentry-issue": {
            const cond = b.alert.conditions[0] ?? {};
            const id = cond.id ?? "";
            if (id.includes("EventFrequency")) {
                const interval =
                    { m: 60, h: 3600, d: 86400 }[(/^\d+([mhd])$/.exec(cond.interval ?? "1h")?.[1] ?? "h") as "m" | "h" | "d"] *
                    Number(/^(\d+)/.exec(cond.interval ?? "1h")?.[1] ?? 1);
                const critical = Number(cond.value ?? 0);
                const l = levels(">", critical, "count");
                return {
                    family: "sentry event frequency",
                    comparator: ">",
                    critical,
                    ...l,
                    history: interval,
                    trafficDriven: true,
                    inputs: (p) => ({
                        "sentry.events": withSingle(
                            counts(p, (t) => (p.traffic(t) > 0 ? p.value(t) / (interval / 60) : 0)),
                            p.single,
                        ),
                    }),
                };
            }
            if (id.includes("FirstSeen")) {
                return {
                    family: "sentry new issue",
                    ...BINARY,
                    history: 600,
                    trafficDriven: true,
                    // An outage's errors are a new issue the first minute they appear.
                    inputs: (p) => {
                        let seen = false;
                        const s = grid(
                            p,
                            (t) => {
                                if (p.value(t) < 0.5 || p.traffic(t) === 0 || seen) return null;
                                seen = true;
                                return 1;
                            },
                            STEP,
                            "count",
                        );
                        return { "sentry.newIssues": withSingle(s, p.single) };
                    },
                };
            }
            throw new Error("fires only when an issue resolved earlier comes back (regression), which no generated scenario contains");
        }
        case "sentry-metric": {
            const a = b.alert;
            const crash = a.aggregate.includes("sessions");
            const scale = crash ? 100 : 1;
            const l = levels(">", a.critical, "ratio", scale);
            return {
                family: crash ? "sentry crash rate" : "sentry failure rate",
                comparator: ">",
                critical: a.critical,
                ...l,
                history: a.timeWindowMinutes * 60,
                trafficDriven: true,
                inputs: (p) => ({
                    [crash ? "sentry.crashed" : "sentry.failed"]: withSingle(
                        counts(p, (t) => (p.traffic(t) * p.value(t)) / scale),
                        p.single,
                    ),
                    [crash ? "sentry.sessions" : "sentry.total"]: counts(p, p.traffic),
                }),
            };
        }
        case "cloudwatch-alarm": {
            const a = b.alarm;
            const cmp: Comparator = a.comparisonOperator.startsWith("Greater")
                ? a.comparisonOperator.includes("Equal")
                    ? ">="
                    : ">"
                : a.comparisonOperator.includes("Equal")
                  ? "<="
                  : "<";
            // A bounded metric (a 0..1 ratio) cannot leave its range: healthy and flapping values are held inside it.
            const max = METRIC_FACTS[a.metricName]?.max ?? Infinity;
            const raw = levels(cmp, a.threshold, "gauge");
            const l = { healthy: Math.min(max, raw.healthy), worst: Math.min(max, raw.worst), clean: Math.min(max, raw.clean) };
            return {
                family: "cloudwatch alarm",
                comparator: cmp,
                critical: a.threshold,
                ...l,
                history: a.period * a.evaluationPeriods,
                trafficDriven: false,
                inputs: (p) => ({
                    [a.metricName]: grid(p, (t) =>
                        p.single !== undefined && t >= p.single && t < p.single + STEP ? l.worst : Math.min(max, p.value(t)),
                    ),
                }),
            };
        }
    }
    throw new Error("no scenario generator for this alert");
}

export interface Scenario {
    kind: ScenarioKind;
    /** When the scenario's event starts (outage, first failure, traffic stop...). */
    start: number;
    /** When the condition starts to breach the threshold (degradation: mid-ramp). */
    breachesAt?: number;
    /** When the condition clears (recovery). */
    clearsAt?: number;
    end: number;
    path: Path;
}

const HOUR = 3600;
const DAY = 86400;

/** Daily traffic: the night trough at midnight, the day peak at noon. */
export function dailyTraffic(t: number): number {
    const phase = ((t % DAY) / DAY) * 2 * Math.PI;
    return TRAFFIC.nightPerMinute + ((TRAFFIC.dayPerMinute - TRAFFIC.nightPerMinute) * (1 - Math.cos(phase))) / 2;
}

/** The scenario paths of a shape. Healthy history long enough for the query's windows precedes every event. */
export function scenario(shape: Shape, kind: ScenarioKind): Scenario {
    const warmup = Math.ceil((shape.history + 600) / HOUR) * HOUR;
    const t0 = warmup;
    const { healthy: h, worst: w, critical: c, clean } = shape;
    const tail = Math.min(DAY, Math.max(HOUR, 2 * shape.history, (shape.settle ?? 0) + HOUR));
    const day = () => TRAFFIC.dayPerMinute;
    switch (kind) {
        case "normal":
            // A day at daily traffic; volume-baselined shapes (anomaly, change) see flat traffic, since the
            // simulator's baseline has no daily seasonality (Datadog's does).
            return {
                kind,
                start: t0,
                end: t0 + DAY,
                path: {
                    end: t0 + DAY,
                    value: () => h,
                    traffic: shape.family === "anomaly" || shape.family === "change" ? day : dailyTraffic,
                },
            };
        case "outage":
            return { kind, start: t0, end: t0 + 2 * HOUR, path: { end: t0 + 2 * HOUR, value: (t) => (t < t0 ? h : w), traffic: day } };
        case "degradation": {
            const ramp = 30 * 60;
            const top = c + (c - h);
            const lo = Math.min(h, w);
            const hi = Math.max(h, w);
            return {
                kind,
                start: t0,
                breachesAt: t0 + ramp / 2,
                end: t0 + 2 * HOUR,
                path: {
                    end: t0 + 2 * HOUR,
                    value: (t) => (t < t0 ? h : Math.min(hi, Math.max(lo, h + (top - h) * Math.min(1, (t - t0) / ramp)))),
                    traffic: day,
                },
            };
        }
        case "low-traffic-failure":
            return {
                kind,
                start: t0,
                end: t0 + HOUR,
                path: { end: t0 + HOUR, value: () => clean, traffic: () => TRAFFIC.lowPerMinute, single: t0 },
            };
        case "no-traffic":
            return {
                kind,
                start: t0,
                end: t0 + 2 * HOUR,
                path: { end: t0 + 2 * HOUR, value: () => h, traffic: (t) => (t < t0 ? TRAFFIC.dayPerMinute : 0) },
            };
        case "flapping": {
            // Hovering within 5 % of the threshold; for thresholds at 0, a fifth of the way to the healthy level or one event.
            const delta = Math.abs(c) * 0.05 || Math.abs(c - h) * 0.2 || 1;
            const above = shape.comparator === ">" || shape.comparator === ">=";
            const bad = above ? c + delta : c - delta;
            const good = above ? c - delta : c + delta;
            return {
                kind,
                start: t0,
                end: t0 + HOUR,
                path: { end: t0 + HOUR, value: (t) => (t < t0 ? h : Math.floor((t - t0) / 300) % 2 === 0 ? bad : good), traffic: day },
            };
        }
        case "recovery": {
            const clears = t0 + 30 * 60;
            return {
                kind,
                start: t0,
                clearsAt: clears,
                end: clears + tail,
                path: { end: clears + tail, value: (t) => (t >= t0 && t < clears ? w : h), traffic: day },
            };
        }
    }
}
