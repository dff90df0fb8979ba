import * as datadog from "@pulumi/datadog";
import * as pulumi from "@pulumi/pulumi";
import type { Product } from "../lib/inputs/catalog/schema";
import { executiveDashboard, productDashboard } from "../lib/datadog/dashboards";
import { childName, datadogAppUrl } from "../lib/model/naming";

export interface CompanyDashboardsArgs {
    products: ReadonlyArray<Product>;
    environment: string;
    datadogSite: string;
    /** Estimated monthly synthetic cost per product (USD), for the executive dashboard. */
    syntheticsCostByProduct: Record<string, number>;
    /** SLO ids per product and SLO, from each product's ProductMonitoring. */
    sloIds: pulumi.Input<Record<string, Record<string, string>>>;
}

/** The company-wide Executive and Product dashboards (000 §Dashboards), across every enabled product. */
export class CompanyDashboards extends pulumi.ComponentResource {
    /** Dashboard URLs by kind ("executive", "product"). */
    public readonly dashboardUrls: pulumi.Output<Record<string, string>>;
    /** Dashboard ids by kind ("executive", "product"). */
    public readonly dashboardIds: pulumi.Output<Record<string, string>>;

    constructor(name: string, args: CompanyDashboardsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("product-monitoring:monitoring:CompanyDashboards", name, {}, opts);
        const env = args.environment;
        const executive = new datadog.DashboardJson(
            childName(name, "executive-dashboard"),
            {
                dashboard: pulumi
                    .output(args.sloIds)
                    .apply((ids) => JSON.stringify(executiveDashboard(args.products, env, ids, args.syntheticsCostByProduct))),
            },
            { parent: this },
        );
        const product = new datadog.DashboardJson(
            childName(name, "product-dashboard"),
            {
                dashboard: JSON.stringify(productDashboard(args.products, env)),
            },
            { parent: this },
        );
        const app = datadogAppUrl(args.datadogSite);
        this.dashboardUrls = pulumi.all({
            executive: pulumi.interpolate`${app}${executive.url}`,
            product: pulumi.interpolate`${app}${product.url}`,
        });
        this.dashboardIds = pulumi.all({ executive: executive.id, product: product.id });
        this.registerOutputs({ dashboardUrls: this.dashboardUrls, dashboardIds: this.dashboardIds });
    }
}
