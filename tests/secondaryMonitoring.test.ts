/**
 * CloudWatch as secondary monitoring (004 §Monitoring Components): Route 53 health checks repeat a product's listed
 * synthetic checks, and CloudWatch alarms on them reach PagerDuty (where the route pages) and the alarm mailbox.
 */
import { secondaryCheckAlerts } from "../lib/aws/healthChecks";
import { loadCatalog } from "../lib/inputs/catalog/validate";
import { route } from "../lib/model/routing";
import { computed } from "../scripts/mocks";
import { catalog } from "../products";
import { STACKS } from "./helpers/constants";
import { loadPlan } from "./helpers/plan";
import { stackConfig } from "./helpers/stackConfig";

const products = loadCatalog(catalog);
const T = {
    check: "aws:route53/healthCheck:HealthCheck",
    alarm: "aws:cloudwatch/metricAlarm:MetricAlarm",
    topic: "aws:sns/topic:Topic",
    sub: "aws:sns/topicSubscription:TopicSubscription",
    integration: "pagerduty:index/serviceIntegration:ServiceIntegration",
    group: "aws:cloudwatch/logGroup:LogGroup",
};
const withChecks = products.filter((p) => p.cloudwatchSecondary);

it("repeats PlumberLeads' home page and API health checks (004 names CloudWatch as its secondary monitoring)", () => {
    expect(withChecks.map((p) => [p.key, p.cloudwatchSecondary!.synthetics])).toEqual([
        ["plumberleads", ["home-page-availability", "api-health"]],
    ]);
});

describe.each(STACKS)("secondary checks in %s", (stack) => {
    const view = loadPlan(stack);
    const config = stackConfig(stack);
    const pages = config.routing.paging;

    it("creates nothing for products whose plan asks for no secondary monitoring", () => {
        for (const p of products.filter((x) => !x.cloudwatchSecondary)) {
            expect([p.key, view.ofType(T.check, p.key)]).toEqual([p.key, []]);
            expect([
                p.key,
                view.ofType(T.integration, p.key).filter((i) => i.inputs.type === "aws_cloudwatch_inbound_integration"),
            ]).toEqual([p.key, []]);
        }
    });

    it.each(withChecks.map((p) => [p.key, p] as const))(
        "%s: a Route 53 health check on each listed test's URL, fast interval, 3 failures",
        (_k, p) => {
            const checks = view.ofType(T.check, p.key);
            expect(checks).toHaveLength(p.cloudwatchSecondary!.synthetics.length);
            for (const id of p.cloudwatchSecondary!.synthetics) {
                const s = p.synthetics.find((x) => x.id === id)!;
                const host = `${config.hostPrefix}${p.surfaces.find((x) => x.name === s.surface)!.host}`;
                expect(view.byName(`${p.key}-health-check-${id}`, T.check).inputs).toMatchObject({
                    type: "HTTPS",
                    fqdn: host,
                    port: 443,
                    resourcePath: s.path,
                    requestInterval: 10,
                    failureThreshold: 3,
                    enableSni: true,
                    tags: { Name: `${p.key}-${stack}-${id}`, product: p.key, env: stack },
                });
            }
        },
    );

    it.each(withChecks.map((p) => [p.key, p] as const))(
        "%s: alarms on each health check's status (0 in a minute) to an encrypted topic, missing data breaching",
        (_k, p) => {
            const topic = view.byName(`${p.key}-secondary-alarms`, T.topic);
            const arn = `arn:aws:sns:us-east-1:123456789012:${p.key}-${stack}-secondary-alarms`;
            // CloudWatch may publish to it: the product's key, whose policy grants CloudWatch alarms (LogPipeline).
            expect(topic.inputs.kmsMasterKeyId).toBe(view.byName(`${p.key}-${p.logs.types[0].type}`, T.group).inputs.kmsKeyId);
            for (const id of p.cloudwatchSecondary!.synthetics) {
                const alarm = view.byName(`${p.key}-health-alarm-${id}`, T.alarm);
                expect(alarm.inputs).toEqual(
                    expect.objectContaining({
                        name: `${p.key}-${stack}-${id}-unhealthy`,
                        namespace: "AWS/Route53",
                        metricName: "HealthCheckStatus",
                        dimensions: { HealthCheckId: `${p.key}-health-check-${id}-id` },
                        statistic: "Minimum",
                        comparisonOperator: "LessThanThreshold",
                        threshold: 1,
                        period: 60,
                        evaluationPeriods: 1,
                        datapointsToAlarm: 1,
                        treatMissingData: "breaching",
                        alarmActions: [arn],
                        okActions: [arn],
                    }),
                );
                expect(alarm.inputs.alarmDescription).toContain(`docs/runbooks/${p.key}.md#cloudwatch-${id}`);
            }
        },
    );

    it.each(withChecks.map((p) => [p.key, p] as const))(
        "%s: pages through PagerDuty's CloudWatch integration where the route pages, and always mails the alarm mailbox",
        (_k, p) => {
            const subs = view.ofType(T.sub, p.key).filter((s) => s.name.startsWith(`${p.key}-secondary-alarms-`));
            const email = subs.filter((s) => s.inputs.protocol === "email");
            const routed = secondaryCheckAlerts(p, config).flatMap((a) => a.route.emails);
            expect(email.map((s) => s.inputs.endpoint).sort()).toEqual([...new Set(routed)].sort());
            expect(routed).toContain(config.logs.alarmEmail);
            const integrations = view.ofType(T.integration, p.key).filter((i) => i.inputs.type === "aws_cloudwatch_inbound_integration");
            const https = subs.filter((s) => s.inputs.protocol === "https");
            const paging = pages && p.synthetics.some((s) => p.cloudwatchSecondary!.synthetics.includes(s.id) && s.severity === "P0");
            expect([integrations.length, https.length]).toEqual(paging ? [1, 1] : [0, 0]);
            if (!paging) return;
            // On the product's own service, so PagerDuty folds the alarm into the incident Datadog opened.
            expect(integrations[0].inputs.service).toBe(`${p.key}-service-id`);
            // The endpoint carries the integration key: secret in the plan, and the URL PagerDuty documents.
            expect(https[0].inputs).toMatchObject({ endpoint: "[secret]", endpointAutoConfirms: true });
            const key = computed(T.integration, integrations[0].name, {}).integrationKey as string;
            expect(view.raw).not.toContain(key);
        },
    );

    it("routes each alarm by its synthetic test's severity: no Slack (SNS cannot post there), the mailbox always", () => {
        for (const p of withChecks) {
            for (const a of secondaryCheckAlerts(p, config)) {
                const s = p.synthetics.find((x) => `cloudwatch-${x.id}` === a.id)!;
                // The severity's route (lib/model/routing.ts) without Slack, plus the alarm mailbox.
                const company = route(s.severity, stack, config.routing, p);
                expect([a.id, a.severity, a.category, a.route.slackChannels, a.route.emails]).toEqual([
                    a.id,
                    s.severity,
                    "availability",
                    [],
                    [...new Set([...company.emails, config.logs.alarmEmail])],
                ]);
                expect(a.route.pager).toEqual(company.pager);
                if (s.severity === "P0")
                    expect(a.route.pager).toEqual(pages ? { service: `${p.key}-${stack}`, urgency: "high" } : undefined);
            }
        }
    });
});
