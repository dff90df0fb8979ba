/**
 * Alert messages, one format for every alert the program creates (monitors, burn-rate alerts, synthetics):
 * title, what happened, first steps, runbook link, {{#is_alert}}/{{#is_recovery}} blocks, and the routing handles.
 */
export interface AlertMessageParts {
    title: string;
    whatHappened: string;
    firstSteps: string[];
    /** Repository-relative runbook path with anchor, e.g. docs/runbooks/bearo.md#payment-failure-rate. */
    runbook: string;
    /** Base URL of the repository holding the runbooks. */
    runbookBaseUrl: string;
    handles: string[];
    /** Extra context line, e.g. the threshold in words. */
    threshold?: string;
}

export function alertMessage(p: AlertMessageParts): string {
    if (p.handles.length === 0) throw new Error(`alert "${p.title}" has no notification handle`);
    const steps = p.firstSteps.map((s, i) => `${i + 1}. ${s}`).join("\n");
    const handles = p.handles.join(" ");
    return [
        `## ${p.title}`,
        "",
        "{{#is_alert}}",
        `**What happened:** ${p.whatHappened}`,
        ...(p.threshold ? [`**Threshold:** ${p.threshold} (current value: {{value}})`] : []),
        "",
        "**First steps:**",
        steps,
        "{{/is_alert}}",
        "{{#is_warning}}",
        `Warning threshold crossed: ${p.whatHappened}`,
        "{{/is_warning}}",
        "{{#is_recovery}}",
        `Recovered: ${p.title} is back within its threshold.`,
        "{{/is_recovery}}",
        "",
        `Runbook: ${p.runbookBaseUrl}/${p.runbook}`,
        "",
        handles,
    ].join("\n");
}
