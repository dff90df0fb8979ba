/**
 * Plan coverage (pure): every monitoring requirement of every plan (lib/inputs/coverage/<seed>.ts), linked to the
 * spec elements that cite its section (monitors, SLOs, synthetics, security rules, log types, escalation,
 * severity routes, `notMonitored`) or to the program module that implements it. `npm run coverage` renders docs/coverage.md;
 * tests/coverage.test.ts fails on a stale table, on an implemented item nothing cites, and on a citation pointing
 * at a section no item lists — so a spec element that loses (or mistypes) its citation is caught.
 */
import type { Problem } from "../inputs/errors";
import type { Product } from "../inputs/catalog/schema";

export const COVERAGE_STATUSES = ["implemented", "notMonitored", "differentMeaningFixed", "differentMeaningPending", "missing"] as const;
export type CoverageStatus = (typeof COVERAGE_STATUSES)[number];

export const STATUS_LABEL: Record<CoverageStatus, string> = {
    implemented: "implemented",
    notMonitored: "not monitored",
    differentMeaningFixed: "different meaning: fixed",
    differentMeaningPending: "different meaning: pending spec change",
    missing: "missing",
};

export interface CoverageItem {
    /** The requirement in the plan's words. */
    item: string;
    /** Section path in the vocabulary the specs cite it with, e.g. "Implementation by Product / BEARO / Alerts". */
    section: string;
    /** Case-insensitive text of a citation's parenthesised detail that singles out this item among its section's. */
    match?: string;
    /** Other sections whose citations implement this item (a requirement met by monitors citing a sibling section). */
    via?: Array<{ section: string; match?: string }>;
    status: CoverageStatus;
    /** An implementation that is not a spec element: a repository file and what in it. */
    implementedBy?: { file: string; what: string };
    /** Why not monitored, what differs, or the pending spec change (file, id, field, value). */
    note?: string;
}

export interface PlanCoverage {
    /** Seed number as the citations write it: "000". */
    seed: string;
    title: string;
    /** File under shared/seeds. */
    file: string;
    /** Other section paths citations use → the section path the items use. */
    aliases?: Record<string, string>;
    items: CoverageItem[];
}

/** One section reference inside a citation: `004 §Network Metrics (SSL Certificate Expiry <14 days)`. */
export interface SectionRef {
    seed: string;
    path: string;
    detail: string;
}

export type ElementKind =
    "monitor" | "slo" | "synthetic" | "security" | "log" | "escalation" | "route" | "cloudwatchSecondary" | "notMonitored";

/** A spec element with a citation. */
export interface SpecElement {
    product: string;
    kind: ElementKind;
    id: string;
    source: string;
}

const SEED = /\b(\d{3})\s*§/;

/**
 * Parses a citation into its section references. Parts are separated by `;`, ` — ` or ` / §`; a part without a seed
 * number belongs to the last seed named before it (`000 §Phase 3 / Security Monitoring; §Security & Compliance`).
 */
export function parseCitation(source: string): SectionRef[] {
    const refs: SectionRef[] = [];
    let seed: string | undefined;
    for (const part of source.split(/;|\s—\s|\s\/\s(?=§)/)) {
        const at = part.indexOf("§");
        const named = part.match(SEED);
        if (named) seed = named[1];
        if (at < 0 || !seed) continue;
        const rest = part.slice(at + 1);
        const open = rest.indexOf("(");
        const path = (open < 0 ? rest : rest.slice(0, open)).trim().replace(/\s+/g, " ");
        const detail =
            open < 0
                ? ""
                : rest
                      .slice(open + 1)
                      .replace(/[()]/g, "")
                      .trim();
        // A detail written after a colon ("§Task 2.1: Performance benchmarks") reads like one in parentheses.
        const colon = path.indexOf(":");
        refs.push(
            colon < 0
                ? { seed, path, detail }
                : { seed, path: path.slice(0, colon).trim(), detail: `${path.slice(colon + 1).trim()} ${detail}`.trim() },
        );
    }
    return refs;
}

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, " ").trim();

/**
 * Whether a cited path designates an item's section: equal, or naming it by its last components
 * ("Business Metrics" for "Metrics & Dashboards / Business Metrics"), or a subsection of it
 * ("2.1 Critical Alerts / System Health Alerts" within "2.1 Critical Alerts").
 */
export function pathMatches(cited: string, section: string): boolean {
    const c = norm(cited),
        s = norm(section);
    return c === s || s.endsWith(` / ${c}`) || c.startsWith(`${s} / `);
}

/** Every cited element of a product spec. */
export function specElements(product: Product): SpecElement[] {
    const el = (kind: ElementKind, id: string, source: string): SpecElement => ({ product: product.key, kind, id, source });
    return [
        ...product.monitors.map((m) => el("monitor", m.id, m.source)),
        ...product.slos.map((s) => el("slo", s.id, s.source)),
        ...product.synthetics.map((s) => el("synthetic", s.id, s.source)),
        ...product.security.map((s) => el("security", s.id, s.source)),
        ...product.logs.types.map((t) => el("log", t.type, t.source)),
        el("escalation", "escalation", product.escalation.source),
        ...product.severityRoutes.map((r) => el("route", r.severity, r.source)),
        ...product.componentRoutes.map((r) => el("route", r.component, r.source)),
        ...(product.cloudwatchSecondary
            ? [el("cloudwatchSecondary", product.cloudwatchSecondary.synthetics.join(", "), product.cloudwatchSecondary.source)]
            : []),
        ...product.notMonitored.map((n) => el("notMonitored", n.item, n.source)),
    ];
}

export interface LinkedItem extends CoverageItem {
    seed: string;
    /** The spec elements citing this item's section (and its `match`). */
    elements: SpecElement[];
}

function resolve(plan: PlanCoverage, path: string): string {
    const alias = Object.entries(plan.aliases ?? {}).find(([a]) => norm(a) === norm(path));
    return alias ? alias[1] : path;
}

function citesSection(plan: PlanCoverage, ref: SectionRef, at: { section: string; match?: string }): boolean {
    return (
        ref.seed === plan.seed &&
        pathMatches(resolve(plan, ref.path), at.section) &&
        (at.match === undefined || norm(ref.detail).includes(norm(at.match)))
    );
}

function cites(plan: PlanCoverage, ref: SectionRef, item: CoverageItem): boolean {
    return [item, ...(item.via ?? [])].some((at) => citesSection(plan, ref, at));
}

/** Links every item of every plan to the elements citing it. */
export function linkCoverage(plans: ReadonlyArray<PlanCoverage>, elements: ReadonlyArray<SpecElement>): LinkedItem[] {
    const parsed = elements.map((e) => ({ e, refs: parseCitation(e.source) }));
    return plans.flatMap((plan) =>
        plan.items.map((item) => ({
            ...item,
            seed: plan.seed,
            elements: parsed.filter(({ refs }) => refs.some((r) => cites(plan, r, item))).map(({ e }) => e),
        })),
    );
}

/** Everything that makes the table untrue, every problem at once. */
export function coverageProblems(
    plans: ReadonlyArray<PlanCoverage>,
    elements: ReadonlyArray<SpecElement>,
    fileExists: (rel: string) => boolean,
): Problem[] {
    const problems: Problem[] = [];
    const bySeed = new Map(plans.map((p) => [p.seed, p]));
    for (const plan of plans) {
        const source = `lib/inputs/coverage/${plan.seed}.ts`;
        const seen = new Set<string>();
        for (const item of plan.items) {
            const key = `${norm(item.section)}|${norm(item.item)}`;
            if (seen.has(key)) problems.push({ source, field: item.section, message: `"${item.item}" is listed twice` });
            seen.add(key);
        }
        for (const alias of Object.values(plan.aliases ?? {})) {
            if (!plan.items.some((i) => norm(i.section) === norm(alias)))
                problems.push({ source, field: "aliases", message: `"${alias}" is not the section of any item` });
        }
    }
    for (const e of elements) {
        for (const ref of parseCitation(e.source)) {
            const plan = bySeed.get(ref.seed);
            if (!plan) {
                problems.push({
                    source: `products/${e.product}.ts`,
                    field: `${e.kind} ${e.id}`,
                    message: `cites plan ${ref.seed}, which has no coverage list (lib/inputs/coverage/)`,
                });
            } else if (!plan.items.some((i) => pathMatches(resolve(plan, ref.path), i.section))) {
                problems.push({
                    source: `products/${e.product}.ts`,
                    field: `${e.kind} ${e.id}`,
                    message: `cites ${ref.seed} §${ref.path}, a section no item of lib/inputs/coverage/${ref.seed}.ts lists`,
                });
            }
        }
        if (!parseCitation(e.source).length)
            problems.push({
                source: `products/${e.product}.ts`,
                field: `${e.kind} ${e.id}`,
                message: `source "${e.source}" names no plan section (write "<seed> §<section> (<item>)")`,
            });
    }
    for (const item of linkCoverage(plans, elements)) {
        const source = `lib/inputs/coverage/${item.seed}.ts`;
        const field = `${item.section}: ${item.item}`;
        const implementing = item.elements.filter((e) => e.kind !== "notMonitored");
        if (item.implementedBy && !fileExists(item.implementedBy.file)) {
            problems.push({ source, field, message: `implementedBy names ${item.implementedBy.file}, which does not exist` });
        }
        if ((item.status === "implemented" || item.status === "differentMeaningFixed") && !item.implementedBy && !implementing.length) {
            problems.push({
                source,
                field,
                message: `is listed as ${STATUS_LABEL[item.status]} but no spec element cites §${item.section}${item.match ? ` (${item.match})` : ""} and it names no implementedBy`,
            });
        }
        if (
            item.status === "notMonitored" &&
            !item.elements.some((e) => e.kind === "notMonitored") &&
            !(item.note && item.note.length >= 10)
        ) {
            problems.push({
                source,
                field,
                message: "is listed as not monitored but no spec notMonitored entry cites it and it gives no reason (note)",
            });
        }
        if (item.status !== "implemented" && item.status !== "notMonitored" && !item.note) {
            problems.push({
                source,
                field,
                message: `is listed as ${STATUS_LABEL[item.status]} without a note saying what differs or is missing`,
            });
        }
    }
    return problems;
}

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** Elements grouped per product: `bearo: monitor payment-failure-rate, slo api-availability`. */
function where(item: LinkedItem): string {
    const parts: string[] = [];
    const byProduct = new Map<string, SpecElement[]>();
    for (const e of item.elements) byProduct.set(e.product, [...(byProduct.get(e.product) ?? []), e]);
    for (const [product, els] of byProduct) {
        parts.push(
            `${product}: ${els
                .map((e) => (e.kind === "notMonitored" ? "notMonitored" : `${e.kind} \`${e.id}\``))
                .filter((v, i, a) => a.indexOf(v) === i)
                .join(", ")}`,
        );
    }
    if (item.implementedBy) parts.push(`\`${item.implementedBy.file}\`: ${item.implementedBy.what}`);
    if (item.note) parts.push(item.note);
    return parts.join("; ") || "—";
}

/** docs/coverage.md. */
export function renderCoverage(plans: ReadonlyArray<PlanCoverage>, elements: ReadonlyArray<SpecElement>): string {
    const linked = linkCoverage(plans, elements);
    const count = (items: LinkedItem[], s: CoverageStatus) => items.filter((i) => i.status === s).length;
    const summary = (items: LinkedItem[]) => COVERAGE_STATUSES.map((s) => `${count(items, s)} ${STATUS_LABEL[s]}`).join(", ");
    const lines = [
        "# Plan coverage",
        "",
        "Generated by `npm run coverage` from `lib/inputs/coverage/` (the plans' items) and the product specs' citations; do not edit by hand.",
        "Each item of each plan with its section and where it is implemented (product: spec element, or program module) or why not.",
        "An item is linked to every spec element whose `source` cites its section (and, where the item gives one, its detail).",
        "",
        `${linked.length} items: ${summary(linked)}.`,
    ];
    for (const plan of plans) {
        const items = linked.filter((i) => i.seed === plan.seed);
        lines.push(
            "",
            `## ${plan.seed} ${plan.title}`,
            "",
            `\`shared/seeds/${plan.file}\`. ${items.length} items: ${summary(items)}.`,
            "",
            "| item | section | status | where / why |",
            "| --- | --- | --- | --- |",
            ...items.map((i) => `| ${cell(i.item)} | §${cell(i.section)} | ${STATUS_LABEL[i.status]} | ${cell(where(i))} |`),
        );
    }
    return lines.join("\n") + "\n";
}
