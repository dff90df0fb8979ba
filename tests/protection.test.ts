/**
 * Protected state (components/protection.ts): what holds history or is used by consumers is `protect`ed, so
 * `pulumi up` never deletes or replaces it; data that must survive a product's removal is `retainOnDelete`,
 * together with the bucket configuration that keeps it private, encrypted and expiring.
 */
import { STACKS } from "./helpers/constants";
import { loadPlan } from "./helpers/plan";
import { enabledProducts } from "./helpers/catalog";
import { productPagerServices } from "../lib/model/routing";

/** Deleting these loses history or breaks a consumer (incident history, a DSN or routing key senders use). */
const PROTECTED = [
    "pagerduty:index/service:Service",
    "pagerduty:index/schedule:Schedule",
    "datadog:index/serviceLevelObjective:ServiceLevelObjective",
    "sentry:index/sentryKey:SentryKey",
];

/** Data (and its configuration) that stays when a product is removed from a stack. */
const RETAINED = [
    "aws:cloudwatch/logGroup:LogGroup",
    "aws:s3/bucket:Bucket",
    "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    "aws:s3/bucketVersioning:BucketVersioning",
    "aws:kms/key:Key",
    "sentry:index/sentryProject:SentryProject",
];

const EVENTS_INTEGRATION = "events_api_v2_inbound_integration";

describe.each(STACKS)("protected state in %s", (stack) => {
    const view = loadPlan(stack);
    const products = view.ofType("product-monitoring:monitoring:EscalationPolicy").map((c) => c.name);

    it.each(PROTECTED)("every %s is protected", (type) => {
        const resources = view.ofType(type);
        expect(new Set(resources.map(view.productOf))).toEqual(new Set(products));
        for (const r of resources) expect([r.name, r.options.protect]).toEqual([r.name, true]);
    });

    it("protects the Events API integrations, whose routing key Datadog and product repos use", () => {
        const events = view
            .ofType("pagerduty:index/serviceIntegration:ServiceIntegration")
            .filter((r) => r.inputs.type === EVENTS_INTEGRATION);
        // One per pager service: a product whose plan pages at low urgency has two.
        const expected = enabledProducts(stack).flatMap((p) => productPagerServices(p, stack).map(() => p.key));
        expect(events.map(view.productOf).sort()).toEqual(expected.sort());
        for (const r of events) expect([r.name, r.options.protect]).toEqual([r.name, true]);
    });

    it.each(RETAINED)("every %s is retained on delete", (type) => {
        const resources = view.ofType(type);
        expect(new Set(resources.map(view.productOf))).toEqual(new Set(products));
        for (const r of resources) expect([r.name, r.options.retainOnDelete]).toEqual([r.name, true]);
    });

    it("protects and retains nothing else, so removed monitors and alerts really go away", () => {
        const isEventsIntegration = (r: { type: string; inputs: Record<string, unknown> }) => r.inputs.type === EVENTS_INTEGRATION;
        const protectedTypes = view.resources.filter((r) => r.options.protect && !isEventsIntegration(r)).map((r) => r.type);
        expect(new Set(protectedTypes)).toEqual(new Set(PROTECTED));
        const retained = view.resources.filter((r) => r.options.retainOnDelete).map((r) => r.type);
        expect(new Set(retained)).toEqual(new Set(RETAINED));
    });

    it("keeps a retained bucket's configuration attached to that bucket", () => {
        for (const bucket of view.ofType("aws:s3/bucket:Bucket")) {
            const config = view.resources.filter(
                (r) => r.type.startsWith("aws:s3/bucket") && r.type !== bucket.type && r.dependsOn.includes(bucket.urn),
            );
            expect([bucket.name, config.map((r) => r.type).sort()]).toEqual([
                bucket.name,
                RETAINED.filter((t) => t.startsWith("aws:s3/bucket") && t !== bucket.type).sort(),
            ]);
            for (const r of config) expect([r.name, r.options.retainOnDelete]).toEqual([r.name, true]);
        }
    });
});
