import * as datadog from "@pulumi/datadog";
import * as pulumi from "@pulumi/pulumi";
import type { Product } from "../lib/inputs/catalog/schema";
import { ENVIRONMENTS } from "../lib/inputs/config";
import { slackChannelUrl, tagPolicies, teamModels } from "../lib/datadog/governance";
import { childName } from "../lib/model/naming";

export interface CompanyGovernanceArgs {
    /** The stack's products. */
    products: ReadonlyArray<Product>;
    /** PagerDuty service page per product key. */
    pagerdutyUrls: pulumi.Input<Record<string, string>>;
}

/**
 * Organization-wide Datadog governance, owned by one stack: a Team per owning team with links to its Slack
 * channel and PagerDuty services, and monitor tag policies so monitors made by hand in the UI carry the same
 * env, service and team tags as the ones from code.
 */
export class CompanyGovernance extends pulumi.ComponentResource {
    public readonly teamIds: pulumi.Output<Record<string, string>>;

    constructor(name: string, args: CompanyGovernanceArgs, opts?: pulumi.ComponentResourceOptions) {
        super("product-monitoring:monitoring:CompanyGovernance", name, {}, opts);
        const parent = { parent: this };
        const urls = pulumi.output(args.pagerdutyUrls);
        const teamIds: Record<string, pulumi.Output<string>> = {};
        for (const t of teamModels(args.products)) {
            const team = new datadog.Team(
                childName(name, "team", t.handle),
                { handle: t.handle, name: t.name, description: t.description },
                parent,
            );
            teamIds[t.handle] = team.id;
            new datadog.TeamLink(
                childName(name, "team", t.handle, "slack"),
                {
                    teamId: team.id,
                    position: 0,
                    label: `Slack #${t.slackChannel}`,
                    url: slackChannelUrl(t.slackChannel),
                },
                parent,
            );
            t.products.forEach(
                (p, i) =>
                    new datadog.TeamLink(
                        childName(name, "team", t.handle, "pagerduty", p.key),
                        {
                            teamId: team.id,
                            position: i + 1,
                            label: `PagerDuty: ${p.displayName}`,
                            url: urls.apply((u) => u[p.key]),
                        },
                        parent,
                    ),
            );
        }
        for (const policy of tagPolicies(args.products, [...ENVIRONMENTS])) {
            new datadog.MonitorConfigPolicy(
                childName(name, "tag-policy", policy.tagKey),
                {
                    policyType: "tag",
                    tagPolicy: { tagKey: policy.tagKey, tagKeyRequired: true, validTagValues: policy.validTagValues },
                },
                parent,
            );
        }
        this.teamIds = pulumi.all(teamIds);
        this.registerOutputs({ teamIds: this.teamIds });
    }
}
