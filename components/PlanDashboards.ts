import * as datadog from "@pulumi/datadog";
import * as pulumi from "@pulumi/pulumi";
import type { Product } from "../lib/inputs/catalog/schema";
import { planDashboards } from "../lib/datadog/planDashboards";
import { childName } from "../lib/model/naming";

export interface PlanDashboardsArgs {
    product: Product;
    environment: string;
}

/** The dashboards a product's own plan names (lib/datadog/planDashboards.ts): database, operations, payments... */
export class PlanDashboards extends pulumi.ComponentResource {
    /** Dashboard ids by kind. */
    public readonly dashboardIds: Record<string, pulumi.Output<string>> = {};

    constructor(name: string, args: PlanDashboardsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("product-monitoring:monitoring:PlanDashboards", name, {}, opts);
        for (const d of planDashboards(args.product, args.environment)) {
            this.dashboardIds[d.kind] = new datadog.DashboardJson(
                childName(name, d.kind, "dashboard"),
                { dashboard: JSON.stringify(d.doc) },
                { parent: this },
            ).id;
        }
        this.registerOutputs({ dashboardIds: this.dashboardIds });
    }
}
