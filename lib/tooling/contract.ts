/**
 * The stack-reference contract: what each stack exports for product infra repos
 * (`new pulumi.StackReference("<org>/product-monitoring/<stack>")`). docs/stack-references.md documents it.
 * A zod schema, so the contract is both a TypeScript type for consumers and a runtime check in the tests.
 * Bump CONTRACT_VERSION on any breaking change (a removed or renamed field).
 */
import { z } from "zod";

export const CONTRACT_VERSION = 1;

/** Secret values arrive decrypted in a consumer, and as "[secret]" in the offline plan. */
const Secret = z.string();

export const ProductOutputs = z.strictObject({
    displayName: z.string(),
    team: z.string(),
    pagerduty: z.strictObject({
        serviceId: z.string(),
        serviceName: z.string(),
        serviceUrl: z.string(),
        escalationPolicyId: z.string(),
        /** Events API v2 key, for the product's own integrations (e.g. CI deploy failures). Secret. */
        integrationKey: Secret,
    }),
    slack: z.strictObject({ team: z.string(), critical: z.string(), warning: z.string() }),
    sentry: z.strictObject({
        /** DSN per surface (api, web, ...), each a secret. */
        dsns: z.record(z.string(), Secret),
        projects: z.record(z.string(), z.string()),
    }),
    logs: z.strictObject({
        /** Log group per log type (app, web, db, security, system): where the product writes its logs. */
        groups: z.record(z.string(), z.strictObject({ name: z.string(), arn: z.string() })),
        /** The Firehose the groups are subscribed to (which ships to Datadog). */
        firehoseArn: z.string(),
        /** Role for subscribing further groups named `/<product>/<env>/...` to that Firehose. */
        subscriptionRoleArn: z.string(),
        /** KMS key for further groups named `/<product>/<env>/...` (its policy allows CloudWatch Logs only there). */
        kmsKeyArn: z.string(),
        archiveBucket: z.string(),
        datadogIndex: z.string(),
    }),
    datadog: z.strictObject({
        /** Unified service tags the product's own telemetry must carry (DD_ENV, DD_SERVICE per surface). */
        env: z.string(),
        services: z.record(z.string(), z.string()),
        tags: z.array(z.string()),
        monitorIds: z.record(z.string(), z.string()),
        sloIds: z.record(z.string(), z.string()),
        dashboardIds: z.record(z.string(), z.string()),
        dashboardUrls: z.record(z.string(), z.string()),
        syntheticTestIds: z.record(z.string(), z.string()),
    }),
});
export type ProductOutputs = z.infer<typeof ProductOutputs>;

export const StackOutputs = z.object({
    contractVersion: z.literal(CONTRACT_VERSION),
    environment: z.enum(["production", "staging"]),
    products: z.record(z.string(), ProductOutputs),
});
export type StackOutputs = z.infer<typeof StackOutputs>;
