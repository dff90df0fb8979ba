/**
 * Offline validator for the Datadog monitor query forms this project uses: metric alerts (with arithmetic,
 * ratios and functions), percentile (distribution) alerts, anomalies(), change/pct_change alerts, log and RUM
 * alerts, service checks and SLO burn-rate alerts. Returns what is wrong, so a malformed query fails the plan
 * before Datadog's API would reject it at deploy time.
 */

export type QueryForm = "metric" | "percentile" | "anomaly" | "change" | "log" | "rum" | "service-check" | "burn-rate";

export interface QueryCheck {
    form?: QueryForm;
    errors: string[];
}

const WINDOW = /^last_(\d+)(m|h|d|w)$/;
const UNIT_MINUTES: Record<string, number> = { m: 1, h: 60, d: 1440, w: 10080 };
const TIME_AGGREGATORS = new Set(["avg", "sum", "min", "max"]);
const SPACE_AGGREGATORS = new Set(["avg", "sum", "min", "max"]);
const COMPARATOR = /^(>=|<=|>|<|==)$/;
const NUMBER = /^-?\d+(\.\d+)?(e-?\d+)?$/i;
/** Datadog evaluates metric monitors over at most 2 days (anomaly/forecast functions allow longer history). */
const MAX_METRIC_WINDOW_MINUTES = 2 * 1440;
/** Burn-rate alerts: longest long window Datadog accepts (believed 48 h; see PROVIDER-FACTS). */
export const MAX_BURN_RATE_LONG_WINDOW_HOURS = 48;
const FUNCTIONS = new Set(["abs", "log2", "log10", "cumsum", "integral", "per_second", "per_minute", "per_hour", "diff", "derivative", "rate", "timeshift", "week_before", "day_before", "hour_before", "top", "ewma_3", "ewma_5", "ewma_10", "median_3", "median_5", "default_zero", "clamp_min", "clamp_max"]);

function windowMinutes(w: string): number | undefined {
    const m = WINDOW.exec(w);
    return m ? Number(m[1]) * UNIT_MINUTES[m[2]] : undefined;
}

/** Splits `lhs <cmp> number` at the last comparator outside quotes. */
function splitThreshold(q: string, errors: string[]): { lhs: string; threshold?: string } {
    // Older monitors put the group-by after the threshold: `... > 0.9 by {host}`.
    const m = /^(.*?)\s*(>=|<=|==|>|<)\s*(\S+)(\s+by\s+\{[^{}]*\})?\s*$/s.exec(q);
    if (!m) {
        errors.push("missing comparator and threshold (e.g. `> 5`)");
        return { lhs: q };
    }
    if (!COMPARATOR.test(m[2])) errors.push(`unknown comparator "${m[2]}"`);
    if (!NUMBER.test(m[3])) errors.push(`threshold "${m[3]}" is not a number`);
    return { lhs: `${m[1].trim()}${m[4] ?? ""}`, threshold: m[3] };
}

function checkTags(inside: string, errors: string[]): void {
    if (inside.trim() === "*") return;
    for (const raw of inside.split(",")) {
        const t = raw.trim();
        if (!/^!?[A-Za-z_][\w.\-/]*(:[^\s,{}]+)?$/.test(t)) errors.push(`invalid tag filter "${t}"`);
    }
}

const METRIC_QUERY = /(avg|sum|min|max|count|p\d{2}|p99\.9):([A-Za-z][\w.]*)\{([^{}]*)\}(\s+by\s+\{([^{}]*)\})?((?:\.(?:as_count|as_rate)\(\)|\.rollup\([^()]*\)|\.fill\([^()]*\))*)/g;

/**
 * Checks an arithmetic expression over metric queries: each `agg:metric{tags} by {g}.as_count()` is checked and
 * replaced by a token, then the rest must be numbers, operators, balanced parentheses and known functions.
 */
export function checkMetricExpression(expr: string, errors: string[]): void {
    let found = 0;
    const reduced = expr.replace(METRIC_QUERY, (_all, agg: string, _metric: string, tags: string, _by: string, groups: string | undefined) => {
        found++;
        if (!SPACE_AGGREGATORS.has(agg) && !/^p\d/.test(agg) && agg !== "count") errors.push(`unknown space aggregator "${agg}"`);
        checkTags(tags, errors);
        if (groups !== undefined) for (const g of groups.split(",")) if (!/^[A-Za-z_][\w.\-/]*$/.test(g.trim())) errors.push(`invalid group-by "${g.trim()}"`);
        return " M ";
    });
    if (found === 0) {
        errors.push(`no metric query (aggregator:metric{tags}) in "${expr}"`);
        return;
    }
    // What is left: M, numbers, operators, parentheses, commas, function names, quoted args.
    const tokens = reduced.replace(/'[^']*'/g, " S ").match(/M|S|-?\d+(\.\d+)?|[A-Za-z_][\w]*|[()+\-*/,]|\S/g) ?? [];
    let depth = 0;
    let prev = "op";
    for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i];
        if (t === "(") { depth++; prev = "op"; continue; }
        if (t === ")") { depth--; if (depth < 0) { errors.push("unbalanced parentheses"); return; } prev = "value"; continue; }
        if (t === ",") { prev = "op"; continue; }
        if ("+-*/".includes(t)) {
            if (prev === "op" && t !== "-") errors.push(`operator "${t}" without a left operand`);
            prev = "op";
            continue;
        }
        if (t === "M" || t === "S" || NUMBER.test(t)) {
            if (prev === "value") errors.push("two operands without an operator between them");
            prev = "value";
            continue;
        }
        if (/^[A-Za-z_]\w*$/.test(t) && tokens[i + 1] === "(") {
            if (!FUNCTIONS.has(t)) errors.push(`unknown function "${t}()"`);
            continue;
        }
        errors.push(`unexpected "${t}"`);
    }
    if (depth !== 0) errors.push("unbalanced parentheses");
    if (prev === "op") errors.push("expression ends with an operator");
}

function checkEvaluation(head: string, errors: string[], maxMinutes = MAX_METRIC_WINDOW_MINUTES): void {
    const m = /^(\w+)\((last_\w+)\)$/.exec(head);
    if (!m) {
        errors.push(`evaluation "${head}" must be <aggregator>(last_<n><m|h|d|w>)`);
        return;
    }
    if (!TIME_AGGREGATORS.has(m[1])) errors.push(`unknown time aggregator "${m[1]}"`);
    const minutes = windowMinutes(m[2]);
    if (minutes === undefined) errors.push(`invalid window "${m[2]}"`);
    else if (minutes > maxMinutes) errors.push(`window ${m[2]} exceeds the ${maxMinutes / 1440}-day evaluation limit`);
}

/** Splits `head:rest` at the first colon outside parentheses. */
function splitHead(q: string): [string, string] | undefined {
    let depth = 0;
    for (let i = 0; i < q.length; i++) {
        if (q[i] === "(") depth++;
        else if (q[i] === ")") depth--;
        else if (q[i] === ":" && depth === 0) return [q.slice(0, i), q.slice(i + 1)];
    }
    return undefined;
}

function quotedArgs(s: string): string[] | undefined {
    const out: string[] = [];
    const re = /\s*"((?:[^"\\]|\\.)*)"\s*(,|$)/y;
    let m: RegExpExecArray | null;
    let pos = 0;
    re.lastIndex = 0;
    while (pos < s.length && (m = re.exec(s))) {
        out.push(m[1]);
        pos = re.lastIndex;
    }
    return pos === s.length ? out : undefined;
}

function checkSearchChain(q: string, source: "logs" | "rum", errors: string[]): void {
    const { lhs } = splitThreshold(q, errors);
    const start = new RegExp(`^${source}\\("((?:[^"\\\\]|\\\\.)*)"\\)`).exec(lhs);
    if (!start) {
        errors.push(`${source} alert must start with ${source}("<search>")`);
        return;
    }
    const search = start[1].replace(/\\"/g, '"');
    if ((search.match(/"/g) ?? []).length % 2 !== 0) errors.push("unbalanced quotes in the search");
    if ((search.match(/\(/g) ?? []).length !== (search.match(/\)/g) ?? []).length) errors.push("unbalanced parentheses in the search");
    let rest = lhs.slice(start[0].length);
    const calls: Array<[string, string]> = [];
    const re = /^\.(\w+)\(((?:[^()"]|"(?:[^"\\]|\\.)*")*)\)/;
    let m: RegExpExecArray | null;
    while ((m = re.exec(rest))) {
        calls.push([m[1], m[2]]);
        rest = rest.slice(m[0].length);
    }
    if (rest.trim()) errors.push(`unexpected "${rest.trim()}" after the ${source} query`);
    const names = calls.map((c) => c[0]);
    const allowed = source === "logs" ? ["index", "rollup", "by", "last"] : ["rollup", "by", "last"];
    for (const n of names) if (!allowed.includes(n)) errors.push(`unknown ${source} query method .${n}()`);
    if (!names.includes("rollup")) errors.push(`${source} alert needs .rollup(...)`);
    const last = calls.find((c) => c[0] === "last");
    if (!last) errors.push(`${source} alert needs .last("<window>")`);
    else {
        const args = quotedArgs(last[1]);
        const minutes = args?.length === 1 ? windowMinutes(`last_${args[0]}`) : undefined;
        if (minutes === undefined) errors.push(`invalid window in .last(${last[1]})`);
        else if (minutes > MAX_METRIC_WINDOW_MINUTES) errors.push(`window ${args![0]} exceeds the 2-day evaluation limit`);
    }
    const rollup = calls.find((c) => c[0] === "rollup");
    if (rollup) {
        const args = quotedArgs(rollup[1]);
        if (!args || args.length < 1 || args.length > 2) errors.push(`invalid .rollup(${rollup[1]})`);
        else if (!/^(count|cardinality|avg|sum|min|max|pc\d{2}|median)$/.test(args[0])) errors.push(`unknown rollup "${args[0]}"`);
        else if (args[0] !== "count" && args.length !== 2) errors.push(`rollup "${args[0]}" needs a measure`);
    }
}

function checkServiceCheck(q: string, errors: string[]): void {
    const m = /^"([a-z][\w.]*)"\.over\(([^()]*)\)(\.exclude\(([^()]*)\))?(\.by\(([^()]*)\))?\.last\((\d+)\)\.count_by_status\(\)$/.exec(q.trim());
    if (!m) {
        errors.push('service check must be "<check>".over(<tags>)[.by(<tags>)].last(<n>).count_by_status()');
        return;
    }
    for (const part of [m[2], m[6]].filter((x): x is string => x !== undefined)) {
        if (!quotedArgs(part)) errors.push(`tags must be quoted strings: ${part}`);
    }
    const n = Number(m[7]);
    if (n < 1 || n > 100) errors.push(`.last(${n}) must be between 1 and 100 check runs`);
}

function checkBurnRate(q: string, errors: string[]): void {
    const { lhs } = splitThreshold(q, errors);
    const m = /^burn_rate\("([^"]+)"\)\.over\("(7d|30d|90d)"\)\.long_window\("(\d+)(m|h|d)"\)\.short_window\("(\d+)(m|h|d)"\)$/.exec(lhs);
    if (!m) {
        errors.push('burn-rate alert must be burn_rate("<slo id>").over("7d|30d|90d").long_window("<n>h").short_window("<n>m")');
        return;
    }
    const long = Number(m[3]) * UNIT_MINUTES[m[4]];
    const short = Number(m[5]) * UNIT_MINUTES[m[6]];
    if (long > MAX_BURN_RATE_LONG_WINDOW_HOURS * 60) errors.push(`long window ${m[3]}${m[4]} exceeds the ${MAX_BURN_RATE_LONG_WINDOW_HOURS}h maximum`);
    if (short >= long) errors.push("short window must be shorter than the long window");
}

/** Validates one monitor query of the given Datadog monitor type. */
export function validateQuery(type: string, query: string): QueryCheck {
    const errors: string[] = [];
    const q = query.trim();
    switch (type) {
        case "log alert":
            checkSearchChain(q, "logs", errors);
            return { form: "log", errors };
        case "rum alert":
            checkSearchChain(q, "rum", errors);
            return { form: "rum", errors };
        case "service check":
            checkServiceCheck(q, errors);
            return { form: "service-check", errors };
        case "slo alert":
            checkBurnRate(q, errors);
            return { form: "burn-rate", errors };
        case "metric alert":
        case "query alert": {
            const { lhs } = splitThreshold(q, errors);
            const parts = splitHead(lhs);
            if (!parts) {
                errors.push("missing evaluation prefix such as avg(last_5m):");
                return { form: "metric", errors };
            }
            const [head, body] = parts;
            if (/^percentile\(/.test(head)) {
                const w = /^percentile\((last_\w+)\)$/.exec(head);
                if (!w || windowMinutes(w[1]) === undefined) errors.push(`invalid percentile evaluation "${head}"`);
                if (!/^p(50|75|90|95|99|99\.9):/.test(body)) errors.push("percentile alert must start with p50/p75/p90/p95/p99:");
                else checkMetricExpression(`avg:${body.slice(body.indexOf(":") + 1)}`, errors);
                return { form: "percentile", errors };
            }
            const change = /^(pct_change|change)\((\w+\(last_\w+\)),([^()]*)\)$/.exec(head);
            if (change) {
                checkEvaluation(change[2], errors);
                if (windowMinutes(change[3]) === undefined) errors.push(`invalid comparison window "${change[3]}"`);
                checkMetricExpression(body, errors);
                return { form: "change", errors };
            }
            const anomaly = /^anomalies\((.*),\s*'(basic|agile|robust)',\s*(\d+(\.\d+)?)(,.*)?\)$/s.exec(body.trim());
            if (/^anomalies\(/.test(body.trim())) {
                checkEvaluation(head, errors, 14 * 1440);
                if (!anomaly) errors.push("anomalies() needs (<query>, 'basic'|'agile'|'robust', <deviations>)");
                else checkMetricExpression(anomaly[1], errors);
                return { form: "anomaly", errors };
            }
            checkEvaluation(head, errors);
            checkMetricExpression(body, errors);
            return { form: "metric", errors };
        }
        default:
            return { errors: [`unknown monitor type "${type}"`] };
    }
}
