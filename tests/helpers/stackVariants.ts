/** Broken variants of a committed stack file, written to a temporary folder, for the config and bad-input tests. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as YAML from "yaml";
import { loadCatalog } from "../../lib/inputs/catalog/validate";
import { formatProblem } from "../../lib/inputs/errors";
import { catalog } from "../../products";
import { checkStackFile, readProjectName } from "../../scripts/stackFile";
import { PROJECT_DIR } from "./run";

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
    return checkStackFile(file, { project: PROJECT, stack, productKeys: catalog.map((p) => p.key), catalog: loadCatalog(catalog) }).problems.map(formatProblem);
}

/** A variant of a committed stack: `edit` changes the parsed document in place. */
export function variantProblems(stack: string, edit: (d: StackDoc) => void): string[] {
    const d = stackDoc(stack);
    edit(d);
    return fileProblems(stack, d);
}
