/**
 * Policy rules over the stack's resources (pure). The same functions run in the Pulumi policy pack (policy/,
 * `pulumi preview --policy-pack policy`) and inside `npm run plan`, so a violation fails the offline plan too.
 */
import { Plan, productOf } from "./plan";
import { messagePages, parseHandles } from "../datadog/handles";

/**
 * What a rule sees of a resource: the plan JSON's fields, or a policy pack resource's `props` as `inputs`.
 * Resources are related by their own names and ids, never by dependencies: a dependency says nothing about
 * which bucket an input names.
 */
export interface RuleResource {
    urn: string;
    type: string;
    name: string;
    inputs: Record<string, any>;
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
const SYNTHETICS_TEST = "datadog:index/syntheticsTest:SyntheticsTest";
/** What alerts through Datadog's monitor notifications: monitors, and synthetic tests (each has its own monitor). */
const ALERTING = new Set([MONITOR, SYNTHETICS_TEST]);
const alertKind = (r: RuleResource) => (r.type === SYNTHETICS_TEST ? "synthetic test" : "monitor");
const BUCKETS = new Set(["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"]);
const BUCKET_ACLS = new Set(["aws:s3/bucketAcl:BucketAcl", "aws:s3/bucketAclV2:BucketAclV2"]);
const BUCKET_POLICY = "aws:s3/bucketPolicy:BucketPolicy";
const PUBLIC_ACCESS_BLOCK = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
const PUBLIC_ACCESS_SETTINGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"];
const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
/** Canned ACLs that open a bucket to everyone, or to every AWS account. */
const PUBLIC_CANNED_ACLS = new Set(["public-read", "public-read-write", "authenticated-read"]);
/** ACL grantee groups that mean everyone / every AWS account (`http://acs.amazonaws.com/groups/global/<group>`). */
const PUBLIC_GRANTEE_GROUPS = ["AllUsers", "AuthenticatedUsers"];

const hasTag = (r: RuleResource, tag: string): boolean => ((r.inputs.tags as string[] | undefined) ?? []).includes(tag);
const tagValue = (r: RuleResource, key: string): string | undefined =>
    (r.inputs.tags as string[] | undefined)?.find((t) => t.startsWith(`${key}:`))?.slice(key.length + 1);

/** The stack of a URN (`urn:pulumi:<stack>::<project>::...`), or undefined for a URN of another shape. */
const stackOf = (urn: string): string | undefined => /^urn:pulumi:([^:]+)::/.exec(urn)?.[1];

const violation = (rule: string, resource: RuleResource, message: string): Violation => ({ rule, resource, message });

/** Why an alert is P0: its Datadog priority and its severity tag each say so on their own. */
function p0Evidence(r: RuleResource): string[] {
    // A monitor's `priority` is a string; a synthetic test's `optionsList.monitorPriority` a number.
    const priority = r.type === SYNTHETICS_TEST ? r.inputs.optionsList?.monitorPriority : r.inputs.priority;
    return [
        ...(String(priority ?? "") === "1" ? ['priority "1"'] : []),
        ...(tagValue(r, "severity")?.toLowerCase() === "p0" ? ["tag severity:p0"] : []),
    ];
}

/** The public grants of a bucket or bucket ACL resource: a public canned `acl`, grants to AllUsers/AuthenticatedUsers. */
function publicAclGrants(r: RuleResource): string[] {
    const out: string[] = [];
    if (PUBLIC_CANNED_ACLS.has(String(r.inputs.acl))) out.push(`acl "${r.inputs.acl}"`);
    // Bucket/BucketV2 inline `grants[].uri`; BucketAcl/BucketAclV2 `accessControlPolicy.grants[].grantee.uri`.
    const grants: Array<{ uri?: string; permission?: string; permissions?: string[] }> = [
        ...(Array.isArray(r.inputs.grants) ? r.inputs.grants : []),
        ...(Array.isArray(r.inputs.accessControlPolicy?.grants)
            ? r.inputs.accessControlPolicy.grants.map((g: any) => ({ ...g?.grantee, permission: g?.permission }))
            : []),
    ];
    for (const g of grants) {
        const group = PUBLIC_GRANTEE_GROUPS.find((name) => String(g?.uri ?? "").endsWith(`/groups/global/${name}`));
        if (group) out.push(`grant of ${[g.permission ?? g.permissions ?? []].flat().join(", ") || "access"} to ${group}`);
    }
    return out;
}

/** A principal that means anyone: `"*"`, `{"AWS": "*"}` or `{"AWS": [..., "*"]}`. */
const isAnyone = (principal: unknown): boolean =>
    principal === "*" ||
    (typeof principal === "object" && principal !== null && [(principal as { AWS?: unknown }).AWS].flat().includes("*"));

/**
 * The statements of a bucket policy that allow anyone (`Principal` anyone, or `NotPrincipal`, which allows everyone
 * it does not list). Conditions are not weighed: a public grant must not hang on a condition. A policy that is
 * not a JSON document cannot be checked and is reported as such.
 */
function publicStatements(policy: unknown): string[] {
    let doc: unknown = policy;
    if (typeof policy === "string") {
        try {
            doc = JSON.parse(policy);
        } catch {
            return ["policy is not a JSON document and cannot be checked"];
        }
    }
    const statements = [(doc as { Statement?: unknown } | null)?.Statement ?? []].flat() as Array<Record<string, unknown>>;
    return statements
        .map((s, i) => ({ s, i }))
        .filter(({ s }) => String(s?.Effect).toLowerCase() === "allow" && (isAnyone(s.Principal) || s.NotPrincipal !== undefined))
        .map(
            ({ s, i }) =>
                `statement ${s.Sid ? `"${s.Sid}"` : i} allows ${s.NotPrincipal !== undefined ? "everyone but its NotPrincipal" : 'Principal "*"'}`,
        );
}

export const POLICY_RULES: PolicyRule[] = [
    {
        name: "monitors-tagged-and-routed",
        description:
            "Every Datadog monitor and synthetic test carries env, service and team tags and notifies someone, except a " +
            "part (tag composite-part) of a composite monitor of the plan, which notifies for it.",
        check: (resources) => {
            const composites = resources
                .filter((r) => r.type === MONITOR && r.inputs.type === "composite")
                .map((r) => String(r.inputs.name));
            const partOfComposite = (r: RuleResource) =>
                hasTag(r, "composite-part") && composites.some((name) => String(r.inputs.message ?? "").includes(`"${name}"`));
            return resources
                .filter((r) => ALERTING.has(r.type))
                .flatMap((r) => [
                    ...["env", "service", "team"]
                        .filter((k) => !tagValue(r, k))
                        .map((k) => violation("monitors-tagged-and-routed", r, `${alertKind(r)} has no "${k}:" tag`)),
                    ...(parseHandles(String(r.inputs.message ?? "")).length === 0 && !partOfComposite(r)
                        ? [violation("monitors-tagged-and-routed", r, `${alertKind(r)} message notifies nobody (no @handle)`)]
                        : []),
                ]);
        },
    },
    {
        name: "production-p0-pages",
        description: "In production, every P0 monitor or synthetic test (priority 1 or tag severity:p0) reaches PagerDuty at high urgency.",
        check: (resources) =>
            resources
                // Production by the env tag or by the URN's stack: dropping one of them must not exempt a monitor.
                .filter((r) => ALERTING.has(r.type) && (tagValue(r, "env") === "production" || stackOf(r.urn) === "production"))
                .map((r) => ({ r, evidence: p0Evidence(r) }))
                .filter(({ r, evidence }) => evidence.length > 0 && !messagePages(String(r.inputs.message ?? "")))
                .map(({ r, evidence }) =>
                    violation(
                        "production-p0-pages",
                        r,
                        `P0 ${alertKind(r)} (${evidence.join(", ")}) in production does not page (no high-urgency @pagerduty- handle)`,
                    ),
                ),
    },
    {
        name: "no-public-buckets",
        description:
            "Every S3 bucket has a BucketPublicAccessBlock naming it (its bucket input is the bucket's name or id) with all four settings on.",
        check: (resources) => {
            const blocks = resources.filter((r) => r.type === PUBLIC_ACCESS_BLOCK);
            return resources
                .filter((r) => BUCKETS.has(r.type))
                .flatMap((bucket) => {
                    // An S3 bucket's id is its name. Before its first deployment only the name is known, which is why
                    // components pass `bucket.bucket` (not `bucket.id`) to the block.
                    // The name is read first: in the policy pack a new bucket's id is unknown during preview.
                    const named = (id: unknown) =>
                        typeof id === "string" && id !== "" ? blocks.find((b) => b.inputs.bucket === id) : undefined;
                    const block = named(bucket.inputs.bucket) ?? named(bucket.inputs.id);
                    if (!block)
                        return [
                            violation(
                                "no-public-buckets",
                                bucket,
                                `bucket has no BucketPublicAccessBlock (none has bucket "${bucket.inputs.bucket ?? bucket.inputs.id ?? "?"}")`,
                            ),
                        ];
                    const off = PUBLIC_ACCESS_SETTINGS.filter((s) => block.inputs[s] !== true);
                    return off.length
                        ? [violation("no-public-buckets", bucket, `public access block ${block.name} leaves ${off.join(", ")} off`)]
                        : [];
                });
        },
    },
    {
        name: "no-public-acls",
        description:
            "No S3 bucket or bucket ACL grants access to everyone or to every AWS account (public canned ACLs, AllUsers/AuthenticatedUsers grants).",
        check: (resources) =>
            resources
                .filter((r) => BUCKETS.has(r.type) || BUCKET_ACLS.has(r.type))
                .flatMap((r) => publicAclGrants(r).map((g) => violation("no-public-acls", r, `public ACL: ${g}`))),
    },
    {
        name: "no-public-bucket-policies",
        description: 'No S3 bucket policy (BucketPolicy, or a bucket\'s inline policy) allows Principal "*".',
        check: (resources) =>
            resources
                .filter((r) => r.type === BUCKET_POLICY || (BUCKETS.has(r.type) && r.inputs.policy !== undefined))
                .flatMap((r) =>
                    publicStatements(r.inputs.policy).map((s) => violation("no-public-bucket-policies", r, `public bucket policy: ${s}`)),
                ),
    },
    {
        name: "log-groups-retained-and-encrypted",
        description: "Every CloudWatch log group has a retention period and a KMS key.",
        check: (resources) =>
            resources
                .filter((r) => r.type === LOG_GROUP)
                .flatMap((r) => [
                    ...(typeof r.inputs.retentionInDays === "number" && r.inputs.retentionInDays > 0
                        ? []
                        : [violation("log-groups-retained-and-encrypted", r, "log group has no retentionInDays (logs kept forever)")]),
                    ...(r.inputs.kmsKeyId
                        ? []
                        : [violation("log-groups-retained-and-encrypted", r, "log group is not encrypted with a KMS key (kmsKeyId)")]),
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
    return policyViolations(plan.resources).map(
        (v) => `${product(byUrn.get(v.resource.urn)!)}: ${v.resource.name}: ${v.message} (${v.rule})`,
    );
}
