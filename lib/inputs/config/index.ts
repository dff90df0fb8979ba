/**
 * Stack configuration: one zod schema for everything that differs between stacks, parsed at start-up from the
 * project's namespace in `Pulumi.<stack>.yaml` section by section (a broken section does not hide the others'
 * problems), then the rules a schema cannot express: stack name, secrets, namespaces, duplicates, known names,
 * bounds and the rules between config and catalog. Unknown keys are rejected (typo catching).
 */
import { z } from "zod";
import { closest, formatPath, Problem, unknownName, ValidationError } from "../errors";
import type { Product } from "../catalog/schema";
import { MaintenanceWindow } from "./maintenance";
import { LogsConfig } from "./logs";
import { OnCallConfig, rotationProblems } from "./oncall";
import { RoutingConfig } from "./routing";
import { SentryConfig } from "./sentry";
import { SyntheticsConfig } from "./synthetics";
import {
    AWS_REGIONS,
    DATADOG_GOV_SYNTHETIC_LOCATIONS,
    DATADOG_SYNTHETIC_LOCATIONS,
    PROVIDER_NAMESPACES,
    PROVIDER_SECRET_KEYS,
    ROUTE53_METRICS_REGION,
} from "./known";
import { bucketPrefixProblems } from "./s3";

export { MaintenanceWindow, LogsConfig, OnCallConfig, RoutingConfig, SentryConfig, SyntheticsConfig };

/** The environments of the project's stacks (the `env:` tag values the tag policy allows). */
export const ENVIRONMENTS = ["production", "staging"] as const;

/** Keys holding secrets; they must be set with `pulumi config set --secret`. */
export const SECRET_KEYS = ["datadogApiKey", "syntheticsPassword"] as const;

const StackConfigShape = {
    /** Value of the `env:` tag and part of resource names. */
    environment: z.enum(ENVIRONMENTS),
    /** Product keys deployed in this stack. */
    products: z.array(z.string().min(1)).min(1),
    /** Prefix added to product hosts for synthetic tests ("" in production, "staging." in staging). */
    hostPrefix: z.string().regex(/^([a-z0-9-]+\.)?$/, 'must be "" or a label followed by a dot, e.g. "staging."'),
    datadog: z.strictObject({
        /** Datadog site, e.g. datadoghq.com or datadoghq.eu. */
        site: z.enum(["datadoghq.com", "us3.datadoghq.com", "us5.datadoghq.com", "datadoghq.eu", "ap1.datadoghq.com", "ddog-gov.com"]),
        /**
         * Whether this stack owns the organization-wide Datadog resources (Teams, Software Catalog entities,
         * monitor tag policies). They exist once per organization, so exactly one stack (production) owns them.
         */
        manageOrganizationResources: z.boolean(),
    }),
    routing: RoutingConfig,
    oncall: OnCallConfig,
    synthetics: SyntheticsConfig,
    logs: LogsConfig,
    sentry: SentryConfig,
    maintenanceWindows: z.array(MaintenanceWindow).default([]),
    /** Datadog API key for log shipping (Firehose → Datadog). Secret. */
    datadogApiKey: z.string().min(1),
    /** Password of the synthetic test user. Secret. */
    syntheticsPassword: z.string().min(1),
};

export const StackConfig = z.strictObject(StackConfigShape);
export type StackConfig = z.infer<typeof StackConfig>;
type SectionKey = keyof typeof StackConfigShape;
const SECTIONS = Object.keys(StackConfigShape) as SectionKey[];

/**
 * Turns the raw config map (as the CLI hands it to the program: `"<ns>:<key>"` → string, objects JSON-encoded)
 * into the namespace's object. Keys of other namespaces (aws:region, datadog:apiKey...) are left to their providers.
 */
export function namespaceValues(raw: Record<string, string>, namespace: string): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const prefix = `${namespace}:`;
    for (const [k, v] of Object.entries(raw)) {
        if (!k.startsWith(prefix)) continue;
        out[k.slice(prefix.length)] = decodeValue(v);
    }
    return out;
}

function decodeValue(v: string): unknown {
    const t = v.trim();
    if (t.startsWith("{") || t.startsWith("[") || t === "true" || t === "false" || /^-?\d+(\.\d+)?$/.test(t)) {
        try {
            return JSON.parse(t);
        } catch {
            return v;
        }
    }
    return v;
}

/** What the program knows about the stack beyond its namespace's values: needed for the rules that span them. */
export interface ConfigContext {
    /** The stack's name (`pulumi.getStack()`); `environment` must equal it. */
    stack: string;
    /** The project's name, which is the program's config namespace. */
    project: string;
    /** The whole config map as the CLI passes it, every namespace included (`aws:region`, `datadog:apiKey`...). */
    raw: Record<string, string>;
    /** Whether a namespaced key was set as a secret (`secure:` in the stack file). */
    isSecret(key: string): boolean;
}

export interface ConfigCheckOptions {
    /** Product keys of the catalog: unknown ones are reported. */
    productKeys?: ReadonlyArray<string>;
    /** The loaded catalog, for the rules between config and product specs. */
    catalog?: ReadonlyArray<Product>;
    context?: ConfigContext;
}

export interface ConfigCheck {
    /** The config, when every section parsed. */
    config?: StackConfig;
    /** Every problem found, in the order: stack-wide, schema, cross-field, catalog. */
    problems: Problem[];
    /**
     * True when resources cannot be built from this config: a section is missing or invalid, or duplicates
     * (products, window names) would register the same resource twice. Other problems still fail the plan.
     */
    blocking: boolean;
}

type Found = Omit<Problem, "source"> & { blocking?: boolean };

/**
 * Checks the stack config section by section, so that a broken section does not hide the problems of the
 * others: schema problems, then every cross-field and catalog rule whose sections parsed. Never throws.
 */
export function checkStackConfig(values: Record<string, unknown>, file: string, opts: ConfigCheckOptions = {}): ConfigCheck {
    const found: Found[] = [];
    const ctx = opts.context;
    // Keys whose value cannot be trusted (a public key given as secret) and keys written somewhere else.
    const skip = new Set<string>();
    const misplaced = new Set<string>();
    if (ctx) found.push(...contextProblems(ctx, skip, misplaced));

    for (const key of Object.keys(values)) {
        if (!(key in StackConfigShape)) {
            const guess = closest(key, SECTIONS);
            if (guess) misplaced.add(guess);
            found.push({ field: key, message: unknownName("key", key, SECTIONS) });
        }
    }
    const c: Partial<StackConfig> = {};
    for (const key of SECTIONS) {
        if (skip.has(key)) continue;
        const parsed = StackConfigShape[key].safeParse(values[key]);
        if (parsed.success) {
            (c as Record<string, unknown>)[key] = parsed.data;
        } else if (values[key] === undefined) {
            // A key written under a wrong name or namespace is reported there, not as missing too.
            if (!misplaced.has(key)) found.push({ field: key, message: "missing (required)", blocking: true });
        } else {
            for (const i of parsed.error.issues) found.push({ field: issueField(key, i), message: issueMessage(key, i), blocking: true });
        }
    }
    found.push(...crossFieldFindings(c, opts.productKeys, ctx));
    if (opts.catalog) found.push(...catalogFindings(c, opts.catalog));
    if (opts.catalog && ctx) found.push(...regionFindings(c, opts.catalog, ctx.raw["aws:region"]));

    const blocking = found.some((f) => f.blocking) || SECTIONS.some((k) => !(k in c));
    const problems = found.map(({ field, message }) => ({ source: file, field, message }));
    return { config: SECTIONS.every((k) => k in c) ? (c as StackConfig) : undefined, problems, blocking };
}

/** Parses and validates the stack config; throws one ValidationError listing every problem. */
export function parseStackConfig(
    values: Record<string, unknown>,
    file: string,
    productKeys?: ReadonlyArray<string>,
    context?: ConfigContext,
): StackConfig {
    const { config, problems } = checkStackConfig(values, file, { productKeys, context });
    if (problems.length || !config) throw new ValidationError(problems);
    return config;
}

function issueField(section: string, i: z.core.$ZodIssue): string {
    const base = formatPath([section, ...i.path]);
    if (i.code === "unrecognized_keys") return i.keys.map((k) => `${base}.${k}`).join(", ");
    return base;
}

function issueMessage(section: SectionKey, i: z.core.$ZodIssue): string {
    if (i.code !== "unrecognized_keys") return i.message;
    if (i.keys.length > 1) return "unknown keys (check the spelling)";
    return unknownName("key", i.keys[0], Object.keys(objectShapeAt(StackConfigShape[section], i.path)));
}

/** The keys of the object schema at `path` under `schema` (through optional/default/array/record), for hints. */
function objectShapeAt(schema: z.ZodType, path: ReadonlyArray<PropertyKey>): Record<string, unknown> {
    let node: z.core.$ZodType | undefined = schema;
    let rest = [...path];
    while (node) {
        const def = node._zod.def as unknown as Record<string, unknown> & { type: string };
        if (def.type === "optional" || def.type === "default" || def.type === "prefault" || def.type === "nullable")
            node = def.innerType as z.core.$ZodType;
        else if (def.type === "array" && typeof rest[0] === "number") [node, rest] = [def.element as z.core.$ZodType, rest.slice(1)];
        else if (def.type === "record" && rest.length) [node, rest] = [def.valueType as z.core.$ZodType, rest.slice(1)];
        else if (def.type === "object" && rest.length)
            [node, rest] = [(def.shape as Record<string, z.core.$ZodType>)[String(rest[0])], rest.slice(1)];
        else if (def.type === "object") return def.shape as Record<string, unknown>;
        else return {};
    }
    return {};
}

/** `pulumi config set --secret <key> --stack <stack>`: prompts for the value, so it never lands in shell history. */
export function setSecretCommand(key: string, stack: string): string {
    return `pulumi config set --secret ${key} --stack ${stack}`;
}

/** Rules on the whole config map: stack name, namespaces, secrets and provider credentials. */
function contextProblems(ctx: ConfigContext, skip: Set<string>, misplaced: Set<string>): Found[] {
    const out: Found[] = [];
    if (!(ENVIRONMENTS as ReadonlyArray<string>).includes(ctx.stack)) {
        out.push({
            field: "environment",
            message: `the stack "${ctx.stack}" is not an environment (${ENVIRONMENTS.join(", ")}): a stack is named after its environment`,
        });
    }
    const known = [ctx.project, ...PROVIDER_NAMESPACES];
    const unknownNamespaces = new Set<string>();
    for (const key of Object.keys(ctx.raw).sort()) {
        const colon = key.indexOf(":");
        const ns = key.slice(0, colon);
        const short = key.slice(colon + 1);
        if (!known.includes(ns)) {
            if (!unknownNamespaces.has(ns)) out.push({ field: ns, message: unknownName("namespace", ns, known) });
            unknownNamespaces.add(ns);
            misplaced.add(short);
            continue;
        }
        const secret = ctx.isSecret(key);
        if (ns === ctx.project) {
            if ((SECRET_KEYS as ReadonlyArray<string>).includes(short)) {
                if (!secret)
                    out.push({
                        field: short,
                        message: `is a secret but is written in clear; encrypt it: ${setSecretCommand(short, ctx.stack)}`,
                    });
            } else if (secret) {
                skip.add(short);
                out.push({
                    field: short,
                    blocking: true,
                    message: `is public but written as secure: it would appear in clear in resource names and URLs; set it in plain text: pulumi config set ${short} <value> --stack ${ctx.stack}`,
                });
            }
        } else if (PROVIDER_SECRET_KEYS.includes(key) && !secret) {
            out.push({
                field: key,
                message: `credential written in clear in the stack file; encrypt it: ${setSecretCommand(key, ctx.stack)} (or use the provider's environment variable)`,
            });
        } else if (!PROVIDER_SECRET_KEYS.includes(key) && !secret) {
            // A misspelt credential key (datadog:apikey) is ignored by the provider but still leaks the credential.
            // One edit at most, in the same namespace: datadog:apiUrl is a setting, not a misspelt apiKey.
            const meant = closest(
                key,
                PROVIDER_SECRET_KEYS.filter((k) => k.startsWith(`${ns}:`)),
                1,
            );
            if (meant)
                out.push({
                    field: key,
                    message: `unknown key (did you mean "${meant}"?); a credential must not be written in clear: ${setSecretCommand(meant, ctx.stack)}`,
                });
        }
    }
    const region = ctx.raw["aws:region"];
    if (region !== undefined && !AWS_REGIONS.includes(region)) {
        out.push({ field: "aws:region", message: `unknown AWS region "${region}"${hint(region, AWS_REGIONS)}` });
    }
    return out;
}

function hint(word: string, candidates: Iterable<string>): string {
    const guess = closest(word, candidates);
    return guess ? ` (did you mean "${guess}"?)` : "";
}

/** The repeats of a list: index, value and index of its first occurrence. */
function repeats(values: ReadonlyArray<string>, normalize = (v: string) => v): Array<{ i: number; value: string; first: number }> {
    const seen = new Map<string, number>();
    const out: Array<{ i: number; value: string; first: number }> = [];
    values.forEach((value, i) => {
        const first = seen.get(normalize(value));
        if (first === undefined) seen.set(normalize(value), i);
        else out.push({ i, value, first });
    });
    return out;
}

/** `products[3]: "bearo" is listed twice (also at products[0])`, for each repeat. */
function duplicateFindings(field: string, values: ReadonlyArray<string>, blocking = false, suffix = ""): Found[] {
    return repeats(values).map(({ i, value, first }) => ({
        field: `${field}[${i}]${suffix}`,
        message: `"${value}" is listed twice (also at ${field}[${first}]${suffix})`,
        blocking,
    }));
}

function crossFieldFindings(
    c: Partial<StackConfig>,
    productKeys: ReadonlyArray<string> | undefined,
    ctx: ConfigContext | undefined,
): Found[] {
    const out: Found[] = [];
    if (ctx && c.environment && c.environment !== ctx.stack && (ENVIRONMENTS as ReadonlyArray<string>).includes(ctx.stack)) {
        out.push({
            field: "environment",
            message: `is "${c.environment}" but the stack is "${ctx.stack}": resource names, tags and pages follow the environment, so it must be the stack's name`,
            blocking: true,
        });
    }
    if (c.products) {
        out.push(...duplicateFindings("products", c.products, true));
        if (productKeys) {
            c.products.forEach((k, i) => {
                if (!productKeys.includes(k))
                    out.push({
                        field: `products[${i}]`,
                        message: `unknown product "${k}" (known: ${productKeys.join(", ")})`,
                        blocking: true,
                    });
            });
        }
    }
    if (c.oncall) out.push(...oncallFindings(c.oncall));
    if (c.routing) {
        const slack = c.routing.slack;
        out.push(...duplicateFindings("routing.slack.channels", slack.channels));
        for (const ch of [...new Set([slack.critical, slack.warning])]) {
            if (!slack.channels.includes(ch)) out.push({ field: "routing.slack.channels", message: `must include "${ch}"` });
        }
        const env = c.environment ?? ctx?.stack;
        if (env === "production" && !c.routing.paging) {
            out.push({
                field: "routing.paging",
                message: "is false in production: no P0 alert would page the on-call (only staging turns paging off)",
            });
        }
    }
    if (c.synthetics) {
        const s = c.synthetics;
        const allowed = c.datadog?.site === "ddog-gov.com" ? DATADOG_GOV_SYNTHETIC_LOCATIONS : DATADOG_SYNTHETIC_LOCATIONS;
        s.locations.forEach((l, i) => {
            if (!allowed.includes(l))
                out.push({ field: `synthetics.locations[${i}]`, message: `unknown Datadog managed location "${l}"${hint(l, allowed)}` });
        });
        out.push(...duplicateFindings("synthetics.locations", s.locations));
        const distinct = new Set(s.locations).size;
        if (s.minLocationsFailed > distinct) {
            out.push({
                field: "synthetics.minLocationsFailed",
                message: `is ${s.minLocationsFailed} but only ${distinct} distinct location${distinct === 1 ? " is" : "s are"} configured`,
            });
        }
    }
    if (c.logs) {
        const { maxHotDays, maxArchiveDays, archiveBucketPrefix } = c.logs;
        if (maxHotDays !== undefined && maxArchiveDays !== undefined && maxArchiveDays < maxHotDays) {
            out.push({
                field: "logs.maxArchiveDays",
                message: `is ${maxArchiveDays} days, shorter than logs.maxHotDays (${maxHotDays}): archives must keep logs at least as long as the hot tier`,
            });
        }
        for (const p of bucketPrefixProblems(archiveBucketPrefix, c.products ?? []))
            out.push({ field: "logs.archiveBucketPrefix", message: p });
    }
    if (c.sentry?.pagerduty && c.products) {
        for (const k of Object.keys(c.sentry.pagerduty.services)) {
            if (!c.products.includes(k)) {
                out.push({
                    field: `sentry.pagerduty.services.${k}`,
                    message: `"${k}" is not an enabled product (enabled: ${c.products.join(", ")})`,
                });
            }
        }
    }
    if (c.maintenanceWindows) {
        out.push(
            ...duplicateFindings(
                "maintenanceWindows",
                c.maintenanceWindows.map((w) => w.name),
                true,
                ".name",
            ),
        );
        c.maintenanceWindows.forEach((w, i) => {
            out.push(...duplicateFindings(`maintenanceWindows[${i}].products`, w.products));
            if (c.products) {
                w.products.forEach((k, j) => {
                    if (k !== "*" && !c.products!.includes(k))
                        out.push({ field: `maintenanceWindows[${i}].products[${j}]`, message: `"${k}" is not an enabled product` });
                });
            }
        });
    }
    return out;
}

function oncallFindings(o: OnCallConfig): Found[] {
    const out: Found[] = [];
    const ids = new Set(o.users.map((u) => u.id));
    for (const r of repeats(o.users.map((u) => u.id)))
        out.push({ field: `oncall.users[${r.i}].id`, message: `duplicate user id "${r.value}"` });
    const lower = (e: string) => e.toLowerCase();
    for (const r of repeats(
        o.users.map((u) => u.email),
        lower,
    ))
        out.push({ field: `oncall.users[${r.i}].email`, message: `duplicate email "${lower(r.value)}"` });
    const known = (field: string, id: string) => {
        if (!ids.has(id)) out.push({ field, message: `unknown on-call user "${id}" (known: ${[...ids].join(", ")})` });
    };
    known("oncall.founder", o.founder);
    for (const [team, r] of Object.entries(o.teams)) {
        r.primary.forEach((u, i) => known(`oncall.teams.${team}.primary[${i}]`, u));
        r.backup.forEach((u, i) => known(`oncall.teams.${team}.backup[${i}]`, u));
        known(`oncall.teams.${team}.lead`, r.lead);
        out.push(
            ...duplicateFindings(`oncall.teams.${team}.primary`, r.primary),
            ...duplicateFindings(`oncall.teams.${team}.backup`, r.backup),
        );
        const responders = new Set([...r.primary, ...r.backup]);
        if (responders.size < 2) {
            out.push({ field: `oncall.teams.${team}`, message: "needs at least two distinct responders across primary and backup" });
        } else {
            out.push(...rotationProblems(team, r));
        }
    }
    return out;
}

/**
 * Route 53 publishes health-check metrics in us-east-1 only, so the CloudWatch alarms of products with secondary
 * checks (`cloudwatchSecondary`) must be created there: in another region they would never see a datapoint.
 */
function regionFindings(c: Partial<StackConfig>, catalog: ReadonlyArray<Product>, region: string | undefined): Found[] {
    const withChecks = catalog.filter((p) => c.products?.includes(p.key) && p.cloudwatchSecondary).map((p) => p.key);
    if (withChecks.length === 0 || region === ROUTE53_METRICS_REGION || (region !== undefined && !AWS_REGIONS.includes(region))) return [];
    return [
        {
            field: "aws:region",
            message: `must be ${ROUTE53_METRICS_REGION} (${region === undefined ? "not set" : `is ${region}`}): Route 53 publishes the health-check metrics that the CloudWatch alarms of ${withChecks.join(", ")} watch only there`,
        },
    ];
}

function catalogFindings(c: Partial<StackConfig>, catalog: ReadonlyArray<Product>): Found[] {
    const out: Found[] = [];
    const enabled = c.products ? catalog.filter((p) => c.products!.includes(p.key)) : [];
    for (const p of enabled) {
        if (c.oncall && !c.oncall.teams[p.team.handle]) {
            out.push({ field: `oncall.teams.${p.team.handle}`, message: `missing: product ${p.key} is owned by team "${p.team.handle}"` });
        }
        for (const r of p.componentRoutes) {
            if (c.oncall && !c.oncall.teams[r.oncallTeam]) {
                out.push({
                    field: `oncall.teams.${r.oncallTeam}`,
                    message: `missing: product ${p.key} pages its ${r.component} alerts to rotation "${r.oncallTeam}"`,
                });
            }
        }
        if (c.routing && !c.routing.slack.channels.includes(p.team.slackChannel)) {
            out.push({
                field: "routing.slack.channels",
                message: `must include "${p.team.slackChannel}", the channel of product ${p.key}`,
            });
        }
    }
    const maxArchive = c.logs?.maxArchiveDays;
    const maxHot = c.logs?.maxHotDays;
    // Below logs.maxHotDays the cross-field rule has said it already.
    if (maxArchive !== undefined && !(maxHot !== undefined && maxArchive < maxHot)) {
        // The hot tier each log type gets in this stack (capped by maxHotDays); the archive must outlast the longest.
        const hot = enabled
            .flatMap((p) => p.logs.types.map((t) => ({ product: p.key, type: t.type, days: Math.min(t.hotDays, maxHot ?? Infinity) })))
            .sort((a, b) => b.days - a.days)[0];
        if (hot && maxArchive < hot.days) {
            out.push({
                field: "logs.maxArchiveDays",
                message: `is ${maxArchive} days, shorter than the ${hot.days}-day hot retention of ${hot.product}'s ${hot.type} logs: archives must keep logs at least as long as the hot tier`,
            });
        }
    }
    return out;
}

/** Rules between the stack config and the product catalog. */
export function configCatalogProblems(c: StackConfig, catalog: ReadonlyArray<Product>, file: string): Problem[] {
    return catalogFindings(c, catalog).map(({ field, message }) => ({ source: file, field, message }));
}

export type SecretKey = (typeof SECRET_KEYS)[number];
/** The config without its secrets: what components receive (secrets travel as secret Outputs). */
export type PublicStackConfig = Omit<StackConfig, SecretKey>;

export function withoutSecrets(c: StackConfig): PublicStackConfig {
    const out: Record<string, unknown> = { ...c };
    for (const k of SECRET_KEYS) delete out[k];
    return out as PublicStackConfig;
}
