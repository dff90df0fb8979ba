import * as datadog from "@pulumi/datadog";
import * as pulumi from "@pulumi/pulumi";
import type { Product } from "../lib/catalog/schema";
import type { PublicStackConfig } from "../lib/config";
import { buildMonitor } from "../lib/monitors";
import { monitorArgs } from "./monitorArgs";
import { childName } from "../lib/naming";

export interface ProductMonitoringArgs {
    product: Product;
    config: PublicStackConfig;
}

/** Datadog monitors, SLOs and dashboards of one product. */
export class ProductMonitoring extends pulumi.ComponentResource {
    /** Monitor ids by spec monitor id. */
    public readonly monitorIds: pulumi.Output<Record<string, string>>;

    constructor(name: string, args: ProductMonitoringArgs, opts?: pulumi.ComponentResourceOptions) {
        super("product-monitoring:monitoring:ProductMonitoring", name, {}, opts);
        const { product, config } = args;
        const ctx = { environment: config.environment, routing: config.routing };
        const monitors = product.monitors.map((spec) => {
            const model = buildMonitor(product, spec, ctx);
            return [spec.id, new datadog.Monitor(childName(name, spec.id), monitorArgs(model), { parent: this })] as const;
        });
        this.monitorIds = pulumi.all(Object.fromEntries(monitors.map(([id, m]) => [id, m.id])));
        this.registerOutputs({ monitorIds: this.monitorIds });
    }
}
