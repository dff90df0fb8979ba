/**
 * Maintenance windows (pure): recurring downtimes from stack config that mute the configured non-critical
 * severities of the products' monitors (004 §Alert Noise Reduction). P0 is never muted (config rejects it).
 */
import type { Product } from "../inputs/catalog/schema";
import type { MaintenanceWindow } from "../inputs/config/maintenance";

export interface DowntimeModel {
    id: string;
    scope: string;
    monitorTags: string[];
    rrule: string;
    start: string;
    duration: string;
    timezone: string;
    message: string;
}

export function windowsFor(product: Product, windows: ReadonlyArray<MaintenanceWindow>): MaintenanceWindow[] {
    return windows.filter((w) => w.products.includes("*") || w.products.includes(product.key));
}

/** One downtime per window and muted severity: Datadog ANDs monitor tags, so each severity needs its own. */
export function downtimes(product: Product, environment: string, windows: ReadonlyArray<MaintenanceWindow>): DowntimeModel[] {
    return windowsFor(product, windows).flatMap((w) =>
        w.muteSeverities.map((sev) => ({
            id: `${w.name}-${sev.toLowerCase()}`,
            scope: `env:${environment}`,
            monitorTags: [`product:${product.key}`, `env:${environment}`, `severity:${sev.toLowerCase()}`],
            rrule: w.rrule,
            start: w.start,
            duration: `${w.durationMinutes}m`,
            timezone: w.timeZone,
            message: `Scheduled maintenance "${w.name}": ${sev} alerts of ${product.displayName} are muted for ${w.durationMinutes} min. P0 alerts still page.`,
        })),
    );
}
