/**
 * The alerts of a stack as plain rows for the plan JSON (`alerts`), so tools that read plans — the plan diff, the
 * simulation report — speak in the alert model's terms (threshold, window, route) instead of parsing resources.
 */
import { handles } from "../datadog/handles";
import { alertFigures, AlertFigures, simulateStack } from "../simulate/stack";
import type { StackAlert, StackModel } from "../stack/model";

export interface AlertRow {
    product: string;
    id: string;
    kind: StackAlert["kind"];
    title: string;
    name: string;
    severity: StackAlert["severity"];
    planSeverity?: string;
    service: string;
    category: string;
    comparator: string;
    thresholds: { critical: number; warning?: number; criticalRecovery?: number; warningRecovery?: number };
    unit: string;
    /** Evaluation window in seconds. */
    window: number;
    threshold: string;
    missingData: StackAlert["missingData"];
    route: { pager?: string; slack: string[]; email: string[] };
    /** The route as Datadog handles. */
    handles: string[];
    renotifyMinutes: number;
    runbook: string;
    source: string;
    /** The alert simulator's figures for a hard outage and normal traffic (lib/simulate). */
    simulation?: { detectSeconds: number | null; recoverSeconds: number | null; pagesPerIncident: number; pagesPerWeek: number };
}

export function alertRow(a: StackAlert, figures?: AlertFigures): AlertRow {
    const c = a.condition;
    return {
        product: a.product,
        id: a.id,
        kind: a.kind,
        title: a.title,
        name: a.name,
        severity: a.severity,
        ...(a.planSeverity ? { planSeverity: a.planSeverity } : {}),
        service: a.service,
        category: a.category,
        comparator: c.comparator,
        thresholds: {
            critical: c.critical,
            ...(c.warning !== undefined ? { warning: c.warning } : {}),
            ...(c.criticalRecovery !== undefined ? { criticalRecovery: c.criticalRecovery } : {}),
            ...(c.warningRecovery !== undefined ? { warningRecovery: c.warningRecovery } : {}),
        },
        unit: c.unit,
        window: c.windowSeconds,
        threshold: c.text,
        missingData: a.missingData,
        route: { ...(a.route.pager ? { pager: a.route.pager.service } : {}), slack: a.route.slackChannels, email: a.route.emails },
        handles: handles(a.route),
        renotifyMinutes: a.renotifyMinutes,
        runbook: a.runbook,
        source: a.source,
        ...(figures
            ? {
                  simulation: {
                      detectSeconds: figures.detectSeconds,
                      recoverSeconds: figures.recoverSeconds,
                      pagesPerIncident: figures.pagesPerIncident,
                      pagesPerWeek: figures.pagesPerWeek,
                  },
              }
            : {}),
    };
}

/** The stack's alerts with the simulator's figures, keyed by `<product>/<alert id>`. */
export function simulatedFigures(model: StackModel): Map<string, AlertFigures> {
    const sim = simulateStack(model, { alertGroupingMinutes: model.config.oncall.alertGroupingMinutes });
    return new Map(sim.alerts.map(alertFigures).map((f) => [`${f.product}/${f.alert}`, f]));
}

export function alertRows(model: StackModel): AlertRow[] {
    const figures = simulatedFigures(model);
    return model.alerts.map((a) => alertRow(a, figures.get(`${a.product}/${a.id}`)));
}
