/**
 * Input series for the simulator in Prometheus' `promtool test rules` notation, plus the time-series helpers the
 * evaluators share. `'0+10x3'` is `0 10 20 30` (start, step, n more samples), `'1x3'` is `1 1 1 1`, `'_x3'` is
 * three missing samples, `'_'` one; several terms are concatenated with spaces (`'1x59 0x29'`). As in promtool,
 * `a+bxn` and `axn` give n + 1 samples, `_xn` gives n.
 */

/** One input of an alert: a value per step (null = no point submitted), the first at `start` seconds. */
export interface Series {
    values: Array<number | null>;
    /** Seconds between points (60 for per-minute metrics, 10 or 15 for agent checks and synthetics runs). */
    step: number;
    /** Timestamp of the first point, in seconds from the start of the simulation. */
    start?: number;
    /**
     * What a point means in Datadog: `count` (events in the step; `.as_count()` keeps it), `rate` (per second;
     * `.as_count()` multiplies by the step), `gauge` (a level; `.as_count()` does nothing). Default `gauge`.
     */
    type?: "count" | "rate" | "gauge";
}

const TERM = /^(_|-?\d+(?:\.\d+)?(?:e-?\d+)?)(?:([+-]\d+(?:\.\d+)?(?:e-?\d+)?)?x(\d+))?$/;

/** Expands promtool notation into values; throws `series "<text>": <problem>` on a malformed term. */
export function parseSeries(text: string): Array<number | null> {
    const out: Array<number | null> = [];
    for (const term of text.trim().split(/\s+/).filter(Boolean)) {
        const m = TERM.exec(term);
        if (!m) throw new Error(`series "${text}": "${term}" is not a promtool term (e.g. 1, _, 0+10x30, 1x60, _x10)`);
        const [, first, delta, times] = m;
        if (first === "_") {
            if (delta) throw new Error(`series "${text}": "${term}": a missing sample has no increment`);
            const n = times === undefined ? 1 : Number(times);
            for (let i = 0; i < n; i++) out.push(null);
            continue;
        }
        const a = Number(first);
        const b = delta ? Number(delta) : 0;
        const n = times === undefined ? 0 : Number(times);
        for (let i = 0; i <= n; i++) out.push(Number((a + b * i).toPrecision(12)));
    }
    return out;
}

/** A series from promtool notation. */
export function series(text: string, step = 60, type: Series["type"] = "gauge", start = 0): Series {
    return { values: parseSeries(text), step, type, start };
}

/** A series from a function of time (seconds), sampled every `step` from `start` until `end` (exclusive). */
export function sample(f: (t: number) => number | null, end: number, step = 60, type: Series["type"] = "gauge", start = 0): Series {
    const values: Array<number | null> = [];
    for (let t = start; t < end; t += step) values.push(f(t));
    return { values, step, type, start };
}

/** Timestamps and values of the points of `s` with `from <= t < to`. */
export function pointsIn(s: Series, from: number, to: number): Array<{ t: number; v: number | null }> {
    const start = s.start ?? 0;
    const first = Math.max(0, Math.ceil((from - start) / s.step));
    const out: Array<{ t: number; v: number | null }> = [];
    for (let i = first; i < s.values.length; i++) {
        const t = start + i * s.step;
        if (t >= to) break;
        out.push({ t, v: s.values[i] });
    }
    return out;
}

/** End of the last point of the longest series: how long a simulation over these inputs runs. */
export function seriesEnd(inputs: Readonly<Record<string, Series>>): number {
    return Math.max(0, ...Object.values(inputs).map((s) => (s.start ?? 0) + s.values.length * s.step));
}

/**
 * Counts spread evenly: `rate` events per minute as whole events per step, carrying the remainder so that the
 * total over any long span is exact (0.1/min is one event every 10 minutes, never 0.1 of an event).
 */
export function evenCounts(ratePerMinute: (t: number) => number, end: number, step = 60, start = 0): Series {
    let carry = 0;
    const values: Array<number | null> = [];
    for (let t = start; t < end; t += step) {
        carry += (ratePerMinute(t) * step) / 60;
        const n = Math.floor(carry + 1e-9);
        carry -= n;
        // DogStatsD and APM do not submit a count nobody incremented: zero is a missing point.
        values.push(n > 0 ? n : null);
    }
    return { values, step, type: "count", start };
}
