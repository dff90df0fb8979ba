import { z } from "zod";

export const SentryConfig = z.strictObject({
    /** Sentry organization slug. */
    organization: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    /** Client key (DSN) rate limit. */
    /** Name of the Slack workspace connected to Sentry (alerts post to the routed channels there). */
    slackWorkspace: z.string().min(1),
    keyRateLimit: z.strictObject({
        count: z.number().int().positive(),
        windowSeconds: z.number().int().positive(),
    }),
});
export type SentryConfig = z.infer<typeof SentryConfig>;
