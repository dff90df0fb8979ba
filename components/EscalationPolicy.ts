import * as datadog from "@pulumi/datadog";
import * as pagerduty from "@pulumi/pagerduty";
import * as pulumi from "@pulumi/pulumi";
import type { Product } from "../lib/inputs/catalog/schema";
import type { OnCallConfig } from "../lib/inputs/config";
import { EscalationTarget, escalationModel, SCHEDULE_KINDS, ScheduleKind, scheduleModels, teamMembers } from "../lib/pagerduty/escalation";
import { childName } from "../lib/model/naming";
import { productPagerServices } from "../lib/model/routing";
import {
    ACKNOWLEDGEMENT_TIMEOUT_SECONDS,
    alertGrouping,
    AUTO_RESOLVE_TIMEOUT_SECONDS,
    INCIDENT_URGENCY_RULE,
    LOW_URGENCY_RULE,
} from "../lib/pagerduty/service";
import { historyOrConsumers, SECRET_OUTPUTS } from "./protection";

export interface EscalationPolicyArgs {
    product: Product;
    environment: string;
    /** The stack's on-call people, rotations and alert grouping (`oncall`). */
    oncall: OnCallConfig;
}

/**
 * PagerDuty for one product: team and memberships, weekly primary and backup schedules, the escalation policy
 * (000 L2–L4, or the product's own levels), a service with severity-based urgency (plus a low-urgency one where
 * the plan asks), each with its Events API v2 integration and the Datadog ServiceObject that makes the
 * `@pagerduty-<service>` handle resolve.
 * On-call people are looked up by email: PagerDuty users are managed by the account's SSO, not by this program.
 */
export class EscalationPolicy extends pulumi.ComponentResource {
    public readonly serviceId: pulumi.Output<string>;
    /** PagerDuty service name, also the Datadog `@pagerduty-<serviceName>` handle. */
    public readonly serviceName: string;
    public readonly serviceUrl: pulumi.Output<string>;
    /** The low-urgency service's name (its `@pagerduty-` handle), when the product's plan pages a lower severity. */
    public readonly lowUrgencyServiceName?: string;
    /** Events API v2 key; a secret. */
    public readonly integrationKey: pulumi.Output<string>;
    public readonly escalationPolicyId: pulumi.Output<string>;
    public readonly teamId: pulumi.Output<string>;
    public readonly scheduleIds: pulumi.Output<Record<ScheduleKind, string>>;

    constructor(name: string, args: EscalationPolicyArgs, opts?: pulumi.ComponentResourceOptions) {
        super("product-monitoring:monitoring:EscalationPolicy", name, {}, opts);
        const { product, oncall, environment } = args;
        const model = escalationModel(product, oncall);

        // One lookup per person, shared by memberships, schedules and rules.
        const userIds = new Map<string, pulumi.Output<string>>();
        const userId = (id: string) => {
            if (!userIds.has(id)) {
                const user = oncall.users.find((u) => u.id === id)!;
                userIds.set(id, pagerduty.getUserOutput({ email: user.email }, { parent: this }).id);
            }
            return userIds.get(id)!;
        };

        const team = new pagerduty.Team(
            childName(name, "team"),
            {
                name: `${product.team.name} (${environment})`,
                description: `${product.displayName} on-call (${product.team.email}); managed by Pulumi`,
            },
            { parent: this },
        );
        for (const member of teamMembers(product, oncall)) {
            new pagerduty.TeamMembership(
                childName(name, "member", member.userId),
                {
                    teamId: team.id,
                    userId: userId(member.userId),
                    role: member.role,
                },
                { parent: this },
            );
        }

        // Weekly primary and backup schedules and the escalation policy of a rotation: the product team's, or a
        // component's own (004 §Alert Routes: the on-call DBA, security, DevOps), named after the component.
        const rotationPolicy = (component?: { component: string; oncallTeam: string; source: string }) => {
            const prefix = component ? [component.component] : [];
            const models = scheduleModels(product, oncall, environment, component);
            const schedules = Object.fromEntries(
                SCHEDULE_KINDS.map((kind) => [
                    kind,
                    new pagerduty.Schedule(
                        childName(name, ...prefix, kind),
                        {
                            name: models[kind].name,
                            timeZone: models[kind].timeZone,
                            teams: [team.id],
                            layers: models[kind].layers.map(({ userIds: ids, ...layer }) => ({ ...layer, users: ids.map(userId) })),
                        },
                        { parent: this, ...historyOrConsumers },
                    ),
                ]),
            ) as Record<ScheduleKind, pagerduty.Schedule>;
            const rules = component ? escalationModel(product, oncall, component.oncallTeam) : model;
            const target = (t: EscalationTarget) =>
                t.kind === "schedule"
                    ? { type: "schedule_reference", id: schedules[t.schedule].id }
                    : { type: "user_reference", id: userId(t.userId) };
            const policy = new pagerduty.EscalationPolicy(
                childName(name, ...prefix, "policy"),
                {
                    name: component
                        ? `${product.displayName} ${component.component} (${environment})`
                        : `${product.displayName} (${environment})`,
                    description: component ? component.source : product.escalation.source,
                    teams: team.id,
                    numLoops: rules.loops,
                    rules: rules.rules.map((r) => ({ escalationDelayInMinutes: r.delayMinutes, targets: r.targets.map(target) })),
                },
                { parent: this },
            );
            return { schedules, policy };
        };
        const { schedules, policy } = rotationPolicy();
        const componentPolicies = new Map(product.componentRoutes.map((c) => [c.component, rotationPolicy(c).policy]));

        // The main service (severity-based urgency) and, where the plan pages a lower severity at low urgency, a
        // low-urgency one; each with its Events API v2 integration and the Datadog ServiceObject that makes the
        // `@pagerduty-<service>` handle resolve.
        const services = productPagerServices(product, environment).map((target) => {
            const suffix = [...(target.component ? [target.component] : []), ...(target.urgency === "low" ? ["low"] : [])];
            const service = new pagerduty.Service(
                childName(name, "service", ...suffix),
                {
                    name: target.service,
                    description:
                        (target.component
                            ? `${product.displayName} ${target.component} alerts from Datadog, to the ${target.component} on-call`
                            : `${product.displayName} alerts from Datadog and the log shipping path`) +
                        (target.urgency === "low" ? " (low urgency: business-hours response)" : ""),
                    escalationPolicy: (target.component ? componentPolicies.get(target.component)! : policy).id,
                    acknowledgementTimeout: String(ACKNOWLEDGEMENT_TIMEOUT_SECONDS),
                    autoResolveTimeout: String(AUTO_RESOLVE_TIMEOUT_SECONDS),
                    alertCreation: "create_alerts_and_incidents",
                    incidentUrgencyRule: target.urgency === "high" ? INCIDENT_URGENCY_RULE : LOW_URGENCY_RULE,
                    alertGroupingParameters: alertGrouping(oncall.alertGroupingMinutes),
                },
                { parent: this, ...historyOrConsumers },
            );
            const integration = new pagerduty.ServiceIntegration(
                childName(name, "events-v2", ...suffix),
                {
                    name: "Datadog (Events API v2)",
                    service: service.id,
                    type: "events_api_v2_inbound_integration",
                },
                { parent: this, ...historyOrConsumers, additionalSecretOutputs: [...SECRET_OUTPUTS.pagerdutyIntegration] },
            );
            const integrationKey = pulumi.secret(integration.integrationKey);
            new datadog.pagerduty.ServiceObject(
                childName(name, "datadog-service", ...suffix),
                { serviceName: target.service, serviceKey: integrationKey },
                { parent: this },
            );
            return { target, service, integrationKey };
        });
        const main = services[0];
        const low = services.find((x) => x.target.urgency === "low" && !x.target.component);

        this.serviceName = main.target.service;
        this.serviceId = main.service.id;
        this.serviceUrl = main.service.htmlUrl;
        this.integrationKey = main.integrationKey;
        this.lowUrgencyServiceName = low?.target.service;
        this.escalationPolicyId = policy.id;
        this.teamId = team.id;
        this.scheduleIds = pulumi.all([schedules.primary.id, schedules.backup.id]).apply(([primary, backup]) => ({ primary, backup }));
        this.registerOutputs({
            serviceId: this.serviceId,
            serviceName: this.serviceName,
            serviceUrl: this.serviceUrl,
            lowUrgencyServiceName: this.lowUrgencyServiceName,
            integrationKey: this.integrationKey,
            escalationPolicyId: this.escalationPolicyId,
            teamId: this.teamId,
            scheduleIds: this.scheduleIds,
        });
    }
}
