/**
 * The GitHub workflows cannot leak: every job and step of every workflow is checked for pinned actions, timeouts,
 * least permissions, credentials only behind environments, no expression injection into scripts and no trusted
 * context running pull-request code; then each workflow does its documented job. A finding names workflow, job
 * and step.
 */
import * as fs from "fs";
import * as path from "path";
import * as YAML from "yaml";
import { PROJECT_DIR } from "./helpers/run";

const dir = path.join(PROJECT_DIR, ".github", "workflows");
const FILES = fs
    .readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
/** The stacks, from the committed stack files. */
const STACKS = fs
    .readdirSync(PROJECT_DIR)
    .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
    .filter((s): s is string => !!s)
    .sort();
const readme = fs.readFileSync(path.join(PROJECT_DIR, "README.md"), "utf8");

interface Workflow {
    file: string;
    doc: any;
    /** The trailing comment of each step's `uses:` line, by `<job>/<step index>`. */
    usesComments: Map<string, string | undefined>;
}

function load(file: string): Workflow {
    const parsed = YAML.parseDocument(fs.readFileSync(path.join(dir, file), "utf8"));
    if (parsed.errors.length) throw new Error(`${file}: ${parsed.errors.map(String).join("; ")}`);
    const usesComments = new Map<string, string | undefined>();
    const jobs = parsed.get("jobs") as YAML.YAMLMap<YAML.Scalar<string>, YAML.YAMLMap> | undefined;
    for (const job of jobs?.items ?? []) {
        const steps = job.value?.get("steps") as YAML.YAMLSeq<YAML.YAMLMap> | undefined;
        steps?.items.forEach((step, i) => {
            const uses = step.get("uses", true) as YAML.Scalar | undefined;
            if (uses) usesComments.set(`${job.key.value}/${i}`, uses.comment?.trim());
        });
    }
    return { file, doc: parsed.toJS(), usesComments };
}

const clone = (wf: Workflow): Workflow => ({ ...wf, doc: structuredClone(wf.doc), usesComments: new Map(wf.usesComments) });
const action = (step: any): string => String(step.uses ?? "").split("@")[0];
const stepLabel = (step: any, i: number): string =>
    `step ${i + 1} (${step.name ?? (step.uses ? action(step) : String(step.run ?? "").split("\n")[0])})`;
const stepsOf = (job: any, name: string): any[] => (job.steps ?? []).filter((s: any) => action(s) === name);
const runs = (job: any): string[] => (job.steps ?? []).filter((s: any) => s.run).map((s: any) => String(s.run).trim());
const mentionsSecrets = (x: unknown): boolean => /\bsecrets\./.test(JSON.stringify(x ?? null));
const triggers = (wf: Workflow): string[] =>
    typeof wf.doc.on === "string" ? [wf.doc.on] : Array.isArray(wf.doc.on) ? wf.doc.on : Object.keys(wf.doc.on ?? {});

/** Whether a job posts on the pull request: the Pulumi action's comment, or a script creating/updating a comment. */
const comments = (job: any): boolean =>
    (job.steps ?? []).some(
        (s: any) =>
            (action(s) === "pulumi/actions" && s.with?.["comment-on-pr"] === true) ||
            (action(s) === "actions/github-script" && /\b(createComment|updateComment)\b/.test(String(s.with?.script))),
    );

/** What uses each permission a job may hold; a scope without its consumer is more than the job needs. */
const PERMISSION_NEEDS: Record<string, { level: "read" | "write"; needed: (job: any) => boolean; why: string }> = {
    contents: { level: "read", needed: (job) => stepsOf(job, "actions/checkout").length > 0, why: "an actions/checkout step" },
    actions: {
        level: "read",
        needed: (job) => stepsOf(job, "actions/download-artifact").some((s) => s.with?.["run-id"]),
        why: "downloading another run's artifacts",
    },
    "pull-requests": { level: "write", needed: comments, why: "a step commenting on the pull request" },
    "id-token": {
        level: "write",
        needed: (job) => stepsOf(job, "aws-actions/configure-aws-credentials").length > 0,
        why: "an aws-actions/configure-aws-credentials step",
    },
};

/** The jobs that may hold an OIDC token: deploys (`pulumi up`) and previews behind the `preview` environment. */
function mayHoldIdToken(job: any): boolean {
    const environment = typeof job.environment === "object" ? job.environment?.name : job.environment;
    const commands = stepsOf(job, "pulumi/actions").map((s) => s.with?.command);
    return !!environment && (commands.includes("up") || (environment === "preview" && commands.includes("preview")));
}

/** Every property that keeps the workflows from leaking, checked on every job and step. */
function ciFindings(wf: Workflow): string[] {
    const out: string[] = [];
    const at = (job?: string, step?: string) => [wf.file, job && `job ${job}`, step].filter(Boolean).join(": ");
    const trusted = triggers(wf).some((t) => ["workflow_run", "push"].includes(t));

    if (triggers(wf).includes("pull_request_target"))
        out.push(`${at()}: pull_request_target runs fork code with a write token: use pull_request and workflow_run`);
    if (!wf.doc.permissions || typeof wf.doc.permissions !== "object" || Object.keys(wf.doc.permissions).length)
        out.push(`${at()}: top-level permissions must be {} (each job asks for its own)`);
    if (mentionsSecrets(wf.doc.env)) out.push(`${at()}: workflow-level env uses secrets (every job would get them)`);

    for (const [name, job] of Object.entries<any>(wf.doc.jobs ?? {})) {
        const where = at(name);
        const environment = typeof job.environment === "object" ? job.environment?.name : job.environment;
        if (!Number.isInteger(job["timeout-minutes"]) || job["timeout-minutes"] < 1 || job["timeout-minutes"] > 120)
            out.push(`${where}: timeout-minutes must be set (1 to 120), is ${job["timeout-minutes"]}`);

        const permissions = job.permissions;
        if (!permissions || typeof permissions !== "object") out.push(`${where}: permissions must be listed per job`);
        for (const [scope, level] of Object.entries<string>(permissions && typeof permissions === "object" ? permissions : {})) {
            const need = PERMISSION_NEEDS[scope];
            if (level === "none") continue;
            if (!need) out.push(`${where}: permission ${scope}: ${level} is not needed by any job here`);
            else if (level === "write" && need.level === "read") out.push(`${where}: permission ${scope}: write, read is enough`);
            else if (!need.needed(job)) out.push(`${where}: permission ${scope}: ${level} without ${need.why}`);
        }
        if (permissions?.["id-token"] === "write" && !mayHoldIdToken(job))
            out.push(`${where}: id-token: write only on jobs that deploy, or preview behind the preview environment`);
        if (mentionsSecrets(job) && !environment)
            out.push(`${where}: uses secrets outside a GitHub environment (environment secrets, behind its reviewers)`);
        const privileged = mentionsSecrets(job) || Object.values(permissions ?? {}).includes("write");

        (job.steps ?? []).forEach((step: any, i: number) => {
            const here = at(name, stepLabel(step, i));
            if (step.uses !== undefined) {
                if (!/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(String(step.uses)))
                    out.push(`${here}: uses "${step.uses}" is not pinned to a full commit SHA`);
                const comment = wf.usesComments.get(`${name}/${i}`);
                if (!/^v\d+\.\d+\.\d+$/.test(comment ?? ""))
                    out.push(
                        `${here}: uses needs its version as a trailing comment (# vX.Y.Z), has ${comment === undefined ? "none" : `"# ${comment}"`}`,
                    );
            }
            if (step.run !== undefined && String(step.run).includes("${{"))
                out.push(`${here}: run interpolates \${{ }} into the script (pass values through env)`);
            if (action(step) === "actions/checkout") {
                if (step.with?.["persist-credentials"] !== false) out.push(`${here}: checkout must set persist-credentials: false`);
                if (step.with?.["allow-unsafe-pr-checkout"])
                    out.push(`${here}: allow-unsafe-pr-checkout runs pull-request code in a trusted context`);
                const ref = String(step.with?.ref ?? "");
                if (trusted && ref && ref !== "${{ github.event.repository.default_branch }}")
                    out.push(`${here}: a ${triggers(wf).join("/")} job checks out only the default branch, not "${ref}"`);
            }
            if (action(step) === "actions/setup-node") {
                if (String(step.with?.["node-version"]) !== "22")
                    out.push(`${here}: node-version must be 22, is ${step.with?.["node-version"]}`);
                if (privileged && (step.with?.cache !== undefined || step.with?.["package-manager-cache"] !== false))
                    out.push(
                        `${here}: no dependency cache in a job with credentials or write access (cache: unset, package-manager-cache: false)`,
                    );
            }
        });
        const nodeAt = (job.steps ?? []).findIndex((s: any) => action(s) === "actions/setup-node");
        const npmAt = (job.steps ?? []).findIndex((s: any) => /\bnpm\b/.test(String(s.run ?? "")));
        if (npmAt >= 0 && (nodeAt < 0 || nodeAt > npmAt)) out.push(`${where}: runs npm without actions/setup-node (Node 22) before it`);
    }
    return out;
}

const WORKFLOWS = FILES.map(load);
const byFile = (file: string): Workflow => WORKFLOWS.find((w) => w.file === file)!;

it("are exactly the documented workflows", () => {
    expect(FILES).toEqual(["deploy.yml", "offline.yml", "plan-diff-comment.yml", "preview.yml"]);
    for (const f of FILES) expect(readme).toContain(f);
});

describe("every job and step", () => {
    it.each(FILES)("%s: actions pinned by SHA with their version, timeouts, least permissions, no leaks", (file) => {
        expect(ciFindings(byFile(file))).toEqual([]);
    });

    it("pin each action at one commit and one version across workflows", () => {
        const pins = new Map<string, Set<string>>();
        for (const wf of WORKFLOWS)
            for (const [key, job] of Object.entries<any>(wf.doc.jobs))
                (job.steps ?? []).forEach((s: any, i: number) => {
                    if (s.uses)
                        pins.set(
                            action(s),
                            (pins.get(action(s)) ?? new Set()).add(
                                `${String(s.uses).split("@")[1]} # ${wf.usesComments.get(`${key}/${i}`)}`,
                            ),
                        );
                });
        expect([...pins].filter(([, p]) => p.size !== 1).map(([a, p]) => `${a}: ${[...p].join(" / ")}`)).toEqual([]);
    });
});

it("call only npm scripts that package.json defines", () => {
    const scripts = Object.keys(JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, "package.json"), "utf8")).scripts);
    const missing = WORKFLOWS.flatMap((wf) =>
        Object.entries<any>(wf.doc.jobs).flatMap(([name, job]) =>
            (job.steps ?? []).flatMap((s: any, i: number) =>
                [...String(s.run ?? "").matchAll(/npm run (?:--silent )?([\w:-]+)/g)]
                    .map((m) => m[1])
                    .filter((n) => !scripts.includes(n))
                    .map((n) => `${wf.file}: job ${name}: ${stepLabel(s, i)}: npm run ${n} is not a script of package.json`),
            ),
        ),
    );
    expect(missing).toEqual([]);
});

describe("the checks catch each leak (a finding names workflow, job and step)", () => {
    const mutate = (file: string, change: (wf: Workflow) => void): string[] => {
        const wf = clone(byFile(file));
        change(wf);
        return ciFindings(wf);
    };

    it("an action pinned by tag, or by SHA without its version", () => {
        expect(
            mutate("deploy.yml", (wf) => {
                wf.doc.jobs.test.steps[0].uses = "actions/checkout@v4";
            }),
        ).toEqual(['deploy.yml: job test: step 1 (actions/checkout): uses "actions/checkout@v4" is not pinned to a full commit SHA']);
        expect(
            mutate("deploy.yml", (wf) => {
                wf.usesComments.set("test/1", undefined);
            }),
        ).toEqual(["deploy.yml: job test: step 2 (actions/setup-node): uses needs its version as a trailing comment (# vX.Y.Z), has none"]);
    });

    it("a job without timeout-minutes or with undeclared permissions, and top-level permissions", () => {
        expect(
            mutate("offline.yml", (wf) => {
                delete wf.doc.jobs.base["timeout-minutes"];
                delete wf.doc.jobs.head.permissions;
                wf.doc.permissions = { contents: "read" };
            }),
        ).toEqual([
            "offline.yml: top-level permissions must be {} (each job asks for its own)",
            "offline.yml: job head: permissions must be listed per job",
            "offline.yml: job base: timeout-minutes must be set (1 to 120), is undefined",
        ]);
    });

    it("id-token or write scopes on jobs that do not need them", () => {
        expect(
            mutate("deploy.yml", (wf) => {
                wf.doc.jobs.test.permissions["id-token"] = "write";
                wf.doc.jobs.test.permissions["pull-requests"] = "write";
            }),
        ).toEqual([
            "deploy.yml: job test: permission id-token: write without an aws-actions/configure-aws-credentials step",
            "deploy.yml: job test: permission pull-requests: write without a step commenting on the pull request",
            "deploy.yml: job test: id-token: write only on jobs that deploy, or preview behind the preview environment",
        ]);
        expect(
            mutate("offline.yml", (wf) => {
                wf.doc.jobs.head.permissions.contents = "write";
            }),
        ).toEqual([
            "offline.yml: job head: permission contents: write, read is enough",
            // Write access also forbids the npm cache the offline jobs use.
            "offline.yml: job head: step 2 (actions/setup-node): no dependency cache in a job with credentials or write access (cache: unset, package-manager-cache: false)",
        ]);
    });

    it("a preview with credentials outside the preview environment", () => {
        expect(
            mutate("preview.yml", (wf) => {
                delete wf.doc.jobs.preview.environment;
            }),
        ).toEqual([
            "preview.yml: job preview: id-token: write only on jobs that deploy, or preview behind the preview environment",
            "preview.yml: job preview: uses secrets outside a GitHub environment (environment secrets, behind its reviewers)",
        ]);
    });

    it("expressions in scripts, persisted credentials, a trusted job checking out the PR's head, a cache next to credentials", () => {
        expect(
            mutate("offline.yml", (wf) => {
                wf.doc.jobs.head.steps[5].run = 'echo "${{ github.event.pull_request.title }}"';
            }),
        ).toEqual([
            'offline.yml: job head: step 6 (echo "${{ github.event.pull_request.title }}"): run interpolates ${{ }} into the script (pass values through env)',
        ]);
        expect(
            mutate("plan-diff-comment.yml", (wf) => {
                wf.doc.jobs.comment.steps[0].with = { ref: "${{ github.event.workflow_run.head_sha }}" };
            }),
        ).toEqual([
            "plan-diff-comment.yml: job comment: step 1 (actions/checkout): checkout must set persist-credentials: false",
            'plan-diff-comment.yml: job comment: step 1 (actions/checkout): a workflow_run job checks out only the default branch, not "${{ github.event.workflow_run.head_sha }}"',
        ]);
        expect(
            mutate("deploy.yml", (wf) => {
                wf.doc.jobs.production.steps[1].with = { "node-version": 20, cache: "npm" };
            }),
        ).toEqual([
            "deploy.yml: job production: step 2 (actions/setup-node): node-version must be 22, is 20",
            "deploy.yml: job production: step 2 (actions/setup-node): no dependency cache in a job with credentials or write access (cache: unset, package-manager-cache: false)",
        ]);
        expect(
            mutate("offline.yml", (wf) => {
                wf.doc.on = { pull_request_target: null };
            }),
        ).toEqual(["offline.yml: pull_request_target runs fork code with a write token: use pull_request and workflow_run"]);
    });
});

describe("offline (pull requests, forks included)", () => {
    const wf = byFile("offline.yml").doc;
    const planLines = (side: string) => STACKS.map((stack) => `npm run plan -- --stack ${stack} --out plans/${side}-${stack}.json`);
    const upload = (job: any) => stepsOf(job, "actions/upload-artifact")[0]?.with;

    it("type-checks, lints, checks formatting and tests the head, then plans every stack to JSON and uploads it", () => {
        expect(readme).toContain("npm ci && npm test");
        expect(runs(wf.jobs.head).slice(0, 5)).toEqual(["npm ci", "npm run typecheck", "npm run lint", "npm run format:check", "npm test"]);
        const plan = wf.jobs.head.steps.find((s: any) => s.name === "Plan the head").run;
        for (const line of planLines("head")) expect(plan).toContain(line);
        expect(upload(wf.jobs.head)).toMatchObject({ name: "plan-head", path: "plans/*.json", "if-no-files-found": "error" });
    });

    it("plans every stack on the base commit, in its own job, without failing the run when the base cannot be planned", () => {
        const job = wf.jobs.base;
        expect(stepsOf(job, "actions/checkout")[0].with.ref).toBe("${{ github.event.pull_request.base.sha }}");
        expect(job["continue-on-error"]).toBe(true);
        expect(runs(job)[0]).toBe("npm ci");
        const plan = job.steps.find((s: any) => s.name === "Plan the base").run;
        for (const line of planLines("base")) expect(plan).toContain(line);
        expect(upload(job)).toMatchObject({ name: "plan-base", path: "plans/*.json" });
    });

    it("uploads only plan JSON (data), never Markdown, and needs no secrets or write access", () => {
        expect(wf.on).toEqual({ pull_request: null });
        expect(JSON.stringify(wf)).not.toContain("secrets.");
        for (const job of Object.values<any>(wf.jobs)) {
            expect(job.permissions).toEqual({ contents: "read" });
            for (const s of stepsOf(job, "actions/upload-artifact")) expect(s.with.path).toMatch(/\.json$/);
        }
    });
});

describe("plan-diff-comment (workflow_run: trusted code, the PR's plans as data)", () => {
    const wf = byFile("plan-diff-comment.yml").doc;
    const job = wf.jobs.comment;
    const offline = byFile("offline.yml").doc;
    const uploaded: string[] = Object.values<any>(offline.jobs).flatMap((j) =>
        stepsOf(j, "actions/upload-artifact").map((s) => s.with.name),
    );

    it("runs after a successful offline run of a pull request", () => {
        expect(wf.on.workflow_run).toEqual({ workflows: [offline.name], types: ["completed"] });
        expect(job.if).toBe("github.event.workflow_run.event == 'pull_request' && github.event.workflow_run.conclusion == 'success'");
    });

    it("checks out the default branch and installs its dependencies before any artifact is on disk", () => {
        expect(job.steps.map((s: any) => (s.uses ? action(s) : (s.name ?? s.run)))).toEqual([
            "actions/checkout",
            "actions/setup-node",
            "npm ci",
            "actions/download-artifact",
            "Diff the plans",
            "actions/github-script",
        ]);
        expect(job.steps[0].with.ref).toBe("${{ github.event.repository.default_branch }}");
    });

    it("downloads offline's plan JSON artifacts (head and base) outside the checkout", () => {
        const download = job.steps[3].with;
        const pattern = new RegExp(
            `^${String(download.pattern)
                .replace(/[.+?^${}()|[\]\\]/g, "\\$&")
                .replace(/\*/g, ".*")}$`,
        );
        expect(uploaded.sort()).toEqual(["plan-base", "plan-head"]);
        expect(uploaded.filter((n) => pattern.test(n))).toEqual(uploaded);
        expect(download).toMatchObject({
            "merge-multiple": true,
            path: "${{ runner.temp }}/plans",
            "run-id": "${{ github.event.workflow_run.id }}",
        });
    });

    it("builds the comment with the default branch's plan:diff from the JSON of every stack, and posts that file", () => {
        const diff = job.steps[4];
        expect(diff.env).toEqual({ PLANS: "${{ runner.temp }}/plans", COMMENT: "${{ runner.temp }}/comment.md" });
        expect(readme).toContain("npm run plan:diff -- base.json head.json");
        // The comment is plan:diff's standard output, cut to each stack's share of GitHub's limit (two stacks);
        // the full diff (--out) goes to the job summary.
        expect(diff.run).toContain(
            'npm run --silent plan:diff -- "$PLANS/base-$stack.json" "$PLANS/head-$stack.json" --out "$RUNNER_TEMP/full-$stack.md" --max-chars 30000 --full-diff-at "this run\'s job summary" > "$RUNNER_TEMP/diff-$stack.md" || [ $? -eq 2 ]',
        );
        expect(diff.run).toContain('cat "$RUNNER_TEMP/full-$stack.md" >> "$GITHUB_STEP_SUMMARY"');
        expect(STACKS.length * 30000).toBeLessThan(65536 - 1000);
        expect(/for stack in ([\w ]+); do/.exec(diff.run)?.[1].split(" ").sort()).toEqual(STACKS);
        const post = job.steps[5];
        expect(post.env).toEqual({ COMMENT: diff.env.COMMENT });
        const js = String(post.with.script);
        expect(js).toContain("fs.readFileSync(process.env.COMMENT");
        // The PR comes from the event payload, never from the artifacts.
        expect(js).toContain("p.head.sha === run.head_sha");
        expect(js).not.toMatch(/plans\/|\.md"/);
    });
});

describe("preview (same-repository pull requests, behind the preview environment)", () => {
    const job = byFile("preview.yml").doc.jobs.preview;
    const pulumi = stepsOf(job, "pulumi/actions")[0];

    it("previews every stack with the official Pulumi action and the policy pack, commenting on the PR", () => {
        expect(job.if).toBe("github.event.pull_request.head.repo.full_name == github.repository");
        expect([...job.strategy.matrix.stack].sort()).toEqual(STACKS);
        expect(runs(job)).toEqual(["npm ci", "npm ci --prefix policy"]);
        expect(pulumi.with).toMatchObject({
            command: "preview",
            "comment-on-pr": true,
            "stack-name": "${{ matrix.stack }}",
            policyPacks: "policy",
        });
    });

    it("gets credentials only in the preview environment, and only the Pulumi step sees the tokens", () => {
        expect(job.environment).toBe("preview");
        expect(job.permissions).toEqual({ contents: "read", "id-token": "write", "pull-requests": "write" });
        expect(job.steps.filter((s: any) => mentionsSecrets(s))).toEqual([pulumi]);
        expect(pulumi.env.PULUMI_ACCESS_TOKEN).toBe("${{ secrets.PULUMI_ACCESS_TOKEN }}");
    });
});

describe("deploy (push to main)", () => {
    const wf = byFile("deploy.yml").doc;

    it("tests, then deploys staging, then production behind the production environment", () => {
        expect(wf.on).toEqual({ push: { branches: ["main"] } });
        expect(wf.concurrency).toEqual({ group: "deploy", "cancel-in-progress": false });
        expect(runs(wf.jobs.test)).toEqual(["npm ci", "npm run typecheck", "npm test"]);
        expect(wf.jobs.test.permissions).toEqual({ contents: "read" });
        expect([wf.jobs.staging.needs, wf.jobs.production.needs]).toEqual(["test", "staging"]);
        for (const stack of STACKS) {
            const job = wf.jobs[stack];
            expect(job.environment).toBe(stack);
            expect(job.permissions).toEqual({ contents: "read", "id-token": "write" });
            // The offline plan (with the policy rules) gates each `pulumi up`.
            expect(runs(job)).toEqual(["npm ci", "npm ci --prefix policy", `npm run plan -- --stack ${stack}`]);
            const pulumi = stepsOf(job, "pulumi/actions")[0];
            expect(job.steps.indexOf(pulumi)).toBe(job.steps.length - 1);
            expect(pulumi.with).toMatchObject({ command: "up", "stack-name": stack, policyPacks: "policy" });
            expect(Object.keys(pulumi.env)).toEqual([
                "PULUMI_ACCESS_TOKEN",
                "PULUMI_CONFIG_PASSPHRASE",
                "DD_API_KEY",
                "DD_APP_KEY",
                "PAGERDUTY_TOKEN",
                "SENTRY_AUTH_TOKEN",
            ]);
        }
    });
});
