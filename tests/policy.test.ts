/** Policy rules: the real plans pass; failing resources are reported with product, resource and rule. */
import { policyReport, policyViolations, POLICY_RULES, RuleResource } from "../lib/tooling/policy";
import type { Plan } from "../lib/tooling/plan";
import { STACKS } from "./helpers/constants";
import { loadPlan } from "./helpers/plan";

const monitor = (name: string, tags: string[], message: string): RuleResource => ({ urn: `urn:${name}`, type: "datadog:index/monitor:Monitor", name, inputs: { tags, message } });

describe("the committed stacks", () => {
    it.each(STACKS)("%s passes every rule", (stack) => {
        expect(policyReport(loadPlan(stack).plan)).toEqual([]);
    });

    it("checks what the rules are about (buckets, log groups, monitors exist in the plan)", () => {
        const view = loadPlan("production");
        expect(view.ofType("aws:s3/bucket:Bucket")).toHaveLength(8);
        expect(view.ofType("aws:cloudwatch/logGroup:LogGroup").length).toBeGreaterThan(8);
    });
});

describe("failing resources", () => {
    it("monitors without env/service/team or without a handle", () => {
        const v = policyViolations([monitor("m1", ["env:production"], "no one"), monitor("m2", ["env:production", "service:s", "team:t"], "@slack-x")]);
        expect(v.map((x) => [x.resource.name, x.message])).toEqual([
            ["m1", 'monitor has no "service:" tag'], ["m1", 'monitor has no "team:" tag'], ["m1", "monitor message notifies nobody (no @handle)"],
        ]);
    });

    it("a production P0 monitor that does not page", () => {
        const tags = ["env:production", "service:s", "team:t", "severity:p0"];
        expect(policyViolations([monitor("p0", tags, "@slack-alerts-critical")]).map((x) => x.rule)).toEqual(["production-p0-pages"]);
        expect(policyViolations([monitor("p0", tags, "@pagerduty-x-production")])).toEqual([]);
        expect(policyViolations([monitor("p0", ["env:staging", "service:s", "team:t", "severity:p0"], "@slack-alerts-critical")])).toEqual([]);
    });

    it("public buckets", () => {
        const bucket = { urn: "urn:b", type: "aws:s3/bucket:Bucket", name: "b", inputs: { bucket: "logs", acl: "public-read" } };
        const block = { urn: "urn:pab", type: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", name: "pab", inputs: { bucket: "logs", blockPublicAcls: true, blockPublicPolicy: false, ignorePublicAcls: true, restrictPublicBuckets: true } };
        expect(policyViolations([bucket, block]).map((x) => x.message)).toEqual(['bucket ACL "public-read" is public', "public access block leaves blockPublicPolicy off"]);
        expect(policyViolations([{ ...bucket, inputs: { bucket: "other" } }]).map((x) => x.message)).toEqual(["bucket has no BucketPublicAccessBlock"]);
    });

    it("a public access block counts for the bucket it depends on (its bucket id is unknown before creation)", () => {
        const bucket = { urn: "urn:b", type: "aws:s3/bucket:Bucket", name: "b", inputs: { bucket: "logs" } };
        const block = { urn: "urn:pab", type: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", name: "pab", inputs: { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true } };
        expect(policyViolations([bucket, { ...block, dependsOn: ["urn:b"] }])).toEqual([]);
        expect(policyViolations([bucket, { ...block, dependsOn: ["urn:other"] }]).map((x) => x.message)).toEqual(["bucket has no BucketPublicAccessBlock"]);
    });

    it("log groups without retention or KMS", () => {
        const g = { urn: "urn:g", type: "aws:cloudwatch/logGroup:LogGroup", name: "g", inputs: {} };
        expect(policyViolations([g]).map((x) => x.message)).toEqual(["log group has no retentionInDays (logs kept forever)", "log group is not encrypted with a KMS key (kmsKeyId)"]);
    });

    it("fail the plan with product, resource and rule on each line", () => {
        const plan: Plan = JSON.parse(JSON.stringify(loadPlan("production").plan));
        const group = plan.resources.find((r) => r.name === "vivr-app")!;
        delete group.inputs.kmsKeyId;
        plan.resources = plan.resources.filter((r) => r.name !== "driplo-log-archive-private");
        expect(policyReport(plan)).toEqual([
            "driplo: driplo-log-archive: bucket has no BucketPublicAccessBlock (no-public-buckets)",
            "vivr: vivr-app: log group is not encrypted with a KMS key (kmsKeyId) (log-groups-retained-and-encrypted)",
        ]);
    });

    it("are the rules the policy pack enforces", () => {
        expect(POLICY_RULES.map((r) => r.name)).toEqual(["monitors-tagged-and-routed", "production-p0-pages", "no-public-buckets", "log-groups-retained-and-encrypted"]);
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
        for (const p of packs[0].args.policies) p.validateStack({ resources }, (message: string, urn?: string) => reported.push([message, urn]));
        return reported;
    };
    const res = (urn: string, type: string, props: Record<string, unknown>, deps: string[] = []) =>
        ({ urn, type, name: urn.split("::").pop(), props, dependencies: [], propertyDependencies: { bucket: deps.map((d) => ({ urn: d })) } });

    it("enforces every rule as a mandatory stack validation", () => {
        expect(packs.map((p) => p.name)).toEqual(["product-monitoring"]);
        expect(packs[0].args.policies.map((p: any) => [p.name, p.enforcementLevel])).toEqual(POLICY_RULES.map((r) => [r.name, "mandatory"]));
    });

    it("reports violations on the offending resource's URN, using props and property dependencies", () => {
        const bucket = res("urn::logs", "aws:s3/bucket:Bucket", { bucket: "logs" });
        // During a first preview the block's bucket id is unknown: only the dependency ties it to the bucket.
        const block = res("urn::logs-private", "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
            { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true }, ["urn::logs"]);
        const group = res("urn::app", "aws:cloudwatch/logGroup:LogGroup", { retentionInDays: 30 });
        expect(policy([bucket, block, group])).toEqual([["log group is not encrypted with a KMS key (kmsKeyId)", "urn::app"]]);
        expect(policy([bucket])).toEqual([["bucket has no BucketPublicAccessBlock", "urn::logs"]]);
    });
});
