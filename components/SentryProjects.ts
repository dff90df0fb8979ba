import * as pulumi from "@pulumi/pulumi";
import * as sentry from "@pulumiverse/sentry";
import type { Product } from "../lib/inputs/catalog/schema";
import type { SentryConfig } from "../lib/inputs/config";
import { childName } from "../lib/model/naming";
import { SentryAction, sentryAlertName, SentryModel } from "../lib/sentry/model";
import { historyOrConsumers, retainedData, SECRET_OUTPUTS } from "./protection";

export interface SentryProjectsArgs {
    product: Product;
    environment: string;
    /** The stack's Sentry organization, Slack workspace, PagerDuty registration and key rate limit (`sentry`). */
    sentry: SentryConfig;
    /** The product's Sentry team, projects and alert rules (lib/sentry/model.ts). */
    model: SentryModel;
}

/** What alert actions refer to: Sentry's integrations and the product's team. */
interface ActionTargets {
    slack: pulumi.Output<sentry.GetSentryOrganizationIntegrationResult>;
    pagerduty?: pulumi.Output<sentry.GetSentryOrganizationIntegrationResult>;
    teamId: pulumi.Output<string>;
}

/** Issue alert actions are untyped maps in the provider (shapes from Sentry's rules registry). */
function issueAction(a: SentryAction, t: ActionTargets): Record<string, pulumi.Input<string>> {
    switch (a.kind) {
        case "slack":
            return {
                id: "sentry.integrations.slack.notify_action.SlackNotifyServiceAction",
                workspace: t.slack.internalId,
                channel: a.channel,
            };
        case "pagerduty":
            return {
                id: "sentry.integrations.pagerduty.notify_action.PagerDutyNotifyServiceAction",
                account: t.pagerduty!.internalId,
                service: String(a.sentryServiceId),
                severity: a.severity,
            };
        case "email":
            return { id: "sentry.mail.actions.NotifyEmailAction", targetType: "Team", targetIdentifier: t.teamId };
    }
}

function metricAction(a: SentryAction, t: ActionTargets): sentry.types.input.SentryMetricAlertTriggerAction {
    switch (a.kind) {
        case "slack":
            return { type: "slack", targetType: "specific", targetIdentifier: a.channel, integrationId: t.slack.id.apply(Number) };
        case "pagerduty":
            return {
                type: "pagerduty",
                targetType: "specific",
                targetIdentifier: String(a.sentryServiceId),
                integrationId: t.pagerduty!.id.apply(Number),
            };
        case "email":
            return { type: "email", targetType: "team", targetIdentifier: t.teamId };
    }
}

/**
 * Sentry for one product (community provider @pulumiverse/sentry): a team, a project per code surface with its
 * platform, a rate-limited client key whose DSN is exported as a secret, and issue and metric alerts routed to
 * the same Slack channels as the product's Datadog alerts (see lib/sentry.ts for PagerDuty and email).
 */
export class SentryProjects extends pulumi.ComponentResource {
    /** DSN per surface; secret. */
    public readonly dsns: pulumi.Output<Record<string, string>>;
    /** Project slug per surface. */
    public readonly projectSlugs: Record<string, string>;
    public readonly teamSlug: pulumi.Output<string>;

    constructor(name: string, args: SentryProjectsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("product-monitoring:monitoring:SentryProjects", name, {}, opts);
        const { product, sentry: sentryConfig } = args;
        const organization = sentryConfig.organization;
        const env = args.environment;
        const { model } = args;
        const allActions = model.projects.flatMap((p) => [
            ...p.issueAlerts.flatMap((a) => a.actions),
            ...p.metricAlerts.flatMap((a) => [...a.actions, ...a.warningActions]),
        ]);

        const team = new sentry.SentryTeam(
            childName(name, "sentry-team"),
            {
                organization,
                name: model.team.name,
                slug: model.team.slug,
            },
            { parent: this },
        );
        const integration = (providerKey: string, integrationName: string) =>
            sentry.getSentryOrganizationIntegrationOutput({ organization, providerKey, name: integrationName }, { parent: this });
        const pagerdutyConfig = sentryConfig.pagerduty;
        const targets: ActionTargets = {
            slack: integration("slack", sentryConfig.slackWorkspace),
            // Looked up only when an alert pages, so stacks without Sentry's PagerDuty integration need none.
            pagerduty:
                pagerdutyConfig && allActions.some((a) => a.kind === "pagerduty")
                    ? integration("pagerduty", pagerdutyConfig.integration)
                    : undefined,
            teamId: team.internalId,
        };

        const dsns: Record<string, pulumi.Output<string>> = {};
        this.projectSlugs = {};
        for (const p of model.projects) {
            const project = new sentry.SentryProject(
                childName(name, "sentry", p.surface),
                {
                    organization,
                    name: p.name,
                    slug: p.slug,
                    platform: p.platform,
                    teams: [team.slug],
                    resolveAge: 720,
                },
                { parent: this, ...retainedData },
            ); // issue history outlives a product's removal from the stack
            const key = new sentry.SentryKey(
                childName(name, "sentry", p.surface, "key"),
                {
                    organization,
                    project: project.slug,
                    name: `${p.slug} (managed by Pulumi)`,
                    rateLimitCount: sentryConfig.keyRateLimit.count,
                    rateLimitWindow: sentryConfig.keyRateLimit.windowSeconds,
                },
                { parent: this, ...historyOrConsumers, additionalSecretOutputs: [...SECRET_OUTPUTS.sentryKey] },
            ); // deleting revokes the DSN
            dsns[p.surface] = pulumi.secret(key.dsnPublic);
            this.projectSlugs[p.surface] = p.slug;

            for (const a of p.issueAlerts) {
                new sentry.SentryIssueAlert(
                    childName(name, "sentry", p.surface, a.id),
                    {
                        organization,
                        project: project.slug,
                        name: sentryAlertName(product, p.surface, a.title, a.severity, env),
                        environment: env,
                        actionMatch: "any",
                        filterMatch: "all",
                        frequency: a.frequencyMinutes,
                        conditions: a.conditions,
                        actions: a.actions.map((x) => issueAction(x, targets)),
                    },
                    { parent: this },
                );
            }
            for (const m of p.metricAlerts) {
                const actions = m.actions.map((x) => metricAction(x, targets));
                new sentry.SentryMetricAlert(
                    childName(name, "sentry", p.surface, m.id),
                    {
                        organization,
                        project: project.slug,
                        name: sentryAlertName(product, p.surface, m.title, m.severity, env),
                        environment: env,
                        dataset: m.dataset,
                        query: m.query,
                        aggregate: m.aggregate,
                        timeWindow: m.timeWindowMinutes,
                        thresholdType: m.thresholdType,
                        resolveThreshold: m.resolve,
                        owner: pulumi.interpolate`team:${team.internalId}`,
                        triggers: [
                            { label: "critical", alertThreshold: m.critical, thresholdType: m.thresholdType, actions },
                            ...(m.warning === undefined
                                ? []
                                : [
                                      {
                                          label: "warning",
                                          alertThreshold: m.warning,
                                          thresholdType: m.thresholdType,
                                          actions: m.warningActions.map((x) => metricAction(x, targets)),
                                      },
                                  ]),
                        ],
                    },
                    { parent: this },
                );
            }
        }
        this.dsns = pulumi.secret(pulumi.all(dsns));
        this.teamSlug = team.slug;
        this.registerOutputs({ dsns: this.dsns, projectSlugs: this.projectSlugs, teamSlug: this.teamSlug });
    }
}
