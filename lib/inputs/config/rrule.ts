/**
 * Strict check of a maintenance window's iCalendar RRULE (RFC 5545 §3.3.10) as Datadog downtime schedules take
 * it: no DTSTART/UNTIL-style timing (the window has its own start and duration). Hand-written on purpose: the
 * `rrule` package accepts BYHOUR=25 or INTERVAL=0 and reports a bad day as "Cannot read properties of undefined".
 */

const FREQS = ["DAILY", "WEEKLY", "MONTHLY"];
const DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

type Check = (value: string) => string | undefined;

const intList =
    (min: number, max: number, signed = false): Check =>
    (value) => {
        for (const part of value.split(",")) {
            if (!/^[+-]?\d+$/.test(part)) return `"${part}" is not a number`;
            const n = Number(part);
            const ok = signed ? Math.abs(n) >= min && Math.abs(n) <= max : n >= min && n <= max;
            if (!ok) return `${part} is out of range (${signed ? `±${min}..±${max}` : `${min}..${max}`})`;
        }
        return undefined;
    };

const PROPERTIES: Record<string, Check> = {
    FREQ: (v) => (FREQS.includes(v) ? undefined : `unknown frequency "${v}" (allowed: ${FREQS.join(", ")})`),
    INTERVAL: intList(1, 1000),
    COUNT: intList(1, 100000),
    UNTIL: (v) => (/^\d{8}(T\d{6}Z?)?$/.test(v) ? undefined : `"${v}" is not a date such as 20261231T000000Z`),
    BYDAY: (v) => {
        for (const part of v.split(",")) {
            const m = /^([+-]?\d{1,2})?([A-Z]{2})$/.exec(part);
            if (!m || !DAYS.includes(m[2])) return `"${part}" is not a day (${DAYS.join(", ")}, optionally numbered as in 1MO or -1FR)`;
            if (m[1] !== undefined && intList(1, 53, true)(m[1])) return `"${part}": the week number must be ±1..±53`;
        }
        return undefined;
    },
    BYHOUR: intList(0, 23),
    BYMINUTE: intList(0, 59),
    BYMONTHDAY: intList(1, 31, true),
    BYYEARDAY: intList(1, 366, true),
    BYWEEKNO: intList(1, 53, true),
    BYMONTH: intList(1, 12),
    BYSETPOS: intList(1, 366, true),
    WKST: (v) => (DAYS.includes(v) ? undefined : `"${v}" is not a day (${DAYS.join(", ")})`),
};

/** Every problem of the rule, e.g. `BYDAY: "SUN" is not a day (...)`; empty when valid. */
export function rruleProblems(rule: string): string[] {
    const out: string[] = [];
    const seen = new Set<string>();
    for (const part of rule.split(";")) {
        const eq = part.indexOf("=");
        const name = eq > 0 ? part.slice(0, eq) : part;
        const value = eq > 0 ? part.slice(eq + 1) : "";
        if (eq <= 0 || value === "") {
            out.push(`"${part}" is not a NAME=VALUE part`);
            continue;
        }
        const check = PROPERTIES[name];
        if (!check) {
            out.push(
                `unknown property ${name} (allowed: ${Object.keys(PROPERTIES).join(", ")}; the window's start and durationMinutes set the timing)`,
            );
            continue;
        }
        if (seen.has(name)) out.push(`${name} is given twice`);
        seen.add(name);
        const problem = check(value);
        if (problem) out.push(`${name}: ${problem}`);
    }
    if (!seen.has("FREQ")) out.push("FREQ is required, e.g. FREQ=WEEKLY;BYDAY=SU");
    if (seen.has("COUNT") && seen.has("UNTIL")) out.push("COUNT and UNTIL cannot both be given");
    return out;
}
