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
/**
 * Burn-rate alerts: Datadog takes a long window of 1 h to 48 h and any shorter short window (docs: Service Level
 * Objectives / Burn Rate Alerts / Monitor creation, "1 hour <= long window <= 48 hours").
 */
export const MAX_BURN_RATE_LONG_WINDOW_HOURS = 48;
export const MIN_BURN_RATE_LONG_WINDOW_HOURS = 1;
const FUNCTIONS = new Set(["abs", "log2", "log10", "cumsum", "integral", "per_second", "per_minute", "per_hour", "diff", "derivative", "rate", "timeshift", "week_before", "day_before", "hour_before", "top", "ewma_3", "ewma_5", "ewma_10", "median_3", "median_5", "default_zero", "clamp_min", "clamp_max"]);

function windowMinutes(w: string): number | undefined {
    const m = WINDOW.exec(w);
    return m ? Number(m[1]) * UNIT_MINUTES[m[2]] : undefined;
}

/** Splits `lhs <cmp> number` at the last comparator outside quotes. */
function splitThreshold(q: string, errors: string[]): { lhs: string; comparator?: string; threshold?: string } {
    // Older monitors put the group-by after the threshold: `... > 0.9 by {host}`.
    const m = /^(.*?)\s*(>=|<=|==|>|<)\s*(\S+)(\s+by\s+\{[^{}]*\})?\s*$/s.exec(q);
    if (!m) {
        errors.push("missing comparator and threshold (e.g. `> 5`)");
        return { lhs: q };
    }
    if (!COMPARATOR.test(m[2])) errors.push(`unknown comparator "${m[2]}"`);
    if (!NUMBER.test(m[3])) errors.push(`threshold "${m[3]}" is not a number`);
    return { lhs: `${m[1].trim()}${m[4] ?? ""}`, comparator: m[2], threshold: m[3] };
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

/** Splits a function's arguments at top-level commas (not inside (), {} or quotes). */
function topLevelArgs(s: string): string[] {
    const out: string[] = [];
    let depth = 0;
    let quote: string | undefined;
    let start = 0;
    for (let i = 0; i < s.length; i++) {
        const c = s[i];
        if (quote) { if (c === quote) quote = undefined; continue; }
        if (c === "'" || c === '"') quote = c;
        else if (c === "(" || c === "{") depth++;
        else if (c === ")" || c === "}") depth--;
        else if (c === "," && depth === 0) { out.push(s.slice(start, i).trim()); start = i + 1; }
    }
    out.push(s.slice(start).trim());
    return out;
}

const ANOMALY_OPTIONS: Record<string, RegExp> = {
    direction: /^'(above|below|both)'$/,
    alert_window: /^'last_\d+(m|h|d|w)'$/,
    interval: /^\d+$/,
    count_default_zero: /^'(true|false)'$/,
    seasonality: /^'(hourly|daily|weekly)'$/,
    timezone: /^'[A-Za-z_/+-]+'$/,
};

/** The alert window of an anomaly query (`alert_window='last_15m'`), if it names one. */
export function anomalyAlertWindow(query: string): string | undefined {
    return /alert_window='(last_\w+)'/.exec(query)?.[1];
}

/**
 * `avg(<query window>):anomalies(<metric query>, '<algorithm>', <deviations>[, direction=, alert_window=, interval=,
 * count_default_zero=, seasonality=]) >= <fraction>`, the form of Datadog's anomaly monitor API documentation.
 */
function checkAnomaly(head: string, body: string, comparator: string | undefined, threshold: string | undefined, errors: string[]): void {
    if (!body.endsWith(")")) {
        errors.push("anomalies( is not closed");
        return;
    }
    const [query, algorithm, deviations, ...options] = topLevelArgs(body.slice("anomalies(".length, -1));
    if (!query || !/^'(basic|agile|robust)'$/.test(algorithm ?? "") || !/^\d+(\.\d+)?$/.test(deviations ?? "")) {
        errors.push("anomalies() needs (<query>, 'basic'|'agile'|'robust', <deviations>)");
        return;
    }
    checkMetricExpression(query, errors);
    const named: Record<string, string> = {};
    for (const o of options) {
        const m = /^(\w+)\s*=\s*(.+)$/.exec(o);
        if (!m || !(m[1] in ANOMALY_OPTIONS)) { errors.push(`unknown anomalies() option "${o}"`); continue; }
        if (!ANOMALY_OPTIONS[m[1]].test(m[2])) errors.push(`invalid anomalies() option ${o}`);
        named[m[1]] = m[2].replace(/'/g, "");
    }
    if (named.seasonality && algorithm === "'basic'") errors.push("the basic algorithm takes no seasonality");
    const alertMinutes = named.alert_window ? windowMinutes(named.alert_window) : undefined;
    const queryMinutes = windowMinutes(/\((last_\w+)\)$/.exec(head)?.[1] ?? "");
    if (alertMinutes !== undefined && queryMinutes !== undefined && queryMinutes < alertMinutes) {
        errors.push(`query window ${head} is shorter than alert_window ${named.alert_window}`);
    }
    if (alertMinutes !== undefined && named.interval !== undefined && Number(named.interval) > (alertMinutes * 60) / 5) {
        errors.push(`interval=${named.interval} exceeds a fifth of alert_window ${named.alert_window} (${(alertMinutes * 60) / 5} s)`);
    }
    // The threshold is the fraction of anomalous points in the alert window.
    if (comparator !== undefined && comparator !== ">=") errors.push(`anomaly alerts compare with >=, not ${comparator}`);
    if (threshold !== undefined && !(Number(threshold) > 0 && Number(threshold) <= 1)) errors.push(`anomaly threshold ${threshold} must be a fraction in (0, 1]`);
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
    const { lhs, threshold } = splitThreshold(q, errors);
    const m = /^burn_rate\("([^"]+)"\)\.over\("(7d|30d|90d)"\)\.long_window\("(\d+)(m|h|d)"\)\.short_window\("(\d+)(m|h|d)"\)$/.exec(lhs);
    if (!m) {
        errors.push('burn-rate alert must be burn_rate("<slo id>").over("7d|30d|90d").long_window("<n>h").short_window("<n>m")');
        return;
    }
    const long = Number(m[3]) * UNIT_MINUTES[m[4]];
    const short = Number(m[5]) * UNIT_MINUTES[m[6]];
    if (long > MAX_BURN_RATE_LONG_WINDOW_HOURS * 60) errors.push(`long window ${m[3]}${m[4]} exceeds the ${MAX_BURN_RATE_LONG_WINDOW_HOURS}h maximum`);
    if (long < MIN_BURN_RATE_LONG_WINDOW_HOURS * 60) errors.push(`long window ${m[3]}${m[4]} is shorter than the ${MIN_BURN_RATE_LONG_WINDOW_HOURS}h minimum`);
    if (short >= long) errors.push("short window must be shorter than the long window");
    // The upper bound, 1 / (1 - SLO target), needs the SLO's target: lib/slo.ts checks it.
    if (threshold !== undefined && !(Number(threshold) > 0)) errors.push(`burn rate threshold ${threshold} must be positive`);
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
            const { lhs, comparator, threshold } = splitThreshold(q, errors);
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
            if (/^anomalies\(/.test(body.trim())) {
                checkEvaluation(head, errors, 14 * 1440);
                checkAnomaly(head, body.trim(), comparator, threshold, errors);
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

/** The parts of a monitor (as sent to Datadog) that must agree with its query. */
export interface MonitorShape {
    type: string;
    query: string;
    thresholds: { critical: string; warning?: string; criticalRecovery?: string; ok?: string };
    thresholdWindows?: { triggerWindow: string; recoveryWindow: string };
}

const ABOVE = new Set([">", ">="]);

/**
 * Validates a whole monitor: its query, and the options Datadog checks against it — the critical threshold equals
 * the query's, warning and recovery thresholds sit on the safe side of the comparator, an anomaly monitor's trigger
 * window is its alert_window, a service check counts no more runs than it evaluates.
 */
export function validateMonitor(m: MonitorShape): string[] {
    const errors = [...validateQuery(m.type, m.query).errors];
    const critical = Number(m.thresholds.critical);
    if (!Number.isFinite(critical)) return [...errors, `critical threshold "${m.thresholds.critical}" is not a number`];
    if (m.type === "service check") {
        // Each threshold counts consecutive runs of its own status (CRITICAL, WARNING, OK), so they are independent.
        const runs = Number(/\.last\((\d+)\)/.exec(m.query)?.[1]);
        for (const [name, v] of [["critical", m.thresholds.critical], ["warning", m.thresholds.warning], ["ok", m.thresholds.ok]] as const) {
            if (v !== undefined && !(Number.isInteger(Number(v)) && Number(v) >= 1 && Number(v) <= runs)) errors.push(`${name} ${v} must be a number of consecutive runs between 1 and the ${runs} evaluated`);
        }
        return errors;
    }
    const split = /\s(>=|<=|>|<|==)\s*(-?[\d.e+-]+)\s*$/i.exec(m.query);
    if (!split) return errors; // reported by validateQuery
    const [, comparator, queryThreshold] = split;
    if (Number(queryThreshold) !== critical) errors.push(`critical threshold ${m.thresholds.critical} differs from the query's ${queryThreshold}`);
    const above = ABOVE.has(comparator);
    const safer = (name: string, v: string | undefined) => {
        if (v === undefined) return;
        const n = Number(v);
        if (!(above ? n < critical : n > critical)) errors.push(`${name} ${v} must be ${above ? "below" : "above"} critical ${m.thresholds.critical} for a "${comparator}" alert`);
    };
    if (comparator !== "==") {
        safer("warning", m.thresholds.warning);
        safer("critical recovery", m.thresholds.criticalRecovery);
    }
    if (m.type === "query alert" && m.query.includes("anomalies(")) {
        const alertWindow = anomalyAlertWindow(m.query);
        if (!m.thresholdWindows) errors.push("anomaly monitors need trigger and recovery windows");
        else if (alertWindow && m.thresholdWindows.triggerWindow !== alertWindow) {
            errors.push(`trigger window ${m.thresholdWindows.triggerWindow} must equal the query's alert_window ${alertWindow}`);
        }
    } else if (m.thresholdWindows) {
        errors.push("trigger and recovery windows apply to anomaly monitors only");
    }
    return errors;
}
