/**
 * Cross-tool validation of the whole stack before anything is deployed: the alerts every area will send,
 * checked against what the stack creates (PagerDuty services registered in Datadog, configured Slack channels).
 */
import type { Product } from "./catalog/schema";
import type { PublicStackConfig } from "./config";
import type { Problem } from "./errors";
import type { AlertRef } from "./alerts";
import { buildMonitor } from "./monitors";

export type AlertProducer = (product: Product, config: PublicStackConfig) => AlertRef[];

/** Spec monitors (ProductMonitoring). */
const specMonitorAlerts: AlertProducer = (product, config) =>
    product.monitors.map((m) => ({
        product: product.key,
        name: `monitor ${m.id}`,
        message: buildMonitor(product, m, { environment: config.environment, routing: config.routing }).message,
    }));

/** Every producer of alerts in the stack; each area adds its own here. */
export const ALERT_PRODUCERS: AlertProducer[] = [specMonitorAlerts];

export function collectAlerts(products: ReadonlyArray<Product>, config: PublicStackConfig): AlertRef[] {
    return products.flatMap((p) => ALERT_PRODUCERS.flatMap((produce) => produce(p, config)));
}

/** Problems of the stack as a whole; empty when it may be deployed. */
export function validateStack(products: ReadonlyArray<Product>, config: PublicStackConfig): Problem[] {
    const alerts = collectAlerts(products, config);
    const problems: Problem[] = [];
    for (const a of alerts) {
        if (!/@[A-Za-z0-9]/.test(a.message)) problems.push({ source: `products/${a.product}.ts`, field: a.name, message: "the alert has no notification handle" });
    }
    return problems;
}
