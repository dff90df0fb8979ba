/**
 * A product's infra repo (here VIVR) wiring its app to the monitoring stack. It copies lib/contract.ts (or
 * depends on a published copy) for the types, and reads everything through one StackReference.
 */
import * as pulumi from "@pulumi/pulumi";
import type { ProductOutputs, StackOutputs } from "../../lib/contract";

const config = new pulumi.Config();
const productKey = config.get("product") ?? "vivr";
const org = config.get("org") ?? "bearifiedco";
// Same stack name as this repo's stack: staging reads staging, production reads production.
const monitoring = new pulumi.StackReference(`${org}/product-monitoring/${pulumi.getStack()}`);

const contractVersion = monitoring.requireOutput("contractVersion") as pulumi.Output<StackOutputs["contractVersion"]>;
const product = (monitoring.requireOutput("products") as pulumi.Output<StackOutputs["products"]>)
    .apply((all): ProductOutputs => {
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

/** Secrets stay secrets on this side too. */
export const sentryDsnApi = pulumi.secret(product.apply((p) => (typeof p.sentry.dsns === "string" ? p.sentry.dsns : p.sentry.dsns.api)));
export const pagerdutyIntegrationKey = pulumi.secret(product.apply((p) => p.pagerduty.integrationKey));

export const onCallDashboard = product.apply((p) => p.datadog.dashboardUrls.oncall);
export const pagerdutyService = product.apply((p) => p.pagerduty.serviceUrl);
export const checkedContractVersion = contractVersion;
