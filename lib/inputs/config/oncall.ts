import { z } from "zod";
import { TimeZone } from "./known";

/**
 * An on-call person. PagerDuty users are looked up by email, not created: the account's SSO provisions them,
 * and both stacks share one PagerDuty account, where an email can belong to one user only.
 */
export const OnCallUser = z.strictObject({
    /** Short id used in rotations. */
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, "must be lower-case kebab-case"),
    name: z.string().min(1),
    /** Email of the person's PagerDuty user (the lookup key). */
    email: z.email(),
});

export const Rotation = z.strictObject({
    /** Weekly primary on-call rotation, in order (000 level 2). */
    primary: z.array(z.string()).min(1),
    /** Weekly backup rotation (000 level 3), aligned with the primary one: week n pairs primary[n] and backup[n]. */
    backup: z.array(z.string()).min(1),
    /** Team lead notified at level 3. */
    lead: z.string(),
});
export type Rotation = z.infer<typeof Rotation>;

/** On-call people and rotations, per stack. */
export const OnCallConfig = z.strictObject({
    users: z.array(OnCallUser).min(2),
    /** Founder / CTO notified at the last level. */
    founder: z.string(),
    /** Start of the weekly rotations (ISO 8601 with offset). */
    rotationStart: z.iso.datetime({ offset: true }),
    timeZone: TimeZone.default("UTC"),
    /**
     * PagerDuty groups alerts arriving this many minutes after an incident opened into that incident (time-based
     * alert grouping; PagerDuty Standard plan and above), so one outage pages once. Absent: one incident per alert.
     */
    alertGroupingMinutes: z.number().int().min(1).max(1440).optional(),
    /** Rotation per team handle (the products' `team.handle`). */
    teams: z.record(z.string(), Rotation),
});
export type OnCallConfig = z.infer<typeof OnCallConfig>;

/** Who is primary and who backup in each week of a rotation's cycle (the schedules share start and turn length). */
export function rotationWeeks(r: Rotation): Array<{ week: number; primary: string; backup: string }> {
    const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
    const cycle = (r.primary.length * r.backup.length) / gcd(r.primary.length, r.backup.length);
    return Array.from({ length: cycle }, (_, w) => ({
        week: w + 1,
        primary: r.primary[w % r.primary.length],
        backup: r.backup[w % r.backup.length],
    }));
}

/** Rotation rules beyond the schema: the backup level must reach someone other than the primary who did not answer. */
export function rotationProblems(team: string, r: Rotation): Array<{ field: string; message: string }> {
    const clashes = rotationWeeks(r).filter((w) => w.primary === w.backup);
    if (clashes.length === 0) return [];
    const cycle = rotationWeeks(r).length;
    const list = clashes.map((w) => `week ${w.week}: ${w.primary}`).join(", ");
    return [
        {
            field: `oncall.teams.${team}`,
            message: `the same person is primary and backup on-call (${list}, of a ${cycle}-week cycle); reorder primary or backup`,
        },
    ];
}
