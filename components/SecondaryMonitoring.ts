import * as aws from "@pulumi/aws";
import * as pagerduty from "@pulumi/pagerduty";
import * as pulumi from "@pulumi/pulumi";
import type { CloudWatchAlarmBinding } from "../lib/aws/alarms";
import { metricAlarmArgs } from "./alarmArgs";
import type { Product } from "../lib/inputs/catalog/schema";
import type { Alert } from "../lib/model/alert";
import { childName } from "../lib/model/naming";
import { SECRET_OUTPUTS } from "./protection";

export interface SecondaryMonitoringArgs {
    product: Product;
    environment: string;
    /** The product's secondary-check alarms (lib/aws/healthChecks.ts), each with its Route 53 health check. */
    alarms: ReadonlyArray<Alert<CloudWatchAlarmBinding>>;
    /** The product's KMS key, whose policy lets CloudWatch alarms publish to a topic it encrypts (LogPipeline). */
    kmsKeyArn: pulumi.Input<string>;
    /** The product's PagerDuty service (EscalationPolicy), paged through its Amazon CloudWatch integration. */
    pagerdutyServiceId: pulumi.Input<string>;
    pagerdutyServiceName: string;
}

/**
 * CloudWatch watching a product's critical endpoints independently of Datadog: a Route 53 health check per listed
 * synthetic check, a CloudWatch alarm on its status, and an encrypted SNS topic delivering the alarms to their
 * route (PagerDuty's Amazon CloudWatch integration where the route pages, the stack's alarm mailbox always).
 * Route 53 publishes health-check metrics in us-east-1 only: the stack's AWS region must be us-east-1.
 */
export class SecondaryMonitoring extends pulumi.ComponentResource {
    /** Route 53 health check id per synthetic test id. */
    public readonly healthCheckIds: pulumi.Output<Record<string, string>>;

    constructor(name: string, args: SecondaryMonitoringArgs, opts?: pulumi.ComponentResourceOptions) {
        super("product-monitoring:monitoring:SecondaryMonitoring", name, {}, opts);
        const { product, environment: env } = args;
        const parent = { parent: this };
        const tags = { product: product.key, team: product.team.handle, env, "managed-by": "pulumi" };
        const pagers = new Set(args.alarms.flatMap((a) => (a.route.pager ? [a.route.pager.service] : [])));
        for (const service of pagers)
            if (service !== args.pagerdutyServiceName)
                throw new pulumi.ResourceError(
                    `an alarm pages "${service}", but this product's PagerDuty service is "${args.pagerdutyServiceName}"`,
                    this,
                );

        const topic = new aws.sns.Topic(
            childName(name, "secondary-alarms"),
            { name: `${product.key}-${env}-secondary-alarms`, kmsMasterKeyId: args.kmsKeyArn, tags },
            parent,
        );
        [...new Set(args.alarms.flatMap((a) => a.route.emails))].forEach((email, i) => {
            new aws.sns.TopicSubscription(
                childName(name, "secondary-alarms-email", ...(i ? [String(i)] : [])),
                { topic: topic.arn, protocol: "email", endpoint: email },
                parent,
            );
        });
        if (pagers.size > 0) {
            // PagerDuty's Amazon CloudWatch integration: SNS posts alarm and OK notifications to its URL, which
            // confirms the subscription itself and resolves the alert when the alarm returns to OK.
            const integration = new pagerduty.ServiceIntegration(
                childName(name, "cloudwatch-integration"),
                {
                    name: "Amazon CloudWatch (secondary checks)",
                    service: args.pagerdutyServiceId,
                    type: "aws_cloudwatch_inbound_integration",
                },
                { ...parent, additionalSecretOutputs: [...SECRET_OUTPUTS.pagerdutyIntegration] },
            );
            new aws.sns.TopicSubscription(
                childName(name, "secondary-alarms-pagerduty"),
                {
                    topic: topic.arn,
                    protocol: "https",
                    endpoint: pulumi.secret(
                        pulumi.interpolate`https://events.pagerduty.com/integration/${integration.integrationKey}/enqueue`,
                    ),
                    endpointAutoConfirms: true,
                },
                parent,
            );
        }

        const checks = args.alarms.map(({ binding: { alarm, healthCheck } }) => {
            if (!healthCheck) throw new pulumi.ResourceError(`alarm ${alarm.name} has no health check`, this);
            const check = new aws.route53.HealthCheck(
                childName(name, "health-check", healthCheck.syntheticId),
                {
                    type: healthCheck.type,
                    fqdn: healthCheck.fqdn,
                    port: healthCheck.port,
                    resourcePath: healthCheck.resourcePath,
                    requestInterval: healthCheck.requestInterval,
                    failureThreshold: healthCheck.failureThreshold,
                    enableSni: true,
                    tags: { ...tags, Name: healthCheck.name },
                },
                parent,
            );
            new aws.cloudwatch.MetricAlarm(
                childName(name, "health-alarm", healthCheck.syntheticId),
                metricAlarmArgs(alarm, { HealthCheckId: check.id }, topic.arn, tags),
                parent,
            );
            return [healthCheck.syntheticId, check.id] as const;
        });
        this.healthCheckIds = pulumi.all(Object.fromEntries(checks));
        this.registerOutputs({ healthCheckIds: this.healthCheckIds });
    }
}
