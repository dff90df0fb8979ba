/** `npm run check-query`: the query checker as users run it, in a child process. */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PROJECT_DIR, runScriptAsync } from "./helpers/run";
import { QUERY_CORPUS_DIR, readCorpus } from "./helpers/queryCorpus";

const check = (...args: string[]) => runScriptAsync("checkQuery.ts", args);
// Relative to the project directory, where the script runs.
const PUBLIC = path.relative(PROJECT_DIR, path.join(QUERY_CORPUS_DIR, "datadog-public.jsonl"));
const MALFORMED = path.relative(PROJECT_DIR, path.join(QUERY_CORPUS_DIR, "malformed.jsonl"));
/** A usage error: one line on stderr naming the problem, nothing on stdout, no stack trace. */
const usageError = (r: { status: number | null; stdout: string; stderr: string }, problem: string) => {
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain(`check-query: ${problem}`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
};

describe("check-query", () => {
    let tmp: string;
    beforeAll(() => {
        tmp = fs.mkdtempSync(path.join(os.tmpdir(), "check-query-"));
    });
    afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

    it("runs as an npm script and prints ok for a valid query", () => {
        const r = spawnSync(
            "npm",
            ["run", "--silent", "check-query", "--", "--type", "service check", '"ntp.in_sync".by("*").last(2).count_by_status()'],
            { cwd: PROJECT_DIR, encoding: "utf8" },
        );
        expect([r.status, r.stdout, r.stderr]).toEqual([0, "ok\n", ""]);
    });

    it("prints invalid: <reason> and exits 1 for a malformed query", async () => {
        const r = await check("--type", "slo alert", 'burn_rate("x").over("30d").long_window("1h").short_window("5m") < 14.4');
        expect([r.status, r.stdout]).toEqual([1, "invalid: SLO alerts compare with > or >=, not <\n"]);
    });

    it("checks every public query of the corpus file, one ok per line, exit 0", async () => {
        const r = await check("--jsonl", PUBLIC);
        expect(r.status).toBe(0);
        expect(r.stdout.split("\n").filter(Boolean)).toEqual(readCorpus("datadog-public.jsonl").map(() => "ok"));
    });

    it("prints each malformed query's reason in order and exits 1", async () => {
        const r = await check("--jsonl", MALFORMED);
        expect(r.status).toBe(1);
        expect(r.stdout.split("\n").filter(Boolean)).toEqual(readCorpus("malformed.jsonl").map((c) => `invalid: ${c.reason}`));
    });

    it("keeps the order of a mixed file, skips blank lines, and exits 1 when one query is invalid", async () => {
        const file = path.join(tmp, "mixed.jsonl");
        fs.writeFileSync(
            file,
            [
                JSON.stringify({ type: "composite", query: "1 && 2" }),
                "",
                JSON.stringify({ type: "query alert", query: "avg(last_5m):default_zero(avg:a.b{*}, 5) > 1" }),
                JSON.stringify({ type: "log alert", query: 'logs("x").index("*").rollup("count").last("5m") > 1', extra: "ignored" }),
            ].join("\n"),
        );
        const r = await check("--jsonl", file);
        expect([r.status, r.stdout]).toEqual([1, "ok\ninvalid: default_zero() takes 1 argument, got 2\nok\n"]);
    });

    it("reads --jsonl - from stdin", () => {
        const r = spawnSync(
            process.execPath,
            [require.resolve("tsx/cli", { paths: [PROJECT_DIR] }), path.join(PROJECT_DIR, "scripts", "checkQuery.ts"), "--jsonl", "-"],
            {
                cwd: PROJECT_DIR,
                encoding: "utf8",
                input: `${JSON.stringify({ type: "composite", query: "1 &&" })}\n`,
            },
        );
        expect([r.status, r.stdout]).toEqual([1, "invalid: the composite query ends where a monitor id is expected\n"]);
    });

    it.each([
        [[], "--type is required"],
        [["--type", "query alert"], "the query is missing"],
        [["--type", "metric check", "x"], 'unknown monitor type "metric check"'],
        [["--type"], "--type needs a value"],
        [["--verbose", "--type", "query alert", "x"], 'unknown option "--verbose"'],
        [["--type", "query alert", "a", "b"], "one query at a time"],
        [["--jsonl", "/nonexistent/queries.jsonl"], "cannot read /nonexistent/queries.jsonl: ENOENT"],
        [["--jsonl", PUBLIC, "--type", "query alert"], "--jsonl takes no --type or query"],
    ])("rejects bad arguments %j with one line and exit 2", async (args, problem) => usageError(await check(...args), problem));

    it("rejects a line that is not a {type, query} object, naming file and line", async () => {
        const file = path.join(tmp, "bad.jsonl");
        fs.writeFileSync(file, `${JSON.stringify({ type: "composite", query: "1 && 2" })}\n{"type": "composite"}\n`);
        usageError(await check("--jsonl", file), `${file}:2: needs string fields "type" and "query"`);
        fs.writeFileSync(file, "not json\n");
        usageError(await check("--jsonl", file), `${file}:1: not a JSON object`);
    });
});
