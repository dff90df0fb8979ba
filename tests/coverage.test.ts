/**
 * Plan coverage: docs/coverage.md is current, every implemented item is cited by a spec element (or names the
 * module implementing it), and every citation points at a section a plan item lists — so a spec element that
 * loses or mistypes its citation fails here.
 */
import * as fs from "fs";
import * as path from "path";
import { coveragePlans } from "../lib/inputs/coverage";
import { coverageProblems, linkCoverage, parseCitation, PlanCoverage, renderCoverage, SpecElement } from "../lib/tooling/coverage";
import { catalogElements, COVERAGE_DOC, coverageReport } from "../scripts/coverage";
import { PROJECT_DIR } from "./helpers/run";

const elements = catalogElements();
const exists = (rel: string) => fs.existsSync(path.join(PROJECT_DIR, rel));

describe("parseCitation", () => {
    it("splits a citation into section references, later parts inheriting the last seed named", () => {
        expect(parseCitation("000 §Phase 3 / Security Monitoring; §Security & Compliance (Audit logging, Retention policies)")).toEqual([
            { seed: "000", path: "Phase 3 / Security Monitoring", detail: "" },
            { seed: "000", path: "Security & Compliance", detail: "Audit logging, Retention policies" },
        ]);
        expect(parseCitation("002 §Overview / Goals (detect issues proactively); 14-day SSL threshold from 004 §Network Metrics")).toEqual([
            { seed: "002", path: "Overview / Goals", detail: "detect issues proactively" },
            { seed: "004", path: "Network Metrics", detail: "" },
        ]);
        expect(parseCitation("000 §Cost Optimization (Archive old logs to S3) / §Security & Compliance (Retention policies)")).toEqual([
            { seed: "000", path: "Cost Optimization", detail: "Archive old logs to S3" },
            { seed: "000", path: "Security & Compliance", detail: "Retention policies" },
        ]);
        expect(parseCitation("001 §User Experience (DataDog RUM): user journey analysis")).toEqual([
            { seed: "001", path: "User Experience", detail: "DataDog RUM: user journey analysis" },
        ]);
        expect(parseCitation("004 §Server Metrics (CPU Utilization >85% for 5 min); Appendix B Critical CPU Alert (warning 75)")).toEqual([
            { seed: "004", path: "Server Metrics", detail: "CPU Utilization >85% for 5 min" },
        ]);
    });
});

describe("the committed coverage", () => {
    it(`${COVERAGE_DOC} is current (run \`npm run coverage\` or \`npm run catalog\`)`, () => {
        expect(fs.readFileSync(path.join(PROJECT_DIR, COVERAGE_DOC), "utf8")).toBe(coverageReport().text);
    });

    it("has no problem: every implemented item is cited or names its module, every citation names a listed section", () => {
        expect(coverageProblems(coveragePlans, elements, exists)).toEqual([]);
    });

    it("lists one file per seed in shared/seeds, and each plan's items in its table", () => {
        // The seeds live beside the repository on the team's machines, not in CI checkouts.
        const dir = path.join(PROJECT_DIR, "..", "..", "shared", "seeds");
        if (fs.existsSync(dir))
            expect(coveragePlans.map((p) => p.file)).toEqual(
                fs
                    .readdirSync(dir)
                    .filter((f) => /^\d{3}_/.test(f))
                    .sort(),
            );
        const doc = fs.readFileSync(path.join(PROJECT_DIR, COVERAGE_DOC), "utf8");
        for (const plan of coveragePlans) {
            expect(doc).toContain(`## ${plan.seed} ${plan.title}`);
            for (const item of plan.items) expect(doc).toContain(`| ${item.item.replace(/\|/g, "\\|")} | §${item.section} |`);
        }
    });

    it("links every spec notMonitored entry to a plan item", () => {
        const linked = new Set(linkCoverage(coveragePlans, elements).flatMap((i) => i.elements));
        const unlinked = elements.filter((e) => e.kind === "notMonitored" && !linked.has(e)).map((e) => `${e.product}: ${e.id}`);
        expect(unlinked).toEqual([]);
    });

    it("names the spec elements implementing an item in its row", () => {
        const doc = fs.readFileSync(path.join(PROJECT_DIR, COVERAGE_DOC), "utf8");
        const item = linkCoverage(coveragePlans, elements).find(
            (i) => i.status === "implemented" && !i.note && !i.implementedBy && i.elements.length === 1 && i.elements[0].kind === "monitor",
        )!;
        const e = item.elements[0];
        expect(doc).toContain(`| ${item.item} | §${item.section} | implemented | ${e.product}: monitor \`${e.id}\` |`);
    });
});

describe("coverageProblems", () => {
    const linked = linkCoverage(coveragePlans, elements);
    // An item implemented by one element that implements no other item alone, so losing it breaks exactly that item.
    const soleOf = (e: SpecElement) => linked.filter((i) => !i.implementedBy && i.elements.length === 1 && i.elements[0] === e);
    const implemented = linked.find(
        (i) => i.status === "implemented" && !i.implementedBy && i.elements.length === 1 && soleOf(i.elements[0]).length === 1,
    )!;
    const lost = implemented.elements[0];

    it("fails when the only spec element citing an implemented item loses its citation", () => {
        const without = elements.map((e) => (e === lost ? { ...e, source: "see the plan" } : e));
        expect(coverageProblems(coveragePlans, without, exists)).toEqual([
            {
                source: `products/${lost.product}.ts`,
                field: `${lost.kind} ${lost.id}`,
                message: `source "see the plan" names no plan section (write "<seed> §<section> (<item>)")`,
            },
            {
                source: `lib/inputs/coverage/${implemented.seed}.ts`,
                field: `${implemented.section}: ${implemented.item}`,
                message: `is listed as implemented but no spec element cites §${implemented.section}${implemented.match ? ` (${implemented.match})` : ""} and it names no implementedBy`,
            },
        ]);
    });

    it("fails when a citation names a section no item of its plan lists", () => {
        const typo: SpecElement = {
            product: "bearo",
            kind: "monitor",
            id: "x",
            source: "000 §Phase 1 / Basic Alertin (API downtime); 009 §Anything",
        };
        expect(coverageProblems(coveragePlans, [...elements, typo], exists)).toEqual([
            {
                source: "products/bearo.ts",
                field: "monitor x",
                message: "cites 000 §Phase 1 / Basic Alertin, a section no item of lib/inputs/coverage/000.ts lists",
            },
            {
                source: "products/bearo.ts",
                field: "monitor x",
                message: "cites plan 009, which has no coverage list (lib/inputs/coverage/)",
            },
        ]);
    });

    it("requires a reason or a spec entry for not monitored items, a note for the others, and existing modules", () => {
        const plan: PlanCoverage = {
            seed: "000",
            title: "t",
            file: "f",
            aliases: { "Old name": "Nowhere" },
            items: [
                { item: "a", section: "S", status: "notMonitored" },
                { item: "b", section: "S", status: "missing" },
                { item: "c", section: "S", status: "implemented", implementedBy: { file: "lib/none.ts", what: "x" } },
                { item: "c", section: "S", status: "differentMeaningPending", note: "spec change" },
            ],
        };
        expect(coverageProblems([plan], [], exists).map((p) => `${p.field}: ${p.message}`)).toEqual([
            'S: "c" is listed twice',
            'aliases: "Nowhere" is not the section of any item',
            "S: a: is listed as not monitored but no spec notMonitored entry cites it and it gives no reason (note)",
            "S: b: is listed as missing without a note saying what differs or is missing",
            "S: c: implementedBy names lib/none.ts, which does not exist",
        ]);
    });

    it("renders an item's status and reason", () => {
        const plan: PlanCoverage = {
            seed: "000",
            title: "Plan",
            file: "000.txt",
            items: [{ item: "Status page", section: "Incidents", status: "notMonitored", note: "no provider resource" }],
        };
        expect(renderCoverage([plan], [])).toContain("| Status page | §Incidents | not monitored | no provider resource |");
    });
});
