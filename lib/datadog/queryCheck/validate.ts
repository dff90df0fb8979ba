/** Dispatches a monitor query to the parser of its type's family. */
import { checkComposite } from "./composite";
import { checkFormulaQuery } from "./formula";
import { checkMetricMonitor, MetricForm } from "./metric";
import { checkProcessQuery, checkSearchQuery, SEARCH_SOURCES } from "./search";
import { checkServiceCheck } from "./serviceCheck";
import { checkSloAlert, SloForm } from "./slo";
import { Comparator, Comparison, splitComparison } from "./syntax";

export type QueryForm = MetricForm | SloForm | "formula" | "search" | "process" | "service-check" | "composite";

export interface QueryCheck {
    form?: QueryForm;
    errors: string[];
    comparator?: Comparator;
    /** The query's threshold as written (absent for service checks and composites). */
    threshold?: string;
    /** Service checks: the number of runs `.last(n)` evaluates. */
    runs?: number;
}

/** Types whose query is a formula over `options.variables` only. */
const FORMULA_ONLY = ["cost alert", "data-quality alert", "data-jobs alert"];

/** Every monitor type the checker knows, as Datadog spells it. */
export const MONITOR_TYPES: ReadonlyArray<string> = [
    "metric alert",
    "query alert",
    "service check",
    "composite",
    "slo alert",
    "process alert",
    ...Object.keys(SEARCH_SOURCES),
    ...FORMULA_ONLY,
    "event alert",
    "synthetics alert",
];

const isFormula = (lhs: string) => /^formula\s*\(/.test(lhs);

function withComparison(q: string, errors: string[], check: (cmp: Comparison) => QueryForm | undefined, allowKeyword = false): QueryCheck {
    const cmp = splitComparison(q, errors, { allowKeyword });
    if (cmp.broken) return { errors };
    const form = check(cmp);
    return { form, errors, comparator: cmp.comparator, threshold: cmp.threshold };
}

/**
 * A query whose left side may be a formula or the type's own query form (`check`): the `threshold` keyword of
 * formula monitors is refused on the other form.
 */
function withFormulaOr(q: string, errors: string[], check: (cmp: Comparison) => QueryForm | undefined): QueryCheck {
    return withComparison(
        q,
        errors,
        (cmp) => {
            if (isFormula(cmp.lhs)) {
                checkFormulaQuery(cmp.lhs, errors);
                return "formula";
            }
            if (cmp.threshold === "threshold") errors.push("the threshold keyword is for formula queries only");
            return check(cmp);
        },
        true,
    );
}

/** Checks one monitor query of the given Datadog monitor type. */
export function validateQuery(type: string, query: string): QueryCheck {
    const errors: string[] = [];
    const q = query.trim();
    if (!q) return { errors: ["empty query"] };
    const result = ((): QueryCheck => {
        switch (type) {
            case "metric alert":
            case "query alert":
                return withFormulaOr(q, errors, (cmp) => checkMetricMonitor(cmp.lhs, cmp, errors));
            case "service check": {
                const runs = checkServiceCheck(q, errors);
                return { form: "service-check", errors, runs };
            }
            case "composite":
                checkComposite(q, errors);
                return { form: "composite", errors };
            case "slo alert":
                return withComparison(q, errors, (cmp) => checkSloAlert(cmp, errors));
            case "process alert":
                return withComparison(q, errors, (cmp) => {
                    checkProcessQuery(cmp.lhs, errors);
                    return "process";
                });
            case "event alert":
                return {
                    errors: ['"event alert" monitors are retired: Datadog replaced them with "event-v2 alert" (events("<search>")…)'],
                };
            case "synthetics alert":
                return {
                    errors: [
                        '"synthetics alert" monitors are created by Datadog with their synthetic test (Synthetics API), not through a monitor query',
                    ],
                };
        }
        if (FORMULA_ONLY.includes(type)) {
            return withComparison(q, errors, (cmp) => {
                if (!isFormula(cmp.lhs)) errors.push(`a ${type} query must be formula("<expression>")…`);
                else checkFormulaQuery(cmp.lhs, errors);
                return "formula";
            });
        }
        if (type in SEARCH_SOURCES) {
            return withFormulaOr(q, errors, (cmp) => {
                checkSearchQuery(type, cmp.lhs, errors);
                return "search";
            });
        }
        return { errors: [`unknown monitor type "${type}" (one of: ${MONITOR_TYPES.join(", ")})`] };
    })();
    return { ...result, errors: [...new Set(result.errors)] };
}
