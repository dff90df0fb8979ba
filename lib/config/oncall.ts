import { z } from "zod";

export const OnCallUser = z.strictObject({
    /** Short id used in rotations. */
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, "must be lower-case kebab-case"),
    name: z.string().min(1),
    email: z.email(),
    /** PagerDuty base role; responders are "user", managers "manager". */
    role: z.enum(["user", "limited_user", "manager", "admin", "observer", "owner"]).default("user"),
});

export const Rotation = z.strictObject({
    /** Weekly primary on-call rotation, in order. */
    primary: z.array(z.string()).min(1),
    /** Weekly backup rotation (000 level 3). */
    backup: z.array(z.string()).min(1),
    /** Team lead notified at level 3. */
    lead: z.string(),
});

/** On-call people and rotations, per stack. */
export const OnCallConfig = z.strictObject({
    users: z.array(OnCallUser).min(2),
    /** Founder / CTO notified at the last level. */
    founder: z.string(),
    /** Start of the weekly rotations (ISO 8601 with offset). */
    rotationStart: z.iso.datetime({ offset: true }),
    timeZone: z.string().min(3).default("UTC"),
    /** Rotation per team handle (the products' `team.handle`). */
    teams: z.record(z.string(), Rotation),
});
export type OnCallConfig = z.infer<typeof OnCallConfig>;
