/**
 * What changed inside one value, for a reviewer: structures by path (arrays aligned by LCS, so one inserted widget
 * is one change, not a shifted tail), JSON/YAML documents held in strings (dashboards, catalog entities) parsed and
 * diffed the same way, long strings as an inline word diff around the change, multi-line text line by line.
 * Pure; rendering is GitHub-flavoured Markdown.
 */
import { diffArrays, diffLines, diffWordsWithSpace } from "diff";
import { parse as parseYaml } from "yaml";

export interface FieldChange {
    path: string;
    /** `undefined`: the path did not exist before (added). */
    before: unknown;
    /** `undefined`: the path is gone (removed). */
    after: unknown;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

function join(at: string, key: string | number): string {
    if (typeof key === "number") return `${at}[${key}]`;
    const k = /^[A-Za-z_$][\w$-]*$/.test(key) ? key : JSON.stringify(key);
    return at ? `${at}.${k}` : k;
}

/**
 * A string holding a JSON or YAML document (object or array), parsed; else undefined. YAML only when the first line
 * is a `key:` line, so Markdown messages and queries are never mistaken for documents.
 */
export function parseDocument(s: string): unknown {
    const t = s.trim();
    try {
        if (t.startsWith("{") || t.startsWith("[")) {
            const v = JSON.parse(t);
            return typeof v === "object" && v !== null ? v : undefined;
        }
        if (t.includes("\n") && /^[A-Za-z_][\w.-]*:(\s|$)/.test(t)) {
            const v = parseYaml(t);
            return isObject(v) ? v : undefined;
        }
    } catch {
        return undefined;
    }
    return undefined;
}

/** Paths whose values differ. `[secret]` compares equal to `[secret]`: secrets are never revealed. */
export function fieldChanges(before: unknown, after: unknown, at = ""): FieldChange[] {
    if (same(before, after)) return [];
    if (isObject(before) && isObject(after)) {
        return [...new Set([...Object.keys(before), ...Object.keys(after)])]
            .sort()
            .flatMap((k) => fieldChanges(before[k], after[k], join(at, k)));
    }
    if (Array.isArray(before) && Array.isArray(after)) return arrayChanges(before, after, at);
    if (typeof before === "string" && typeof after === "string") {
        const b = parseDocument(before);
        const a = parseDocument(after);
        if (b !== undefined && a !== undefined) return fieldChanges(b, a, at);
    }
    return [{ path: at || "(value)", before, after }];
}

/** Elements aligned by LCS; a removed run followed by an added run is read as elements edited in place. */
function arrayChanges(before: unknown[], after: unknown[], at: string): FieldChange[] {
    const out: FieldChange[] = [];
    const parts = diffArrays(before, after, { comparator: same });
    let b = 0;
    let a = 0;
    for (let i = 0; i < parts.length; i++) {
        const part = parts[i];
        if (!part.added && !part.removed) {
            b += part.count;
            a += part.count;
            continue;
        }
        const next = parts[i + 1];
        const removed = part.removed ? part.value : next?.removed ? next.value : [];
        const added = part.added ? part.value : next?.added ? next.value : [];
        if ((part.removed && next?.added) || (part.added && next?.removed)) i++;
        const paired = Math.min(removed.length, added.length);
        for (let k = 0; k < paired; k++) out.push(...fieldChanges(removed[k], added[k], join(at, a + k)));
        for (let k = paired; k < removed.length; k++) out.push({ path: join(at, b + k), before: removed[k], after: undefined });
        for (let k = paired; k < added.length; k++) out.push({ path: join(at, a + k), before: undefined, after: added[k] });
        b += removed.length;
        a += added.length;
    }
    return out;
}

/** Text safe inside inline HTML in Markdown: HTML entities, Markdown punctuation escaped, no line breaks. */
export function escapeInline(s: string): string {
    return s
        .replace(/&/g, "&amp;")
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        .replace(/[\\`*_[\]~|#!()]/g, (c) => `\\${c}`)
        .replace(/\r?\n/g, "⏎");
}

/** A value as inline code (`<code>`, so `@handles` never mention anyone on GitHub), shortened to max characters. */
export function code(v: unknown, max = 120): string {
    const s = v === undefined ? "(none)" : typeof v === "string" ? v : JSON.stringify(v);
    return `<code>${escapeInline(s.length > max ? `${s.slice(0, max - 1)}…` : s)}</code>`;
}

const TOKEN = /[\p{L}\p{N}_]+|\s+|[^\p{L}\p{N}_\s]/gu;
const isWord = (t: string) => /[\p{L}\p{N}_]/u.test(t);

/** The first (from "start") or last (from "end") tokens of s holding `words` words. */
function keepWords(s: string, words: number, from: "start" | "end"): { kept: string; cut: boolean } {
    const tokens = s.match(TOKEN) ?? [];
    const order = from === "start" ? tokens : [...tokens].reverse();
    const kept: string[] = [];
    let n = 0;
    for (const t of order) {
        if (isWord(t) && n === words) break;
        if (isWord(t)) n++;
        kept.push(t);
    }
    const text = (from === "start" ? kept : kept.reverse()).join("");
    return { kept: text, cut: text.length < s.length };
}

/** Words of context either side of a change. */
const CONTEXT_WORDS = 3;
/** Longest changed run shown in full. */
const MAX_CHANGED = 160;

/**
 * One-line strings diffed by word: unchanged text cut to a few words around each change, the change marked
 * `<del>old</del><ins>new</ins>` inside `<code>` — e.g. `…as_count()) * 100 > ~~5~~4` in GitHub.
 * Strings that share little are shown whole, before → after.
 */
export function inlineDiff(before: string, after: string): string {
    const parts = diffWordsWithSpace(before, after);
    const unchanged = parts.filter((p) => !p.added && !p.removed).reduce((n, p) => n + p.value.length, 0);
    const numeric = /^-?[\d.]+(e[+-]?\d+)?$/i;
    if ((numeric.test(before) && numeric.test(after)) || unchanged < 0.3 * Math.max(before.length, after.length))
        return `${code(before, MAX_CHANGED)} → ${code(after, MAX_CHANGED)}`;
    const clip = (s: string) => escapeInline(s.length > MAX_CHANGED ? `${s.slice(0, MAX_CHANGED - 1)}…` : s);
    const out = parts.map((p, i) => {
        if (p.removed) return `<del>${clip(p.value)}</del>`;
        if (p.added) return `<ins>${clip(p.value)}</ins>`;
        if (i === 0) {
            const { kept, cut } = keepWords(p.value, CONTEXT_WORDS, "end");
            return (cut ? "…" : "") + escapeInline(kept);
        }
        if (i === parts.length - 1) {
            const { kept, cut } = keepWords(p.value, CONTEXT_WORDS, "start");
            return escapeInline(kept) + (cut ? "…" : "");
        }
        const head = keepWords(p.value, CONTEXT_WORDS, "start");
        const tail = keepWords(p.value, CONTEXT_WORDS, "end");
        return head.kept.length + tail.kept.length >= p.value.length
            ? escapeInline(p.value)
            : `${escapeInline(head.kept)}…${escapeInline(tail.kept)}`;
    });
    return `<code>${out.join("")}</code>`;
}

/**
 * Multi-line text line by line: a ```diff block of the changed lines with one line of context, `…` for the
 * lines left out. The fence is longer than any backtick run in the text.
 */
export function lineDiff(before: string, after: string, context = 1): string {
    const lines: Array<{ mark: " " | "-" | "+"; text: string }> = [];
    for (const part of diffLines(before, after)) {
        const mark = part.added ? "+" : part.removed ? "-" : " ";
        const text = part.value.endsWith("\n") ? part.value.slice(0, -1) : part.value;
        for (const line of text.split("\n")) lines.push({ mark, text: line });
    }
    const keep = lines.map((l, i) => lines.slice(Math.max(0, i - context), i + context + 1).some((x) => x.mark !== " "));
    const body: string[] = [];
    lines.forEach((l, i) => {
        if (keep[i]) body.push(`${l.mark}${l.text}`);
        else if (i === 0 || keep[i - 1]) body.push(" …");
    });
    const longest = Math.max(2, ...((before + after).match(/`+/g)?.map((r) => r.length) ?? []));
    const fence = "`".repeat(longest + 1);
    return [`${fence}diff`, ...body, fence].join("\n");
}

/** One field change rendered for a Markdown list item: "added"/"removed", an inline diff or a line diff. */
export function renderChange(c: FieldChange): { inline: string; block?: string } {
    if (c.before === undefined) return { inline: `added ${code(c.after)}` };
    if (c.after === undefined) return { inline: `removed ${code(c.before)}` };
    if (typeof c.before === "string" && typeof c.after === "string") {
        if (c.before.includes("\n") || c.after.includes("\n")) {
            const parts = diffLines(c.before, c.after);
            const count = (f: (p: (typeof parts)[number]) => boolean | undefined) => parts.filter(f).reduce((k, p) => k + p.count, 0);
            return { inline: `lines −${count((p) => p.removed)} +${count((p) => p.added)}`, block: lineDiff(c.before, c.after) };
        }
        return { inline: inlineDiff(c.before, c.after) };
    }
    return { inline: `${code(c.before)} → ${code(c.after)}` };
}
