/**
 * Evaluates the real program (index.ts) under Pulumi's mock runtime, with config read from
 * `Pulumi.<stack>.yaml` the way the CLI hands it to a program, and records every registered resource.
 * Must run in a fresh process (the Pulumi runtime and the module cache are global).
 */
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import * as settings from "@pulumi/pulumi/runtime/settings";
import { runInPulumiStack } from "@pulumi/pulumi/runtime/stack";
import { assertNoProblems, Problem } from "../lib/inputs/errors";
import type { Plan, PlanResource } from "../lib/tooling/plan";
import { mocks } from "./mocks";
import { readProjectName, stackConfigMap } from "./stackFile";

export { readProjectName, stackConfigMap };

/** Pulumi's marker for secret values on the wire. */
const SECRET_SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
export const SECRET_TEXT = "[secret]";

export type { Plan, PlanResource };

export interface PlanOptions {
    stack: string;
    /** Project root holding Pulumi.yaml and index.ts. */
    projectDir: string;
    /** Stack config file; defaults to `<projectDir>/Pulumi.<stack>.yaml`. */
    configFile?: string;
    /** Values for `secure:` config keys (the CLI would decrypt them); placeholders otherwise. */
    secretValues?: Record<string, string>;
}

/** Replaces Pulumi secret envelopes with "[secret]" and unknowns with undefined. */
export function redact(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(redact);
    if (value && typeof value === "object") {
        const obj = value as Record<string, unknown>;
        if (obj[SECRET_SIG_KEY] === SECRET_SIG) return SECRET_TEXT;
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(obj)) {
            if (v === pulumi.runtime.unknownValue || v === "04da6b54-80e4-46f7-96ec-b56ff0331ba9") continue;
            out[k] = redact(v);
        }
        return out;
    }
    return value;
}

interface StructLike {
    toJavaScript(): Record<string, unknown>;
}

/**
 * The engine stores the outputs named in a resource's `additionalSecretOutputs` as secrets, whatever the provider
 * returns; the mock runtime does not, so the planner wraps them the engine's way and a program that forgets
 * `pulumi.secret(...)` around such an output still gets a secret, as it would under `pulumi up`.
 */
export function markSecretOutputs(state: Record<string, unknown>, names: ReadonlyArray<string>): Record<string, unknown> {
    const out = { ...state };
    for (const n of names) {
        const v = out[n];
        const isSecret = v !== null && typeof v === "object" && (v as Record<string, unknown>)[SECRET_SIG_KEY] === SECRET_SIG;
        if (v !== undefined && !isSecret) out[n] = { [SECRET_SIG_KEY]: SECRET_SIG, value: v };
    }
    return out;
}

/**
 * The SDK records a stack trace for every resource; with tsx's source maps on, mapping each trace doubles the
 * cost of a resource (measured: 9.4 → 4.5 ms per bare resource). Offline runs print no stack traces, so turn
 * mapping off unless PLAN_DEBUG asks for readable traces.
 */
export function withoutSourceMaps(): void {
    if (!process.env.PLAN_DEBUG) process.setSourceMapsEnabled(false);
}

/** Evaluates the program; resolves with the plan or rejects with the program's error. */
export async function evaluate(opts: PlanOptions): Promise<Plan> {
    const project = readProjectName(opts.projectDir);
    const configFile = opts.configFile ?? path.join(opts.projectDir, `Pulumi.${opts.stack}.yaml`);
    if (!fs.existsSync(configFile)) throw new Error(`${path.basename(configFile)}: no such stack config file`);
    const { config, secretKeys } = stackConfigMap(configFile, project, opts.secretValues);
    pulumi.runtime.setAllConfig(config, secretKeys);
    await pulumi.runtime.setMocks(mocks, project, opts.stack, false);

    const resources: PlanResource[] = [];
    let outputs: Record<string, unknown> = {};
    // Wrap the mock monitor to see what the engine would see: parent, dependencies, options, secrets.
    const monitor = settings.getMonitor() as unknown as {
        registerResource(req: any, cb: (err: any, resp: any) => void): void;
        registerResourceOutputs(req: any, cb: (err: any, resp: any) => void): void;
    };
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req, cb) =>
        register(req, (err, resp) => {
            const secretOutputs: string[] = req.getAdditionalsecretoutputsList();
            if (!err && secretOutputs.length && resp.getObject()) {
                const object = resp.getObject();
                resp.setObject(object.constructor.fromJavaScript(markSecretOutputs(object.toJavaScript(), secretOutputs)));
            }
            if (!err) {
                resources.push({
                    urn: resp.getUrn(),
                    type: req.getType(),
                    name: req.getName(),
                    parent: req.getParent() || null,
                    custom: req.getCustom(),
                    inputs: redact((req.getObject() as StructLike | undefined)?.toJavaScript() ?? {}) as Record<string, unknown>,
                    dependsOn: req.getDependenciesList(),
                    options: {
                        protect: Boolean(req.getProtect()),
                        retainOnDelete: Boolean(req.getRetainondelete()),
                        aliases: req.getAliasesList().length,
                        ignoreChanges: req.getIgnorechangesList(),
                        additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
                    },
                });
            }
            cb(err, resp);
        });
    const registerOutputs = monitor.registerResourceOutputs.bind(monitor);
    monitor.registerResourceOutputs = (req, cb) => {
        if (req.getUrn().split("::")[2] === "pulumi:pulumi:Stack") {
            outputs = redact((req.getOutputs() as StructLike | undefined)?.toJavaScript() ?? {}) as Record<string, unknown>;
        }
        registerOutputs(req, cb);
    };

    const programErrors: unknown[] = [];
    const onRejection = (e: unknown) => programErrors.push(e);
    process.on("unhandledRejection", onRejection);
    try {
        // The program must load inside the mock runtime's stack, at this moment: a static import would run it too early.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        await runInPulumiStack(async () => require(path.join(opts.projectDir, "index.ts")));
        await (settings as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
    } finally {
        process.off("unhandledRejection", onRejection);
    }
    if (programErrors.length) throw programErrors[0];
    // Registration order depends on RPC timing; sort so the same program always writes the same plan.
    const sorted = withEngineUrns(resources).sort((a, b) => (a.parent === null ? -1 : b.parent === null ? 1 : a.urn.localeCompare(b.urn)));
    assertNoProblems(duplicateUrnProblems(sorted));
    return { stack: opts.stack, project, resources: sorted, outputs };
}

/**
 * Pulumi refuses to register two resources with the same URN ("Duplicate resource URN"); the mock runtime does
 * not, so the plan checks it: one problem per URN, naming both registrations.
 */
export function duplicateUrnProblems(resources: ReadonlyArray<PlanResource>): Problem[] {
    const byUrn = new Map<string, PlanResource[]>();
    for (const r of resources) byUrn.set(r.urn, [...(byUrn.get(r.urn) ?? []), r]);
    const describe = (r: PlanResource) => {
        const physical = ["name", "bucket", "displayName"].map((k) => r.inputs[k]).find((v) => typeof v === "string");
        return `${r.parent ? `under ${r.parent}` : "at the root"}${physical ? ` (${JSON.stringify(physical)})` : ""}`;
    };
    return [...byUrn]
        .filter(([, rs]) => rs.length > 1)
        .map(([urn, rs]) => ({
            source: "plan",
            field: urn,
            message: `duplicate URN: registered ${rs.length} times, ${rs.map(describe).join(" and ")}; Pulumi refuses this, give each a unique name`,
        }));
}

/**
 * The mock monitor qualifies a type with its parent's type only, and keeps the root stack in the chain; the
 * engine qualifies with the parent's whole chain and leaves the stack out. Rewrite URNs the engine's way, so
 * the plan's URNs are the ones `pulumi up` would create.
 */
export function withEngineUrns(resources: PlanResource[]): PlanResource[] {
    const mockToEngine = new Map<string, string>();
    const qualified = new Map<string, string>();
    for (const r of resources) {
        const [head, project] = r.urn.split("::");
        const parentType = r.parent ? qualified.get(r.parent) : undefined;
        const type = r.type === "pulumi:pulumi:Stack" || !parentType ? r.type : `${parentType}$${r.type}`;
        qualified.set(r.urn, r.type === "pulumi:pulumi:Stack" ? "" : type);
        mockToEngine.set(r.urn, [head, project, type, r.name].join("::"));
    }
    const map = (u: string) => mockToEngine.get(u) ?? u;
    return resources.map((r) => ({ ...r, urn: map(r.urn), parent: r.parent ? map(r.parent) : null, dependsOn: r.dependsOn.map(map) }));
}
