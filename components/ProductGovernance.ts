import * as datadog from "@pulumi/datadog";
import * as pulumi from "@pulumi/pulumi";
import type { Product } from "../lib/inputs/catalog/schema";
import { catalogEntity, DetectionRuleModel, entityYaml } from "../lib/datadog/governance";
import { childName, datadogAppUrl } from "../lib/model/naming";

export interface ProductGovernanceArgs {
    product: Product;
    /** Datadog site, for links (`datadog.site`). */
    datadogSite: string;
    /** Whether this stack owns organization-wide resources (`datadog.manageOrganizationResources`): catalog entities. */
    manageOrganizationResources: boolean;
    /** The product's security detection rules (lib/stack/model.ts). */
    detectionRules: ReadonlyArray<DetectionRuleModel>;
    /** The product's PagerDuty service page, the catalog's on-call integration. */
    pagerdutyServiceUrl: pulumi.Input<string>;
    dashboardUrls: pulumi.Input<Record<string, string>>;
    sloIds: pulumi.Input<Record<string, string>>;
}

/**
 * Who owns what, in Datadog, for one product: a Software Catalog entity per surface (only in the stack that owns
 * organization-wide resources) and the security detection rules of its plan (signals; the alerting is done once,
 * by the security log monitors).
 */
export class ProductGovernance extends pulumi.ComponentResource {
    public readonly catalogEntities: string[];
    public readonly securityRuleIds: pulumi.Output<string[]>;

    constructor(name: string, args: ProductGovernanceArgs, opts?: pulumi.ComponentResourceOptions) {
        super("product-monitoring:monitoring:ProductGovernance", name, {}, opts);
        const { product } = args;
        this.catalogEntities = args.manageOrganizationResources ? product.surfaces.map((s) => s.service) : [];
        if (args.manageOrganizationResources) {
            const links = pulumi.all([args.pagerdutyServiceUrl, args.dashboardUrls, args.sloIds]);
            for (const s of product.surfaces) {
                new datadog.SoftwareCatalog(
                    childName(name, "catalog", s.name),
                    {
                        entity: links.apply(([pagerdutyUrl, dashboardUrls, sloIds]) =>
                            entityYaml(
                                catalogEntity(product, s.name, {
                                    appUrl: datadogAppUrl(args.datadogSite),
                                    pagerdutyUrl,
                                    dashboardUrls,
                                    sloIds,
                                }),
                            ),
                        ),
                    },
                    { parent: this },
                );
            }
        }
        const rules = args.detectionRules.map(
            (r) =>
                new datadog.SecurityMonitoringRule(
                    childName(name, "detection", r.id),
                    {
                        name: r.name,
                        message: r.message,
                        enabled: true,
                        type: "log_detection",
                        queries: [{ name: "a", query: r.query, aggregation: "count", groupByFields: r.groupBy }],
                        cases: [{ name: r.status, status: r.status, condition: r.condition, notifications: r.notifications }],
                        options: {
                            detectionMethod: "threshold",
                            evaluationWindow: r.evaluationWindow,
                            keepAlive: r.keepAlive,
                            maxSignalDuration: r.maxSignalDuration,
                        },
                        tags: r.tags,
                    },
                    { parent: this },
                ),
        );
        this.securityRuleIds = pulumi.all(rules.map((r) => r.id));
        this.registerOutputs({ securityRuleIds: this.securityRuleIds });
    }
}
