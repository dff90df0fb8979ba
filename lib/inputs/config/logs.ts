import { z } from "zod";
import { cloudwatchRetentionProblem } from "../../aws/limits";

/** Log shipping and storage settings per stack. */
export const LogsConfig = z.strictObject({
    /** Caps hot retention (e.g. 7 in staging); the plans' tiers apply when absent. */
    maxHotDays: z.number().int().positive().superRefine((d, ctx) => {
        const problem = cloudwatchRetentionProblem(d);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
    }).optional(),
    /** Caps archive retention in days (cold tier). */
    maxArchiveDays: z.number().int().positive().optional(),
    /** Prefix of the S3 archive bucket names. */
    archiveBucketPrefix: z.string().regex(/^[a-z0-9][a-z0-9-]{2,40}$/, "must be a valid S3 bucket name prefix"),
    /** Where shipping-path alarms go when paging is off. */
    alarmEmail: z.email(),
    /** External id Datadog presents when it assumes the archive role (from Datadog's AWS integration page). */
    datadogExternalId: z.string().regex(/^[A-Za-z0-9]{8,64}$/, "must be the external id shown by Datadog's AWS integration"),
});
export type LogsConfig = z.infer<typeof LogsConfig>;
