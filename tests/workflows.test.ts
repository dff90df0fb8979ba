/** The GitHub workflows parse and call the README's commands. */
import * as fs from "fs";
import * as path from "path";
import * as YAML from "yaml";
import { PROJECT_DIR } from "./helpers/run";

const read = (f: string) => YAML.parse(fs.readFileSync(path.join(PROJECT_DIR, ".github", "workflows", f), "utf8"));
const runs = (job: any): string => job.steps.map((s: any) => s.run ?? "").join("\n");
const readme = fs.readFileSync(path.join(PROJECT_DIR, "README.md"), "utf8");

describe("pull-request workflow", () => {
    const wf = read("pull-request.yml");

    it("runs the README's test command and the offline plan diff without secrets", () => {
        const offline = wf.jobs.offline;
        expect(readme).toContain("npm ci && npm test");
        expect(runs(offline)).toContain("npm ci && npm test");
        expect(runs(offline)).toMatch(/npm run plan -- --stack production --out/);
        expect(runs(offline)).toMatch(/npm run plan -- --stack staging --out/);
        expect(runs(offline)).toMatch(/npm run --silent plan:diff -- \S+base-production\.json \S+head-production\.json/);
        expect(JSON.stringify(offline)).not.toContain("secrets.");
    });

    it("previews each stack with the official Pulumi action, commenting on same-repository PRs only", () => {
        const preview = wf.jobs.preview;
        expect(preview.strategy.matrix.stack).toEqual(["staging", "production"]);
        expect(preview.if).toBe("github.event.pull_request.head.repo.full_name == github.repository");
        const step = preview.steps.find((s: any) => String(s.uses).startsWith("pulumi/actions@"));
        expect(step.with).toMatchObject({ command: "preview", "comment-on-pr": true, "stack-name": "${{ matrix.stack }}", policyPacks: "policy" });
    });
});

describe("deploy workflow", () => {
    const wf = read("deploy.yml");

    it("deploys staging, then production behind the production environment", () => {
        expect(wf.on.push.branches).toEqual(["main"]);
        expect(wf.jobs.staging.needs).toBe("test");
        expect(wf.jobs.production.needs).toBe("staging");
        expect(wf.jobs.production.environment).toBe("production");
        for (const stack of ["staging", "production"]) {
            const up = wf.jobs[stack].steps.find((s: any) => String(s.uses).startsWith("pulumi/actions@"));
            expect(up.with).toMatchObject({ command: "up", "stack-name": stack });
            expect(runs(wf.jobs[stack])).toContain(`npm run plan -- --stack ${stack}`);
        }
        expect(runs(wf.jobs.test)).toContain("npm ci && npm test");
    });
});
