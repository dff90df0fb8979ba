/**
 * Escalation model: a product's escalation levels (000 §Escalation Policy; Driplo 003 §Escalation Matrix) and the
 * stack's on-call rotations → PagerDuty escalation rules, weekly schedules and team memberships (pure).
 *
 * Levels that only notify Datadog/Slack (000 level 1) happen before PagerDuty is involved; every later level is
 * one PagerDuty rule, escalating after the gap to the next level's start. PagerDuty's clock starts when Datadog
 * triggers it, which is when the P0 monitor fires: PagerDuty 3.4.0 has no way to hold an alert for the 5 minutes
 * of 000's level 1 (that needs Event Orchestration's `suspend`; the legacy event rules reached end of life), so
 * every level is engaged 5 minutes earlier than 000 states, never later, with 000's durations per level.
 */
import type { EscalationLevel, Product } from "../inputs/catalog/schema";
import type { OnCallConfig, Rotation } from "../inputs/config/oncall";

export type EscalationTarget = { kind: "schedule"; schedule: ScheduleKind } | { kind: "user"; userId: string };

export interface EscalationRule {
    level: number;
    description: string;
    /** Minutes before PagerDuty escalates to the next rule (on the last rule: before the policy loops). */
    delayMinutes: number;
    targets: EscalationTarget[];
}

export interface EscalationModel {
    rules: EscalationRule[];
    loops: number;
    /** Users whose on-call this policy can reach, directly or through a schedule. */
    responders: string[];
}

/** Minutes the last rule waits before the policy starts over (PagerDuty needs a delay on every rule). */
export const LAST_RULE_DELAY_MINUTES = 30;

const PAGERDUTY_TARGETS = new Set(["primary", "backup", "lead", "team", "founder"]);

function isPagerDutyLevel(l: EscalationLevel): boolean {
    return l.targets.some((t) => PAGERDUTY_TARGETS.has(t));
}

/** A product's rotation: its team's, or a component's (`componentRoutes[].oncallTeam`). */
function rotationOf(product: Product, oncall: OnCallConfig, handle = product.team.handle): Rotation {
    const rotation = oncall.teams[handle];
    if (!rotation) throw new Error(`${product.key}: no on-call rotation for team "${handle}"`);
    return rotation;
}

function targetsOf(level: EscalationLevel, rotation: Rotation, founder: string): EscalationTarget[] {
    const out: EscalationTarget[] = [];
    const users = new Set<string>();
    const addUser = (id: string) => {
        if (!users.has(id)) out.push({ kind: "user", userId: id });
        users.add(id);
    };
    for (const t of level.targets) {
        if (t === "primary" || t === "backup") out.push({ kind: "schedule", schedule: t });
        if (t === "lead") addUser(rotation.lead);
        if (t === "founder") addUser(founder);
        // "All hands": everyone in the team's rotations.
        if (t === "team") teamMemberIds(rotation).forEach(addUser);
    }
    return out;
}

/** The escalation policy of a product's rotation (its team's by default, or a component's: `handle`). */
export function escalationModel(product: Product, oncall: OnCallConfig, handle?: string): EscalationModel {
    const rotation = rotationOf(product, oncall, handle);
    const levels = product.escalation.levels.filter(isPagerDutyLevel);
    const rules = levels.map((level, i) => ({
        level: level.level,
        description: level.description,
        delayMinutes: i + 1 < levels.length ? levels[i + 1].startsAtMinute - level.startsAtMinute : LAST_RULE_DELAY_MINUTES,
        targets: targetsOf(level, rotation, oncall.founder),
    }));
    const responders = new Set<string>();
    for (const r of rules) {
        for (const t of r.targets) {
            if (t.kind === "user") responders.add(t.userId);
            else rotation[t.schedule].forEach((u) => responders.add(u));
        }
    }
    return { rules, loops: product.escalation.loops, responders: [...responders] };
}

export type ScheduleKind = "primary" | "backup";
export const SCHEDULE_KINDS: readonly ScheduleKind[] = ["primary", "backup"];

export const WEEK_SECONDS = 7 * 24 * 3600;

export interface ScheduleModel {
    name: string;
    timeZone: string;
    layers: Array<{
        name: string;
        /** ISO 8601; the same for every schedule, so that week n pairs primary[n] with backup[n]. */
        start: string;
        rotationVirtualStart: string;
        rotationTurnLengthSeconds: number;
        /** On-call user ids, in rotation order. */
        userIds: string[];
    }>;
}

/** The weekly primary and backup schedules of a product (000: on-call engineer at level 2, backup at level 3). */
export function scheduleModels(
    product: Product,
    oncall: OnCallConfig,
    environment: string,
    component?: { component: string; oncallTeam: string },
): Record<ScheduleKind, ScheduleModel> {
    const rotation = rotationOf(product, oncall, component?.oncallTeam);
    const who = component ? `${product.displayName} ${component.component}` : product.displayName;
    const schedule = (kind: ScheduleKind): ScheduleModel => ({
        name: `${who} ${kind} on-call (${environment})`,
        timeZone: oncall.timeZone,
        layers: [
            {
                name: `Weekly ${kind} rotation`,
                start: oncall.rotationStart,
                rotationVirtualStart: oncall.rotationStart,
                rotationTurnLengthSeconds: WEEK_SECONDS,
                userIds: rotation[kind],
            },
        ],
    });
    return { primary: schedule("primary"), backup: schedule("backup") };
}

function teamMemberIds(rotation: Rotation): string[] {
    return [...new Set([...rotation.primary, ...rotation.backup, rotation.lead])];
}

/**
 * PagerDuty team members: everyone in the team's rotations as responder, the lead as manager (the founder is not a
 * member); the people of its components' rotations join as responders.
 */
export function teamMembers(product: Product, oncall: OnCallConfig): Array<{ userId: string; role: "manager" | "responder" }> {
    const rotation = rotationOf(product, oncall);
    const components = product.componentRoutes.flatMap((c) => teamMemberIds(rotationOf(product, oncall, c.oncallTeam)));
    return [...new Set([...teamMemberIds(rotation), ...components])].map((userId) => ({
        userId,
        role: userId === rotation.lead ? "manager" : "responder",
    }));
}
