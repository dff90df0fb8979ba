/** Durations as written in specs and config: "30s", "5m", "1h", "30d", "1w". */
const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };
export const DURATION_PATTERN = /^([1-9]\d*)(s|m|h|d|w)$/;

export function isDuration(value: string): boolean {
    return DURATION_PATTERN.test(value);
}

export function durationSeconds(value: string): number {
    const m = DURATION_PATTERN.exec(value);
    if (!m) throw new Error(`invalid duration "${value}" (expected e.g. 30s, 5m, 1h, 30d)`);
    return Number(m[1]) * UNIT_SECONDS[m[2]];
}

export function durationMinutes(value: string): number {
    return durationSeconds(value) / 60;
}
