/**
 * Plans both real stacks once, in parallel child processes, before any test runs; tests read the JSON.
 * Sentinel secret values let the secret-hygiene tests prove no secret reaches the plan in clear.
 */
import * as fs from "fs";
import * as path from "path";
import { PROJECT_DIR, runScriptAsync } from "./helpers/run";
import { SENTINEL_SECRETS, STACKS } from "./helpers/constants";

export default async function globalSetup(): Promise<void> {
    const PLAN_CACHE = path.join(PROJECT_DIR, ".plan-cache", `run-${process.pid}`);
    process.env.PLAN_CACHE_DIR = PLAN_CACHE;
    fs.mkdirSync(PLAN_CACHE, { recursive: true });
    const env = Object.fromEntries(Object.entries(SENTINEL_SECRETS).map(([k, v]) => [`PLAN_SECRET_${k}`, v]));
    const results = await Promise.all(
        STACKS.map((stack) =>
            runScriptAsync("plan.ts", ["--stack", stack, "--out", path.join(PLAN_CACHE, `${stack}.json`)], env).then((r) => {
                fs.writeFileSync(path.join(PLAN_CACHE, `${stack}.summary.txt`), r.stdout);
                return { stack, ...r };
            }),
        ),
    );
    const failed = results.filter((r) => r.status !== 0);
    if (failed.length) {
        throw new Error(failed.map((r) => `npm run plan -- --stack ${r.stack} failed:\n${r.stderr}${r.stdout}`).join("\n"));
    }
}
