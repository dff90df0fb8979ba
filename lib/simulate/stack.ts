/**
 * The whole stack simulated: every alert through every scenario once, per-product incidents, and the figures
 * the CLI, the catalog and the target tests read (time to detect a hard outage, time to recover, pages per
 * incident, pages per week under normal traffic). Pure.
 */
import { alertTimeline, notifyAlert } from "./evaluate";
import { Path, scenario, Scenario, ScenarioKind, SCENARIOS, Shape, shapeOf, TRAFFIC } from "./scenarios";
import { routePages, type AlertEvaluation, type AlertTimeline, type SimAlert, type State } from "./types";

export interface ScenarioOutcome {
    scenario: Scenario;
    evaluation: AlertEvaluation;
}

export interface AlertSimulation {
    alert: SimAlert;
    /** The shape the scenarios were generated from, e.g. "ratio of counts"; absent when none could be. */
    family?: string;
    /** Why the alert could not be simulated at all. */
    error?: string;
    outcomes: Partial<Record<ScenarioKind, ScenarioOutcome>>;
    /** Seconds from the start of a hard outage to ALERT; null when it does not detect it (see `reason`). */
    detectSeconds: number | null;
    /** Seconds from the condition clearing to OK; null when it never recovers or never fired (see `recoverReason`). */
    recoverSeconds: number | null;
    /** PagerDuty incidents the alert opens during a 2-hour hard outage. */
    pagesPerIncident: number;
    /** Pages over a simulated day of normal traffic, times 7. */
    pagesPerWeek: number;
    reason?: string;
    recoverReason?: string;
}

const after = (e: AlertEvaluation, t: number) => e.transitions.filter((tr) => tr.at >= t);

/** The alert's state just before `t`. */
export function stateAt(e: AlertEvaluation, t: number): State {
    const before = e.transitions.filter((tr) => tr.at < t);
    return before.length ? before[before.length - 1].to : "OK";
}

/** The problem states a scenario raised after its start: notifications other than recoveries. */
export function raised(o: ScenarioOutcome | undefined): AlertEvaluation["notifications"] {
    return o ? o.evaluation.notifications.filter((n) => n.at >= o.scenario.start && n.reason !== "recovery") : [];
}

export function pagesIn(o: ScenarioOutcome | undefined): number[] {
    return o ? o.evaluation.pages.filter((t) => t >= o.scenario.start) : [];
}

/**
 * State timelines by scenario and condition. Alerts whose conditions differ only in names (product, service,
 * environment, SLO id) and routing behave the same, so their timelines are computed once and shared, also
 * between the two stacks; notifications are then derived per alert from its own route.
 */
export type TimelineCache = Map<string, AlertTimeline>;

const COSMETIC = new Set([
    "id",
    "name",
    "message",
    "tags",
    "url",
    "host",
    "assertions",
    "steps",
    "browserSteps",
    "journey",
    "deviceIds",
    "variables",
    "title",
    "actions",
    "priority",
    "monitorPriority",
    "unitsPerRun",
    "projectSlug",
    "notifications",
    "renotifyIntervalMinutes",
    "renotifyStatuses",
    "renotifyMinutes",
    "includeTags",
    "severity",
    "sloId",
    "status",
]);

function normalizeQuery(q: string): string {
    return q
        .replace(/env:[A-Za-z0-9_-]+/g, "env:*")
        .replace(/service:[A-Za-z0-9_.()-]+/g, "service:*")
        .replace(/burn_rate\("[^"]*"\)/, 'burn_rate("*")');
}

/** What an alert's state timeline depends on: its binding without names and routing. */
export function timelineKey(a: SimAlert): string {
    return JSON.stringify(a.binding, (k, v) =>
        COSMETIC.has(k) ? undefined : k === "query" && typeof v === "string" ? normalizeQuery(v) : v,
    );
}

function cached(cache: TimelineCache | undefined, key: string, compute: () => AlertTimeline): AlertTimeline {
    if (!cache) return compute();
    let t = cache.get(key);
    if (!t) {
        t = compute();
        cache.set(key, t);
    }
    return t;
}

function run(alert: SimAlert, shape: Shape, s: Scenario, cache?: TimelineCache): ScenarioOutcome {
    // Evaluations start an hour before the event: the warm-up only fills the windows.
    const t = cached(cache, `${s.kind}|${timelineKey(alert)}`, () =>
        alertTimeline(alert, shape.inputs(s.path), { end: s.end, evaluateFrom: Math.max(60, s.start - 3600) }),
    );
    return { scenario: s, evaluation: notifyAlert(alert, t) };
}

export function simulateAlert(alert: SimAlert, kinds: ReadonlyArray<ScenarioKind> = SCENARIOS, cache?: TimelineCache): AlertSimulation {
    const base = { alert, outcomes: {}, detectSeconds: null, recoverSeconds: null, pagesPerIncident: 0, pagesPerWeek: 0 };
    let shape: Shape;
    try {
        shape = shapeOf(alert);
    } catch (e) {
        const reason = (e as Error).message;
        return { ...base, error: reason, reason, recoverReason: reason };
    }
    const outcomes: Partial<Record<ScenarioKind, ScenarioOutcome>> = {};
    try {
        for (const k of kinds) outcomes[k] = run(alert, shape, scenario(shape, k), cache);
    } catch (e) {
        const reason = (e as Error).message;
        return { ...base, family: shape.family, outcomes, error: reason, reason, recoverReason: reason };
    }
    const sim: AlertSimulation = { ...base, family: shape.family, outcomes };
    const outage = outcomes.outage;
    if (outage) {
        const { start } = outage.scenario;
        const e = outage.evaluation;
        const fired = after(e, start).find((tr) => tr.to === "ALERT");
        sim.pagesPerIncident = pagesIn(outage).length;
        if (stateAt(e, start) === "ALERT") sim.reason = "already alerting under normal traffic, before the outage";
        else if (fired) sim.detectSeconds = fired.at - start;
        else
            sim.reason = after(e, start).some((tr) => tr.to === "WARN")
                ? "only warns during a 2-hour hard outage"
                : "does not fire during a 2-hour hard outage";
    }
    const recovery = outcomes.recovery;
    if (recovery) {
        const { start, clearsAt } = recovery.scenario;
        const e = recovery.evaluation;
        const fired = after(e, start).find((tr) => tr.to === "ALERT" || tr.to === "WARN");
        const last = e.transitions[e.transitions.length - 1];
        if (e.stateless) sim.recoverReason = "event-driven: nothing stays open";
        else if (!fired) sim.recoverReason = "does not fire, so there is nothing to recover";
        else if (last.to !== "OK")
            sim.recoverReason = `still ${last.to} ${Math.round((recovery.scenario.end - clearsAt!) / 60)} min after the condition cleared`;
        else sim.recoverSeconds = Math.max(0, last.at - clearsAt!);
    }
    const normal = outcomes.normal;
    if (normal) sim.pagesPerWeek = pagesIn(normal).length * 7;
    return sim;
}

/** PagerDuty time-based grouping: alerts within `minutes` of an incident's first alert join it. */
export function groupPages(times: ReadonlyArray<number>, minutes: number | undefined): number[] {
    const incidents: number[] = [];
    for (const t of [...times].sort((a, b) => a - b)) {
        const open = incidents[incidents.length - 1];
        if (open === undefined || !minutes || t >= open + minutes * 60) incidents.push(t);
    }
    return incidents;
}

export const INCIDENTS = ["payments-provider-down", "database-down", "region-down"] as const;
export type IncidentKind = (typeof INCIDENTS)[number];

/**
 * Which alerts an incident moves, by alert class (words in the alert's id, name and query), not by product:
 * payment alerts fail completely when the payments provider is down, and 5 % of a paying product's requests
 * fail with it; database alerts and every request-level alert fail completely when the database is down;
 * in a region outage one synthetic location fails and the region's share of requests fails.
 */
const PAYMENT = /payment|stripe|checkout|payout|transaction|refund|revenue|card|order|purchase|subscription/i;
const DATABASE = /\bdb\b|db-|-db|database|postgres|sql|replication|deadlock|query/i;
const PAYMENT_SHARE = 0.05;

function alertText(a: SimAlert): string {
    const b = a.binding;
    const detail = b.provider === "datadog-monitor" ? b.monitor.query : "";
    return `${a.id} ${a.name ?? ""} ${detail}`;
}

/** Request-level alerts see every failing request: error and availability ratios, SLOs, synthetics, Sentry. */
function requestLevel(a: SimAlert): boolean {
    if (a.binding.provider === "datadog-synthetic") return a.binding.test.subtype !== "ssl";
    if (a.binding.provider === "sentry-metric" || a.binding.provider === "sentry-issue") return true;
    if (a.kind === "slo-burn-rate") return true;
    return a.category === "availability" || a.category === "errors" || a.category === "latency";
}

export interface Impact {
    /** Share of the alert's condition that fails: 1 = completely, 0.05 = one request in twenty. */
    share: number;
    /** Synthetic locations that fail. */
    locations?: number;
}

export function impactOf(a: SimAlert, incident: IncidentKind, product: ReadonlyArray<SimAlert>): Impact {
    // Security alerts watch attackers, whom an outage does not bring.
    if (a.category === "security" || a.kind === "detection-rule" || a.kind === "security") return { share: 0 };
    const text = alertText(a);
    switch (incident) {
        case "payments-provider-down": {
            if (PAYMENT.test(text)) return { share: 1 };
            const takesPayments = product.some((x) => PAYMENT.test(alertText(x)));
            // The database keeps working: its own alerts and SLOs see nothing.
            return {
                share:
                    takesPayments && requestLevel(a) && !DATABASE.test(text) && a.binding.provider !== "datadog-synthetic"
                        ? PAYMENT_SHARE
                        : 0,
            };
        }
        case "database-down":
            return { share: DATABASE.test(text) || requestLevel(a) ? 1 : 0 };
        case "region-down": {
            if (a.binding.provider === "datadog-synthetic") return { share: 1 / a.binding.test.locations.length, locations: 1 };
            const locations =
                product.map((x) => (x.binding.provider === "datadog-synthetic" ? x.binding.test.locations.length : 0)).find((n) => n > 0) ??
                3;
            // Users of one region cannot reach the product; the product and its database keep running.
            return { share: requestLevel(a) && !DATABASE.test(text) ? 1 / locations : 0 };
        }
    }
}

/** Shapes whose value is proportional to the failing share (ratios, burn rates); others move only when most fails. */
const PROPORTIONAL = new Set(["ratio of counts", "slo burn rate", "sentry failure rate", "sentry crash rate"]);

export interface IncidentAlert {
    id: string;
    severity: string;
    /** Seconds from the incident's start to ALERT. */
    firedAfter: number;
    pages: number;
}

export interface IncidentResult {
    product: string;
    incident: IncidentKind;
    /** Alerts that fired, in firing order. */
    fired: IncidentAlert[];
    /** PagerDuty incidents after the stack's alert grouping. */
    pages: number;
    errors: string[];
}

const INCIDENT_MINUTES = 30;

export function simulateIncident(
    product: string,
    alerts: ReadonlyArray<SimAlert>,
    incident: IncidentKind,
    alertGroupingMinutes: number | undefined,
    cache?: TimelineCache,
): IncidentResult {
    const fired: IncidentAlert[] = [];
    const pageTimes: number[] = [];
    const errors: string[] = [];
    for (const a of alerts) {
        const impact = impactOf(a, incident, alerts);
        if (impact.share === 0) continue;
        let shape: Shape;
        try {
            shape = shapeOf(a);
        } catch {
            continue; // reported per alert by simulateAlert
        }
        const base = scenario(shape, "outage");
        const t0 = base.start;
        const clears = t0 + INCIDENT_MINUTES * 60;
        const bad = PROPORTIONAL.has(shape.family)
            ? shape.healthy + impact.share * (shape.worst - shape.healthy)
            : impact.share >= 0.5
              ? shape.worst
              : shape.healthy;
        const path: Path = {
            end: clears + 1800,
            value: (t) => (t >= t0 && t < clears ? bad : shape.healthy),
            traffic: () => TRAFFIC.dayPerMinute,
            ...(impact.locations !== undefined ? { failingLocations: (t: number) => (t >= t0 && t < clears ? impact.locations! : 0) } : {}),
        };
        try {
            const key = `${incident}|${impact.share}|${impact.locations ?? ""}|${timelineKey(a)}`;
            const e = notifyAlert(
                a,
                cached(cache, key, () => alertTimeline(a, shape.inputs(path), { end: path.end, evaluateFrom: Math.max(60, t0 - 3600) })),
            );
            const first = after(e, t0).find((tr) => tr.to === "ALERT");
            const pages = e.pages.filter((t) => t >= t0);
            if (first && stateAt(e, t0) !== "ALERT")
                fired.push({ id: a.id, severity: a.severity, firedAfter: first.at - t0, pages: pages.length });
            pageTimes.push(...pages.map((t) => t - t0));
        } catch (err) {
            errors.push(`${a.product}: ${a.id}: ${(err as Error).message}`);
        }
    }
    fired.sort((x, y) => x.firedAfter - y.firedAfter || x.id.localeCompare(y.id));
    return { product, incident, fired, pages: groupPages(pageTimes, alertGroupingMinutes).length, errors };
}

export interface ProductSummary {
    product: string;
    alerts: number;
    /** Fastest detection of a hard outage by a paging alert (s); null when none pages. */
    fastestPageSeconds: number | null;
    /** Pages per week under normal traffic, after alert grouping. */
    pagesPerWeek: number;
    incidents: IncidentResult[];
}

export interface StackSimulation {
    alerts: AlertSimulation[];
    products: ProductSummary[];
}

export interface SimulateOptions {
    /** PagerDuty time-based grouping of the stack (`oncall.alertGroupingMinutes`). */
    alertGroupingMinutes?: number;
    /** Products to summarise, in order; default: as they appear in the alerts. */
    products?: ReadonlyArray<string>;
    /** Shared state timelines (e.g. across both stacks); a fresh cache per call by default. */
    cache?: TimelineCache;
}

/** What simulateStack reads of a stack model (lib/stack/model.ts): its alerts, and the products' SLO targets. */
export interface StackModelLike {
    alerts: ReadonlyArray<SimAlert>;
    products?: ReadonlyArray<{ product: { key: string; slos: ReadonlyArray<{ id: string; target: number }> } }>;
}

/** A burn-rate monitor's SLO target from the model's products when its binding names only the SLO. */
function withSloTarget(a: SimAlert, model: StackModelLike): SimAlert {
    const b = a.binding;
    if (b.provider !== "datadog-monitor" || b.sloTarget !== undefined || b.sloId === undefined) return a;
    const target = model.products?.find((p) => p.product.key === a.product)?.product.slos.find((s) => s.id === b.sloId)?.target;
    return target === undefined ? a : { ...a, binding: { ...b, sloTarget: target } };
}

/** Every alert of a stack model (`{ alerts, products }`, as lib/stack/model.ts builds it), simulated once. */
export function simulateStack(model: StackModelLike, opts: SimulateOptions = {}): StackSimulation {
    const cache = opts.cache ?? new Map();
    const alerts = model.alerts.map((a) => simulateAlert(withSloTarget(a, model), SCENARIOS, cache));
    const keys = opts.products ?? [...new Set(model.alerts.map((a) => a.product))];
    const products = keys.map((product): ProductSummary => {
        const own = alerts.filter((s) => s.alert.product === product);
        const paging = own.filter((s) => routePages(s.alert.route) && s.detectSeconds !== null);
        const normalPages = own.flatMap((s) => pagesIn(s.outcomes.normal));
        return {
            product,
            alerts: own.length,
            fastestPageSeconds: paging.length ? Math.min(...paging.map((s) => s.detectSeconds!)) : null,
            pagesPerWeek: groupPages(normalPages, opts.alertGroupingMinutes).length * 7,
            incidents: INCIDENTS.map((i) =>
                simulateIncident(
                    product,
                    own.map((s) => s.alert),
                    i,
                    opts.alertGroupingMinutes,
                    cache,
                ),
            ),
        };
    });
    return { alerts, products };
}

/** One row per alert, as `npm run alerts:simulate -- --json` writes it and the alert catalog shows it. */
export interface AlertFigures {
    product: string;
    alert: string;
    severity: string;
    detectSeconds: number | null;
    recoverSeconds: number | null;
    pagesPerIncident: number;
    pagesPerWeek: number;
    reason?: string;
}

export function alertFigures(s: AlertSimulation): AlertFigures {
    const reasons = [
        s.reason && `detect: ${s.reason}`,
        s.recoverReason && s.recoverSeconds === null && !s.alert.binding.provider.startsWith("sentry-issue")
            ? `recover: ${s.recoverReason}`
            : undefined,
    ].filter(Boolean);
    return {
        product: s.alert.product,
        alert: s.alert.id,
        severity: s.alert.severity,
        detectSeconds: s.detectSeconds,
        recoverSeconds: s.recoverSeconds,
        pagesPerIncident: s.pagesPerIncident,
        pagesPerWeek: s.pagesPerWeek,
        ...(reasons.length ? { reason: reasons.join("; ") } : {}),
    };
}
