/** Every dashboard of both stacks passes Datadog's official dashboard model, with the widgets 000 asks for. */
import { dashboardModelProblems } from "./helpers/datadogModel";
import { STACKS } from "./helpers/constants";
import { loadPlan } from "./helpers/plan";

const DASHBOARD = "datadog:index/dashboardJson:DashboardJson";
const PRODUCTS = ["bearo", "alphabuilder", "primape", "chimpanion", "genonaut", "vivr", "driplo", "plumberleads"];

describe.each(STACKS)("dashboards of %s", (stack) => {
    const view = loadPlan(stack);
    const dashboards = view.ofType(DASHBOARD).map((d) => [d.name, JSON.parse(d.inputs.dashboard as string)] as const);

    it("has Engineering and On-Call per product, Executive and Product for the company", () => {
        expect(dashboards.map(([n]) => n).sort()).toEqual([
            "company-executive-dashboard", "company-product-dashboard",
            ...PRODUCTS.flatMap((p) => [`${p}-engineering-dashboard`, `${p}-oncall-dashboard`]),
        ].sort());
    });

    it.each(PRODUCTS.flatMap((p) => [`${p}-engineering-dashboard`, `${p}-oncall-dashboard`]).concat(["company-executive-dashboard", "company-product-dashboard"]))("%s passes the official model", (name) => {
        const doc = dashboards.find(([n]) => n === name)![1];
        expect(dashboardModelProblems(doc)).toEqual([]);
        expect(doc.widgets.length).toBeGreaterThanOrEqual(3);
        expect(doc.template_variables).toEqual([{ name: "env", prefix: "env", available_values: ["production", "staging"], default: stack }]);
    });

    it("links SLO widgets to the product's SLOs and lists active alerts on On-Call", () => {
        const oncall = dashboards.find(([n]) => n === "vivr-oncall-dashboard")![1];
        const types = oncall.widgets.map((w: any) => w.definition.type);
        expect(types).toEqual(expect.arrayContaining(["manage_status", "slo", "timeseries", "note"]));
        const sloIds = oncall.widgets.filter((w: any) => w.definition.type === "slo").map((w: any) => w.definition.slo_id);
        const expected = view.ofType("datadog:index/serviceLevelObjective:ServiceLevelObjective", "vivr").map((s) => s.name);
        expect(sloIds).toHaveLength(expected.length);
        for (const id of sloIds) expect(id).toMatch(/^\d+$/);
        expect(oncall.widgets[0].definition.query).toBe(`tag:(product:vivr AND env:${stack}) status:(alert OR warn)`);
    });
});

describe("the model check itself", () => {
    it("rejects unknown attributes and unknown enum values", () => {
        const doc = { title: "x", layout_type: "ordered", widgets: [{ definition: { type: "note", content: "x", colour: "red" } }, { definition: { type: "timeseries", requests: [{ q: "avg:a{*}", display_type: "zigzag" }] } }] };
        const problems = dashboardModelProblems(doc);
        expect(problems.some((p) => /unknown attribute\(s\) colour/.test(p))).toBe(true);
        expect(problems.some((p) => /widgets\[1\]\.definition: matches no variant of the model: .*zigzag/.test(p))).toBe(true);
    });
});
