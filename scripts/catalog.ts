/**
 * `npm run catalog`: writes docs/alerts.md, docs/runbooks/<product>.md and docs/coverage.md from the product specs and the
 * production stack config. tests/catalog-docs.test.ts fails when the committed files are stale.
 */
import * as fs from "fs";
import * as path from "path";
import { renderAlertCatalog, renderPlatformRunbook, renderRunbook } from "../lib/tooling/alertCatalog";
import { simulatedFigures } from "../lib/tooling/alertRows";
import { usageBudgetAlerts } from "../lib/datadog/usageBudget";
import { COVERAGE_DOC, coverageReport } from "./coverage";
import { loadCatalog } from "../lib/inputs/catalog/validate";
import { buildStackModel } from "../lib/stack/model";
import { catalog } from "../products";
import { readStackConfig } from "./stackFile";

const PROJECT_DIR = path.resolve(__dirname, "..");

/** Repository-relative path → content of every generated document. */
export function catalogDocuments(stack = "production"): Record<string, string> {
    const config = readStackConfig(
        PROJECT_DIR,
        stack,
        catalog.map((p) => p.key),
    );
    const model = buildStackModel(
        loadCatalog(catalog).filter((p) => config.products.includes(p.key)),
        config,
    );
    const figures = simulatedFigures(model);
    return {
        "docs/alerts.md": renderAlertCatalog(model, figures),
        ...Object.fromEntries(model.products.map((p) => [`docs/runbooks/${p.product.key}.md`, renderRunbook(p, figures)])),
        ...(config.datadog.manageOrganizationResources
            ? { "docs/runbooks/platform.md": renderPlatformRunbook(usageBudgetAlerts(config)) }
            : {}),
        [COVERAGE_DOC]: coverageReport().text,
    };
}

if (require.main === module) {
    for (const [rel, text] of Object.entries(catalogDocuments())) {
        fs.mkdirSync(path.dirname(path.join(PROJECT_DIR, rel)), { recursive: true });
        fs.writeFileSync(path.join(PROJECT_DIR, rel), text);
        process.stdout.write(`wrote ${rel}\n`);
    }
}
