/** The plan contract: both stacks, the four components for each enabled product. */
import { loadPlan, MONITOR } from "./helpers/plan";
import { enabledKeys } from "./helpers/catalog";
import { SENTINEL_SECRETS, STACKS } from "./helpers/constants";
import { PLATFORM } from "../lib/datadog/usageBudget";

const COMPONENTS = ["ProductMonitoring", "EscalationPolicy", "LogPipeline", "SyntheticSuite"];

describe.each(STACKS)("plan of stack %s", (stack) => {
    const view = loadPlan(stack);

    it("names the stack and the project of Pulumi.yaml", () => {
        expect(view.plan.stack).toBe(stack);
        expect(view.plan.project).toBe("product-monitoring");
    });

    it("has all four components for every enabled product, with the package's type tokens", () => {
        for (const product of enabledKeys(stack)) {
            for (const c of COMPONENTS) {
                const r = view.component(c, product);
                expect(r.urn).toBe(`urn:pulumi:${stack}::product-monitoring::product-monitoring:monitoring:${c}::${product}`);
                expect(r.custom).toBe(false);
            }
        }
    });

    it("writes every resource with urn, type, name, parent and inputs; every parent exists", () => {
        const urns = new Set(view.resources.map((r) => r.urn));
        expect(urns.size).toBe(view.resources.length);
        for (const r of view.resources) {
            expect(r.urn).toMatch(
                new RegExp(
                    `^urn:pulumi:${stack}::product-monitoring::[^:]+:[^:]+:[^:]+(\\$[^:]+:[^:]+:[^:]+)*::${r.name.replace(/[$]/g, "\\$")}$`,
                ),
            );
            expect(typeof r.type).toBe("string");
            expect(typeof r.inputs).toBe("object");
            if (r.type === "pulumi:pulumi:Stack") expect(r.parent).toBeNull();
            else expect(urns.has(r.parent!)).toBe(true);
        }
    });

    it("creates every child with its component as parent, named after the component", () => {
        const provider = view.resources.filter((r) => r.custom);
        for (const r of provider) {
            const parent = view.resources.find((p) => p.urn === r.parent)!;
            expect(parent.custom).toBe(false);
            expect(parent.type).not.toBe("pulumi:pulumi:Stack");
            expect(r.name.startsWith(`${view.productOf(r)}-`) || r.name.startsWith("company-")).toBe(true);
        }
    });

    it("has the basic monitors (error rate, latency, availability) for every product", () => {
        for (const product of enabledKeys(stack)) {
            const monitors = view.ofType(MONITOR, product);
            const tags = monitors.flatMap((m) => m.inputs.tags as string[]);
            expect(tags).toEqual(expect.arrayContaining(["category:errors", "category:latency", "category:availability"]));
        }
    });

    it("never writes a secret in clear", () => {
        for (const secret of Object.values(SENTINEL_SECRETS)) {
            expect(view.raw).not.toContain(secret);
            expect(view.summary).not.toContain(secret);
        }
        expect(view.raw).toContain('"[secret]"');
    });

    it("prints a summary per product and totals", () => {
        for (const product of enabledKeys(stack)) expect(view.summary).toMatch(new RegExp(`^${product}: \\d+ resources$`, "m"));
        expect(view.summary).toMatch(/^Totals:$/m);
        expect(view.summary).toMatch(/^\s+\d+ {2}datadog Monitor$/m);
    });
});

describe("stack differences come from config", () => {
    const production = loadPlan("production");
    const staging = loadPlan("staging");

    it("tags every monitor with its stack's environment", () => {
        for (const [view, env] of [
            [production, "production"],
            [staging, "staging"],
        ] as const) {
            const monitors = view.ofType(MONITOR);
            expect(monitors.length).toBeGreaterThan(50);
            for (const m of monitors) expect(m.inputs.tags).toContain(`env:${env}`);
        }
    });

    it("has the same monitors in both stacks (only routing and frequency differ)", () => {
        // Organization-wide monitors (usage budget) belong to the org-managing stack only.
        const names = (v: typeof production) =>
            v
                .ofType(MONITOR)
                .filter((m) => v.productOf(m) !== PLATFORM.key)
                .map((m) => m.name)
                .sort();
        expect(names(staging)).toEqual(names(production));
    });
});
