import * as datadog from "@pulumi/datadog";
import * as pagerduty from "@pulumi/pagerduty";
import * as pulumi from "@pulumi/pulumi";
import type { Product } from "../lib/catalog/schema";
import type { PublicStackConfig } from "../lib/config";
import { childName, pagerdutyServiceName } from "../lib/naming";

export interface EscalationPolicyArgs {
    product: Product;
    config: PublicStackConfig;
}

/** PagerDuty team, schedules, escalation policy and service of one product, registered in Datadog. */
export class EscalationPolicy extends pulumi.ComponentResource {
    public readonly serviceId: pulumi.Output<string>;
    public readonly serviceName: string;
    public readonly integrationKey: pulumi.Output<string>;

    constructor(name: string, args: EscalationPolicyArgs, opts?: pulumi.ComponentResourceOptions) {
        super("product-monitoring:monitoring:EscalationPolicy", name, {}, opts);
        const { product, config } = args;
        this.serviceName = pagerdutyServiceName(product.key, config.environment);
        const team = new pagerduty.Team(childName(name, "team"), { name: product.team.name }, { parent: this });
        const policy = new pagerduty.EscalationPolicy(childName(name, "policy"), {
            name: `${product.displayName} (${config.environment})`,
            teams: team.id,
            numLoops: product.escalation.loops,
            rules: [{ escalationDelayInMinutes: 10, targets: [{ type: "user_reference", id: "PLACEHOLDER" }] }],
        }, { parent: this });
        const service = new pagerduty.Service(childName(name, "service"), {
            name: this.serviceName,
            escalationPolicy: policy.id,
        }, { parent: this });
        const integration = new pagerduty.ServiceIntegration(childName(name, "events-v2"), {
            service: service.id,
            type: "events_api_v2_inbound_integration",
        }, { parent: this });
        this.serviceId = service.id;
        this.integrationKey = pulumi.secret(integration.integrationKey);
        new datadog.pagerduty.ServiceObject(childName(name, "datadog-service"), {
            serviceName: this.serviceName,
            serviceKey: this.integrationKey,
        }, { parent: this });
        this.registerOutputs({ serviceId: this.serviceId, integrationKey: this.integrationKey });
    }
}
