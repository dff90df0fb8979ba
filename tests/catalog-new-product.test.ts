/**
 * `npm run new-product` writes a starting spec that names what is left to fill, passes the catalog rules once those
 * values are filled, and refuses a bad or existing key with one line and exit 2.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { formatProblem, isValidationError } from "../lib/inputs/errors";
import { loadCatalog } from "../lib/inputs/catalog/validate";
import type { ProductSpec } from "../lib/inputs/catalog/schema";
import { catalog } from "../products";
import { PROJECT_DIR, runScript } from "./helpers/run";

const KEY = "acme-shop";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "new-product-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function problemsOf(spec: ProductSpec): string[] {
    try {
        loadCatalog([spec]);
        return [];
    } catch (e) {
        if (!isValidationError(e)) throw e;
        return e.problems.map(formatProblem);
    }
}

/** What a new user types for each TODO, chosen by the property it fills. */
function fill(source: string): string {
    return source
        .split("\n")
        .map((line) =>
            line.replace(/(\w+)(: | = )"TODO[^"]*"/g, (_all, prop: string, sep: string) => {
                const value: Record<string, string> = {
                    host: line.includes('"web"') ? `${KEY}.example.com` : `api.${KEY}.example.com`,
                    email: `${KEY}-team@example.com`,
                    metric: `${KEY.replace("-", "_")}.requests`,
                    SPAN: "next.request",
                    company: "ACME",
                };
                return `${prop}${sep}"${value[prop] ?? "Filled in as a new user would (plan §1)"}"`;
            }),
        )
        .join("\n");
}

describe("npm run new-product", () => {
    const run = runScript("newProduct.ts", [KEY, "--dir", dir]);
    const file = path.join(dir, `${KEY}.ts`);

    it("writes products/<key>.ts and prints the remaining steps", () => {
        expect(run.status).toBe(0);
        expect(fs.existsSync(file)).toBe(true);
        expect(run.stdout).toContain('products/index.ts: import { acmeShop } from "./acme-shop"; and add acmeShop to the catalog list.');
        expect(run.stdout).toContain("Pulumi.staging.yaml and Pulumi.production.yaml");
        expect(run.stdout).toContain(`its Slack channel "${KEY}-alerts" under routing.slack.channels`);
    });

    it("names every value still to fill, and nothing else, while TODOs remain", () => {
        const { acmeShop } = require(file) as { acmeShop: ProductSpec };
        const problems = problemsOf(acmeShop);
        expect(problems).toContain(`products/${KEY}.ts: team.email: still TODO: the team's email address`);
        expect(problems).toContain(`products/${KEY}.ts: surfaces[api].host: still TODO: the API's production host name`);
        expect(problems.every((p) => p.includes(": still TODO: "))).toBe(true);
    });

    it("passes catalog validation, rules included, once the TODO values are filled", () => {
        const filled = path.join(dir, `${KEY}-filled.ts`);
        fs.writeFileSync(filled, fill(fs.readFileSync(file, "utf8")));
        const { acmeShop } = require(filled) as { acmeShop: ProductSpec };
        expect(problemsOf(acmeShop)).toEqual([]);
        const [p] = loadCatalog([acmeShop]);
        expect(p.monitors.find((m) => m.id === "api-error-rate")!.title).toBe("API error rate above 1%");
        expect(p.slos.map((x) => x.kind)).toEqual(["availability", "latency"]);
        expect(p.synthetics.map((x) => x.kind)).toEqual(["api", "ssl", "ssl", "multistep"]);
    });

    it.each([
        // The script runs in the project folder, as npm does.
        ["an existing file", KEY, `new-product: ${path.relative(PROJECT_DIR, path.join(dir, `${KEY}.ts`))} already exists`],
        ["a key of the catalog", catalog[0].key, `new-product: product "${catalog[0].key}" already exists in products/index.ts`],
        [
            "a bad key",
            "Acme_Shop",
            'new-product: "Acme_Shop" is not a product key: use lower-case kebab-case (a-z, 0-9, -), starting with a letter',
        ],
    ])("refuses %s with one line and exit 2", (_case, key, message) => {
        const r = runScript("newProduct.ts", [key, "--dir", dir]);
        expect([r.status, r.stdout, r.stderr]).toEqual([2, "", `${message}\n`]);
    });
});
