/**
 * Differences between two offline plans (pure), rendered as Markdown for pull requests: first what changes for
 * the people on call (alerts, simulated consequences, routing and escalation), then per product the resources
 * added, removed, changed (each changed field shown as its change, not its prefix) and renamed.
 */
import type { PlanResource } from "../plan";
import {
    AlertChange,
    alertsOf,
    productsOf,
    diffAlerts,
    formatRoute,
    hasSimulation,
    P0_DETECT_SECONDS,
    PlanWithAlerts,
    sameRoute,
    simulationCell,
    slowP0s,
} from "./alerts";
import { diffRouting, RoutingChange } from "./routing";
import { escapeInline, FieldChange, fieldChanges, renderChange } from "./textDiff";

export { fieldChanges, inlineDiff, lineDiff, parseDocument } from "./textDiff";
export type { FieldChange } from "./textDiff";
export { alertsOf, diffAlerts, P0_DETECT_SECONDS, sameRoute } from "./alerts";
export type { AlertChange, AlertView, PlanAlert, PlanWithAlerts } from "./alerts";
export { diffRouting } from "./routing";
export type { RoutingChange } from "./routing";
export { parsePlan, stackMismatch } from "./planFile";

export interface ChangedResource {
    resource: PlanResource;
    fields: FieldChange[];
}

export interface UrnChange {
    from: PlanResource;
    to: PlanResource;
    /** True when the new resource declares aliases, so Pulumi renames instead of replacing. */
    aliased: boolean;
    /** Inputs that changed along with the URN. */
    fields: FieldChange[];
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
    /** Alert changes, P0 first. */
    alerts: AlertChange[];
    routing: RoutingChange[];
    /** True when either plan carries simulation results. */
    simulated: boolean;
    /** How the alerts were compared, when a reviewer needs to know (only one plan has the `alerts` array). */
    notes: string[];
    /** True when anything differs. */
    changed: boolean;
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

function resourceFields(before: PlanResource, after: PlanResource): FieldChange[] {
    return [
        ...fieldChanges(before.inputs, after.inputs),
        ...fieldChanges(before.options, after.options).map((f) => ({ ...f, path: `(options) ${f.path}` })),
    ];
}

export function diffPlans(base: PlanWithAlerts, head: PlanWithAlerts): PlanDiff {
    const baseProduct = productsOf(base);
    const headProduct = productsOf(head);
    const baseBy = new Map(base.resources.map((r) => [r.urn, r]));
    const headBy = new Map(head.resources.map((r) => [r.urn, r]));
    const removed = base.resources.filter((r) => !headBy.has(r.urn));
    const added = head.resources.filter((r) => !baseBy.has(r.urn));
    const urnChanges: Array<UrnChange & { product: string }> = [];
    for (const to of added) {
        const candidates = removed.filter(
            (from) => from.type === to.type && baseProduct(from) === headProduct(to) && !urnChanges.some((c) => c.from === from),
        );
        const best = candidates.map((from) => [from, similarity(from, to)] as const).sort((x, y) => y[1] - x[1])[0];
        if (best && best[1] >= RENAME_SIMILARITY) {
            urnChanges.push({
                from: best[0],
                to,
                aliased: to.options.aliases > 0,
                product: headProduct(to),
                fields: fieldChanges(best[0].inputs, to.inputs),
            });
        }
    }
    const renamedFrom = new Set(urnChanges.map((c) => c.from));
    const renamedTo = new Set(urnChanges.map((c) => c.to));
    const changed = head.resources
        .filter((r) => baseBy.has(r.urn))
        .map((r) => ({ resource: r, fields: resourceFields(baseBy.get(r.urn)!, r) }))
        .filter((c) => c.fields.length > 0);

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

    // Alert-model ids and resource names differ: with the `alerts` array on one side only (the first change after
    // the array appears), both sides are derived from their resources so the same alert matches itself.
    const mixed = Boolean(base.alerts) !== Boolean(head.alerts);
    const notes = mixed
        ? [
              `Only the ${base.alerts ? "base" : "head"} plan has an \`alerts\` array: alerts are compared as derived from the resources of both plans, without simulation.`,
          ]
        : [];
    const baseAlerts = alertsOf(mixed ? { ...base, alerts: undefined } : base);
    const headAlerts = alertsOf(mixed ? { ...head, alerts: undefined } : head);
    const alerts = diffAlerts(baseAlerts, headAlerts, new Map(urnChanges.map((c) => [c.from.urn, c.to.urn])));
    const routing = diffRouting(base, head, { base: baseProduct, head: headProduct });
    return {
        products: list,
        alerts,
        routing,
        simulated: hasSimulation(baseAlerts) || hasSimulation(headAlerts),
        notes,
        changed: list.length > 0 || alerts.length > 0,
    };
}

function kind(type: string): string {
    return type.split(":").pop() ?? type;
}

/** Table cell: no line breaks, pipes escaped (the cell's inline HTML and code are already escaped). */
const cell = (s: string) => s.replace(/\n/g, " ").replace(/(?<!\\)\|/g, "\\|");

/** The product's display name from the plan's stack outputs (`products.<key>.displayName`), else its key. */
function displayNames(plans: PlanWithAlerts[]): (product: string) => string {
    const names = new Map<string, string>();
    for (const p of plans) {
        for (const [k, v] of Object.entries((p.outputs?.products ?? {}) as Record<string, { displayName?: unknown }>)) {
            if (typeof v?.displayName === "string") names.set(k, v.displayName);
        }
    }
    return (product) => names.get(product) ?? product;
}

const ICON = { added: "➕", removed: "➖", changed: "✏️" } as const;

/** One alert-summary row: what, change, route (stated even when unchanged) and, with a simulation, consequences. */
export function alertRow(c: AlertChange, name: (p: string) => string, simulated: boolean): string {
    const a = (c.after ?? c.before)!;
    const label = `${escapeInline(name(a.product))}: ${escapeInline(a.title)}${a.severity ? ` (${a.severity})` : ""}`;
    const what =
        c.kind === "added"
            ? `added: ${c.changes.join("; ")}`
            : c.kind === "removed"
              ? `removed${c.changes[0] ? ` (was ${c.changes.join("; ")})` : ""}`
              : c.changes.join("; ");
    const warn = c.warnings.map((w) => `; ⚠️ ${escapeInline(w)}`).join("");
    const routeChanged = c.kind === "changed" && !sameRoute(c.before!.route, c.after!.route);
    const route =
        c.kind === "removed"
            ? `was: ${formatRoute(c.before!.route)}`
            : routeChanged
              ? `${formatRoute(c.after!.route)} (changed)`
              : c.kind === "changed"
                ? `${formatRoute(c.after!.route)} (unchanged)`
                : formatRoute(c.after!.route);
    const cols = [ICON[c.kind], label, `${what}${warn}`, route, ...(simulated ? [simulationCell(c)] : [])];
    return `| ${cols.map(cell).join(" | ")} |`;
}

interface Sections {
    header: string[];
    alertRows: string[];
    alertIntro: string[];
    alertOutro: string[];
    routingRows: string[];
    products: Array<{ product: string; summary: string; body: string }>;
}

function counts(p: ProductDiff): string {
    return [
        p.changed.length && `${p.changed.length} changed`,
        p.added.length && `${p.added.length} added`,
        p.removed.length && `${p.removed.length} removed`,
        p.urnChanges.length && `${p.urnChanges.length} renamed`,
    ]
        .filter(Boolean)
        .join(", ");
}

function fieldLines(fields: FieldChange[]): string[] {
    return fields.flatMap((f) => {
        const r = renderChange(f);
        return [`  - \`${f.path}\`: ${r.inline}`, ...(r.block ? r.block.split("\n").map((l) => `    ${l}`) : [])];
    });
}

function productBody(p: ProductDiff): string {
    const lines: string[] = [];
    for (const c of p.urnChanges) {
        lines.push(
            c.aliased
                ? `- 🔁 renamed (alias, no replacement): \`${c.from.name}\` → \`${c.to.name}\` (${kind(c.to.type)})`
                : `- ⚠️ **replaced** (URN change): \`${c.from.name}\` → \`${c.to.name}\` (${kind(c.to.type)})`,
            ...fieldLines(c.fields),
        );
    }
    for (const r of p.added) lines.push(`- ➕ added \`${r.name}\` (${kind(r.type)})`);
    for (const r of p.removed)
        lines.push(
            `- ➖ removed \`${r.name}\` (${kind(r.type)})${r.options.retainOnDelete ? " — retained in the cloud (retainOnDelete)" : ""}`,
        );
    for (const c of p.changed) lines.push(`- ✏️ changed \`${c.resource.name}\` (${kind(c.resource.type)})`, ...fieldLines(c.fields));
    return lines.join("\n");
}

function sections(diff: PlanDiff, base: PlanWithAlerts, head: PlanWithAlerts): Sections {
    const name = displayNames([base, head]);
    const count = (f: (p: ProductDiff) => unknown[]) => diff.products.reduce((n, p) => n + f(p).length, 0);
    const replaced = diff.products.flatMap((p) => p.urnChanges.filter((c) => !c.aliased));
    const header = [`## Plan diff: \`${head.stack}\``, ""];
    const byKind = (k: AlertChange["kind"]) => diff.alerts.filter((a) => a.kind === k).length;
    header.push(
        `Alerts: ${byKind("changed")} changed, ${byKind("added")} added, ${byKind("removed")} removed. ` +
            `Resources: ${count((p) => p.added)} to add, ${count((p) => p.changed)} to change, ${count((p) => p.removed)} to remove, ` +
            `${count((p) => p.urnChanges)} URN changes (${replaced.length} would replace); ${base.resources.length} → ${head.resources.length}.`,
        "",
    );
    if (head.stack !== base.stack || head.project !== base.project) {
        header.push(
            `> [!CAUTION]`,
            `> Different stacks: base is \`${base.project}/${base.stack}\`, head is \`${head.project}/${head.stack}\`.`,
            "",
        );
    }
    if (replaced.length) {
        header.push(
            "> [!WARNING]",
            `> ${replaced.length} resource(s) change URN without an alias: \`pulumi up\` would **delete and recreate** them (monitors lose their history). Add \`aliases\` (docs/urns.md) if this is a rename.`,
            "",
        );
    }
    const alertIntro = ["### Alerting", "", ...diff.notes.flatMap((n) => [n, ""])];
    const alertOutro: string[] = [];
    const slow = slowP0s(diff.alerts);
    if (slow.length) {
        alertOutro.push(
            "> [!WARNING]",
            `> P0 alert(s) no longer detect a hard outage within ${P0_DETECT_SECONDS} s (simulated): ` +
                slow
                    .map(
                        (c) =>
                            `${escapeInline(name(c.after!.product))}: ${escapeInline(c.after!.title)} (${c.before?.simulation?.detectSeconds ?? "—"} s → ${c.after!.simulation!.detectSeconds} s)`,
                    )
                    .join("; ") +
                ".",
            "",
        );
    }
    if (!diff.simulated) alertOutro.push("Simulated consequences: (no simulation in these plans)", "");
    const alertRows = diff.alerts.map((c) => alertRow(c, name, diff.simulated));
    if (alertRows.length) {
        alertIntro.push(
            `| | alert | change | route |${diff.simulated ? " simulated: time to detect a hard outage, pages |" : ""}`,
            `| --- | --- | --- | --- |${diff.simulated ? " --- |" : ""}`,
        );
    } else {
        alertIntro.push("No alert changes.", "");
    }
    const routingRows = diff.routing.map(
        (r) => `| ${cell(escapeInline(name(r.product)))} | ${cell(r.subject)} | ${cell(r.changes.join("; "))} |`,
    );
    const products = diff.products.map((p) => ({
        product: p.product,
        summary: `<b>${escapeInline(name(p.product))}</b>: ${counts(p)}`,
        body: productBody(p),
    }));
    return { header, alertIntro, alertRows, alertOutro, routingRows, products };
}

interface Cuts {
    /** Products whose resource details were cut. */
    products: Set<string>;
    alertRows: number;
    routingRows: number;
}

function assemble(s: Sections, cuts: Cuts, fullDiffAt: string): string {
    const lines = [...s.header];
    const cutWhat = [
        cuts.alertRows && `${cuts.alertRows} alert row(s)`,
        cuts.routingRows && `${cuts.routingRows} routing row(s)`,
        cuts.products.size && `the resource details of ${[...cuts.products].join(", ")}`,
    ].filter(Boolean);
    if (cutWhat.length) {
        lines.push("> [!NOTE]", `> Cut to fit GitHub's comment limit: ${cutWhat.join(", ")}. The full diff is in ${fullDiffAt}.`, "");
    }
    const keepAlerts = s.alertRows.length - cuts.alertRows;
    lines.push(...s.alertIntro, ...s.alertRows.slice(0, keepAlerts));
    if (cuts.alertRows)
        lines.push(
            `| … | ${cuts.alertRows} more alert change(s) cut | | |${s.alertIntro.some((l) => l.includes("simulated")) ? " |" : ""}`,
        );
    if (s.alertRows.length) lines.push("");
    lines.push(...s.alertOutro);
    if (s.routingRows.length) {
        const keep = s.routingRows.length - cuts.routingRows;
        lines.push("### Routing and escalation", "", "| product | what | change |", "| --- | --- | --- |", ...s.routingRows.slice(0, keep));
        if (cuts.routingRows) lines.push(`| … | ${cuts.routingRows} more row(s) cut | |`);
        lines.push("");
    }
    if (s.products.length) {
        lines.push("### Resources", "");
        for (const p of s.products) {
            if (cuts.products.has(p.product)) lines.push(`- ${p.summary} (details cut)`, "");
            else lines.push("<details>", `<summary>${p.summary}</summary>`, "", p.body, "", "</details>", "");
        }
    }
    return (
        lines
            .join("\n")
            .replace(/\n{3,}/g, "\n\n")
            .trimEnd() + "\n"
    );
}

/** GitHub rejects issue and pull-request comments longer than this many characters. */
export const GITHUB_COMMENT_LIMIT = 65536;

export interface RenderOptions {
    /** Longest output; sections are cut to fit. Default: no limit. */
    maxChars?: number;
    /** Where the uncut diff can be read, named in the note when something is cut. */
    fullDiffAt?: string;
}

/**
 * The Markdown diff. With `maxChars` (a GitHub comment: GITHUB_COMMENT_LIMIT), per-product resource details are
 * cut first, the largest first, then alert and routing rows from the least severe, and the comment says what was
 * cut and where the full diff is.
 */
export function renderDiff(diff: PlanDiff, base: PlanWithAlerts, head: PlanWithAlerts, options: RenderOptions = {}): string {
    if (!diff.changed) return `## Plan diff: \`${head.stack}\`\n\nNo changes.\n`;
    const s = sections(diff, base, head);
    const max = options.maxChars ?? Infinity;
    const where = options.fullDiffAt ?? "the output of `npm run plan:diff -- base.json head.json --out diff.md`";
    const cuts: Cuts = { products: new Set(), alertRows: 0, routingRows: 0 };
    let out = assemble(s, cuts, where);
    const bySize = [...s.products].sort((a, b) => b.body.length - a.body.length);
    for (const p of bySize) {
        if (out.length <= max) return out;
        cuts.products.add(p.product);
        out = assemble(s, cuts, where);
    }
    // Still too long: rows go from the end (least severe first), several at a time.
    while (out.length > max && cuts.routingRows < s.routingRows.length) {
        cuts.routingRows = Math.min(s.routingRows.length, cuts.routingRows + Math.max(1, Math.ceil((out.length - max) / 200)));
        out = assemble(s, cuts, where);
    }
    while (out.length > max && cuts.alertRows < s.alertRows.length) {
        cuts.alertRows = Math.min(s.alertRows.length, cuts.alertRows + Math.max(1, Math.ceil((out.length - max) / 200)));
        out = assemble(s, cuts, where);
    }
    if (out.length <= max) return out;
    const tail = `\n\n… cut at ${max} characters. The full diff is in ${where}.\n`;
    return out.slice(0, Math.max(0, max - tail.length)) + tail;
}
