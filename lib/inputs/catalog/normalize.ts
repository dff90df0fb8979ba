/**
 * Loads one monitor spec: converts duration thresholds to the unit the metric is stored in, renders the title and
 * texts from the numbers ({critical}, {warning}, {window}), and refuses a spec whose prose states a number its
 * thresholds do not have, or whose duration is implausible for its unit. Pure, no Pulumi.
 */
import type { z } from "zod";
import { nativeThreshold, nativeUnit } from "./nativeUnits";
import { durationSeconds } from "../../model/duration";
import type { MonitorSpecShape } from "./schema";
import {
    durationUnitOfWord,
    type DurationUnit,
    formatQuantity,
    formatThreshold,
    formatValue,
    isQuantity,
    type Quantity,
    toSeconds,
    windowWords,
} from "./units";

type RawMonitor = z.output<typeof MonitorSpecShape>;
type Threshold = number | Quantity;

/**
 * Durations a threshold may plausibly have, in seconds. A request, query or page taking more than 10 minutes is a
 * unit mistake (1500 written for 1.5 s); business durations (time to claim a lead) may run to a week.
 */
const PLAUSIBLE_SECONDS: Record<"default" | "business", [number, number]> = { default: [0.001, 600], business: [1, 7 * 86400] };

const PLACEHOLDER = /\{(\w+)\}/g;

export interface LoadedThresholds {
    /** The unit `critical`/`warning` are in: the metric's native unit for durations, else the spec's `unit`. */
    unit: string;
    critical: number;
    warning?: number;
    /** The thresholds as the spec states them, for titles: "500 ms", "5%". */
    statedCritical: string;
    statedWarning?: string;
}

/** Seconds of the query's windows, which a sentence may mention ("over the last 5 minutes"). */
function windowSeconds(m: RawMonitor): number[] {
    const q = m.query as Record<string, unknown>;
    return ["window", "comparedTo", "alertWindow"]
        .map((k) => q[k])
        .filter((v): v is string => typeof v === "string")
        .map(durationSeconds);
}

function stated(t: Threshold): number {
    return isQuantity(t) ? t.value : t;
}

/** The number a sentence states, next to its unit: `5%`, `10 s`, `500ms`, `2`. Numbers inside words (p95, 5xx) are skipped. */
function statedNumbers(text: string): Array<{ value: number; text: string; unit?: DurationUnit; percent: boolean }> {
    const out: Array<{ value: number; text: string; unit?: DurationUnit; percent: boolean }> = [];
    const re = /(?<![\w./+-])(\d+(?:\.\d+)?)(%|\s?[A-Za-z]+)?/g;
    const plain = text.replace(PLACEHOLDER, " ");
    for (const m of plain.matchAll(re)) {
        // "4.0 / 5", "4.0 out of 5": the scale, not a threshold.
        if (/(\/|\bout of)\s*$/.test(plain.slice(0, m.index))) continue;
        const suffix = (m[2] ?? "").trim();
        const unit = suffix && suffix !== "%" ? durationUnitOfWord(suffix) : undefined;
        // "5xx", "2FA": a number glued to a word that is not a unit is part of the word.
        if (suffix && suffix !== "%" && !unit && !/\s/.test(m[2] ?? "")) continue;
        const value = Number(m[1]);
        out.push({ value, text: unit ? `${m[1]} ${unit}` : m[1], unit, percent: suffix === "%" });
    }
    return out;
}

export function normalizeMonitor(m: RawMonitor, ctx: z.RefinementCtx): z.output<typeof MonitorSpecShape> & LoadedThresholds {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", message, path: [path] });
    const native = nativeUnit(m.query);
    const what =
        "base" in m.query
            ? m.query.base.metric
            : m.query.kind === "rum"
              ? (m.query.measure ?? "the RUM count")
              : `this ${m.query.kind} query`;
    const [low, high] = PLAUSIBLE_SECONDS[m.category === "business" ? "business" : "default"];

    const load = (field: "critical" | "warning", t: Threshold): number => {
        if (isQuantity(t)) {
            if (!native) {
                issue(
                    field,
                    `${formatQuantity(t)} is a duration, but ${what} is not one whose unit is known: declare the metric's native unit (\`unit: "ms"\` on the metric) or give a plain number`,
                );
                return t.value;
            }
            const secs = toSeconds(t);
            if (secs < low || secs > high) {
                issue(
                    field,
                    `${formatQuantity(t)} is implausible for ${what} (expected ${formatValue(low)} s to ${formatValue(high)} s): is the unit wrong?`,
                );
            }
            return nativeThreshold(m.query, t);
        }
        if (native) {
            issue(
                field,
                `${what} is a duration stored in ${native}: give the threshold with its unit, e.g. ms(${formatValue(t)}) or s(${formatValue(t)})`,
            );
        }
        return t;
    };
    const critical = load("critical", m.critical);
    const warning = m.warning === undefined ? undefined : load("warning", m.warning);
    const unit = native ?? m.unit;
    if (!unit) issue("unit", 'a plain-number threshold needs its unit ("%", "count", "ratio"…)');
    const displayUnit = m.unit ?? native ?? "";
    const statedCritical = formatThreshold(m.critical, displayUnit);
    const statedWarning = m.warning === undefined ? undefined : formatThreshold(m.warning, displayUnit);

    const values: Record<string, string | undefined> = {
        critical: statedCritical,
        warning: statedWarning,
        window: "window" in m.query ? windowWords(m.query.window) : undefined,
    };
    const render = (field: string, text: string): string =>
        text.replace(PLACEHOLDER, (all, name: string) => {
            if (!(name in values)) {
                issue(field, `unknown placeholder ${all} (known: {critical}, {warning}, {window})`);
                return all;
            }
            if (values[name] === undefined) {
                issue(field, `${all} is used but the monitor has no ${name}`);
                return all;
            }
            return values[name]!;
        });

    // A number left in the prose must be a threshold or a window, or the text contradicts the monitor.
    const thresholds = [m.critical, ...(m.warning === undefined ? [] : [m.warning])];
    const windows = windowSeconds(m);
    const matches = (n: { value: number; unit?: DurationUnit; percent: boolean }): boolean => {
        if (n.unit) {
            const secs = toSeconds({ value: n.value, unit: n.unit });
            return windows.includes(secs) || thresholds.some((t) => isQuantity(t) && toSeconds(t) === secs);
        }
        // "the slowest 5%" of a p95 query is the percentile, not a threshold.
        if (m.query.kind === "percentile" && n.value === 100 - Number(m.query.percentile.slice(1))) return true;
        const scale = n.percent && m.unit === "ratio" ? 100 : 1;
        return thresholds.some((t) => Math.abs(stated(t)) * scale === n.value);
    };
    const check = (field: "title" | "whatHappened", text: string) => {
        for (const n of statedNumbers(text)) {
            if (matches(n)) continue;
            const w =
                m.warning === undefined
                    ? ""
                    : ` and warning is ${isQuantity(m.warning) ? formatQuantity(m.warning) : formatValue(m.warning)}`;
            issue(
                field,
                `says ${n.text} but critical is ${isQuantity(m.critical) ? formatQuantity(m.critical) : formatValue(m.critical)}${w}: write {critical}/{warning}/{window} instead of the number`,
            );
        }
    };
    check("title", m.title);
    check("whatHappened", m.whatHappened);

    return {
        ...m,
        title: render("title", m.title),
        whatHappened: render("whatHappened", m.whatHappened),
        firstSteps: m.firstSteps.map((step, i) => render(`firstSteps[${i}]`, step)),
        unit: unit ?? "",
        critical,
        ...(warning === undefined ? { warning: undefined } : { warning }),
        statedCritical,
        ...(statedWarning === undefined ? {} : { statedWarning }),
    };
}
