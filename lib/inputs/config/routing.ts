import { z } from "zod";

const Channel = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, "must be a Slack channel name without '#'");

/** Where alerts go in this stack. Staging turns paging off here, not in code. */
export const RoutingConfig = z.strictObject({
    /** Whether P0 alerts page through PagerDuty. Staging: false. */
    paging: z.boolean(),
    slack: z.strictObject({
        /** P0/P1 channel (000: #alerts-critical). */
        critical: Channel,
        /** P2 channel (000: #alerts-warning). */
        warning: Channel,
        /** Every channel a monitor may notify; product team channels must be listed here. */
        channels: z.array(Channel).min(1),
    }),
    /** P3 daily digest mailbox (000: "Email: Daily digest"). */
    digestEmail: z.email(),
});
export type RoutingConfig = z.infer<typeof RoutingConfig>;
