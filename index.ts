/**
 * The Pulumi program: one stack per environment turns every enabled product's monitoring plan into
 * Datadog, PagerDuty, AWS CloudWatch and Sentry resources.
 */
import * as pulumi from "@pulumi/pulumi";
import { AccessControl } from "./components/AccessControl";
import { CompanyDashboards } from "./components/CompanyDashboards";
import { CompanyOperations } from "./components/CompanyOperations";
import { CompanyGovernance } from "./components/CompanyGovernance";
import { EscalationPolicy } from "./components/EscalationPolicy";
import { LogPipeline, logIndexOrder } from "./components/LogPipeline";
import { ProductGovernance } from "./components/ProductGovernance";
import { PlanDashboards } from "./components/PlanDashboards";
import { ProductMonitoring } from "./components/ProductMonitoring";
import { SecondaryMonitoring } from "./components/SecondaryMonitoring";
import { failOnProblems, loadStack } from "./components/stack";
import { SentryProjects } from "./components/SentryProjects";
import { SyntheticSuite } from "./components/SyntheticSuite";
import { syntheticSpecProblems } from "./lib/datadog/synthetics";
import { planDashboardKinds } from "./lib/datadog/planDashboards";
import { PLATFORM, usageBudgetProblems } from "./lib/datadog/usageBudget";
import { alertsOf, buildStackModel } from "./lib/stack/model";
import { validateStack } from "./lib/stack/validate";
import { budgetProblems, costReport, costsByTest } from "./lib/tooling/syntheticsCost";
import { CONTRACT_VERSION, ProductOutputs } from "./lib/tooling/contract";
import { catalog } from "./products";
import type { Lifted } from "./components/contract";

const stack = loadStack(catalog);
const { config } = stack;
const syntheticsCost = costReport(stack.products, config);
// The whole stack is built once and validated before the first resource is registered: nothing is deployed half-valid.
const model = buildStackModel(stack.products, config);
failOnProblems([
    ...validateStack(model),
    ...syntheticSpecProblems(stack.products),
    ...budgetProblems(syntheticsCost, config.synthetics.monthlyBudgetUsd, stack.configFile),
    ...(config.datadog.manageOrganizationResources ? usageBudgetProblems(config, stack.configFile) : []),
]);

// Roles are organization-wide: the org-managing stack owns them and restricts its monitors to them.
const access = config.datadog.manageOrganizationResources ? new AccessControl("company", { products: stack.products }) : undefined;

const deployed = model.products.map(({ product, alerts, slos, downtimes, detectionRules, sentry: sentryModel }) => {
    const args = { product, config };
    const escalation = new EscalationPolicy(product.key, { product, environment: config.environment, oncall: config.oncall });
    const synthetics = new SyntheticSuite(
        product.key,
        {
            product,
            environment: config.environment,
            tests: alertsOf(alerts, "datadog-synthetic").map((a) => a.binding.test),
            testPassword: stack.secrets.syntheticsPassword,
        },
        { dependsOn: [escalation] },
    );
    const monitoring = new ProductMonitoring(
        product.key,
        {
            product,
            environment: config.environment,
            datadogSite: config.datadog.site,
            monitors: alertsOf(alerts, "datadog-monitor").filter((a) => a.kind !== "security"),
            slos,
            downtimes,
            alerts,
            restrictedRoles: access?.rolesFor(product),
            syntheticMonitorIds: synthetics.monitorIds,
        },
        { dependsOn: [escalation] },
    );
    const logs = new LogPipeline(product.key, {
        ...args,
        datadogApiKey: stack.secrets.datadogApiKey,
        securityAlerts: alertsOf(alerts, "datadog-monitor").filter((a) => a.kind === "security"),
        shippingAlarms: alertsOf(alerts, "cloudwatch-alarm").filter((a) => !a.binding.healthCheck),
    });
    const secondaryAlarms = alertsOf(alerts, "cloudwatch-alarm").filter((a) => a.binding.healthCheck);
    if (secondaryAlarms.length > 0)
        new SecondaryMonitoring(product.key, {
            product,
            environment: config.environment,
            alarms: secondaryAlarms,
            kmsKeyArn: logs.kmsKeyArn,
            pagerdutyServiceId: escalation.serviceId,
            pagerdutyServiceName: escalation.serviceName,
        });
    const sentry = new SentryProjects(product.key, { product, environment: config.environment, sentry: config.sentry, model: sentryModel });
    const governance = new ProductGovernance(product.key, {
        product,
        datadogSite: config.datadog.site,
        manageOrganizationResources: config.datadog.manageOrganizationResources,
        detectionRules,
        pagerdutyServiceUrl: escalation.serviceUrl,
        dashboardUrls: monitoring.dashboardUrls,
        sloIds: monitoring.sloIds,
    });
    return { product, escalation, monitoring, logs, synthetics, sentry, governance };
});

if (config.datadog.manageOrganizationResources) {
    const governance = new CompanyGovernance("company", {
        products: stack.products,
        pagerdutyUrls: pulumi.all(Object.fromEntries(deployed.map(({ product, escalation }) => [product.key, escalation.serviceUrl]))),
    });
    logIndexOrder(
        "company",
        { products: stack.products, logs: config.logs, indexes: deployed.map(({ logs }) => logs.index) },
        { parent: governance },
    );
}

if (config.datadog.manageOrganizationResources)
    new CompanyOperations(PLATFORM.key, { products: stack.products, alerts: alertsOf(model.organizationAlerts, "datadog-monitor") });
// Only products whose own plan names further dashboards (001, 003, 004) get them.
for (const product of stack.products.filter((p) => planDashboardKinds(p).length))
    new PlanDashboards(product.key, { product, environment: config.environment });

const company = new CompanyDashboards("company", {
    products: stack.products,
    environment: config.environment,
    datadogSite: config.datadog.site,
    syntheticsCostByProduct: syntheticsCost.byProduct,
    sloIds: pulumi.all(Object.fromEntries(deployed.map(({ product, monitoring }) => [product.key, monitoring.sloIds]))),
});

/** What product repos read through `new pulumi.StackReference(...)`; see docs/stack-references.md. */
export const products = Object.fromEntries(
    deployed.map(({ product, escalation, monitoring, logs, synthetics, sentry }) => {
        const outputs: Lifted<ProductOutputs> = {
            displayName: product.displayName,
            team: product.team.handle,
            pagerduty: {
                serviceId: escalation.serviceId,
                serviceName: escalation.serviceName,
                serviceUrl: escalation.serviceUrl,
                escalationPolicyId: escalation.escalationPolicyId,
                integrationKey: escalation.integrationKey,
            },
            slack: { team: product.team.slackChannel, critical: config.routing.slack.critical, warning: config.routing.slack.warning },
            // One secret per surface, so consumers (and the plan) see which surfaces have a DSN.
            sentry: {
                dsns: Object.fromEntries(Object.keys(sentry.projectSlugs).map((s) => [s, pulumi.secret(sentry.dsns.apply((d) => d[s]))])),
                projects: sentry.projectSlugs,
            },
            logs: {
                groups: logs.groups,
                firehoseArn: logs.firehoseArn,
                subscriptionRoleArn: logs.subscriptionRoleArn,
                kmsKeyArn: logs.kmsKeyArn,
                archiveBucket: logs.archiveBucket,
                datadogIndex: logs.indexName,
            },
            datadog: {
                env: config.environment,
                services: Object.fromEntries(product.surfaces.map((s) => [s.name, s.service])),
                tags: [`env:${config.environment}`, `team:${product.team.handle}`, `product:${product.key}`],
                monitorIds: monitoring.monitorIds,
                sloIds: monitoring.sloIds,
                dashboardIds: monitoring.dashboardIds,
                dashboardUrls: monitoring.dashboardUrls,
                syntheticTestIds: synthetics.testPublicIds,
            },
        };
        return [product.key, outputs];
    }),
);

export const contractVersion = CONTRACT_VERSION;

/** Estimated monthly cost of the synthetic tests (USD), per product and total; `npm run plan` prints it. */
export const syntheticsMonthlyCost = {
    byProduct: syntheticsCost.byProduct,
    totalUsd: syntheticsCost.totalUsd,
    budgetUsd: config.synthetics.monthlyBudgetUsd,
    tests: costsByTest(syntheticsCost),
};

export const companyDashboardUrls = company.dashboardUrls;
export const environment = config.environment;
export const stackName = pulumi.getStack();
