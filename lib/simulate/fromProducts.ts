/**
 * The stack's alerts as the simulator reads them, built from the same producers the components use (monitors,
 * SLO burn-rate and security monitors, synthetic tests, detection rules, Sentry alerts). Stands in for
 * `buildStackModel(products, config).alerts` (lib/stack/model.ts) until that lands; then `simulateStack` takes
 * the model directly and this file goes. CloudWatch alarms have no pure model yet (components/LogPipeline.ts
 * builds them inline), so they are simulated only through the stack model.
 */
import type { Product, Severity } from "../inputs/catalog/schema";
import type { PublicStackConfig } from "../inputs/config";
import { detectionRules, RULE_STATUS } from "../datadog/governance";
import { buildSyntheticTests } from "../datadog/synthetics";
import { route } from "../model/routing";
import { severityPolicy } from "../model/severity";
import { stackMonitors } from "../model/stackValidation";
import { sentryModel } from "../sentry/model";
import type { SimAlert, SimRoute } from "./types";

function simRoute(severity: Severity, product: Product, config: PublicStackConfig): SimRoute {
    const r = route(severity, config.environment, config.routing, product) as ReturnType<typeof route> & { pager?: { service: string }; pagerdutyService?: string };
    const service = r.pager?.service ?? r.pagerdutyService;
    return { ...(service ? { pager: { service } } : {}), slackChannels: r.slackChannels, emails: r.emails };
}

const SEVERITY_BY_PRIORITY = Object.fromEntries((["P0", "P1", "P2", "P3"] as const).map((s) => [severityPolicy(s).priority, s])) as Record<string, Severity>;

export function stackAlerts(products: ReadonlyArray<Product>, config: PublicStackConfig): SimAlert[] {
    const ctx = { environment: config.environment, routing: config.routing };
    const monitors = stackMonitors(products, ctx);
    return products.flatMap((p): SimAlert[] => {
        const own = monitors.filter((m) => m.product === p.key).map(({ model }): SimAlert => {
            const severity = SEVERITY_BY_PRIORITY[model.priority];
            const category = model.tags.find((t) => t.startsWith("category:"))?.slice("category:".length);
            const sloId = model.type === "slo alert" ? p.slos.find((s) => model.id.startsWith(`slo-${s.id}-`) && /-(page|ticket)-(fast|slow)$/.test(model.id.slice(`slo-${s.id}`.length)))?.id : undefined;
            return {
                product: p.key, id: model.id, kind: model.type === "slo alert" ? "slo-burn-rate" : category === "security" ? "security" : "monitor",
                name: model.name, severity, category, route: simRoute(severity, p, config), renotifyMinutes: model.renotifyIntervalMinutes,
                binding: { provider: "datadog-monitor", monitor: model, ...(sloId ? { sloId, sloTarget: p.slos.find((s) => s.id === sloId)!.target } : {}) },
            };
        });
        const synthetics = buildSyntheticTests(p, config).map((t): SimAlert => {
            const spec = p.synthetics.find((s) => s.id === t.id)!;
            return {
                product: p.key, id: `synthetic-${t.id}`, kind: "synthetic", name: t.name, severity: spec.severity, category: "availability",
                route: simRoute(spec.severity, p, config), renotifyMinutes: t.renotifyMinutes, binding: { provider: "datadog-synthetic", test: t },
            };
        });
        const rules = detectionRules(p, ctx).map((r): SimAlert => {
            const severity = (Object.entries(RULE_STATUS).find(([, s]) => s === r.status)?.[0] ?? "P2") as Severity;
            return {
                product: p.key, id: `detection-${r.id}`, kind: "detection-rule", name: r.name, severity, category: "security",
                route: simRoute(severity, p, config), binding: { provider: "datadog-detection-rule", rule: r },
            };
        });
        const sentry = sentryModel(p, config).projects.flatMap((proj) => [
            ...proj.issueAlerts.map((a): SimAlert => ({
                product: p.key, id: `sentry-${proj.surface}-${a.id}`, kind: "sentry-issue", name: a.title, severity: a.severity, category: "errors",
                route: simRoute(a.severity, p, config), binding: { provider: "sentry-issue", projectSlug: proj.slug, alert: a },
            })),
            ...proj.metricAlerts.map((a): SimAlert => ({
                product: p.key, id: `sentry-${proj.surface}-${a.id}`, kind: "sentry-metric", name: a.title, severity: a.severity, category: "errors",
                route: simRoute(a.severity, p, config), binding: { provider: "sentry-metric", projectSlug: proj.slug, alert: a },
            })),
        ]);
        return [...own, ...synthetics, ...rules, ...sentry];
    });
}
