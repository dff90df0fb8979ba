/**
 * Differences between two offline plans (pure), rendered as Markdown for pull requests: per product, resources
 * added, removed and changed (with the changed input fields), and URN changes that would replace a resource.
 */
import { Plan, PlanResource, productOf } from "./plan";

export interface FieldChange {
    path: string;
    before: unknown;
    after: unknown;
}

export interface ChangedResource {
    resource: PlanResource;
    fields: FieldChange[];
}

export interface UrnChange {
    from: PlanResource;
    to: PlanResource;
    /** True when the new resource declares aliases, so Pulumi renames instead of replacing. */
    aliased: boolean;
}

export interface ProductDiff {
    product: string;
    added: PlanResource[];
    removed: PlanResource[];
    changed: ChangedResource[];
    urnChanges: UrnChange[];
}

export interface PlanDiff {
    products: ProductDiff[];
    /** True when anything differs. */
    changed: boolean;
}

/** Input field paths whose values differ (`[secret]` compares equal to `[secret]`: secrets are not revealed). */
export function fieldChanges(before: unknown, after: unknown, at = ""): FieldChange[] {
    if (JSON.stringify(before) === JSON.stringify(after)) return [];
    const isObj = (v: unknown) => v !== null && typeof v === "object" && !Array.isArray(v);
    if (isObj(before) && isObj(after)) {
        const b = before as Record<string, unknown>;
        const a = after as Record<string, unknown>;
        return [...new Set([...Object.keys(b), ...Object.keys(a)])].sort()
            .flatMap((k) => fieldChanges(b[k], a[k], at ? `${at}.${k}` : k));
    }
    return [{ path: at || "(value)", before, after }];
}

function similarity(a: PlanResource, b: PlanResource): number {
    const keys = new Set([...Object.keys(a.inputs), ...Object.keys(b.inputs)]);
    if (keys.size === 0) return 0;
    let same = 0;
    for (const k of keys) if (JSON.stringify(a.inputs[k]) === JSON.stringify(b.inputs[k])) same++;
    return same / keys.size;
}

/** Two resources are the same thing under a new URN when type and product agree and most inputs are equal. */
const RENAME_SIMILARITY = 0.6;

export function diffPlans(base: Plan, head: Plan): PlanDiff {
    const baseProduct = productOf(base);
    const headProduct = productOf(head);
    const baseBy = new Map(base.resources.map((r) => [r.urn, r]));
    const headBy = new Map(head.resources.map((r) => [r.urn, r]));
    const removed = base.resources.filter((r) => !headBy.has(r.urn));
    const added = head.resources.filter((r) => !baseBy.has(r.urn));
    const urnChanges: Array<UrnChange & { product: string }> = [];
    for (const to of added) {
        const candidates = removed.filter((from) => from.type === to.type && baseProduct(from) === headProduct(to) && !urnChanges.some((c) => c.from === from));
        const best = candidates.map((from) => [from, similarity(from, to)] as const).sort((x, y) => y[1] - x[1])[0];
        if (best && best[1] >= RENAME_SIMILARITY) urnChanges.push({ from: best[0], to, aliased: to.options.aliases > 0, product: headProduct(to) });
    }
    const renamedFrom = new Set(urnChanges.map((c) => c.from));
    const renamedTo = new Set(urnChanges.map((c) => c.to));
    const changed = head.resources.filter((r) => baseBy.has(r.urn)).map((r) => {
        const before = baseBy.get(r.urn)!;
        const fields = [
            ...fieldChanges(before.inputs, r.inputs),
            ...fieldChanges(before.options, r.options).map((f) => ({ ...f, path: `(options) ${f.path}` })),
        ];
        return { resource: r, fields };
    }).filter((c) => c.fields.length > 0);

    const products = new Map<string, ProductDiff>();
    const get = (p: string) => {
        if (!products.has(p)) products.set(p, { product: p, added: [], removed: [], changed: [], urnChanges: [] });
        return products.get(p)!;
    };
    for (const r of added.filter((x) => !renamedTo.has(x))) get(headProduct(r)).added.push(r);
    for (const r of removed.filter((x) => !renamedFrom.has(x))) get(baseProduct(r)).removed.push(r);
    for (const c of changed) get(headProduct(c.resource)).changed.push(c);
    for (const { product, ...c } of urnChanges) get(product).urnChanges.push(c);
    const list = [...products.values()].sort((a, b) => a.product.localeCompare(b.product));
    return { products: list, changed: list.length > 0 };
}

function short(v: unknown): string {
    const s = v === undefined ? "(none)" : typeof v === "string" ? v : JSON.stringify(v);
    const one = s.replace(/\n/g, "⏎");
    return `\`${one.length > 80 ? `${one.slice(0, 77)}...` : one}\``.replace(/\|/g, "\\|");
}

function kind(type: string): string {
    return type.split(":").pop() ?? type;
}

export function renderDiff(diff: PlanDiff, base: Plan, head: Plan): string {
    const lines = [`## Plan diff: \`${head.stack}\``, ""];
    if (!diff.changed) return [...lines, "No changes."].join("\n") + "\n";
    const count = (f: (p: ProductDiff) => unknown[]) => diff.products.reduce((n, p) => n + f(p).length, 0);
    const replaced = diff.products.flatMap((p) => p.urnChanges.filter((c) => !c.aliased));
    lines.push(`${count((p) => p.added)} to add, ${count((p) => p.changed)} to change, ${count((p) => p.removed)} to remove, ${count((p) => p.urnChanges)} URN changes (${replaced.length} would replace). Resources: ${base.resources.length} → ${head.resources.length}.`, "");
    if (replaced.length) {
        lines.push("> [!WARNING]", `> ${replaced.length} resource(s) change URN without an alias: \`pulumi up\` would **delete and recreate** them (monitors lose their history). Add \`aliases\` (docs/urns.md) if this is a rename.`, "");
    }
    for (const p of diff.products) {
        lines.push(`### ${p.product}`, "");
        for (const c of p.urnChanges) {
            lines.push(c.aliased
                ? `- 🔁 renamed (alias, no replacement): \`${c.from.name}\` → \`${c.to.name}\` (${kind(c.to.type)})`
                : `- ⚠️ **replaced** (URN change): \`${c.from.name}\` → \`${c.to.name}\` (${kind(c.to.type)})`);
        }
        for (const r of p.added) lines.push(`- ➕ added \`${r.name}\` (${kind(r.type)})`);
        for (const r of p.removed) lines.push(`- ➖ removed \`${r.name}\` (${kind(r.type)})${r.options.retainOnDelete ? " — retained in the cloud (retainOnDelete)" : ""}`);
        for (const c of p.changed) {
            lines.push(`- ✏️ changed \`${c.resource.name}\` (${kind(c.resource.type)})`);
            lines.push("", "  | field | before | after |", "  | --- | --- | --- |", ...c.fields.map((f) => `  | ${f.path} | ${short(f.before)} | ${short(f.after)} |`), "");
        }
        lines.push("");
    }
    return lines.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd() + "\n";
}
