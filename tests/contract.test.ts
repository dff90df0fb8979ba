/** The stack-reference contract: the real outputs match it, secrets stay secret, the example consumer compiles. */
import * as path from "path";
import { spawnSync } from "child_process";
import { StackOutputs } from "../lib/contract";
import { STACKS } from "./helpers/constants";
import { loadPlan } from "./helpers/plan";
import { PROJECT_DIR } from "./helpers/run";

describe.each(STACKS)("outputs of %s", (stack) => {
    const view = loadPlan(stack);

    it("match the contract for every product", () => {
        const parsed = StackOutputs.safeParse(view.plan.outputs);
        expect(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual([]);
        expect(Object.keys((view.plan.outputs as any).products).sort()).toEqual(["alphabuilder", "bearo", "chimpanion", "driplo", "genonaut", "plumberleads", "primape", "vivr"]);
    });

    it("keep PagerDuty keys and DSNs secret", () => {
        for (const p of Object.values((view.plan.outputs as any).products) as any[]) {
            expect(p.pagerduty.integrationKey).toBe("[secret]");
            expect(p.sentry.dsns).toBe("[secret]");
        }
    });

    it("point at the resources the stack creates", () => {
        const vivr = (view.plan.outputs as any).products.vivr;
        expect(vivr.logs.groups.app.name).toBe(`/vivr/${stack}/app`);
        expect(vivr.pagerduty.serviceName).toBe(`vivr-${stack}`);
        expect(view.byName("vivr-datadog-service").inputs.serviceName).toBe(vivr.pagerduty.serviceName);
        expect(vivr.datadog.services).toEqual({ api: "vivr-api", web: "vivr-frontend" });
    });
});

it("the example product repo type-checks against the contract", () => {
    const tsc = require.resolve("typescript/bin/tsc", { paths: [PROJECT_DIR] });
    const r = spawnSync(process.execPath, [tsc, "-p", path.join(PROJECT_DIR, "examples", "product-infra")], { encoding: "utf8", timeout: 120000 });
    expect(r.stdout + r.stderr).toBe("");
    expect(r.status).toBe(0);
});
