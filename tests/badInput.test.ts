/**
 * Bad-input sweep: every config key and product spec field set to a wrong type, an out-of-range value or an
 * unknown name is rejected with a message naming it; several problems are listed at once.
 */
import * as path from "path";
import type { ProductSpec } from "../lib/inputs/catalog/schema";
import { loadCatalog } from "../lib/inputs/catalog/validate";
import { configCatalogProblems, namespaceValues, parseStackConfig } from "../lib/inputs/config";
import { formatProblem, isValidationError } from "../lib/inputs/errors";
import { catalog } from "../products";
import { stackConfigMap } from "../scripts/planner";
import { PROJECT_DIR } from "./helpers/run";

const NS = "product-monitoring";
const FILE = "Pulumi.production.yaml";
const KEYS = catalog.map((p) => p.key);

function problemsOf(f: () => unknown): string[] {
    try {
        f();
        return [];
    } catch (e) {
        if (!isValidationError(e)) throw e;
        return e.problems.map(formatProblem);
    }
}

function configProblems(values: Record<string, unknown>): string[] {
    return problemsOf(() => {
        const c = parseStackConfig(values, FILE, KEYS);
        const extra = configCatalogProblems(c, loadCatalog(catalog), FILE);
        if (extra.length) throw Object.assign(new Error("x"), { name: "ValidationError", problems: extra });
    });
}

const production = (): Record<string, unknown> =>
    namespaceValues(stackConfigMap(path.join(PROJECT_DIR, FILE), NS).config, NS);

type Leaf = { path: Array<string | number>; value: unknown };
/** Maps (records keyed by free names, e.g. team handles) accept any key: not checked for unknown names. */
const FREE_KEYED = new Set(["oncall.teams"]);

function dotted(p: Array<string | number>): string {
    return p.reduce<string>((acc, seg) => (typeof seg === "number" ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : seg), "");
}

function walk(value: unknown, at: Array<string | number> = [], leaves: Leaf[] = [], objects: Array<Array<string | number>> = []) {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...at, i], leaves, objects));
    else if (value && typeof value === "object") {
        if (!FREE_KEYED.has(dotted(at))) objects.push(at);
        for (const [k, v] of Object.entries(value)) walk(v, [...at, k], leaves, objects);
    } else leaves.push({ path: at, value });
    return { leaves, objects };
}

function setAt(root: Record<string, unknown>, p: Array<string | number>, v: unknown): Record<string, unknown> {
    const copy = JSON.parse(JSON.stringify(root));
    let node = copy;
    for (const seg of p.slice(0, -1)) node = node[seg];
    node[p[p.length - 1]] = v;
    return copy;
}

function wrongTypeFor(v: unknown): unknown {
    if (typeof v === "number") return "not-a-number";
    if (typeof v === "boolean") return "maybe";
    return 12345;
}

describe("config sweep: every key of Pulumi.production.yaml", () => {
    const { leaves, objects } = walk(production());

    it("has a sizeable config to sweep", () => {
        expect(leaves.length).toBeGreaterThan(40);
    });

    it.each(leaves.map((l) => [dotted(l.path), l]))("wrong type at %s is named", (name, leaf) => {
        const problems = configProblems(setAt(production(), (leaf as Leaf).path, wrongTypeFor((leaf as Leaf).value)));
        expect(problems.length).toBeGreaterThan(0);
        expect(problems.some((p) => p.startsWith(`${FILE}: ${name}`))).toBe(true);
    });

    it.each(objects.map((o) => [dotted(o) || "(top level)", o]))("unknown key under %s is named", (name, at) => {
        const p = [...(at as Array<string | number>), "bogusKey"];
        const problems = configProblems(setAt(production(), p, 1));
        expect(problems).toContain(`${FILE}: ${dotted(p)}: unknown key (check the spelling)`);
    });

    it.each(leaves.filter((l) => typeof l.value === "number").map((l) => [dotted(l.path), l]))("negative value at %s is rejected", (name, leaf) => {
        const problems = configProblems(setAt(production(), (leaf as Leaf).path, -1));
        expect(problems.some((p) => p.startsWith(`${FILE}: ${name}`))).toBe(true);
    });
});

describe("product spec sweep", () => {
    const bearo = () => JSON.parse(JSON.stringify(catalog.find((p) => p.key === "bearo"))) as ProductSpec & Record<string, any>;
    const load = (mutate: (p: any) => void) => {
        const p = bearo();
        mutate(p);
        return problemsOf(() => loadCatalog([p, ...catalog.filter((x) => x.key !== "bearo")]));
    };
    const firstMonitor = () => bearo().monitors[0].id;

    const cases: Array<[string, (p: any) => void, RegExp]> = [
        ["threshold of the wrong type", (p) => (p.monitors[0].critical = "5"), new RegExp(`^products/bearo\\.ts: monitors\\[${firstMonitor()}\\]\\.critical: .*number`)],
        ["unknown severity", (p) => (p.monitors[0].severity = "P9"), new RegExp(`^products/bearo\\.ts: monitors\\[${firstMonitor()}\\]\\.severity: `)],
        ["unknown surface", (p) => (p.monitors[0].surface = "mainframe"), new RegExp(`^products/bearo\\.ts: monitors\\[${firstMonitor()}\\]\\.surface: unknown surface "mainframe"`)],
        ["invalid window", (p) => (p.monitors.find((m: any) => "window" in m.query).query.window = "5 minutes"), /^products\/bearo\.ts: monitors\[[a-z0-9-]+\]\.query\.window: must be a duration/],
        ["unknown field", (p) => (p.monitors[0].threshhold = 5), new RegExp(`^products/bearo\\.ts: monitors\\[${firstMonitor()}\\]: Unrecognized key`)],
        ["warning on the wrong side", (p) => { const m = p.monitors.find((x: any) => x.warning !== undefined) ?? p.monitors[0]; m.warning = m.comparator.startsWith(">") ? m.critical + 1 : m.critical - 1; }, /\.warning: warning .* must sit on the safe side of critical/],
        ["SLO target out of range", (p) => (p.slos[0].target = 120), /^products\/bearo\.ts: slos\[[a-z0-9-]+\]\.target: /],
        ["negative retention", (p) => (p.logs.types[0].hotDays = -1), /^products\/bearo\.ts: logs\.types\[[a-z]+\]\.hotDays: /],
        ["invalid frequency", (p) => (p.synthetics[0].frequency = "fast"), /^products\/bearo\.ts: synthetics\[[a-z0-9-]+\]\.frequency: must be a duration/],
        ["invalid team email", (p) => (p.team.email = "nobody"), /^products\/bearo\.ts: team\.email: /],
        ["unknown surface kind", (p) => (p.surfaces[0].kind = "mainframe"), /^products\/bearo\.ts: surfaces\[[a-z0-9-]+\]\.kind: /],
        ["escalation out of order", (p) => (p.escalation.levels[1].startsAtMinute = 0), /^products\/bearo\.ts: escalation\.levels\[1\]\.startsAtMinute: level 2 must start after level 1/],
        ["duplicate monitor id", (p) => (p.monitors[1].id = p.monitors[0].id), /^products\/bearo\.ts: monitors: ".*" is used more than once/],
        ["service used by another product", (p) => (p.surfaces[0].service = catalog.find((x) => x.key === "vivr")!.surfaces[0].service), /^products\/vivr\.ts: surfaces\[[a-z0-9-]+\]\.service: service ".*" is already used by product bearo/],
    ];

    it.each(cases)("%s is named with product and field", (_label, mutate, expected) => {
        const problems = load(mutate);
        expect(problems.filter((p) => expected.test(p))).toHaveLength(1);
    });

    it("lists every problem of every product at once", () => {
        const broken = catalog.map((p) => JSON.parse(JSON.stringify(p)));
        broken[0].monitors[0].critical = "high";
        broken[0].team.email = "nobody";
        broken[5].slos[0].target = 0;
        const problems = problemsOf(() => loadCatalog(broken));
        expect(problems).toHaveLength(3);
        expect(problems.map((p) => p.split(":")[0]).sort()).toEqual([`products/${broken[0].key}.ts`, `products/${broken[0].key}.ts`, `products/${broken[5].key}.ts`]);
    });

    it("rejects a duplicated product key", () => {
        const problems = problemsOf(() => loadCatalog([...catalog, catalog[0]]));
        expect(problems).toContain(`products/${catalog[0].key}.ts: key: product key "${catalog[0].key}" is defined more than once`);
    });
});
