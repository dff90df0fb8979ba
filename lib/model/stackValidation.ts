/**
 * Cross-tool validation of the whole stack before anything is deployed: the alerts every area will send,
 * checked against what the stack creates (PagerDuty services registered in Datadog, configured Slack channels).
 */
import type { Product } from "../inputs/catalog/schema";
import { ENVIRONMENTS, PublicStackConfig } from "../inputs/config";
import type { Problem } from "../inputs/errors";
import type { AlertRef } from "./alerts";
import { escalationModel } from "../pagerduty/escalation";
import { detectionRuleAlerts, governanceProblems } from "../datadog/governance";
import { securityMonitors } from "../datadog/logs";
import { sentryAlerts } from "../sentry/model";
import { buildMonitor, MonitorContext, MonitorModel } from "../datadog/monitors";
import { pagerdutyServiceNames } from "../pagerduty/service";
import { parseHandles } from "./routing";
import { validateMonitor } from "../datadog/queryValidator";
import { sloBurnRateMonitors, sloProblems } from "../datadog/slo";
import { syntheticAlerts } from "../datadog/synthetics";

export type AlertProducer = (product: Product, config: PublicStackConfig) => AlertRef[];
export type MonitorProducer = (product: Product, ctx: MonitorContext) => MonitorModel[];

/** Every Datadog monitor the stack creates, by the component that creates it. */
export const MONITOR_PRODUCERS: MonitorProducer[] = [
    (product, ctx) => product.monitors.map((m) => buildMonitor(product, m, ctx)),
    sloBurnRateMonitors,
    securityMonitors,
];

export interface ProductMonitor {
    product: string;
    model: MonitorModel;
}

/** Every monitor model of the stack, built once and shared by the checks below. */
export function stackMonitors(products: ReadonlyArray<Product>, ctx: MonitorContext): ProductMonitor[] {
    return products.flatMap((p) => MONITOR_PRODUCERS.flatMap((produce) => produce(p, ctx)).map((model) => ({ product: p.key, model })));
}

/** Producers of the alerts that are not Datadog monitors; each area adds its own here. */
export const ALERT_PRODUCERS: AlertProducer[] = [syntheticAlerts, sentryAlerts, detectionRuleAlerts];

/** Every alert of the stack, product by product: its monitors' messages, then the other producers' alerts. */
export function collectAlerts(products: ReadonlyArray<Product>, config: PublicStackConfig, monitors: ReadonlyArray<ProductMonitor>): AlertRef[] {
    return products.flatMap((p) => [
        ...monitors.filter((m) => m.product === p.key).map(({ model }) => ({ product: p.key, name: `monitor ${model.id}`, message: model.message })),
        ...ALERT_PRODUCERS.flatMap((produce) => produce(p, config)),
    ]);
}

/** Every monitor query must parse as the Datadog form of its type, and its thresholds must agree with it. */
export function queryProblems(monitors: ReadonlyArray<ProductMonitor>): Problem[] {
    return monitors.flatMap(({ product, model }) => validateMonitor(model)
        .map((e) => ({ source: `products/${product}.ts`, field: `monitor ${model.id}: query`, message: e })));
}

const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/;

export interface RoutingTargets {
    /** Names of the Datadog PagerDuty service objects the stack creates. */
    serviceObjects: ReadonlySet<string>;
    slackChannels: ReadonlySet<string>;
    paging: boolean;
}

/** Every handle of every alert must resolve to something the stack creates or configures. */
export function alertRoutingProblems(alerts: ReadonlyArray<AlertRef>, targets: RoutingTargets): Problem[] {
    const problems: Problem[] = [];
    for (const a of alerts) {
        const source = `products/${a.product}.ts`;
        const found = parseHandles(a.message);
        if (found.length === 0) problems.push({ source, field: a.name, message: "the alert has no notification handle" });
        for (const h of found) {
            if (h.kind === "pagerduty" && !targets.paging) {
                problems.push({ source, field: a.name, message: `${h.raw} pages, but paging is off in this stack (routing.paging: false)` });
            } else if (h.kind === "pagerduty" && !targets.serviceObjects.has(h.target)) {
                problems.push({ source, field: a.name, message: `${h.raw} has no Datadog PagerDuty service object named "${h.target}" in this stack` });
            }
            if (h.kind === "slack" && !targets.slackChannels.has(h.target)) {
                problems.push({ source, field: a.name, message: `${h.raw} is not a configured Slack channel (routing.slack.channels)` });
            }
            if (h.kind === "email" && !EMAIL.test(h.target)) {
                problems.push({ source, field: a.name, message: `${h.raw} is not a valid email address` });
            }
        }
    }
    return problems;
}

/** Problems of the stack as a whole; empty when it may be deployed. */
export function validateStack(products: ReadonlyArray<Product>, config: PublicStackConfig): Problem[] {
    const ctx = { environment: config.environment, routing: config.routing };
    const monitors = stackMonitors(products, ctx);
    const problems = queryProblems(monitors);
    problems.push(...products.flatMap((p) => sloProblems(p, config.environment)));
    problems.push(...governanceProblems(products, [...ENVIRONMENTS], monitors));
    problems.push(...alertRoutingProblems(collectAlerts(products, config, monitors), {
        serviceObjects: new Set(pagerdutyServiceNames(products.map((p) => p.key), config.environment)),
        slackChannels: new Set(config.routing.slack.channels),
        paging: config.routing.paging,
    }));
    for (const p of products) {
        const rotation = config.oncall.teams[p.team.handle];
        if (!rotation) continue; // reported by the config/catalog check
        const { responders } = escalationModel(p, config.oncall);
        if (responders.length < 2) {
            problems.push({ source: `products/${p.key}.ts`, field: "escalation", message: `the escalation policy reaches ${responders.length} responder(s); at least two distinct people are needed` });
        }
    }
    return problems;
}
