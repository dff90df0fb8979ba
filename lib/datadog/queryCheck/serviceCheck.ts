/**
 * Service-check monitors: `"<check>"[.over("<tag>", …)][.exclude("<tag>", …)][.by("<tag>", …)].last(<n>)
 * .count_by_status()`. Datadog's API reference writes `.over(tags).last(count).by(group)`; the UI and the
 * integrations' recommended monitors write `.by()` before `.last()`, and `.over()` may be left out, so the methods
 * are accepted in any order, each once, with `.count_by_status()` closing the chain.
 */
import { parseChain } from "./syntax";

export const MAX_SERVICE_CHECK_RUNS = 100;

/** Checks a service-check query; returns the number of runs it evaluates (`.last(n)`), if readable. */
export function checkServiceCheck(q: string, errors: string[]): number | undefined {
    const calls = parseChain(q, errors);
    if (!calls) return undefined;
    const [head, ...methods] = calls;
    if (head.name !== "" || !/^[A-Za-z][\w.-]*$/.test(head.args[0]?.text ?? "")) {
        errors.push(
            `a service check query starts with the quoted check name ("datadog.agent.up"), not ${head.name ? `${head.name}(…)` : `"${head.args[0]?.text}"`}`,
        );
        return undefined;
    }
    const seen = new Set<string>();
    let runs: number | undefined;
    methods.forEach((c, i) => {
        if (seen.has(c.name)) errors.push(`.${c.name}() appears twice`);
        seen.add(c.name);
        switch (c.name) {
            case "over":
            case "exclude":
            case "by": {
                const bare = c.args.filter((a) => !a.quoted);
                if (bare.length)
                    errors.push(
                        `tags must be quoted strings: .${c.name}(${c.args.map((a) => (a.quoted ? `"${a.text}"` : a.text)).join(",")})`,
                    );
                // `.over("")` (every source) is how the http_check and process recommended monitors write it.
                else if (c.args.length === 0 || (c.name !== "over" && c.args.some((a) => !a.text.trim())))
                    errors.push(`.${c.name}() cannot be blank ("*" for every source)`);
                break;
            }
            case "last": {
                const n = c.args.length === 1 && !c.args[0].quoted && /^\d+$/.test(c.args[0].text) ? Number(c.args[0].text) : undefined;
                if (n === undefined) errors.push(`.last() takes a number of check runs, got (${c.args.map((a) => a.text).join(", ")})`);
                else if (n < 1 || n > MAX_SERVICE_CHECK_RUNS)
                    errors.push(`.last(${n}) must be between 1 and ${MAX_SERVICE_CHECK_RUNS} check runs`);
                else runs = n;
                break;
            }
            case "count_by_status":
                if (c.args.length) errors.push(".count_by_status() takes no arguments");
                if (i !== methods.length - 1) errors.push(".count_by_status() must end the query");
                break;
            default:
                errors.push(`unknown service check method .${c.name}() (.over(), .exclude(), .by(), .last(), .count_by_status())`);
        }
    });
    if (!seen.has("last")) errors.push("a service check needs .last(<number of runs>)");
    if (!seen.has("count_by_status")) errors.push("a service check query ends with .count_by_status()");
    return runs;
}
