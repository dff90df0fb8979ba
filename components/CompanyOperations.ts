import * as datadog from "@pulumi/datadog";
import * as pulumi from "@pulumi/pulumi";
import type { Product } from "../lib/inputs/catalog/schema";
import { incidentModel } from "../lib/datadog/incidents";
import type { MonitorBinding } from "../lib/datadog/monitors";
import type { Alert } from "../lib/model/alert";
import { childName } from "../lib/model/naming";
import { monitorArgs } from "./monitorArgs";

export interface CompanyOperationsArgs {
    products: ReadonlyArray<Product>;
    /** The stack model's organization-wide alerts (usage against the monitoring budget). */
    alerts: ReadonlyArray<Alert<MonitorBinding>>;
}

/**
 * Organization-wide operations resources, owned by the stack with `datadog.manageOrganizationResources`:
 * monitoring-cost monitors against the plan's budget shares (lib/datadog/usageBudget.ts) and, per product, a
 * Datadog incident type with its postmortem and notification templates (lib/datadog/incidents.ts).
 */
export class CompanyOperations extends pulumi.ComponentResource {
    /** Incident type ids by product key. */
    public readonly incidentTypeIds: Record<string, pulumi.Output<string>> = {};

    constructor(name: string, args: CompanyOperationsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("product-monitoring:monitoring:CompanyOperations", name, {}, opts);
        const parent = { parent: this };
        for (const alert of args.alerts) {
            new datadog.Monitor(childName(name, alert.id), monitorArgs(alert.binding.monitor), parent);
        }
        for (const product of args.products) {
            const m = incidentModel(product);
            const type = new datadog.IncidentType(
                childName(name, "incident-type", product.key),
                { name: m.typeName, description: m.typeDescription },
                parent,
            );
            this.incidentTypeIds[product.key] = type.id;
            new datadog.IncidentPostmortemTemplate(
                childName(name, "postmortem", product.key),
                {
                    name: m.postmortem.name,
                    content: m.postmortem.content,
                    location: m.postmortem.location,
                    incidentType: type.id,
                    isDefault: true,
                },
                parent,
            );
            for (const t of m.notifications) {
                new datadog.IncidentNotificationTemplate(
                    childName(name, "incident-template", product.key, t.id),
                    {
                        name: t.name,
                        category: t.category,
                        subject: t.subject,
                        content: t.content,
                        incidentType: type.id,
                    },
                    parent,
                );
            }
        }
        this.registerOutputs({ incidentTypeIds: this.incidentTypeIds });
    }
}
