/**
 * `npm run plan:diff -- <base.json> <head.json> [--out <file.md>]`: Markdown of what changes between two plans
 * (written by `npm run plan -- --out`), grouped by product. Exit 0: no changes; 2: changes; 1: bad input.
 */
import * as fs from "fs";
import { diffPlans, renderDiff } from "../lib/tooling/planDiff";
import type { Plan } from "../lib/tooling/plan";

function fail(message: string): never {
    process.stderr.write(`plan:diff: ${message}\n`);
    process.exit(1);
}

function readPlan(file: string): Plan {
    let doc: unknown;
    try {
        doc = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (e) {
        fail(`${file}: ${(e as Error).message}`);
    }
    const p = doc as Plan;
    if (!p || !Array.isArray(p.resources) || typeof p.stack !== "string") fail(`${file}: not a plan written by npm run plan -- --out`);
    return p;
}

const args = process.argv.slice(2);
const outAt = args.indexOf("--out");
const out = outAt >= 0 ? args[outAt + 1] : undefined;
const files = outAt >= 0 ? args.filter((_, i) => i !== outAt && i !== outAt + 1) : args;
if (files.length !== 2) fail("usage: npm run plan:diff -- <base.json> <head.json> [--out <file.md>]");
const [base, head] = files.map(readPlan);
const diff = diffPlans(base, head);
const markdown = renderDiff(diff, base, head);
if (out) fs.writeFileSync(out, markdown);
process.stdout.write(markdown);
process.exit(diff.changed ? 2 : 0);
