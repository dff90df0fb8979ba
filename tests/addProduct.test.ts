/**
 * Adding a product is one spec file, one line in products/index.ts and the two stack files (README, "Adding a
 * product"): done here on a copy of the project with a fixture product, then planned by the real `npm run plan`.
 * No test names the new product; the product-level checks below derive everything from its spec.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import * as YAML from "yaml";
import { ProductOutputs } from "../lib/tooling/contract";
import type { Plan } from "../lib/tooling/plan";
import { newProduct } from "./fixtures/newProduct";
import { PROJECT_DIR } from "./helpers/run";

const key = newProduct.key;
const COPIED = [
    "index.ts",
    "components",
    "lib",
    "products",
    "scripts",
    "tests/fixtures",
    "Pulumi.yaml",
    "Pulumi.staging.yaml",
    "Pulumi.production.yaml",
    "package.json",
    "tsconfig.json",
];

function addProductToCopy(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "add-product-"));
    for (const rel of COPIED) fs.cpSync(path.join(PROJECT_DIR, rel), path.join(dir, rel), { recursive: true });
    fs.symlinkSync(path.join(PROJECT_DIR, "node_modules"), path.join(dir, "node_modules"));
    // 1. The spec file.
    fs.writeFileSync(path.join(dir, "products", `${key}.ts`), `export { newProduct as ${key} } from "../tests/fixtures/newProduct";\n`);
    // 2. One line in products/index.ts (and its import).
    const index = path.join(dir, "products", "index.ts");
    fs.writeFileSync(
        index,
        fs
            .readFileSync(index, "utf8")
            .replace(/^(import .*\n)(?!import)/m, `$1import { ${key} } from "./${key}";\n`)
            .replace(/(export const catalog[^=]*=\s*\[)/, `$1${key}, `),
    );
    // 3. Both stack files: enable it, give its team a rotation, list its Slack channel.
    for (const stack of ["staging", "production"]) {
        const file = path.join(dir, `Pulumi.${stack}.yaml`);
        const doc = YAML.parseDocument(fs.readFileSync(file, "utf8"));
        const ns = "product-monitoring";
        (doc.getIn(["config", `${ns}:products`]) as YAML.YAMLSeq).add(key);
        (doc.getIn(["config", `${ns}:routing`, "slack", "channels"]) as YAML.YAMLSeq).add(newProduct.team.slackChannel);
        doc.setIn(
            ["config", `${ns}:oncall`, "teams", newProduct.team.handle],
            doc.createNode({ primary: ["alice", "bob"], backup: ["carol", "dave"], lead: "erin" }),
        );
        fs.writeFileSync(file, doc.toString());
    }
    return dir;
}

describe("adding a product (spec, products/index.ts, stack files) needs no other change", () => {
    const dir = addProductToCopy();
    const out = path.join(dir, "plan.json");
    const run = spawnSync(
        process.execPath,
        [require.resolve("tsx/cli", { paths: [PROJECT_DIR] }), "scripts/plan.ts", "--stack", "production", "--out", out, "--quiet"],
        {
            cwd: dir,
            encoding: "utf8",
            timeout: 120000,
        },
    );
    const plan = run.status === 0 ? (JSON.parse(fs.readFileSync(out, "utf8")) as Plan) : undefined;
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("plans without a problem", () => {
        expect([run.status, run.stderr]).toEqual([0, ""]);
    });

    it("creates the product's components, named after it", () => {
        const components = plan!.resources
            .filter((r) => !r.custom && r.name === key)
            .map((r) => r.type.split(":").pop())
            .sort();
        expect(components).toEqual([
            "EscalationPolicy",
            "LogPipeline",
            "ProductGovernance",
            "ProductMonitoring",
            "SentryProjects",
            "SyntheticSuite",
        ]);
    });

    it("lists every alert of its spec in the plan's alerts, routed by severity", () => {
        const alerts = plan!.alerts!.filter((a) => a.product === key);
        const ids = new Set(alerts.map((a) => a.id));
        for (const m of newProduct.monitors) expect(ids).toContain(m.id);
        for (const s of newProduct.synthetics) expect(ids).toContain(`synthetic-${s.id}`);
        for (const r of newProduct.security ?? []) expect(ids).toContain(`security-${r.id}`);
        for (const a of alerts.filter((x) => x.severity === "P0" && x.kind !== "cloudwatch-alarm"))
            expect([a.id, a.route.pager]).toEqual([a.id, `${key}-production`]);
        const monitors = plan!.resources.filter((r) => r.type === "datadog:index/monitor:Monitor" && r.name.startsWith(`${key}-`));
        for (const m of monitors)
            expect(m.inputs.tags).toEqual(expect.arrayContaining([`env:production`, `team:${newProduct.team.handle}`, `product:${key}`]));
    });

    it("exports its stack-reference outputs in the contract's shape", () => {
        const outputs = (plan!.outputs.products as Record<string, unknown>)[key];
        const parsed = ProductOutputs.safeParse(outputs);
        expect(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual([]);
    });
});
