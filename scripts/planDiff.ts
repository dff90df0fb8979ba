/**
 * `npm run plan:diff -- <base.json> <head.json> [--out <diff.md>] [--max-chars <n>] [--full-diff-at <where>]
 * [--allow-different-stacks]`: Markdown of what changes between two plans (written by `npm run plan -- --out`):
 * alerting summary first, then resources per product. Prints the pull-request comment (cut to fit GitHub's
 * 65,536-character limit, saying what was cut and where the full diff is); `--out` gets the full, uncut diff.
 * Exit 0: no changes; 2: changes; 1: bad input (one line per problem, no stack trace).
 */
import * as fs from "fs";
import { formatProblem, isValidationError } from "../lib/inputs/errors";
import { diffPlans, GITHUB_COMMENT_LIMIT, parsePlan, renderDiff, stackMismatch } from "../lib/tooling/planDiff";

const USAGE =
    "usage: npm run plan:diff -- <base.json> <head.json> [--out <diff.md>] [--max-chars <n>] [--full-diff-at <where>] [--allow-different-stacks]";

function fail(lines: string[]): never {
    process.stderr.write(lines.map((l) => `plan:diff: ${l}\n`).join(""));
    process.exit(1);
}

function readPlans(files: string[]) {
    const problems: string[] = [];
    const plans = files.map((file) => {
        try {
            return parsePlan(fs.readFileSync(file, "utf8"), file);
        } catch (e) {
            if (isValidationError(e)) problems.push(...e.problems.map(formatProblem));
            else if ((e as NodeJS.ErrnoException).code === "ENOENT") problems.push(`${file}: file not found`);
            else problems.push(`${file}: cannot read: ${(e as Error).message}`);
            return undefined;
        }
    });
    if (problems.length) fail(problems);
    return plans.map((p) => p!);
}

const args = process.argv.slice(2);
const options = new Map<string, string>();
const flags = new Set<string>();
const files: string[] = [];
for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--allow-different-stacks") flags.add(a);
    else if (["--out", "--max-chars", "--full-diff-at"].includes(a)) {
        if (args[i + 1] === undefined) fail([`${a} needs a value`, USAGE]);
        options.set(a, args[++i]);
    } else if (a.startsWith("--")) fail([`unknown option ${a}`, USAGE]);
    else files.push(a);
}
if (files.length !== 2) fail([USAGE]);
const maxChars = Number(options.get("--max-chars") ?? GITHUB_COMMENT_LIMIT);
if (!Number.isInteger(maxChars) || maxChars < 1000)
    fail([`--max-chars: ${options.get("--max-chars")}: expected a whole number of at least 1000`]);
const [base, head] = readPlans(files);
const mismatch = stackMismatch(base, head, [files[0], files[1]]);
if (mismatch && !flags.has("--allow-different-stacks")) fail([mismatch]);

const diff = diffPlans(base, head);
const out = options.get("--out");
const full = renderDiff(diff, base, head);
if (out) fs.writeFileSync(out, full);
const comment = renderDiff(diff, base, head, {
    maxChars,
    fullDiffAt: options.get("--full-diff-at") ?? (out ? `\`${out}\`` : undefined),
});
process.stdout.write(comment);
process.exit(diff.changed ? 2 : 0);
