/**
 * CloudWatch as a second monitor of a product's critical endpoints (pure): a Route 53 health check requests the
 * same URL as a Datadog synthetic test (listed in the spec's `cloudwatchSecondary`), and a CloudWatch alarm on its
 * `HealthCheckStatus` alerts when it fails, so an outage is still reported when Datadog (its synthetics, its
 * PagerDuty integration) is not. 004 §Monitoring Components: "Secondary Monitoring: AWS CloudWatch, redundant
 * monitoring for critical systems". Route 53 health checks need no AWS resource of the product (the plan names
 * none: its load balancer is DigitalOcean's, §Network Metrics), only the public host and path.
 *
 * Severity is the synthetic test's. CloudWatch alarms reach people through SNS, which delivers to PagerDuty
 * (its Amazon CloudWatch integration on the product's service) and to email, not to Slack: a paging alarm pages
 * (the product's PagerDuty service folds it into the incident Datadog opened, `oncall.alertGroupingMinutes`), and
 * every alarm also mails the stack's alarm mailbox (`logs.alarmEmail`).
 *
 * Timing: each Route 53 checker requests every 10 s (the fast interval) and reports the endpoint unhealthy after 3
 * consecutive failures; the endpoint is unhealthy once fewer than 18% of checkers report it healthy (Route 53 docs,
 * "How Amazon Route 53 determines whether a health check is healthy"). `HealthCheckStatus` (AWS/Route53, 1 healthy,
 * 0 unhealthy) is published to CloudWatch in us-east-1 only, so the alarms live there. The alarm breaches on one
 * minute whose minimum is 0: about 30 s of failures plus that minute, which the simulator sees as the minute only.
 */
import type { Product } from "../inputs/catalog/schema";
import type { PublicStackConfig } from "../inputs/config";
import { Alert, buildAlert } from "../model/alert";
import type { CloudWatchAlarmBinding, CloudWatchAlarmModel, Route53HealthCheckModel } from "./alarms";

const REQUEST_INTERVAL = 10;
const FAILURE_THRESHOLD = 3;
const PERIOD = 60;

const FIRST_STEPS = [
    "Open the URL from outside the network and note the status code or timeout",
    "Compare with the product's Datadog synthetic test and monitors: if Datadog is silent, check Datadog's status page and its PagerDuty integration",
    "Open the Route 53 health check: which checker regions fail and with what reason",
];

/** The CloudWatch alarms (and their Route 53 health checks) repeating the product's listed synthetic checks. */
export function secondaryCheckAlerts(product: Product, config: PublicStackConfig): Array<Alert<CloudWatchAlarmBinding>> {
    const env = config.environment;
    const block = product.cloudwatchSecondary;
    if (!block) return [];
    return block.synthetics.map((id) => {
        const s = product.synthetics.find((x) => x.id === id);
        if (!s || s.kind !== "api") throw new Error(`${product.key}: cloudwatchSecondary names "${id}", which is not an api synthetic`);
        const surface = product.surfaces.find((x) => x.name === s.surface);
        if (!surface?.host) throw new Error(`${product.key}: synthetic "${id}" runs on surface "${s.surface}", which has no host`);
        const fqdn = `${config.hostPrefix}${surface.host}`;
        const resourcePath = s.path ?? "/";
        const url = `https://${fqdn}${resourcePath}`;
        const alert = buildAlert(
            product,
            {
                id: `cloudwatch-${s.id}`,
                kind: "cloudwatch-alarm",
                title: `CloudWatch: ${s.title} unreachable`,
                service: surface.service,
                severity: s.severity,
                category: "availability",
                source: `${block.source}; ${s.source}`,
                condition: {
                    comparator: "<",
                    critical: 1,
                    unit: "healthy (1) / unhealthy (0)",
                    windowSeconds: PERIOD,
                    text: `Route 53 health check of ${url} unhealthy (${FAILURE_THRESHOLD} failed requests ${REQUEST_INTERVAL} s apart) in a 1-minute period`,
                },
                // A health check that stops reporting leaves the endpoint unwatched: alarm.
                missingData: "alert",
                message: {
                    whatHappened: `${product.displayName}: Route 53's checkers cannot get a 2xx/3xx answer from ${url} (the endpoint of the synthetic test "${s.title}"), watched by CloudWatch independently of Datadog.`,
                    firstSteps: FIRST_STEPS,
                },
                binding: undefined,
            },
            { environment: env, routing: config.routing },
        );
        const healthCheck: Route53HealthCheckModel = {
            syntheticId: s.id,
            fqdn,
            resourcePath,
            port: 443,
            type: "HTTPS",
            requestInterval: REQUEST_INTERVAL,
            failureThreshold: FAILURE_THRESHOLD,
            name: `${product.key}-${env}-${s.id}`,
        };
        const alarm: CloudWatchAlarmModel = {
            suffix: s.id,
            name: `${product.key}-${env}-${s.id}-unhealthy`,
            namespace: "AWS/Route53",
            metricName: "HealthCheckStatus",
            statistic: "Minimum",
            comparisonOperator: "LessThanThreshold",
            threshold: 1,
            period: PERIOD,
            evaluationPeriods: 1,
            datapointsToAlarm: 1,
            treatMissingData: "breaching",
            description: `${product.displayName}: ${url} unhealthy for Route 53's checkers (${alert.condition.text}; runbook ${alert.runbook})`,
        };
        return {
            ...alert,
            // SNS reaches PagerDuty and email, never Slack; the alarm mailbox keeps a record of every alarm.
            route: {
                severity: alert.severity,
                ...(alert.route.pager ? { pager: alert.route.pager } : {}),
                slackChannels: [],
                emails: [...new Set([...alert.route.emails, config.logs.alarmEmail])],
            },
            binding: { provider: "cloudwatch-alarm", alarm, healthCheck },
        };
    });
}
