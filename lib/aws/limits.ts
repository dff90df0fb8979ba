/** Limits of AWS services that specs and config are checked against (pure, no imports). */

/** The only values CloudWatch Logs accepts for `retentionInDays`. */
export const CLOUDWATCH_RETENTION_DAYS = [
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;
export function cloudwatchRetentionProblem(days: number): string | undefined {
    return (CLOUDWATCH_RETENTION_DAYS as readonly number[]).includes(days)
        ? undefined
        : `${days} is not a CloudWatch Logs retention value (allowed: ${CLOUDWATCH_RETENTION_DAYS.join(", ")})`;
}
