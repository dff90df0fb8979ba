/**
 * Reading the project's Pulumi files the way the Pulumi CLI does, without loading the Pulumi SDK (pure I/O), for
 * the offline plan, the docs generator and the unit tests.
 */
import * as fs from "fs";
import * as path from "path";
import * as YAML from "yaml";
import type { Product } from "../lib/inputs/catalog/schema";
import { checkStackConfig, ConfigCheck, namespaceValues, PublicStackConfig, withoutSecrets } from "../lib/inputs/config";
import { Problem, unknownName, ValidationError } from "../lib/inputs/errors";

export function readProjectName(projectDir: string): string {
    const doc = YAML.parse(fs.readFileSync(path.join(projectDir, "Pulumi.yaml"), "utf8")) as { name?: string };
    if (!doc?.name) throw new Error(`${path.join(projectDir, "Pulumi.yaml")}: name: missing`);
    return doc.name;
}

/** Top-level keys of a Pulumi stack file (Pulumi's project-stack schema); anything else is a typo. */
const STACK_FILE_KEYS = ["config", "secretsprovider", "encryptedkey", "encryptionsalt", "environment"];

/**
 * Shape of a `secure:` value: the ciphertext `pulumi config set --secret` writes, base64 (Pulumi Cloud, KMS
 * providers) or `v1:<nonce>:<ciphertext>` (passphrase provider). Anything else cannot be decrypted by the CLI.
 */
const CIPHERTEXT = /^(v1:)?[A-Za-z0-9+/]+={0,2}(:[A-Za-z0-9+/]+={0,2})*$/;

export interface StackFile {
    /** The config map as the CLI passes it (see stackConfigMap). */
    config: Record<string, string>;
    /** Namespaced keys given as `secure:`. */
    secretKeys: string[];
    /** Problems of the file itself: YAML syntax, layout, malformed secure values. */
    problems: Problem[];
    /** True when the file gives no usable config (unreadable, not YAML, no `config:` mapping). */
    fatal: boolean;
}

function kindOf(v: unknown): string {
    if (v === null || v === undefined) return "nothing";
    if (Array.isArray(v)) return "a list";
    if (typeof v === "object") return "a mapping";
    return `a ${typeof v}`;
}

/**
 * Reads a stack file as the CLI would, collecting every problem of the file itself. `display` names the file in
 * problems (default: its base name). Values of `secure:` keys come from `secretValues`, else a placeholder.
 */
export function readStackFile(
    file: string,
    project: string,
    secretValues: Record<string, string> = {},
    display = path.basename(file),
): StackFile {
    const problems: Problem[] = [];
    const result = (fatal: boolean): StackFile => ({ config, secretKeys, problems, fatal });
    const config: Record<string, string> = {};
    const secretKeys: string[] = [];
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (e) {
        problems.push({
            source: display,
            field: "(file)",
            message: `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
        });
        return result(true);
    }
    const doc = YAML.parseDocument(text);
    // The first syntax error only: the parser's later ones are mostly consequences of it.
    for (const err of doc.errors.slice(0, 1)) {
        const at = err.linePos?.[0];
        problems.push({
            source: display,
            field: at ? `line ${at.line}, column ${at.col}` : "(file)",
            message: `YAML syntax error: ${err.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "")}`,
        });
    }
    if (doc.errors.length) return result(true);
    const root: unknown = doc.toJS() ?? {};
    if (typeof root !== "object" || root === null || Array.isArray(root)) {
        problems.push({ source: display, field: "(file)", message: `must be a mapping with a "config:" key (found ${kindOf(root)})` });
        return result(true);
    }
    const unknownKeys = Object.keys(root).filter((k) => !STACK_FILE_KEYS.includes(k));
    for (const k of unknownKeys) problems.push({ source: display, field: k, message: unknownName("key", k, STACK_FILE_KEYS) });
    const raw = (root as { config?: unknown }).config;
    if (raw === undefined || raw === null) {
        // A misspelt `config:` is reported above; its keys are not also each reported as missing.
        if (!unknownKeys.length)
            problems.push({ source: display, field: "config", message: "missing: the stack's settings go under config:" });
        return result(true);
    }
    if (typeof raw !== "object" || Array.isArray(raw)) {
        problems.push({ source: display, field: "config", message: `must be a mapping of keys to values (found ${kindOf(raw)})` });
        return result(true);
    }
    for (const [rawKey, value] of Object.entries(raw as Record<string, unknown>)) {
        const key = rawKey.includes(":") ? rawKey : `${project}:${rawKey}`;
        const short = key.split(":").slice(1).join(":");
        if (value && typeof value === "object" && !Array.isArray(value) && "secure" in value) {
            const secure = (value as { secure: unknown }).secure;
            const extra = Object.keys(value).filter((k) => k !== "secure");
            const field = key.startsWith(`${project}:`) ? short : key;
            if (extra.length) {
                problems.push({ source: display, field, message: `a secure value takes no other keys (found ${extra.join(", ")})` });
            } else if (typeof secure !== "string" || !CIPHERTEXT.test(secure)) {
                const found =
                    typeof secure === "string" ? (secure === "" ? "an empty string" : "text that is not a ciphertext") : kindOf(secure);
                problems.push({
                    source: display,
                    field,
                    message: `secure: must be the ciphertext written by pulumi config set --secret (found ${found})`,
                });
            }
            config[key] = secretValues[short] ?? secretValues[key] ?? `offline-placeholder-${short}`;
            secretKeys.push(key);
        } else if (value !== null && typeof value === "object") {
            config[key] = JSON.stringify(value);
        } else {
            config[key] = String(value ?? "");
        }
    }
    return result(false);
}

/**
 * The config map as the CLI passes it: keys namespaced (`<project>:<key>` when written bare), objects and
 * arrays JSON-encoded, scalars as strings, `secure:` values decrypted and listed as secret keys. Throws a
 * ValidationError when the file gives no usable config; its other problems are left to `readStackFile` callers.
 */
export function stackConfigMap(
    file: string,
    project: string,
    secretValues: Record<string, string> = {},
): { config: Record<string, string>; secretKeys: string[] } {
    const read = readStackFile(file, project, secretValues);
    if (read.fatal) throw new ValidationError(read.problems);
    return { config: read.config, secretKeys: read.secretKeys };
}

/**
 * Every problem of a stack file, as `npm run plan` reports them before building resources: the file's own, then
 * the config's (with the same context the program gets from the CLI: stack name, secret keys, all namespaces).
 */
export function checkStackFile(
    file: string,
    opts: { project: string; stack: string; productKeys?: ReadonlyArray<string>; catalog?: ReadonlyArray<Product>; display?: string },
): ConfigCheck {
    const display = opts.display ?? path.basename(file);
    const read = readStackFile(file, opts.project, {}, display);
    if (read.fatal) return { problems: read.problems, blocking: true };
    const context = { stack: opts.stack, project: opts.project, raw: read.config, isSecret: (k: string) => read.secretKeys.includes(k) };
    const checked = checkStackConfig(namespaceValues(read.config, opts.project), display, {
        productKeys: opts.productKeys,
        catalog: opts.catalog,
        context,
    });
    return { ...checked, problems: [...read.problems, ...checked.problems] };
}

/** The public config of a committed stack, parsed and validated as the program does it at start-up. */
export function readStackConfig(projectDir: string, stack: string, productKeys: ReadonlyArray<string>): PublicStackConfig {
    const { config, problems } = checkStackFile(path.join(projectDir, `Pulumi.${stack}.yaml`), {
        project: readProjectName(projectDir),
        stack,
        productKeys,
    });
    if (problems.length || !config) throw new ValidationError(problems);
    return withoutSecrets(config);
}
