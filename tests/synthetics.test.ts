/** Synthetic tests: the model (frequencies, renotify, spec rules) and what the evaluated stacks create from it. */
import { parseHandles, routeHandles } from "../lib/datadog/handles";
import { stateBlocks } from "../lib/datadog/messages";
import { ProductSpec } from "../lib/inputs/catalog/schema";
import { formatProblem } from "../lib/inputs/errors";
import { buildSyntheticTests, jsonPathTarget, renotifyMinutes, syntheticSpecProblems, tickEvery } from "../lib/datadog/synthetics";
import { catalog } from "../products";
import { minimalProduct } from "./fixtures/minimalProduct";
import { SENTINEL_SECRETS } from "./helpers/constants";
import { loadPlan } from "./helpers/plan";
import { stackConfig } from "./helpers/stackConfig";

const TEST = "datadog:index/syntheticsTest:SyntheticsTest";
const VARIABLE = "datadog:index/syntheticsGlobalVariable:SyntheticsGlobalVariable";
const production = loadPlan("production");
const staging = loadPlan("staging");
type View = typeof production;
const options = (view: View, name: string) => view.byName(name, TEST).inputs.optionsList as Record<string, any>;

describe("frequencies", () => {
    // 004 §Synthetic Checks: home 1 min, login 5, lead claiming 10, payment 15, admin 30, mobile 60; staging 4x less often.
    it.each([
        ["plumberleads-home-page-availability", 60, 240],
        ["plumberleads-login-flow", 300, 1200],
        ["plumberleads-lead-claiming", 600, 2400],
        ["plumberleads-payment-processing", 900, 3600],
        ["plumberleads-admin-dashboard", 1800, 7200],
        ["plumberleads-mobile-responsive", 3600, 14400],
        ["vivr-api-health", 60, 240],
    ])("%s runs every %i s in production and %i s in staging", (name, prod, stag) => {
        expect(options(production, name).tickEvery).toBe(prod);
        expect(options(staging, name).tickEvery).toBe(stag);
    });

    it("runs every staging test exactly frequencyMultiplier (4) times less often than in production", () => {
        const prod = new Map(production.ofType(TEST).map((t) => [t.name, (t.inputs.optionsList as any).tickEvery as number]));
        const stag = staging.ofType(TEST);
        expect(stag).toHaveLength(prod.size);
        for (const t of stag) expect([t.name, (t.inputs.optionsList as any).tickEvery]).toEqual([t.name, prod.get(t.name)! * 4]);
    });

    it("keeps plan frequencies exact, in whole seconds within Datadog's range (browser tests at most every 5 min)", () => {
        expect(tickEvery("10m", 1, "multistep")).toBe(600);
        expect(tickEvery("10m", 4, "multistep")).toBe(2400);
        expect(tickEvery("45s", 1.5, "api")).toBe(68); // 67.5 s rounded up: never more often than planned
        expect(tickEvery("1m", 1, "browser")).toBe(300);
        expect(tickEvery("15s", 1, "api")).toBe(30);
        expect(tickEvery("1w", 4, "ssl")).toBe(604800);
    });

    it("lowers a severity's renotify interval to one Datadog offers", () => {
        expect([15, 30, 120, 0, 100, 5000].map(renotifyMinutes)).toEqual([10, 30, 120, 0, 90, 1440]);
        expect(options(production, "vivr-api-health").monitorOptions).toEqual({ renotifyInterval: 10 }); // P0: 15 min
        expect(options(production, "plumberleads-login-flow").monitorOptions).toEqual({ renotifyInterval: 30 }); // P1
        expect(options(production, "plumberleads-admin-dashboard").monitorOptions).toEqual({ renotifyInterval: 120 }); // P2
    });
});

describe("test definitions", () => {
    // 002 §Application Health Endpoint: "unhealthy" (a 503) is down; "degraded" (one dependency in error) still serves.
    it("pages on VIVR's /api/health only when the service is down: 200 and status healthy or degraded", () => {
        const t = production.byName("vivr-api-health", TEST);
        expect(t.inputs).toMatchObject({
            type: "api",
            subtype: "http",
            requestDefinition: { method: "GET", url: "https://vivr.shop/api/health", timeout: 30 },
            tags: expect.arrayContaining(["severity:p0"]),
        });
        expect(t.inputs.assertions).toEqual([
            { type: "statusCode", operator: "is", target: "200" },
            { type: "responseTime", operator: "lessThan", target: "5000" },
            {
                type: "body",
                operator: "validatesJSONPath",
                targetjsonpath: { jsonpath: "$.status", operator: "matches", targetvalue: "^(healthy|degraded)$" },
            },
        ]);
        const status = new RegExp((t.inputs.assertions as any[])[2].targetjsonpath.targetvalue);
        expect(["healthy", "degraded", "unhealthy", "healthy-ish", "not degraded"].map((v) => status.test(v))).toEqual([
            true,
            true,
            false,
            false,
            false,
        ]);
    });

    it("reports a VIVR dependency (database, cache, payment) not ok at P1, every 5 min, without paging", () => {
        const t = production.byName("vivr-api-health-dependencies", TEST);
        expect((t.inputs.requestDefinition as any).url).toBe("https://vivr.shop/api/health");
        expect(t.inputs.tags).toEqual(expect.arrayContaining(["severity:p1"]));
        expect((t.inputs.optionsList as any).tickEvery).toBe(300);
        expect(t.inputs.message).not.toMatch(/@pagerduty-/);
        const check = (jsonpath: string) => ({
            type: "body",
            operator: "validatesJSONPath",
            targetjsonpath: { jsonpath, operator: "is", targetvalue: "ok" },
        });
        expect(t.inputs.assertions).toEqual([
            { type: "statusCode", operator: "is", target: "200" },
            { type: "responseTime", operator: "lessThan", target: "5000" },
            check("$.checks.database.status"),
            check("$.checks.cache.status"),
            check("$.checks.payment.status"),
        ]);
    });

    it("escapes regular-expression characters in the values an assertion accepts", () => {
        expect(jsonPathTarget({ jsonPath: "$.v", oneOf: ["1.0", "a|b", "(x)"] })).toEqual({
            operator: "matches",
            targetvalue: "^(1\\.0|a\\|b|\\(x\\))$",
        });
        expect(jsonPathTarget({ jsonPath: "$.v", equals: "ok" })).toEqual({ operator: "is", targetvalue: "ok" });
    });

    it("gives every product a health check, a multistep flow and a browser journey", () => {
        for (const [stack, view] of [
            ["production", production],
            ["staging", staging],
        ] as const) {
            const kinds = new Map<string, Set<string>>();
            for (const t of view.ofType(TEST)) {
                const p = view.productOf(t);
                kinds.set(p, (kinds.get(p) ?? new Set()).add(`${t.inputs.type}/${t.inputs.subtype ?? "-"}`));
            }
            expect([...kinds.keys()].sort()).toEqual([...stackConfig(stack).products].sort());
            for (const [p, k] of kinds)
                expect([p, ["api/http", "api/multi", "api/ssl", "browser/-"].every((x) => k.has(x))]).toEqual([p, true]);
        }
    });

    it("checks the certificate of every host of every product: alert under 14 days, no self-signed", () => {
        const ssl = production.ofType(TEST).filter((t) => t.inputs.subtype === "ssl");
        const expected = catalog
            .flatMap((p) => [...new Set(p.surfaces.map((s) => s.host).filter(Boolean))].map((h) => `${p.key} ${h}`))
            .sort();
        expect(ssl.map((t) => `${production.productOf(t)} ${(t.inputs.requestDefinition as any).host}`).sort()).toEqual(expected);
        expect(ssl.length).toBeGreaterThan(0);
        for (const t of ssl) {
            expect(t.inputs.assertions).toEqual([{ type: "certificate", operator: "isInMoreThan", target: "14" }]);
            expect((t.inputs.requestDefinition as any).port).toBe("443");
            expect(t.inputs.optionsList).toMatchObject({
                acceptSelfSigned: false,
                checkCertificateRevocation: true,
                minFailureDuration: 0,
            });
        }
    });

    it("tests staging hosts in staging", () => {
        expect((staging.byName("vivr-api-health", TEST).inputs.requestDefinition as any).url).toBe("https://staging.vivr.shop/api/health");
        expect((staging.byName("plumberleads-ssl-admin", TEST).inputs.requestDefinition as any).host).toBe(
            "staging.admin.plumberleads.com",
        );
    });

    it("runs from the configured locations; a failure must survive a retry and show in 2 locations, and last 2 min below P0", () => {
        for (const [view, locations] of [
            [production, ["aws:us-east-1", "aws:eu-west-1", "aws:ap-southeast-1"]],
            [staging, ["aws:us-east-1", "aws:eu-west-1"]],
        ] as const) {
            for (const t of view.ofType(TEST)) {
                const o = t.inputs.optionsList as any;
                // P0 checks alert on the first confirmed failure: a 60 s tick + 5 s retry keeps them under 000's 2-minute MTTD.
                const immediate = t.inputs.subtype === "ssl" || (t.inputs.tags as string[]).includes("severity:p0");
                expect([t.name, t.inputs.locations, o.retry, o.minLocationFailed, o.minFailureDuration]).toEqual([
                    t.name,
                    locations,
                    { count: 1, interval: 5000 },
                    2,
                    immediate ? 0 : 120,
                ]);
            }
        }
        const p0 = production.ofType(TEST).filter((t) => (t.inputs.tags as string[]).includes("severity:p0"));
        expect(p0.length).toBeGreaterThan(0);
        for (const t of p0) expect([t.name, (t.inputs.optionsList as any).tickEvery + 5 < 120]).toEqual([t.name, true]);
    });

    it("caps retries at Datadog's limits (3 for API tests, 2 for browser tests)", () => {
        const base = stackConfig("production");
        const config = { ...base, synthetics: { ...base.synthetics, retries: 3 } };
        const plumberleads = ProductSpec.parse(catalog.find((p) => p.key === "plumberleads"));
        const retries = Object.fromEntries(buildSyntheticTests(plumberleads, config).map((t) => [t.id, t.retry.count]));
        expect(retries).toMatchObject({ "home-page-availability": 3, "lead-claiming": 3, "admin-dashboard": 2, "mobile-responsive": 2 });
    });

    it("keeps test credentials in secure global variables and references them by id", () => {
        const vars = production.ofType(VARIABLE, "plumberleads");
        expect(vars.map((v) => [v.name, v.inputs.name, v.inputs.secure ?? false]).sort()).toEqual([
            ["plumberleads-test-password", "PLUMBERLEADS_TEST_PASSWORD", true],
            ["plumberleads-test-user", "PLUMBERLEADS_TEST_USER", false],
        ]);
        expect(production.byName("plumberleads-test-password", VARIABLE).inputs.value).toBe("[secret]");
        expect(production.raw).not.toContain(SENTINEL_SECRETS.syntheticsPassword);
        const claim = production.byName("plumberleads-lead-claiming", TEST);
        const refs = claim.inputs.configVariables as Array<{ type: string; name: string; id: string }>;
        expect(refs.map((v) => [v.type, v.name])).toEqual([
            ["global", "PLUMBERLEADS_TEST_USER"],
            ["global", "PLUMBERLEADS_TEST_PASSWORD"],
        ]);
        expect(new Set(refs.map((v) => v.id)).size).toBe(2);
        // Browser logins use the same variables; tests that do not log in get none.
        expect(production.byName("plumberleads-admin-dashboard", TEST).inputs.browserVariables).toEqual(refs);
        expect(production.byName("plumberleads-mobile-responsive", TEST).inputs.browserVariables).toEqual([]);
    });

    it("chains multistep requests: the login token is extracted (obfuscated) and sent by every later step", () => {
        const steps = production.byName("plumberleads-lead-claiming", TEST).inputs.apiSteps as any[];
        expect(steps.map((s) => [s.requestDefinition.method, s.requestDefinition.url, s.requestHeaders.Authorization ?? null])).toEqual([
            ["POST", "https://api.plumberleads.com/api/auth/login", null],
            ["GET", "https://api.plumberleads.com/api/leads?area=synthetic-test", "Bearer {{ AUTH_TOKEN }}"],
            ["POST", "https://api.plumberleads.com/api/leads/{{ LEAD_ID }}/claim", "Bearer {{ AUTH_TOKEN }}"],
            ["POST", "https://api.plumberleads.com/api/leads/{{ LEAD_ID }}/release", "Bearer {{ AUTH_TOKEN }}"],
        ]);
        expect(steps[0].extractedValues).toEqual([
            { name: "AUTH_TOKEN", type: "http_body", parser: { type: "json_path", value: "$.token" }, secure: true },
        ]);
        expect(steps[1].extractedValues).toEqual([
            { name: "LEAD_ID", type: "http_body", parser: { type: "json_path", value: "$.leads[0].id" }, secure: false },
        ]);
        expect(steps.every((s) => s.subtype === "http" && s.isCritical && s.assertions[0].type === "statusCode")).toBe(true);
    });

    it("runs browser journeys on their devices, asserts the page loaded, and leaves recorded steps to Datadog", () => {
        const mobile = production.byName("plumberleads-mobile-responsive", TEST);
        const admin = production.byName("plumberleads-admin-dashboard", TEST);
        expect(mobile.inputs.deviceIds).toEqual(["chrome.mobile_small"]);
        expect(admin.inputs.deviceIds).toEqual(["chrome.laptop_large"]);
        expect(admin.inputs.requestDefinition).toEqual({ method: "GET", url: "https://admin.plumberleads.com/" });
        expect((admin.inputs.browserSteps as any[])[0]).toEqual({
            name: "Page loaded on admin.plumberleads.com",
            type: "assertCurrentUrl",
            params: { check: "contains", value: "admin.plumberleads.com" },
        });
        for (const t of production.ofType(TEST))
            expect([t.name, t.options.ignoreChanges]).toEqual([t.name, t.inputs.type === "browser" ? ["browserSteps"] : []]);
    });

    it("routes failures by severity: P0 checks page in production only", () => {
        // The handles of the alert state (recoveries go to the same route, in their own block).
        const handles = (view: View, name: string) =>
            parseHandles(stateBlocks(view.byName(name, TEST).inputs.message as string).is_alert)
                .map((h) => h.raw)
                .join(" ");
        expect(handles(production, "vivr-api-health")).toBe(
            "@pagerduty-vivr-production @slack-alerts-critical @slack-vivr-alerts-critical",
        );
        expect(handles(staging, "vivr-api-health")).not.toContain("@pagerduty-");
        const plumberleads = catalog.find((p) => p.key === "plumberleads")!;
        expect(handles(production, "plumberleads-ssl-web")).toBe(
            routeHandles("P2", "production", stackConfig("production").routing, plumberleads).join(" "),
        );
        expect(handles(production, "plumberleads-ssl-web")).toMatch(/^@slack-alerts-warning\b/);
        expect(options(production, "vivr-api-health").monitorPriority).toBe(1);
        expect(staging.ofType(TEST).filter((t) => (t.inputs.message as string).includes("@pagerduty-"))).toEqual([]);
    });
});

describe("spec rules", () => {
    const spec = (synthetics: unknown[]) => ProductSpec.parse(minimalProduct({ synthetics: synthetics as never }));
    const base = { surface: "api", severity: "P1", source: "test" } as const;

    it("rejects frequencies Datadog cannot run, devices on API tests, and step variables nobody provides", () => {
        const product = spec([
            { ...base, id: "journey", title: "Journey", kind: "browser", frequency: "1m", path: "/", journey: ["Open the page"] },
            { ...base, id: "health", title: "Health", kind: "api", frequency: "2w", path: "/health", devices: ["mobile_small"] },
            {
                ...base,
                id: "flow",
                title: "Flow",
                kind: "multistep",
                frequency: "5m",
                steps: [
                    {
                        name: "Log in",
                        method: "POST",
                        path: "/login",
                        body: '{"password":"{{ ACME_TEST_PASSWORD }}"}',
                        extract: { variable: "AUTH_TOKEN", jsonPath: "$.token" },
                    },
                    { name: "Read the order", path: "/orders/{{ ORDER_ID }}", extract: { variable: "ORDER_ID", jsonPath: "$.id" } },
                ],
            },
        ]);
        expect(syntheticSpecProblems([product]).map(formatProblem)).toEqual([
            "products/acme.ts: synthetics[journey].frequency: 1m is outside what Datadog runs for browser tests (every 5m to 7d)",
            "products/acme.ts: synthetics[health].frequency: 2w is outside what Datadog runs for api tests (every 30s to 7d)",
            "products/acme.ts: synthetics[health].devices: only browser tests run on devices (kind: api)",
            "products/acme.ts: synthetics[flow].steps[0]: uses {{ ACME_TEST_PASSWORD }} but the test does not set needsLogin: true",
            "products/acme.ts: synthetics[flow].steps[1]: uses {{ ORDER_ID }} before any earlier step extracts it (credentials: ACME_TEST_USER, ACME_TEST_PASSWORD)",
        ]);
    });

    it("takes a body assertion as one value (equals) or any of two or more (oneOf), never both", () => {
        const api = { ...base, id: "health", title: "Health", kind: "api", frequency: "1m", path: "/health" };
        const parses = (assertions: unknown[]) =>
            ProductSpec.safeParse(minimalProduct({ synthetics: [{ ...api, assertions }] as never })).success;
        expect(parses([{ jsonPath: "$.status", oneOf: ["healthy", "degraded"] }])).toBe(true);
        expect(parses([{ jsonPath: "$.status", oneOf: ["healthy"] }])).toBe(false);
        expect(parses([{ jsonPath: "$.status", equals: "ok", oneOf: ["a", "b"] }])).toBe(false);
    });

    it("accepts every product spec of the catalog", () => {
        expect(syntheticSpecProblems(catalog.map((p) => ProductSpec.parse(p)))).toEqual([]);
    });
});
