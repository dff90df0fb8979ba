/**
 * Who gets paged, when: PagerDuty escalation policies (levels, delays, targets, loops), schedules (rotation users,
 * turn length, start), services (acknowledgement and auto-resolve timeouts, urgency, grouping), team membership
 * and the Datadog PagerDuty service objects, summarised in words between two plans. People are named by their
 * config id, recovered from the team memberships (`<product>-member-<id>`), since the plan only holds user ids.
 */
import type { PlanResource } from "../plan";
import type { PlanWithAlerts as Plan } from "./alerts";
import { code } from "./textDiff";

export interface RoutingChange {
    product: string;
    /** "escalation policy", "primary rotation", "service", "team". */
    subject: string;
    changes: string[];
}

const POLICY = "pagerduty:index/escalationPolicy:EscalationPolicy";
const SCHEDULE = "pagerduty:index/schedule:Schedule";
const SERVICE = "pagerduty:index/service:Service";
const MEMBERSHIP = "pagerduty:index/teamMembership:TeamMembership";
const SERVICE_OBJECT = "datadog:pagerduty/serviceObject:ServiceObject";
export const ROUTING_TYPES = [POLICY, SCHEDULE, SERVICE, MEMBERSHIP, SERVICE_OBJECT];

/** PagerDuty user id → person (config id), from both plans' team memberships. */
function people(plans: Plan[]): Map<string, string> {
    const m = new Map<string, string>();
    for (const p of plans) {
        for (const r of p.resources.filter((x) => x.type === MEMBERSHIP)) {
            const who = /-member-(.+)$/.exec(r.name)?.[1];
            if (who) m.set(String(r.inputs.userId), who);
        }
    }
    return m;
}

type Names = (id: string) => string;

function target(t: Record<string, unknown>, name: Names): string {
    const id = String(t.id);
    // Schedules are referenced by the id of the plan's schedule resource (`<product>-primary` → "primary schedule").
    if (t.type === "schedule_reference") return `${id.replace(/-id$/, "").replace(/^.*-/, "")} schedule`;
    return name(id);
}

function list(xs: string[]): string {
    return xs.length ? xs.join(", ") : "nobody";
}

function minutes(v: unknown): string {
    const n = Number(v);
    return Number.isFinite(n) ? (n % 60 === 0 && n >= 3600 ? `${n / 3600} h` : `${n / 60} min`) : String(v ?? "—");
}

function policyChanges(b: Record<string, any>, a: Record<string, any>, name: Names): string[] {
    const out: string[] = [];
    const rb = (b.rules ?? []) as Array<Record<string, any>>;
    const ra = (a.rules ?? []) as Array<Record<string, any>>;
    if (rb.length !== ra.length) out.push(`levels ${rb.length} → ${ra.length}`);
    for (let i = 0; i < Math.max(rb.length, ra.length); i++) {
        const x = rb[i];
        const y = ra[i];
        const who = (r: Record<string, any>) => ((r.targets ?? []) as Array<Record<string, unknown>>).map((t) => target(t, name));
        if (!x) {
            out.push(`level ${i + 1} added: ${list(who(y))}, escalates after ${y.escalationDelayInMinutes} min`);
            continue;
        }
        if (!y) {
            out.push(`level ${i + 1} removed (was ${list(who(x))})`);
            continue;
        }
        if (x.escalationDelayInMinutes !== y.escalationDelayInMinutes) {
            out.push(`level ${i + 1} escalates after ${x.escalationDelayInMinutes} min → ${y.escalationDelayInMinutes} min`);
        }
        const wx = who(x);
        const wy = who(y);
        const gone = wx.filter((w) => !wy.includes(w));
        const come = wy.filter((w) => !wx.includes(w));
        if (gone.length || come.length)
            out.push(`level ${i + 1} notifies ${[...come.map((w) => `+${w}`), ...gone.map((w) => `−${w}`)].join(", ")} (now ${list(wy)})`);
    }
    if (b.numLoops !== a.numLoops) out.push(`repeats ${b.numLoops ?? 0} → ${a.numLoops ?? 0} times`);
    if (b.teams !== a.teams) out.push(`team ${b.teams} → ${a.teams}`);
    return out;
}

function scheduleChanges(b: Record<string, any>, a: Record<string, any>, name: Names): string[] {
    const out: string[] = [];
    const lb = (b.layers ?? []) as Array<Record<string, any>>;
    const la = (a.layers ?? []) as Array<Record<string, any>>;
    for (let i = 0; i < Math.max(lb.length, la.length); i++) {
        const x = lb[i];
        const y = la[i];
        const label = (l: Record<string, any>) => (lb.length + la.length > 2 ? `layer “${l.name}”` : "rotation");
        const users = (l: Record<string, any>) => ((l.users ?? []) as string[]).map(name);
        if (!x) {
            out.push(`${label(y)} added: ${list(users(y))}`);
            continue;
        }
        if (!y) {
            out.push(`${label(x)} removed`);
            continue;
        }
        if (JSON.stringify(x.users) !== JSON.stringify(y.users)) out.push(`${label(y)} ${list(users(x))} → ${list(users(y))}`);
        if (x.rotationTurnLengthSeconds !== y.rotationTurnLengthSeconds) {
            out.push(`turn ${Number(x.rotationTurnLengthSeconds) / 86400} d → ${Number(y.rotationTurnLengthSeconds) / 86400} d`);
        }
        if (x.start !== y.start || x.rotationVirtualStart !== y.rotationVirtualStart)
            out.push(`starts ${x.rotationVirtualStart ?? x.start} → ${y.rotationVirtualStart ?? y.start}`);
        if (JSON.stringify(x.restrictions) !== JSON.stringify(y.restrictions)) out.push("restrictions changed");
    }
    if (b.timeZone !== undefined && b.timeZone !== a.timeZone) out.push(`time zone ${b.timeZone} → ${a.timeZone}`);
    return out;
}

function serviceChanges(b: Record<string, any>, a: Record<string, any>): string[] {
    const out: string[] = [];
    const pair = (
        word: string,
        x: unknown,
        y: unknown,
        f: (v: unknown) => string = (v) => (v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v)),
    ) => {
        if (JSON.stringify(x) !== JSON.stringify(y)) out.push(`${word} ${f(x)} → ${f(y)}`);
    };
    pair("acknowledgement timeout", b.acknowledgementTimeout, a.acknowledgementTimeout, minutes);
    pair("auto-resolve", b.autoResolveTimeout, a.autoResolveTimeout, minutes);
    pair(
        "urgency",
        b.incidentUrgencyRule?.urgency ?? b.incidentUrgencyRule?.type,
        a.incidentUrgencyRule?.urgency ?? a.incidentUrgencyRule?.type,
    );
    pair("alert grouping", b.alertGroupingParameters, a.alertGroupingParameters, (v: any) =>
        v ? `${v.type}${v.config?.timeout ? ` ${v.config.timeout} min` : ""}` : "off",
    );
    pair("alert creation", b.alertCreation, a.alertCreation);
    pair("escalation policy", b.escalationPolicy, a.escalationPolicy);
    pair("name", b.name, a.name);
    return out;
}

/** Routing and escalation changes between two plans, per product. `productOf` resolves each plan's products. */
export function diffRouting(
    base: Plan,
    head: Plan,
    productOf: { base: (r: PlanResource) => string; head: (r: PlanResource) => string },
): RoutingChange[] {
    const who = people([base, head]);
    const name: Names = (id) => who.get(id) ?? id;
    const pick = (p: Plan) => new Map(p.resources.filter((r) => ROUTING_TYPES.includes(r.type)).map((r) => [r.urn, r]));
    const b = pick(base);
    const h = pick(head);
    const out: RoutingChange[] = [];
    const subject = (r: PlanResource) => {
        if (r.type === POLICY) return "escalation policy";
        if (r.type === SCHEDULE) return `${r.name.replace(/^.*-/, "")} rotation`;
        if (r.type === SERVICE) return "PagerDuty service";
        if (r.type === SERVICE_OBJECT) return "Datadog → PagerDuty service";
        return "team";
    };
    const members = new Map<string, { joined: string[]; left: string[] }>();
    const member = (r: PlanResource, side: "joined" | "left", product: string) => {
        const m = members.get(product) ?? { joined: [], left: [] };
        m[side].push(`${name(String(r.inputs.userId))} (${r.inputs.role ?? "member"})`);
        members.set(product, m);
    };
    for (const [urn, r] of h) {
        const before = b.get(urn);
        const product = productOf.head(r);
        if (r.type === MEMBERSHIP) {
            if (!before) member(r, "joined", product);
            else if (before.inputs.role !== r.inputs.role)
                out.push({
                    product,
                    subject: "team",
                    changes: [`${name(String(r.inputs.userId))}: ${before.inputs.role} → ${r.inputs.role}`],
                });
            continue;
        }
        if (!before) {
            const y = r.inputs as Record<string, any>;
            const what = r.type === POLICY ? policyChanges({}, y, name).slice(1) : r.type === SCHEDULE ? scheduleChanges({}, y, name) : [];
            out.push({ product, subject: subject(r), changes: ["added", ...what] });
            continue;
        }
        if (JSON.stringify(before.inputs) === JSON.stringify(r.inputs)) continue;
        const x = before.inputs as Record<string, any>;
        const y = r.inputs as Record<string, any>;
        const changes =
            r.type === POLICY
                ? policyChanges(x, y, name)
                : r.type === SCHEDULE
                  ? scheduleChanges(x, y, name)
                  : r.type === SERVICE
                    ? serviceChanges(x, y)
                    : r.type === SERVICE_OBJECT && x.serviceName !== y.serviceName
                      ? [`service ${code(x.serviceName)} → ${code(y.serviceName)}`]
                      : [];
        out.push({ product, subject: subject(r), changes: changes.length ? changes : ["settings changed (see the resources below)"] });
    }
    for (const [urn, r] of b) {
        if (h.has(urn)) continue;
        if (r.type === MEMBERSHIP) member(r, "left", productOf.base(r));
        else out.push({ product: productOf.base(r), subject: subject(r), changes: ["removed"] });
    }
    for (const [product, m] of members) {
        out.push({ product, subject: "team", changes: [...m.joined.map((x) => `+${x}`), ...m.left.map((x) => `−${x}`)] });
    }
    return out.sort((x, y) => x.product.localeCompare(y.product) || x.subject.localeCompare(y.subject));
}
