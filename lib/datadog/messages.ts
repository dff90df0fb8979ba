/**
 * Datadog notification text, one format for every alert Datadog sends (monitors, burn-rate alerts, synthetics):
 * title, what happened, first steps, runbook link, and one block per state, each carrying only the handles of
 * the route that state takes. Handles outside a block would notify on every state: a P1's warning would post to
 * #alerts-critical and a P0's warning would page.
 */
export interface AlertMessageParts {
    title: string;
    whatHappened: string;
    firstSteps: string[];
    /** Repository-relative runbook path with anchor, e.g. docs/runbooks/bearo.md#payment-failure-rate. */
    runbook: string;
    /** Base URL of the repository holding the runbooks. */
    runbookBaseUrl: string;
    /** Where the alert state (and its recovery) goes. */
    alertHandles: string[];
    /** Where the warning state (and its recovery) goes; absent when the alert has no warning threshold. */
    warningHandles?: string[];
    /** Whether missing data notifies (the alert's route): availability alerts, where silence is the outage. */
    notifyNoData?: boolean;
    /** Extra context line, e.g. the threshold in words. */
    threshold?: string;
    /** The first investigation, linked from the alert's notification. */
    links?: ReadonlyArray<{ label: string; url: string }>;
}

const block = (state: string, lines: string[]) => [`{{#${state}}}`, ...lines, `{{/${state}}}`];

export function alertMessage(p: AlertMessageParts): string {
    if (p.alertHandles.length === 0) throw new Error(`alert "${p.title}" has no notification handle`);
    const steps = p.firstSteps.map((s, i) => `${i + 1}. ${s}`).join("\n");
    const alert = p.alertHandles.join(" ");
    // A warning that follows an alert ends in a warning recovery: it also resolves the page the alert opened.
    const pager = p.alertHandles.filter((h) => h.startsWith("@pagerduty-"));
    const warningRecovery = p.warningHandles && [...new Set([...pager, ...p.warningHandles])].join(" ");
    return [
        `## ${p.title}`,
        "",
        ...block("is_alert", [
            `**What happened:** ${p.whatHappened}`,
            ...(p.threshold ? [`**Threshold:** ${p.threshold} (current value: {{value}})`] : []),
            "",
            "**First steps:**",
            steps,
            ...(p.links?.length ? ["", `**Investigate:** ${p.links.map((l) => `[${l.label}](${l.url})`).join(" · ")}`] : []),
            "",
            alert,
        ]),
        ...(p.warningHandles
            ? block("is_warning", [
                  `Warning threshold crossed (current value: {{value}}): ${p.whatHappened}`,
                  "",
                  p.warningHandles.join(" "),
              ])
            : []),
        ...(p.notifyNoData
            ? block("is_no_data", [`No data: ${p.title} has reported nothing; for this alert silence is the outage.`, "", alert])
            : []),
        ...block(p.warningHandles ? "is_alert_recovery" : "is_recovery", [
            `Recovered: ${p.title} is back within its threshold.`,
            "",
            alert,
        ]),
        ...(warningRecovery
            ? block("is_warning_recovery", [`Recovered: ${p.title} is back below its warning threshold.`, "", warningRecovery])
            : []),
        "",
        `Runbook: ${p.runbookBaseUrl}/${p.runbook}`,
    ].join("\n");
}

/** The text of each `{{#state}}…{{/state}}` block of a message, by state (`is_alert`, `is_warning`, ...). */
export function stateBlocks(message: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const m of message.matchAll(/\{\{#(is_[a-z_]+)\}\}([\s\S]*?)\{\{\/\1\}\}/g)) out[m[1]] = m[2];
    return out;
}

/**
 * The first investigation 000's escalation level 1 asks for (recent deploys, related monitors, the logs of the
 * moment), as links into Datadog for a service: the service page (latency, errors, deployments), every monitor of
 * the service, and its logs from 15 minutes before the alert (`last_triggered_at_epoch`, in milliseconds).
 */
export function datadogInvestigationLinks(appUrl: string, environment: string): (service: string) => Array<{ label: string; url: string }> {
    return (service) => {
        const scope = encodeURIComponent(`service:${service} env:${environment}`);
        return [
            { label: "Service, recent deployments", url: `${appUrl}/apm/services/${service}?env=${environment}` },
            { label: "Related monitors", url: `${appUrl}/monitors/manage?q=${scope}` },
            {
                label: "Logs since 15 min before",
                url: `${appUrl}/logs?query=${scope}&from_ts={{eval "last_triggered_at_epoch-15*60*1000"}}&to_ts={{last_triggered_at_epoch}}&live=false`,
            },
        ];
    };
}
