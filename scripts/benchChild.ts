/**
 * One benchmark measurement, in its own process (the Pulumi runtime is global):
 *   --mode program --stack <name>            the real catalog and stack config
 *   --mode program --generated <N>           N products cloned from the real catalog
 *   --mode baseline --count <R>              R bare provider resources, no components, same mock runtime
 * Prints one JSON line: { resources, seconds, msPerResource, peakRssMb }.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import Module from "module";
import * as YAML from "yaml";
import type { ProductSpec } from "../lib/inputs/catalog/schema";
import { evaluate, readProjectName, withoutSourceMaps } from "./planner";

const projectDir = path.resolve(__dirname, "..");

function arg(name: string): string | undefined {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : undefined;
}

/** N products cloned from the real catalog under new keys, services and teams. */
export function generatedCatalog(real: ReadonlyArray<ProductSpec>, n: number): ProductSpec[] {
    return Array.from({ length: n }, (_, i) => {
        const base = real[i % real.length];
        const suffix = `g${i}`;
        return {
            ...base,
            key: `${base.key}${suffix}`,
            displayName: `${base.displayName} ${suffix}`,
            team: { ...base.team, handle: `${base.team.handle}${suffix}`, slackChannel: `${base.team.slackChannel}-${suffix}` },
            surfaces: base.surfaces.map((s) => ({ ...s, service: `${s.service}-${suffix}` })),
            // Steps name the product's credential variables (BEARO_TEST_USER): rename them with the product.
            synthetics: JSON.parse(
                JSON.stringify(base.synthetics)
                    .split(`${base.key.toUpperCase()}_TEST_`)
                    .join(`${base.key.toUpperCase()}${suffix.toUpperCase()}_TEST_`),
            ),
            // Security searches name the product's own services (a catalog rule): rename them with the surfaces.
            security: (base.security ?? []).map((r) => ({
                ...r,
                search: base.surfaces.reduce((q, s) => q.split(`service:${s.service}`).join(`service:${s.service}-${suffix}`), r.search),
            })),
        };
    });
}

/** The production stack file with the generated products enabled, their teams on call and channels allowed. */
function generatedStackFile(products: ProductSpec[], project: string): string {
    const doc = YAML.parse(fs.readFileSync(path.join(projectDir, "Pulumi.production.yaml"), "utf8"));
    const cfg = doc.config;
    const ns = (k: string) => `${project}:${k}`;
    const template = Object.values(cfg[ns("oncall")].teams)[0];
    cfg[ns("products")] = products.map((p) => p.key);
    cfg[ns("oncall")].teams = Object.fromEntries(products.map((p) => [p.team.handle, template]));
    cfg[ns("routing")].slack.channels = [...new Set([...cfg[ns("routing")].slack.channels, ...products.map((p) => p.team.slackChannel)])];
    if (cfg[ns("synthetics")]) cfg[ns("synthetics")].monthlyBudgetUsd = 1e9;
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bench-")), "Pulumi.bench.yaml");
    // Plain copies, not YAML aliases: the parser rightly refuses hundreds of aliases.
    fs.writeFileSync(file, YAML.stringify(doc, { aliasDuplicateObjects: false }));
    return file;
}

/** Replaces products/index.ts in the module cache, so index.ts imports the generated catalog. */
function injectCatalog(products: ProductSpec[]): void {
    const resolved = require.resolve(path.join(projectDir, "products"));
    const m = new Module(resolved);
    m.filename = resolved;
    m.loaded = true;
    m.exports = { catalog: products };
    require.cache[resolved] = m;
}

async function baseline(count: number): Promise<number> {
    const pulumi = await import("@pulumi/pulumi");
    const datadog = await import("@pulumi/datadog");
    const { mocks } = await import("./mocks");
    await pulumi.runtime.setMocks(mocks, readProjectName(projectDir), "bench", false);
    const settings = await import("@pulumi/pulumi/runtime/settings");
    const { runInPulumiStack } = await import("@pulumi/pulumi/runtime/stack");
    await runInPulumiStack(async () => {
        for (let i = 0; i < count; i++) {
            new datadog.Monitor(`bare-${i}`, {
                name: `bare ${i}`,
                type: "metric alert",
                query: "avg(last_5m):avg:system.cpu.user{*} > 90",
                message: "@slack-x",
            });
        }
        return {};
    });
    await (settings as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
    return count;
}

async function main(): Promise<void> {
    withoutSourceMaps();
    const mode = arg("mode");
    // Provider SDKs load the same way for program and baseline; load them first so both time only evaluation.
    await Promise.all(
        ["@pulumi/pulumi", "@pulumi/aws", "@pulumi/datadog", "@pulumi/pagerduty", "@pulumiverse/sentry"].map((m) => import(m)),
    );
    const started = process.hrtime.bigint();
    let resources: number;
    if (mode === "baseline") {
        resources = await baseline(Number(arg("count")));
    } else {
        const generated = arg("generated");
        let plan;
        if (generated) {
            const { catalog } = await import("../products");
            const products = generatedCatalog(catalog, Number(generated));
            const file = generatedStackFile(products, readProjectName(projectDir));
            injectCatalog(products);
            plan = await evaluate({ stack: "bench", projectDir, configFile: file });
        } else {
            plan = await evaluate({ stack: arg("stack") ?? "production", projectDir });
        }
        resources = plan.resources.length;
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    process.stdout.write(JSON.stringify({ resources, seconds, msPerResource: (seconds * 1000) / resources, peakRssMb }) + "\n");
}

main().then(
    () => process.exit(0),
    (e) => {
        process.stderr.write(`bench failed: ${e instanceof Error ? e.message : String(e)}\n`);
        process.exit(1);
    },
);
