/**
 * Loads the product catalog: zod shape checks plus cross-field rules, every problem reported at once.
 */
import { Problem, ValidationError } from "../errors";
import { durationSeconds } from "../../model/duration";
import { cloudwatchRetentionProblem } from "../../aws/limits";
import { severityPolicy } from "../../model/severity";
import { Comparator, MetricRef, Product, ProductSpec } from "./schema";

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
            const label =
                next && typeof next === "object"
                    ? ((next as { id?: unknown; name?: unknown; type?: unknown }).id ??
                      (next as { name?: unknown }).name ??
                      (next as { type?: unknown }).type)
                    : undefined;
            out += typeof label === "string" ? `[${label}]` : `[${seg}]`;
        } else {
            out += out ? `.${String(seg)}` : String(seg);
        }
        node = next;
    }
    return out;
}

/** Every string value still starting with "TODO", with its path. */
function todoProblems(node: unknown, path: PropertyKey[] = []): Array<{ path: PropertyKey[]; text: string }> {
    if (typeof node === "string") return node.startsWith("TODO") ? [{ path, text: node }] : [];
    if (Array.isArray(node)) return node.flatMap((x, i) => todoProblems(x, [...path, i]));
    if (node !== null && typeof node === "object") return Object.entries(node).flatMap(([k, v]) => todoProblems(v, [...path, k]));
    return [];
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
    uniq(
        "surfaces",
        p.surfaces.map((s) => s.name),
    );
    uniq(
        "surfaces.service",
        p.surfaces.map((s) => s.service),
    );
    uniq(
        "monitors",
        p.monitors.map((m) => m.id),
    );
    uniq(
        "slos",
        p.slos.map((s) => s.id),
    );
    uniq(
        "synthetics",
        p.synthetics.map((s) => s.id),
    );
    uniq(
        "security",
        p.security.map((s) => s.id),
    );
    uniq(
        "logs.types",
        p.logs.types.map((t) => t.type),
    );
    uniq(
        "severityRoutes",
        p.severityRoutes.map((r) => r.severity),
    );
    uniq(
        "componentRoutes",
        p.componentRoutes.map((r) => r.component),
    );
    const routed = p.componentRoutes.flatMap((r) => r.categories);
    for (const c of duplicates(routed))
        out.push({ field: "componentRoutes", message: `category "${c}" is routed to more than one component` });
    for (const r of p.componentRoutes) {
        if (r.component === "low")
            out.push({ field: `componentRoutes[${r.component}].component`, message: '"low" names the low-urgency pager service' });
        if (r.oncallTeam === p.team.handle)
            out.push({
                field: `componentRoutes[${r.component}].oncallTeam`,
                message: "is the product's own team: route nothing, or name the component's rotation",
            });
    }
    for (const r of p.severityRoutes) {
        if (r.lowUrgencyPage && severityPolicy(r.severity).pages)
            out.push({ field: `severityRoutes[${r.severity}].lowUrgencyPage`, message: `${r.severity} already pages at high urgency` });
        if (!r.lowUrgencyPage && !r.emailTeam)
            out.push({ field: `severityRoutes[${r.severity}]`, message: "adds nothing: set lowUrgencyPage or emailTeam" });
    }

    const needSurface = (field: string, surface: string) => {
        if (!surfaces.has(surface))
            out.push({ field: `${field}.surface`, message: `unknown surface "${surface}" (known: ${[...surfaces].join(", ")})` });
    };
    const monitorIds = new Set(p.monitors.map((m) => m.id));
    for (const m of p.monitors) {
        const f = `monitors[${m.id}]`;
        for (const former of m.formerIds ?? [])
            if (monitorIds.has(former))
                out.push({
                    field: `${f}.formerIds`,
                    message: `"${former}" is the id of a monitor of this product; an alias would take its resource`,
                });
        needSurface(f, m.surface);
        if (m.warning !== undefined && !warningOnSafeSide(m.comparator, m.warning, m.critical)) {
            out.push({
                field: `${f}.warning`,
                message: `warning ${m.warning} must sit on the safe side of critical ${m.critical} for comparator "${m.comparator}"`,
            });
        }
        if ((m.guard || m.hold) && m.warning !== undefined)
            out.push({
                field: `${f}.warning`,
                message: `a ${m.guard ? "guarded" : "held"} monitor takes no warning: its composite alerts on the condition only`,
            });
        if (m.hold && !["metric", "ratio", "percentile"].includes(m.query.kind))
            out.push({ field: `${f}.hold`, message: `a hold applies to metric, ratio and percentile queries, not "${m.query.kind}"` });
        if (m.guard && m.query.kind !== "metric" && m.query.kind !== "percentile")
            out.push({ field: `${f}.guard`, message: `a volume guard applies to metric and percentile queries, not "${m.query.kind}"` });
        if (m.query.kind === "anomaly" && (m.critical <= 0 || m.critical > 1 || !m.comparator.startsWith(">"))) {
            out.push({
                field: `${f}.critical`,
                message: "anomaly monitors alert on the fraction of anomalous points: use >= with a critical in (0, 1]",
            });
        }
        if ("window" in m.query && durationSeconds(m.query.window) > 2 * 86400 && m.query.kind !== "anomaly") {
            out.push({ field: `${f}.query.window`, message: `window ${m.query.window} is longer than Datadog's 2-day evaluation limit` });
        }
    }
    for (const s of p.slos) needSurface(`slos[${s.id}]`, s.surface);
    // Route 53 health checks request a URL over HTTPS: only single-request HTTP tests on a surface with a host qualify.
    for (const id of p.cloudwatchSecondary?.synthetics ?? []) {
        const s = p.synthetics.find((x) => x.id === id);
        const https = p.synthetics.filter((x) => x.kind === "api").map((x) => x.id);
        if (!s || s.kind !== "api")
            out.push({
                field: "cloudwatchSecondary.synthetics",
                message: `"${id}" is not an api synthetic of this product (api synthetics: ${https.join(", ") || "none"})`,
            });
    }
    for (const s of p.synthetics) {
        const f = `synthetics[${s.id}]`;
        needSurface(f, s.surface);
        if ((s.kind === "api" || s.kind === "browser") && !s.path)
            out.push({ field: `${f}.path`, message: `a ${s.kind} test needs a path` });
        if (s.kind === "multistep" && s.steps.length < 2)
            out.push({ field: `${f}.steps`, message: "a multistep test needs at least two steps" });
        if (s.kind === "ssl" && s.sslMinDays === undefined) out.push({ field: `${f}.sslMinDays`, message: "an ssl test needs sslMinDays" });
        if (s.kind === "browser" && s.journey.length === 0)
            out.push({ field: `${f}.journey`, message: "a browser test needs its journey described" });
        const surface = p.surfaces.find((x) => x.name === s.surface);
        if (surface && !surface.host) out.push({ field: `${f}.surface`, message: `surface "${s.surface}" has no host to test` });
    }
    p.logs.types.forEach((t) => {
        const f = `logs.types[${t.type}]`;
        const retention = cloudwatchRetentionProblem(t.hotDays);
        if (retention) out.push({ field: `${f}.hotDays`, message: retention });
        if (t.warmDays !== undefined && t.warmDays < t.hotDays)
            out.push({ field: `${f}.warmDays`, message: `warm (${t.warmDays}) must not be shorter than hot (${t.hotDays})` });
        const floor = t.warmDays ?? t.hotDays;
        if (t.coldDays !== undefined && t.coldDays < floor)
            out.push({ field: `${f}.coldDays`, message: `cold (${t.coldDays}) must not be shorter than warm/hot (${floor})` });
    });
    out.push(...requiredCoverageProblems(p), ...alertShapeProblems(p));
    const levels = p.escalation.levels;
    levels.forEach((l, i) => {
        if (i > 0 && l.startsAtMinute <= levels[i - 1].startsAtMinute) {
            out.push({
                field: `escalation.levels[${i}].startsAtMinute`,
                message: `level ${l.level} must start after level ${levels[i - 1].level} (${levels[i - 1].startsAtMinute} min)`,
            });
        }
        if (i > 0 && l.level !== levels[i - 1].level + 1) {
            out.push({
                field: `escalation.levels[${i}].level`,
                message: `levels must be consecutive (got ${levels[i - 1].level} then ${l.level})`,
            });
        }
    });
    if (!levels.some((l) => l.targets.includes("primary"))) {
        out.push({ field: "escalation.levels", message: "no level engages the primary on-call" });
    }
    return out;
}

/**
 * What every product must have (README "Adding a product"): an availability check of each API surface (a service-down
 * monitor or a health synthetic), a latency SLO, a health synthetic, an SSL test per host and a user-journey synthetic.
 */
export function requiredCoverageProblems(p: Product): Array<{ field: string; message: string }> {
    const out: Array<{ field: string; message: string }> = [];
    for (const surface of p.surfaces.filter((x) => x.kind === "api")) {
        const monitored = p.monitors.some(
            (m) => m.surface === surface.name && m.category === "availability" && (m.query.kind === "service-check" || m.notifyNoData),
        );
        const checked = p.synthetics.some((s) => s.surface === surface.name && s.kind === "api");
        if (!monitored && !checked) {
            out.push({
                field: "monitors",
                message: `API surface "${surface.name}" has no availability check: add a service-down monitor (serviceCheck) or a health synthetic (healthCheck)`,
            });
        }
    }
    if (!p.slos.some((s) => s.kind === "latency")) out.push({ field: "slos", message: 'no latency SLO: add one (kind: "latency")' });
    if (!p.synthetics.some((s) => s.kind === "api"))
        out.push({ field: "synthetics", message: "no health check: add an API test of a health endpoint (healthCheck)" });
    const sslHosts = new Set(p.synthetics.filter((s) => s.kind === "ssl").map((s) => p.surfaces.find((x) => x.name === s.surface)?.host));
    for (const host of new Set(p.surfaces.map((x) => x.host).filter((h): h is string => h !== undefined))) {
        if (!sslHosts.has(host)) out.push({ field: "synthetics", message: `host ${host} has no SSL certificate test (sslCheck)` });
    }
    if (!p.synthetics.some((s) => s.kind === "multistep" || s.kind === "browser")) {
        out.push({ field: "synthetics", message: "no user-journey test: add a multistep API test or a browser test of a key flow" });
    }
    return out;
}

/** Counters Datadog's integrations report as running totals: alert on their rate, never their value. */
export const CUMULATIVE_METRICS = new Set(["redis.keys.evicted", "redis.net.rejected_connections", "redis.keys.expired"]);
/**
 * Integrations whose metrics carry neither `env` nor `service`; filtering them by those tags leaves no data. Vercel's
 * log-based metrics are tagged `project_name` and `deployment_env` (DataDog/integrations-extras vercel/assets/logs).
 */
const UNTAGGED_INTEGRATIONS = /^(cloudflare|vercel)\./;
/** Agent 5 metrics that current Agents no longer report. */
const RETIRED_METRICS = new Set(["system.net.tcp.rtt.avg"]);
const RATE_FORM = /\b(per_second|per_minute|per_hour|diff|derivative|rate|monotonic_diff)\(/;

function metricRefs(q: Product["monitors"][number]["query"]): MetricRef[] {
    if (q.kind === "ratio") return [q.numerator, q.denominator];
    return "base" in q ? [q.base] : [];
}

/** Alert shapes that page wrongly or never fire, whatever the product. */
export function alertShapeProblems(p: Product): Array<{ field: string; message: string }> {
    const out: Array<{ field: string; message: string }> = [];
    const services = new Set(p.surfaces.map((x) => x.service));
    for (const m of p.monitors) {
        const f = `monitors[${m.id}]`;
        const surface = p.surfaces.find((x) => x.name === m.surface);
        const q = m.query;
        const refs = metricRefs(q);
        if (surface?.runtime === "vercel" && refs.some((r) => r.groupBy?.includes("host") || r.metric.startsWith("system."))) {
            out.push({
                field: `${f}.query`,
                message: `host metrics on surface "${surface.name}", which runs on Vercel and has no hosts: it would never report`,
            });
        }
        for (const r of refs) {
            if (CUMULATIVE_METRICS.has(r.metric) && !(q.kind === "metric" && q.expression && RATE_FORM.test(q.expression))) {
                out.push({
                    field: `${f}.query`,
                    message: `${r.metric} is a running total: alert on its rate (expression: "per_second({m})")`,
                });
            }
            if (UNTAGGED_INTEGRATIONS.test(r.metric) && !r.unscoped) {
                out.push({
                    field: `${f}.query`,
                    message: `${r.metric} carries no env or service tag: filter it by its own tags (unscoped: true)`,
                });
            }
            if (RETIRED_METRICS.has(r.metric))
                out.push({ field: `${f}.query`, message: `${r.metric} is an Agent 5 metric that current Agents do not report` });
        }
        const above = m.comparator.startsWith(">");
        if (q.kind === "ratio" && above && !q.complement && q.numerator.asCount && q.minCount === undefined) {
            out.push({
                field: `${f}.query.minCount`,
                message: "a failure ratio needs a volume floor (minCount): without it one failure among a few events alerts",
            });
        }
        if (q.kind === "metric" && q.base.asCount && q.timeAggregation === "sum" && !q.expression) {
            if (!q.base.defaultZero)
                out.push({
                    field: `${f}.query.base.defaultZero`,
                    message: "a sparse counter needs defaultZero: true, or the monitor never recovers once events stop",
                });
            const events = m.comparator === ">" ? Math.floor(m.critical) + 1 : Math.ceil(m.critical);
            if (m.severity === "P0" && above && events < 2) {
                out.push({
                    field: `${f}.critical`,
                    message: "a P0 on a single event pages for one failure: alert on a rate or on at least 2 events",
                });
            }
        }
    }
    p.security.forEach((r) => {
        for (const [, service] of r.search.matchAll(/(?:^|\s)service:([\w.-]+)/g)) {
            if (!services.has(service)) {
                out.push({
                    field: `security[${r.id}].search`,
                    message: `service:${service} is not a service of this product, so its logs never match (services: ${[...services].join(", ")})`,
                });
            }
        }
    });
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
        // A started spec (npm run new-product) names what is left to fill; the rest of its problems follow from those.
        const todos = todoProblems(spec);
        if (todos.length) {
            for (const t of todos)
                problems.push({ source, field: fieldPath(t.path, spec), message: `still TODO: ${t.text.replace(/^TODO:?\s*/, "")}` });
            return;
        }
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
                problems.push({
                    source: productSource(p.key),
                    field: `surfaces[${s.name}].service`,
                    message: `service "${s.service}" is already used by product ${other}`,
                });
            }
            serviceOwner.set(s.service, p.key);
        }
    }
    if (problems.length > 0) throw new ValidationError(problems);
    return products;
}
