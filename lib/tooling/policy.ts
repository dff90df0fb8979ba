/**
 * Policy rules over the stack's resources (pure). The same functions run in the Pulumi policy pack (policy/,
 * `pulumi preview --policy-pack policy`) and inside `npm run plan`, so a violation fails the offline plan too.
 */
import { Plan, productOf } from "./plan";
import { parseHandles } from "../datadog/handles";

/**
 * What a rule sees of a resource: the plan JSON's fields, or a policy pack resource's `props` as `inputs` and
 * its dependencies' URNs as `dependsOn`.
 */
export interface RuleResource {
    urn: string;
    type: string;
    name: string;
    inputs: Record<string, any>;
    /** URNs of the resources this one depends on (explicitly or through an input's Output). */
    dependsOn?: string[];
}

export interface Violation {
    rule: string;
    resource: RuleResource;
    message: string;
}

export interface PolicyRule {
    name: string;
    description: string;
    check(resources: ReadonlyArray<RuleResource>): Violation[];
}

const MONITOR = "datadog:index/monitor:Monitor";
const BUCKET = "aws:s3/bucket:Bucket";
const PUBLIC_ACCESS_BLOCK = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
const PUBLIC_ACLS = new Set(["public-read", "public-read-write", "authenticated-read"]);

const tagValue = (r: RuleResource, key: string): string | undefined =>
    (r.inputs.tags as string[] | undefined)?.find((t) => t.startsWith(`${key}:`))?.slice(key.length + 1);

export const POLICY_RULES: PolicyRule[] = [
    {
        name: "monitors-tagged-and-routed",
        description: "Every Datadog monitor carries env, service and team tags and notifies someone.",
        check: (resources) => resources.filter((r) => r.type === MONITOR).flatMap((r) => [
            ...["env", "service", "team"].filter((k) => !tagValue(r, k)).map((k) => ({ rule: "monitors-tagged-and-routed", resource: r, message: `monitor has no "${k}:" tag` })),
            ...(parseHandles(String(r.inputs.message ?? "")).length === 0 ? [{ rule: "monitors-tagged-and-routed", resource: r, message: "monitor message notifies nobody (no @handle)" }] : []),
        ]),
    },
    {
        name: "production-p0-pages",
        description: "In production, every P0 monitor reaches PagerDuty.",
        check: (resources) => resources
            .filter((r) => r.type === MONITOR && tagValue(r, "env") === "production" && tagValue(r, "severity") === "p0")
            .filter((r) => !parseHandles(String(r.inputs.message ?? "")).some((h) => h.kind === "pagerduty"))
            .map((r) => ({ rule: "production-p0-pages", resource: r, message: "P0 monitor in production does not page (@pagerduty- handle missing)" })),
    },
    {
        name: "no-public-buckets",
        description: "Every S3 bucket blocks public access (all four settings) and has no public ACL.",
        check: (resources) => {
            const blocks = resources.filter((r) => r.type === PUBLIC_ACCESS_BLOCK);
            return resources.filter((r) => r.type === BUCKET).flatMap((bucket) => {
                // A block belongs to the bucket it depends on (its `bucket` input is the bucket's id, unknown in a
                // first preview), or whose name or id it names literally.
                const ids = new Set([bucket.inputs.id, bucket.inputs.bucket].filter(Boolean));
                const block = blocks.find((b) => b.dependsOn?.includes(bucket.urn) || ids.has(b.inputs.bucket));
                const out: Violation[] = [];
                if (PUBLIC_ACLS.has(String(bucket.inputs.acl))) out.push({ rule: "no-public-buckets", resource: bucket, message: `bucket ACL "${bucket.inputs.acl}" is public` });
                const settings = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"];
                if (!block) out.push({ rule: "no-public-buckets", resource: bucket, message: "bucket has no BucketPublicAccessBlock" });
                else {
                    const off = settings.filter((s) => block.inputs[s] !== true);
                    if (off.length) out.push({ rule: "no-public-buckets", resource: bucket, message: `public access block leaves ${off.join(", ")} off` });
                }
                return out;
            });
        },
    },
    {
        name: "log-groups-retained-and-encrypted",
        description: "Every CloudWatch log group has a retention period and a KMS key.",
        check: (resources) => resources.filter((r) => r.type === LOG_GROUP).flatMap((r) => [
            ...(typeof r.inputs.retentionInDays === "number" && r.inputs.retentionInDays > 0 ? [] : [{ rule: "log-groups-retained-and-encrypted", resource: r, message: "log group has no retentionInDays (logs kept forever)" }]),
            ...(r.inputs.kmsKeyId ? [] : [{ rule: "log-groups-retained-and-encrypted", resource: r, message: "log group is not encrypted with a KMS key (kmsKeyId)" }]),
        ]),
    },
];

export function policyViolations(resources: ReadonlyArray<RuleResource>): Violation[] {
    return POLICY_RULES.flatMap((rule) => rule.check(resources));
}

/** `npm run plan`'s failure lines for a plan: `<product>: <resource>: <violation> (<rule>)`. */
export function policyReport(plan: Plan): string[] {
    const product = productOf(plan);
    const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
    return policyViolations(plan.resources).map((v) => `${product(byUrn.get(v.resource.urn)!)}: ${v.resource.name}: ${v.message} (${v.rule})`);
}
