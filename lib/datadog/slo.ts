/**
 * SLOs and their multi-window, multi-burn-rate alerts (pure). Page when the budget burns fast (14.4× over
 * 1 h confirmed over 5 min; 6× over 6 h / 30 min), ticket when it burns slowly (3× over 1 d / 2 h; 1× over
 * 2 d / 4 h).
 *
 * The workbook's slowest pair is 1× over 3 d / 6 h, but Datadog burn-rate alerts take a long window of 1 h to 48 h
 * (docs: Service Level Objectives / Burn Rate Alerts, "1 hour <= long window <= 48 hours"). 1× over 2 d / 4 h keeps
 * the pair's meaning (on pace to spend exactly the budget) and its 1:12 short-to-long ratio within that limit; it
 * fires once ~6.7% instead of 10% of a 30-day budget is spent, i.e. slightly earlier. lib/datadog/queryCheck/
 * enforces the window limits, `sloProblems` the highest burn rate a target allows.
 */
import type { Product, Severity, SloSpec } from "../inputs/catalog/schema";
import { budgetConsumed, hoursToExhaustion, maxBurnRate } from "../model/burnRate";
import type { Problem } from "../inputs/errors";
import { checkMetricExpression } from "./queryValidator";
import { durationSeconds } from "../model/duration";
import { MonitorBinding, MonitorContext, MonitorModel, monitorOf, surfaceOf } from "./monitors";
import { Alert, buildAlert, formatNumber, standardTags } from "../model/alert";
import { monitorTitle } from "../model/naming";
import { burnRateQuery, metricExpr } from "./query";

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

interface SloModelBase {
    id: string;
    name: string;
    description: string;
    thresholds: Array<{ timeframe: string; target: number; warning: number }>;
    tags: string[];
    /** The timeframe burn-rate alerts are computed on (the spec's first). */
    primaryTimeframe: string;
}

/** A metric-based SLO of the spec's `slos`: good events / total events. */
export interface MetricSloModel extends SloModelBase {
    type: "metric";
    numerator: string;
    denominator: string;
}

/**
 * A monitor-based SLO over a synthetic test's own monitor: the share of time the test is not alerting (Datadog's
 * documented form for uptime from a synthetic test, "Monitor Website Uptime With SLOs"). It has no burn-rate or
 * error-budget alert: Datadog offers SLO alerts only on metric-based and time-slice SLOs and on monitor-based SLOs
 * made of metric monitors (docs: Burn Rate Alerts, Error Budget Alerts), never of synthetic tests. The test's own
 * monitor alerts on each confirmed failure, before any budget could burn.
 */
export interface SyntheticSloModel extends SloModelBase {
    type: "monitor";
    /** Spec id of the synthetic test whose monitor the SLO is computed from. */
    syntheticId: string;
}

export type SloModel = MetricSloModel | SyntheticSloModel;

/** Timeframes of the synthetic tests' SLOs, the same as the spec SLOs' (000 §SLOs: 30 days, reviewed weekly). */
export const SYNTHETIC_SLO_TIMEFRAMES = ["30d", "7d"] as const;

/** Warn when half of the remaining budget headroom is gone: 99.9 → warning 99.95. */
export function sloWarning(target: number): number {
    return Number((target + (100 - target) / 2).toFixed(4));
}

export function buildSlo(product: Product, slo: Slo, environment: string): MetricSloModel {
    const surface = surfaceOf(product, slo.surface);
    const scope = { env: environment, service: surface.service };
    return {
        type: "metric",
        id: slo.id,
        name: monitorTitle(product.displayName, slo.title, environment),
        description: `${slo.kind} SLO, target ${slo.target}% (${slo.source})`,
        numerator: metricExpr(slo.good, scope),
        denominator: metricExpr(slo.total, scope),
        thresholds: slo.timeframes.map((timeframe) => ({ timeframe, target: slo.target, warning: sloWarning(slo.target) })),
        tags: [...standardTags(product, surface.service, environment), `slo-kind:${slo.kind}`],
        primaryTimeframe: slo.timeframes[0],
    };
}

type Synthetic = Product["synthetics"][number];

/** SLO id of a synthetic test's uptime SLO, kept apart from the spec's SLO ids. */
export function syntheticSloId(syntheticId: string): string {
    return `synthetic-${syntheticId}`;
}

function syntheticSloTitleOf(s: Pick<Synthetic, "title">): string {
    return `${s.title}: synthetic test success`;
}

/** Title of a synthetic test's SLO by SLO id; undefined for other ids. */
export function syntheticSloTitle(product: Product, sloId: string): string | undefined {
    const s = product.synthetics.find((x) => x.successTarget !== undefined && syntheticSloId(x.id) === sloId);
    return s && syntheticSloTitleOf(s);
}

/** The uptime SLO of every synthetic test whose plan states a success target (004 §Synthetic Checks). */
export function syntheticSlos(product: Product, environment: string): SyntheticSloModel[] {
    return product.synthetics
        .filter((s): s is Synthetic & { successTarget: number } => s.successTarget !== undefined)
        .map((s) => {
            const surface = surfaceOf(product, s.surface);
            return {
                type: "monitor",
                id: syntheticSloId(s.id),
                syntheticId: s.id,
                name: monitorTitle(product.displayName, syntheticSloTitleOf(s), environment),
                description: `Share of time the synthetic test "${s.title}" is not alerting, target ${s.successTarget}% (${s.source})`,
                thresholds: SYNTHETIC_SLO_TIMEFRAMES.map((timeframe) => ({
                    timeframe,
                    target: s.successTarget,
                    warning: sloWarning(s.successTarget),
                })),
                tags: [...standardTags(product, surface.service, environment), "slo-kind:synthetic", `synthetic:${s.id}`],
                primaryTimeframe: SYNTHETIC_SLO_TIMEFRAMES[0],
            };
        });
}

/** What the on-call does first on a burn-rate alert; also the runbook's steps (lib/alertCatalog.ts). */
export function burnRateFirstSteps(severity: Severity): string[] {
    return [
        "Open the SLO and find when the bad events started",
        "Check the product's error-rate and latency monitors and recent deploys for the same period",
        severity === "P0"
            ? "Mitigate now (roll back, fail over, shed load); the budget runs out within days"
            : severity === "P1"
              ? "Find the slow endpoints in the traces and fix or roll back today; the budget runs out within days"
              : "Open a ticket; plan the fix before the budget runs out",
    ];
}

/**
 * A burn-rate alert's severity for an SLO kind. Latency is "degraded performance", P1 in 000 §Severity Levels:
 * its page pairs notify the critical channels but do not page. Latency SLOs also have low targets (95%: a p95),
 * whose highest burn rate is 20, so even a total slowdown needs ~43 min to reach 14.4x over 1 h — far too late to
 * be the pager's signal; the latency monitors detect it within their window.
 */
export function burnRateSeverity(kind: Slo["kind"], severity: Severity): Severity {
    return kind === "latency" && severity === "P0" ? "P1" : severity;
}

/** The burn-rate alerts of one SLO; their queries name the SLO's Datadog id, known only once it exists (`sloQuery`). */
export function burnRateAlerts(product: Product, slo: Slo, ctx: MonitorContext): Array<Alert<MonitorBinding>> {
    const surface = surfaceOf(product, slo.surface);
    const timeframe = slo.timeframes[0];
    const days = durationSeconds(timeframe) / 86400;
    return BURN_RATE_ALERTS.map((a) => {
        const severity = burnRateSeverity(slo.kind, a.severity);
        const consumed = budgetConsumed(a.burnRate, durationSeconds(a.longWindow) / 3600, days);
        const alert = buildAlert(
            product,
            {
                id: `slo-${slo.id}-${a.id}`,
                kind: "slo-burn-rate",
                title: `${slo.title}: error budget burning ${formatNumber(a.burnRate)}x (${a.longWindow}/${a.shortWindow})`,
                service: surface.service,
                severity,
                category: "slo",
                source: slo.source,
                condition: {
                    comparator: ">",
                    critical: a.burnRate,
                    unit: "x",
                    windowSeconds: durationSeconds(a.longWindow),
                    text: `burn rate > ${formatNumber(a.burnRate)} over ${a.longWindow} and ${a.shortWindow}`,
                },
                // A burn rate without events is no burn: silence is not an outage here (availability monitors watch that).
                missingData: "resolve",
                message: {
                    title: `${product.displayName}: ${slo.title} burning its error budget`,
                    whatHappened: `The ${slo.target}% ${slo.kind} SLO burns its ${timeframe} error budget ${formatNumber(a.burnRate)}x faster than sustainable over ${a.longWindow} (confirmed over ${a.shortWindow}): ${(consumed * 100).toFixed(1)}% of the budget is gone, and at this rate all of it is gone in ${exhaustion(a.burnRate, days)}.`,
                    firstSteps: burnRateFirstSteps(severity),
                },
                binding: undefined,
            },
            ctx,
        );
        const monitor = monitorOf(alert, {
            type: "slo alert",
            query: burnRateQuery(`${SLO_ID_PLACEHOLDER}-${slo.id}`, timeframe, a.longWindow, a.shortWindow, a.burnRate),
            thresholds: { critical: formatNumber(a.burnRate) },
            requireFullWindow: false,
        });
        return { ...alert, binding: { provider: "datadog-monitor", monitor, sloId: slo.id } };
    });
}

/** A burn-rate monitor's query once its SLO has a Datadog id. */
export function withSloId(monitor: MonitorModel, sloSpecId: string, datadogSloId: string): MonitorModel {
    return { ...monitor, query: monitor.query.replace(`"${SLO_ID_PLACEHOLDER}-${sloSpecId}"`, `"${datadogSloId}"`) };
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
    const metric = product.slos.flatMap((spec) => {
        const model = buildSlo(product, spec, environment);
        const problems: Problem[] = [];
        for (const [part, q] of [
            ["good", model.numerator],
            ["total", model.denominator],
        ] as const) {
            const errors: string[] = [];
            checkMetricExpression(q, errors);
            problems.push(...errors.map((message) => ({ source, field: `slo ${spec.id}: ${part}`, message })));
        }
        const max = maxBurnRate(spec.target);
        for (const a of BURN_RATE_ALERTS.filter((x) => x.burnRate > max)) {
            problems.push({
                source,
                field: `slo ${spec.id}: target`,
                message: `a ${spec.target}% target allows burn rates up to ${formatNumber(Number(max.toFixed(2)))}, so the ${a.id} alert (${formatNumber(a.burnRate)}x) could never fire and Datadog rejects it; raise the target`,
            });
        }
        return problems;
    });
    // Monitor-based SLOs take targets (and warnings) below 100% with at most two decimals over 7 and 30 days (docs:
    // Monitor-based SLOs); the warning sits halfway to 100% (`sloWarning`).
    const twoDecimals = (n: number) => Number(n.toFixed(2)) === n;
    const synthetic = product.synthetics.flatMap((s) =>
        s.successTarget === undefined || (s.successTarget < 100 && twoDecimals(s.successTarget) && twoDecimals(sloWarning(s.successTarget)))
            ? []
            : [
                  {
                      source,
                      field: `synthetics[${s.id}].successTarget`,
                      message: `${s.successTarget}% cannot be the target of its SLO: Datadog takes monitor-based SLO targets and warnings below 100% with at most two decimals (warning: halfway to 100%)`,
                  },
              ],
    );
    return [...metric, ...synthetic];
}

/** Stands for the SLO id in queries validated before the SLO exists. */
export const SLO_ID_PLACEHOLDER = "slo-id";

export function sloBurnRateAlerts(product: Product, ctx: MonitorContext): Array<Alert<MonitorBinding>> {
    return product.slos.flatMap((s) => burnRateAlerts(product, s, ctx));
}

export type { SloSpec };
