/**
 * Event-platform monitors, one search-and-rollup chain per product:
 * `<source>("<search>")[.index("…")].rollup("<method>"[, "<measure>"])[.by("…")].last("<window>") <cmp> <n>`
 * (logs, rum, events, audits, ci-pipelines, ci-tests, trace-analytics, error-tracking, database-monitoring,
 * network-performance, network-path, llm-observability), and live-process monitors
 * `processes("<search>").over("<tags>").rollup("count").last("<timeframe>")`. Windows: 1 to 2880 minutes or 1 to
 * 48 hours (Datadog's API reference, Monitors, "Logs Alert Query" and the sections after it).
 */
import { ChainArg, ChainCall, checkSearchText, describeMinutes, durationMinutes, parseChain } from "./syntax";

export const MAX_EVENT_WINDOW_MINUTES = 2880;
const ROLLUPS = ["count", "cardinality", "avg", "sum", "min", "max", "median", "pc75", "pc90", "pc95", "pc98", "pc99"];
const ISSUE_SOURCES = ["all", "browser", "mobile", "backend"];

interface SourceSpec {
    /** Methods the chain may use besides rollup, by and last. */
    extra: string[];
    /** Error-tracking monitors default their rollup to count. */
    rollupOptional?: boolean;
    index?: string[];
}

/** The search function(s) of each monitor type. */
export const SEARCH_SOURCES: Record<string, Record<string, SourceSpec>> = {
    "log alert": { logs: { extra: ["index"] } },
    "rum alert": { rum: { extra: [] } },
    "event-v2 alert": { events: { extra: [] } },
    "audit alert": { audits: { extra: [] } },
    "ci-pipelines alert": { "ci-pipelines": { extra: [] } },
    "ci-tests alert": { "ci-tests": { extra: [] } },
    "trace-analytics alert": { "trace-analytics": { extra: [] } },
    "error-tracking alert": Object.fromEntries(
        ["error-tracking", "error-tracking-rum", "error-tracking-traces"].map((s) => [
            s,
            { extra: ["source", "new", "impact"], rollupOptional: true },
        ]),
    ),
    "database-monitoring alert": { "database-monitoring": { extra: [] } },
    "network-performance alert": { "network-performance": { extra: [] } },
    "network-path alert": { "network-path": { extra: ["index"], index: ["netpath-path", "netpath-hop"] } },
    "llm-observability alert": { "llm-observability": { extra: [] } },
};

function quotedOnly(call: ChainCall, errors: string[]): boolean {
    const bare = call.args.find((a) => !a.quoted);
    if (bare) errors.push(`.${call.name}(): ${bare.text} must be a quoted string`);
    return !bare;
}

function checkWindow(call: ChainCall | undefined, errors: string[], units: string[], max?: number): void {
    if (!call) {
        errors.push('needs .last("<window>")');
        return;
    }
    const w = call.args.length === 1 ? call.args[0].text : undefined;
    const minutes = w === undefined ? undefined : durationMinutes(w, units);
    if (minutes === undefined) errors.push(`invalid window in .last(${call.args.map(show).join(", ")}) (<n> with ${units.join(", ")})`);
    else if (max !== undefined && minutes > max) errors.push(`window ${w} exceeds the ${describeMinutes(max)} maximum`);
}

const show = (a: ChainArg) => (a.quoted ? `"${a.text}"` : a.text);

function checkRollup(call: ChainCall, errors: string[], allowed = ROLLUPS): void {
    if (!quotedOnly(call, errors)) return;
    const [method, measure, ...rest] = call.args.map((a) => a.text);
    if (method === undefined || rest.length) {
        errors.push(`invalid .rollup(${call.args.map(show).join(", ")}): (<method>[, <measure>])`);
        return;
    }
    if (!allowed.includes(method)) {
        errors.push(`unknown rollup "${method}" (${allowed.join(", ")})`);
        return;
    }
    if (method !== "count" && !measure) errors.push(`rollup "${method}" needs a measure`);
    if (method === "count" && measure) errors.push('rollup "count" takes no measure');
}

function checkSearchArg(source: string, call: ChainCall, errors: string[]): void {
    if (call.args.length !== 1 || !call.args[0].quoted) {
        errors.push(`${source}(…) takes one quoted search`);
        return;
    }
    checkSearchText(call.args[0].text, errors);
}

/** Methods may each appear once, from the allowed set. */
function methodsOf(source: string, calls: ChainCall[], allowed: string[], errors: string[]): Map<string, ChainCall> {
    const byName = new Map<string, ChainCall>();
    for (const c of calls) {
        if (!allowed.includes(c.name))
            errors.push(`unknown ${source} query method .${c.name}() (${allowed.map((a) => `.${a}()`).join(", ")})`);
        else if (byName.has(c.name)) errors.push(`.${c.name}() appears twice`);
        byName.set(c.name, c);
    }
    return byName;
}

/** Checks a search-chain query of `type` (its left-hand side). */
export function checkSearchQuery(type: string, lhs: string, errors: string[]): void {
    const sources = SEARCH_SOURCES[type];
    const start = /^([\w-]+)\s*\(/.exec(lhs)?.[1];
    if (!start || !(start in sources)) {
        errors.push(
            `a ${type} query must start with ${Object.keys(sources)
                .map((s) => `${s}("<search>")`)
                .join(" or ")} (or be a formula(…))`,
        );
        return;
    }
    const calls = parseChain(lhs, errors);
    if (!calls) return;
    const [head, ...rest] = calls;
    const spec = sources[head.name];
    checkSearchArg(head.name, head, errors);
    const m = methodsOf(head.name, rest, [...spec.extra, "rollup", "by", "last"], errors);
    const rollup = m.get("rollup");
    if (rollup) checkRollup(rollup, errors);
    else if (!spec.rollupOptional) errors.push(`${type} needs .rollup(...)`);
    const by = m.get("by");
    if (by && quotedOnly(by, errors) && (by.args.length === 0 || by.args.some((a) => !a.text.trim())))
        errors.push(".by() needs facets to group by");
    const index = m.get("index");
    if (index && quotedOnly(index, errors)) {
        if (index.args.length === 0) errors.push(".index() needs an index name");
        if (spec.index)
            for (const a of index.args)
                if (!spec.index.includes(a.text)) errors.push(`unknown index "${a.text}" (${spec.index.join(", ")})`);
    }
    const source = m.get("source");
    if (source && quotedOnly(source, errors) && !(source.args.length === 1 && ISSUE_SOURCES.includes(source.args[0].text)))
        errors.push(`.source() takes one of ${ISSUE_SOURCES.join(", ")}`);
    for (const n of ["new", "impact"]) if (m.get(n)?.args.length) errors.push(`.${n}() takes no arguments`);
    if (m.has("new") && m.has("impact")) errors.push(".new() and .impact() are alternatives");
    const last = m.get("last");
    if (last) quotedOnly(last, errors);
    checkWindow(last, errors, ["m", "h", "d"], MAX_EVENT_WINDOW_MINUTES);
}

/** `processes("<search>").over("<tag>", …).rollup("count").last("<timeframe>")` (process alert). */
export function checkProcessQuery(lhs: string, errors: string[]): void {
    if (!/^processes\s*\(/.test(lhs)) {
        errors.push(`a process alert query must start with processes("<search>")`);
        return;
    }
    const calls = parseChain(lhs, errors);
    if (!calls) return;
    const [head, ...rest] = calls;
    if (head.args.length !== 1 || !head.args[0].quoted) errors.push("processes(…) takes one quoted search");
    const m = methodsOf("process", rest, ["over", "by", "rollup", "last"], errors);
    const over = m.get("over");
    if (over && quotedOnly(over, errors) && over.args.length === 0) errors.push('.over() needs tags ("*" for every host)');
    const by = m.get("by");
    if (by) quotedOnly(by, errors);
    const rollup = m.get("rollup");
    if (!rollup) errors.push('process alert needs .rollup("count")');
    else checkRollup(rollup, errors, ["count"]);
    const last = m.get("last");
    if (last) quotedOnly(last, errors);
    checkWindow(last, errors, ["s", "m", "h", "d"]);
}
