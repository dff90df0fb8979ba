/**
 * Units of spec thresholds. Durations are written with their unit (`ms(500)`, `s(1.5)`) so a spec never has to know
 * that APM measures seconds and RUM nanoseconds; the catalog converts each threshold to its metric's native unit.
 * Pure, no Pulumi.
 */
import { z } from "zod";

export const DURATION_UNITS = ["ns", "us", "ms", "s", "min", "h"] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];
export const DurationUnitSchema = z.enum(DURATION_UNITS);

const SECONDS_PER: Record<DurationUnit, number> = { ns: 1e-9, us: 1e-6, ms: 1e-3, s: 1, min: 60, h: 3600 };

/** A threshold with its unit, e.g. `{ value: 500, unit: "ms" }`. */
export const QuantitySchema = z.strictObject({ value: z.number(), unit: DurationUnitSchema });
export type Quantity = z.infer<typeof QuantitySchema>;

export const ns = (value: number): Quantity => ({ value, unit: "ns" });
export const ms = (value: number): Quantity => ({ value, unit: "ms" });
export const s = (value: number): Quantity => ({ value, unit: "s" });
export const min = (value: number): Quantity => ({ value, unit: "min" });
export const h = (value: number): Quantity => ({ value, unit: "h" });

export function isDurationUnit(unit: string): unit is DurationUnit {
    return (DURATION_UNITS as readonly string[]).includes(unit);
}

export function isQuantity(v: unknown): v is Quantity {
    return typeof v === "object" && v !== null && typeof (v as Quantity).value === "number" && isDurationUnit(String((v as Quantity).unit));
}

/** Rounds away float noise (0.1 * 3) so converted thresholds render as Datadog stores them. */
export function clean(n: number): number {
    return Number(n.toPrecision(12));
}

export function toSeconds(q: Quantity): number {
    return clean(q.value * SECONDS_PER[q.unit]);
}

export function convert(q: Quantity, to: DurationUnit): number {
    return clean((q.value * SECONDS_PER[q.unit]) / SECONDS_PER[to]);
}

/** Renders a number without float noise or exponent notation. */
export function formatValue(n: number): string {
    return Number.isInteger(n) ? String(n) : String(clean(n));
}

/** `500 ms`, `1.5 s`, `30 min`. */
export function formatQuantity(q: Quantity): string {
    return `${formatValue(q.value)} ${q.unit}`;
}

/**
 * A threshold as a reader expects it in a title: `5%`, `85%` for a 0.85 ratio, `500 ms` for a duration and the bare
 * number for counts and scores.
 */
export function formatThreshold(value: number | Quantity, unit: string): string {
    if (isQuantity(value)) return formatQuantity(value);
    if (unit === "%" || unit.startsWith("% ")) return `${formatValue(value)}%`;
    if (unit === "ratio") return `${formatValue(value * 100)}%`;
    return formatValue(value);
}

/** Words for the duration units a sentence may use ("5 minutes", "10s", "500 ms"). */
const WORD_UNITS: Record<string, DurationUnit> = {
    ns: "ns",
    us: "us",
    ms: "ms",
    millisecond: "ms",
    milliseconds: "ms",
    s: "s",
    sec: "s",
    secs: "s",
    second: "s",
    seconds: "s",
    m: "min",
    min: "min",
    mins: "min",
    minute: "min",
    minutes: "min",
    h: "h",
    hr: "h",
    hrs: "h",
    hour: "h",
    hours: "h",
};

export function durationUnitOfWord(word: string): DurationUnit | undefined {
    return WORD_UNITS[word.toLowerCase()];
}

/** "10m" → "10 minutes", "1h" → "1 hour", for sentences rendered from a query window. */
export function windowWords(window: string): string {
    const m = /^(\d+)(s|m|h|d|w)$/.exec(window);
    if (!m) return window;
    const n = Number(m[1]);
    const word = { s: "second", m: "minute", h: "hour", d: "day", w: "week" }[m[2] as "s" | "m" | "h" | "d" | "w"];
    return `${n} ${word}${n === 1 ? "" : "s"}`;
}
