/** The query corpora of tests/fixtures/queries/: one JSON object per line. */
import * as fs from "fs";
import * as path from "path";

export const QUERY_CORPUS_DIR = path.join(__dirname, "..", "fixtures", "queries");

export interface CorpusEntry {
    type: string;
    query: string;
    /** Where a public query comes from (repository and path, or documentation page). */
    source?: string;
    /** Malformed queries: the checker's expected reason. */
    reason?: string;
}

export function readCorpus(file: string): CorpusEntry[] {
    const full = path.join(QUERY_CORPUS_DIR, file);
    return fs
        .readFileSync(full, "utf8")
        .split("\n")
        .flatMap((line, i) => {
            if (!line.trim()) return [];
            const e = JSON.parse(line) as CorpusEntry;
            if (typeof e.type !== "string" || typeof e.query !== "string")
                throw new Error(`${full}:${i + 1}: needs string "type" and "query"`);
            return [e];
        });
}

/** Where a public query comes from, for the README's corpus table. */
function origin(source = ""): string {
    if (source.startsWith("DataDog/integrations-core ")) return "DataDog/integrations-core recommended monitors";
    if (source.startsWith("DataDog/integrations-extras ")) return "DataDog/integrations-extras recommended monitors";
    if (/datadog-api-client/.test(source)) return "Datadog API reference examples (@datadog/datadog-api-client)";
    return "Datadog documentation and other public pages";
}

/**
 * The README's "Query checker" results, computed from the corpora with the checker itself, so the README cannot
 * drift from the fixtures: accepted public queries by monitor type and by origin, rejected malformed queries.
 */
export function corpusResultsMarkdown(check: (type: string, query: string) => string[]): string {
    const pub = readCorpus("datadog-public.jsonl");
    const bad = readCorpus("malformed.jsonl");
    const count = <K extends string>(keys: K[]) =>
        [...keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<K, number>())].sort(
            (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
        );
    const accepted = (e: CorpusEntry) => check(e.type, e.query).length === 0;
    const byType = count(pub.map((e) => e.type)).map(
        ([type, n]) => `| ${type} | ${n} | ${pub.filter((e) => e.type === type && accepted(e)).length} |`,
    );
    const byOrigin = count(pub.map((e) => origin(e.source))).map(([o, n]) => `| ${o} | ${n} |`);
    const rejected = bad.filter((e) => check(e.type, e.query).join("; ") === e.reason).length;
    return [
        "| monitor type | public queries | accepted |",
        "| --- | ---: | ---: |",
        ...byType,
        `| **all** | **${pub.length}** | **${pub.filter(accepted).length}** |`,
        "",
        "| origin | queries |",
        "| --- | ---: |",
        ...byOrigin,
        "",
        `Malformed corpus: ${bad.length} queries over ${new Set(bad.map((e) => e.type)).size} monitor types, ${rejected} rejected with their expected reason.`,
    ].join("\n");
}
