/**
 * Amazon S3 general purpose bucket naming rules, in full (S3 User Guide, "General purpose bucket naming rules"):
 * S3 refuses a name breaking any of them at creation, which would fail `pulumi up` halfway through a deploy.
 */

const RESERVED_PREFIXES = ["xn--", "sthree-", "amzn-s3-demo-"];
const RESERVED_SUFFIXES = ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"];

/** Every rule the bucket name breaks; empty when S3 accepts it. */
export function bucketNameProblems(name: string): string[] {
    const out: string[] = [];
    if (name.length < 3 || name.length > 63) out.push(`must be 3 to 63 characters long (it has ${name.length})`);
    const bad = [...new Set(name.replace(/[a-z0-9.-]/g, ""))];
    if (bad.length)
        out.push(`may contain only lowercase letters, digits, dots and hyphens (found ${bad.map((c) => JSON.stringify(c)).join(", ")})`);
    if (!/^[a-z0-9]/.test(name) || !/[a-z0-9]$/.test(name)) out.push("must begin and end with a letter or a digit");
    if (name.includes("..")) out.push("must not contain two adjacent dots");
    if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) out.push("must not be formatted as an IP address");
    for (const p of RESERVED_PREFIXES) if (name.startsWith(p)) out.push(`must not start with "${p}" (reserved by S3)`);
    for (const s of RESERVED_SUFFIXES) if (name.endsWith(s)) out.push(`must not end with "${s}" (reserved by S3)`);
    return out;
}

/**
 * Problems of the archive bucket prefix, judged on the names the program builds from it (`<prefix>-<product>`,
 * components/LogPipeline.ts), each problem once even when several products' names share it.
 */
export function bucketPrefixProblems(prefix: string, productKeys: ReadonlyArray<string>): string[] {
    const out = new Map<string, string>();
    for (const key of productKeys.length ? productKeys : ["x"]) {
        const name = `${prefix}-${key}`;
        for (const p of bucketNameProblems(name)) {
            // One line per rule, naming the first bucket that breaks it (the length differs per product).
            const rule = p.replace(/\(it has \d+\)$/, "");
            if (!out.has(rule)) out.set(rule, `bucket name "${name}" ${p}`);
        }
    }
    return [...out.values()];
}
