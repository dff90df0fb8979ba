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
    return fs.readFileSync(full, "utf8").split("\n").flatMap((line, i) => {
        if (!line.trim()) return [];
        const e = JSON.parse(line) as CorpusEntry;
        if (typeof e.type !== "string" || typeof e.query !== "string") throw new Error(`${full}:${i + 1}: needs string "type" and "query"`);
        return [e];
    });
}
