/**
 * Start-up of the program: reads the stack config as the Pulumi CLI hands it over, validates it together with
 * the product catalog, and fails with every problem listed (no stack trace) before any resource is created.
 */
import * as pulumi from "@pulumi/pulumi";
import type { Product, ProductSpec } from "../lib/inputs/catalog/schema";
import { loadCatalog } from "../lib/inputs/catalog/validate";
import { checkStackConfig, namespaceValues, PublicStackConfig, SECRET_KEYS, SecretKey, withoutSecrets } from "../lib/inputs/config";
import { formatProblem, isValidationError, Problem } from "../lib/inputs/errors";

export interface LoadedStack {
    /** `Pulumi.<stack>.yaml`, for messages. */
    configFile: string;
    config: PublicStackConfig;
    secrets: Record<SecretKey, pulumi.Output<string>>;
    /** Enabled products, in catalog order. */
    products: Product[];
}

/** A RunError (printed by the CLI without a stack trace) that carries the problems for `npm run plan`. */
export class StackValidationError extends pulumi.RunError {
    readonly problems: Problem[];
    constructor(problems: Problem[]) {
        super(`invalid input, ${problems.length} problem${problems.length === 1 ? "" : "s"}:\n${problems.map(formatProblem).join("\n")}`);
        this.problems = problems;
    }
}

/**
 * Offline planning (`npm run plan`) collects problems instead of failing at the first check, so that config,
 * catalog, validation, budget and policy problems are reported in one run. Only problems that leave a usable
 * model are deferred: a config section that does not parse, or a broken catalog, still stops the program.
 * `pulumi up` never sets this: there, every problem fails the program before any resource is registered.
 */
let offline: { configFile?: string; deferred: Problem[] } | undefined;

export function collectProblemsOffline(opts: { configFile?: string } = {}): { problems(): Problem[] } {
    offline = { configFile: opts.configFile, deferred: [] };
    const state = offline;
    return { problems: () => state.deferred };
}

/** Throws a StackValidationError listing every problem when there is any (offline: records them). */
export function failOnProblems(problems: Problem[]): void {
    if (problems.length === 0) return;
    if (offline) offline.deferred.push(...problems);
    else throw new StackValidationError(problems);
}

/**
 * Whether the CLI passed a config key as a secret. The SDK's own check (`runtime/config`'s isConfigSecret, what
 * `Config.get` uses to warn about secrets) is marked internal in its typings, hence the narrow cast.
 */
function isConfigSecret(key: string): boolean {
    return (pulumi.runtime as unknown as { isConfigSecret(k: string): boolean }).isConfigSecret(key);
}

export function loadStack(catalog: ReadonlyArray<ProductSpec>): LoadedStack {
    const configFile = offline?.configFile ?? `Pulumi.${pulumi.getStack()}.yaml`;
    const problems: Problem[] = [];
    let products: Product[] | undefined;
    try {
        products = loadCatalog(catalog);
    } catch (e) {
        if (!isValidationError(e)) throw e;
        problems.push(...e.problems);
    }
    const project = pulumi.getProject();
    const raw = pulumi.runtime.allConfig();
    const context = { stack: pulumi.getStack(), project, raw, isSecret: isConfigSecret };
    const checked = checkStackConfig(namespaceValues(raw, project), configFile, {
        productKeys: catalog.map((p) => p.key),
        catalog: products,
        context,
    });
    problems.push(...checked.problems);
    const config = checked.config;
    if (!config || !products || checked.blocking) throw new StackValidationError(problems);
    failOnProblems(problems);
    const secrets = Object.fromEntries(SECRET_KEYS.map((k) => [k, pulumi.secret(config[k])])) as Record<SecretKey, pulumi.Output<string>>;
    return {
        configFile,
        config: withoutSecrets(config),
        secrets,
        products: products.filter((p) => config.products.includes(p.key)),
    };
}
