import { z } from "zod";
import { SENTRY_RATE_LIMIT as L } from "./known";

const IntegrationName = z.string().min(1);

export const SentryConfig = z.strictObject({
    /** Sentry organization slug. */
    organization: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    /** Name of the Slack workspace connected to Sentry (alerts post to the routed channels there). */
    slackWorkspace: IntegrationName,
    /** Client key (DSN) rate limit: at most `count` events per `windowSeconds`, per project. */
    keyRateLimit: z
        .strictObject({
            count: z.number().int().positive(),
            windowSeconds: z.number().int().min(L.minWindowSeconds).max(L.maxWindowSeconds),
        })
        .superRefine((r, ctx) => {
            const perMinute = (r.count * 60) / r.windowSeconds;
            if (perMinute < L.minPerMinute || perMinute > L.maxPerMinute) {
                ctx.addIssue({
                    code: "custom",
                    path: ["count"],
                    message: `${r.count} event${r.count === 1 ? "" : "s"} per ${r.windowSeconds} s is ${Number(perMinute.toPrecision(2))} a minute; allowed: ${L.minPerMinute} to ${L.maxPerMinute.toLocaleString("en-US")} a minute (below, alerts miss events; above, the quota is unprotected)`,
                });
            }
        }),
    /**
     * Sentry's PagerDuty integration, for Sentry alerts whose route pages. @pulumiverse/sentry 0.0.9 cannot register
     * a PagerDuty service in that integration, so each product's service is added by hand in Sentry (with the
     * product's Events v2 key, output `products.<key>.pagerduty.integrationKey`) and its Sentry id listed here.
     * A paging route without an entry falls back to emailing the product's Sentry team.
     */
    pagerduty: z
        .strictObject({
            /** Name of the PagerDuty integration in Sentry's organization settings. */
            integration: IntegrationName,
            /** Product key → id of that product's service in Sentry's PagerDuty integration. */
            services: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), z.number().int().positive()),
        })
        .optional(),
});
export type SentryConfig = z.infer<typeof SentryConfig>;
