/**
 * Loads the product catalog: zod shape checks plus cross-field rules, every problem reported at once.
 */
import { Problem, ValidationError } from "../errors";
import { durationSeconds } from "../../model/duration";
import { cloudwatchRetentionProblem } from "../../aws/limits";
import { Comparator, Product, ProductSpec } from "./schema";

export function productSource(key: string): string {
    return `products/${key}.ts`;
}

/** Renders a path, naming list items by their id/name where they have one: `monitors[payment-failures].warning`. */
function fieldPath(path: ReadonlyArray<PropertyKey>, root: unknown): string {
    let out = "";
    let node: unknown = root;
    for (const seg of path) {
        const next = node !== null && typeof node === "object" ? (node as Record<PropertyKey, unknown>)[seg] : undefined;
        if (typeof seg === "number") {
            const label = next && typeof next === "object" ? ((next as { id?: unknown; name?: unknown; type?: unknown }).id
                ?? (next as { name?: unknown }).name ?? (next as { type?: unknown }).type) : undefined;
            out += typeof label === "string" ? `[${label}]` : `[${seg}]`;
        } else {
            out += out ? `.${String(seg)}` : String(seg);
        }
        node = next;
    }
    return out;
}

/** True when `warning` fires before `critical` as the value degrades. */
export function warningOnSafeSide(comparator: Comparator, warning: number, critical: number): boolean {
    return comparator === ">" || comparator === ">=" ? warning < critical : warning > critical;
}

function duplicates(values: string[]): string[] {
    const seen = new Set<string>();
    const dups = new Set<string>();
    for (const v of values) (seen.has(v) ? dups : seen).add(v);
    return [...dups];
}

/** Cross-field rules that a schema cannot express. */
export function crossFieldProblems(p: Product): Array<{ field: string; message: string }> {
    const out: Array<{ field: string; message: string }> = [];
    const surfaces = new Set(p.surfaces.map((s) => s.name));
    const uniq = (field: string, ids: string[]) =>
        duplicates(ids).forEach((d) => out.push({ field, message: `"${d}" is used more than once; ids must be unique` }));
    uniq("surfaces", p.surfaces.map((s) => s.name));
    uniq("surfaces.service", p.surfaces.map((s) => s.service));
    uniq("monitors", p.monitors.map((m) => m.id));
    uniq("slos", p.slos.map((s) => s.id));
    uniq("synthetics", p.synthetics.map((s) => s.id));
    uniq("security", p.security.map((s) => s.id));
    uniq("logs.types", p.logs.types.map((t) => t.type));

    const needSurface = (field: string, surface: string) => {
        if (!surfaces.has(surface)) out.push({ field: `${field}.surface`, message: `unknown surface "${surface}" (known: ${[...surfaces].join(", ")})` });
    };
    for (const m of p.monitors) {
        const f = `monitors[${m.id}]`;
        needSurface(f, m.surface);
        if (m.warning !== undefined && !warningOnSafeSide(m.comparator, m.warning, m.critical)) {
            out.push({
                field: `${f}.warning`,
                message: `warning ${m.warning} must sit on the safe side of critical ${m.critical} for comparator "${m.comparator}"`,
            });
        }
        if (m.query.kind === "anomaly" && (m.critical <= 0 || m.critical > 1 || !m.comparator.startsWith(">"))) {
            out.push({ field: `${f}.critical`, message: "anomaly monitors alert on the fraction of anomalous points: use >= with a critical in (0, 1]" });
        }
        if ("window" in m.query && durationSeconds(m.query.window) > 2 * 86400 && m.query.kind !== "anomaly") {
            out.push({ field: `${f}.query.window`, message: `window ${m.query.window} is longer than Datadog's 2-day evaluation limit` });
        }
    }
    for (const s of p.slos) needSurface(`slos[${s.id}]`, s.surface);
    for (const s of p.synthetics) {
        const f = `synthetics[${s.id}]`;
        needSurface(f, s.surface);
        if ((s.kind === "api" || s.kind === "browser") && !s.path) out.push({ field: `${f}.path`, message: `a ${s.kind} test needs a path` });
        if (s.kind === "multistep" && s.steps.length < 2) out.push({ field: `${f}.steps`, message: "a multistep test needs at least two steps" });
        if (s.kind === "ssl" && s.sslMinDays === undefined) out.push({ field: `${f}.sslMinDays`, message: "an ssl test needs sslMinDays" });
        if (s.kind === "browser" && s.journey.length === 0) out.push({ field: `${f}.journey`, message: "a browser test needs its journey described" });
        const surface = p.surfaces.find((x) => x.name === s.surface);
        if (surface && !surface.host) out.push({ field: `${f}.surface`, message: `surface "${s.surface}" has no host to test` });
    }
    p.logs.types.forEach((t) => {
        const f = `logs.types[${t.type}]`;
        const retention = cloudwatchRetentionProblem(t.hotDays);
        if (retention) out.push({ field: `${f}.hotDays`, message: retention });
        if (t.warmDays !== undefined && t.warmDays < t.hotDays) out.push({ field: `${f}.warmDays`, message: `warm (${t.warmDays}) must not be shorter than hot (${t.hotDays})` });
        const floor = t.warmDays ?? t.hotDays;
        if (t.coldDays !== undefined && t.coldDays < floor) out.push({ field: `${f}.coldDays`, message: `cold (${t.coldDays}) must not be shorter than warm/hot (${floor})` });
    });
    const levels = p.escalation.levels;
    levels.forEach((l, i) => {
        if (i > 0 && l.startsAtMinute <= levels[i - 1].startsAtMinute) {
            out.push({ field: `escalation.levels[${i}].startsAtMinute`, message: `level ${l.level} must start after level ${levels[i - 1].level} (${levels[i - 1].startsAtMinute} min)` });
        }
        if (i > 0 && l.level !== levels[i - 1].level + 1) {
            out.push({ field: `escalation.levels[${i}].level`, message: `levels must be consecutive (got ${levels[i - 1].level} then ${l.level})` });
        }
    });
    if (!levels.some((l) => l.targets.includes("primary"))) {
        out.push({ field: "escalation.levels", message: "no level engages the primary on-call" });
    }
    return out;
}

/**
 * Validates every spec: shape (zod), cross-field rules, and catalog-wide uniqueness.
 * Returns parsed products (defaults applied) or throws one ValidationError listing every problem.
 */
export function loadCatalog(specs: ReadonlyArray<ProductSpec>): Product[] {
    const problems: Problem[] = [];
    const products: Product[] = [];
    specs.forEach((spec, i) => {
        const key = typeof spec?.key === "string" ? spec.key : `#${i}`;
        const source = productSource(key);
        const parsed = ProductSpec.safeParse(spec);
        if (!parsed.success) {
            for (const issue of parsed.error.issues) {
                problems.push({ source, field: fieldPath(issue.path, spec), message: issue.message });
            }
            return;
        }
        for (const p of crossFieldProblems(parsed.data)) problems.push({ source, ...p });
        products.push(parsed.data);
    });
    for (const d of duplicates(products.map((p) => p.key))) {
        problems.push({ source: productSource(d), field: "key", message: `product key "${d}" is defined more than once` });
    }
    const serviceOwner = new Map<string, string>();
    for (const p of products) {
        for (const s of p.surfaces) {
            const other = serviceOwner.get(s.service);
            if (other && other !== p.key) {
                problems.push({ source: productSource(p.key), field: `surfaces[${s.name}].service`, message: `service "${s.service}" is already used by product ${other}` });
            }
            serviceOwner.set(s.service, p.key);
        }
    }
    if (problems.length > 0) throw new ValidationError(problems);
    return products;
}

