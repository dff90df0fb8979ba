/**
 * Formula-based monitors: `formula("<expression over query names>")[.rollup("sum")][.by(…)].last("<window>")` with an
 * optional function (`.anomaly(direction="above"[, threshold=#])`, `.change("relative"|"absolute"[, #])`,
 * `.forecast(…)`), the queries themselves living in the monitor's `options.variables`. Cost monitors use
 * `.current("<window>")` for forecasts (Datadog's API reference, Monitors, "Cost Alert Query").
 */
import { parseExpression } from "./expression";
import { ChainCall, durationMinutes, parseChain } from "./syntax";

const ROLLUPS = ["avg", "sum", "min", "max", "count"];
const WINDOW_UNITS = ["m", "h", "d", "w", "mo"];

function windowOf(call: ChainCall, errors: string[]): void {
    const w = call.args.length === 1 ? call.args[0].text : undefined;
    if (w === undefined || durationMinutes(w, WINDOW_UNITS) === undefined)
        errors.push(`invalid window in .${call.name}(${call.args.map((a) => a.text).join(", ")}) (<n> with ${WINDOW_UNITS.join(", ")})`);
}

/** Checks a formula query's left-hand side; returns the function it applies (anomaly, change, forecast), if any. */
export function checkFormulaQuery(lhs: string, errors: string[]): string | undefined {
    const calls = parseChain(lhs, errors);
    if (!calls) return undefined;
    const [head, ...methods] = calls;
    if (head.name !== "formula" || head.args.length !== 1 || !head.args[0].quoted) {
        errors.push('a formula query must start with formula("<expression>")');
        return undefined;
    }
    parseExpression(head.args[0].text, "formula", errors);
    const seen = new Set<string>();
    let fn: string | undefined;
    for (const c of methods) {
        if (seen.has(c.name)) errors.push(`.${c.name}() appears twice`);
        seen.add(c.name);
        switch (c.name) {
            case "last":
            case "current":
                windowOf(c, errors);
                break;
            case "rollup":
                if (c.args.length !== 1 || !ROLLUPS.includes(c.args[0].text))
                    errors.push(`unknown rollup method ${c.args.map((a) => `"${a.text}"`).join(", ") || "(none)"} (${ROLLUPS.join(", ")})`);
                break;
            case "by":
                if (c.args.length === 0) errors.push(".by() needs keys to group by");
                break;
            case "anomaly":
                fn = c.name;
                for (const a of c.args) {
                    if (a.name === "direction") {
                        if (!["above", "below", "both"].includes(a.text))
                            errors.push(`invalid .anomaly() direction "${a.text}" (above, below, both)`);
                    } else if (a.name === "threshold") {
                        if (!(Number(a.text) > 0)) errors.push(`invalid .anomaly() threshold ${a.text}`);
                    } else errors.push(`unknown .anomaly() argument "${a.name ?? a.text}" (direction=, threshold=)`);
                }
                break;
            case "change":
                fn = c.name;
                if (
                    !["relative", "absolute"].includes(c.args[0]?.text ?? "") ||
                    c.args.length > 2 ||
                    (c.args[1] && Number.isNaN(Number(c.args[1].text)))
                )
                    errors.push(`.change() takes ("relative"|"absolute"[, <number>])`);
                break;
            case "forecast":
                fn = c.name;
                break;
            default:
                errors.push(
                    `unknown formula method .${c.name}() (.last(), .current(), .rollup(), .by(), .anomaly(), .change(), .forecast())`,
                );
        }
    }
    if (!seen.has("last") && !seen.has("current")) errors.push('a formula query needs .last("<window>")');
    if (seen.has("current") && fn !== "forecast") errors.push(".current(…) windows are for forecasts; use .last(…)");
    return fn;
}
