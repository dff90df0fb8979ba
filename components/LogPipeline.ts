import * as aws from "@pulumi/aws";
import * as datadog from "@pulumi/datadog";
import * as pulumi from "@pulumi/pulumi";
import type { Product } from "../lib/inputs/catalog/schema";
import { ENVIRONMENTS, type LogsConfig, type PublicStackConfig } from "../lib/inputs/config";
import { FAILED_DELIVERY_PREFIX, lifecycleRules, logTiers } from "../lib/aws/logs";
import {
    archiveQuery,
    datadogIntakeUrl,
    indexName,
    indexRetentionDays,
    logIndexNames,
    PII_RULES,
    pipelineProcessors,
    ProcessorModel,
    productLogQuery,
    samplingExclusion,
} from "../lib/datadog/logs";
import { childName, logGroupName } from "../lib/model/naming";
import type { CloudWatchAlarmBinding } from "../lib/aws/alarms";
import { metricAlarmArgs } from "./alarmArgs";
import type { MonitorBinding } from "../lib/datadog/monitors";
import type { Alert } from "../lib/model/alert";
import { monitorArgs } from "./monitorArgs";
import { retainedData } from "./protection";

export interface LogPipelineArgs {
    product: Product;
    config: PublicStackConfig;
    /** Datadog API key for the Firehose HTTP endpoint (secret config `datadogApiKey`). */
    datadogApiKey: pulumi.Input<string>;
    /** The product's security log monitors (lib/datadog/logs.ts `securityAlert`). */
    securityAlerts: ReadonlyArray<Alert<MonitorBinding>>;
    /** CloudWatch alarms on the shipping path (lib/aws/alarms.ts); they notify their route's mailbox through SNS. */
    shippingAlarms: ReadonlyArray<Alert<CloudWatchAlarmBinding>>;
}

function policyJson(statements: pulumi.Input<Array<Record<string, unknown>>>): pulumi.Output<string> {
    return pulumi.output(statements).apply((s) => JSON.stringify({ Version: "2012-10-17", Statement: s }));
}

function processorArgs(p: ProcessorModel): datadog.types.input.LogsCustomPipelineProcessor {
    switch (p.kind) {
        case "grok":
            return {
                grokParser: {
                    name: p.name,
                    source: p.source,
                    samples: p.samples,
                    isEnabled: true,
                    grok: { matchRules: p.matchRules, supportRules: p.supportRules },
                },
            };
        case "date":
            return { dateRemapper: { name: p.name, sources: p.sources, isEnabled: true } };
        case "status":
            return { statusRemapper: { name: p.name, sources: p.sources, isEnabled: true } };
        case "message":
            return { messageRemapper: { name: p.name, sources: p.sources, isEnabled: true } };
        case "trace-id":
            return { traceIdRemapper: { name: p.name, sources: p.sources, isEnabled: true } };
        case "remap":
            return {
                attributeRemapper: {
                    name: p.name,
                    sources: p.sources,
                    sourceType: "attribute",
                    target: p.target,
                    targetType: "attribute",
                    preserveSource: false,
                    overrideOnConflict: false,
                    isEnabled: true,
                },
            };
    }
}

/**
 * Logs of one product: KMS-encrypted CloudWatch log groups (retained on delete) subscribed to a Firehose that
 * ships them to Datadog's intake (failed records to S3), alarms on the shipping path that do not depend on
 * Datadog, and on the Datadog side an index with sampling, a parsing pipeline, PII scrubbing, an S3 archive per
 * log type with the plan's warm/cold tiers, and the security log monitors.
 */
export class LogPipeline extends pulumi.ComponentResource {
    public readonly logGroupNames: pulumi.Output<string[]>;
    public readonly logGroupArns: pulumi.Output<string[]>;
    /** Log group name and ARN per log type. */
    public readonly groups: pulumi.Output<Record<string, { name: string; arn: string }>>;
    public readonly firehoseArn: pulumi.Output<string>;
    /** Role CloudWatch Logs assumes to subscribe groups under `/<product>/<env>/` to the Firehose. */
    public readonly subscriptionRoleArn: pulumi.Output<string>;
    /** KMS key CloudWatch Logs may use for groups under `/<product>/<env>/`. */
    public readonly kmsKeyArn: pulumi.Output<string>;
    public readonly archiveBucket: pulumi.Output<string>;
    public readonly indexName: pulumi.Output<string>;
    public readonly alarmTopicArn: pulumi.Output<string>;
    /** The product's Datadog log index (for the organization's index order). */
    public readonly index: datadog.LogsIndex;

    constructor(name: string, args: LogPipelineArgs, opts?: pulumi.ComponentResourceOptions) {
        super("product-monitoring:monitoring:LogPipeline", name, {}, opts);
        const { product, config } = args;
        const env = config.environment;
        const parent = { parent: this };
        const keep = { parent: this, ...retainedData };
        const account = aws.getCallerIdentityOutput({}, parent).accountId;
        const region = aws.getRegionOutput({}, parent).region;
        const tiers = product.logs.types.map((t) => logTiers(t, config.logs));
        const tags = { product: product.key, team: product.team.handle, env, "managed-by": "pulumi" };

        // One key per product: CloudWatch Logs may use it only for this product's log groups.
        const key = new aws.kms.Key(
            childName(name, "logs-key"),
            {
                description: `${product.displayName} logs (${env})`,
                enableKeyRotation: true,
                deletionWindowInDays: 30,
                policy: policyJson(
                    pulumi.all([account, region]).apply(([acct, reg]) => [
                        {
                            Sid: "AccountAdmin",
                            Effect: "Allow",
                            Principal: { AWS: `arn:aws:iam::${acct}:root` },
                            Action: "kms:*",
                            Resource: "*",
                        },
                        {
                            Sid: "CloudWatchLogs",
                            Effect: "Allow",
                            Principal: { Service: `logs.${reg}.amazonaws.com` },
                            Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
                            Resource: "*",
                            Condition: {
                                ArnLike: {
                                    "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:${reg}:${acct}:log-group:/${product.key}/${env}/*`,
                                },
                            },
                        },
                        // Alarms publish to the encrypted shipping-alarms topic; the AWS-managed SNS key cannot grant this.
                        {
                            Sid: "CloudWatchAlarms",
                            Effect: "Allow",
                            Principal: { Service: "cloudwatch.amazonaws.com" },
                            Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
                            Resource: "*",
                        },
                    ]),
                ),
                tags,
            },
            keep,
        );

        // Archive bucket: Datadog archives per log type, plus Firehose's failed deliveries.
        const bucket = new aws.s3.Bucket(
            childName(name, "log-archive"),
            {
                bucket: `${config.logs.archiveBucketPrefix}-${product.key}`,
                tags,
            },
            keep,
        );
        // Named by the bucket's name (its id), known before the bucket exists: the policy pack matches by it.
        new aws.s3.BucketPublicAccessBlock(
            childName(name, "log-archive-private"),
            {
                bucket: bucket.bucket,
                blockPublicAcls: true,
                blockPublicPolicy: true,
                ignorePublicAcls: true,
                restrictPublicBuckets: true,
            },
            keep,
        );
        new aws.s3.BucketVersioning(
            childName(name, "log-archive-versioning"),
            {
                bucket: bucket.id,
                versioningConfiguration: { status: "Enabled" },
            },
            keep,
        );
        new aws.s3.BucketServerSideEncryptionConfiguration(
            childName(name, "log-archive-encryption"),
            {
                bucket: bucket.id,
                rules: [
                    { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: key.arn }, bucketKeyEnabled: true },
                ],
            },
            keep,
        );
        new aws.s3.BucketLifecycleConfiguration(
            childName(name, "log-archive-lifecycle"),
            {
                bucket: bucket.id,
                rules: lifecycleRules(tiers).map((r) => ({
                    id: r.id,
                    status: "Enabled",
                    filter: { prefix: r.prefix },
                    transitions: r.transitions.length ? r.transitions : undefined,
                    expiration: { days: r.expireAfterDays },
                    noncurrentVersionExpiration: { noncurrentDays: 30 },
                })),
            },
            keep,
        );

        // Firehose → Datadog, failed records to S3.
        const firehoseRole = new aws.iam.Role(
            childName(name, "firehose-role"),
            {
                description: `Firehose delivering ${product.displayName} logs to Datadog`,
                assumeRolePolicy: policyJson(
                    account.apply((acct) => [
                        {
                            Effect: "Allow",
                            Principal: { Service: "firehose.amazonaws.com" },
                            Action: "sts:AssumeRole",
                            Condition: { StringEquals: { "sts:ExternalId": acct } },
                        },
                    ]),
                ),
                tags,
            },
            parent,
        );
        const firehoseRolePolicy = new aws.iam.RolePolicy(
            childName(name, "firehose-role-policy"),
            {
                role: firehoseRole.id,
                policy: policyJson(
                    pulumi.all([bucket.arn, key.arn]).apply(([b, k]) => [
                        {
                            Effect: "Allow",
                            Action: ["s3:AbortMultipartUpload", "s3:GetBucketLocation", "s3:ListBucket", "s3:ListBucketMultipartUploads"],
                            Resource: b,
                        },
                        { Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"], Resource: `${b}/${FAILED_DELIVERY_PREFIX}*` },
                        { Effect: "Allow", Action: ["kms:GenerateDataKey", "kms:Decrypt"], Resource: k },
                    ]),
                ),
            },
            parent,
        );
        const firehose = new aws.kinesis.FirehoseDeliveryStream(
            childName(name, "to-datadog"),
            {
                name: `${product.key}-${env}-logs-to-datadog`,
                destination: "http_endpoint",
                httpEndpointConfiguration: {
                    name: "Datadog",
                    url: datadogIntakeUrl(config.datadog.site),
                    accessKey: pulumi.secret(args.datadogApiKey),
                    roleArn: firehoseRole.arn,
                    bufferingInterval: 60,
                    bufferingSize: 4,
                    retryDuration: 300,
                    s3BackupMode: "FailedDataOnly",
                    s3Configuration: {
                        bucketArn: bucket.arn,
                        roleArn: firehoseRole.arn,
                        prefix: FAILED_DELIVERY_PREFIX,
                        compressionFormat: "GZIP",
                    },
                    requestConfiguration: {
                        contentEncoding: "GZIP",
                        commonAttributes: [
                            { name: "env", value: env },
                            { name: "product", value: product.key },
                        ],
                    },
                },
                serverSideEncryption: { enabled: true, keyType: "AWS_OWNED_CMK" },
                tags,
            },
            { parent: this, dependsOn: [firehoseRolePolicy] },
        );

        const subscriptionRole = new aws.iam.Role(
            childName(name, "subscription-role"),
            {
                description: `CloudWatch Logs subscriptions of ${product.displayName} to its Firehose`,
                assumeRolePolicy: policyJson(
                    pulumi.all([account, region]).apply(([acct, reg]) => [
                        {
                            Effect: "Allow",
                            Principal: { Service: `logs.${reg}.amazonaws.com` },
                            Action: "sts:AssumeRole",
                            Condition: {
                                StringLike: { "aws:SourceArn": `arn:aws:logs:${reg}:${acct}:log-group:/${product.key}/${env}/*` },
                            },
                        },
                    ]),
                ),
                tags,
            },
            parent,
        );
        const subscriptionPolicy = new aws.iam.RolePolicy(
            childName(name, "subscription-role-policy"),
            {
                role: subscriptionRole.id,
                policy: policyJson(
                    firehose.arn.apply((f) => [
                        { Effect: "Allow", Action: ["firehose:PutRecord", "firehose:PutRecordBatch"], Resource: f },
                    ]),
                ),
            },
            parent,
        );

        const groups = tiers.map((t) => {
            const group = new aws.cloudwatch.LogGroup(
                childName(name, t.type),
                {
                    name: logGroupName(product.key, env, t.type),
                    retentionInDays: t.hotDays,
                    kmsKeyId: key.arn,
                    tags: { ...tags, "log-type": t.type },
                },
                keep,
            );
            new aws.cloudwatch.LogSubscriptionFilter(
                childName(name, t.type, "to-firehose"),
                {
                    logGroup: group.name,
                    filterPattern: "",
                    destinationArn: firehose.arn,
                    roleArn: subscriptionRole.arn,
                },
                { parent: this, dependsOn: [group, subscriptionPolicy] },
            );
            return group;
        });

        // The shipping path is watched by CloudWatch itself, so a Datadog-side outage cannot hide it.
        const topic = new aws.sns.Topic(
            childName(name, "shipping-alarms"),
            {
                name: `${product.key}-${env}-log-shipping-alarms`,
                kmsMasterKeyId: key.arn,
                tags,
            },
            parent,
        );
        // Email is the one SNS protocol the alarms' route needs (lib/aws/alarms.ts: log shipping never pages).
        [...new Set(args.shippingAlarms.flatMap((a) => a.route.emails))].forEach((email, i) => {
            new aws.sns.TopicSubscription(
                childName(name, "shipping-alarms-route", ...(i ? [String(i)] : [])),
                { topic: topic.arn, protocol: "email", endpoint: email },
                parent,
            );
        });
        for (const {
            binding: { alarm },
        } of args.shippingAlarms) {
            new aws.cloudwatch.MetricAlarm(
                childName(name, "firehose", alarm.suffix),
                metricAlarmArgs(alarm, { DeliveryStreamName: firehose.name }, topic.arn, tags),
                parent,
            );
        }

        // Datadog side.
        const query = productLogQuery(product);
        const index = new datadog.LogsIndex(
            childName(name, "index"),
            {
                name: indexName(product.key, env),
                filters: [{ query: `${query} env:${env}` }],
                // One index per product keeps its longest hot tier (security logs), rounded up to a Datadog retention.
                retentionDays: indexRetentionDays(Math.max(...tiers.map((t) => t.hotDays))),
                dailyLimit: product.logs.dailyQuotaMillions * 1_000_000,
                dailyLimitWarningThresholdPercentage: 80,
                exclusionFilters: [
                    (() => {
                        const s = samplingExclusion(product.logs.sampleRate);
                        return { name: s.name, isEnabled: true, filters: [{ query: s.query, sampleRate: s.sampleRate }] };
                    })(),
                ],
            },
            parent,
        );
        new datadog.LogsCustomPipeline(
            childName(name, "pipeline"),
            {
                name: `${product.displayName} (${env})`,
                isEnabled: true,
                filters: [{ query: `${query} env:${env}` }],
                processors: pipelineProcessors(product.logs.format).map(processorArgs),
            },
            parent,
        );
        const scanner = new datadog.SensitiveDataScannerGroup(
            childName(name, "pii"),
            {
                name: `${product.displayName} PII (${env})`,
                description: "Scrubs emails, card numbers and wallet keys from logs",
                filter: { query: `${query} env:${env}` },
                isEnabled: true,
                productLists: ["logs", "apm"],
            },
            parent,
        );
        PII_RULES.forEach(
            (r, i) =>
                new datadog.SensitiveDataScannerRule(
                    childName(name, "pii", r.id),
                    {
                        groupId: scanner.id,
                        name: r.name,
                        pattern: r.pattern,
                        isEnabled: true,
                        priority: i + 1,
                        textReplacement: { type: "replacement_string", replacementString: r.replacement },
                    },
                    parent,
                ),
        );

        // Datadog writes archives only as a registered AWS integration (config `logs.archiveIntegration`): the
        // archive policy goes on that integration's role, and the archives name its account and role.
        const integration = config.logs.archiveIntegration;
        const archivePolicy = new aws.iam.RolePolicy(
            childName(name, "archive-role-policy"),
            {
                name: `${product.key}-${env}-log-archives`,
                role: integration.roleName,
                policy: policyJson(
                    pulumi.all([bucket.arn, key.arn]).apply(([b, k]) => [
                        { Effect: "Allow", Action: ["s3:PutObject", "s3:GetObject"], Resource: tiers.map((t) => `${b}/${t.type}/*`) },
                        { Effect: "Allow", Action: "s3:ListBucket", Resource: b },
                        { Effect: "Allow", Action: ["kms:GenerateDataKey", "kms:Decrypt"], Resource: k },
                    ]),
                ),
            },
            parent,
        );
        for (const t of tiers) {
            new datadog.LogsArchive(
                childName(name, "archive", t.type),
                {
                    name: `${product.key}-${env}-${t.type}`,
                    query: archiveQuery(logGroupName(product.key, env, t.type)),
                    includeTags: true,
                    s3Archive: {
                        bucket: bucket.bucket,
                        path: `/${t.type}`,
                        accountId: integration.accountId ?? account,
                        roleName: integration.roleName,
                        encryptionType: "SSE_KMS",
                        encryptionKey: key.arn,
                    },
                },
                { parent: this, dependsOn: [archivePolicy] },
            );
        }

        for (const {
            binding: { monitor },
        } of args.securityAlerts) {
            new datadog.Monitor(childName(name, monitor.id), monitorArgs(monitor), parent);
        }

        this.logGroupNames = pulumi.all(groups.map((g) => g.name));
        this.logGroupArns = pulumi.all(groups.map((g) => g.arn));
        this.groups = pulumi
            .all(groups.map((g) => [g.name, g.arn] as const))
            .apply((pairs) => Object.fromEntries(pairs.map(([groupName, arn], i) => [tiers[i].type, { name: groupName, arn }])));
        this.firehoseArn = firehose.arn;
        this.subscriptionRoleArn = subscriptionRole.arn;
        this.kmsKeyArn = key.arn;
        this.archiveBucket = bucket.bucket;
        this.indexName = index.name;
        this.index = index;
        this.alarmTopicArn = topic.arn;
        this.registerOutputs({
            logGroupNames: this.logGroupNames,
            logGroupArns: this.logGroupArns,
            groups: this.groups,
            firehoseArn: this.firehoseArn,
            subscriptionRoleArn: this.subscriptionRoleArn,
            kmsKeyArn: this.kmsKeyArn,
            archiveBucket: this.archiveBucket,
            indexName: this.indexName,
            alarmTopicArn: this.alarmTopicArn,
        });
    }
}

export interface LogIndexOrderArgs {
    products: ReadonlyArray<Pick<Product, "key">>;
    logs: Pick<LogsConfig, "indexesAfterProducts">;
    /** This stack's product indexes, so the order is set after they exist. */
    indexes: pulumi.Input<pulumi.Resource>[];
}

/**
 * The organization's log index order (one per organization: the stack with `datadog.manageOrganizationResources`
 * owns it): every product index of every environment first, then `logs.indexesAfterProducts` (the catch-all last).
 */
export function logIndexOrder(name: string, args: LogIndexOrderArgs, opts: pulumi.CustomResourceOptions): datadog.LogsIndexOrder {
    return new datadog.LogsIndexOrder(
        childName(name, "log-index-order"),
        {
            name: "product-monitoring",
            indexes: logIndexNames(
                args.products.map((p) => p.key),
                ENVIRONMENTS,
                args.logs.indexesAfterProducts,
            ),
        },
        { ...opts, dependsOn: args.indexes },
    );
}
