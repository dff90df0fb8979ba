/** Broken variants of a committed stack file, written to a temporary folder, for the config and bad-input tests. */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as YAML from "yaml";
import { loadCatalog } from "../../lib/inputs/catalog/validate";
import { formatProblem } from "../../lib/inputs/errors";
import { catalog } from "../../products";
import { checkStackFile, readProjectName } from "../../scripts/stackFile";
import { PROJECT_DIR, RunResult } from "./run";

export const PROJECT = readProjectName(PROJECT_DIR);
export type StackDoc = { config: Record<string, any> } & Record<string, any>;

export function stackText(stack: string): string {
    return fs.readFileSync(path.join(PROJECT_DIR, `Pulumi.${stack}.yaml`), "utf8");
}

/** The stack file as a YAML object, with a helper to reach a project key. */
export function stackDoc(stack: string): StackDoc {
    return YAML.parse(stackText(stack));
}
export const key = (k: string) => `${PROJECT}:${k}`;

/** Writes `content` (a document or raw text) as `Pulumi.<stack>.yaml` in a new temporary folder; returns its path. */
export function writeVariant(stack: string, content: StackDoc | string): string {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "stack-")), `Pulumi.${stack}.yaml`);
    fs.writeFileSync(file, typeof content === "string" ? content : YAML.stringify(content));
    return file;
}

/** Every problem line `npm run plan` reports for a stack file before building resources. */
export function fileProblems(stack: string, content: StackDoc | string): string[] {
    const file = writeVariant(stack, content);
    return checkStackFile(file, {
        project: PROJECT,
        stack,
        productKeys: catalog.map((p) => p.key),
        catalog: loadCatalog(catalog),
    }).problems.map(formatProblem);
}

/** A variant of a committed stack: `edit` changes the parsed document in place. */
export function variantProblems(stack: string, edit: (d: StackDoc) => void): string[] {
    const d = stackDoc(stack);
    edit(d);
    return fileProblems(stack, d);
}

const TSX_CLI = require.resolve("tsx/cli", { paths: [PROJECT_DIR] });

/**
 * A copy of the program (sources and stack files; node_modules linked) in a temporary folder, for runs that
 * need a broken product spec. Returns the copy's root.
 */
export function copyProject(): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "project-"));
    for (const entry of ["index.ts", "Pulumi.yaml", "package.json", "tsconfig.json", "components", "lib", "products", "scripts"]) {
        fs.cpSync(path.join(PROJECT_DIR, entry), path.join(root, entry), { recursive: true });
    }
    for (const f of fs.readdirSync(PROJECT_DIR).filter((f) => /^Pulumi\..+\.yaml$/.test(f)))
        fs.copyFileSync(path.join(PROJECT_DIR, f), path.join(root, f));
    fs.symlinkSync(path.join(PROJECT_DIR, "node_modules"), path.join(root, "node_modules"), "dir");
    return root;
}

/** `npm run plan -- <args>` of the project at `root`, in a child process. */
export function runPlanAsync(root: string, args: string[]): Promise<RunResult> {
    return new Promise((resolve) => {
        const child = spawn(process.execPath, [TSX_CLI, path.join(root, "scripts", "plan.ts"), ...args], { cwd: root, env: process.env });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (d) => (stdout += d));
        child.stderr.on("data", (d) => (stderr += d));
        child.on("close", (status) => resolve({ status, stdout, stderr }));
    });
}
