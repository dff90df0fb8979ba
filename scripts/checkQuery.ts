/**
 * `npm run --silent check-query -- --type "<monitor type>" "<query>"` prints `ok` or `invalid: <reason>`.
 * `npm run --silent check-query -- --jsonl FILE` reads one {"type": …, "query": …} per line ("-" reads stdin) and
 * prints one such verdict line per query, in order (blank lines skipped). Exit 0 when every query is valid, 1 when
 * one is not, 2 on bad usage or an unreadable file (one line on stderr).
 */
import * as fs from "fs";
import { MONITOR_TYPES, validateQuery } from "../lib/datadog/queryCheck";

const USAGE = 'usage: check-query --type "<monitor type>" "<query>"  |  check-query --jsonl <file|->';

class UsageError extends Error {}

interface Args {
    type?: string;
    query?: string;
    jsonl?: string;
}

function parseArgs(argv: string[]): Args {
    const args: Args = {};
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        const value = () => {
            const v = argv[++i];
            if (v === undefined) throw new UsageError(`${a} needs a value`);
            return v;
        };
        if (a === "--type") args.type = value();
        else if (a === "--jsonl") args.jsonl = value();
        else if (a === "--help" || a === "-h") throw new UsageError("help");
        else if (a.startsWith("--")) throw new UsageError(`unknown option "${a}"`);
        else if (args.query !== undefined) throw new UsageError("one query at a time (quote it; use --jsonl for many)");
        else args.query = a;
    }
    if (args.jsonl !== undefined) {
        if (args.type !== undefined || args.query !== undefined) throw new UsageError("--jsonl takes no --type or query");
        return args;
    }
    if (args.type === undefined) throw new UsageError("--type is required");
    if (!MONITOR_TYPES.includes(args.type))
        throw new UsageError(`unknown monitor type "${args.type}" (one of: ${MONITOR_TYPES.join(", ")})`);
    if (args.query === undefined) throw new UsageError("the query is missing");
    return args;
}

function verdict(type: string, query: string): string {
    const { errors } = validateQuery(type, query);
    return errors.length ? `invalid: ${errors.join("; ")}` : "ok";
}

/** One verdict per non-empty line; a line that is not {"type": string, "query": string} is a usage error. */
function checkJsonl(file: string): string[] {
    let text: string;
    try {
        text = fs.readFileSync(file === "-" ? 0 : file, "utf8");
    } catch (e) {
        throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    const out: string[] = [];
    text.split("\n").forEach((line, i) => {
        if (!line.trim()) return;
        let row: unknown;
        try {
            row = JSON.parse(line);
        } catch {
            throw new UsageError(`${file}:${i + 1}: not a JSON object`);
        }
        const { type, query } = (row ?? {}) as { type?: unknown; query?: unknown };
        if (typeof type !== "string" || typeof query !== "string")
            throw new UsageError(`${file}:${i + 1}: needs string fields "type" and "query"`);
        out.push(verdict(type, query));
    });
    return out;
}

function main(): number {
    let args: Args;
    let lines: string[];
    try {
        args = parseArgs(process.argv.slice(2));
        lines = args.jsonl !== undefined ? checkJsonl(args.jsonl) : [verdict(args.type!, args.query!)];
    } catch (e) {
        if (!(e instanceof UsageError)) throw e;
        if (e.message === "help") {
            process.stdout.write(`${USAGE}\n`);
            return 0;
        }
        process.stderr.write(`check-query: ${e.message} (${USAGE})\n`);
        return 2;
    }
    process.stdout.write(lines.map((l) => `${l}\n`).join(""));
    return lines.some((l) => l !== "ok") ? 1 : 0;
}

process.exitCode = main();
