import { z } from "zod";

/** Log shipping and storage settings per stack. */
export const LogsConfig = z.strictObject({
    /** Caps hot retention (e.g. 7 in staging); the plans' tiers apply when absent. */
    maxHotDays: z.number().int().positive().optional(),
    /** Caps archive retention in days (cold tier). */
    maxArchiveDays: z.number().int().positive().optional(),
    /** Prefix of the S3 archive bucket names. */
    archiveBucketPrefix: z.string().regex(/^[a-z0-9][a-z0-9-]{2,40}$/, "must be a valid S3 bucket name prefix"),
    /** Where shipping-path alarms go when paging is off. */
    alarmEmail: z.email(),
});
export type LogsConfig = z.infer<typeof LogsConfig>;
