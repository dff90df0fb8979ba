/**
 * Start-up of the program: reads the stack config as the Pulumi CLI hands it over, validates it together with
 * the product catalog, and fails with every problem listed (no stack trace) before any resource is created.
 */
import * as pulumi from "@pulumi/pulumi";
import type { Product, ProductSpec } from "../lib/inputs/catalog/schema";
import { loadCatalog } from "../lib/inputs/catalog/validate";
import {
    configCatalogProblems, namespaceValues, parseStackConfig, PublicStackConfig, SECRET_KEYS, SecretKey, StackConfig,
    withoutSecrets,
} from "../lib/inputs/config";
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

function collect<T>(problems: Problem[], f: () => T): T | undefined {
    try {
        return f();
    } catch (e) {
        if (!isValidationError(e)) throw e;
        problems.push(...e.problems);
        return undefined;
    }
}

/** Throws a StackValidationError listing every problem when there is any. */
export function failOnProblems(problems: Problem[]): void {
    if (problems.length > 0) throw new StackValidationError(problems);
}

export function loadStack(catalog: ReadonlyArray<ProductSpec>): LoadedStack {
    const configFile = `Pulumi.${pulumi.getStack()}.yaml`;
    const problems: Problem[] = [];
    const values = namespaceValues(pulumi.runtime.allConfig(), pulumi.getProject());
    const config: StackConfig | undefined = collect(problems, () => parseStackConfig(values, configFile, catalog.map((p) => p.key)));
    const products = collect(problems, () => loadCatalog(catalog));
    if (config && products) problems.push(...configCatalogProblems(config, products, configFile));
    failOnProblems(problems);
    const secrets = Object.fromEntries(SECRET_KEYS.map((k) => [k, pulumi.secret(config![k])])) as Record<SecretKey, pulumi.Output<string>>;
    return {
        configFile,
        config: withoutSecrets(config!),
        secrets,
        products: products!.filter((p) => config!.products.includes(p.key)),
    };
}
