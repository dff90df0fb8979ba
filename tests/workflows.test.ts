/** The GitHub workflows parse, call the README's commands, and keep secrets away from fork code. */
import * as fs from "fs";
import * as path from "path";
import * as YAML from "yaml";
import { PROJECT_DIR } from "./helpers/run";

const dir = path.join(PROJECT_DIR, ".github", "workflows");
const read = (f: string) => {
    const doc = YAML.parseDocument(fs.readFileSync(path.join(dir, f), "utf8"));
    expect(doc.errors.map(String)).toEqual([]);
    return doc.toJS();
};
const runs = (job: any): string[] => job.steps.filter((s: any) => s.run).map((s: any) => String(s.run));
const script = (job: any): string => runs(job).join("\n");
const pulumiStep = (job: any) => job.steps.find((s: any) => String(s.uses).startsWith("pulumi/actions@"));
const readme = fs.readFileSync(path.join(PROJECT_DIR, "README.md"), "utf8");

it("are exactly the documented workflows", () => {
    expect(fs.readdirSync(dir).sort()).toEqual(["deploy.yml", "offline.yml", "plan-diff-comment.yml", "preview.yml"]);
    for (const f of ["offline.yml", "plan-diff-comment.yml", "preview.yml", "deploy.yml"]) expect(readme).toContain(f);
});

describe("offline (pull requests, forks included)", () => {
    const wf = read("offline.yml");
    const job = wf.jobs.offline;

    it("runs the README's commands: npm ci, npm test, then plan both stacks on base and head and diff them", () => {
        expect(readme).toContain("npm ci && npm test");
        expect(runs(job).slice(0, 2)).toEqual(["npm ci", "npm test"]);
        const s = script(job);
        for (const stack of ["staging", "production"]) {
            expect(readme).toContain("npm run plan -- --stack");
            expect(s).toContain(`npm run plan -- --stack ${stack} --out "$RUNNER_TEMP/head-${stack}.json"`);
            expect(s).toContain(`npm run plan -- --stack ${stack} --out "$RUNNER_TEMP/base-${stack}.json"`);
        }
        expect(readme).toContain("npm run plan:diff -- base.json head.json");
        expect(s).toContain('npm run --silent plan:diff -- "$RUNNER_TEMP/base-$stack.json" "$RUNNER_TEMP/head-$stack.json" --out "plan-diff/$stack.md" > /dev/null || [ $? -eq 2 ]');
        // The base is planned in its own worktree, after the head's tests passed.
        const base = job.steps.find((s: any) => s.name === "Plan the base");
        expect(base.run).toContain('git worktree add "$RUNNER_TEMP/base" "$BASE_SHA"');
        expect(base.env.BASE_SHA).toBe("${{ github.event.pull_request.base.sha }}");
        expect(job.steps.find((s: any) => String(s.uses).startsWith("actions/upload-artifact@")).with).toMatchObject({ name: "plan-diff", path: "plan-diff/" });
    });

    it("needs no secrets and cannot write to the repository", () => {
        expect(wf.on).toEqual({ pull_request: null });
        expect(wf.permissions).toEqual({ contents: "read" });
        expect(JSON.stringify(wf)).not.toContain("secrets.");
    });
});

describe("plan-diff-comment", () => {
    const wf = read("plan-diff-comment.yml");
    const job = wf.jobs.comment;

    it("comments offline's diff on the PR without running its code", () => {
        expect(wf.on.workflow_run).toEqual({ workflows: ["offline"], types: ["completed"] });
        expect(wf.permissions).toEqual({ actions: "read", "pull-requests": "write" });
        expect(job.if).toBe("github.event.workflow_run.event == 'pull_request' && github.event.workflow_run.conclusion == 'success'");
        expect(job.steps.map((s: any) => String(s.uses).split("@")[0])).toEqual(["actions/download-artifact", "actions/github-script"]);
        expect(job.steps[0].with).toMatchObject({ name: "plan-diff", "run-id": "${{ github.event.workflow_run.id }}" });
        const js = job.steps[1].with.script as string;
        expect(js).toContain('readFileSync("plan-diff/comment.md"');
        expect(js).toContain("p.head.sha === run.head_sha");
        expect(js).toContain("updateComment");
    });
});

describe("preview (same-repository pull requests)", () => {
    const wf = read("preview.yml");
    const job = wf.jobs.preview;

    it("previews each stack with the official Pulumi action and the policy pack, commenting on the PR", () => {
        expect(job.if).toBe("github.event.pull_request.head.repo.full_name == github.repository");
        expect(job.strategy.matrix.stack).toEqual(["staging", "production"]);
        expect(runs(job)).toEqual(["npm ci", "npm ci --prefix policy"]);
        expect(pulumiStep(job).uses).toBe("pulumi/actions@v6");
        expect(pulumiStep(job).with).toMatchObject({ command: "preview", "comment-on-pr": true, "stack-name": "${{ matrix.stack }}", policyPacks: "policy" });
        expect(pulumiStep(job).env.PULUMI_ACCESS_TOKEN).toBe("${{ secrets.PULUMI_ACCESS_TOKEN }}");
    });
});

describe("deploy (push to main)", () => {
    const wf = read("deploy.yml");

    it("tests, then deploys staging, then production behind the production environment", () => {
        expect(wf.on).toEqual({ push: { branches: ["main"] } });
        expect(wf.concurrency).toEqual({ group: "deploy", "cancel-in-progress": false });
        expect(runs(wf.jobs.test)).toEqual(["npm ci", "npm test"]);
        expect([wf.jobs.staging.needs, wf.jobs.production.needs]).toEqual(["test", "staging"]);
        expect([wf.jobs.staging.environment, wf.jobs.production.environment]).toEqual(["staging", "production"]);
        for (const stack of ["staging", "production"]) {
            const job = wf.jobs[stack];
            // The offline plan (with the policy rules) gates each `pulumi up`.
            expect(runs(job)).toEqual(["npm ci", "npm ci --prefix policy", `npm run plan -- --stack ${stack}`]);
            expect(job.steps.indexOf(pulumiStep(job))).toBe(job.steps.length - 1);
            expect(pulumiStep(job).with).toMatchObject({ command: "up", "stack-name": stack, policyPacks: "policy" });
            expect(Object.keys(pulumiStep(job).env)).toEqual(["PULUMI_ACCESS_TOKEN", "PULUMI_CONFIG_PASSPHRASE", "DD_API_KEY", "DD_APP_KEY", "PAGERDUTY_TOKEN", "SENTRY_AUTH_TOKEN"]);
        }
    });
});
