import * as datadog from "@pulumi/datadog";
import type { MonitorModel } from "../lib/datadog/monitors";
import { normalizedMonitor } from "../lib/datadog/normalize";

/** Maps a monitor model onto `datadog.Monitor` inputs (shared with every component that creates monitors). */
export function monitorArgs(model: MonitorModel): datadog.MonitorArgs {
    // Sent as Datadog stores them, so refreshes show no perpetual diff (lib/datadog/normalize.ts).
    const m = normalizedMonitor(model);
    return {
        name: m.name,
        type: m.type,
        query: m.query,
        message: m.message,
        priority: m.priority,
        tags: m.tags,
        // A composite has none: it alerts on its parts.
        monitorThresholds: Object.keys(m.thresholds).length > 0 ? m.thresholds : undefined,
        monitorThresholdWindows: m.thresholdWindows,
        notifyNoData: m.notifyNoData,
        noDataTimeframe: m.noDataTimeframeMinutes,
        renotifyInterval: m.renotifyIntervalMinutes,
        renotifyStatuses: m.renotifyStatuses,
        evaluationDelay: m.evaluationDelaySeconds,
        newGroupDelay: m.newGroupDelaySeconds,
        requireFullWindow: m.requireFullWindow,
        includeTags: m.includeTags,
        onMissingData: m.onMissingData,
        notifyAudit: m.notifyAudit || undefined,
        escalationMessage: m.escalationMessage,
    };
}
