/** The products a test expects, derived from the catalog and a stack's config (never a hand-written list). */
import type { Product } from "../../lib/inputs/catalog/schema";
import { loadCatalog } from "../../lib/inputs/catalog/validate";
import { buildStackModel, StackModel } from "../../lib/stack/model";
import { catalog } from "../../products";
import type { StackName } from "./constants";
import { stackConfig } from "./stackConfig";

const all = loadCatalog(catalog);
const models = new Map<StackName, StackModel>();

/** The products enabled in a stack, in catalog order. */
export function enabledProducts(stack: StackName): Product[] {
    const enabled = stackConfig(stack).products;
    return all.filter((p) => enabled.includes(p.key));
}

export function enabledKeys(stack: StackName): string[] {
    return enabledProducts(stack).map((p) => p.key);
}

/** The stack model of a committed stack, built once per test file. */
export function stackModel(stack: StackName): StackModel {
    let m = models.get(stack);
    if (!m) models.set(stack, (m = buildStackModel(enabledProducts(stack), stackConfig(stack))));
    return m;
}
