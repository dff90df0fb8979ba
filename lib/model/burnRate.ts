/**
 * Burn-rate maths (Google SRE Workbook ch. 5). A burn rate of 1 spends the error budget exactly over the SLO
 * window; N spends it N times faster.
 */

export function errorBudget(targetPercent: number): number {
    return 1 - targetPercent / 100;
}

/** Fraction of the window's error budget consumed when `burnRate` lasts `hours`. */
export function budgetConsumed(burnRate: number, hours: number, sloWindowDays: number): number {
    return (burnRate * hours) / (sloWindowDays * 24);
}

/** Burn rate that consumes `fraction` of the budget in `hours`. */
export function burnRateFor(fraction: number, hours: number, sloWindowDays: number): number {
    return (fraction * sloWindowDays * 24) / hours;
}

/** Hours until the budget is gone at a constant burn rate. */
export function hoursToExhaustion(burnRate: number, sloWindowDays: number): number {
    return (sloWindowDays * 24) / burnRate;
}

/**
 * The highest burn rate an SLO can ever show (every event bad): 1 / error budget. Datadog refuses burn-rate alerts
 * above it, since they could never fire (docs: Burn Rate Alerts / Maximum burn rate values).
 */
export function maxBurnRate(targetPercent: number): number {
    return 1 / errorBudget(targetPercent);
}

/** The error budget as minutes of total outage over the SLO window (99.9% over 30 days = 43.2 min). */
export function errorBudgetMinutes(targetPercent: number, sloWindowDays: number): number {
    return errorBudget(targetPercent) * sloWindowDays * 24 * 60;
}

/** The error rate observed at a burn rate (e.g. 14.4 × 0.1% = 1.44% for a 99.9% SLO). */
export function errorRateAt(burnRate: number, targetPercent: number): number {
    return burnRate * errorBudget(targetPercent);
}
