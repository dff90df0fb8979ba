/** Protected state: what holds data or history survives a refactor or a removed product (retainOnDelete). */
import { STACKS } from "./helpers/constants";
import { loadPlan } from "./helpers/plan";

const RETAINED = [
    "aws:cloudwatch/logGroup:LogGroup",
    "aws:s3/bucket:Bucket",
    "aws:kms/key:Key",
    "sentry:index/sentryProject:SentryProject",
];

describe.each(STACKS)("protected state in %s", (stack) => {
    const view = loadPlan(stack);

    it.each(RETAINED)("every %s is retained on delete", (type) => {
        const resources = view.ofType(type);
        expect(resources.length).toBeGreaterThanOrEqual(8);
        for (const r of resources) expect([r.name, r.options.retainOnDelete]).toEqual([r.name, true]);
    });

    it("retains nothing else, so removed monitors and alerts really go away", () => {
        const retained = view.resources.filter((r) => r.options.retainOnDelete).map((r) => r.type);
        expect(new Set(retained)).toEqual(new Set(RETAINED));
    });
});
