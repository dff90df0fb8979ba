/**
 * A product's infra repo (here VIVR) wiring its app to the monitoring stack. It copies lib/contract.ts (or
 * depends on a published copy) for the types, and reads everything through one StackReference.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { CONTRACT_VERSION, type ProductOutputs, type StackOutputs } from "../../lib/tooling/contract";

const config = new pulumi.Config();
const productKey = config.get("product") ?? "vivr";
const org = config.get("org") ?? "bearifiedco";
// Same stack name as this repo's stack: staging reads staging, production reads production.
const monitoring = new pulumi.StackReference(`${org}/product-monitoring/${pulumi.getStack()}`);

const contractVersion = monitoring.requireOutput("contractVersion") as pulumi.Output<StackOutputs["contractVersion"]>;
const product = pulumi
    .all([contractVersion, monitoring.requireOutput("products") as pulumi.Output<StackOutputs["products"]>])
    .apply(([version, all]): ProductOutputs => {
        // Fail loudly on a breaking change of the contract rather than reading a renamed field as undefined.
        if (version !== CONTRACT_VERSION)
            throw new Error(`product-monitoring exports contract v${version}, this repo reads v${CONTRACT_VERSION}`);
        const p = all[productKey];
        if (!p) throw new Error(`product-monitoring has no product "${productKey}" in this stack`);
        return p;
    });

/** Environment for the app's containers: Datadog unified service tagging and where to send logs. */
export const appEnvironment = product.apply((p) => ({
    DD_ENV: p.datadog.env,
    DD_SERVICE: p.datadog.services.api,
    DD_TAGS: p.datadog.tags.join(","),
    LOG_GROUP: p.logs.groups.app.name,
}));

// A log group of the product's own (a worker), shipped to Datadog like the stack's groups: named under
// /<product>/<env>/, encrypted with the product's key, subscribed to its Firehose with its role.
const worker = new aws.cloudwatch.LogGroup("worker-logs", {
    name: product.apply((p) => `/${productKey}/${p.datadog.env}/worker`),
    retentionInDays: 30,
    kmsKeyId: product.apply((p) => p.logs.kmsKeyArn),
});
new aws.cloudwatch.LogSubscriptionFilter("worker-logs-to-datadog", {
    logGroup: worker.name,
    filterPattern: "",
    destinationArn: product.apply((p) => p.logs.firehoseArn),
    roleArn: product.apply((p) => p.logs.subscriptionRoleArn),
});

/** Secrets stay secrets on this side too. */
export const sentryDsnApi = pulumi.secret(product.apply((p) => p.sentry.dsns.api));
export const pagerdutyIntegrationKey = pulumi.secret(product.apply((p) => p.pagerduty.integrationKey));

export const onCallDashboard = product.apply((p) => p.datadog.dashboardUrls.oncall);
export const onCallDashboardId = product.apply((p) => p.datadog.dashboardIds.oncall);
export const availabilitySloId = product.apply((p) => p.datadog.sloIds.availability);
export const pagerdutyService = product.apply((p) => p.pagerduty.serviceUrl);
