/**
 * SLOs and their multi-window, multi-burn-rate alerts (pure). Page when the budget burns fast (14.4× over
 * 1 h confirmed over 5 min; 6× over 6 h / 30 min), ticket when it burns slowly (3× over 1 d / 2 h; 1× over
 * 2 d / 4 h).
 *
 * The workbook's slowest pair is 1× over 3 d / 6 h, but Datadog burn-rate alerts take a long window of 1 h to 48 h
 * (docs: Service Level Objectives / Burn Rate Alerts, "1 hour <= long window <= 48 hours"). 1× over 2 d / 4 h keeps
 * the pair's meaning (on pace to spend exactly the budget) and its 1:12 short-to-long ratio within that limit; it
 * fires once ~6.7% instead of 10% of a 30-day budget is spent, i.e. slightly earlier. lib/queryValidator.ts
 * enforces the window limits, `sloProblems` the highest burn rate a target allows.
 */
import type { Product, Severity, SloSpec } from "../inputs/catalog/schema";
import { budgetConsumed, hoursToExhaustion, maxBurnRate } from "../model/burnRate";
import type { Problem } from "../inputs/errors";
import { checkMetricExpression } from "./queryValidator";
import { durationSeconds } from "../model/duration";
import { alertMessage } from "../model/messages";
import { MonitorContext, MonitorModel, RUNBOOK_BASE_URL, severityNotification, standardTags, surfaceOf } from "./monitors";
import { monitorTitle, runbookPath } from "../model/naming";
import { burnRateQuery, formatNumber, metricExpr } from "./query";
import { routeHandles } from "../model/routing";

type Slo = Product["slos"][number];

export interface BurnRateAlert {
    id: "page-fast" | "page-slow" | "ticket-fast" | "ticket-slow";
    longWindow: string;
    shortWindow: string;
    burnRate: number;
    severity: Severity;
}

export const BURN_RATE_ALERTS: readonly BurnRateAlert[] = [
    { id: "page-fast", longWindow: "1h", shortWindow: "5m", burnRate: 14.4, severity: "P0" },
    { id: "page-slow", longWindow: "6h", shortWindow: "30m", burnRate: 6, severity: "P0" },
    { id: "ticket-fast", longWindow: "1d", shortWindow: "2h", burnRate: 3, severity: "P2" },
    { id: "ticket-slow", longWindow: "2d", shortWindow: "4h", burnRate: 1, severity: "P2" },
];

export interface SloModel {
    id: string;
    name: string;
    description: string;
    numerator: string;
    denominator: string;
    thresholds: Array<{ timeframe: string; target: number; warning: number }>;
    tags: string[];
    /** The timeframe burn-rate alerts are computed on (the spec's first). */
    primaryTimeframe: string;
}

/** Warn when half of the remaining budget headroom is gone: 99.9 → warning 99.95. */
export function sloWarning(target: number): number {
    return Number((target + (100 - target) / 2).toFixed(4));
}

export function buildSlo(product: Product, slo: Slo, environment: string): SloModel {
    const surface = surfaceOf(product, slo.surface);
    const scope = { env: environment, service: surface.service };
    return {
        id: slo.id,
        name: monitorTitle(product.displayName, slo.title, environment),
        description: `${slo.kind} SLO, target ${slo.target}% (${slo.source})`,
        numerator: metricExpr(slo.good, scope),
        denominator: metricExpr(slo.total, scope),
        thresholds: slo.timeframes.map((timeframe) => ({ timeframe, target: slo.target, warning: sloWarning(slo.target) })),
        tags: [...standardTags(product, surface, environment), `slo-kind:${slo.kind}`],
        primaryTimeframe: slo.timeframes[0],
    };
}

/** What the on-call does first on a burn-rate alert; also the runbook's steps (lib/alertCatalog.ts). */
export function burnRateFirstSteps(severity: Severity): string[] {
    return [
        "Open the SLO and find when the bad events started",
        "Check the product's error-rate and latency monitors and recent deploys for the same period",
        severity === "P0" ? "Mitigate now (roll back, fail over, shed load); the budget runs out within days" : "Open a ticket; plan the fix before the budget runs out",
    ];
}

export interface BurnRateMonitorTemplate {
    model: MonitorModel;
    /** The query once the SLO exists and has its Datadog id. */
    queryFor(sloId: string): string;
}

/** The burn-rate monitors of one SLO; their queries need the SLO's Datadog id, known only after it is created. */
export function burnRateMonitorTemplates(product: Product, slo: Slo, ctx: MonitorContext): BurnRateMonitorTemplate[] {
    const surface = surfaceOf(product, slo.surface);
    const timeframe = slo.timeframes[0];
    const days = durationSeconds(timeframe) / 86400;
    return BURN_RATE_ALERTS.map((a) => {
        const consumed = budgetConsumed(a.burnRate, durationSeconds(a.longWindow) / 3600, days);
        const id = `slo-${slo.id}-${a.id}`;
        const queryFor = (sloId: string) => burnRateQuery(sloId, timeframe, a.longWindow, a.shortWindow, a.burnRate);
        const model: MonitorModel = {
            id,
            name: monitorTitle(product.displayName, `${slo.title}: error budget burning ${formatNumber(a.burnRate)}x (${a.longWindow}/${a.shortWindow})`, ctx.environment),
            type: "slo alert",
            query: queryFor(`${SLO_ID_PLACEHOLDER}-${slo.id}`),
            message: alertMessage({
                title: `${product.displayName}: ${slo.title} burning its error budget`,
                whatHappened: `The ${slo.target}% ${slo.kind} SLO burns its ${timeframe} error budget ${formatNumber(a.burnRate)}x faster than sustainable over ${a.longWindow} (confirmed over ${a.shortWindow}): ${(consumed * 100).toFixed(1)}% of the budget is gone, and at this rate all of it is gone in ${exhaustion(a.burnRate, days)}.`,
                firstSteps: burnRateFirstSteps(a.severity),
                runbook: runbookPath(product.key, id),
                runbookBaseUrl: RUNBOOK_BASE_URL,
                handles: routeHandles(a.severity, ctx.environment, ctx.routing, product),
                threshold: `burn rate > ${formatNumber(a.burnRate)} over ${a.longWindow} and ${a.shortWindow}`,
            }),
            ...severityNotification(a.severity),
            tags: [...standardTags(product, surface, ctx.environment, a.severity), "category:slo"],
            thresholds: { critical: formatNumber(a.burnRate) },
            notifyNoData: false,
            requireFullWindow: false,
            includeTags: true,
        };
        return { model, queryFor };
    });
}

function exhaustion(burnRate: number, days: number): string {
    const hours = hoursToExhaustion(burnRate, days);
    return hours <= 72 ? `${formatNumber(Number(hours.toFixed(1)))} h` : `${formatNumber(Number((hours / 24).toFixed(1)))} days`;
}

/**
 * What Datadog would reject in a product's SLOs, found before deploy: malformed good/total queries, and burn-rate
 * alerts above the highest burn rate the target allows (1 / error budget), which Datadog refuses to create.
 */
export function sloProblems(product: Product, environment: string): Problem[] {
    const source = `products/${product.key}.ts`;
    return product.slos.flatMap((spec) => {
        const model = buildSlo(product, spec, environment);
        const problems: Problem[] = [];
        for (const [part, q] of [["good", model.numerator], ["total", model.denominator]] as const) {
            const errors: string[] = [];
            checkMetricExpression(q, errors);
            problems.push(...errors.map((message) => ({ source, field: `slo ${spec.id}: ${part}`, message })));
        }
        const max = maxBurnRate(spec.target);
        for (const a of BURN_RATE_ALERTS.filter((x) => x.burnRate > max)) {
            problems.push({ source, field: `slo ${spec.id}: target`, message: `a ${spec.target}% target allows burn rates up to ${formatNumber(Number(max.toFixed(2)))}, so the ${a.id} alert (${formatNumber(a.burnRate)}x) could never fire and Datadog rejects it; raise the target` });
        }
        return problems;
    });
}

/** Stands for the SLO id in queries validated before the SLO exists. */
export const SLO_ID_PLACEHOLDER = "slo-id";

export function sloBurnRateMonitors(product: Product, ctx: MonitorContext): MonitorModel[] {
    return product.slos.flatMap((s) => burnRateMonitorTemplates(product, s, ctx).map((t) => t.model));
}

export type { SloSpec };
