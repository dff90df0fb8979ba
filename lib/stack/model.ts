/**
 * The stack model, built once from the catalog and the stack config before any resource exists: every alert of
 * every enabled product (one list, `alerts`), and per product the typed slice each component maps to provider
 * resources. Validation (lib/stack/validate.ts), the alert catalog and runbooks, and the components all read this
 * one model; nothing is built twice.
 */
import type { Product } from "../inputs/catalog/schema";
import type { PublicStackConfig } from "../inputs/config";
import { CloudWatchAlarmBinding, shippingAlarmAlerts } from "../aws/alarms";
import { secondaryCheckAlerts } from "../aws/healthChecks";
import { downtimes, DowntimeModel } from "../datadog/maintenance";
import { securityAlerts } from "../datadog/logs";
import { alertContext, MonitorBinding, MonitorContext, specMonitorAlert } from "../datadog/monitors";
import { buildSlo, sloBurnRateAlerts, SloModel, syntheticSlos } from "../datadog/slo";
import { SyntheticBinding, syntheticAlerts } from "../datadog/synthetics";
import { usageBudgetAlerts } from "../datadog/usageBudget";
import { detectionRules, DetectionRuleModel } from "../datadog/governance";
import type { Alert } from "../model/alert";
import { SentryBinding, sentryAlerts, sentryModel, SentryModel } from "../sentry/model";

export type AlertBinding = MonitorBinding | SyntheticBinding | SentryBinding | CloudWatchAlarmBinding;
export type StackAlert = Alert<AlertBinding>;

/** Alerts whose binding is of one provider kind. */
export function alertsOf<P extends AlertBinding["provider"]>(
    alerts: ReadonlyArray<StackAlert>,
    provider: P,
): Array<Alert<Extract<AlertBinding, { provider: P }>>> {
    return alerts.filter((a): a is Alert<Extract<AlertBinding, { provider: P }>> => a.binding.provider === provider);
}

export interface ProductModel {
    product: Product;
    /** Every alert of the product, in a stable order: plan monitors, SLO burn rates, security, synthetics, Sentry, CloudWatch (log shipping, then secondary checks). */
    alerts: StackAlert[];
    /** Datadog: SLOs (the spec's, then one per synthetic test with a success target), downtimes and security detection rules (signals, not notifications). */
    slos: SloModel[];
    downtimes: DowntimeModel[];
    detectionRules: DetectionRuleModel[];
    sentry: SentryModel;
}

export interface StackModel {
    config: PublicStackConfig;
    products: ProductModel[];
    /** Every alert of the stack, product by product. */
    alerts: StackAlert[];
    /**
     * Organization-wide alerts (usage against the monitoring budget), owned by the stack with
     * `datadog.manageOrganizationResources`; validated with the product alerts, not simulated (not product alerts).
     */
    organizationAlerts: StackAlert[];
}

export function buildProductModel(product: Product, config: PublicStackConfig): ProductModel {
    const ctx: MonitorContext = alertContext(config);
    const sentry = sentryModel(product, config);
    const alerts: StackAlert[] = [
        ...product.monitors.map((m) => specMonitorAlert(product, m, ctx)),
        ...sloBurnRateAlerts(product, ctx),
        ...securityAlerts(product, ctx),
        ...syntheticAlerts(product, config),
        ...sentryAlerts(product, config, sentry),
        ...shippingAlarmAlerts(product, config),
        ...secondaryCheckAlerts(product, config),
    ];
    return {
        product,
        alerts,
        slos: [...product.slos.map((s) => buildSlo(product, s, config.environment)), ...syntheticSlos(product, config.environment)],
        downtimes: downtimes(product, config.environment, config.maintenanceWindows),
        detectionRules: detectionRules(product, ctx),
        sentry,
    };
}

export function buildStackModel(products: ReadonlyArray<Product>, config: PublicStackConfig): StackModel {
    const models = products.map((p) => buildProductModel(p, config));
    return {
        config,
        products: models,
        alerts: models.flatMap((m) => m.alerts),
        organizationAlerts: config.datadog.manageOrganizationResources ? usageBudgetAlerts(config) : [],
    };
}
