/**
 * Resource options for state that must outlive a refactor, with the reason each applies. Two kinds:
 *
 * - `historyOrConsumers` (`protect`): deleting the resource loses history or breaks its consumers and cannot be
 *   undone by recreating it (a new PagerDuty service has no incident history and a new URL; a new integration or
 *   Sentry key has a new key/DSN every sender must be given; a new SLO starts with no history). `pulumi up`
 *   refuses to delete or replace it: removing one (e.g. a product) is a deliberate `pulumi state unprotect`.
 * - `retainedData` (`retainOnDelete`): data that must stay when a product is removed (log groups, archive buckets
 *   and the configuration that keeps them private, encrypted and expiring, the KMS keys that can decrypt them,
 *   Sentry projects with their issue history); removing the product leaves them in place, unmanaged.
 *
 * Neither: escalation policies, teams and memberships (no history of their own, recreated identically from code;
 * PagerDuty refuses to delete a policy a protected service still uses), monitors and alert rules (a removed alert
 * must really go away).
 */
import type * as pulumi from "@pulumi/pulumi";

export const historyOrConsumers = { protect: true } as const satisfies pulumi.CustomResourceOptions;
export const retainedData = { retainOnDelete: true } as const satisfies pulumi.CustomResourceOptions;

/** Computed outputs that are secrets but not marked secret by their providers (they would sit in clear in state). */
export const SECRET_OUTPUTS = {
    /** @pulumi/pagerduty 3.4.0: the Events API routing key. */
    pagerdutyIntegration: ["integrationKey"],
    /** @pulumiverse/sentry 0.0.9 marks `dsnSecret` and `secret`; the other DSNs and the public key carry the same key. */
    sentryKey: ["dsnPublic", "dsnCsp", "public"],
} as const;
