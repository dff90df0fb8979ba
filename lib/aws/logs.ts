/**
 * Log retention tiers on AWS (pure): the tiers per log type and the S3 lifecycle of the archive bucket.
 *
 * Tiers: hot = searchable (CloudWatch log group and Datadog index); warm = archived in S3 Standard, then
 * Standard-IA, rehydratable into Datadog; cold = archived in S3 Glacier; archives expire when the cold tier ends
 * (004 §Log Retention).
 */
import type { Product } from "../inputs/catalog/schema";
import type { LogsConfig } from "../inputs/config/logs";

export { CLOUDWATCH_RETENTION_DAYS, cloudwatchRetentionProblem } from "./limits";

type LogType = Product["logs"]["types"][number];

export interface LogTiers {
    type: LogType["type"];
    hotDays: number;
    warmDays: number;
    coldDays: number;
}

/** The spec's tiers with the stack's caps applied (staging keeps less), order hot ≤ warm ≤ cold kept. */
export function logTiers(t: LogType, cfg: Partial<LogsConfig>): LogTiers {
    const hotDays = Math.min(t.hotDays, cfg.maxHotDays ?? Infinity);
    const coldDays = Math.max(hotDays, Math.min(t.coldDays ?? t.warmDays ?? t.hotDays, cfg.maxArchiveDays ?? Infinity));
    const warmDays = Math.min(Math.max(hotDays, t.warmDays ?? hotDays), coldDays);
    return { type: t.type, hotDays, warmDays, coldDays };
}

export interface LifecycleRuleModel {
    id: string;
    prefix: string;
    /** Storage class changes by object age, in order. */
    transitions: Array<{ days: number; storageClass: "STANDARD_IA" | "GLACIER" }>;
    expireAfterDays: number;
}

/** S3 accepts STANDARD_IA only for objects at least 30 days old, and keeps them there 30 days before GLACIER. */
export const S3_IA_MIN_DAYS = 30;
/**
 * S3 Glacier Flexible Retrieval bills every object for at least 90 days: deleting it earlier costs the remaining
 * days anyway (early-deletion charge), so a Glacier step that ends in expiry sooner saves nothing and is left out.
 */
export const S3_GLACIER_MIN_DAYS = 90;

/**
 * S3 lifecycle of the product's archive bucket: one rule per log type's archive prefix, and failed deliveries.
 * Warm (after the hot tier, until warmDays): archives are read only to rehydrate, so STANDARD_IA once S3 allows it
 * (Datadog rehydrates from it); cold (warmDays until coldDays): GLACIER, which Datadog cannot rehydrate from; then
 * expiry. A step S3 would reject (IA before day 30, or less than 30 days before the next step), or a Glacier step
 * shorter than Glacier's 90-day minimum, is left out.
 */
export function lifecycleRules(tiers: LogTiers[]): LifecycleRuleModel[] {
    return [
        ...tiers.map((t) => {
            const glacierDays = t.coldDays - t.warmDays >= S3_GLACIER_MIN_DAYS ? t.warmDays : undefined;
            const iaDays = Math.max(t.hotDays, S3_IA_MIN_DAYS);
            const transitions: LifecycleRuleModel["transitions"] = [];
            if ((glacierDays ?? t.coldDays) - iaDays >= S3_IA_MIN_DAYS) transitions.push({ days: iaDays, storageClass: "STANDARD_IA" });
            if (glacierDays !== undefined) transitions.push({ days: glacierDays, storageClass: "GLACIER" });
            return { id: `${t.type}-tiers`, prefix: `${t.type}/`, transitions, expireAfterDays: t.coldDays };
        }),
        // Records Firehose could not deliver: kept a month for replay.
        { id: "failed-delivery", prefix: FAILED_DELIVERY_PREFIX, transitions: [], expireAfterDays: 30 },
    ];
}

export const FAILED_DELIVERY_PREFIX = "failed-delivery/";
