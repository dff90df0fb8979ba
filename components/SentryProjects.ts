import * as pulumi from "@pulumi/pulumi";
import * as sentry from "@pulumiverse/sentry";
import type { Product } from "../lib/catalog/schema";
import type { PublicStackConfig } from "../lib/config";
import { childName } from "../lib/naming";
import { issueAlerts, metricAlerts, SentryActionModel, sentryProjects, sentryTeamSlug } from "../lib/sentry";

export interface SentryProjectsArgs {
    product: Product;
    config: PublicStackConfig;
}

/**
 * Sentry for one product (community provider @pulumiverse/sentry): a team, a project per code surface with its
 * platform, a rate-limited client key whose DSN is exported as a secret, and issue and metric alerts routed to
 * the same Slack channels as the product's Datadog alerts (email where the route has no channel).
 */
export class SentryProjects extends pulumi.ComponentResource {
    /** DSN per surface; secret. */
    public readonly dsns: pulumi.Output<Record<string, string>>;
    public readonly projectSlugs: Record<string, string>;

    constructor(name: string, args: SentryProjectsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("product-monitoring:monitoring:SentryProjects", name, {}, opts);
        const { product, config } = args;
        const organization = config.sentry.organization;
        const env = config.environment;
        const slack = sentry.getSentryOrganizationIntegrationOutput({ organization, providerKey: "slack", name: config.sentry.slackWorkspace }, { parent: this });
        const team = new sentry.SentryTeam(childName(name, "sentry-team"), {
            organization,
            name: `${product.team.name} (${env})`,
            slug: sentryTeamSlug(product, env),
        }, { parent: this });

        const issueAction = (a: SentryActionModel): Record<string, pulumi.Input<string>> => a.kind === "slack"
            ? { id: "sentry.integrations.slack.notify_action.SlackNotifyServiceAction", channel: a.target, workspace: slack.internalId }
            : { id: "sentry.mail.actions.NotifyEmailAction", targetType: "Team", targetIdentifier: team.internalId };
        const metricAction = (a: SentryActionModel) => a.kind === "slack"
            ? { type: "slack", targetType: "specific", targetIdentifier: a.target, integrationId: slack.id.apply(Number) }
            : { type: "email", targetType: "team", targetIdentifier: team.internalId };

        const projects = sentryProjects(product, env);
        const dsns: Record<string, pulumi.Output<string>> = {};
        this.projectSlugs = {};
        for (const p of projects) {
            const project = new sentry.SentryProject(childName(name, "sentry", p.surface), {
                organization,
                name: p.name,
                slug: p.slug,
                platform: p.platform,
                teams: [team.slug],
                resolveAge: 720,
            }, { parent: this, retainOnDelete: true });
            const key = new sentry.SentryKey(childName(name, "sentry", p.surface, "key"), {
                organization,
                project: project.slug,
                name: `${p.slug} (managed by Pulumi)`,
                rateLimitCount: config.sentry.keyRateLimit.count,
                rateLimitWindow: config.sentry.keyRateLimit.windowSeconds,
            }, { parent: this });
            dsns[p.surface] = pulumi.secret(key.dsnPublic);
            this.projectSlugs[p.surface] = p.slug;

            for (const a of issueAlerts(product, config)) {
                new sentry.SentryIssueAlert(childName(name, "sentry", p.surface, a.id), {
                    organization,
                    project: project.slug,
                    name: `[${a.severity}] ${product.displayName} ${p.surface}: ${a.name}`,
                    environment: env,
                    actionMatch: "any",
                    filterMatch: "all",
                    frequency: a.frequencyMinutes,
                    conditions: a.conditions,
                    actions: a.actions.map(issueAction),
                }, { parent: this });
            }
            const kind = product.surfaces.find((s) => s.name === p.surface)!.kind;
            for (const m of metricAlerts(product, kind, config)) {
                const actions = m.actions.map(metricAction);
                new sentry.SentryMetricAlert(childName(name, "sentry", p.surface, m.id), {
                    organization,
                    project: project.slug,
                    name: `[${m.severity}] ${product.displayName} ${p.surface}: ${m.name}`,
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
                        { label: "warning", alertThreshold: m.warning, thresholdType: m.thresholdType, actions },
                    ],
                }, { parent: this });
            }
        }
        this.dsns = pulumi.secret(pulumi.all(dsns));
        this.registerOutputs({ dsns: this.dsns });
    }
}
