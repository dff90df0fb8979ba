/**
 * The inside of a metric query's `{…}`: `*`, comma-separated tags, or a boolean filter
 * (`(a:1 OR b:2) AND !c`, `key IN (x,y)`, `key NOT IN (x)`), with wildcards and template variables (`$env`).
 */

const TAG = /^[!-]?([A-Za-z_$][\w.\-/$*@]*|\*)(:[^\s,(){}]*)?$/;
const GROUP_KEY = /^[A-Za-z_$@][\w.\-/$@]*$/;

type Tok = { kind: "word" | "(" | ")" | ","; text: string };

function tokenize(inside: string): Tok[] {
    const out: Tok[] = [];
    const re = /\s*([(),]|[^\s(),]+)/y;
    let m: RegExpExecArray | null;
    while ((m = re.exec(inside))) {
        const t = m[1];
        out.push(t === "(" || t === ")" || t === "," ? { kind: t, text: t } : { kind: "word", text: t });
    }
    return out;
}

const KEYWORD = (t: Tok | undefined, k: string) => t?.kind === "word" && t.text.toUpperCase() === k;

/** Checks a tag filter; pushes `invalid tag filter "…": <why>` on the first problem. */
export function checkTagFilter(inside: string, errors: string[]): void {
    const text = inside.trim();
    if (text === "*") return;
    // Names the offending piece when there is one, the whole filter otherwise.
    const fail = (why: string, piece = text) => {
        errors.push(`invalid tag filter "${piece}": ${why}`);
    };
    if (text === "") return fail("empty (use {*} for every source)");
    const toks = tokenize(text);
    let i = 0;
    const orExpr = (): boolean => {
        if (!andExpr()) return false;
        while (KEYWORD(toks[i], "OR")) {
            i++;
            if (!andExpr()) return false;
        }
        return true;
    };
    const andExpr = (): boolean => {
        if (!unary()) return false;
        while (toks[i]?.kind === "," || KEYWORD(toks[i], "AND")) {
            i++;
            if (!unary()) return false;
        }
        return true;
    };
    const unary = (): boolean => {
        const t = toks[i];
        if (!t) {
            fail("ends where a tag is expected");
            return false;
        }
        if (KEYWORD(t, "NOT")) {
            i++;
            return unary();
        }
        if (t.kind === "(") {
            i++;
            if (!orExpr()) return false;
            if (toks[i]?.kind !== ")") {
                fail("unbalanced parentheses");
                return false;
            }
            i++;
            return true;
        }
        if (t.kind !== "word" || ["AND", "OR", "IN"].includes(t.text.toUpperCase())) {
            fail(`unexpected "${t.text}"`);
            return false;
        }
        i++;
        const notIn = KEYWORD(toks[i], "NOT") && KEYWORD(toks[i + 1], "IN");
        if (KEYWORD(toks[i], "IN") || notIn) {
            // key IN (v1, v2): the key is a bare tag key.
            if (!GROUP_KEY.test(t.text)) {
                fail("not a tag key", t.text);
                return false;
            }
            i += notIn ? 2 : 1;
            if (toks[i]?.kind !== "(") {
                fail(`IN needs a (list)`);
                return false;
            }
            i++;
            let values = 0;
            while (toks[i] && toks[i].kind !== ")") {
                if (toks[i].kind === ",") {
                    i++;
                    continue;
                }
                if (toks[i].kind !== "word") {
                    fail(`unexpected "${toks[i].text}" in the IN list`);
                    return false;
                }
                values++;
                i++;
            }
            if (toks[i]?.kind !== ")") {
                fail("unbalanced parentheses");
                return false;
            }
            i++;
            if (values === 0) {
                fail("empty IN list");
                return false;
            }
            return true;
        }
        if (!TAG.test(t.text)) {
            fail("not a tag (key:value, key, !key:value or *)", t.text);
            return false;
        }
        return true;
    };
    if (!orExpr()) return;
    if (i < toks.length) {
        const t = toks[i];
        if (t.kind === ")") fail("unbalanced parentheses");
        else fail('two terms without AND, OR or "," between them', `${toks[i - 1]?.text} ${t.text}`);
    }
}

/** Checks the keys of a `by {a,b}` group-by. */
export function checkGroupBy(inside: string, errors: string[]): string[] {
    const keys = inside.split(",").map((g) => g.trim());
    for (const k of keys) if (!GROUP_KEY.test(k)) errors.push(`invalid group-by key "${k}"`);
    return keys;
}
