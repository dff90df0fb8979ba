/**
 * Arithmetic over metric queries (`sum:a{*} by {h}.as_count() / sum:b{*}.as_count() * 100`) and over formula
 * variables (`default_zero(query1) / query2`), with Datadog's graphing functions: a tokenizer and a
 * recursive-descent parser. Syntax errors stop the parse (one reason); unknown functions, aggregators and arities
 * are collected.
 */
import { checkGroupBy, checkTagFilter } from "./tags";

type TokKind = "num" | "ident" | "str" | "braces" | "op";
interface Tok {
    kind: TokKind;
    text: string;
    pos: number;
}

class SyntaxFailure extends Error {}

function tokenize(s: string): Tok[] {
    const out: Tok[] = [];
    let i = 0;
    while (i < s.length) {
        const c = s[i];
        if (/\s/.test(c)) {
            i++;
            continue;
        }
        if (c === "{") {
            const end = s.indexOf("}", i);
            if (end < 0) throw new SyntaxFailure(`unclosed { in "${s.slice(i)}"`);
            if (s.slice(i + 1, end).includes("{")) throw new SyntaxFailure(`unclosed { in "${s.slice(i, end + 1)}"`);
            out.push({ kind: "braces", text: s.slice(i + 1, end), pos: i });
            i = end + 1;
            continue;
        }
        if (c === "}") throw new SyntaxFailure("a } closes nothing");
        if (c === "'" || c === '"') {
            let j = i + 1;
            while (j < s.length && s[j] !== c) j += s[j] === "\\" ? 2 : 1;
            if (j >= s.length) throw new SyntaxFailure(`unclosed ${c} quote`);
            out.push({ kind: "str", text: s.slice(i + 1, j), pos: i });
            i = j + 1;
            continue;
        }
        const num = /^(\d+(\.\d+)?|\.\d+)([eE][+-]?\d+)?/.exec(s.slice(i));
        if (num && !/^[A-Za-z_]/.test(s.slice(i + num[0].length))) {
            out.push({ kind: "num", text: num[0], pos: i });
            i += num[0].length;
            continue;
        }
        const id = /^[A-Za-z_$][\w$]*(\.[\w$]+)*/.exec(s.slice(i));
        if (id) {
            out.push({ kind: "ident", text: id[0], pos: i });
            i += id[0].length;
            continue;
        }
        if ("(),:+-*/.=".includes(c)) {
            out.push({ kind: "op", text: c, pos: i });
            i++;
            continue;
        }
        throw new SyntaxFailure(`unexpected "${c}"`);
    }
    return out;
}

export type Node =
    | { kind: "num"; value: number }
    | { kind: "str"; value: string }
    | { kind: "metric"; aggregator?: string; metric: string; groups?: string[]; methods: string[] }
    | { kind: "var"; name: string }
    | { kind: "group"; keys: string[] }
    | { kind: "named"; name: string; value: Node }
    | { kind: "call"; name: string; args: Node[] }
    | { kind: "method"; target: Node; name: string }
    | { kind: "unary"; arg: Node }
    | { kind: "binary"; op: string; left: Node; right: Node };

/** Where an expression appears: metric queries hold `agg:metric{tags}`, formulas hold query variables. */
export type ExpressionContext = "metric" | "formula";

const SPACE_AGGREGATOR = /^(avg|sum|min|max|count|p(\d{1,2}(\.\d+)?|100))$/;
const ROLLUP_METHODS = ["avg", "sum", "min", "max", "count"];
const FILL_METHODS = ["null", "zero", "linear", "last"];
const TOP_BY = ["max", "min", "last", "l2norm", "area", "mean", "norm"];

interface FunctionSpec {
    min: number;
    max: number;
    check?: (args: Node[], errors: string[]) => void;
}
const one: FunctionSpec = { min: 1, max: 1 };
const numberArg = (fn: string, index: number, what: string) => (args: Node[], errors: string[]) => {
    const a = args[index];
    if (a && !(a.kind === "num" || (a.kind === "unary" && a.arg.kind === "num")))
        errors.push(`${fn}(): argument ${index + 1} (${what}) must be a number`);
};

/** Datadog's graphing functions (docs: Functions), with their arities. */
const FUNCTIONS: Record<string, FunctionSpec> = {
    abs: one,
    log2: one,
    log10: one,
    cumsum: one,
    integral: one,
    count_nonzero: one,
    count_not_null: one,
    exclude_null: one,
    default_zero: one,
    clamp_min: { min: 2, max: 2, check: numberArg("clamp_min", 1, "the minimum") },
    clamp_max: { min: 2, max: 2, check: numberArg("clamp_max", 1, "the maximum") },
    cutoff_min: { min: 2, max: 2, check: numberArg("cutoff_min", 1, "the cutoff") },
    cutoff_max: { min: 2, max: 2, check: numberArg("cutoff_max", 1, "the cutoff") },
    per_second: one,
    per_minute: one,
    per_hour: one,
    dt: one,
    diff: one,
    monotonic_diff: one,
    derivative: one,
    robust_trend: one,
    trend_line: one,
    piecewise_constant: one,
    autosmooth: one,
    ewma_3: one,
    ewma_5: one,
    ewma_10: one,
    ewma_20: one,
    median_3: one,
    median_5: one,
    median_7: one,
    median_9: one,
    hour_before: one,
    day_before: one,
    week_before: one,
    month_before: one,
    timeshift: { min: 2, max: 2, check: numberArg("timeshift", 1, "the shift in seconds") },
    moving_rollup: {
        min: 2,
        max: 3,
        check: (args, errors) => {
            numberArg("moving_rollup", 1, "the window in seconds")(args, errors);
            const m = args[2];
            if (m && !(m.kind === "str" && ROLLUP_METHODS.includes(m.value)))
                errors.push(`moving_rollup(): unknown rollup method ${describe(m)} (${ROLLUP_METHODS.join(", ")})`);
        },
    },
    top: {
        min: 4,
        max: 4,
        check: (args, errors) => {
            numberArg("top", 1, "the number of series")(args, errors);
            if (!(args[2]?.kind === "str" && TOP_BY.includes(args[2].value)))
                errors.push(`top(): ranking ${describe(args[2])} must be one of ${TOP_BY.join(", ")}`);
            if (!(args[3]?.kind === "str" && ["asc", "desc"].includes(args[3].value)))
                errors.push(`top(): order ${describe(args[3])} must be 'asc' or 'desc'`);
        },
    },
    top_offset: { min: 5, max: 5 },
    // Multi-layer aggregation: `sum(<query by {a,b}>, {a})`.
    ...Object.fromEntries(
        ["avg", "sum", "min", "max", "count"].map((a) => [
            a,
            {
                min: 1,
                max: 2,
                check: (args: Node[], errors: string[]) => {
                    if (args[1] && args[1].kind !== "group") errors.push(`${a}(): the second argument must be a group-by {key,…}`);
                },
            },
        ]),
    ),
};
/** Functions only formulas know (Data Jobs monitors). */
const FORMULA_FUNCTIONS: Record<string, FunctionSpec> = { failed_runs: one };
/** Legacy rank shorthands: top5, top10_max, bottom20_mean, … */
const LEGACY_TOP = /^(top|bottom)(5|10|15|20)(_(mean|min|max|last|area|l2norm|norm))?$/;
/** Functions that are a whole monitor query on their own; checked by the metric family, not as nested terms. */
export const ALGORITHMS = new Set(["anomalies", "outliers", "forecast"]);

function describe(n: Node | undefined): string {
    if (!n) return "(missing)";
    if (n.kind === "str") return `'${n.value}'`;
    if (n.kind === "num") return String(n.value);
    if (n.kind === "var") return n.name;
    return n.kind;
}

class Parser {
    private i = 0;
    constructor(
        private toks: Tok[],
        private ctx: ExpressionContext,
        private errors: string[],
        private source: string,
    ) {}

    private peek(offset = 0): Tok | undefined {
        return this.toks[this.i + offset];
    }
    private isOp(t: Tok | undefined, op: string): boolean {
        return t?.kind === "op" && t.text === op;
    }
    private expect(op: string, where: string): void {
        const t = this.peek();
        if (!this.isOp(t, op))
            throw new SyntaxFailure(
                t ? `expected "${op}" ${where}, found "${t.text}"` : `expected "${op}" ${where}, found the end of the query`,
            );
        this.i++;
    }

    parseAll(): Node {
        if (this.toks.length === 0) throw new SyntaxFailure("empty expression");
        const n = this.expr();
        const t = this.peek();
        if (t) {
            if (this.isOp(t, ")")) throw new SyntaxFailure("unbalanced parentheses: a ) closes nothing");
            if (t.kind !== "op" || this.isOp(t, "("))
                throw new SyntaxFailure(`two operands without an operator between them (at "${this.source.slice(t.pos)}")`);
            throw new SyntaxFailure(`unexpected "${this.source.slice(t.pos)}"`);
        }
        return n;
    }

    /** `anomalies(…)` / `outliers(…)` / `forecast(…)` as the whole query: the call with its raw arguments. */
    parseAlgorithm(): { name: string; args: Node[] } {
        const name = this.peek();
        if (name?.kind !== "ident" || !ALGORITHMS.has(name.text) || !this.isOp(this.peek(1), "("))
            throw new SyntaxFailure("expected anomalies(…), outliers(…) or forecast(…)");
        this.i += 2;
        const args = this.args(`${name.text}()`);
        const t = this.peek();
        if (t) throw new SyntaxFailure(`${name.text}(…) must be the whole query; found "${this.source.slice(t.pos)}" after it`);
        return { name: name.text, args };
    }

    private expr(): Node {
        let left = this.term();
        while (this.isOp(this.peek(), "+") || this.isOp(this.peek(), "-")) {
            const op = this.toks[this.i++].text;
            left = { kind: "binary", op, left, right: this.term() };
        }
        return left;
    }

    private term(): Node {
        let left = this.unary();
        while (this.isOp(this.peek(), "*") || this.isOp(this.peek(), "/")) {
            const op = this.toks[this.i++].text;
            left = { kind: "binary", op, left, right: this.unary() };
        }
        return left;
    }

    private unary(): Node {
        // Unary minus, and the unary plus some recommended monitors write (`anomalies(+ avg:…)`).
        if (this.isOp(this.peek(), "-") || this.isOp(this.peek(), "+")) {
            this.i++;
            return { kind: "unary", arg: this.unary() };
        }
        return this.postfix();
    }

    private postfix(): Node {
        let node = this.primary();
        while (this.isOp(this.peek(), ".")) {
            this.i++;
            const name = this.peek();
            if (name?.kind !== "ident") throw new SyntaxFailure(`expected a method name after "."`);
            this.i++;
            this.expect("(", `after .${name.text}`);
            const args = this.args(`.${name.text}()`);
            this.checkMethod(node, name.text, args);
            if (node.kind === "metric") node.methods.push(name.text);
            node = node.kind === "metric" ? node : { kind: "method", target: node, name: name.text };
        }
        return node;
    }

    private primary(): Node {
        const t = this.peek();
        if (!t) throw new SyntaxFailure("expression ends where a value is expected");
        if (t.kind === "num") {
            this.i++;
            return { kind: "num", value: Number(t.text) };
        }
        if (t.kind === "str") throw new SyntaxFailure(`a quoted string '${t.text}' can only be a function argument`);
        if (t.kind === "braces") throw new SyntaxFailure(`{${t.text}} must follow a metric name`);
        if (this.isOp(t, "(")) {
            this.i++;
            const inner = this.expr();
            this.expect(")", "to close (");
            return inner;
        }
        if (t.kind === "op")
            throw new SyntaxFailure(
                t.text === ")" ? "unbalanced parentheses: a ) closes nothing" : `operator "${t.text}" without a left operand`,
            );
        // Identifier: function call, aggregator:metric, bare metric, or formula variable.
        this.i++;
        const next = this.peek();
        if (this.isOp(next, "(")) {
            this.i++;
            return this.call(t.text, this.args(`${t.text}()`));
        }
        if (this.ctx === "metric") {
            if (this.isOp(next, ":")) {
                this.i++;
                if (!SPACE_AGGREGATOR.test(t.text))
                    this.errors.push(`unknown space aggregator "${t.text}" (avg, sum, min, max, count or a percentile such as p95)`);
                const metric = this.peek();
                if (metric?.kind !== "ident") throw new SyntaxFailure(`expected a metric name after "${t.text}:"`);
                this.i++;
                return this.metric(metric.text, t.text);
            }
            if (next?.kind === "braces") return this.metric(t.text, undefined);
            throw new SyntaxFailure(`"${t.text}" is neither a function nor a metric query (aggregator:metric{tags})`);
        }
        if (next?.kind === "braces" || this.isOp(next, ":"))
            throw new SyntaxFailure(
                `a formula refers to its queries by name (query1 …), not to "${t.text}${next?.kind === "braces" ? "{" : ":"}…"`,
            );
        return { kind: "var", name: t.text };
    }

    private metric(name: string, aggregator: string | undefined): Node {
        const tags = this.peek();
        if (tags?.kind !== "braces") throw new SyntaxFailure(`metric ${name} needs a tag filter {…} ({*} for every source)`);
        this.i++;
        checkTagFilter(tags.text, this.errors);
        let groups: string[] | undefined;
        if (this.peek()?.kind === "ident" && this.peek()!.text === "by") {
            const g = this.peek(1);
            if (g?.kind !== "braces") throw new SyntaxFailure(`"by" must be followed by {key,…}`);
            this.i += 2;
            groups = checkGroupBy(g.text, this.errors);
        }
        return { kind: "metric", aggregator, metric: name, groups, methods: [] };
    }

    private args(where: string): Node[] {
        const args: Node[] = [];
        if (this.isOp(this.peek(), ")")) {
            this.i++;
            return args;
        }
        for (;;) {
            const t = this.peek();
            if (t?.kind === "braces") {
                this.i++;
                args.push({ kind: "group", keys: checkGroupBy(t.text, this.errors) });
            } else if (t?.kind === "str") {
                this.i++;
                args.push({ kind: "str", value: t.text });
            } else if (t?.kind === "ident" && this.isOp(this.peek(1), "=")) {
                this.i += 2;
                const v = this.peek();
                if (!v || !(v.kind === "str" || v.kind === "num" || v.kind === "ident"))
                    throw new SyntaxFailure(`${where}: ${t.text}= needs a value`);
                this.i++;
                args.push({
                    kind: "named",
                    name: t.text,
                    value:
                        v.kind === "num"
                            ? { kind: "num", value: Number(v.text) }
                            : v.kind === "str"
                              ? { kind: "str", value: v.text }
                              : { kind: "var", name: v.text },
                });
            } else if (t?.kind === "ident" && (this.isOp(this.peek(1), ",") || this.isOp(this.peek(1), ")")) && this.ctx === "metric") {
                // Bare words as arguments: `.rollup(sum, 60)`, `.fill(zero)`.
                this.i++;
                args.push({ kind: "str", value: t.text });
            } else args.push(this.expr());
            const sep = this.peek();
            if (this.isOp(sep, ",")) {
                this.i++;
                continue;
            }
            if (this.isOp(sep, ")")) {
                this.i++;
                return args;
            }
            throw new SyntaxFailure(
                sep ? `expected "," or ")" in ${where}, found "${sep.text}"` : `unbalanced parentheses: ${where} is never closed`,
            );
        }
    }

    private call(name: string, args: Node[]): Node {
        if (ALGORITHMS.has(name)) {
            this.errors.push(`${name}() must be the whole monitor query (e.g. avg(last_4h):${name}(…) >= 1), not part of an expression`);
            return { kind: "call", name, args };
        }
        const spec = FUNCTIONS[name] ?? (this.ctx === "formula" ? FORMULA_FUNCTIONS[name] : undefined);
        if (!spec) {
            if (LEGACY_TOP.test(name)) {
                if (args.length !== 1) this.errors.push(`${name}() takes 1 argument, got ${args.length}`);
                return { kind: "call", name, args };
            }
            this.errors.push(`unknown function "${name}()"`);
            return { kind: "call", name, args };
        }
        if (args.length < spec.min || args.length > spec.max) {
            const want = spec.min === spec.max ? `${spec.min} argument${spec.min > 1 ? "s" : ""}` : `${spec.min} to ${spec.max} arguments`;
            this.errors.push(`${name}() takes ${want}, got ${args.length}`);
        } else spec.check?.(args, this.errors);
        const first = args[0];
        if (first && (first.kind === "str" || first.kind === "group" || first.kind === "named"))
            this.errors.push(`${name}(): the first argument must be a query, not ${describe(first)}`);
        return { kind: "call", name, args };
    }

    private checkMethod(target: Node, name: string, args: Node[]): void {
        if (target.kind === "num") {
            this.errors.push(`.${name}() cannot apply to a number`);
            return;
        }
        const arg = (n: Node | undefined) => (n?.kind === "str" ? n.value : undefined);
        switch (name) {
            case "as_count":
            case "as_rate":
            case "weighted":
                if (args.length) this.errors.push(`.${name}() takes no arguments`);
                return;
            case "rollup": {
                if (args.length < 1 || args.length > 2) {
                    this.errors.push(`.rollup() takes (method[, seconds]), got ${args.length} arguments`);
                    return;
                }
                const method = arg(args[0]);
                if (!method || !ROLLUP_METHODS.includes(method))
                    this.errors.push(`unknown rollup method ${method ? `"${method}"` : describe(args[0])} (${ROLLUP_METHODS.join(", ")})`);
                if (args[1] && !(args[1].kind === "num" && Number.isInteger(args[1].value) && args[1].value > 0))
                    this.errors.push(".rollup(): the interval must be a whole number of seconds");
                return;
            }
            case "fill": {
                if (args.length < 1 || args.length > 2) {
                    this.errors.push(`.fill() takes (method[, limit]), got ${args.length} arguments`);
                    return;
                }
                const method = arg(args[0]);
                if (!method || !FILL_METHODS.includes(method))
                    this.errors.push(`unknown fill method ${method ? `"${method}"` : describe(args[0])} (${FILL_METHODS.join(", ")})`);
                if (args[1] && !(args[1].kind === "num" && Number.isInteger(args[1].value) && args[1].value >= 0))
                    this.errors.push(".fill(): the limit must be a whole number of seconds");
                return;
            }
            default:
                this.errors.push(`unknown method .${name}() (as_count, as_rate, rollup, fill, weighted)`);
        }
    }
}

/** Parses an expression, pushing what is wrong; undefined when it does not parse at all. */
export function parseExpression(source: string, ctx: ExpressionContext, errors: string[]): Node | undefined {
    try {
        return new Parser(tokenize(source), ctx, errors, source).parseAll();
    } catch (e) {
        if (e instanceof SyntaxFailure) {
            errors.push(e.message);
            return undefined;
        }
        throw e;
    }
}

/** Parses a whole-query algorithm call (`anomalies(<query>, 'agile', 2, direction='above')`). */
export function parseAlgorithm(source: string, ctx: ExpressionContext, errors: string[]): { name: string; args: Node[] } | undefined {
    try {
        return new Parser(tokenize(source), ctx, errors, source).parseAlgorithm();
    } catch (e) {
        if (e instanceof SyntaxFailure) {
            errors.push(e.message);
            return undefined;
        }
        throw e;
    }
}

/** Every metric query in an expression. */
export function metricsOf(n: Node | undefined): Array<Extract<Node, { kind: "metric" }>> {
    if (!n) return [];
    switch (n.kind) {
        case "metric":
            return [n];
        case "call":
            return n.args.flatMap(metricsOf);
        case "named":
            return metricsOf(n.value);
        case "method":
            return metricsOf(n.target);
        case "unary":
            return metricsOf(n.arg);
        case "binary":
            return [...metricsOf(n.left), ...metricsOf(n.right)];
        default:
            return [];
    }
}

/**
 * Checks an arithmetic expression over metric queries (the body of a metric monitor, or an SLO's good/total query).
 * Kept under its historical name for lib/datadog/slo.ts.
 */
export function checkMetricExpression(expr: string, errors: string[]): Node | undefined {
    const node = parseExpression(expr, "metric", errors);
    if (node && metricsOf(node).length === 0) errors.push(`no metric query (aggregator:metric{tags}) in "${expr}"`);
    return node;
}
