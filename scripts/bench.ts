/**
 * `npm run bench`: plans the real stacks and generated catalogs of 8, 50 and 200 products, each against a
 * baseline that creates the same number of bare provider resources under the same mock runtime.
 * Every measurement runs in a fresh process; results print as a Markdown table (docs/performance.md).
 */
import { spawnSync } from "child_process";
import * as path from "path";

interface Measurement {
    resources: number;
    seconds: number;
    msPerResource: number;
    peakRssMb: number;
}

const TSX_CLI = require.resolve("tsx/cli");
const CHILD = path.join(__dirname, "benchChild.ts");

function measure(args: string[]): Measurement {
    // 200 products are ~24,000 resources; the SDK keeps every resource in memory, beyond V8's default 4 GB heap.
    const r = spawnSync(process.execPath, [TSX_CLI, CHILD, ...args], {
        encoding: "utf8",
        maxBuffer: 1 << 26,
        env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --max-old-space-size=16384`.trim() },
    });
    if (r.status !== 0) throw new Error(`bench ${args.join(" ")} failed: ${r.stderr}`);
    return JSON.parse(r.stdout.trim().split("\n").pop()!) as Measurement;
}

/** Best of `runs` (least disturbed by other load). */
function best(args: string[], runs: number): Measurement {
    return Array.from({ length: runs }, () => measure(args)).sort((a, b) => a.seconds - b.seconds)[0];
}

function main(): void {
    const runs = Number(process.env.BENCH_RUNS ?? 2);
    const scenarios: Array<[string, string[]]> = [
        ["real catalog, production", ["--mode", "program", "--stack", "production"]],
        ["real catalog, staging", ["--mode", "program", "--stack", "staging"]],
        ["generated, 8 products", ["--mode", "program", "--generated", "8"]],
        ["generated, 50 products", ["--mode", "program", "--generated", "50"]],
        ["generated, 200 products", ["--mode", "program", "--generated", "200"]],
    ];
    const rows = [
        "| scenario | resources | seconds | ms/resource | peak RSS MB | baseline s | baseline ms/resource | ratio |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ];
    for (const [label, args] of scenarios) {
        const program = best(args, runs);
        const base = best(["--mode", "baseline", "--count", String(program.resources)], runs);
        const ratio = program.seconds / base.seconds;
        rows.push(
            `| ${label} | ${program.resources} | ${program.seconds.toFixed(2)} | ${program.msPerResource.toFixed(2)} | ${program.peakRssMb.toFixed(0)} | ${base.seconds.toFixed(2)} | ${base.msPerResource.toFixed(2)} | ${ratio.toFixed(2)} |`,
        );
        process.stderr.write(
            `${label}: ${program.resources} resources in ${program.seconds.toFixed(2)} s (baseline ${base.seconds.toFixed(2)} s, ratio ${ratio.toFixed(2)})\n`,
        );
    }
    process.stdout.write(rows.join("\n") + "\n");
}

main();
