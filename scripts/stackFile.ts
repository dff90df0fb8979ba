/**
 * Reading the project's Pulumi files the way the Pulumi CLI does, without loading the Pulumi SDK (pure I/O), for
 * the offline plan, the docs generator and the unit tests.
 */
import * as fs from "fs";
import * as path from "path";
import * as YAML from "yaml";
import { namespaceValues, parseStackConfig, PublicStackConfig, withoutSecrets } from "../lib/inputs/config";

export function readProjectName(projectDir: string): string {
    const doc = YAML.parse(fs.readFileSync(path.join(projectDir, "Pulumi.yaml"), "utf8")) as { name?: string };
    if (!doc?.name) throw new Error(`${path.join(projectDir, "Pulumi.yaml")}: name: missing`);
    return doc.name;
}

/**
 * The config map as the CLI passes it: keys namespaced (`<project>:<key>` when written bare), objects and
 * arrays JSON-encoded, scalars as strings, `secure:` values decrypted and listed as secret keys.
 */
export function stackConfigMap(file: string, project: string, secretValues: Record<string, string> = {}): { config: Record<string, string>; secretKeys: string[] } {
    const text = fs.readFileSync(file, "utf8");
    const doc = (YAML.parse(text) ?? {}) as { config?: Record<string, unknown> };
    if (doc.config !== undefined && (typeof doc.config !== "object" || doc.config === null || Array.isArray(doc.config))) {
        throw new Error("config: must be a mapping of keys to values");
    }
    const config: Record<string, string> = {};
    const secretKeys: string[] = [];
    for (const [rawKey, value] of Object.entries(doc.config ?? {})) {
        const key = rawKey.includes(":") ? rawKey : `${project}:${rawKey}`;
        const short = key.split(":").slice(1).join(":");
        if (value && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 1 && "secure" in value) {
            config[key] = secretValues[short] ?? secretValues[key] ?? `offline-placeholder-${short}`;
            secretKeys.push(key);
        } else if (value !== null && typeof value === "object") {
            config[key] = JSON.stringify(value);
        } else {
            config[key] = String(value ?? "");
        }
    }
    return { config, secretKeys };
}

/** The public config of a committed stack, parsed and validated as the program does it at start-up. */
export function readStackConfig(projectDir: string, stack: string, productKeys: ReadonlyArray<string>): PublicStackConfig {
    const project = readProjectName(projectDir);
    const file = `Pulumi.${stack}.yaml`;
    const values = namespaceValues(stackConfigMap(path.join(projectDir, file), project).config, project);
    return withoutSecrets(parseStackConfig(values, file, productKeys));
}
