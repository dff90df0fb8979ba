import { z } from "zod";
import { PRICE_BOUNDS, SYNTHETICS_LIST_PRICES } from "./known";

/** A price within a fifth and ten times Datadog's list price (see PRICE_BOUNDS for why). */
const price = (list: number) =>
    z
        .number()
        .min(
            list * PRICE_BOUNDS.minFactor,
            `must be at least $${(list * PRICE_BOUNDS.minFactor).toFixed(2)}, a fifth of Datadog's list price ($${list}): a lower price defeats the budget check`,
        )
        .max(
            list * PRICE_BOUNDS.maxFactor,
            `must be at most $${list * PRICE_BOUNDS.maxFactor}, ten times Datadog's list price ($${list}): check the unit`,
        );

/** Synthetic test settings per stack; staging runs less often via `frequencyMultiplier`. */
export const SyntheticsConfig = z.strictObject({
    /** Multiplies every plan frequency (1 in production; e.g. 4 in staging). */
    frequencyMultiplier: z.number().min(1).max(60),
    /** Managed locations, e.g. "aws:us-east-1". Several, so one bad region does not alert (003: false positives < 5%). */
    locations: z.array(z.string().regex(/^(aws|azure|gcp):[a-z0-9-]+$/, "must be a managed location such as aws:us-east-1")).min(1),
    /** Retries before a run counts as failed. Datadog allows 3 for API tests (browser tests are capped at 2). */
    retries: z.number().int().min(0).max(3).default(1),
    /** Milliseconds between a failed run and its retry; Datadog's maximum is 5000. */
    retryIntervalMs: z.number().int().min(0).max(5000).default(5000),
    /** Seconds a test must keep failing before it alerts. */
    minFailureDurationSeconds: z.number().int().min(0).max(7200).default(120),
    /** Locations that must fail together before alerting. */
    minLocationsFailed: z.number().int().min(1).default(2),
    /** Monthly budget in USD; the plan fails when the estimate exceeds it. */
    monthlyBudgetUsd: z.number().positive(),
    /** Prices in USD (defaults: 001 §Cost Analysis, ~$5 per 10K API test runs; browser runs at list price). */
    prices: z
        .strictObject({
            apiPer10kRuns: price(SYNTHETICS_LIST_PRICES.apiPer10kRuns).default(SYNTHETICS_LIST_PRICES.apiPer10kRuns),
            browserPer1kRuns: price(SYNTHETICS_LIST_PRICES.browserPer1kRuns).default(SYNTHETICS_LIST_PRICES.browserPer1kRuns),
        })
        .prefault({}),
});
export type SyntheticsConfig = z.infer<typeof SyntheticsConfig>;
