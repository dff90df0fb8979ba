/**
 * Synthetic test model: a spec's synthetic check plus the stack's synthetics config → what one Datadog
 * synthetic test runs, where, how often, and whom it alerts. Pure; components/SyntheticSuite.ts maps it.
 */
import type { Product, SyntheticSpec } from "../inputs/catalog/schema";
import { productSource } from "../inputs/catalog/validate";
import type { PublicStackConfig } from "../inputs/config";
import { Alert, buildAlert, formatSeconds } from "../model/alert";
import { durationSeconds } from "../model/duration";
import type { Problem } from "../inputs/errors";
import { alertContext, datadogMessage, MonitorContext, surfaceOf } from "./monitors";
import { severityPolicy } from "../model/severity";

type Synthetic = Product["synthetics"][number];
export type SyntheticKind = Synthetic["kind"];
export type Device = NonNullable<Synthetic["devices"]>[number];

/**
 * Frequencies Datadog accepts, in seconds: any whole number in the range (`tick_every`; the fixed list of the
 * early API was lifted in 2023). Browser tests: the provider documents 60 s, Datadog stated 300 s when it
 * lifted the list; we keep the stricter 5 minutes.
 */
export const TICK_RANGE: Readonly<Record<"api" | "browser", { min: number; max: number }>> = {
    api: { min: 30, max: 604800 },
    browser: { min: 300, max: 604800 },
};

/** Renotify intervals (minutes) a synthetic test's monitor accepts. */
export const RENOTIFY_MINUTES = [0, 10, 20, 30, 40, 50, 60, 90, 120, 180, 240, 300, 360, 720, 1440] as const;

/** Datadog's retry limits per test type. */
export const MAX_RETRIES: Readonly<Record<"api" | "browser", number>> = { api: 3, browser: 2 };

function testType(kind: SyntheticKind): "api" | "browser" {
    return kind === "browser" ? "browser" : "api";
}

/**
 * The plan frequency stretched by the stack's multiplier, in whole seconds, within Datadog's range. Specs
 * outside the range are rejected by `syntheticSpecProblems`; only a large multiplier can hit the weekly cap.
 */
export function tickEvery(frequency: string, multiplier: number, kind: SyntheticKind): number {
    const { min, max } = TICK_RANGE[testType(kind)];
    return Math.min(max, Math.max(min, Math.ceil(durationSeconds(frequency) * multiplier)));
}

/** The severity's renotify interval, lowered to one Datadog offers so a test never renotifies less often. */
export function renotifyMinutes(wanted: number): number {
    return [...RENOTIFY_MINUTES].reverse().find((m) => m <= wanted) ?? 0;
}

/** Names of the product's global variables (the spec's steps reference them as `{{ BEARO_TEST_PASSWORD }}`). */
export function credentialVariables(productKey: string): { user: string; password: string } {
    const prefix = productKey.toUpperCase().replace(/-/g, "_");
    return { user: `${prefix}_TEST_USER`, password: `${prefix}_TEST_PASSWORD` };
}

/** Browser device ids as the API names them (Chrome; each device run is billed). */
export function deviceIds(devices: ReadonlyArray<Device> | undefined): string[] {
    return (devices ?? ["laptop_large"]).map((d) => `chrome.${d}`);
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
    headers: Record<string, string>;
    assertions: HttpAssertionModel[];
    /**
     * A value of the JSON response kept for later steps; tokens are obfuscated in test results. `source` and
     * `parser` are the API's wire values (Pulumi's generated docs show camelCase `httpBody`/`jsonPath`, which the
     * API and the Terraform provider refuse).
     */
    extract?: { variable: string; jsonPath: string; secure: boolean; source: "http_body"; parser: "json_path" };
}

export interface BrowserStepModel {
    name: string;
    type: "assertCurrentUrl" | "assertPageLacks";
    params: { check?: string; value: string };
}

export interface SyntheticTestModel {
    id: string;
    name: string;
    type: "api" | "browser";
    subtype?: "http" | "ssl" | "multi";
    url: string;
    host: string;
    locations: string[];
    /** Seconds between runs. */
    tickEvery: number;
    assertions: HttpAssertionModel[];
    steps: ApiStepModel[];
    /** Initial browser steps: the page loads on the right host without an error page (the journey is recorded). */
    browserSteps: BrowserStepModel[];
    journey: string[];
    deviceIds: string[];
    /** Names of the global credential variables the test uses (ids are resolved by the component). */
    variables: string[];
    message: string;
    tags: string[];
    monitorPriority: number;
    renotifyMinutes: number;
    retry: { count: number; intervalMs: number };
    minFailureDurationSeconds: number;
    minLocationFailed: number;
    /**
     * Billable runs per scheduled run from one location: an HTTP or SSL test is one API run, a multistep test
     * one API run per step (each request is billed), a browser test one run per device.
     */
    unitsPerRun: number;
}

const VARIABLE_REF = /\{\{\s*([A-Z][A-Z0-9_]*)\s*\}\}/g;
/** Extracted values whose name says they are credentials are sent as bearer tokens and obfuscated. */
const TOKEN_VARIABLE = /TOKEN$/;
const SECRET_VARIABLE = /TOKEN|SECRET|PASSWORD|_KEY$/;

function statusAndTime(expectStatus: number, maxResponseMs?: number): HttpAssertionModel[] {
    return [
        { type: "statusCode", operator: "is", target: String(expectStatus) },
        ...(maxResponseMs ? [{ type: "responseTime" as const, operator: "lessThan", target: String(maxResponseMs) }] : []),
    ];
}

type BodyAssertion = Synthetic["assertions"][number];

/**
 * One value is `is`; any one of several is `matches` with an anchored alternation, the one JSONPath operator that
 * accepts either value in a single assertion (Datadog ANDs the assertions of a test).
 */
export function jsonPathTarget(a: BodyAssertion): { operator: "is" | "matches"; targetvalue: string } {
    if ("equals" in a) return { operator: "is", targetvalue: a.equals };
    return { operator: "matches", targetvalue: `^(${a.oneOf.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})$` };
}

/** Later steps authenticate with the last token an earlier step extracted. */
function apiSteps(s: Synthetic, base: string): ApiStepModel[] {
    let token: string | undefined;
    return s.steps.map((st) => {
        const headers: Record<string, string> = {
            "Content-Type": "application/json",
            ...(token ? { Authorization: `Bearer {{ ${token} }}` } : {}),
        };
        if (st.extract && TOKEN_VARIABLE.test(st.extract.variable)) token = st.extract.variable;
        return {
            name: st.name,
            method: st.method,
            url: `${base}${st.path}`,
            body: st.body,
            headers,
            assertions: statusAndTime(st.expectStatus),
            extract: st.extract && {
                ...st.extract,
                secure: SECRET_VARIABLE.test(st.extract.variable),
                source: "http_body",
                parser: "json_path",
            },
        };
    });
}

/** What the on-call does first when a synthetic test fails; also the runbook's steps (lib/alertCatalog.ts). */
export function syntheticFirstSteps(s: Pick<Synthetic, "kind">): string[] {
    switch (s.kind) {
        case "ssl":
            return [
                "Check the certificate's expiry date and issuer in the test result",
                "Renew the certificate or fix the automatic renewal (ACME / load balancer)",
            ];
        case "api":
            return [
                "Open the failing test run: status code, response time and body per location",
                "Compare with the service's monitors and APM for the same minutes",
                "If only one region fails, check that region's network before escalating",
            ];
        default:
            return [
                "Open the failing run and find the first failed step (screenshot / response)",
                "Reproduce the step by hand in production with the test account",
                "Check deploys and the dependent service's monitors for the same minutes",
            ];
    }
}

/** An alert evaluated by a Datadog synthetic test. */
export interface SyntheticBinding {
    provider: "datadog-synthetic";
    test: SyntheticTestModel;
}

export function syntheticAlert(product: Product, s: Synthetic, config: PublicStackConfig): Alert<SyntheticBinding> {
    const surface = surfaceOf(product, s.surface);
    const host = `${config.hostPrefix}${surface.host}`;
    const cfg = config.synthetics;
    // Certificate expiry does not flap; a P0 check must detect an outage within 000's 2-minute MTTD, so it alerts on the
    // first failed run confirmed by a retry from several locations (its guards against false positives), without
    // waiting out the stack's minimum failure duration.
    const minFailureDurationSeconds = s.kind === "ssl" || s.severity === "P0" ? 0 : cfg.minFailureDurationSeconds;
    const tick = tickEvery(s.frequency, cfg.frequencyMultiplier, s.kind);
    const ctx: MonitorContext = alertContext(config);
    const alert = buildAlert(
        product,
        {
            id: `synthetic-${s.id}`,
            kind: "synthetic",
            title: `Synthetic: ${s.title}`,
            service: surface.service,
            severity: s.severity,
            category: "availability",
            source: s.source,
            tags: [`synthetic:${s.kind}`],
            condition:
                s.kind === "ssl"
                    ? {
                          comparator: "<",
                          critical: s.sslMinDays ?? 0,
                          unit: "days",
                          windowSeconds: 0,
                          text: `certificate valid < ${s.sslMinDays} days`,
                      }
                    : {
                          comparator: ">=",
                          critical: cfg.minLocationsFailed,
                          unit: "locations",
                          windowSeconds: minFailureDurationSeconds,
                          text: `fails from ${cfg.minLocationsFailed}+ locations${minFailureDurationSeconds ? ` for ${minFailureDurationSeconds} s` : " (confirmed by a retry)"} (every ${formatSeconds(tick)})`,
                      },
            // A test that cannot run reports a failure itself; there is no separate no-data state.
            missingData: "keep",
            message: {
                title: `${product.displayName}: synthetic ${s.title}`,
                whatHappened:
                    s.kind === "ssl"
                        ? `The TLS certificate of ${host} expires in fewer than ${s.sslMinDays} days.`
                        : `The synthetic test "${s.title}" fails from at least ${cfg.minLocationsFailed} locations${minFailureDurationSeconds ? ` for ${formatSeconds(minFailureDurationSeconds)} or more` : ", confirmed by a retry"}.`,
                firstSteps: syntheticFirstSteps(s),
            },
            binding: undefined,
        },
        ctx,
    );
    return { ...alert, binding: { provider: "datadog-synthetic", test: syntheticTestOf(alert, product, s, config) } };
}

function syntheticTestOf(alert: Alert, product: Product, s: Synthetic, config: PublicStackConfig): SyntheticTestModel {
    const surface = surfaceOf(product, s.surface);
    const host = `${config.hostPrefix}${surface.host}`;
    const base = `https://${host}`;
    const type = testType(s.kind);
    const policy = severityPolicy(s.severity);
    const cfg = config.synthetics;
    const steps = s.kind === "multistep" ? apiSteps(s, base) : [];
    const assertions: HttpAssertionModel[] =
        s.kind === "ssl"
            ? [{ type: "certificate", operator: "isInMoreThan", target: String(s.sslMinDays) }]
            : s.kind === "api"
              ? [
                    ...statusAndTime(s.expectStatus, s.maxResponseMs),
                    ...s.assertions.map((a) => ({
                        type: "body" as const,
                        operator: "validatesJSONPath",
                        targetjsonpath: { jsonpath: a.jsonPath, ...jsonPathTarget(a) },
                    })),
                ]
              : [];
    const devices = type === "browser" ? deviceIds(s.devices) : [];
    const vars = credentialVariables(product.key);
    return {
        id: s.id,
        name: alert.name,
        type,
        subtype: type === "browser" ? undefined : s.kind === "multistep" ? "multi" : s.kind === "ssl" ? "ssl" : "http",
        url: `${base}${s.path ?? "/"}`,
        host,
        locations: cfg.locations,
        tickEvery: tickEvery(s.frequency, cfg.frequencyMultiplier, s.kind),
        assertions,
        steps,
        browserSteps:
            type === "browser"
                ? [
                      { name: `Page loaded on ${host}`, type: "assertCurrentUrl", params: { check: "contains", value: host } },
                      { name: "No server error page", type: "assertPageLacks", params: { value: "Internal Server Error" } },
                  ]
                : [],
        journey: s.journey,
        deviceIds: devices,
        variables: s.needsLogin ? [vars.user, vars.password] : [],
        message: datadogMessage(alert, { threshold: false }),
        tags: alert.tags,
        monitorPriority: Number(policy.priority),
        renotifyMinutes: renotifyMinutes(policy.renotifyMinutes),
        // A failure must survive a retry, last minFailureDuration and show in several locations before it alerts:
        // one flaky run or one bad region never pages (003: false positives < 5%).
        retry: { count: Math.min(cfg.retries, MAX_RETRIES[type]), intervalMs: cfg.retryIntervalMs },
        minFailureDurationSeconds: alert.condition.windowSeconds,
        minLocationFailed: Math.min(cfg.minLocationsFailed, cfg.locations.length),
        unitsPerRun: s.kind === "multistep" ? steps.length : type === "browser" ? devices.length : 1,
    };
}

export function buildSyntheticTest(product: Product, s: Synthetic, config: PublicStackConfig): SyntheticTestModel {
    return syntheticAlert(product, s, config).binding.test;
}

export function syntheticAlerts(product: Product, config: PublicStackConfig): Array<Alert<SyntheticBinding>> {
    return product.synthetics.map((s) => syntheticAlert(product, s, config));
}

export function buildSyntheticTests(product: Product, config: PublicStackConfig): SyntheticTestModel[] {
    return syntheticAlerts(product, config).map((a) => a.binding.test);
}

/**
 * Rules a spec must follow for Datadog to run it as planned: a frequency Datadog offers for its test type, and
 * step variables that exist when used (credentials need `needsLogin`; others an earlier step's `extract`).
 */
export function syntheticSpecProblems(products: ReadonlyArray<Product>): Problem[] {
    const problems: Problem[] = [];
    for (const p of products) {
        const source = productSource(p.key);
        const vars = credentialVariables(p.key);
        const credentials = new Set([vars.user, vars.password]);
        for (const s of p.synthetics) {
            const f = `synthetics[${s.id}]`;
            const type = testType(s.kind);
            const { min, max } = TICK_RANGE[type];
            const seconds = durationSeconds(s.frequency);
            if (seconds < min || seconds > max) {
                problems.push({
                    source,
                    field: `${f}.frequency`,
                    message: `${s.frequency} is outside what Datadog runs for ${type} tests (every ${formatSeconds(min)} to ${formatSeconds(max)})`,
                });
            }
            if (s.devices && type !== "browser") {
                problems.push({ source, field: `${f}.devices`, message: `only browser tests run on devices (kind: ${s.kind})` });
            }
            const known = new Set<string>();
            s.steps.forEach((st, i) => {
                for (const [, name] of `${st.path} ${st.body ?? ""}`.matchAll(VARIABLE_REF)) {
                    if (credentials.has(name)) {
                        if (!s.needsLogin)
                            problems.push({
                                source,
                                field: `${f}.steps[${i}]`,
                                message: `uses {{ ${name} }} but the test does not set needsLogin: true`,
                            });
                    } else if (!known.has(name)) {
                        problems.push({
                            source,
                            field: `${f}.steps[${i}]`,
                            message: `uses {{ ${name} }} before any earlier step extracts it (credentials: ${vars.user}, ${vars.password})`,
                        });
                    }
                }
                if (st.extract) known.add(st.extract.variable);
            });
        }
    }
    return problems;
}

export type { SyntheticSpec };
