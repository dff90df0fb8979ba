import * as datadog from "@pulumi/datadog";
import * as pulumi from "@pulumi/pulumi";
import type { Product } from "../lib/catalog/schema";
import type { PublicStackConfig } from "../lib/config";
import { buildMonitor, MonitorModel } from "../lib/monitors";
import { childName } from "../lib/naming";

export interface ProductMonitoringArgs {
    product: Product;
    config: PublicStackConfig;
}

/** Maps a monitor model onto `datadog.Monitor` inputs (shared with every component that creates monitors). */
export function monitorArgs(m: MonitorModel): datadog.MonitorArgs {
    return {
        name: m.name,
        type: m.type,
        query: m.query,
        message: m.message,
        priority: m.priority,
        tags: m.tags,
        monitorThresholds: m.thresholds,
        monitorThresholdWindows: m.thresholdWindows,
        notifyNoData: m.notifyNoData,
        noDataTimeframe: m.noDataTimeframeMinutes,
        renotifyInterval: m.renotifyIntervalMinutes,
        renotifyStatuses: m.renotifyStatuses,
        evaluationDelay: m.evaluationDelaySeconds,
        newGroupDelay: m.newGroupDelaySeconds,
        requireFullWindow: m.requireFullWindow,
        includeTags: m.includeTags,
        onMissingData: m.onMissingData,
    };
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
