/** LogPipeline from the evaluated stacks: log groups, shipping, the watched path, archives and Datadog logs. */
import { stackConfig } from "./helpers/stackConfig";
import { loadCatalog } from "../lib/inputs/catalog/validate";
import { cloudwatchRetentionProblem, lifecycleRules, logTiers } from "../lib/aws/logs";
import { indexRetentionDays, samplingExclusion } from "../lib/datadog/logs";
import { parseStackConfig } from "../lib/inputs/config";
import { isValidationError } from "../lib/inputs/errors";
import { catalog } from "../products";
import { loadPlan, pagesFrom } from "./helpers/plan";

const products = loadCatalog(catalog);
const production = loadPlan("production");
const staging = loadPlan("staging");
const T = {
    group: "aws:cloudwatch/logGroup:LogGroup",
    subscription: "aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter",
    firehose: "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream",
    alarm: "aws:cloudwatch/metricAlarm:MetricAlarm",
    topicSub: "aws:sns/topicSubscription:TopicSubscription",
    bucket: "aws:s3/bucket:Bucket",
    pab: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    lifecycle: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
    index: "datadog:index/logsIndex:LogsIndex",
    archive: "datadog:index/logsArchive:LogsArchive",
};

describe.each([
    ["production", production, Infinity],
    ["staging", staging, 7],
] as const)("log groups in %s", (env, view, cap) => {
    it.each(products.map((p) => [p.key, p] as const))(
        "%s: every log type has its group, plan retention, KMS and a subscription after it",
        (_k, p) => {
            const groups = view.ofType(T.group, p.key);
            expect(groups.map((g) => g.inputs.name).sort()).toEqual(p.logs.types.map((t) => `/${p.key}/${env}/${t.type}`).sort());
            for (const t of p.logs.types) {
                const g = view.byName(`${p.key}-${t.type}`, T.group);
                expect(g.inputs.retentionInDays).toBe(Math.min(t.hotDays, cap));
                expect(g.inputs.kmsKeyId).toMatch(/^arn:aws:kms:us-east-1:123456789012:key\//);
                expect(g.options.retainOnDelete).toBe(true);
                const sub = view.byName(`${p.key}-${t.type}-to-firehose`, T.subscription);
                expect(sub.inputs.logGroup).toBe(`/${p.key}/${env}/${t.type}`);
                expect(sub.dependsOn).toContain(g.urn);
                expect(sub.inputs.destinationArn).toBe(
                    `arn:aws:firehose:us-east-1:123456789012:deliverystream/${p.key}-${env}-logs-to-datadog`,
                );
            }
        },
    );

    it("VIVR keeps its app logs 30 days as its plan says (002), PlumberLeads per 004's table", () => {
        expect(view.byName("vivr-app", T.group).inputs.retentionInDays).toBe(Math.min(30, cap));
        const pl = Object.fromEntries(view.ofType(T.group, "plumberleads").map((g) => [g.name, g.inputs.retentionInDays]));
        expect(pl).toEqual({
            "plumberleads-app": 7,
            "plumberleads-web": 3,
            "plumberleads-db": 7,
            "plumberleads-security": Math.min(30, cap),
            "plumberleads-system": 7,
        });
    });

    it("ships through Firehose to Datadog's intake with the API key as a secret and failed records to S3", () => {
        for (const p of products) {
            const f = view.byName(`${p.key}-to-datadog`, T.firehose);
            expect(f.inputs.destination).toBe("http_endpoint");
            expect(f.inputs.httpEndpointConfiguration).toMatchObject({
                url: "https://aws-kinesis-http-intake.logs.datadoghq.com/v1/input",
                accessKey: "[secret]",
                s3BackupMode: "FailedDataOnly",
                s3Configuration: { bucketArn: `arn:aws:s3:::bearifiedco-logs-${env}-${p.key}`, prefix: "failed-delivery/" },
                requestConfiguration: { contentEncoding: "GZIP" },
            });
        }
    });

    it("alarms on delivery failures, staleness and throttling, to the alarm mailbox (log shipping never pages)", () => {
        for (const p of products) {
            // The product's other CloudWatch alarms (secondary health checks) belong to SecondaryMonitoring.
            const alarms = view.ofType(T.alarm, p.key).filter((a) => a.parent === view.component("LogPipeline", p.key).urn);
            expect(alarms.map((a) => a.inputs.metricName).sort()).toEqual([
                "DeliveryToHttpEndpoint.DataFreshness",
                "DeliveryToHttpEndpoint.Success",
                "ThrottledRecords",
            ]);
            for (const a of alarms)
                expect(a.inputs.alarmActions).toEqual([`arn:aws:sns:us-east-1:123456789012:${p.key}-${env}-log-shipping-alarms`]);
            // 3 of 6 breaching periods alarm, 4 of 6 healthy ones clear it: a stream flapping around the threshold alarms once.
            for (const a of alarms) expect([a.name, a.inputs.evaluationPeriods, a.inputs.datapointsToAlarm]).toEqual([a.name, 6, 3]);
            const route = view.byName(`${p.key}-shipping-alarms-route`, T.topicSub);
            expect(route.inputs).toMatchObject({ protocol: "email", endpoint: stackConfig(env).logs.alarmEmail });
            expect(
                view
                    .ofType("pagerduty:index/serviceIntegration:ServiceIntegration", p.key)
                    .filter((i) => i.name === `${p.key}-shipping-alarms-pagerduty`),
            ).toEqual([]);
            // Alarms can publish to the encrypted topic only with a customer key that lets CloudWatch use it.
            const topic = view.byName(`${p.key}-shipping-alarms`, "aws:sns/topic:Topic");
            expect(topic.inputs.kmsMasterKeyId).toBe(view.byName(`${p.key}-${p.logs.types[0].type}`, T.group).inputs.kmsKeyId);
        }
    });

    it("keeps archive buckets private, versioned, encrypted, retained, with the tiers as lifecycle", () => {
        for (const p of products) {
            const bucket = view.byName(`${p.key}-log-archive`, T.bucket);
            expect(bucket.options.retainOnDelete).toBe(true);
            expect(view.byName(`${p.key}-log-archive-private`, T.pab).inputs).toMatchObject({
                blockPublicAcls: true,
                blockPublicPolicy: true,
                ignorePublicAcls: true,
                restrictPublicBuckets: true,
            });
            expect((view.byName(`${p.key}-log-archive-versioning`).inputs.versioningConfiguration as any).status).toBe("Enabled");
            expect(
                (view.byName(`${p.key}-log-archive-encryption`).inputs.rules as any)[0].applyServerSideEncryptionByDefault.sseAlgorithm,
            ).toBe("aws:kms");
            expect(view.ofType(T.archive, p.key)).toHaveLength(p.logs.types.length);
        }
        // 004 §Log Retention: [transitions as "class@day", expiry day]; staging caps archives at 90 days. Glacier
        // only where objects stay there ≥ 90 days (its minimum billed duration), else Standard-IA until expiry.
        const rules = Object.fromEntries(
            (view.byName("plumberleads-log-archive-lifecycle", T.lifecycle).inputs.rules as any[]).map((r) => [
                r.id,
                [(r.transitions ?? []).map((t: any) => `${t.storageClass}@${t.days}`), r.expiration.days],
            ]),
        );
        expect(rules).toEqual(
            env === "production"
                ? {
                      "app-tiers": [["GLACIER@30"], 365],
                      "web-tiers": [["STANDARD_IA@30"], 90],
                      "db-tiers": [["GLACIER@30"], 180],
                      "security-tiers": [["STANDARD_IA@30", "GLACIER@90"], 730],
                      "system-tiers": [["STANDARD_IA@30"], 90],
                      "failed-delivery": [[], 30],
                  }
                : {
                      "app-tiers": [["STANDARD_IA@30"], 90],
                      "web-tiers": [["STANDARD_IA@30"], 90],
                      "db-tiers": [["STANDARD_IA@30"], 90],
                      "security-tiers": [["STANDARD_IA@30"], 90],
                      "system-tiers": [["STANDARD_IA@30"], 90],
                      "failed-delivery": [[], 30],
                  },
        );
    });

    it("indexes each product with its hot retention, a daily quota and the 10% sampling of debug/info logs (000)", () => {
        for (const p of products) {
            const index = view.byName(`${p.key}-index`, T.index);
            expect(index.inputs.retentionDays).toBe(indexRetentionDays(Math.min(Math.max(...p.logs.types.map((t) => t.hotDays)), cap)));
            expect(index.inputs.dailyLimit).toBe(10_000_000);
            expect(index.inputs.exclusionFilters).toEqual([
                { name: "keep-10pct-of-debug-info", isEnabled: true, filters: [{ query: "status:(debug OR info)", sampleRate: 0.9 }] },
            ]);
        }
    });

    it.each(products.map((p) => p.key))("%s: scrubs emails, card numbers and wallet keys", (key) => {
        const rules = view
            .ofType("datadog:index/sensitiveDataScannerRule:SensitiveDataScannerRule", key)
            .sort((a, b) => (a.inputs.priority as number) - (b.inputs.priority as number));
        expect(rules.map((r) => (r.inputs.textReplacement as any).replacementString)).toEqual([
            "[redacted-email]",
            "[redacted-card]",
            "[redacted-key]",
        ]);
    });

    it("creates the security log monitors of each product, routed by severity", () => {
        for (const p of products) {
            const monitors = view.ofType("datadog:index/monitor:Monitor", p.key).filter((m) => m.name.startsWith(`${p.key}-security-`));
            expect(monitors).toHaveLength(p.security.length);
            for (const m of monitors) {
                expect(m.inputs.type).toBe("log alert");
                expect(m.inputs.query).toMatch(
                    new RegExp(
                        `^logs\\("env:${env} .*"\\)\\.index\\("\\*"\\)\\.rollup\\("count"\\)(\\.by\\(.*\\))?\\.last\\("\\d+[mh]"\\) > \\d+$`,
                    ),
                );
                expect(pagesFrom(m.inputs.message as string)).toBe(false); // security rules are P1/P2
            }
        }
        expect(view.byName("plumberleads-security-failed-login-attempts").inputs.query).toBe(
            `logs("env:${env} service:plumberleads-api status:error \\"Failed login attempt\\"").index("*").rollup("count").by("@network.client.ip").last("5m") > 10`,
        );
    });
});

describe("retention values", () => {
    it("accepts only CloudWatch's retention values, naming the allowed set", () => {
        expect(cloudwatchRetentionProblem(30)).toBeUndefined();
        expect(cloudwatchRetentionProblem(10)).toBe(
            "10 is not a CloudWatch Logs retention value (allowed: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653)",
        );
    });

    it("rejects a product spec with a retention CloudWatch does not accept", () => {
        const bad = JSON.parse(JSON.stringify(catalog[0]));
        bad.logs.types[0].hotDays = 45;
        const expected = `products/${bad.key}.ts: logs.types[${bad.logs.types[0].type}].hotDays: 45 is not a CloudWatch Logs retention value`;
        expect(() => loadCatalog([bad])).toThrow(new RegExp(`^${expected.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
    });

    it("rejects a stack cap CloudWatch does not accept", () => {
        try {
            parseStackConfig({ logs: { maxHotDays: 10 } }, "Pulumi.staging.yaml");
            throw new Error("accepted");
        } catch (e) {
            expect(isValidationError(e)).toBe(true);
            expect((e as any).problems).toContainEqual({
                source: "Pulumi.staging.yaml",
                field: "logs.maxHotDays",
                message: expect.stringMatching(/^10 is not a CloudWatch Logs retention value/),
            });
        }
    });

    it("maps tiers with caps and rounds index retention up to a Datadog value", () => {
        expect(
            logTiers(
                { type: "security", hotDays: 30, warmDays: 90, coldDays: 730, source: "x" },
                { archiveBucketPrefix: "x", alarmEmail: "a@b.co", maxHotDays: 7, maxArchiveDays: 90 },
            ),
        ).toEqual({ type: "security", hotDays: 7, warmDays: 90, coldDays: 90 });
        expect([indexRetentionDays(14), indexRetentionDays(30), indexRetentionDays(400)]).toEqual([15, 30, 360]);
        expect(samplingExclusion(0.1).sampleRate).toBe(0.9);
        expect(lifecycleRules([{ type: "app", hotDays: 7, warmDays: 30, coldDays: 365 }])[0]).toEqual({
            id: "app-tiers",
            prefix: "app/",
            transitions: [{ days: 30, storageClass: "GLACIER" }],
            expireAfterDays: 365,
        });
    });

    it("moves archives to Standard-IA only where S3 accepts it (object ≥ 30 days old, 30 days before Glacier or expiry)", () => {
        const steps = (hotDays: number, warmDays: number, coldDays: number) =>
            lifecycleRules([{ type: "app", hotDays, warmDays, coldDays }])[0].transitions.map((t) => `${t.storageClass}@${t.days}`);
        expect(steps(30, 90, 730)).toEqual(["STANDARD_IA@30", "GLACIER@90"]);
        expect(steps(7, 60, 365)).toEqual(["STANDARD_IA@30", "GLACIER@60"]);
        expect(steps(7, 59, 365)).toEqual(["GLACIER@59"]);
        expect(steps(90, 180, 365)).toEqual(["STANDARD_IA@90", "GLACIER@180"]);
        expect(steps(7, 90, 90)).toEqual(["STANDARD_IA@30"]);
        expect(steps(7, 45, 45)).toEqual([]);
    });
});
