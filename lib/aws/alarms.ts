/**
 * CloudWatch alarms on the log shipping path (pure): Firehose delivery to Datadog is watched by CloudWatch itself,
 * so a Datadog-side outage cannot hide it. They are alerts of the alert model like every other.
 *
 * Severity P2 (000: "approaching limits, non-critical errors"): late or failed log delivery loses no user-facing
 * function (failed records are kept in S3 for replay), so it never pages. SNS cannot post to Slack without AWS
 * Chatbot, so the route is the stack's alarm mailbox (`logs.alarmEmail`) instead of #alerts-warning.
 */
import type { Product } from "../inputs/catalog/schema";
import type { PublicStackConfig } from "../inputs/config";
import { Alert, buildAlert } from "../model/alert";
import { FAILED_DELIVERY_PREFIX } from "./logs";

export interface CloudWatchAlarmModel {
    /** Resource-name suffix. */
    suffix: string;
    name: string;
    namespace: string;
    metricName: string;
    statistic: "Average" | "Minimum" | "Maximum" | "Sum";
    comparisonOperator: "LessThanThreshold" | "GreaterThanThreshold";
    threshold: number;
    /** Seconds per datapoint. */
    period: number;
    evaluationPeriods: number;
    /** Breaching datapoints among the last `evaluationPeriods` that alarm: M of N, so one noisy period neither alarms nor clears it. */
    datapointsToAlarm: number;
    /** Log shipping: not breaching (no records is no delivery problem); a health check that stops reporting: breaching. */
    treatMissingData: "notBreaching" | "breaching";
    description: string;
}

export interface CloudWatchAlarmBinding {
    provider: "cloudwatch-alarm";
    alarm: CloudWatchAlarmModel;
    /** The Route 53 health check the alarm watches (lib/aws/healthChecks.ts); absent for log shipping alarms. */
    healthCheck?: Route53HealthCheckModel;
}

/** A Route 53 health check requesting one URL over HTTPS from Route 53's checkers in several regions. */
export interface Route53HealthCheckModel {
    /** Spec id of the synthetic test it repeats. */
    syntheticId: string;
    fqdn: string;
    resourcePath: string;
    port: 443;
    type: "HTTPS";
    /** Seconds between two requests of one checker (10: Route 53's fast interval, 30: standard). */
    requestInterval: 10 | 30;
    /** Consecutive failed requests before a checker reports the endpoint unhealthy. */
    failureThreshold: number;
    /** Route 53 health checks have a Name tag as their display name. */
    name: string;
}

const PERIOD = 300;
const FIRST_STEPS = [
    "Open the Firehose delivery stream's monitoring tab: delivery success, data freshness, throttled records",
    "Check the Datadog API key secret and Datadog's status page for intake incidents",
    "Replay records from the failed-delivery prefix of the archive bucket once delivery works again",
];

export function shippingAlarmAlerts(product: Product, config: PublicStackConfig): Array<Alert<CloudWatchAlarmBinding>> {
    const env = config.environment;
    const service = product.surfaces[0].service;
    const failed = `s3://${config.logs.archiveBucketPrefix}-${product.key}/${FAILED_DELIVERY_PREFIX}`;
    const specs: Array<
        Omit<CloudWatchAlarmModel, "name" | "namespace" | "period" | "treatMissingData"> & {
            title: string;
            unit: string;
            comparator: "<" | ">";
        }
    > = [
        {
            suffix: "delivery-failures",
            title: "Log shipping: Firehose delivery to Datadog failing",
            metricName: "DeliveryToHttpEndpoint.Success",
            statistic: "Average",
            comparisonOperator: "LessThanThreshold",
            comparator: "<",
            threshold: 0.99,
            unit: "success ratio",
            evaluationPeriods: 6,
            datapointsToAlarm: 3,
            description: `Firehose fails to deliver logs to Datadog (success rate below 99% in 3 of 6 5-minute periods); failed records go to ${failed}`,
        },
        {
            suffix: "stale-delivery",
            title: "Log shipping: logs delayed",
            metricName: "DeliveryToHttpEndpoint.DataFreshness",
            statistic: "Maximum",
            comparisonOperator: "GreaterThanThreshold",
            comparator: ">",
            threshold: 900,
            unit: "s",
            evaluationPeriods: 6,
            datapointsToAlarm: 3,
            description: "logs older than 15 min are waiting in Firehose; Datadog is behind",
        },
        {
            suffix: "throttling",
            title: "Log shipping: Firehose throttling",
            metricName: "ThrottledRecords",
            statistic: "Sum",
            comparisonOperator: "GreaterThanThreshold",
            comparator: ">",
            threshold: 0,
            unit: "records",
            evaluationPeriods: 6,
            datapointsToAlarm: 3,
            description: "Firehose throttles incoming log records (delivery stream limits reached)",
        },
    ];
    return specs.map(({ title, unit, comparator, ...a }) => {
        const alert = buildAlert(
            product,
            {
                id: `log-shipping-${a.suffix}`,
                kind: "cloudwatch-alarm",
                title,
                service,
                severity: "P2",
                category: "logs",
                source: "000 §Log Management; 004 §Log Retention (logs shipped to Datadog)",
                condition: {
                    comparator,
                    critical: a.threshold,
                    unit,
                    windowSeconds: PERIOD * a.evaluationPeriods,
                    text: `${comparator} ${a.threshold} ${unit} in ${a.datapointsToAlarm} of ${a.evaluationPeriods} 5-minute periods`,
                },
                missingData: "resolve",
                message: { whatHappened: `${product.displayName}: ${a.description}.`, firstSteps: FIRST_STEPS },
                binding: undefined,
            },
            { environment: env, routing: config.routing },
        );
        const alarm: CloudWatchAlarmModel = {
            ...a,
            name: `${product.key}-${env}-firehose-${a.suffix}`,
            namespace: "AWS/Firehose",
            period: PERIOD,
            treatMissingData: "notBreaching",
            description: `${product.displayName}: ${a.description} (${alert.condition.text}; runbook ${alert.runbook})`,
        };
        return {
            ...alert,
            route: { severity: alert.severity, slackChannels: [], emails: [config.logs.alarmEmail] },
            binding: { provider: "cloudwatch-alarm", alarm },
        };
    });
}
