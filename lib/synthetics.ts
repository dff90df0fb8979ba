/**
 * Synthetic test model: a spec's synthetic check plus the stack's synthetics config → what one Datadog
 * synthetic test runs, where, how often, and whom it alerts. Pure; components/SyntheticSuite.ts maps it.
 */
import type { Product, SyntheticSpec } from "./catalog/schema";
import type { PublicStackConfig } from "./config";
import type { AlertRef } from "./alerts";
import { durationSeconds } from "./duration";
import { alertMessage } from "./messages";
import { RUNBOOK_BASE_URL, standardTags, surfaceOf } from "./monitors";
import { monitorTitle, runbookPath } from "./naming";
import { routeHandles } from "./routing";
import { severityPolicy } from "./severity";

type Synthetic = Product["synthetics"][number];

/** Frequencies Datadog offers for scheduled tests, in seconds. */
export const TICK_SECONDS = [60, 300, 900, 1800, 3600, 21600, 43200, 86400, 604800] as const;
/** Browser tests cannot run more often than every 5 minutes. */
export const BROWSER_MIN_TICK_SECONDS = 300;

/** The plan frequency stretched by the stack's multiplier, rounded up to a frequency Datadog offers. */
export function tickEvery(frequency: string, multiplier: number, kind: Synthetic["kind"]): number {
    const wanted = Math.max(durationSeconds(frequency) * multiplier, kind === "browser" ? BROWSER_MIN_TICK_SECONDS : 0);
    return TICK_SECONDS.find((t) => t >= wanted) ?? TICK_SECONDS[TICK_SECONDS.length - 1];
}

/** Names of the product's global variables (the spec's steps reference them as `{{ BEARO_TEST_PASSWORD }}`). */
export function credentialVariables(productKey: string): { user: string; password: string } {
    const prefix = productKey.toUpperCase().replace(/-/g, "_");
    return { user: `${prefix}_TEST_USER`, password: `${prefix}_TEST_PASSWORD` };
}

export interface HttpAssertionModel {
    type: "statusCode" | "responseTime" | "body" | "certificate";
    operator: string;
    target?: string;
    targetjsonpath?: { jsonpath: string; operator: string; targetvalue: string };
}

export interface ApiStepModel {
    name: string;
    method: string;
    url: string;
    body?: string;
    assertions: HttpAssertionModel[];
    extract?: { variable: string; jsonPath: string };
}

export interface SyntheticTestModel {
    id: string;
    name: string;
    type: "api" | "browser";
    subtype?: "http" | "ssl" | "multi";
    url: string;
    host: string;
    locations: string[];
    tickEvery: number;
    assertions: HttpAssertionModel[];
    steps: ApiStepModel[];
    journey: string[];
    /** Mobile viewport for checks of the responsive site. */
    deviceIds: string[];
    usesCredentials: boolean;
    message: string;
    tags: string[];
    monitorPriority: number;
    renotifyMinutes: number;
    retry: { count: number; intervalMs: number };
    minFailureDurationSeconds: number;
    minLocationFailed: number;
    /** Billable units per run: API requests (a multistep test bills each step) or one browser run. */
    unitsPerRun: number;
}

function statusAndTime(expectStatus: number, maxResponseMs?: number): HttpAssertionModel[] {
    return [
        { type: "statusCode", operator: "is", target: String(expectStatus) },
        ...(maxResponseMs ? [{ type: "responseTime" as const, operator: "lessThan", target: String(maxResponseMs) }] : []),
    ];
}

function firstSteps(s: Synthetic): string[] {
    switch (s.kind) {
        case "ssl":
            return ["Check the certificate's expiry date and issuer in the test result", "Renew the certificate or fix the automatic renewal (ACME / load balancer)"];
        case "api":
            return ["Open the failing test run: status code, response time and body per location", "Compare with the service's monitors and APM for the same minutes", "If only one region fails, check that region's network before escalating"];
        default:
            return ["Open the failing run and find the first failed step (screenshot / response)", "Reproduce the step by hand in production with the test account", "Check deploys and the dependent service's monitors for the same minutes"];
    }
}

export function buildSyntheticTest(product: Product, s: Synthetic, config: PublicStackConfig): SyntheticTestModel {
    const surface = surfaceOf(product, s.surface);
    const host = `${config.hostPrefix}${surface.host}`;
    const base = `https://${host}`;
    const policy = severityPolicy(s.severity);
    const cfg = config.synthetics;
    const steps: ApiStepModel[] = s.steps.map((st) => ({
        name: st.name,
        method: st.method,
        url: `${base}${st.path}`,
        body: st.body,
        assertions: statusAndTime(st.expectStatus),
        extract: st.extract,
    }));
    const assertions: HttpAssertionModel[] = s.kind === "ssl"
        ? [{ type: "certificate", operator: "isInMoreThan", target: String(s.sslMinDays) }]
        : s.kind === "api"
            ? [
                ...statusAndTime(s.expectStatus, s.maxResponseMs),
                ...s.assertions.map((a) => ({ type: "body" as const, operator: "validatesJSONPath", targetjsonpath: { jsonpath: a.jsonPath, operator: "is", targetvalue: a.equals } })),
            ]
            : [];
    const what = s.kind === "ssl"
        ? `The TLS certificate of ${host} expires in fewer than ${s.sslMinDays} days.`
        : `The synthetic test "${s.title}" fails from at least ${cfg.minLocationsFailed} locations for ${Math.round(cfg.minFailureDurationSeconds / 60)} min or more.`;
    return {
        id: s.id,
        name: monitorTitle(product.displayName, `Synthetic: ${s.title}`, config.environment),
        type: s.kind === "browser" ? "browser" : "api",
        subtype: s.kind === "browser" ? undefined : s.kind === "multistep" ? "multi" : s.kind === "ssl" ? "ssl" : "http",
        url: `${base}${s.path ?? "/"}`,
        host,
        locations: cfg.locations,
        tickEvery: tickEvery(s.frequency, cfg.frequencyMultiplier, s.kind),
        assertions,
        steps,
        journey: s.journey,
        deviceIds: s.kind === "browser" ? (/mobile/i.test(s.id) ? ["mobile_small"] : ["laptop_large"]) : [],
        usesCredentials: s.needsLogin,
        message: alertMessage({
            title: `${product.displayName}: synthetic ${s.title}`,
            whatHappened: what,
            firstSteps: firstSteps(s),
            runbook: runbookPath(product.key, `synthetic-${s.id}`),
            runbookBaseUrl: RUNBOOK_BASE_URL,
            handles: routeHandles(s.severity, config.environment, config.routing, product),
        }),
        tags: [...standardTags(product, surface, config.environment, s.severity), `synthetic:${s.kind}`],
        monitorPriority: Number(policy.priority),
        renotifyMinutes: policy.renotifyMinutes,
        // Retries, a minimum failure duration and several failing locations keep false positives under 5% (003).
        retry: { count: cfg.retries, intervalMs: 30000 },
        minFailureDurationSeconds: s.kind === "ssl" ? 0 : cfg.minFailureDurationSeconds,
        minLocationFailed: Math.min(cfg.minLocationsFailed, cfg.locations.length),
        unitsPerRun: s.kind === "multistep" ? Math.max(1, s.steps.length) : 1,
    };
}

export function buildSyntheticTests(product: Product, config: PublicStackConfig): SyntheticTestModel[] {
    return product.synthetics.map((s) => buildSyntheticTest(product, s, config));
}

/** Alerts of the synthetic tests, for stack-wide routing validation. */
export function syntheticAlerts(product: Product, config: PublicStackConfig): AlertRef[] {
    return buildSyntheticTests(product, config).map((t) => ({ product: product.key, name: `synthetic ${t.id}`, message: t.message }));
}

export type { SyntheticSpec };
