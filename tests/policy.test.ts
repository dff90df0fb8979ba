/** Policy rules: the real plans pass; for every rule a resource that must fail and one that must pass. */
import { policyReport, policyViolations, POLICY_RULES, RuleResource } from "../lib/tooling/policy";
import type { Plan } from "../lib/tooling/plan";
import { STACKS } from "./helpers/constants";
import { loadPlan } from "./helpers/plan";

const T = {
    monitor: "datadog:index/monitor:Monitor",
    synthetic: "datadog:index/syntheticsTest:SyntheticsTest",
    bucket: "aws:s3/bucket:Bucket",
    bucketV2: "aws:s3/bucketV2:BucketV2",
    block: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    acl: "aws:s3/bucketAcl:BucketAcl",
    aclV2: "aws:s3/bucketAclV2:BucketAclV2",
    bucketPolicy: "aws:s3/bucketPolicy:BucketPolicy",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
};
const res = (type: string, name: string, inputs: Record<string, unknown>, stack = "test"): RuleResource => ({
    urn: `urn:pulumi:${stack}::product-monitoring::${type}::${name}`,
    type,
    name,
    inputs,
});
/** What one rule reports, as [resource, message] pairs. */
const report = (rule: string, resources: RuleResource[]) =>
    policyViolations(resources)
        .filter((v) => v.rule === rule)
        .map((v) => [v.resource.name, v.message]);

const TAGS = ["env:production", "service:s", "team:t"];
const monitor = (name: string, inputs: Record<string, unknown>, stack = "production") =>
    res(T.monitor, name, { tags: TAGS, message: "@slack-x", ...inputs }, stack);
const ALL_ON = { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true };
const ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
const AUTHENTICATED_USERS = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";
const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });

describe("the committed stacks", () => {
    it.each(STACKS)("%s passes every rule", (stack) => {
        expect(policyReport(loadPlan(stack).plan)).toEqual([]);
    });

    it.each(STACKS)(
        "%s has what the rules are about: monitors and synthetic tests (P0 among them), buckets with the block naming them, log groups",
        (stack) => {
            const view = loadPlan(stack);
            expect(view.ofType(T.monitor).filter((m) => m.inputs.priority === "1").length).toBeGreaterThan(0);
            expect(
                view.ofType(T.synthetic).filter((m) => (m.inputs.optionsList as { monitorPriority?: number }).monitorPriority === 1).length,
            ).toBeGreaterThan(0);
            expect(view.ofType(T.logGroup).length).toBeGreaterThan(0);
            const buckets = view.ofType(T.bucket);
            expect(buckets.length).toBeGreaterThan(0);
            // The block names its bucket by the bucket's own name (known before the bucket exists), not by its mock id.
            for (const b of buckets)
                expect(
                    view
                        .ofType(T.block)
                        .filter((pab) => pab.inputs.bucket === b.inputs.bucket)
                        .map((pab) => pab.name),
                ).toEqual([`${b.name}-private`]);
        },
    );
});

describe("monitors-tagged-and-routed", () => {
    it("fails a monitor without env/service/team or without a handle", () => {
        expect(report("monitors-tagged-and-routed", [monitor("m1", { tags: ["env:production"], message: "no one" })])).toEqual([
            ["m1", 'monitor has no "service:" tag'],
            ["m1", 'monitor has no "team:" tag'],
            ["m1", "monitor message notifies nobody (no @handle)"],
        ]);
    });
    it("passes a tagged monitor notifying a handle", () => {
        expect(report("monitors-tagged-and-routed", [monitor("m2", {})])).toEqual([]);
    });
    it("applies to synthetic tests, which alert as monitors", () => {
        expect(
            report("monitors-tagged-and-routed", [res(T.synthetic, "s1", { tags: ["env:production", "service:s"], message: "" })]),
        ).toEqual([
            ["s1", 'synthetic test has no "team:" tag'],
            ["s1", "synthetic test message notifies nobody (no @handle)"],
        ]);
        expect(report("monitors-tagged-and-routed", [res(T.synthetic, "s2", { tags: TAGS, message: "@slack-x" })])).toEqual([]);
    });
});

describe("production-p0-pages", () => {
    const rule = (r: RuleResource) => report("production-p0-pages", [r]);

    it("fails a production P0 monitor that does not page, whether priority or tag says P0", () => {
        expect(rule(monitor("by-tag", { tags: [...TAGS, "severity:p0"], priority: "3" }))).toEqual([
            ["by-tag", "P0 monitor (tag severity:p0) in production does not page (no high-urgency @pagerduty- handle)"],
        ]);
        // The former hole: no severity tag at all, priority 1.
        expect(rule(monitor("by-priority", { priority: "1" }))).toEqual([
            ["by-priority", 'P0 monitor (priority "1") in production does not page (no high-urgency @pagerduty- handle)'],
        ]);
        expect(rule(monitor("both", { tags: [...TAGS, "severity:P0"], priority: "1" }))).toEqual([
            ["both", 'P0 monitor (priority "1", tag severity:p0) in production does not page (no high-urgency @pagerduty- handle)'],
        ]);
        // Production by the URN's stack when the env tag is missing (monitors-tagged-and-routed reports the tag).
        expect(rule(monitor("untagged", { tags: ["service:s", "team:t"], priority: "1" }))).toHaveLength(1);
    });

    it("fails a production P0 synthetic test (optionsList.monitorPriority 1) that does not page, passes one that does", () => {
        const synthetic = (message: string) =>
            res(T.synthetic, "health", { tags: TAGS, message, optionsList: { monitorPriority: 1 } }, "production");
        expect(rule(synthetic("@slack-x"))).toEqual([
            ["health", 'P0 synthetic test (priority "1") in production does not page (no high-urgency @pagerduty- handle)'],
        ]);
        expect(rule(synthetic("@pagerduty-x-production"))).toEqual([]);
        // A low-urgency incident wakes nobody: a P0 that only reaches it does not page.
        expect(rule(synthetic("@pagerduty-x-production-low"))).toEqual([
            ["health", 'P0 synthetic test (priority "1") in production does not page (no high-urgency @pagerduty- handle)'],
        ]);
    });

    it("passes a production P0 that pages, a staging P0, and a production P1", () => {
        expect(
            rule(monitor("pages", { tags: [...TAGS, "severity:p0"], priority: "1", message: "@pagerduty-x-production @slack-x" })),
        ).toEqual([]);
        expect(rule(monitor("staging", { tags: ["env:staging", "service:s", "team:t", "severity:p0"], priority: "1" }, "staging"))).toEqual(
            [],
        );
        expect(rule(monitor("p1", { tags: [...TAGS, "severity:p1"], priority: "2" }))).toEqual([]);
    });
});

describe("no-public-buckets", () => {
    const bucket = res(T.bucket, "logs", { bucket: "logs-production" });
    const rule = (...r: RuleResource[]) => report("no-public-buckets", r);

    it("fails a bucket without a block naming it, even when a block depends on it, and a block with a setting off", () => {
        expect(rule(bucket)).toEqual([["logs", 'bucket has no BucketPublicAccessBlock (none has bucket "logs-production")']]);
        // A block pointing at another bucket does not count, whatever it depends on (plan JSON carries dependsOn).
        const elsewhere = { ...res(T.block, "pab", { ...ALL_ON, bucket: "other" }), dependsOn: [bucket.urn] };
        expect(rule(bucket, elsewhere)).toEqual([["logs", 'bucket has no BucketPublicAccessBlock (none has bucket "logs-production")']]);
        expect(
            rule(
                bucket,
                res(T.block, "pab", { ...ALL_ON, bucket: "logs-production", blockPublicPolicy: false, ignorePublicAcls: undefined }),
            ),
        ).toEqual([["logs", "public access block pab leaves blockPublicPolicy, ignorePublicAcls off"]]);
        expect(rule(res(T.bucketV2, "v2", { bucket: "v2-bucket" }))).toEqual([
            ["v2", 'bucket has no BucketPublicAccessBlock (none has bucket "v2-bucket")'],
        ]);
    });

    it("passes a bucket whose block names it by name, or by id (the policy pack sees outputs, id included)", () => {
        expect(rule(bucket, res(T.block, "pab", { ...ALL_ON, bucket: "logs-production" }))).toEqual([]);
        expect(
            rule(
                res(T.bucket, "auto", { bucket: "auto-1a2b3c", id: "auto-1a2b3c" }),
                res(T.block, "pab", { ...ALL_ON, bucket: "auto-1a2b3c" }),
            ),
        ).toEqual([]);
    });
});

describe("no-public-acls", () => {
    const rule = (r: RuleResource) => report("no-public-acls", [r]);

    it("fails public canned ACLs and grants to AllUsers or AuthenticatedUsers, on buckets and bucket ACLs", () => {
        expect(rule(res(T.bucket, "b", { bucket: "b", acl: "public-read" }))).toEqual([["b", 'public ACL: acl "public-read"']]);
        expect(rule(res(T.bucketV2, "b2", { bucket: "b2", acl: "authenticated-read" }))).toEqual([
            ["b2", 'public ACL: acl "authenticated-read"'],
        ]);
        expect(
            rule(
                res(T.bucket, "g", { bucket: "g", grants: [{ type: "Group", uri: AUTHENTICATED_USERS, permissions: ["READ", "WRITE"] }] }),
            ),
        ).toEqual([["g", "public ACL: grant of READ, WRITE to AuthenticatedUsers"]]);
        expect(rule(res(T.acl, "acl", { bucket: "b", acl: "public-read-write" }))).toEqual([
            ["acl", 'public ACL: acl "public-read-write"'],
        ]);
        const grants = [
            { grantee: { type: "CanonicalUser", id: "owner" }, permission: "FULL_CONTROL" },
            { grantee: { type: "Group", uri: ALL_USERS }, permission: "READ" },
        ];
        expect(rule(res(T.aclV2, "acl2", { bucket: "b", accessControlPolicy: { owner: { id: "owner" }, grants } }))).toEqual([
            ["acl2", "public ACL: grant of READ to AllUsers"],
        ]);
    });

    it("passes private ACLs, log delivery and grants to the owner", () => {
        expect(rule(res(T.bucket, "b", { bucket: "b", acl: "private" }))).toEqual([]);
        expect(rule(res(T.acl, "acl", { bucket: "b", acl: "log-delivery-write" }))).toEqual([]);
        expect(
            rule(
                res(T.aclV2, "acl2", {
                    bucket: "b",
                    accessControlPolicy: {
                        owner: { id: "owner" },
                        grants: [{ grantee: { type: "CanonicalUser", id: "owner" }, permission: "FULL_CONTROL" }],
                    },
                }),
            ),
        ).toEqual([]);
    });
});

describe("no-public-bucket-policies", () => {
    const policy = (p: unknown) => res(T.bucketPolicy, "bp", { bucket: "b", policy: p });
    const rule = (r: RuleResource) => report("no-public-bucket-policies", [r]);
    const allow = { Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" };

    it('fails an Allow to Principal "*" or {"AWS": "*"}, or with NotPrincipal, in a BucketPolicy or a bucket\'s inline policy', () => {
        expect(rule(policy(doc({ ...allow, Sid: "Public", Principal: "*" })))).toEqual([
            ["bp", 'public bucket policy: statement "Public" allows Principal "*"'],
        ]);
        // The object form (Pulumi's PolicyDocument), a single statement, AWS "*" among others.
        expect(rule(policy({ Version: "2012-10-17", Statement: { ...allow, Principal: { AWS: "*" } } }))).toEqual([
            ["bp", 'public bucket policy: statement 0 allows Principal "*"'],
        ]);
        expect(
            rule(
                policy(
                    doc(
                        { ...allow, Effect: "Deny", Principal: "*" },
                        { ...allow, Principal: { AWS: ["arn:aws:iam::123456789012:root", "*"] } },
                    ),
                ),
            ),
        ).toEqual([["bp", 'public bucket policy: statement 1 allows Principal "*"']]);
        expect(rule(policy(doc({ ...allow, NotPrincipal: { AWS: "arn:aws:iam::123456789012:root" } })))).toEqual([
            ["bp", "public bucket policy: statement 0 allows everyone but its NotPrincipal"],
        ]);
        expect(rule(policy("{not json"))).toEqual([["bp", "public bucket policy: policy is not a JSON document and cannot be checked"]]);
        expect(rule(res(T.bucket, "inline", { bucket: "inline", policy: doc({ ...allow, Principal: "*" }) }))).toEqual([
            ["inline", 'public bucket policy: statement 0 allows Principal "*"'],
        ]);
    });

    it('passes a Deny to "*" (e.g. TLS only) and an Allow to a named principal', () => {
        const tlsOnly = {
            Effect: "Deny",
            Principal: "*",
            Action: "s3:*",
            Resource: "arn:aws:s3:::b/*",
            Condition: { Bool: { "aws:SecureTransport": "false" } },
        };
        expect(rule(policy(doc(tlsOnly, { ...allow, Principal: { Service: "delivery.logs.amazonaws.com" } })))).toEqual([]);
    });
});

describe("log-groups-retained-and-encrypted", () => {
    it("fails a log group without retention or KMS key", () => {
        expect(report("log-groups-retained-and-encrypted", [res(T.logGroup, "g", {})])).toEqual([
            ["g", "log group has no retentionInDays (logs kept forever)"],
            ["g", "log group is not encrypted with a KMS key (kmsKeyId)"],
        ]);
    });
    it("passes a log group with both", () => {
        expect(
            report("log-groups-retained-and-encrypted", [
                res(T.logGroup, "g", { retentionInDays: 30, kmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/k" }),
            ]),
        ).toEqual([]);
    });
});

describe("npm run plan's report", () => {
    it("fails the plan with product, resource and rule on each line", () => {
        const plan: Plan = JSON.parse(JSON.stringify(loadPlan("production").plan));
        const [group] = plan.resources.filter((r) => r.type === T.logGroup);
        const [first, second] = plan.resources.filter((r) => r.type === T.bucket);
        const product = loadPlan("production").productOf;
        delete group.inputs.kmsKeyId;
        // The first bucket's block now names the second bucket: it no longer protects the first one.
        plan.resources.find((r) => r.type === T.block && r.inputs.bucket === first.inputs.bucket)!.inputs.bucket = second.inputs.bucket;
        expect(policyReport(plan).sort()).toEqual(
            [
                `${product(first)}: ${first.name}: bucket has no BucketPublicAccessBlock (none has bucket "${first.inputs.bucket}") (no-public-buckets)`,
                `${product(group)}: ${group.name}: log group is not encrypted with a KMS key (kmsKeyId) (log-groups-retained-and-encrypted)`,
            ].sort(),
        );
    });

    it("runs the rules the policy pack enforces", () => {
        expect(POLICY_RULES.map((r) => r.name)).toEqual([
            "monitors-tagged-and-routed",
            "production-p0-pages",
            "no-public-buckets",
            "no-public-acls",
            "no-public-bucket-policies",
            "log-groups-retained-and-encrypted",
        ]);
    });
});

describe("the policy pack (policy/index.ts)", () => {
    type Pack = { name: string; args: { policies: any[] } };
    const packs: Pack[] = [];
    jest.isolateModules(() => {
        jest.doMock("@pulumi/policy", () => ({ PolicyPack: jest.fn((name: string, args: any) => packs.push({ name, args })) }));
        require("../policy");
    });
    const policy = (resources: any[]) => {
        const reported: Array<[string, string | undefined]> = [];
        for (const p of packs[0].args.policies)
            p.validateStack({ resources }, (message: string, urn?: string) => reported.push([message, urn]));
        return reported;
    };
    /** A PolicyResource as @pulumi/policy builds it for a stack validation: props are the resource's outputs. */
    const pres = (urn: string, type: string, props: Record<string, unknown>, dependsOn: string[] = []) => ({
        urn,
        type,
        name: urn.split("::").pop(),
        props,
        dependencies: [],
        propertyDependencies: { bucket: dependsOn.map((d) => ({ urn: d })) },
    });

    it("enforces every rule as a mandatory stack validation", () => {
        expect(packs.map((p) => p.name)).toEqual(["product-monitoring"]);
        expect(packs[0].args.policies.map((p: any) => [p.name, p.enforcementLevel])).toEqual(
            POLICY_RULES.map((r) => [r.name, "mandatory"]),
        );
    });

    it("reports violations on the offending resource's URN, matching a block to its bucket by name or id only", () => {
        const bucket = pres("urn::logs", T.bucket, { bucket: "logs-production", id: "logs-production" });
        const block = pres("urn::logs-private", T.block, { ...ALL_ON, bucket: "logs-production" }, ["urn::logs"]);
        const group = pres("urn::app", T.logGroup, { retentionInDays: 30 });
        expect(policy([bucket, block, group])).toEqual([["log group is not encrypted with a KMS key (kmsKeyId)", "urn::app"]]);
        // Depending on the bucket but naming another one is no protection.
        expect(policy([bucket, { ...block, props: { ...block.props, bucket: "other" } }])).toEqual([
            ['bucket has no BucketPublicAccessBlock (none has bucket "logs-production")', "urn::logs"],
        ]);
        expect(
            policy([
                pres("urn::bp", T.bucketPolicy, {
                    bucket: "logs-production",
                    policy: doc({ Effect: "Allow", Principal: "*", Action: "s3:GetObject" }),
                }),
            ]),
        ).toEqual([['public bucket policy: statement 0 allows Principal "*"', "urn::bp"]]);
    });
});

describe("monitors-tagged-and-routed: composite parts", () => {
    const part = (message: string) => monitor("part", { tags: [...TAGS, "composite-part"], message });
    const composite = res(T.monitor, "alert", {
        name: "[Acme] API p95",
        type: "composite",
        tags: TAGS,
        message: "@pagerduty-acme-production",
    });

    it("lets a part of a composite of the plan notify nobody, and no other monitor", () => {
        const said = 'The condition of the composite monitor "[Acme] API p95", which notifies; this monitor notifies nobody.';
        expect(report("monitors-tagged-and-routed", [composite, part(said)])).toEqual([]);
        // Without its composite, or without the tag, it is a monitor that notifies nobody.
        expect(report("monitors-tagged-and-routed", [part(said)])).toEqual([["part", "monitor message notifies nobody (no @handle)"]]);
        expect(report("monitors-tagged-and-routed", [composite, monitor("quiet", { tags: TAGS, message: said })])).toEqual([
            ["quiet", "monitor message notifies nobody (no @handle)"],
        ]);
    });
});
