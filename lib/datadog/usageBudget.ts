/**
 * Monitoring cost against the plan's budget shares (000 §Cost Optimization / Budget Allocation: infrastructure
 * 30%, APM 25%, logs 20%, RUM 15%, synthetics 10%), pure. The budget is the one the stack config already sets,
 * the synthetics budget (`synthetics.monthlyBudgetUsd`), scaled up by its 10% share; prices are 001 §Cost
 * Analysis' (per host, per GB, per 1,000 sessions) and the config's synthetic prices. Each share becomes a
 * monitor on Datadog's `datadog.estimated_usage.*` metrics that warns at 80% and alerts (P2: "approaching
 * limits", 000 §Severity Levels) at 100% of the share's usage, before the bill exceeds it. These are
 * organization-wide, so only the stack with `datadog.manageOrganizationResources` creates them.
 */
import type { PublicStackConfig } from "../inputs/config";
import type { Problem } from "../inputs/errors";
import { Alert, buildAlert, formatNumber } from "../model/alert";
import { MonitorBinding, monitorOf } from "./monitors";

/** The plan's shares of the monitoring budget, in its order. */
export const BUDGET_SHARES = [
    { id: "infrastructure", label: "Infrastructure Monitoring", share: 0.3 },
    { id: "apm", label: "APM", share: 0.25 },
    { id: "logs", label: "Log Management", share: 0.2 },
    { id: "rum", label: "RUM", share: 0.15 },
    { id: "synthetics", label: "Synthetics", share: 0.1 },
] as const;
export type BudgetArea = (typeof BUDGET_SHARES)[number]["id"];

/** 001 §Cost Analysis / DataDog Costs (estimated). */
export const PLAN_PRICES = { infraHostMonth: 15, apmHostMonth: 31, logsPerGb: 1.5, rumPer1kSessions: 0.6 } as const;

/** Warning at this fraction of a share. */
export const BUDGET_WARNING_FRACTION = 0.8;
const DAYS_PER_MONTH = 30;
const BYTES_PER_GB = 1e9;

/** Owner tags of organization-wide monitoring resources (the platform team that runs this repository). */
export const PLATFORM = {
    key: "platform",
    displayName: "Monitoring platform",
    team: { handle: "platform", name: "Platform", email: "platform@bearified.co" },
    service: "monitoring",
} as const;

export interface BudgetShare {
    id: BudgetArea;
    label: string;
    share: number;
    monthlyUsd: number;
    /** What the monitor compares: a usage count (hosts, bytes/day, sessions/day) or USD/day for synthetics. */
    limit: number;
    unit: string;
    query: (comparator: string, limit: number) => string;
    window: "1h" | "1d";
    /** How the limit follows from the share, for the message and the catalog. */
    derivation: string;
}

/** Total monthly monitoring budget: the synthetics budget is the plan's 10% share of it. */
export function monthlyBudgetUsd(config: Pick<PublicStackConfig, "synthetics">): number {
    const synthetics = BUDGET_SHARES.find((s) => s.id === "synthetics")!.share;
    return config.synthetics.monthlyBudgetUsd / synthetics;
}

const round = (n: number) => Number(n.toPrecision(6));
const usage = (metric: string, agg: "avg" | "sum", window: string, asCount = false) =>
    `${agg}(last_${window}):sum:datadog.estimated_usage.${metric}{*}${asCount ? ".as_count()" : ""}`;

export function budgetShares(config: Pick<PublicStackConfig, "synthetics">): BudgetShare[] {
    const total = monthlyBudgetUsd(config);
    const { apiPer10kRuns, browserPer1kRuns } = config.synthetics.prices;
    return BUDGET_SHARES.map(({ id, label, share }) => {
        const monthlyUsd = round(total * share);
        const base = { id, label, share, monthlyUsd };
        switch (id) {
            case "infrastructure":
                return {
                    ...base,
                    limit: Math.floor(monthlyUsd / PLAN_PRICES.infraHostMonth),
                    unit: "hosts",
                    window: "1h" as const,
                    query: (c, l) => `${usage("hosts", "avg", "1h")} ${c} ${formatNumber(l)}`,
                    derivation: `${monthlyUsd} USD / ${PLAN_PRICES.infraHostMonth} USD per host-month`,
                };
            case "apm":
                return {
                    ...base,
                    limit: Math.floor(monthlyUsd / PLAN_PRICES.apmHostMonth),
                    unit: "APM hosts",
                    window: "1h" as const,
                    query: (c, l) => `${usage("apm_hosts", "avg", "1h")} ${c} ${formatNumber(l)}`,
                    derivation: `${monthlyUsd} USD / ${PLAN_PRICES.apmHostMonth} USD per APM host-month`,
                };
            case "logs":
                return {
                    ...base,
                    limit: Math.floor((monthlyUsd / PLAN_PRICES.logsPerGb / DAYS_PER_MONTH) * BYTES_PER_GB),
                    unit: "bytes/day",
                    window: "1d" as const,
                    query: (c, l) => `${usage("logs.ingested_bytes", "sum", "1d", true)} ${c} ${formatNumber(l)}`,
                    derivation: `${monthlyUsd} USD / ${PLAN_PRICES.logsPerGb} USD per GB / ${DAYS_PER_MONTH} days`,
                };
            case "rum":
                return {
                    ...base,
                    limit: Math.floor(((monthlyUsd / PLAN_PRICES.rumPer1kSessions) * 1000) / DAYS_PER_MONTH),
                    unit: "sessions/day",
                    window: "1d" as const,
                    query: (c, l) => `${usage("rum.sessions", "sum", "1d", true)} ${c} ${formatNumber(l)}`,
                    derivation: `${monthlyUsd} USD / ${PLAN_PRICES.rumPer1kSessions} USD per 1,000 sessions / ${DAYS_PER_MONTH} days`,
                };
            case "synthetics":
                // Runs are priced per run, so the daily spend is one expression over both run counts.
                return {
                    ...base,
                    limit: round(monthlyUsd / DAYS_PER_MONTH),
                    unit: "USD/day",
                    window: "1d" as const,
                    query: (c, l) =>
                        `sum(last_1d):sum:datadog.estimated_usage.synthetics.api_test_runs{*}.as_count() * ${formatNumber(apiPer10kRuns / 10000)} + sum:datadog.estimated_usage.synthetics.browser_test_runs{*}.as_count() * ${formatNumber(browserPer1kRuns / 1000)} ${c} ${formatNumber(l)}`,
                    derivation: `${monthlyUsd} USD / ${DAYS_PER_MONTH} days, runs priced ${apiPer10kRuns} USD per 10,000 API and ${browserPer1kRuns} USD per 1,000 browser runs`,
                };
        }
    });
}

/** A share that buys less than one unit of its tool has no threshold to alert at. */
const affordsNothing = (s: BudgetShare) => s.limit <= 0;

/**
 * Budget shares too small to buy one unit of their tool (a host, a session): the configured budget cannot hold the
 * plan's allocation, so the stack must not deploy an alert at 0.
 */
export function usageBudgetProblems(config: Pick<PublicStackConfig, "synthetics">, configFile: string): Problem[] {
    return budgetShares(config)
        .filter(affordsNothing)
        .map((s) => ({
            source: configFile,
            field: "synthetics.monthlyBudgetUsd",
            message: `implies a monitoring budget of ${formatNumber(round(monthlyBudgetUsd(config)))} USD a month, whose ${Math.round(s.share * 100)}% for ${s.label} (${formatNumber(s.monthlyUsd)} USD) buys no ${s.unit.replace(/\/day$/, "")} (${s.derivation})`,
        }));
}

/** One P2 alert per budget share, evaluated by a Datadog monitor on the estimated-usage metrics. */
export function usageBudgetAlerts(config: Pick<PublicStackConfig, "environment" | "routing" | "synthetics">): Array<Alert<MonitorBinding>> {
    const product = {
        key: PLATFORM.key,
        displayName: PLATFORM.displayName,
        team: { handle: PLATFORM.team.handle, slackChannel: config.routing.slack.warning },
    };
    // A share that affords nothing is a config problem (usageBudgetProblems), not an alert at 0.
    return budgetShares(config)
        .filter((s) => !affordsNothing(s))
        .map((s) => {
            // Counts warn at a whole number; the USD limit keeps cents.
            const warning = s.unit === "USD/day" ? round(s.limit * BUDGET_WARNING_FRACTION) : Math.floor(s.limit * BUDGET_WARNING_FRACTION);
            const alert = buildAlert(
                product,
                {
                    id: `usage-${s.id}`,
                    kind: "monitor",
                    title: `${s.label} usage near its budget share`,
                    service: PLATFORM.service,
                    severity: "P2",
                    category: "cost",
                    source: `000 §Cost Optimization / Budget Allocation (${s.label}: ${Math.round(s.share * 100)}%)`,
                    condition: {
                        comparator: ">",
                        critical: s.limit,
                        warning,
                        unit: s.unit,
                        windowSeconds: s.window === "1h" ? 3600 : 86400,
                    },
                    missingData: "resolve",
                    message: {
                        whatHappened: `${s.label} usage reached its share of the monitoring budget: ${Math.round(s.share * 100)}% of ${formatNumber(round(monthlyBudgetUsd(config)))} USD a month, ${formatNumber(s.monthlyUsd)} USD, is ${formatNumber(s.limit)} ${s.unit} (${s.derivation}).`,
                        firstSteps: [
                            "Open Plan and Usage in Datadog and find which service or product drove the increase (usage attribution by service).",
                            "Check for a new host group, a log level left at debug, a synthetic test frequency or a RUM sample rate changed by a recent deploy.",
                            "Reduce the source (sampling, exclusion filters, frequencies) or raise the budget in the stack config with the finance owner.",
                        ],
                    },
                    binding: undefined,
                },
                config,
            );
            const monitor = monitorOf(alert, {
                type: "query alert",
                query: s.query(">", s.limit),
                thresholds: { critical: formatNumber(s.limit), warning: formatNumber(warning) },
                requireFullWindow: false,
                renotifyAlso: ["warn"],
            });
            return { ...alert, binding: { provider: "datadog-monitor" as const, monitor } };
        });
}
