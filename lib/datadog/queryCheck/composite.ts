/**
 * Composite monitors: a boolean expression over the ids of other monitors, `123 && (456 || !789)`. The checker
 * cannot know whether the ids exist or are composites themselves (Datadog refuses nesting).
 */

/** Checks a composite query; returns the monitor ids it names. */
export function checkComposite(q: string, errors: string[]): string[] {
    const toks = q.match(/\d+|&&|\|\||!|\(|\)|\S+?(?=\s|\(|\)|!|&&|\|\||$)/g) ?? [];
    const ids: string[] = [];
    let i = 0;
    const fail = (why: string) => {
        errors.push(why);
        return false;
    };
    const or = (): boolean => {
        if (!and()) return false;
        while (toks[i] === "||") {
            i++;
            if (!and()) return false;
        }
        return true;
    };
    const and = (): boolean => {
        if (!not()) return false;
        while (toks[i] === "&&") {
            i++;
            if (!not()) return false;
        }
        return true;
    };
    const not = (): boolean => {
        const t = toks[i];
        if (t === "!") {
            i++;
            return not();
        }
        if (t === "(") {
            i++;
            if (!or()) return false;
            if (toks[i] !== ")") return fail("unbalanced parentheses");
            i++;
            return true;
        }
        if (t !== undefined && /^\d+$/.test(t)) {
            ids.push(t);
            i++;
            return true;
        }
        if (t === undefined) return fail("the composite query ends where a monitor id is expected");
        return fail(
            /^(and|or|not|&|\|)$/i.test(t)
                ? `unknown operator "${t}" (use &&, || and !)`
                : `"${t}" is not a monitor id (composite queries combine numeric monitor ids with &&, || and !)`,
        );
    };
    if (toks.length === 0) {
        errors.push("empty composite query");
        return ids;
    }
    if (!or()) return ids;
    if (i < toks.length) {
        const t = toks[i];
        errors.push(
            t === ")"
                ? "unbalanced parentheses"
                : /^(and|or|&|\|)$/i.test(t)
                  ? `unknown operator "${t}" (use &&, || and !)`
                  : `expected && or || before "${t}"`,
        );
    }
    return ids;
}
