import * as datadog from "@pulumi/datadog";
import * as pulumi from "@pulumi/pulumi";
import type { Product } from "../lib/inputs/catalog/schema";
import { DashboardAlert, engineeringDashboard, onCallDashboard } from "../lib/datadog/dashboards";
import type { DowntimeModel } from "../lib/datadog/maintenance";
import { MonitorBinding, RUNBOOK_BASE_URL, withPartIds } from "../lib/datadog/monitors";
import { SloModel, withSloId } from "../lib/datadog/slo";
import type { Alert } from "../lib/model/alert";
import { childName, datadogAppUrl } from "../lib/model/naming";
import { monitorArgs } from "./monitorArgs";
import { historyOrConsumers } from "./protection";

export interface ProductMonitoringArgs {
    product: Product;
    environment: string;
    /** Datadog site, for dashboard URLs (`datadog.site`). */
    datadogSite: string;
    /** The product's plan-threshold and SLO burn-rate alerts (lib/stack/model.ts). */
    monitors: ReadonlyArray<Alert<MonitorBinding>>;
    slos: ReadonlyArray<SloModel>;
    downtimes: ReadonlyArray<DowntimeModel>;
    /** Every alert of the product, for the on-call dashboard's runbook links. */
    alerts: ReadonlyArray<DashboardAlert>;
    /** Roles that may edit the product's monitors (000 §Access Control); absent: any monitor writer may. */
    restrictedRoles?: pulumi.Input<string[]>;
    /** Monitor id of each synthetic test by spec test id (SyntheticSuite), for the tests' uptime SLOs. */
    syntheticMonitorIds: pulumi.Input<Record<string, number>>;
}

/** The one monitor of a synthetic test, as a monitor-based SLO lists it. */
function syntheticMonitor(ids: pulumi.Input<Record<string, number>>, testId: string): pulumi.Output<number[]> {
    return pulumi.output(ids).apply((all) => {
        if (all[testId] === undefined) throw new Error(`no synthetic test "${testId}" for its SLO (tests: ${Object.keys(all).join(", ")})`);
        return [all[testId]];
    });
}

/**
 * Datadog monitoring of one product: a monitor per plan threshold, SLOs with multi-window multi-burn-rate
 * alerts, an uptime SLO per synthetic test with a success target, the Engineering and On-Call dashboards, and the maintenance windows of the stack.
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
        const { product, environment: env } = args;
        const parent = { parent: this };

        const sloResources = new Map(
            args.slos.map((model) => [
                model.id,
                new datadog.ServiceLevelObjective(
                    childName(name, "slo", model.id),
                    {
                        name: model.name,
                        description: model.description,
                        ...(model.type === "metric"
                            ? { type: "metric", query: { numerator: model.numerator, denominator: model.denominator } }
                            : { type: "monitor", monitorIds: syntheticMonitor(args.syntheticMonitorIds, model.syntheticId) }),
                        thresholds: model.thresholds,
                        tags: model.tags,
                    },
                    { ...parent, ...historyOrConsumers },
                ),
            ]),
        ); // a recreated SLO starts without its history
        this.sloIds = pulumi.all(Object.fromEntries([...sloResources].map(([id, s]) => [id, s.id])));

        const monitors = args.monitors.map(({ id, kind, binding: { monitor, sloId, parts = [], formerIds = [] } }) => {
            const slo = sloId === undefined ? undefined : sloResources.get(sloId);
            const inputs: datadog.MonitorArgs = {
                ...monitorArgs(monitor),
                restrictedRoles: args.restrictedRoles,
            };
            if (slo) inputs.query = slo.id.apply((ddId) => withSloId(monitor, sloId!, ddId).query);
            // A composite's parts exist first; their Datadog ids go into its query.
            const partIds = parts.map(
                (p) =>
                    [
                        p.id,
                        new datadog.Monitor(childName(name, p.id), { ...monitorArgs(p), restrictedRoles: args.restrictedRoles }, parent).id,
                    ] as const,
            );
            if (partIds.length > 0) inputs.query = pulumi.all(Object.fromEntries(partIds)).apply((ids) => withPartIds(monitor, ids).query);
            // A renamed monitor keeps its identity (docs/urns.md).
            const aliases = formerIds.map((former) => ({ name: childName(name, former) }));
            return {
                id,
                kind,
                resource: new datadog.Monitor(childName(name, id), inputs, aliases.length ? { ...parent, aliases } : parent),
            };
        });

        const runbook = `${RUNBOOK_BASE_URL}/docs/runbooks/${product.key}.md`;
        const engineering = new datadog.DashboardJson(
            childName(name, "engineering-dashboard"),
            {
                dashboard: this.sloIds.apply((ids) => JSON.stringify(engineeringDashboard(product, env, ids))),
            },
            parent,
        );
        const oncall = new datadog.DashboardJson(
            childName(name, "oncall-dashboard"),
            {
                dashboard: this.sloIds.apply((ids) => JSON.stringify(onCallDashboard(product, env, ids, runbook, args.alerts))),
            },
            parent,
        );
        const app = datadogAppUrl(args.datadogSite);
        this.dashboardUrls = pulumi.all({
            engineering: pulumi.interpolate`${app}${engineering.url}`,
            oncall: pulumi.interpolate`${app}${oncall.url}`,
        });
        this.dashboardIds = pulumi.all({ engineering: engineering.id, oncall: oncall.id });

        for (const d of args.downtimes) {
            new datadog.DowntimeSchedule(
                childName(name, "downtime", d.id),
                {
                    scope: d.scope,
                    monitorIdentifier: { monitorTags: d.monitorTags },
                    recurringSchedule: { timezone: d.timezone, recurrences: [{ rrule: d.rrule, start: d.start, duration: d.duration }] },
                    message: d.message,
                    muteFirstRecoveryNotification: true,
                    notifyEndTypes: ["expired"],
                    notifyEndStates: ["alert", "warn"],
                },
                parent,
            );
        }

        // The contract's monitor ids are the plan thresholds' (burn-rate monitors are reached through their SLO).
        this.monitorIds = pulumi.all(Object.fromEntries(monitors.filter((m) => m.kind === "monitor").map((m) => [m.id, m.resource.id])));
        this.registerOutputs({
            monitorIds: this.monitorIds,
            sloIds: this.sloIds,
            dashboardUrls: this.dashboardUrls,
            dashboardIds: this.dashboardIds,
        });
    }
}
