/** docs/alerts.md and docs/runbooks/ are generated from the model; they must be current. */
import * as fs from "fs";
import * as path from "path";
import { catalogDocuments } from "../scripts/catalog";
import { loadPlan, MONITOR } from "./helpers/plan";
import { PROJECT_DIR } from "./helpers/run";

const docs = catalogDocuments();

describe("alert catalog and runbooks", () => {
    it.each(Object.keys(docs))("%s is current (run `npm run catalog` after changing a spec)", (rel) => {
        const file = path.join(PROJECT_DIR, rel);
        expect(fs.existsSync(file)).toBe(true);
        expect(fs.readFileSync(file, "utf8")).toBe(docs[rel]);
    });

    it("has a runbook section for every runbook link in every monitor message", () => {
        const anchors = new Map<string, Set<string>>();
        for (const [rel, text] of Object.entries(docs)) {
            if (rel.startsWith("docs/runbooks/")) anchors.set(path.basename(rel, ".md"), new Set([...text.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1])));
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
        expect(alerts).toContain("| Payment failure rate above 5% | monitor | P0 | > 5 % | `@pagerduty-bearo-production` `@slack-alerts-critical` `@slack-bearo-alerts` | [payment-failure-rate](runbooks/bearo.md#payment-failure-rate) |");
        for (const p of ["bearo", "alphabuilder", "primape", "chimpanion", "genonaut", "vivr", "driplo", "plumberleads"]) expect(alerts).toMatch(new RegExp(`^## .*\\(\`${p}\`\\)$`, "m"));
    });
});
