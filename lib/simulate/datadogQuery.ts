/**
 * Reads a Datadog monitor query string back into what evaluation needs: the query family, the time window and
 * aggregation, the metric terms and their arithmetic, and the comparator and threshold. It reads the forms
 * lib/datadog/query.ts writes (and Datadog's documented forms of the same families); anything else is reported
 * as unsupported rather than guessed.
 */
import type { Comparator } from "../inputs/catalog/schema";

export type TimeAggregation = "avg" | "sum" | "min" | "max";

export type Expr =
    | { op: "num"; value: number }
    /** `key`: the input series name (metric name, plus tags other than env/service, e.g. `m{http.status_class:5xx}`). */
    | { op: "metric"; key: string; metric: string; space: TimeAggregation; asCount: boolean; asRate: boolean; grouped: boolean }
    | { op: "bin"; o: "+" | "-" | "*" | "/"; l: Expr; r: Expr }
    | { op: "default_zero"; arg: Expr }
    /** max(arg, min): applied to the aggregated value when the query aggregates first (a volume floor on a denominator). */
    | { op: "clamp_min"; arg: Expr; min: number }
    /** The per-second difference of a running total, never negative (a counter reset is not a negative rate). */
    | { op: "per_second"; arg: Expr };

interface Condition {
    comparator: Comparator;
    threshold: number;
}

export type DatadogQuery =
    | ({ kind: "metric"; aggregation: TimeAggregation; window: number; expr: Expr } & Condition)
    | ({ kind: "percentile"; percentile: number; window: number; key: string; grouped: boolean } & Condition)
    | ({
          kind: "anomaly";
          window: number;
          expr: Expr;
          deviations: number;
          direction: "both" | "above" | "below";
          alertWindow: number;
      } & Condition)
    | ({
          kind: "change";
          change: "change" | "pct_change";
          aggregation: TimeAggregation;
          window: number;
          comparedTo: number;
          expr: Expr;
      } & Condition)
    | ({
          kind: "events";
          source: "logs" | "rum";
          search: string;
          rollup: string;
          measure?: string;
          window: number;
          grouped: boolean;
      } & Partial<Condition>)
    | { kind: "service-check"; check: string; lastRuns: number; grouped: boolean }
    | ({ kind: "slo-burn"; sloId: string; longWindow: number; shortWindow: number } & Condition);

const UNIT: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };

/** `5m`, `last_5m`, `1h` → seconds. */
export function windowSeconds(text: string): number {
    const m = /^(?:last_)?(\d+)([smhdw])$/.exec(text.trim());
    if (!m) throw new Error(`"${text}" is not a window such as last_5m`);
    return Number(m[1]) * UNIT[m[2]];
}

const CONDITION = /\s*(>=|<=|>|<)\s*(-?\d+(?:\.\d+)?)\s*$/;

function splitCondition(q: string): { lhs: string } & Condition {
    const m = CONDITION.exec(q);
    if (!m) throw new Error("no comparator and threshold at the end of the query");
    return { lhs: q.slice(0, m.index).trim(), comparator: m[1] as Comparator, threshold: Number(m[2]) };
}

const METRIC_TERM = /^(avg|sum|min|max):([A-Za-z0-9_.]+)\{([^}]*)\}(\s+by\s+\{[^}]*\})?((?:\.(?:as_count|as_rate|rollup\([^)]*\))\(\)?)*)/;

/** Tags of a term that are not the unified scope (env, service): part of the input's name. */
function extraTags(tags: string): string[] {
    return tags
        .split(",")
        .map((t) => t.trim())
        .filter((t) => t && t !== "*" && !/^(env|service):/.test(t));
}

/** The input series name of a metric term. */
export function termKey(metric: string, tags: string[] = []): string {
    return tags.length ? `${metric}{${tags.join(",")}}` : metric;
}

/** Parses a metric expression: terms, numbers, + - * /, parentheses, default_zero(), clamp_min(x, N) and per_second(). */
export function parseExpr(text: string): Expr {
    let pos = 0;
    const s = text;
    const ws = () => {
        while (pos < s.length && s[pos] === " ") pos++;
    };
    const fail = (what: string): never => {
        throw new Error(`cannot read ${what} at "${s.slice(pos, pos + 30)}"`);
    };
    function primary(): Expr {
        ws();
        if (s[pos] === "(") {
            pos++;
            const e = sum();
            ws();
            if (s[pos] !== ")") fail("a closing parenthesis");
            pos++;
            return e;
        }
        for (const fn of ["default_zero", "per_second", "clamp_min"] as const) {
            if (!s.startsWith(`${fn}(`, pos)) continue;
            pos += fn.length + 1;
            const arg = sum();
            ws();
            let min = 0;
            if (fn === "clamp_min") {
                if (s[pos] !== ",") fail("the minimum of clamp_min()");
                pos++;
                ws();
                const n = /^-?\d+(?:\.\d+)?/.exec(s.slice(pos));
                if (!n) return fail("the minimum of clamp_min()");
                pos += n[0].length;
                min = Number(n[0]);
                ws();
            }
            if (s[pos] !== ")") fail(`the end of ${fn}()`);
            pos++;
            return fn === "clamp_min" ? { op: fn, arg, min } : { op: fn, arg };
        }
        const num = /^-?\d+(?:\.\d+)?/.exec(s.slice(pos));
        if (num && !/^[a-z]/i.test(s.slice(pos))) {
            pos += num[0].length;
            return { op: "num", value: Number(num[0]) };
        }
        const m = METRIC_TERM.exec(s.slice(pos));
        if (!m) return fail("a metric term (space:metric{tags})");
        pos += m[0].length;
        const mods = m[5] ?? "";
        return {
            op: "metric",
            key: termKey(m[2], extraTags(m[3])),
            metric: m[2],
            space: m[1] as TimeAggregation,
            asCount: mods.includes("as_count"),
            asRate: mods.includes("as_rate"),
            grouped: Boolean(m[4]),
        };
    }
    function product(): Expr {
        let l = primary();
        for (;;) {
            ws();
            const o = s[pos];
            if (o !== "*" && o !== "/") return l;
            pos++;
            l = { op: "bin", o, l, r: primary() };
        }
    }
    function sum(): Expr {
        let l = product();
        for (;;) {
            ws();
            const o = s[pos];
            if (o !== "+" && o !== "-") return l;
            pos++;
            l = { op: "bin", o, l, r: product() };
        }
    }
    const e = sum();
    ws();
    if (pos !== s.length) fail("the end of the expression");
    return e;
}

export function metricTerms(e: Expr): Array<Extract<Expr, { op: "metric" }>> {
    switch (e.op) {
        case "num":
            return [];
        case "metric":
            return [e];
        case "bin":
            return [...metricTerms(e.l), ...metricTerms(e.r)];
        case "default_zero":
        case "clamp_min":
        case "per_second":
            return metricTerms(e.arg);
    }
}

function stringArgs(text: string): string[] {
    return [...text.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1].replace(/\\"/g, '"'));
}

/** Parses a monitor query of type `type`; throws with the reason when the form is not one the simulator reads. */
export function parseMonitorQuery(type: string, query: string): DatadogQuery {
    const q = query.trim();
    if (type === "service check") {
        const m = /^"([^"]+)"\.over\((.*?)\)(\.by\((.*?)\))?\.last\((\d+)\)\.count_by_status\(\)$/.exec(q);
        if (!m) throw new Error('not a service-check query ("check".over(...).last(N).count_by_status())');
        return { kind: "service-check", check: m[1], lastRuns: Number(m[5]), grouped: Boolean(m[3]) };
    }
    if (type === "slo alert") {
        const m = /^burn_rate\("([^"]+)"\)\.over\("[^"]+"\)\.long_window\("([^"]+)"\)\.short_window\("([^"]+)"\)/.exec(q);
        if (!m) throw new Error("not a burn_rate() SLO alert query");
        const c = splitCondition(q);
        return {
            kind: "slo-burn",
            sloId: m[1],
            longWindow: windowSeconds(m[2]),
            shortWindow: windowSeconds(m[3]),
            comparator: c.comparator,
            threshold: c.threshold,
        };
    }
    if (type === "log alert" || type === "rum alert") {
        const c = splitCondition(q);
        const m = /^(logs|rum)\((".*?(?<!\\)")\)(.*)\.last\("([^"]+)"\)$/.exec(c.lhs);
        if (!m) throw new Error(`not a ${m?.[1] ?? "logs/rum"}(...).last("N") query`);
        const rollup = /\.rollup\(([^)]*)\)/.exec(m[3]);
        const args = rollup ? stringArgs(rollup[1]) : ["count"];
        return {
            kind: "events",
            source: m[1] as "logs" | "rum",
            search: stringArgs(m[2])[0],
            rollup: args[0],
            measure: args[1],
            window: windowSeconds(m[4]),
            grouped: /\.by\(/.test(m[3]),
            comparator: c.comparator,
            threshold: c.threshold,
        };
    }
    const c = splitCondition(q);
    let m = /^percentile\((last_\w+)\):(p\d+):([A-Za-z0-9_.]+)\{([^}]*)\}(\s+by\s+\{[^}]*\})?$/.exec(c.lhs);
    if (m) {
        return {
            kind: "percentile",
            window: windowSeconds(m[1]),
            percentile: Number(m[2].slice(1)),
            key: termKey(m[3], extraTags(m[4])),
            grouped: Boolean(m[5]),
            comparator: c.comparator,
            threshold: c.threshold,
        };
    }
    m = /^(avg|sum|min|max)\((last_\w+)\):anomalies\((.*),\s*'(basic|agile|robust)',\s*([\d.]+)(.*)\)$/.exec(c.lhs);
    if (m) {
        const opt = (name: string) => new RegExp(`${name}='([^']*)'`).exec(m![6])?.[1];
        return {
            kind: "anomaly",
            window: windowSeconds(m[2]),
            expr: parseExpr(m[3]),
            deviations: Number(m[5]),
            direction: (opt("direction") ?? "both") as "both" | "above" | "below",
            alertWindow: windowSeconds(opt("alert_window") ?? "last_15m"),
            comparator: c.comparator,
            threshold: c.threshold,
        };
    }
    m = /^(change|pct_change)\((avg|sum|min|max)\((last_\w+)\),(last_\w+)\):(.*)$/.exec(c.lhs);
    if (m) {
        return {
            kind: "change",
            change: m[1] as "change" | "pct_change",
            aggregation: m[2] as TimeAggregation,
            window: windowSeconds(m[3]),
            comparedTo: windowSeconds(m[4]),
            expr: parseExpr(m[5]),
            comparator: c.comparator,
            threshold: c.threshold,
        };
    }
    m = /^(avg|sum|min|max)\((last_\w+)\):(.*)$/.exec(c.lhs);
    if (m)
        return {
            kind: "metric",
            aggregation: m[1] as TimeAggregation,
            window: windowSeconds(m[2]),
            expr: parseExpr(m[3]),
            comparator: c.comparator,
            threshold: c.threshold,
        };
    throw new Error("not a metric, percentile, anomalies() or change() query");
}

export function breaches(comparator: Comparator, value: number, threshold: number): boolean {
    switch (comparator) {
        case ">":
            return value > threshold;
        case ">=":
            return value >= threshold;
        case "<":
            return value < threshold;
        case "<=":
            return value <= threshold;
    }
}
