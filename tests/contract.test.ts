/** The stack-reference contract: the real outputs match it, secrets stay secret, the example consumer compiles. */
import { enabledKeys, enabledProducts } from "./helpers/catalog";
import * as fs from "fs";
import * as path from "path";
import { spawnSync } from "child_process";
import { ProductOutputs, StackOutputs } from "../lib/tooling/contract";
import { STACKS } from "./helpers/constants";
import { loadPlan } from "./helpers/plan";
import { PROJECT_DIR } from "./helpers/run";

describe.each(STACKS)("outputs of %s", (stack) => {
    const view = loadPlan(stack);

    it("match the contract for every product", () => {
        const parsed = StackOutputs.safeParse(view.plan.outputs);
        expect(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual([]);
        expect(Object.keys((view.plan.outputs as any).products).sort()).toEqual(enabledKeys(stack).sort());
    });

    it("keep PagerDuty keys and DSNs secret", () => {
        for (const p of Object.values((view.plan.outputs as any).products) as any[]) {
            expect(p.pagerduty.integrationKey).toBe("[secret]");
            expect(Object.keys(p.sentry.dsns)).toEqual(Object.keys(p.sentry.projects));
            for (const dsn of Object.values(p.sentry.dsns)) expect(dsn).toBe("[secret]");
        }
        expect(Object.keys((view.plan.outputs as any).products.vivr.sentry.dsns)).toEqual(["api", "web"]);
    });

    it("point at the resources the stack creates", () => {
        const vivr = (view.plan.outputs as any).products.vivr;
        expect(vivr.logs.groups.app.name).toBe(`/vivr/${stack}/app`);
        expect(vivr.pagerduty.serviceName).toBe(`vivr-${stack}`);
        expect(view.byName("vivr-datadog-service").inputs.serviceName).toBe(vivr.pagerduty.serviceName);
        expect(vivr.datadog.services).toEqual({ api: "vivr-api", web: "vivr-frontend" });
        expect(vivr.datadog.tags).toEqual([`env:${stack}`, "team:vivr", "product:vivr"]);
        expect(vivr.slack).toEqual({ team: "vivr-alerts-critical", critical: "alerts-critical", warning: "alerts-warning" });
        // Ids and ARNs are the ones of the resources in the plan (the mock runtime's ids).
        const id = (name: string) => view.resources.find((r) => r.name === name)!;
        expect(vivr.logs.firehoseArn).toMatch(/^arn:aws:firehose:.*:deliverystream\/vivr-/);
        expect(vivr.logs.subscriptionRoleArn).toMatch(/^arn:aws:iam::\d+:role\/vivr-subscription-role/);
        expect(id("vivr-app-to-firehose").dependsOn).toContain(id("vivr-subscription-role").urn);
        expect(id("vivr-app").inputs.kmsKeyId).toBe(vivr.logs.kmsKeyArn);
        expect(Object.keys(vivr.datadog.dashboardIds)).toEqual(["engineering", "oncall"]);
        expect(Object.keys(vivr.datadog.sloIds).sort()).toEqual(
            view
                .ofType("datadog:index/serviceLevelObjective:ServiceLevelObjective", "vivr")
                .map((r) => r.name.replace(/^vivr-slo-/, ""))
                .sort(),
        );
        // One id per monitor of the spec, keyed by its id.
        expect(Object.keys(vivr.datadog.monitorIds).sort()).toEqual(
            enabledProducts(stack)
                .find((p) => p.key === "vivr")!
                .monitors.map((m) => m.id)
                .sort(),
        );
    });
});

it("every output and product field is documented in docs/stack-references.md", () => {
    const doc = fs.readFileSync(path.join(PROJECT_DIR, "docs", "stack-references.md"), "utf8");
    const undocumented = Object.keys(loadPlan("production").plan.outputs).filter((k) => !doc.includes(`| \`${k}\` |`));
    for (const [key, field] of Object.entries(ProductOutputs.shape)) {
        const shape = (field as { shape?: Record<string, unknown> }).shape;
        if (!shape) {
            if (!doc.includes(`\`${key}\``)) undocumented.push(key);
            continue;
        }
        for (const sub of Object.keys(shape)) if (!new RegExp(`\`(${key})?\\.${sub}[\`.]`).test(doc)) undocumented.push(`${key}.${sub}`);
    }
    expect(undocumented).toEqual([]);
});

it("the example product repo type-checks against the contract", () => {
    const tsc = require.resolve("typescript/bin/tsc", { paths: [PROJECT_DIR] });
    const r = spawnSync(process.execPath, [tsc, "-p", path.join(PROJECT_DIR, "examples", "product-infra")], {
        encoding: "utf8",
        timeout: 120000,
    });
    expect(r.stdout + r.stderr).toBe("");
    expect(r.status).toBe(0);
});
