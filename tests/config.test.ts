/** Stack config validation: one schema, unknown keys rejected, every problem named and listed at once. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as YAML from "yaml";
import { loadCatalog } from "../lib/inputs/catalog/validate";
import { configCatalogProblems, namespaceValues, parseStackConfig } from "../lib/inputs/config";
import { formatProblem, isValidationError } from "../lib/inputs/errors";
import { stackConfigMap } from "../scripts/planner";
import { catalog } from "../products";
import { PROJECT_DIR, runScript } from "./helpers/run";

const NS = "product-monitoring";
const FILE = "Pulumi.production.yaml";

function productionValues(): Record<string, unknown> {
    const { config } = stackConfigMap(path.join(PROJECT_DIR, FILE), NS);
    return namespaceValues(config, NS);
}

/** Sets a dotted path (a.b[0].c) in a deep copy. */
function withValue(values: Record<string, unknown>, dotted: string, value: unknown): Record<string, unknown> {
    const copy = JSON.parse(JSON.stringify(values));
    const keys = dotted.replace(/\[(\d+)\]/g, ".$1").split(".");
    let node = copy;
    for (const k of keys.slice(0, -1)) node = node[k];
    if (value === undefined) delete node[keys[keys.length - 1]];
    else node[keys[keys.length - 1]] = value;
    return copy;
}

function problemLines(values: Record<string, unknown>): string[] {
    try {
        const config = parseStackConfig(values, FILE, catalog.map((p) => p.key));
        return configCatalogProblems(config, loadCatalog(catalog), FILE).map(formatProblem);
    } catch (e) {
        if (!isValidationError(e)) throw e;
        return e.problems.map(formatProblem);
    }
}

describe("the committed stack configs", () => {
    it.each(["production", "staging"])("Pulumi.%s.yaml is valid", (stack) => {
        const { config } = stackConfigMap(path.join(PROJECT_DIR, `Pulumi.${stack}.yaml`), NS);
        expect(problemLines(namespaceValues(config, NS))).toEqual([]);
    });

    it("passes objects JSON-encoded and secure values as secret keys, as the CLI does", () => {
        const { config, secretKeys } = stackConfigMap(path.join(PROJECT_DIR, FILE), NS, { datadogApiKey: "k" });
        expect(JSON.parse(config[`${NS}:routing`]).paging).toBe(true);
        expect(config[`${NS}:datadogApiKey`]).toBe("k");
        expect(secretKeys.sort()).toEqual([`${NS}:datadogApiKey`, `${NS}:syntheticsPassword`]);
        expect(config["aws:region"]).toBe("us-east-1");
    });
});

describe("bad config values are rejected with the key named", () => {
    const cases: Array<[string, string, unknown, RegExp]> = [
        ["wrong type", "routing.paging", "yes", /^Pulumi\.production\.yaml: routing\.paging: .*boolean/],
        ["negative number", "synthetics.monthlyBudgetUsd", -5, /^Pulumi\.production\.yaml: synthetics\.monthlyBudgetUsd: .*(>0|positive|greater)/i],
        ["out of range", "synthetics.frequencyMultiplier", 0, /^Pulumi\.production\.yaml: synthetics\.frequencyMultiplier: /],
        ["unknown top-level key", "routng", { paging: true }, /^Pulumi\.production\.yaml: routng: unknown key/],
        ["unknown nested key", "routing.slack.critcal", "x", /^Pulumi\.production\.yaml: routing\.slack\.critcal: unknown key/],
        ["unknown product", "products[0]", "bearoo", /^Pulumi\.production\.yaml: products\[0\]: unknown product "bearoo"/],
        ["invalid environment", "environment", "prod", /^Pulumi\.production\.yaml: environment: /],
        ["invalid email", "routing.digestEmail", "not-an-email", /^Pulumi\.production\.yaml: routing\.digestEmail: /],
        ["unknown on-call user", "oncall.teams.bearo.lead", "zoe", /^Pulumi\.production\.yaml: oncall\.teams\.bearo\.lead: unknown on-call user "zoe"/],
        ["bad location", "synthetics.locations[0]", "mars-1", /^Pulumi\.production\.yaml: synthetics\.locations\[0\]: must be a managed location/],
        ["missing section", "sentry", undefined, /^Pulumi\.production\.yaml: sentry: /],
        ["P0 muted in maintenance", "maintenanceWindows[0].muteSeverities", ["P0"], /maintenanceWindows\[0\]\.muteSeverities: P0 alerts are never muted/],
    ];
    it.each(cases)("%s (%s)", (_label, key, value, expected) => {
        const lines = problemLines(withValue(productionValues(), key, value));
        expect(lines.some((l) => expected.test(l))).toBe(true);
    });

    it("lists every problem at once", () => {
        let values = withValue(productionValues(), "routing.paging", "yes");
        values = withValue(values, "synthetics.monthlyBudgetUsd", -1);
        values = withValue(values, "typo", 1);
        const lines = problemLines(values);
        expect(lines).toHaveLength(3);
        expect(lines.map((l) => l.split(": ")[1]).sort()).toEqual(["routing.paging", "synthetics.monthlyBudgetUsd", "typo"]);
    });
});

describe("npm run plan on bad input", () => {
    it("exits 1 and prints each problem on its own line, without a stack trace", () => {
        const doc = YAML.parse(fs.readFileSync(path.join(PROJECT_DIR, FILE), "utf8"));
        doc.config[`${NS}:routing`].paging = "sometimes";
        doc.config[`${NS}:products`] = ["bearo", "unknown-product"];
        doc.config[`${NS}:synthetics`].retries = -1;
        doc.config[`${NS}:colour`] = "blue";
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "plan-")), "Pulumi.broken.yaml");
        fs.writeFileSync(file, YAML.stringify(doc));
        const r = runScript("plan.ts", ["--stack", "broken", "--config", file]);
        expect(r.status).toBe(1);
        const lines = r.stderr.trim().split("\n");
        expect(lines[0]).toBe("plan failed: 4 problems");
        const expected = [
            /^Pulumi\.broken\.yaml: colour: unknown key \(check the spelling\)$/,
            /^Pulumi\.broken\.yaml: routing\.paging: .*boolean/,
            /^Pulumi\.broken\.yaml: synthetics\.retries: /,
            /^Pulumi\.broken\.yaml: products\[1\]: unknown product "unknown-product"/,
        ];
        expect(lines).toHaveLength(1 + expected.length);
        for (const re of expected) expect(lines.filter((l) => re.test(l))).toHaveLength(1);
        expect(r.stderr + r.stdout).not.toMatch(/\n\s+at /);
        expect(r.stdout).toBe("");
    });

    it("rejects a missing --stack with usage", () => {
        const r = runScript("plan.ts", []);
        expect(r.status).toBe(1);
        expect(r.stderr).toMatch(/--stack <name> is required/);
    });
});
