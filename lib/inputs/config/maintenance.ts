import { z } from "zod";
import { SEVERITIES } from "../catalog/schema";
import { TimeZone } from "./known";
import { rruleProblems } from "./rrule";

/** A recurring maintenance window that mutes non-critical alerts (004 §Alert Noise Reduction). */
export const MaintenanceWindow = z.strictObject({
    name: z.string().regex(/^[a-z][a-z0-9-]*$/, "must be lower-case kebab-case"),
    /** Product keys, or ["*"] for all enabled products. */
    products: z.array(z.string()).min(1),
    /** iCalendar RRULE, e.g. "FREQ=WEEKLY;BYDAY=SU". */
    rrule: z.string().superRefine((r, ctx) => rruleProblems(r).forEach((message) => ctx.addIssue({ code: "custom", message }))),
    /** Local start, e.g. "2026-01-04T02:00:00". */
    start: z.iso.datetime({ local: true }),
    durationMinutes: z
        .number()
        .int()
        .min(5)
        .max(24 * 60),
    timeZone: TimeZone.default("UTC"),
    /** Alerts of these severities are muted; P0 is never muted. */
    muteSeverities: z
        .array(z.enum(SEVERITIES))
        .min(1)
        .refine((s) => !s.includes("P0"), "P0 alerts are never muted"),
});
export type MaintenanceWindow = z.infer<typeof MaintenanceWindow>;
