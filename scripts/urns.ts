/**
 * `npm run urns`: rewrites docs/urns/<stack>.txt, the committed list of every URN each stack creates.
 * tests/urns.test.ts fails when the program's URNs differ from the list: a changed URN deletes and recreates
 * the resource (a monitor loses its history). See docs/urns.md for deliberate renames with `aliases`.
 */
import * as fs from "fs";
import * as path from "path";
import { evaluate, withoutSourceMaps } from "./planner";

export const URN_DIR = path.resolve(__dirname, "..", "docs", "urns");

export function urnListFile(stack: string): string {
    return path.join(URN_DIR, `${stack}.txt`);
}

export function formatUrnList(urns: string[]): string {
    return [...urns].sort().join("\n") + "\n";
}

async function main(): Promise<void> {
    withoutSourceMaps();
    const stack = process.argv[2];
    if (!stack) throw new Error("usage: tsx scripts/urns.ts <stack>");
    const plan = await evaluate({ stack, projectDir: path.resolve(__dirname, "..") });
    fs.mkdirSync(URN_DIR, { recursive: true });
    fs.writeFileSync(urnListFile(stack), formatUrnList(plan.resources.map((r) => r.urn)));
    process.stdout.write(`${plan.resources.length} URNs written to ${path.relative(process.cwd(), urnListFile(stack))}\n`);
}

if (require.main === module) {
    main().then(
        () => process.exit(0),
        (e) => {
            process.stderr.write(`urns failed: ${e instanceof Error ? e.message : String(e)}\n`);
            process.exit(1);
        },
    );
}
