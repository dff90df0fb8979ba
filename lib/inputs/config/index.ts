/**
 * Stack configuration: one zod schema for everything that differs between stacks, parsed at start-up
 * from the project's namespace in `Pulumi.<stack>.yaml`. Unknown keys are rejected (typo catching).
 */
import { z } from "zod";
import { formatPath, Problem, ValidationError } from "../errors";
import type { Product } from "../catalog/schema";
import { MaintenanceWindow } from "./maintenance";
import { LogsConfig } from "./logs";
import { OnCallConfig, rotationProblems } from "./oncall";
import { RoutingConfig } from "./routing";
import { SentryConfig } from "./sentry";
import { SyntheticsConfig } from "./synthetics";

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

/** The schema with product keys checked against the catalog, so unknown products are reported with the rest. */
export function stackConfigSchema(productKeys?: ReadonlyArray<string>) {
    if (!productKeys) return StackConfig;
    const known = new Set(productKeys);
    const product = z.string().min(1).superRefine((k, ctx) => {
        if (!known.has(k)) ctx.addIssue({ code: "custom", message: `unknown product "${k}" (known: ${[...known].join(", ")})` });
    });
    return z.strictObject({ ...StackConfigShape, products: z.array(product).min(1) });
}

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

/** Parses and validates the stack config; throws one ValidationError listing every problem. */
export function parseStackConfig(values: Record<string, unknown>, file: string, productKeys?: ReadonlyArray<string>): StackConfig {
    const parsed = stackConfigSchema(productKeys).safeParse(values);
    if (!parsed.success) {
        throw new ValidationError(parsed.error.issues.map((i) => ({ source: file, field: issueField(i), message: issueMessage(i) })));
    }
    const problems = crossFieldProblems(parsed.data).map((p) => ({ source: file, ...p }));
    if (problems.length) throw new ValidationError(problems);
    return parsed.data;
}

function issueField(i: z.core.$ZodIssue): string {
    if (i.code === "unrecognized_keys") {
        const base = formatPath(i.path);
        return i.keys.map((k) => (base ? `${base}.${k}` : k)).join(", ");
    }
    return formatPath(i.path);
}

function issueMessage(i: z.core.$ZodIssue): string {
    if (i.code === "unrecognized_keys") return `unknown key${i.keys.length > 1 ? "s" : ""} (check the spelling)`;
    return i.message;
}

function crossFieldProblems(c: StackConfig): Array<Omit<Problem, "source">> {
    const out: Array<Omit<Problem, "source">> = [];
    const ids = new Set<string>();
    c.oncall.users.forEach((u, i) => {
        if (ids.has(u.id)) out.push({ field: `oncall.users[${i}].id`, message: `duplicate user id "${u.id}"` });
        ids.add(u.id);
    });
    const emails = c.oncall.users.map((u) => u.email.toLowerCase());
    emails.forEach((e, i) => {
        if (emails.indexOf(e) !== i) out.push({ field: `oncall.users[${i}].email`, message: `duplicate email "${e}"` });
    });
    const known = (field: string, id: string) => {
        if (!ids.has(id)) out.push({ field, message: `unknown on-call user "${id}" (known: ${[...ids].join(", ")})` });
    };
    known("oncall.founder", c.oncall.founder);
    for (const [team, r] of Object.entries(c.oncall.teams)) {
        r.primary.forEach((u, i) => known(`oncall.teams.${team}.primary[${i}]`, u));
        r.backup.forEach((u, i) => known(`oncall.teams.${team}.backup[${i}]`, u));
        known(`oncall.teams.${team}.lead`, r.lead);
        const responders = new Set([...r.primary, ...r.backup]);
        if (responders.size < 2) {
            out.push({ field: `oncall.teams.${team}`, message: "needs at least two distinct responders across primary and backup" });
        } else {
            out.push(...rotationProblems(team, r));
        }
    }
    for (const ch of [c.routing.slack.critical, c.routing.slack.warning]) {
        if (!c.routing.slack.channels.includes(ch)) out.push({ field: "routing.slack.channels", message: `must include "${ch}"` });
    }
    if (c.synthetics.minLocationsFailed > c.synthetics.locations.length) {
        out.push({ field: "synthetics.minLocationsFailed", message: `is ${c.synthetics.minLocationsFailed} but only ${c.synthetics.locations.length} locations are configured` });
    }
    return out;
}

/** Rules between the stack config and the product catalog. */
export function configCatalogProblems(c: StackConfig, catalog: ReadonlyArray<Product>, file: string): Problem[] {
    const out: Problem[] = [];
    const enabled = catalog.filter((p) => c.products.includes(p.key));
    for (const p of enabled) {
        if (!c.oncall.teams[p.team.handle]) {
            out.push({ source: file, field: `oncall.teams.${p.team.handle}`, message: `missing: product ${p.key} is owned by team "${p.team.handle}"` });
        }
        if (!c.routing.slack.channels.includes(p.team.slackChannel)) {
            out.push({ source: file, field: "routing.slack.channels", message: `must include "${p.team.slackChannel}", the channel of product ${p.key}` });
        }
    }
    c.maintenanceWindows.forEach((w, i) => {
        w.products.forEach((k, j) => {
            if (k !== "*" && !c.products.includes(k)) {
                out.push({ source: file, field: `maintenanceWindows[${i}].products[${j}]`, message: `"${k}" is not an enabled product` });
            }
        });
    });
    return out;
}

export type SecretKey = (typeof SECRET_KEYS)[number];
/** The config without its secrets: what components receive (secrets travel as secret Outputs). */
export type PublicStackConfig = Omit<StackConfig, SecretKey>;

export function withoutSecrets(c: StackConfig): PublicStackConfig {
    const out: Record<string, unknown> = { ...c };
    for (const k of SECRET_KEYS) delete out[k];
    return out as PublicStackConfig;
}
