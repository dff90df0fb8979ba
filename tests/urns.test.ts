/**
 * URN stability: the URNs of both stacks must equal the committed lists in docs/urns/. An unintended change
 * would delete and recreate resources (monitors lose their history). For a deliberate rename, add an `aliases`
 * entry and regenerate the lists with `npm run urns` (docs/urns.md).
 */
import * as fs from "fs";
import { formatUrnList, urnListFile } from "../scripts/urns";
import { STACKS } from "./helpers/constants";
import { loadPlan } from "./helpers/plan";

describe.each(STACKS)("URNs of stack %s", (stack) => {
    it("equal the committed list docs/urns/%s.txt", () => {
        const committed = fs.readFileSync(urnListFile(stack), "utf8").trim().split("\n");
        const current = formatUrnList(loadPlan(stack).resources.map((r) => r.urn))
            .trim()
            .split("\n");
        const added = current.filter((u) => !committed.includes(u));
        const removed = committed.filter((u) => !current.includes(u));
        // Listing both sides makes the failure say exactly which resources would be replaced.
        expect({ added, removed }).toEqual({ added: [], removed: [] });
    });

    it("are unique and all belong to the stack and project", () => {
        const urns = loadPlan(stack).resources.map((r) => r.urn);
        expect(new Set(urns).size).toBe(urns.length);
        for (const u of urns) expect(u.startsWith(`urn:pulumi:${stack}::product-monitoring::`)).toBe(true);
    });
});
