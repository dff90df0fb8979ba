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
