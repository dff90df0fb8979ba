/** docs/alerts.md and docs/runbooks/ are generated from the model; they must be current. */
import * as fs from "fs";
import * as path from "path";
import { handles } from "../lib/datadog/handles";
import { loadCatalog } from "../lib/inputs/catalog/validate";
import { buildStackModel } from "../lib/stack/model";
import { simulatedFigures } from "../lib/tooling/alertRows";
import { catalog } from "../products";
import { catalogDocuments } from "../scripts/catalog";
import { stackConfig } from "./helpers/stackConfig";
import { isCompositePart, loadPlan, MONITOR } from "./helpers/plan";
import { PROJECT_DIR } from "./helpers/run";
import { usageBudgetAlerts } from "../lib/datadog/usageBudget";

const docs = catalogDocuments();
const config = stackConfig("production");

describe("alert catalog and runbooks", () => {
    it.each(Object.keys(docs))("%s is current (run `npm run catalog` after changing a spec)", (rel) => {
        const file = path.join(PROJECT_DIR, rel);
        expect(fs.existsSync(file)).toBe(true);
        expect(fs.readFileSync(file, "utf8")).toBe(docs[rel]);
    });

    it("has a runbook section for every runbook link in every monitor message", () => {
        const anchors = new Map<string, Set<string>>();
        for (const [rel, text] of Object.entries(docs)) {
            if (rel.startsWith("docs/runbooks/"))
                anchors.set(path.basename(rel, ".md"), new Set([...text.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1])));
        }
        const view = loadPlan("production");
        let links = 0;
        for (const r of view.resources) {
            const message = r.inputs.message;
            if (typeof message !== "string") continue;
            for (const m of message.matchAll(/docs\/runbooks\/([a-z]+)\.md#([a-z0-9-]+)/g)) {
                links++;
                expect([r.name, anchors.get(m[1])?.has(m[2])]).toEqual([r.name, true]);
            }
        }
        expect(links).toBeGreaterThan(view.ofType(MONITOR).length);
    });

    it("lists each product's alerts with severity, threshold, route and runbook", () => {
        const alerts = docs["docs/alerts.md"];
        const model = buildStackModel(
            loadCatalog(catalog).filter((p) => config.products.includes(p.key)),
            config,
        );
        const figures = simulatedFigures(model);
        for (const { product, alerts: productAlerts } of model.products) {
            expect(alerts).toMatch(new RegExp(`^## .*\\(\`${product.key}\`\\)$`, "m"));
            for (const a of productAlerts) {
                const route = handles(a.route)
                    .map((h) => `\`${h}\``)
                    .join(" ");
                const f = figures.get(`${a.product}/${a.id}`)!;
                // Time to detect a hard outage and pages per incident come from the alert simulator.
                const detect =
                    f.detectSeconds === null
                        ? "—"
                        : f.detectSeconds < 120
                          ? `${f.detectSeconds} s`
                          : `${Math.round(f.detectSeconds / 60)} min`;
                expect(alerts).toContain(
                    `| ${a.severity} | ${a.condition.text.replace(/\|/g, "\\|")} | ${route} | ${detect} | ${f.pagesPerIncident} | [${a.id}](runbooks/${product.key}.md#${a.id}) |`,
                );
            }
        }
    });

    it("lists every alert of the stack model, of every kind, and one per planned alerting resource", () => {
        const model = buildStackModel(
            loadCatalog(catalog).filter((p) => config.products.includes(p.key)),
            config,
        );
        const alerts = docs["docs/alerts.md"];
        expect(alerts).toContain(`${model.alerts.length} alerts in ${model.products.length} products.`);
        const view = loadPlan("production");
        const alerting = [
            MONITOR,
            "datadog:index/syntheticsTest:SyntheticsTest",
            "sentry:index/sentryIssueAlert:SentryIssueAlert",
            "sentry:index/sentryMetricAlert:SentryMetricAlert",
            "aws:cloudwatch/metricAlarm:MetricAlarm",
        ];
        // Plus the organization-wide usage-budget monitors, which are not product alerts (docs/runbooks/platform.md).
        const organization = config.datadog.manageOrganizationResources ? usageBudgetAlerts(config).length : 0;
        // A composite's silent parts are not alerts of their own.
        expect(model.alerts.length + organization).toBe(
            alerting.reduce((n, t) => n + view.ofType(t).filter((r) => !isCompositePart(r)).length, 0),
        );
        expect(new Set(model.alerts.map((a) => a.kind))).toEqual(
            new Set(["monitor", "slo-burn-rate", "security", "synthetic", "sentry-issue", "sentry-metric", "cloudwatch-alarm"]),
        );
    });
});
