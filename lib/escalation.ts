/**
 * Escalation model: a product's escalation levels (000 §Escalation Policy; Driplo 003 §Escalation Matrix) and the
 * stack's on-call rotations → PagerDuty escalation rules. Levels that only notify Datadog/Slack (000 level 1)
 * happen before PagerDuty is triggered; every later level is one PagerDuty rule, escalating after the gap to the
 * next level's start.
 */
import type { EscalationLevel, Product } from "./catalog/schema";
import type { OnCallConfig } from "./config/oncall";

export type EscalationTarget =
    | { kind: "schedule"; schedule: "primary" | "backup" }
    | { kind: "user"; userId: string };

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

function targetsOf(level: EscalationLevel, rotation: OnCallConfig["teams"][string], founder: string): EscalationTarget[] {
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
        if (t === "team") [...rotation.primary, ...rotation.backup, rotation.lead].forEach(addUser);
    }
    return out;
}

export function escalationModel(product: Product, oncall: OnCallConfig): EscalationModel {
    const rotation = oncall.teams[product.team.handle];
    if (!rotation) throw new Error(`${product.key}: no on-call rotation for team "${product.team.handle}"`);
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
            else (t.schedule === "primary" ? rotation.primary : rotation.backup).forEach((u) => responders.add(u));
        }
    }
    return { rules, loops: product.escalation.loops, responders: [...responders] };
}
