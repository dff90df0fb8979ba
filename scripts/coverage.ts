/**
 * `npm run coverage` (also run by `npm run catalog`): writes docs/coverage.md, every plan item with its seed
 * section and where it is implemented or why not. Exits 1, printing every problem, when the coverage lists and
 * the specs' citations disagree; tests/coverage.test.ts fails on the same problems and on a stale file.
 */
import * as fs from "fs";
import * as path from "path";
import { formatProblem, Problem } from "../lib/inputs/errors";
import { loadCatalog } from "../lib/inputs/catalog/validate";
import { coveragePlans } from "../lib/inputs/coverage";
import { coverageProblems, renderCoverage, SpecElement, specElements } from "../lib/tooling/coverage";
import { catalog } from "../products";

const PROJECT_DIR = path.resolve(__dirname, "..");
export const COVERAGE_DOC = "docs/coverage.md";

/** Every cited element of every product of the catalog (coverage is per plan, not per stack). */
export function catalogElements(): SpecElement[] {
    return loadCatalog(catalog).flatMap(specElements);
}

export function coverageReport(): { text: string; problems: Problem[] } {
    const elements = catalogElements();
    return {
        text: renderCoverage(coveragePlans, elements),
        problems: coverageProblems(coveragePlans, elements, (rel) => fs.existsSync(path.join(PROJECT_DIR, rel))),
    };
}

if (require.main === module) {
    const { text, problems } = coverageReport();
    if (problems.length) {
        for (const p of problems) process.stderr.write(formatProblem(p) + "\n");
        process.exit(1);
    }
    fs.writeFileSync(path.join(PROJECT_DIR, COVERAGE_DOC), text);
    process.stdout.write(`wrote ${COVERAGE_DOC}\n`);
}
