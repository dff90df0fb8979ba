/**
 * Specs that cannot contradict themselves: thresholds with units converted to each metric's native unit, texts
 * rendered from the numbers, a number left in the prose checked against the thresholds, the rules every product must
 * meet, and the alert shapes that page wrongly. Mechanisms are shown on the fixture product; the sweeps run over the
 * whole catalog, so a new product is checked without editing this file.
 */
import { buildQuery, nativeUnit } from "../lib/datadog/query";
import { formatProblem, isValidationError } from "../lib/inputs/errors";
import { CUMULATIVE_METRICS, loadCatalog } from "../lib/inputs/catalog/validate";
import type { Product, ProductSpec } from "../lib/inputs/catalog/schema";
import {
    apmLatency,
    apmLatencyRegression,
    CORE_WEB_VITALS,
    dependencyCheck,
    eventCount,
    hostMemory,
    vercelMonitors,
    webVitalsMonitors,
} from "../lib/inputs/catalog/factories";
import { ms, s } from "../lib/inputs/catalog/units";
import { catalog } from "../products";
import { minimalProduct } from "./fixtures/minimalProduct";

const products = loadCatalog(catalog);

function problemsOf(specs: ProductSpec[]): string[] {
    try {
        loadCatalog(specs);
        return [];
    } catch (e) {
        if (!isValidationError(e)) throw e;
        return e.problems.map(formatProblem);
    }
}

const latency = (critical: unknown, title = "API p95 above {critical}") =>
    apmLatency({
        id: "latency",
        surface: "api",
        severity: "P2",
        span: "flask.request",
        critical: critical as never,
        title,
        whatHappened: "The p95 latency exceeded {critical} over the last {window}.",
        firstSteps: ["Open APM"],
        source: "test",
    });
const withMonitor = (m: unknown) => minimalProduct({ monitors: [...minimalProduct().monitors, m as never] });
const fixtureMonitor = (m: unknown) => loadCatalog([withMonitor(m)])[0].monitors.find((x) => x.id === (m as { id: string }).id)!;
const scope = (p: Product, surface: string) => ({ env: "production", service: p.surfaces.find((x) => x.name === surface)!.service });

describe("thresholds carry units", () => {
    it("converts a duration to the metric's native unit: APM seconds, RUM nanoseconds", () => {
        const m = fixtureMonitor(latency(ms(1500)));
        expect([m.critical, m.unit, m.title]).toEqual([1.5, "s", "API p95 above 1500 ms"]);
        expect(buildQuery(m.query, m.comparator, m.critical, { env: "production", service: "acme-api" })).toBe(
            "percentile(last_5m):p95:trace.flask.request{env:production,service:acme-api} > 1.5",
        );
        const rum = fixtureMonitor({
            id: "lcp",
            title: "LCP above {critical}",
            category: "frontend",
            severity: "P2",
            surface: "api",
            comparator: ">",
            critical: s(2.5),
            query: { kind: "rum", search: "@type:view", rollup: "pc75", measure: "@view.largest_contentful_paint", window: "15m" },
            whatHappened: "Largest Contentful Paint exceeded {critical}.",
            firstSteps: ["Open RUM"],
            source: "test",
        });
        expect([rum.critical, rum.unit, rum.title]).toEqual([2.5e9, "ns", "LCP above 2.5 s"]);
    });

    it("refuses a duration without its unit and an implausible one, naming product, monitor and field", () => {
        expect(problemsOf([withMonitor(latency(1500))])).toContain(
            "products/acme.ts: monitors[latency].critical: trace.flask.request is a duration stored in s: give the threshold with its unit, e.g. ms(1500) or s(1500)",
        );
        expect(problemsOf([withMonitor(latency(s(1500)))])).toEqual([
            "products/acme.ts: monitors[latency].critical: 1500 s is implausible for trace.flask.request (expected 0.001 s to 600 s): is the unit wrong?",
        ]);
    });

    it("writes every catalog duration with its unit and stores it in the metric's native unit", () => {
        let durations = 0;
        catalog.forEach((spec, i) =>
            spec.monitors.forEach((raw, j) => {
                const loaded = products[i].monitors[j];
                const native = nativeUnit(loaded.query);
                if (!native) return;
                durations++;
                expect([spec.key, raw.id, typeof raw.critical]).toEqual([spec.key, raw.id, "object"]);
                expect([spec.key, raw.id, loaded.unit]).toEqual([spec.key, raw.id, native]);
            }),
        );
        expect(durations).toBeGreaterThan(0);
    });
});

describe("texts are rendered from the numbers", () => {
    it("renders {critical}, {warning} and {window}", () => {
        const m = fixtureMonitor(
            hostMemory({
                id: "memory",
                surface: "api",
                severity: "P2",
                critical: 90,
                warning: 80,
                title: "Memory above {critical} (warning {warning})",
                whatHappened: "Memory stayed above {critical} over the last {window}.",
                firstSteps: ["Restart above {critical}"],
                source: "test",
            }),
        );
        expect([m.title, m.whatHappened, m.firstSteps[0]]).toEqual([
            "Memory above 90% (warning 80%)",
            "Memory stayed above 90% over the last 5 minutes.",
            "Restart above 90%",
        ]);
    });

    it("refuses a number left in the prose that differs from the thresholds", () => {
        const spec = withMonitor(latency(ms(400), "API p95 above 500 ms"));
        expect(problemsOf([spec])).toEqual([
            "products/acme.ts: monitors[latency].title: says 500 ms but critical is 400 ms: write {critical}/{warning}/{window} instead of the number",
        ]);
        const error = minimalProduct();
        (error.monitors[0] as { critical: number }).critical = 4;
        (error.monitors[0] as { title: string }).title = "API error rate above 5%";
        expect(problemsOf([error])).toContain(
            "products/acme.ts: monitors[error-rate].title: says 5 but critical is 4 and warning is 1: write {critical}/{warning}/{window} instead of the number",
        );
    });

    it("refuses an unknown placeholder and a {warning} without a warning", () => {
        expect(problemsOf([withMonitor(latency(s(1), "API p95 above {threshold} ({warning})"))])).toEqual([
            "products/acme.ts: monitors[latency].title: unknown placeholder {threshold} (known: {critical}, {warning}, {window})",
            "products/acme.ts: monitors[latency].title: {warning} is used but the monitor has no warning",
        ]);
    });

    it("leaves no placeholder unrendered and no contradicting number in any catalog text", () => {
        for (const p of products) {
            for (const m of p.monitors) {
                for (const text of [m.title, m.whatHappened, ...m.firstSteps])
                    expect([p.key, m.id, text]).toEqual([p.key, m.id, text.replace(/\{\w+\}/g, "")]);
            }
        }
    });
});

describe("rules every product must meet", () => {
    const fixture = minimalProduct();
    const without = (change: (p: ProductSpec) => void) => {
        const p = JSON.parse(JSON.stringify(fixture)) as ProductSpec;
        change(p);
        return problemsOf([p]);
    };

    it("holds for the fixture and for every catalog product", () => {
        expect(problemsOf([fixture])).toEqual([]);
        expect(products.length).toBe(catalog.length);
    });

    it.each<[string, (p: ProductSpec) => void, string]>([
        [
            "an availability check per API surface",
            (p) => {
                p.monitors = p.monitors.filter((m) => m.category !== "availability");
                p.synthetics = p.synthetics.filter((x) => x.kind !== "api");
            },
            'products/acme.ts: monitors: API surface "api" has no availability check: add a service-down monitor (serviceCheck) or a health synthetic (healthCheck)',
        ],
        [
            "a latency SLO",
            (p) => (p.slos = p.slos.filter((x) => x.kind !== "latency")),
            'products/acme.ts: slos: no latency SLO: add one (kind: "latency")',
        ],
        [
            "a health check",
            (p) => (p.synthetics = p.synthetics.filter((x) => x.kind !== "api")),
            "products/acme.ts: synthetics: no health check: add an API test of a health endpoint (healthCheck)",
        ],
        [
            "an SSL test per host",
            (p) => (p.synthetics = p.synthetics.filter((x) => x.kind !== "ssl")),
            "products/acme.ts: synthetics: host api.acme.test has no SSL certificate test (sslCheck)",
        ],
        [
            "a user-journey test",
            (p) => (p.synthetics = p.synthetics.filter((x) => x.kind !== "multistep")),
            "products/acme.ts: synthetics: no user-journey test: add a multistep API test or a browser test of a key flow",
        ],
    ])("requires %s", (_rule, change, problem) => {
        expect(without(change)).toContain(problem);
    });
});

describe("alert shapes that page wrongly or never fire", () => {
    const rendered = products.flatMap((p) =>
        p.monitors.map((m) => ({ p, m, query: buildQuery(m.query, m.comparator, m.critical, scope(p, m.surface)) })),
    );

    it("gives every failure ratio a volume floor: default_zero failures over at least minCount events", () => {
        const ratios = rendered.filter(
            ({ m }) => m.query.kind === "ratio" && m.comparator.startsWith(">") && !m.query.complement && m.query.numerator.asCount,
        );
        expect(ratios.length).toBeGreaterThan(0);
        for (const { p, m, query } of ratios) {
            const floor = m.query.kind === "ratio" ? m.query.minCount : undefined;
            expect([p.key, m.id, floor !== undefined && floor > 0]).toEqual([p.key, m.id, true]);
            expect([p.key, m.id, query]).toEqual([
                p.key,
                m.id,
                expect.stringMatching(new RegExp(`^sum\\(last_\\w+\\):\\(default_zero\\(.*\\) / clamp_min\\(.*, ${floor}\\)\\)`)),
            ]);
        }
        expect(
            problemsOf([
                minimalProduct({
                    monitors: minimalProduct().monitors.map((m) =>
                        m.id === "error-rate" ? ({ ...m, query: { ...(m.query as object), minCount: undefined } } as never) : m,
                    ),
                }),
            ]),
        ).toEqual([
            "products/acme.ts: monitors[error-rate].query.minCount: a failure ratio needs a volume floor (minCount): without it one failure among a few events alerts",
        ]);
    });

    it("counts sparse events in default_zero so monitors recover, and never pages on a single event", () => {
        const counters = rendered.filter(
            ({ m }) => m.query.kind === "metric" && m.query.base.asCount && m.query.timeAggregation === "sum" && !m.query.expression,
        );
        expect(counters.length).toBeGreaterThan(0);
        for (const { p, m, query } of counters) {
            expect([p.key, m.id, query]).toEqual([p.key, m.id, expect.stringMatching(/^sum\(last_\w+\):default_zero\(/)]);
            const events = m.comparator === ">" ? Math.floor(m.critical) + 1 : Math.ceil(m.critical);
            if (m.severity === "P0") expect([p.key, m.id, events >= 2]).toEqual([p.key, m.id, true]);
        }
        const single = eventCount({
            id: "failures",
            surface: "api",
            severity: "P0",
            metric: "acme.payments.failed",
            window: "5m",
            critical: 0,
            comparator: ">",
            title: "Payment failures",
            whatHappened: "Payments failed in the last {window}.",
            firstSteps: ["Check the provider"],
            source: "test",
        });
        expect(problemsOf([withMonitor(single)])).toEqual([
            "products/acme.ts: monitors[failures].critical: a P0 on a single event pages for one failure: alert on a rate or on at least 2 events",
        ]);
    });

    it("alerts on running totals as rates, memory as usable memory, CPU as total, and integration metrics by their own tags", () => {
        for (const { p, m, query } of rendered) {
            const at = [p.key, m.id];
            for (const metric of CUMULATIVE_METRICS)
                if (query.includes(`${metric}{`))
                    expect([...at, query]).toEqual([...at, expect.stringMatching(/(per_second|diff|monotonic_diff|derivative|rate)\(/)]);
            expect([...at, /system\.mem\.used\{|system\.cpu\.user\{|system\.net\.tcp\.rtt\.avg/.test(query)]).toEqual([...at, false]);
            expect([...at, /cloudflare\.[\w.]+\{[^}]*(env|service):/.test(query)]).toEqual([...at, false]);
        }
        expect(rendered.some(({ query }) => query.includes("system.mem.pct_usable"))).toBe(true);
    });

    it("puts no host metric on a surface that runs on Vercel", () => {
        const vercel = rendered.filter(({ p, m }) => p.surfaces.find((x) => x.name === m.surface)?.runtime === "vercel");
        expect(vercel.length).toBeGreaterThan(0);
        for (const { p, m, query } of vercel) expect([p.key, m.id, /by \{[^}]*host|system\./.test(query)]).toEqual([p.key, m.id, false]);
        const onVercel = minimalProduct({ surfaces: [{ ...minimalProduct().surfaces[0], runtime: "vercel" }] });
        const memory = hostMemory({
            id: "memory",
            surface: "api",
            severity: "P2",
            critical: 90,
            title: "Memory above {critical}",
            whatHappened: "Memory is high on a host.",
            firstSteps: ["Restart"],
            source: "test",
        });
        expect(problemsOf([{ ...onVercel, monitors: [...onVercel.monitors, memory] }])).toEqual([
            'products/acme.ts: monitors[memory].query: host metrics on surface "api", which runs on Vercel and has no hosts: it would never report',
        ]);
    });

    it("searches security logs only under the product's own services", () => {
        for (const p of products) {
            const services = p.surfaces.map((x) => x.service);
            for (const r of p.security)
                for (const [, svc] of r.search.matchAll(/(?:^|\s)service:([\w.-]+)/g))
                    expect([p.key, r.id, services.includes(svc)]).toEqual([p.key, r.id, true]);
        }
        const rule = {
            id: "failed-logins",
            title: "Failed logins",
            severity: "P1" as const,
            search: "service:auth status:error",
            threshold: 10,
            window: "5m",
            source: "test",
        };
        expect(problemsOf([minimalProduct({ security: [rule] })])).toEqual([
            "products/acme.ts: security[failed-logins].search: service:auth is not a service of this product, so its logs never match (services: acme-api)",
        ]);
    });
});

describe("the query builder", () => {
    it("converts a duration threshold to the query's native unit and refuses one for a query without durations", () => {
        const scope = { env: "staging", service: "acme-api" };
        const p95 = {
            kind: "percentile",
            percentile: "p95",
            window: "5m",
            base: { metric: "trace.flask.request", aggregation: "avg" },
        } as const;
        expect(buildQuery(p95, ">", ms(800), scope)).toBe(
            "percentile(last_5m):p95:trace.flask.request{env:staging,service:acme-api} > 0.8",
        );
        expect(buildQuery(p95, ">", 0.8, scope)).toBe("percentile(last_5m):p95:trace.flask.request{env:staging,service:acme-api} > 0.8");
        const lcp = {
            kind: "rum",
            search: "@type:view",
            rollup: "pc75",
            measure: "@view.largest_contentful_paint",
            window: "15m",
        } as const;
        expect(buildQuery(lcp, ">", s(2.5), scope)).toBe(
            'rum("env:staging service:acme-api @type:view").rollup("pc75", "@view.largest_contentful_paint").last("15m") > 2500000000',
        );
        const hits = {
            kind: "metric",
            timeAggregation: "sum",
            window: "5m",
            base: { metric: "trace.flask.request.hits", aggregation: "sum", asCount: true },
        } as const;
        expect(() => buildQuery(hits, ">", ms(5), scope)).toThrow("5 ms is a duration, but this metric query does not return durations");
    });

    it("fills {service} and {env} in the tags of an integration that sets its own (Vercel's project_name, deployment_env)", () => {
        const errors = vercelMonitors({ surface: "api", source: { errors: "test", builds: "test", coldStarts: "test" } })[0];
        expect(buildQuery(errors.query as never, ">", 1, { env: "staging", service: "acme-api" })).toBe(
            "sum(last_5m):(default_zero(sum:vercel.functions.errors{project_name:acme-api,deployment_env:staging}.as_count()) / " +
                "clamp_min(sum:vercel.functions.invocations{project_name:acme-api,deployment_env:staging}.as_count(), 100)) * 100 > 1",
        );
        const tagged = { kind: "metric", timeAggregation: "avg", window: "5m", base: { metric: "vercel.functions.errors" } } as const;
        expect(problemsOf([withMonitor({ ...errors, id: "tagged", query: tagged })])).toEqual([
            "products/acme.ts: monitors[tagged].query: vercel.functions.errors carries no env or service tag: filter it by its own tags (unscoped: true)",
        ]);
    });
});

describe("real-user monitoring of every web surface", () => {
    const rendered = products.flatMap((p) =>
        p.monitors.map((m) => ({ p, m, query: buildQuery(m.query, m.comparator, m.critical, scope(p, m.surface)) })),
    );
    const web = products.flatMap((p) => p.surfaces.filter((s) => s.kind === "web").map((s) => ({ p, s })));

    it("watches LCP, responsiveness (INP or FID) and CLS at p75, and the browser error rate, on each web surface", () => {
        expect(web.length).toBeGreaterThan(0);
        for (const { p, s } of web) {
            const mine = rendered.filter((r) => r.p === p && r.m.surface === s.name);
            const on = mine.filter(({ m }) => m.query.kind === "rum").map(({ query }) => query);
            const measures = ["largest_contentful_paint", "(interaction_to_next_paint|first_input_delay)", "cumulative_layout_shift"];
            for (const measure of measures)
                expect([p.key, s.name, measure, on.some((q) => new RegExp(`"pc75", "@view\\.${measure}"`).test(q))]).toEqual([
                    p.key,
                    s.name,
                    measure,
                    true,
                ]);
            const errors = mine.find(({ query }) => query.includes("rum.measure.error{"));
            expect([p.key, s.name, errors?.query]).toEqual([
                p.key,
                s.name,
                `sum(last_15m):(default_zero(sum:rum.measure.error{env:production,service:${s.service}}.as_count()) / ` +
                    `clamp_min(sum:rum.measure.view{env:production,service:${s.service}}.as_count(), 200)) * 100 > 10`,
            ]);
        }
    });

    it("alerts at Google's poor boundary and warns at needs-improvement, in RUM's nanoseconds", () => {
        const [lcp, inp, cls, errors] = loadCatalog([
            minimalProduct({
                monitors: [
                    ...minimalProduct().monitors,
                    ...webVitalsMonitors({ surface: "api", source: { vitals: "test", errors: "test" } }),
                ],
            }),
        ])[0].monitors.slice(-4);
        expect([lcp.critical, lcp.warning, inp.critical, inp.warning, cls.critical, cls.warning]).toEqual([
            4e9, 2.5e9, 5e8, 2e8, 0.25, 0.1,
        ]);
        expect([lcp.title, inp.title, cls.title, errors.title]).toEqual([
            "Largest Contentful Paint (p75) above 4 s",
            "Interaction to Next Paint (p75) above 500 ms",
            "Cumulative Layout Shift (p75) above 0.25",
            "Browser errors above 10 per hundred page views",
        ]);
        expect([lcp.severity, inp.severity, cls.severity, errors.severity]).toEqual(["P2", "P2", "P2", "P1"]);
        expect(CORE_WEB_VITALS.inp.critical).toEqual(ms(500));
        expect(() => webVitalsMonitors({ surface: "web", skip: ["js-error-rate"], source: { errors: "test" } })).toThrow(
            "webVitalsMonitors(web): source.vitals is needed unless its monitors are skipped",
        );
    });
});

describe("a plan's additions to the company routes (severityRoutes)", () => {
    const withRoutes = (severityRoutes: unknown) => minimalProduct({ severityRoutes: severityRoutes as never });

    it("accepts a low-urgency page and a team email below P0", () => {
        const [p] = loadCatalog([
            withRoutes([{ severity: "P1", lowUrgencyPage: true, emailTeam: true, source: "004 §Alert Severity Levels" }]),
        ]);
        expect(p.severityRoutes).toEqual([{ severity: "P1", lowUrgencyPage: true, emailTeam: true, source: "004 §Alert Severity Levels" }]);
    });

    it("refuses a low-urgency page on a severity that already pages, an empty addition and a repeated severity, all at once", () => {
        expect(
            problemsOf([
                withRoutes([
                    { severity: "P0", lowUrgencyPage: true, source: "004 §x" },
                    { severity: "P2", source: "004 §x" },
                    { severity: "P2", emailTeam: true, source: "004 §x" },
                ]),
            ]),
        ).toEqual([
            'products/acme.ts: severityRoutes: "P2" is used more than once; ids must be unique',
            "products/acme.ts: severityRoutes[P0].lowUrgencyPage: P0 already pages at high urgency",
            "products/acme.ts: severityRoutes[P2]: adds nothing: set lowUrgencyPage or emailTeam",
        ]);
    });
});

describe("volume guards", () => {
    const guarded = (extra: Record<string, unknown>) => ({
        ...latency(ms(2000)),
        id: "guarded",
        guard: { events: { metric: "trace.flask.request.hits" }, minCount: 50 },
        ...extra,
    });

    it("refuses a warning on a guarded monitor and a guard on a query kind it cannot guard, all at once", () => {
        const log = {
            ...guarded({}),
            id: "log-guarded",
            critical: 5,
            unit: "count",
            title: "Errors above {critical}",
            whatHappened: "Error logs exceeded {critical} over {window}.",
            query: { kind: "log", search: "status:error", window: "5m" },
        };
        expect(problemsOf([withMonitor(guarded({ warning: ms(1000) }))]).concat(problemsOf([withMonitor(log)]))).toEqual([
            "products/acme.ts: monitors[guarded].warning: a guarded monitor takes no warning: its composite alerts on the condition only",
            'products/acme.ts: monitors[log-guarded].guard: a volume guard applies to metric and percentile queries, not "log"',
        ]);
    });
});

describe("factories", () => {
    const text = {
        surface: "api",
        severity: "P0" as const,
        title: "Memory above {critical}",
        whatHappened: "Memory is high on a host.",
        firstSteps: ["Restart"],
        source: "test",
    };
    const at = { env: "production", service: "acme-api" };

    it('reads a plan\'s "> N% for 5 minutes" as held over the window (min), an average otherwise', () => {
        const held = fixtureMonitor(hostMemory({ ...text, id: "memory", critical: 90, held: true }));
        const avg = fixtureMonitor(hostMemory({ ...text, id: "memory", critical: 90 }));
        expect([held, avg].map((m) => [buildQuery(m.query, m.comparator, 90, at), m.monitorOptions?.requireFullWindow])).toEqual([
            ["min(last_5m):(1 - avg:system.mem.pct_usable{env:production,service:acme-api} by {host}) * 100 > 90", true],
            ["avg(last_5m):(1 - avg:system.mem.pct_usable{env:production,service:acme-api} by {host}) * 100 > 90", undefined],
        ]);
    });

    it("checks one external dependency per API test, named after it, on the dependency endpoint", () => {
        const spec = dependencyCheck({
            key: "image_generation",
            name: "Image generation backend",
            surface: "api",
            path: "/api/health/dependencies",
            severity: "P1",
            source: "test",
        });
        expect(spec).toEqual({
            id: "dependency-image-generation",
            title: "Image generation backend (dependency health)",
            kind: "api",
            surface: "api",
            severity: "P1",
            frequency: "5m",
            path: "/api/health/dependencies",
            expectStatus: 200,
            assertions: [{ jsonPath: "$.checks.image_generation.status", equals: "ok" }],
            source: "test",
        });
        expect(problemsOf([minimalProduct({ synthetics: [...minimalProduct().synthetics, spec] })])).toEqual([]);
    });

    it("detects a performance regression as average span latency above its weekly baseline", () => {
        const m = fixtureMonitor(apmLatencyRegression({ ...text, id: "regression", severity: "P2", span: "flask.request" }));
        expect([m.category, buildQuery(m.query, m.comparator, m.critical, at)]).toEqual([
            "latency",
            "avg(last_4h):anomalies(avg:trace.flask.request{env:production,service:acme-api}, 'agile', 3, direction='above', " +
                "alert_window='last_15m', interval=60, count_default_zero='true', seasonality='weekly') >= 1",
        ]);
    });
});

describe("holds (Prometheus for:)", () => {
    it("refuses a warning on a held monitor and a hold on a log query, all at once", () => {
        const held = { ...latency(ms(2000)), id: "held", hold: "2m", warning: ms(1000) };
        const log = {
            ...latency(ms(2000)),
            id: "log-held",
            hold: "2m",
            critical: 5,
            unit: "count",
            title: "Errors above {critical}",
            whatHappened: "Error logs exceeded {critical} over {window}.",
            query: { kind: "log", search: "status:error", window: "5m" },
        };
        expect(problemsOf([withMonitor(held)]).concat(problemsOf([withMonitor(log)]))).toEqual([
            "products/acme.ts: monitors[held].warning: a held monitor takes no warning: its composite alerts on the condition only",
            'products/acme.ts: monitors[log-held].hold: a hold applies to metric, ratio and percentile queries, not "log"',
        ]);
    });
});

describe("routing by component (componentRoutes)", () => {
    const withComponents = (componentRoutes: unknown) => minimalProduct({ componentRoutes: componentRoutes as never });

    it("refuses a component named like the low-urgency service, the product's own rotation, and a category routed twice, all at once", () => {
        expect(
            problemsOf([
                withComponents([
                    { component: "low", categories: ["database"], oncallTeam: "acme-dba", source: "004 §x" },
                    { component: "db", categories: ["database"], oncallTeam: minimalProduct().team.handle, source: "004 §x" },
                ]),
            ]),
        ).toEqual([
            'products/acme.ts: componentRoutes: category "database" is routed to more than one component',
            'products/acme.ts: componentRoutes[low].component: "low" names the low-urgency pager service',
            "products/acme.ts: componentRoutes[db].oncallTeam: is the product's own team: route nothing, or name the component's rotation",
        ]);
    });
});

describe("renamed monitors (formerIds)", () => {
    it("refuses a former id that is another monitor's current id", () => {
        const renamed = { ...latency(ms(2000)), id: "renamed", formerIds: ["latency"] };
        expect(problemsOf([minimalProduct({ monitors: [latency(ms(2000)), renamed as never] })])).toEqual([
            'products/acme.ts: monitors[renamed].formerIds: "latency" is the id of a monitor of this product; an alias would take its resource',
        ]);
    });
});
