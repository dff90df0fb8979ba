/** Every dashboard of both stacks passes Datadog's official dashboard model, with the sections 000 asks for. */
import { loadCatalog } from "../lib/inputs/catalog/validate";
import { catalog } from "../products";
import { dashboardModelProblems } from "./helpers/datadogModel";
import { planDashboardKinds } from "../lib/datadog/planDashboards";
import { enabledKeys, enabledProducts, stackModel } from "./helpers/catalog";
import { STACKS } from "./helpers/constants";
import { loadPlan } from "./helpers/plan";

const DASHBOARD = "datadog:index/dashboardJson:DashboardJson";
const SLO = "datadog:index/serviceLevelObjective:ServiceLevelObjective";
const products = loadCatalog(catalog);

// 000 §Dashboards, written out by hand: each dashboard's sections, in the plan's order.
const SECTIONS_000: Record<string, string[]> = {
    engineering: ["Service map", "Error rates", "Performance metrics", "Deployment tracking", "Incident timeline"],
    oncall: ["Active incidents", "Alert summary", "Service health", "Recent deployments", "Runbook links"],
    executive: ["Revenue metrics", "User growth", "System health", "Cost per service", "SLA compliance"],
    product: ["Feature usage", "User journeys", "Conversion funnels", "A/B test results", "Retention metrics"],
};

type Def = { type: string; title?: string; widgets?: Array<{ definition: Def }>; [k: string]: unknown };
const section = (doc: any, title: string): Def[] =>
    doc.widgets.find((w: any) => w.definition.title === title).definition.widgets.map((w: any) => w.definition);
const allWidgets = (doc: any): Def[] => doc.widgets.flatMap((g: any) => g.definition.widgets.map((w: any) => w.definition));

describe.each(STACKS)("dashboards of %s", (stack) => {
    const view = loadPlan(stack);
    const dashboards = new Map(view.ofType(DASHBOARD).map((d) => [d.name, JSON.parse(d.inputs.dashboard as string)]));
    const kindOf = (name: string) => name.replace(/^.*-(engineering|oncall|executive|product)-dashboard$/, "$1");

    it("has Engineering and On-Call per product, Executive and Product for the company", () => {
        expect([...dashboards.keys()].sort()).toEqual(
            [
                "company-executive-dashboard",
                "company-product-dashboard",
                ...enabledKeys(stack).flatMap((p) => [`${p}-engineering-dashboard`, `${p}-oncall-dashboard`]),
                // The dashboards the products' own plans name (tests/planOperations.test.ts).
                ...enabledProducts(stack).flatMap((p) => planDashboardKinds(p).map((k) => `${p.key}-${k}-dashboard`)),
            ].sort(),
        );
    });

    it.each(
        enabledKeys(stack)
            .flatMap((p) => [`${p}-engineering-dashboard`, `${p}-oncall-dashboard`])
            .concat(["company-executive-dashboard", "company-product-dashboard"]),
    )("%s passes the official model and has 000's sections in order, none empty", (name) => {
        const doc = dashboards.get(name)!;
        expect(dashboardModelProblems(doc)).toEqual([]);
        expect(doc.template_variables).toEqual([
            { name: "env", prefix: "env", available_values: ["production", "staging"], default: stack },
        ]);
        expect(doc.widgets.map((w: any) => [w.definition.type, w.definition.title])).toEqual(
            SECTIONS_000[kindOf(name)].map((t) => ["group", t]),
        );
        for (const g of doc.widgets) expect([g.definition.title, g.definition.widgets.length > 0]).toEqual([g.definition.title, true]);
    });

    it("links every SLO of a product from its Engineering or On-Call dashboard, by its Datadog id", () => {
        for (const p of enabledKeys(stack)) {
            const ids = [`${p}-engineering-dashboard`, `${p}-oncall-dashboard`].flatMap((n) =>
                allWidgets(dashboards.get(n))
                    .filter((w) => w.type === "slo")
                    .map((w) => w.slo_id),
            );
            expect(ids).toHaveLength(view.ofType(SLO, p).length);
            for (const id of ids) expect(id).toMatch(/^\d+$/);
        }
    });

    it("On-Call: active incidents P0 first, alert summary, availability SLOs, runbook link and escalation", () => {
        for (const p of enabledProducts(stack)) {
            const oncall = dashboards.get(`${p.key}-oncall-dashboard`);
            expect(section(oncall, "Active incidents")).toEqual([
                expect.objectContaining({
                    type: "manage_status",
                    query: `tag:"env:${stack}" tag:"product:${p.key}" status:(Alert OR Warn)`,
                    sort: "priority,asc",
                }),
            ]);
            expect(section(oncall, "Alert summary")[0]).toEqual(
                expect.objectContaining({ query: `tag:"env:${stack}" tag:"product:${p.key}"`, display_format: "counts" }),
            );
            // The availability SLOs first, then those of the synthetic success targets.
            const slos = section(oncall, "Service health")
                .filter((w) => w.type === "slo")
                .map((w) => w.title);
            const availability = p.slos.filter((s) => s.kind === "availability").map((s) => `SLO: ${s.title}`);
            expect(slos.slice(0, availability.length)).toEqual(availability);
            expect(slos).toHaveLength(availability.length + p.synthetics.filter((t) => t.successTarget !== undefined).length);
            const runbook = section(oncall, "Runbook links")[0].content as string;
            expect(runbook).toContain(`https://github.com/bearifiedco/product-monitoring/blob/main/docs/runbooks/${p.key}.md`);
            expect(runbook).toMatch(/L1 at 0 min: /);
        }
        // 000's four levels, the last at 30 minutes.
        const company = enabledProducts(stack).filter((p) => p.plan.startsWith("000"));
        expect(company.length).toBeGreaterThan(0);
        for (const p of company)
            expect(section(dashboards.get(`${p.key}-oncall-dashboard`), "Runbook links")[0].content).toMatch(/L1 at 0 min: .*L4 at 30 min/);
    });

    it("On-Call: links the runbook section of every P0/P1 alert of the product's alert list", () => {
        for (const { product, alerts } of stackModel(stack).products) {
            const runbook = section(dashboards.get(`${product.key}-oncall-dashboard`), "Runbook links")[0].content as string;
            const critical = alerts.filter((a) => a.severity === "P0" || a.severity === "P1");
            const linked = [...runbook.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1]).filter((u) => u.includes("#"));
            expect(linked).toEqual(critical.map((a) => `https://github.com/bearifiedco/product-monitoring/blob/main/${a.runbook}`));
        }
    });

    it("Engineering: a service map per application service, deployments as events", () => {
        for (const p of enabledProducts(stack)) {
            const eng = dashboards.get(`${p.key}-engineering-dashboard`);
            // Application services: every surface but the databases and caches they depend on.
            const services = p.surfaces.filter((s) => s.kind !== "database" && s.kind !== "cache").map((s) => s.service);
            expect(
                section(eng, "Service map")
                    .filter((w) => w.type === "servicemap")
                    .map((w) => [w.service, w.filters]),
            ).toEqual(services.slice(0, 3).map((s) => [s, [`env:${stack}`]])); // one row of maps; the note names them all
            expect(section(eng, "Service map")[0].content).toContain(services.join(", "));
            expect(section(eng, "Deployment tracking")[0].events).toEqual([
                { q: `tags:deployment env:${stack} service:(${services.join(" OR ")})` },
            ]);
            // 000 §Basic Alerting: high error rates > 1% on every BearifiedCo product.
            if (p.plan.startsWith("000"))
                expect(section(eng, "Error rates").map((w) => w.title)).toContain("API error rate above 1% (alert > 1 %)");
        }
    });

    it("Executive: every availability SLO under SLA compliance, synthetic cost per product, daily unique users", () => {
        const exec = dashboards.get("company-executive-dashboard");
        const availability = products.flatMap((p) =>
            p.slos.filter((s) => s.kind === "availability").map((s) => `${p.displayName}: ${s.title} (${s.target}%)`),
        );
        expect(section(exec, "SLA compliance").map((w) => w.title)).toEqual(availability);
        // A target with two decimals keeps them (003: database uptime 99.99%).
        expect(section(exec, "SLA compliance").map((w) => w.title)).toEqual(
            expect.arrayContaining([expect.stringMatching(/ \(99\.99%\)$/)]),
        );
        const cost = section(exec, "Cost per service").find((w) => w.type === "note")!.content as string;
        for (const p of enabledKeys(stack)) expect(cost).toMatch(new RegExp(`\\| ${p} \\| \\d+\\.\\d\\d \\|`));
        const growth = section(exec, "User growth")[0] as any;
        expect(growth.requests[0].queries[0]).toEqual(
            expect.objectContaining({ data_source: "rum", compute: { aggregation: "cardinality", metric: "@usr.id", interval: 86400000 } }),
        );
    });

    it("Product: conversion from the plans' business ratios, retention as sessions per user", () => {
        const doc = dashboards.get("company-product-dashboard");
        // The business ratios of every product that has one, as "<product>: <monitor> (alert <comparator> <critical> <unit>)".
        const ratios = enabledProducts(stack).flatMap((p) =>
            p.monitors
                .filter((m) => m.category === "business" && m.query.kind === "ratio")
                .map((m) => ({
                    product: p.displayName,
                    title: `${p.displayName}: ${m.title} (alert ${m.comparator} ${m.critical} ${m.unit})`,
                })),
        );
        const funnels = section(doc, "Conversion funnels").map((w) => w.title as string);
        expect(funnels.length).toBeGreaterThan(0);
        expect(ratios.map((r) => r.title)).toEqual(expect.arrayContaining(funnels));
        expect(new Set(funnels.map((t) => t.split(": ")[0]))).toEqual(new Set(ratios.map((r) => r.product)));
        const retention = section(doc, "Retention metrics")[0] as any;
        expect(retention.requests[0].formulas).toEqual([{ formula: "query1 / query2", alias: "sessions per user" }]);
    });
});

describe("the model check itself", () => {
    it("rejects unknown attributes and unknown enum values, also inside groups", () => {
        const doc = {
            title: "x",
            layout_type: "ordered",
            widgets: [
                { definition: { type: "note", content: "x", colour: "red" } },
                { definition: { type: "timeseries", requests: [{ q: "avg:a{*}", display_type: "zigzag" }] } },
                {
                    definition: {
                        type: "group",
                        layout_type: "ordered",
                        widgets: [{ definition: { type: "manage_status", query: "x", sort: "loudest" } }],
                    },
                },
                {
                    definition: {
                        type: "group",
                        layout_type: "ordered",
                        widgets: [{ definition: { type: "note", content: "x", font: "big" } }],
                    },
                },
            ],
        };
        const problems = dashboardModelProblems(doc);
        expect(problems.some((p) => /unknown attribute\(s\) colour/.test(p))).toBe(true);
        expect(problems.some((p) => /widgets\[1\]\.definition: matches no variant of the model: .*zigzag/.test(p))).toBe(true);
        // An unknown enum value deep in a group makes the group match no variant; an unknown attribute is found in place.
        expect(problems.some((p) => /widgets\[2\]\.definition: matches no variant of the model: .*loudest/.test(p))).toBe(true);
        expect(problems).toContain("widgets[3].definition.widgets[0].definition: unknown attribute(s) font");
    });
});
