/** Runs the project's scripts in a child process (plain node + tsx), as `npm run ...` would. */
import { spawnSync, spawn } from "child_process";
import * as path from "path";

export const PROJECT_DIR = path.resolve(__dirname, "..", "..");
/** Per-run folder (several jest runs may share the tree); globalSetup sets it, workers inherit it. */
export function planCacheDir(): string {
    return process.env.PLAN_CACHE_DIR ?? path.join(PROJECT_DIR, ".plan-cache", "default");
}
const TSX_CLI = require.resolve("tsx/cli", { paths: [PROJECT_DIR] });

export interface RunResult {
    status: number | null;
    stdout: string;
    stderr: string;
}

export function runScript(script: string, args: string[], env: Record<string, string> = {}): RunResult {
    const r = spawnSync(process.execPath, [TSX_CLI, path.join(PROJECT_DIR, "scripts", script), ...args], {
        cwd: PROJECT_DIR,
        encoding: "utf8",
        env: { ...process.env, ...env },
        timeout: 120000,
    });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function runScriptAsync(script: string, args: string[], env: Record<string, string> = {}): Promise<RunResult> {
    return new Promise((resolve) => {
        const child = spawn(process.execPath, [TSX_CLI, path.join(PROJECT_DIR, "scripts", script), ...args], {
            cwd: PROJECT_DIR,
            env: { ...process.env, ...env },
        });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (d) => (stdout += d));
        child.stderr.on("data", (d) => (stderr += d));
        child.on("close", (status) => resolve({ status, stdout, stderr }));
    });
}
