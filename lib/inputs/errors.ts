import * as path from "path";

/**
 * One problem found in the input (stack config or product spec). Printed as
 * `<source>: <field>: <message>` so that every line names the file or product and the field.
 */
export interface Problem {
    source: string;
    field: string;
    message: string;
}

export function formatProblem(p: Problem): string {
    return `${p.source}: ${p.field || "(root)"}: ${p.message}`;
}

/** Raised when input is invalid. Carries every problem found, so they are all reported at once. */
export class ValidationError extends Error {
    readonly problems: Problem[];
    constructor(problems: Problem[]) {
        super(problems.map(formatProblem).join("\n"));
        this.name = "ValidationError";
        this.problems = problems;
    }
}

export function isValidationError(e: unknown): e is ValidationError {
    return e instanceof Error && e.name === "ValidationError" && Array.isArray((e as ValidationError).problems);
}

/** Throws a ValidationError when problems is non-empty. */
export function assertNoProblems(problems: Problem[]): void {
    if (problems.length > 0) throw new ValidationError(problems);
}

/** Renders a zod issue path (["monitors", 3, "critical"]) as `monitors[3].critical`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
    let out = "";
    for (const seg of path) {
        if (typeof seg === "number") out += `[${seg}]`;
        else out += out ? `.${String(seg)}` : String(seg);
    }
    return out;
}

/** Edit distance between two short strings (keys, namespaces), for "did you mean" hints. */
function editDistance(a: string, b: string): number {
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const cur = [i];
        for (let j = 1; j <= b.length; j++) {
            cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        prev = cur;
    }
    return prev[b.length];
}

/** The closest candidate within a third of the word's length (at least 1 edit, at most 3, or `max`), if any. */
export function closest(word: string, candidates: Iterable<string>, max = 3): string | undefined {
    let best: string | undefined;
    let bestDistance = Math.min(max, Math.max(1, Math.floor(word.length / 3)));
    for (const c of candidates) {
        const d = editDistance(word.toLowerCase(), c.toLowerCase());
        if (d <= bestDistance && (best === undefined || d < bestDistance)) {
            best = c;
            bestDistance = d;
        }
    }
    return best;
}

/** `unknown key (did you mean "config"?)`, or `unknown key (check the spelling)` when nothing is close. */
export function unknownName(what: string, word: string, candidates: Iterable<string>): string {
    const guess = closest(word, candidates);
    return `unknown ${what} (${guess ? `did you mean "${guess}"?` : "check the spelling"})`;
}

/**
 * A runtime error of the program as one problem line, naming the product spec it was thrown from (the first stack
 * frame in `<projectDir>/products/`), so a broken spec module is pointed at instead of a bare message or a trace.
 */
export function thrownProblem(e: unknown, projectDir: string): Problem {
    const message = e instanceof Error ? e.message.split("\n")[0] : String(e);
    const frames = e instanceof Error ? (e.stack ?? "").split("\n").slice(1) : [];
    const products = path.join(projectDir, "products") + path.sep;
    for (const line of frames) {
        const file = /\(?(?:file:\/\/)?(\/[^():]+\.ts):\d+:\d+\)?$/.exec(line.trim())?.[1];
        if (file?.startsWith(products)) {
            return { source: path.relative(projectDir, file).split(path.sep).join("/"), field: "(module)", message: `throws: ${message}` };
        }
    }
    return { source: "index.ts", field: "(program)", message: `throws: ${message} (PLAN_DEBUG=1 prints the stack trace)` };
}
