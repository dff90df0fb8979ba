/**
 * The alerts of a plan in the terms of the alert model — threshold, window, severity, route, runbook and, when the
 * alert simulator ran, its consequences — and what changed between two plans, one row per alert. Taken from the
 * plan's top-level `alerts` array when present, otherwise derived from the provider resources (Datadog monitors,
 * synthetic tests and detection rules, Sentry alerts, CloudWatch alarms) so plans without it diff the same way.
 */
import { z } from "zod";
import type { Plan, PlanResource } from "../plan";
import { productOf } from "../plan";
import { code, escapeInline, inlineDiff } from "./textDiff";

const num = z.union([z.number(), z.string()]);

export const alertSimulationSchema = z.object({
    /** null: the alert cannot detect a hard outage (e.g. a daily SSL check). */
    detectSeconds: z.number().nullable(),
    recoverSeconds: z.number().nullable(),
    pagesPerIncident: z.number(),
    pagesPerWeek: z.number().optional(),
});

/**
 * One entry of the plan's `alerts` array (lib/tooling/alertRows.ts writes them). Only product, id, title and
 * severity are required, so plans from older or newer versions of the model still diff. Unknown keys are dropped.
 */
export const planAlertSchema = z.object({
    product: z.string(),
    id: z.string(),
    title: z.string(),
    severity: z.string(),
    kind: z.string().optional(),
    service: z.string().optional(),
    thresholds: z
        .object({
            critical: num.optional(),
            warning: num.optional(),
            criticalRecovery: num.optional(),
            warningRecovery: num.optional(),
        })
        .optional(),
    comparator: z.string().optional(),
    unit: z.string().optional(),
    /** Seconds (the model), or already written out ("10m"). */
    window: num.optional(),
    /** The condition as one text ("> 5 % over 10m"). */
    threshold: z.string().optional(),
    missingData: z.string().optional(),
    renotifyMinutes: z.number().optional(),
    route: z
        .object({ pager: z.string().optional(), slack: z.array(z.string()).optional(), email: z.array(z.string()).optional() })
        .optional(),
    handles: z.array(z.string()).optional(),
    runbook: z.string().optional(),
    source: z.string().optional(),
    simulation: alertSimulationSchema.optional(),
});

export type PlanAlert = z.infer<typeof planAlertSchema>;
export type AlertSimulation = z.infer<typeof alertSimulationSchema>;
export type PlanWithAlerts = Omit<Plan, "alerts"> & { alerts?: PlanAlert[] };

/** The product of each resource (lib/tooling/plan.ts), for a plan whose `alerts` were read by this module. */
export const productsOf = (plan: PlanWithAlerts) => productOf({ ...plan, alerts: undefined });

/** Who an alert reaches; `other` holds targets outside the model's pager/Slack/email (an SNS topic's HTTPS subscriber). */
export interface Route {
    pager?: string;
    slack: string[];
    email: string[];
    other?: string[];
}

/** An alert as compared: the model's fields, normalised, and the plan resource it was derived from (if any). */
export interface AlertView {
    product: string;
    id: string;
    title: string;
    severity?: string;
    kind?: string;
    thresholds: Record<string, string>;
    comparator?: string;
    unit?: string;
    window?: string;
    /** The model's one-text condition, compared only when nothing more specific changed. */
    condition?: string;
    route: Route;
    runbook?: string;
    /** Kind-specific settings that change alerting behaviour (synthetic frequency, retries, locations). */
    details: Record<string, string>;
    simulation?: AlertSimulation;
    urn?: string;
}

const THRESHOLD_KEYS = ["critical", "warning", "criticalRecovery", "warningRecovery"] as const;
const THRESHOLD_WORDS: Record<string, string> = {
    critical: "critical",
    warning: "warning",
    criticalRecovery: "critical recovery",
    warningRecovery: "warning recovery",
};

/** Datadog notification handles → route: `@pagerduty-X` pages, `@slack-X` posts to #X, `@a@b.c` emails. */
export function routeOfHandles(handles: string[]): Route {
    const route: Route = { slack: [], email: [] };
    for (const h of handles) {
        if (h.startsWith("@pagerduty-")) route.pager = h;
        else if (h.startsWith("@slack-")) route.slack.push(`#${h.slice("@slack-".length)}`);
        else if (h.includes("@", 1)) route.email.push(h.slice(1));
    }
    return route;
}

/**
 * The `@handles` an alert notifies when it fires: those of the message's `{{#is_alert}}` block when it has any
 * (each state may have its own route), else all of the message's.
 */
export function handlesOf(message: string): string[] {
    const find = (text: string) =>
        [...new Set(text.replace(/\{\{[^}]*\}\}/g, " ").match(/(?<![\w@])@[\w.+-]+(?:@[\w.-]+\.\w+)?/g) ?? [])].filter(
            (h) => /^@(pagerduty-|slack-|webhook-|opsgenie-)/.test(h) || h.slice(1).includes("@"),
        );
    const alertBlock = /\{\{#is_alert\}\}([\s\S]*?)\{\{\/is_alert\}\}/.exec(message)?.[1];
    const inBlock = alertBlock === undefined ? [] : find(alertBlock);
    return inBlock.length ? inBlock : find(message);
}

function runbookOf(message: unknown): string | undefined {
    return typeof message === "string" ? /Runbook:\s*(\S+)/.exec(message)?.[1] : undefined;
}

/** "[BEARO] Payment failure rate above 5%" → "Payment failure rate above 5%". */
const stripPrefix = (name: unknown) => String(name ?? "").replace(/^\[[^\]]+\]\s*/, "");

function severityOf(tags: unknown, priority: unknown): string | undefined {
    const tag = Array.isArray(tags) ? tags.find((t) => /^severity:p\d$/i.test(String(t))) : undefined;
    if (tag) return String(tag).slice("severity:".length).toUpperCase();
    const p = Number(priority);
    return Number.isInteger(p) && p >= 1 && p <= 5 ? `P${p - 1}` : undefined;
}

function seconds(n: number): string {
    if (n % 86400 === 0) return `${n / 86400}d`;
    if (n % 3600 === 0) return `${n / 3600}h`;
    if (n % 60 === 0) return `${n / 60}m`;
    return `${n}s`;
}

/** The evaluation window written in a Datadog query. */
export function windowOfQuery(query: string): string | undefined {
    const burn = /long_window\("([^"]+)"\)\.short_window\("([^"]+)"\)/.exec(query);
    if (burn) return `${burn[1]}/${burn[2]}`;
    const last = /^\w+\(last_(\w+)\)/.exec(query) ?? /\.last\("(\w+)"\)/.exec(query);
    if (last) return last[1];
    const checks = /\.last\((\d+)\)/.exec(query);
    return checks ? `${checks[1]} checks` : undefined;
}

const isCompositePart = (r: PlanResource) => Array.isArray(r.inputs.tags) && r.inputs.tags.includes("composite-part");

/**
 * A monitor's alert. A composite (lib/datadog/monitors.ts: a condition and its volume guard) takes its threshold,
 * comparator and window from its condition part.
 */
function monitorAlert(r: PlanResource, product: string, parts: ReadonlyArray<PlanResource> = []): AlertView {
    const i = r.inputs;
    const condition = (parts.find((x) => x.name === `${r.name}-condition`) ?? parts[0])?.inputs ?? i;
    const query = String(condition.query ?? "");
    const message = String(i.message ?? "");
    const thresholds = Object.fromEntries(
        Object.entries((condition.monitorThresholds ?? {}) as Record<string, unknown>)
            .filter(([k]) => k !== "ok" || condition.type !== "service check")
            .map(([k, v]) => [k, String(v)]),
    );
    // The unit is only written in the message ("**Threshold:** > 5 % over 10m (current value: …)").
    const unit =
        i.type === "slo alert"
            ? "x"
            : /\*\*Threshold:\*\*\s*(?:critical\s*)?[<>]=?\s*-?[\d.]+\s+([^,(]+?)\s*(?: over |,|\(|$)/m.exec(message)?.[1];
    return {
        product,
        id: r.name,
        title: stripPrefix(i.name),
        severity: severityOf(i.tags, i.priority),
        kind: `monitor (${i.type})`,
        thresholds,
        comparator: /\s(>=|<=|>|<)\s*-?[\d.e+]+\s*$/.exec(query)?.[1],
        unit,
        window: windowOfQuery(query),
        route: routeOfHandles(handlesOf(message)),
        runbook: runbookOf(message),
        details: Object.fromEntries([
            ["no-data alert", i.notifyNoData ? `after ${i.noDataTimeframe ?? "?"} min` : "off"],
            ["renotify", i.renotifyInterval ? `every ${i.renotifyInterval} min` : "never"],
        ]),
        urn: r.urn,
    };
}

function syntheticAlert(r: PlanResource, product: string): AlertView {
    const i = r.inputs;
    const o = (i.optionsList ?? {}) as Record<string, any>;
    return {
        product,
        id: r.name,
        title: stripPrefix(i.name),
        severity: severityOf(i.tags, o.monitorPriority),
        kind: `synthetic (${i.type})`,
        thresholds: o.minLocationFailed !== undefined ? { critical: String(o.minLocationFailed) } : {},
        comparator: ">=",
        unit: "locations failing",
        window: o.minFailureDuration !== undefined ? seconds(Number(o.minFailureDuration)) : undefined,
        route: routeOfHandles(handlesOf(String(i.message ?? ""))),
        runbook: runbookOf(i.message),
        details: Object.fromEntries(
            [
                ["frequency", o.tickEvery !== undefined ? `every ${seconds(Number(o.tickEvery))}` : undefined],
                ["retries", o.retry ? `${o.retry.count} × ${o.retry.interval} ms` : "none"],
                ["locations", Array.isArray(i.locations) ? i.locations.join(", ") : undefined],
                ["status", i.status],
            ].filter(([, v]) => v !== undefined) as Array<[string, string]>,
        ),
        urn: r.urn,
    };
}

function detectionAlert(r: PlanResource, product: string): AlertView {
    const i = r.inputs;
    const cases = (i.cases ?? []) as Array<Record<string, any>>;
    const first = cases[0] ?? {};
    const cond = /([<>]=?)\s*(-?[\d.]+)/.exec(String(first.condition ?? ""));
    const o = (i.options ?? {}) as Record<string, any>;
    return {
        product,
        id: r.name,
        title: stripPrefix(i.name),
        severity: severityOf(i.tags, undefined),
        kind: "detection rule",
        thresholds: cond ? { critical: cond[2] } : {},
        comparator: cond?.[1],
        unit: "events",
        window: o.evaluationWindow !== undefined ? seconds(Number(o.evaluationWindow)) : undefined,
        route: routeOfHandles(cases.flatMap((c) => (c.notifications ?? []) as string[])),
        runbook: runbookOf(i.message),
        details: { enabled: String(i.enabled ?? true) },
        urn: r.urn,
    };
}

/** Sentry actions (issue-alert actions or metric-alert trigger actions) → route. */
function sentryRoute(actions: Array<Record<string, any>>): Route {
    const route: Route = { slack: [], email: [] };
    for (const a of actions) {
        const what = String(a.id ?? a.type ?? "").toLowerCase();
        const target = String(a.channel ?? a.targetIdentifier ?? a.service ?? a.targetType ?? "");
        if (what.includes("pagerduty")) route.pager = `pagerduty ${target}`;
        else if (what.includes("slack")) route.slack.push(target);
        else if (what.includes("mail")) route.email.push(target);
    }
    return route;
}

const sentrySeverity = (name: unknown) => /\((P\d)\)\s*$/.exec(String(name ?? ""))?.[1];
const sentryTitle = (name: unknown) => stripPrefix(name).replace(/\s*\(P\d\)\s*$/, "");

function sentryIssueAlert(r: PlanResource, product: string): AlertView {
    const i = r.inputs;
    const cond = ((i.conditions ?? []) as Array<Record<string, any>>).find((c) => c.value !== undefined) ?? {};
    return {
        product,
        id: r.name,
        title: sentryTitle(i.name),
        severity: sentrySeverity(i.name),
        kind: "Sentry issue alert",
        thresholds: cond.value !== undefined ? { critical: String(cond.value) } : {},
        comparator: cond.value !== undefined ? ">" : undefined,
        unit: cond.value !== undefined ? "events" : undefined,
        window: cond.interval,
        route: sentryRoute((i.actions ?? []) as Array<Record<string, any>>),
        details: { "re-notify": i.frequency !== undefined ? `every ${i.frequency} min` : "—" },
        urn: r.urn,
    };
}

function sentryMetricAlert(r: PlanResource, product: string): AlertView {
    const i = r.inputs;
    const triggers = (i.triggers ?? []) as Array<Record<string, any>>;
    const thresholds: Record<string, string> = {};
    for (const t of triggers) if (t.label && t.alertThreshold !== undefined) thresholds[String(t.label)] = String(t.alertThreshold);
    if (i.resolveThreshold !== undefined) thresholds.criticalRecovery = String(i.resolveThreshold);
    const critical = triggers.find((t) => t.label === "critical") ?? triggers[0] ?? {};
    return {
        product,
        id: r.name,
        title: sentryTitle(i.name),
        severity: sentrySeverity(i.name),
        kind: "Sentry metric alert",
        thresholds,
        comparator: i.thresholdType === 1 ? "<" : ">",
        window: i.timeWindow !== undefined ? `${i.timeWindow}m` : undefined,
        route: sentryRoute((critical.actions ?? []) as Array<Record<string, any>>),
        details: { measure: `${i.aggregate ?? ""} of ${i.dataset ?? ""}`, query: String(i.query ?? "") },
        urn: r.urn,
    };
}

const CW_COMPARATORS: Record<string, string> = {
    GreaterThanThreshold: ">",
    GreaterThanOrEqualToThreshold: ">=",
    LessThanThreshold: "<",
    LessThanOrEqualToThreshold: "<=",
};

/** Alarm actions (SNS topic ARNs) → route: each topic's email subscribers, else the topic and how it delivers. */
function routeOfTopics(topics: string[], subscribers: Map<string, Array<{ protocol: string; endpoint: string }>>): Route {
    const route: Route = { slack: [], email: [], other: [] };
    for (const t of topics) {
        const subs = subscribers.get(t) ?? [];
        const name = t.split(":").pop();
        if (!subs.length) route.other!.push(`SNS ${name}`);
        for (const s of subs) {
            // Endpoints are secrets in the plan ("[secret]"): then the topic and protocol say where it goes.
            if (s.protocol === "email" && s.endpoint !== "[secret]") route.email.push(s.endpoint);
            else route.other!.push(`SNS ${name} (${s.protocol})`);
        }
    }
    return route;
}

function cloudwatchAlarm(
    r: PlanResource,
    product: string,
    subscribers: Map<string, Array<{ protocol: string; endpoint: string }>>,
): AlertView {
    const i = r.inputs;
    const actions = ((i.alarmActions ?? []) as string[]).map(String);
    const description = String(i.alarmDescription ?? i.name ?? r.name);
    return {
        product,
        id: r.name,
        title: description.replace(/^[^:]+:\s*/, "").replace(/\s*[;(].*$/, ""),
        kind: "CloudWatch alarm",
        thresholds: i.threshold !== undefined ? { critical: String(i.threshold) } : {},
        comparator: CW_COMPARATORS[String(i.comparisonOperator)] ?? String(i.comparisonOperator ?? ""),
        window: i.period !== undefined ? `${i.evaluationPeriods ?? 1} × ${seconds(Number(i.period))}` : undefined,
        route: routeOfTopics(actions, subscribers),
        details: {
            metric: `${i.namespace ?? ""} ${i.metricName ?? ""} ${i.statistic ?? ""}`.trim(),
            "missing data": String(i.treatMissingData ?? "missing"),
        },
        urn: r.urn,
    };
}

/** An entry of the plan's `alerts` array as compared. The pager is shown as its Datadog handle, as in messages. */
function modelAlert(a: PlanAlert): AlertView {
    const route: Route = a.route
        ? {
              pager:
                  a.route.pager === undefined ? undefined : a.route.pager.startsWith("@") ? a.route.pager : `@pagerduty-${a.route.pager}`,
              slack: (a.route.slack ?? []).map((c) => (c.startsWith("#") ? c : `#${c}`)),
              email: a.route.email ?? [],
          }
        : routeOfHandles(a.handles ?? []);
    const details: Record<string, string> = {};
    if (a.service !== undefined) details.service = a.service;
    if (a.missingData !== undefined) details["missing data"] = a.missingData;
    if (a.renotifyMinutes !== undefined) details.renotify = a.renotifyMinutes ? `every ${a.renotifyMinutes} min` : "never";
    return {
        product: a.product,
        id: a.id,
        title: a.title,
        severity: a.severity,
        kind: a.kind,
        thresholds: Object.fromEntries(
            THRESHOLD_KEYS.filter((k) => a.thresholds?.[k] !== undefined).map((k) => [k, String(a.thresholds![k])]),
        ),
        comparator: a.comparator,
        unit: a.unit,
        window: typeof a.window === "number" ? (a.window > 0 ? seconds(a.window) : undefined) : a.window,
        condition: a.threshold,
        route,
        runbook: a.runbook,
        details,
        simulation: a.simulation,
    };
}

/** The plan's alerts: its `alerts` array if it has one, else derived from its resources. */
export function alertsOf(plan: PlanWithAlerts): AlertView[] {
    if (plan.alerts) return plan.alerts.map(modelAlert);
    const product = productsOf(plan);
    const subscribers = new Map<string, Array<{ protocol: string; endpoint: string }>>();
    for (const s of plan.resources.filter((r) => r.type === "aws:sns/topicSubscription:TopicSubscription")) {
        const topic = String(s.inputs.topic);
        subscribers.set(topic, [
            ...(subscribers.get(topic) ?? []),
            { protocol: String(s.inputs.protocol), endpoint: String(s.inputs.endpoint) },
        ]);
    }
    const out: AlertView[] = [];
    for (const r of plan.resources) {
        const p = product(r);
        switch (r.type) {
            case "datadog:index/monitor:Monitor": {
                if (isCompositePart(r)) break; // alerts through its composite
                const parts =
                    r.inputs.type === "composite"
                        ? (r.dependsOn ?? []).flatMap((urn) => plan.resources.filter((x) => x.urn === urn && isCompositePart(x)))
                        : [];
                out.push(monitorAlert(r, p, parts));
                break;
            }
            case "datadog:index/syntheticsTest:SyntheticsTest":
                out.push(syntheticAlert(r, p));
                break;
            case "datadog:index/securityMonitoringRule:SecurityMonitoringRule":
                out.push(detectionAlert(r, p));
                break;
            case "sentry:index/sentryIssueAlert:SentryIssueAlert":
                out.push(sentryIssueAlert(r, p));
                break;
            case "sentry:index/sentryMetricAlert:SentryMetricAlert":
                out.push(sentryMetricAlert(r, p));
                break;
            case "aws:cloudwatch/metricAlarm:MetricAlarm":
                out.push(cloudwatchAlarm(r, p, subscribers));
                break;
        }
    }
    return out;
}

export interface AlertChange {
    kind: "added" | "removed" | "changed";
    before?: AlertView;
    after?: AlertView;
    /** What changed, in words ("critical 5% → 4%"). */
    changes: string[];
    /** Something a reviewer should not miss (a title that still states the old threshold). */
    warnings: string[];
}

/** A threshold with its unit, escaped for Markdown ("5%", "2 s", "3000 events"). */
const value = (a: AlertView, v: string) => {
    const u = a.unit;
    return escapeInline(!u ? v : u === "%" || u === "x" ? `${v}${u}` : `${v} ${u}`);
};

export function formatRoute(r: Route): string {
    const parts: string[] = [];
    if (r.pager) parts.push(`pages ${code(r.pager)}`);
    if (r.slack.length) parts.push(`posts ${r.slack.map((c) => code(c)).join(", ")}`);
    if (r.email.length) parts.push(`emails ${r.email.map((c) => code(c)).join(", ")}`);
    if (r.other?.length) parts.push(`notifies ${r.other.map((c) => code(c)).join(", ")}`);
    return parts.join(", ") || "notifies nobody";
}

/** A route change in words: "now pages @pagerduty-x", "posts +#a −#b". */
export function routeDelta(b: Route, a: Route): string {
    const parts: string[] = [];
    if (b.pager !== a.pager) {
        parts.push(
            !a.pager
                ? `no longer pages ${code(b.pager)}`
                : b.pager
                  ? `pages ${code(a.pager)} instead of ${code(b.pager)}`
                  : `now pages ${code(a.pager)}`,
        );
    }
    for (const [verb, x, y] of [
        ["posts", b.slack, a.slack],
        ["emails", b.email, a.email],
        ["notifies", b.other ?? [], a.other ?? []],
    ] as const) {
        const delta = [
            ...y.filter((c) => !x.includes(c)).map((c) => `+${code(c)}`),
            ...x.filter((c) => !y.includes(c)).map((c) => `−${code(c)}`),
        ];
        if (delta.length) parts.push(`${verb} ${delta.join(" ")}`);
    }
    return parts.join(", ") || `route order ${formatRoute(b)} → ${formatRoute(a)}`;
}

function describe(a: AlertView): string {
    const t = THRESHOLD_KEYS.filter((k) => a.thresholds[k] !== undefined).map(
        (k) => `${THRESHOLD_WORDS[k]} ${a.comparator ? `${escapeInline(a.comparator)} ` : ""}${value(a, a.thresholds[k])}`,
    );
    return [...t, a.window ? `window ${escapeInline(a.window)}` : undefined].filter(Boolean).join(", ");
}

const routeKey = (r: Route) => JSON.stringify([r.pager ?? null, r.slack, r.email, r.other ?? []]);
export const sameRoute = (a: Route, b: Route) => routeKey(a) === routeKey(b);

/** The words for what changed between two versions of one alert. */
function alertChanges(b: AlertView, a: AlertView): { changes: string[]; warnings: string[] } {
    const changes: string[] = [];
    const warnings: string[] = [];
    if (b.severity !== a.severity) changes.push(`severity ${b.severity ?? "—"} → ${a.severity ?? "—"}`);
    const keys = [
        ...THRESHOLD_KEYS,
        ...Object.keys({ ...b.thresholds, ...a.thresholds }).filter((k) => !(THRESHOLD_KEYS as readonly string[]).includes(k)),
    ];
    for (const k of [...new Set(keys)]) {
        const x = b.thresholds[k];
        const y = a.thresholds[k];
        if (x === y && b.unit === a.unit) continue;
        const word = THRESHOLD_WORDS[k] ?? k;
        changes.push(`${word} ${x === undefined ? "(none)" : value(b, x)} → ${y === undefined ? "(none)" : value(a, y)}`);
        // The title states the threshold in words ("above 5%"): kept unchanged, it now says something false.
        if (
            k === "critical" &&
            x !== undefined &&
            y !== undefined &&
            b.title === a.title &&
            new RegExp(`(^|[^\\d.])${x.replace(/\./g, "\\.")}([^\\d.]|$)`).test(a.title)
        ) {
            warnings.push(`title still says “${a.title}”`);
        }
    }
    if (b.comparator !== a.comparator)
        changes.push(`comparator ${escapeInline(b.comparator ?? "—")} → ${escapeInline(a.comparator ?? "—")}`);
    if (b.window !== a.window) changes.push(`window ${escapeInline(b.window ?? "—")} → ${escapeInline(a.window ?? "—")}`);
    for (const k of [...new Set([...Object.keys(b.details), ...Object.keys(a.details)])]) {
        if (b.details[k] !== a.details[k]) changes.push(`${k} ${escapeInline(b.details[k] ?? "—")} → ${escapeInline(a.details[k] ?? "—")}`);
    }
    if (!sameRoute(b.route, a.route)) changes.push(routeDelta(b.route, a.route));
    if (b.runbook !== a.runbook)
        changes.push(`runbook ${b.runbook ? code(b.runbook) : "(none)"} → ${a.runbook ? code(a.runbook) : "(none)"}`);
    if (!changes.length && b.condition !== undefined && a.condition !== undefined && b.condition !== a.condition) {
        changes.push(`condition ${inlineDiff(b.condition, a.condition)}`);
    }
    if (b.title !== a.title) changes.push(`title ${inlineDiff(b.title, a.title)}`);
    // The consequences have their own column; named here only when nothing else changed.
    if (!changes.length && JSON.stringify(b.simulation) !== JSON.stringify(a.simulation)) changes.push("simulated behaviour only");
    return { changes, warnings };
}

const key = (a: AlertView) => `${a.product}\u0000${a.id}`;

/**
 * Alert changes between two plans. `renamed` maps a base resource URN to its head URN (a resource renamed under a
 * new URN is the same alert). Ordered by severity (P0 first), then product and title.
 */
export function diffAlerts(base: AlertView[], head: AlertView[], renamed: Map<string, string> = new Map()): AlertChange[] {
    const headByUrn = new Map(head.filter((a) => a.urn).map((a) => [a.urn!, a]));
    const headBy = new Map(head.map((a) => [key(a), a]));
    const matched = new Set<AlertView>();
    const out: AlertChange[] = [];
    for (const b of base) {
        const a = (b.urn && renamed.has(b.urn) ? headByUrn.get(renamed.get(b.urn)!) : undefined) ?? headBy.get(key(b));
        if (!a) {
            out.push({ kind: "removed", before: b, changes: [describe(b)], warnings: [] });
            continue;
        }
        matched.add(a);
        const { changes, warnings } = alertChanges(b, a);
        if (changes.length) out.push({ kind: "changed", before: b, after: a, changes, warnings });
    }
    for (const a of head) if (!matched.has(a)) out.push({ kind: "added", after: a, changes: [describe(a)], warnings: [] });
    const sev = (c: AlertChange) => (c.after ?? c.before)!.severity ?? "P9";
    const label = (c: AlertChange) => `${(c.after ?? c.before)!.product} ${(c.after ?? c.before)!.title}`;
    return out.sort((x, y) => sev(x).localeCompare(sev(y)) || label(x).localeCompare(label(y)));
}

/** Detection target for P0 alerts: a hard outage must page within this many seconds. */
export const P0_DETECT_SECONDS = 120;

export function simulationCell(c: AlertChange): string {
    const b = c.before?.simulation;
    const a = c.after?.simulation;
    if (!b && !a) return "—";
    const fmt = (v: number | null | undefined, unit = "") =>
        v === undefined ? "—" : v === null ? "never" : `${Math.round(v * 100) / 100}${unit}`;
    const pair = (f: (s: AlertSimulation) => number | null | undefined, unit = "") => {
        const x = b ? fmt(f(b), unit) : "—";
        const y = a ? fmt(f(a), unit) : "—";
        return c.kind === "added" ? y : c.kind === "removed" ? `${x} (removed)` : x === y ? `${y} (unchanged)` : `${x} → ${y}`;
    };
    const has = (f: (s: AlertSimulation) => number | null | undefined) => (b && f(b) !== undefined) || (a && f(a) !== undefined);
    return [
        ["detect", (s: AlertSimulation) => s.detectSeconds, " s"],
        ["pages/week", (s: AlertSimulation) => s.pagesPerWeek, ""],
        ["pages/incident", (s: AlertSimulation) => s.pagesPerIncident, ""],
    ]
        .filter(([, f]) => has(f as (s: AlertSimulation) => number | null | undefined))
        .map(([word, f, unit]) => `${word} ${pair(f as (s: AlertSimulation) => number | null | undefined, unit as string)}`)
        .join(", ");
}

/** P0 alerts whose simulated time to detect a hard outage now exceeds the target (and did not before). */
export function slowP0s(changes: AlertChange[]): AlertChange[] {
    // A simulated P0 that cannot detect the outage at all (null) is as late as can be.
    const late = (s: AlertSimulation | undefined) => s !== undefined && (s.detectSeconds ?? Infinity) > P0_DETECT_SECONDS;
    return changes.filter(
        (c) => c.after?.severity === "P0" && late(c.after.simulation) && !(c.before?.severity === "P0" && late(c.before.simulation)),
    );
}

export function hasSimulation(alerts: AlertView[]): boolean {
    return alerts.some((a) => a.simulation);
}
