/**
 * SLO alerts: `burn_rate("<slo id>").over("7d|30d|90d").long_window("<n>h").short_window("<n>m") > <rate>` and
 * `error_budget("<slo id>").over("7d|30d|90d") > <percent of budget consumed>`. Both alert when a value rises, so
 * they compare with > or >= only (Datadog's API reference, Monitors, "SLO Alert Query"). Burn-rate windows: a long
 * window of 1 h to 48 h and a shorter short window (docs: Service Level Objectives / Burn Rate Alerts).
 */
import { Comparison, durationMinutes, parseChain } from "./syntax";

export const MAX_BURN_RATE_LONG_WINDOW_HOURS = 48;
export const MIN_BURN_RATE_LONG_WINDOW_HOURS = 1;
const TIMEFRAMES = ["7d", "30d", "90d"];

export type SloForm = "burn-rate" | "error-budget";

export function checkSloAlert(cmp: Comparison, errors: string[]): SloForm | undefined {
    const calls = parseChain(cmp.lhs, errors);
    if (!calls) return undefined;
    const [head, ...methods] = calls;
    const form: SloForm | undefined = head.name === "burn_rate" ? "burn-rate" : head.name === "error_budget" ? "error-budget" : undefined;
    const expected = form === "error-budget" ? ["over"] : ["over", "long_window", "short_window"];
    if (
        !form ||
        head.args.length !== 1 ||
        !head.args[0].quoted ||
        !head.args[0].text ||
        methods.map((m) => m.name).join() !== expected.join() ||
        methods.some((m) => m.args.length !== 1 || !m.args[0].quoted)
    ) {
        errors.push(
            form === "error-budget"
                ? 'error-budget alert must be error_budget("<slo id>").over("7d|30d|90d")'
                : 'burn-rate alert must be burn_rate("<slo id>").over("7d|30d|90d").long_window("<n>h").short_window("<n>m")',
        );
        return form;
    }
    const arg = (name: string) => methods.find((m) => m.name === name)!.args[0].text;
    if (!TIMEFRAMES.includes(arg("over"))) errors.push(`SLO timeframe "${arg("over")}" must be one of ${TIMEFRAMES.join(", ")}`);
    if (cmp.comparator !== undefined && cmp.comparator !== ">" && cmp.comparator !== ">=")
        errors.push(`SLO alerts compare with > or >=, not ${cmp.comparator}`);
    const threshold = Number(cmp.threshold);
    if (form === "error-budget") {
        if (cmp.threshold !== undefined && !(threshold > 0 && threshold <= 100))
            errors.push(`error budget threshold ${cmp.threshold} must be a percentage of the budget consumed in (0, 100]`);
        return form;
    }
    const long = durationMinutes(arg("long_window"), ["m", "h", "d"]);
    const short = durationMinutes(arg("short_window"), ["m", "h", "d"]);
    if (long === undefined) errors.push(`invalid long window "${arg("long_window")}"`);
    if (short === undefined) errors.push(`invalid short window "${arg("short_window")}"`);
    if (long !== undefined) {
        if (long > MAX_BURN_RATE_LONG_WINDOW_HOURS * 60)
            errors.push(`long window ${arg("long_window")} exceeds the ${MAX_BURN_RATE_LONG_WINDOW_HOURS}h maximum`);
        if (long < MIN_BURN_RATE_LONG_WINDOW_HOURS * 60)
            errors.push(`long window ${arg("long_window")} is shorter than the ${MIN_BURN_RATE_LONG_WINDOW_HOURS}h minimum`);
        if (short !== undefined && short >= long) errors.push("short window must be shorter than the long window");
    }
    // The upper bound, 1 / (1 - SLO target), needs the SLO's target: lib/datadog/slo.ts checks it.
    if (cmp.threshold !== undefined && !(threshold > 0)) errors.push(`burn rate threshold ${cmp.threshold} must be positive`);
    return form;
}
