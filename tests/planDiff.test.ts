/** plan:diff on real plans: before = the production plan, after = the same plan with realistic edits. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { diffPlans, fieldChanges, renderDiff } from "../lib/tooling/planDiff";
import type { Plan } from "../lib/tooling/plan";
import { loadPlan } from "./helpers/plan";
import { runScript } from "./helpers/run";

const base = loadPlan("production").plan;
const clone = (): Plan => JSON.parse(JSON.stringify(base));

function edited(): Plan {
    const head = clone();
    // A threshold change, a removed monitor, a renamed monitor (no alias), a renamed one with alias, a new one.
    const cpu = head.resources.find((r) => r.name === "driplo-cpu-usage")!;
    cpu.inputs.query = String(cpu.inputs.query).replace(/> 90$/, "> 92");
    (cpu.inputs.monitorThresholds as any).critical = "92";
    head.resources = head.resources.filter((r) => r.name !== "vivr-orders-anomaly");
    const timeout = head.resources.find((r) => r.name === "bearo-api-timeout")!;
    timeout.name = "bearo-api-timeouts";
    timeout.urn = timeout.urn.replace(/::bearo-api-timeout$/, "::bearo-api-timeouts");
    const disk = head.resources.find((r) => r.name === "genonaut-disk-usage")!;
    disk.name = "genonaut-disk-space";
    disk.urn = disk.urn.replace(/::genonaut-disk-usage$/, "::genonaut-disk-space");
    disk.options.aliases = 1;
    const extra = JSON.parse(JSON.stringify(head.resources.find((r) => r.name === "primape-api-down")!));
    extra.name = "primape-api-down-eu";
    extra.urn = extra.urn.replace(/::primape-api-down$/, "::primape-api-down-eu");
    extra.inputs = { ...extra.inputs, name: "[Primape] API down (EU)", query: "other", message: "other", tags: ["x"], priority: "2" };
    head.resources.push(extra);
    return head;
}

describe("diffPlans", () => {
    it("finds nothing between a plan and itself", () => {
        const d = diffPlans(base, clone());
        expect(d.changed).toBe(false);
        expect(renderDiff(d, base, base)).toBe("## Plan diff: `production`\n\nNo changes.\n");
    });

    it("groups additions, removals, changes and URN changes by product", () => {
        const d = diffPlans(base, edited());
        const byProduct = Object.fromEntries(d.products.map((p) => [p.product, p]));
        expect(Object.keys(byProduct)).toEqual(["bearo", "driplo", "genonaut", "primape", "vivr"]);
        expect(byProduct.driplo.changed.map((c) => [c.resource.name, c.fields.map((f) => [f.path, f.before, f.after])])).toEqual([
            ["driplo-cpu-usage", [["monitorThresholds.critical", "90", "92"], ["query", expect.stringMatching(/> 90$/), expect.stringMatching(/> 92$/)]]],
        ]);
        expect(byProduct.vivr.removed.map((r) => r.name)).toEqual(["vivr-orders-anomaly"]);
        expect(byProduct.primape.added.map((r) => r.name)).toEqual(["primape-api-down-eu"]);
        expect(byProduct.bearo.urnChanges.map((c) => [c.from.name, c.to.name, c.aliased])).toEqual([["bearo-api-timeout", "bearo-api-timeouts", false]]);
        expect(byProduct.genonaut.urnChanges.map((c) => [c.from.name, c.to.name, c.aliased])).toEqual([["genonaut-disk-usage", "genonaut-disk-space", true]]);
    });

    it("renders Markdown that highlights replacements", () => {
        const head = edited();
        const md = renderDiff(diffPlans(base, head), base, head);
        expect(md).toContain("1 to add, 1 to change, 1 to remove, 2 URN changes (1 would replace).");
        expect(md).toContain("> [!WARNING]");
        expect(md).toContain("- ⚠️ **replaced** (URN change): `bearo-api-timeout` → `bearo-api-timeouts` (Monitor)");
        expect(md).toContain("- 🔁 renamed (alias, no replacement): `genonaut-disk-usage` → `genonaut-disk-space` (Monitor)");
        expect(md).toContain("  | monitorThresholds.critical | `90` | `92` |");
        expect(md).toMatch(/^### vivr\n\n- ➖ removed `vivr-orders-anomaly` \(Monitor\)$/m);
    });

    it("never reveals secrets: both sides show [secret]", () => {
        expect(fieldChanges({ serviceKey: "[secret]", a: 1 }, { serviceKey: "[secret]", a: 2 })).toEqual([{ path: "a", before: 1, after: 2 }]);
    });

    it("compares options too (protection lost is a change)", () => {
        const head = clone();
        const group = head.resources.find((r) => r.name === "vivr-app")!;
        group.options.retainOnDelete = false;
        const d = diffPlans(base, head);
        expect(d.products[0].changed[0].fields).toEqual([{ path: "(options) retainOnDelete", before: true, after: false }]);
    });
});

describe("npm run plan:diff", () => {
    it("prints the Markdown and exits 2 when something changed, 0 when not", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "diff-"));
        fs.writeFileSync(path.join(dir, "base.json"), JSON.stringify(base));
        fs.writeFileSync(path.join(dir, "head.json"), JSON.stringify(edited()));
        const changed = runScript("planDiff.ts", [path.join(dir, "base.json"), path.join(dir, "head.json"), "--out", path.join(dir, "diff.md")]);
        expect(changed.status).toBe(2);
        expect(changed.stdout).toContain("## Plan diff: `production`");
        expect(fs.readFileSync(path.join(dir, "diff.md"), "utf8")).toBe(changed.stdout);
        const same = runScript("planDiff.ts", [path.join(dir, "base.json"), path.join(dir, "base.json")]);
        expect([same.status, same.stdout]).toEqual([0, "## Plan diff: `production`\n\nNo changes.\n"]);
        const bad = runScript("planDiff.ts", [path.join(dir, "base.json")]);
        expect(bad.status).toBe(1);
        expect(bad.stderr).toContain("usage: npm run plan:diff -- <base.json> <head.json>");
    });
});
