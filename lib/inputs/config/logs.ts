import { z } from "zod";
import { cloudwatchRetentionProblem } from "../../aws/limits";

/** Log shipping and storage settings per stack. */
export const LogsConfig = z.strictObject({
    /** Caps hot retention (e.g. 7 in staging); the plans' tiers apply when absent. */
    maxHotDays: z
        .number()
        .int()
        .positive()
        .superRefine((d, ctx) => {
            const problem = cloudwatchRetentionProblem(d);
            if (problem) ctx.addIssue({ code: "custom", message: problem });
        })
        .optional(),
    /** Caps archive retention in days (cold tier). */
    maxArchiveDays: z.number().int().positive().optional(),
    /** Prefix of the S3 archive bucket names. */
    archiveBucketPrefix: z.string().min(1), // S3's naming rules are checked on the full names, `<prefix>-<product>`
    /** Where shipping-path alarms go when paging is off. */
    alarmEmail: z.email(),
    /**
     * The Datadog AWS integration that writes the log archives: Datadog assumes the role of a *registered* AWS
     * integration (`account_id` + `role_name`), never an arbitrary role. The archive policy is attached to that
     * role. Default: the role Datadog's CloudFormation install creates (`DatadogIntegrationRole`) in the account
     * the stack deploys to.
     */
    archiveIntegration: z
        .strictObject({
            accountId: z
                .string()
                .regex(/^\d{12}$/, "must be a 12-digit AWS account id")
                .optional(),
            roleName: z
                .string()
                .regex(/^[\w+=,.@-]{1,64}$/, "must be an IAM role name (1-64 of letters, digits, +=,.@_-)")
                .default("DatadogIntegrationRole"),
        })
        .default({ roleName: "DatadogIntegrationRole" }),
    /**
     * The organization's log indexes this program does not create, in order, placed after the product indexes
     * in the index order (Datadog routes a log to the first index whose filter matches, so a catch-all first
     * would starve the product indexes). Used by the stack with `datadog.manageOrganizationResources`. Default:
     * Datadog's catch-all index `main`.
     */
    indexesAfterProducts: z
        .array(z.string().regex(/^[a-z][a-z0-9-]*$/, "must be a Datadog log index name"))
        .min(1)
        .default(["main"]),
});
export type LogsConfig = z.infer<typeof LogsConfig>;
