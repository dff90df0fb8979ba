import * as datadog from "@pulumi/datadog";
import * as pulumi from "@pulumi/pulumi";
import type { Product } from "../lib/inputs/catalog/schema";
import type { PublicStackConfig } from "../lib/inputs/config";
import { engineeringDashboard, onCallDashboard } from "../lib/datadog/dashboards";
import { downtimes } from "../lib/datadog/maintenance";
import { buildMonitor, RUNBOOK_BASE_URL } from "../lib/datadog/monitors";
import { childName, datadogAppUrl } from "../lib/model/naming";
import { buildSlo, burnRateMonitorTemplates } from "../lib/datadog/slo";
import { monitorArgs } from "./monitorArgs";

export interface ProductMonitoringArgs {
    product: Product;
    config: PublicStackConfig;
}

/**
 * Datadog monitoring of one product: a monitor per plan threshold, SLOs with multi-window multi-burn-rate
 * alerts, the Engineering and On-Call dashboards, and the maintenance windows of the stack.
 */
export class ProductMonitoring extends pulumi.ComponentResource {
    /** Monitor ids by spec monitor id. */
    public readonly monitorIds: pulumi.Output<Record<string, string>>;
    /** SLO ids by spec SLO id. */
    public readonly sloIds: pulumi.Output<Record<string, string>>;
    /** Dashboard URLs by kind ("engineering", "oncall"). */
    public readonly dashboardUrls: pulumi.Output<Record<string, string>>;
    /** Dashboard ids by kind ("engineering", "oncall"). */
    public readonly dashboardIds: pulumi.Output<Record<string, string>>;

    constructor(name: string, args: ProductMonitoringArgs, opts?: pulumi.ComponentResourceOptions) {
        super("product-monitoring:monitoring:ProductMonitoring", name, {}, opts);
        const { product, config } = args;
        const env = config.environment;
        const ctx = { environment: env, routing: config.routing };
        const parent = { parent: this };

        const monitors = product.monitors.map((spec) =>
            [spec.id, new datadog.Monitor(childName(name, spec.id), monitorArgs(buildMonitor(product, spec, ctx)), parent)] as const);

        const slos = product.slos.map((spec) => {
            const model = buildSlo(product, spec, env);
            const slo = new datadog.ServiceLevelObjective(childName(name, "slo", spec.id), {
                name: model.name,
                description: model.description,
                type: "metric",
                query: { numerator: model.numerator, denominator: model.denominator },
                thresholds: model.thresholds,
                tags: model.tags,
            }, parent);
            for (const t of burnRateMonitorTemplates(product, spec, ctx)) {
                new datadog.Monitor(childName(name, t.model.id), { ...monitorArgs(t.model), query: slo.id.apply(t.queryFor) }, parent);
            }
            return [spec.id, slo] as const;
        });
        this.sloIds = pulumi.all(Object.fromEntries(slos.map(([id, s]) => [id, s.id])));

        const runbook = `${RUNBOOK_BASE_URL}/docs/runbooks/${product.key}.md`;
        const engineering = new datadog.DashboardJson(childName(name, "engineering-dashboard"), {
            dashboard: this.sloIds.apply((ids) => JSON.stringify(engineeringDashboard(product, env, ids))),
        }, parent);
        const oncall = new datadog.DashboardJson(childName(name, "oncall-dashboard"), {
            dashboard: this.sloIds.apply((ids) => JSON.stringify(onCallDashboard(product, env, ids, runbook))),
        }, parent);
        const app = datadogAppUrl(config.datadog.site);
        this.dashboardUrls = pulumi.all({ engineering: pulumi.interpolate`${app}${engineering.url}`, oncall: pulumi.interpolate`${app}${oncall.url}` });
        this.dashboardIds = pulumi.all({ engineering: engineering.id, oncall: oncall.id });

        for (const d of downtimes(product, env, config.maintenanceWindows)) {
            new datadog.DowntimeSchedule(childName(name, "downtime", d.id), {
                scope: d.scope,
                monitorIdentifier: { monitorTags: d.monitorTags },
                recurringSchedule: { timezone: d.timezone, recurrences: [{ rrule: d.rrule, start: d.start, duration: d.duration }] },
                message: d.message,
                muteFirstRecoveryNotification: true,
                notifyEndTypes: ["expired"],
                notifyEndStates: ["alert", "warn"],
            }, parent);
        }

        this.monitorIds = pulumi.all(Object.fromEntries(monitors.map(([id, m]) => [id, m.id])));
        this.registerOutputs({ monitorIds: this.monitorIds, sloIds: this.sloIds, dashboardUrls: this.dashboardUrls, dashboardIds: this.dashboardIds });
    }
}
