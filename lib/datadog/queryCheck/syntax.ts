/**
 * Shared pieces of Datadog's monitor query languages: durations, the trailing `<comparator> <threshold>`, and the
 * method chains (`head("…").method(args)…`) that service-check, event-platform, formula and SLO queries are made of.
 */

export const COMPARATORS = [">=", "<=", "==", "!=", ">", "<"] as const;
export type Comparator = (typeof COMPARATORS)[number];
export const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

const UNIT_MINUTES: Record<string, number> = { s: 1 / 60, m: 1, h: 60, d: 1440, w: 10080, mo: 43200 };

/** Minutes in `<n><unit>` (e.g. `15m`, `4h`, `2d`) when the unit is one of `units`. */
export function durationMinutes(text: string, units: ReadonlyArray<string>): number | undefined {
    const m = /^(\d+)(s|m|h|d|w|mo)$/.exec(text);
    if (!m || !units.includes(m[2]) || Number(m[1]) === 0) return undefined;
    return Number(m[1]) * UNIT_MINUTES[m[2]];
}

/** Renders a minute count the way the limits are documented: 2880 -> "2 days". */
export function describeMinutes(minutes: number): string {
    if (minutes % 10080 === 0) return minutes === 10080 ? "1 week" : `${minutes / 10080} weeks`;
    if (minutes % 1440 === 0) return minutes === 1440 ? "1 day" : `${minutes / 1440} days`;
    if (minutes % 60 === 0) return minutes === 60 ? "1 hour" : `${minutes / 60} hours`;
    return `${minutes} minutes`;
}

/** Index just past the quoted string starting at `i` (`'…'` or `"…"`, backslash escapes), or -1 if unclosed. */
export function skipQuoted(s: string, i: number): number {
    const q = s[i];
    for (let j = i + 1; j < s.length; j++) {
        if (s[j] === "\\") j++;
        else if (s[j] === q) return j + 1;
    }
    return -1;
}

export interface Comparison {
    lhs: string;
    comparator?: Comparator;
    /** The threshold as written (a number, or the `threshold` keyword of dynamic thresholds). */
    threshold?: string;
    /** Unclosed quotes or unbalanced parentheses: the rest of the query cannot be read reliably. */
    broken?: boolean;
}

/**
 * Splits `lhs <comparator> <threshold>` at the last comparator outside quotes, parentheses and braces. Reports
 * unbalanced parentheses/quotes on the way (they would make the split meaningless). `allowKeyword` allows the
 * `threshold` keyword (dynamic thresholds of formula queries).
 */
export function splitComparison(q: string, errors: string[], opts: { allowKeyword?: boolean } = {}): Comparison {
    let depth = 0;
    let brace = 0;
    let at = -1;
    let len = 0;
    for (let i = 0; i < q.length; i++) {
        const c = q[i];
        if (c === '"' || c === "'") {
            const end = skipQuoted(q, i);
            if (end < 0) {
                errors.push(`unclosed ${c} quote`);
                return { lhs: q, broken: true };
            }
            i = end - 1;
        } else if (c === "(") depth++;
        else if (c === ")") {
            if (--depth < 0) {
                errors.push("unbalanced parentheses: a ) closes nothing");
                return { lhs: q, broken: true };
            }
        } else if (c === "{") brace++;
        else if (c === "}") brace--;
        else if (depth === 0 && brace === 0 && "<>=!".includes(c)) {
            const two = q.slice(i, i + 2);
            const op = COMPARATORS.find((o) => two.startsWith(o));
            if (op) {
                at = i;
                len = op.length;
                i += op.length - 1;
            }
        }
    }
    if (depth > 0) {
        errors.push("unbalanced parentheses: a ( is never closed");
        return { lhs: q, broken: true };
    }
    if (brace !== 0) {
        errors.push(brace > 0 ? "unbalanced braces: a { is never closed" : "unbalanced braces: a } closes nothing");
        return { lhs: q, broken: true };
    }
    if (at < 0) {
        errors.push("missing comparator and threshold (e.g. `> 5`)");
        return { lhs: q };
    }
    const comparator = q.slice(at, at + len) as Comparator;
    // Older monitors put the group-by after the threshold: `... > 0.9 by {host}`.
    const rhs = /^\s*(\S+)(\s+by\s+(\{[^{}]*\}))?\s*$/.exec(q.slice(at + len));
    if (!rhs) {
        errors.push(`threshold "${q.slice(at + len).trim()}" is not a number`);
        return { lhs: q.slice(0, at).trim(), comparator };
    }
    const threshold = rhs[1];
    if (!NUMBER.test(threshold) && !(opts.allowKeyword && threshold === "threshold"))
        errors.push(`threshold "${threshold}" is not a number`);
    return { lhs: `${q.slice(0, at).trim()}${rhs[3] ? ` by ${rhs[3]}` : ""}`, comparator, threshold };
}

/** One argument of a chain call: a quoted string, or a bare word/number as written. */
export interface ChainArg {
    text: string;
    quoted: boolean;
    /** `name=value` arguments (`.anomaly(direction="above")`). */
    name?: string;
}

export interface ChainCall {
    name: string;
    args: ChainArg[];
}

/**
 * Parses `head(args).m1(args).m2(args)…` (head may instead be a quoted string, as in service checks). Returns the
 * calls, or pushes one error naming where the chain stops making sense.
 */
export function parseChain(s: string, errors: string[]): ChainCall[] | undefined {
    const calls: ChainCall[] = [];
    let i = 0;
    const ws = () => {
        while (/\s/.test(s[i] ?? "")) i++;
    };
    ws();
    if (s[i] === '"' || s[i] === "'") {
        const end = skipQuoted(s, i);
        if (end < 0) {
            errors.push(`unclosed ${s[i]} quote`);
            return undefined;
        }
        calls.push({ name: "", args: [{ text: unquote(s.slice(i, end)), quoted: true }] });
        i = end;
    }
    for (;;) {
        ws();
        if (i >= s.length) break;
        if (calls.length > 0) {
            if (s[i] !== ".") {
                errors.push(`unexpected "${s.slice(i)}" after .${calls[calls.length - 1].name || "check name"}(…)`);
                return undefined;
            }
            i++;
        }
        const name = /^[A-Za-z_][\w-]*/.exec(s.slice(i))?.[0];
        if (!name) {
            errors.push(`expected a method name at "${s.slice(i)}"`);
            return undefined;
        }
        i += name.length;
        ws();
        if (s[i] !== "(") {
            errors.push(`${name} must be followed by (…)`);
            return undefined;
        }
        i++;
        const args: ChainArg[] = [];
        for (;;) {
            ws();
            if (s[i] === ")") {
                i++;
                break;
            }
            if (i >= s.length) {
                errors.push(`unbalanced parentheses: ${name}( is never closed`);
                return undefined;
            }
            if (args.length > 0) {
                if (s[i] !== ",") {
                    errors.push(`expected , or ) in ${name}(…) at "${s.slice(i)}"`);
                    return undefined;
                }
                i++;
                ws();
            }
            const named = /^([A-Za-z_]\w*)\s*=\s*/.exec(s.slice(i));
            if (named) i += named[0].length;
            if (s[i] === '"' || s[i] === "'") {
                const end = skipQuoted(s, i);
                if (end < 0) {
                    errors.push(`unclosed ${s[i]} quote in ${name}(…)`);
                    return undefined;
                }
                args.push({ text: unquote(s.slice(i, end)), quoted: true, name: named?.[1] });
                i = end;
            } else {
                const bare = /^[^,()"'\s][^,()"']*/.exec(s.slice(i))?.[0];
                if (!bare) {
                    errors.push(`expected an argument in ${name}(…) at "${s.slice(i)}"`);
                    return undefined;
                }
                args.push({ text: bare.trim(), quoted: false, name: named?.[1] });
                i += bare.length;
            }
        }
        calls.push({ name, args });
    }
    return calls;
}

function unquote(q: string): string {
    return q.slice(1, -1).replace(/\\(.)/g, "$1");
}

/** Balanced parentheses and quotes in a log-style search (`service:x (a OR b) "some text"`). */
export function checkSearchText(search: string, errors: string[]): void {
    let depth = 0;
    for (let i = 0; i < search.length; i++) {
        const c = search[i];
        if (c === "\\") i++;
        else if (c === '"') {
            const end = skipQuoted(search, i);
            if (end < 0) {
                errors.push("unbalanced quotes in the search");
                return;
            }
            i = end - 1;
        } else if (c === "(") depth++;
        else if (c === ")" && --depth < 0) break;
    }
    if (depth !== 0) errors.push("unbalanced parentheses in the search");
}
