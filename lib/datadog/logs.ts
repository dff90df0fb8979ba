/**
 * Datadog logs (pure): index retention, intake, parsing per log format, PII scrubbing rules and the security
 * log monitors. Retention tiers and the archive lifecycle on AWS are in lib/aws/logs.ts.
 */
import type { Product } from "../inputs/catalog/schema";
import { Alert, buildAlert, formatNumber, recoveryThreshold } from "../model/alert";
import { durationSeconds } from "../model/duration";
import { MonitorBinding, MonitorContext, monitorOf } from "./monitors";

type SecurityRule = Product["security"][number];

/** Retention periods of standard Datadog log indexes. */
export const DATADOG_INDEX_RETENTION_DAYS = [3, 7, 15, 30, 45, 60, 90, 180, 360] as const;

/** The shortest Datadog index retention that keeps logs at least `days` (an index cannot keep 14 days: 15). */
export function indexRetentionDays(days: number): number {
    return DATADOG_INDEX_RETENTION_DAYS.find((d) => d >= days) ?? DATADOG_INDEX_RETENTION_DAYS[DATADOG_INDEX_RETENTION_DAYS.length - 1];
}

/** A product's Datadog log index in one environment. */
export function indexName(productKey: string, environment: string): string {
    return `${productKey}-${environment}`;
}

/**
 * The organization's index order: the product indexes of every environment (their filters are disjoint, by
 * service and env), then the organization's other indexes in the configured order, the catch-all last.
 */
export function logIndexNames(
    productKeys: ReadonlyArray<string>,
    environments: ReadonlyArray<string>,
    after: ReadonlyArray<string>,
): string[] {
    const products = environments.flatMap((env) => productKeys.map((k) => indexName(k, env)));
    // A product index listed among the others is already placed first.
    return [...products, ...after.filter((i) => !products.includes(i))];
}

/** Datadog's Kinesis Firehose HTTP intake for a site (datadoghq.com, datadoghq.eu, us3.datadoghq.com, ...). */
export function datadogIntakeUrl(site: string): string {
    return `https://aws-kinesis-http-intake.logs.${site}/v1/input`;
}

/** Datadog log search matching a product's logs. */
export function productLogQuery(product: Product): string {
    return `service:(${product.surfaces.map((s) => s.service).join(" OR ")})`;
}

/** Archive query of one log type: Firehose forwards the CloudWatch log group as `@aws.awslogs.logGroup`. */
export function archiveQuery(logGroup: string): string {
    return `@aws.awslogs.logGroup:"${logGroup}"`;
}

/** Exclusion filter sampling debug/info logs: Datadog's sampleRate is the fraction EXCLUDED. */
export function samplingExclusion(keepFraction: number): { name: string; query: string; sampleRate: number } {
    return {
        name: `keep-${Math.round(keepFraction * 100)}pct-of-debug-info`,
        query: "status:(debug OR info)",
        sampleRate: Number((1 - keepFraction).toFixed(4)),
    };
}

export type ProcessorModel =
    | { kind: "grok"; name: string; source: string; matchRules: string; supportRules: string; samples: string[] }
    | { kind: "date"; name: string; sources: string[] }
    | { kind: "status"; name: string; sources: string[] }
    | { kind: "message"; name: string; sources: string[] }
    | { kind: "remap"; name: string; sources: string[]; target: string }
    /** Datadog's trace-id remapper: the only way to correlate a log with its trace (copying to `dd.trace_id` does not). */
    | { kind: "trace-id"; name: string; sources: string[] };

/**
 * Attributes Datadog reserves (host, source, status, service, trace_id, message...): it consumes them at intake,
 * so a generic attribute remapper must not read them; each has its own remapper kind.
 */
export const RESERVED_LOG_ATTRIBUTES = ["host", "source", "status", "service", "trace_id", "message", "date", "timestamp"] as const;

/** Parsing per log format; JSON logs are parsed by Datadog itself, the pipeline maps their fields. */
export function pipelineProcessors(format: Product["logs"]["format"]): ProcessorModel[] {
    const common: ProcessorModel[] = [
        { kind: "date", name: "Timestamp", sources: ["timestamp"] },
        { kind: "status", name: "Level", sources: ["level"] },
        { kind: "message", name: "Message", sources: ["message"] },
        { kind: "trace-id", name: "Trace id", sources: ["trace_id"] },
    ];
    switch (format) {
        case "json":
            return [...common, { kind: "remap", name: "User id", sources: ["userId"], target: "usr.id" }];
        case "plumberleads-json":
            // 004 §Logging Standards: {timestamp, level, service, trace_id, source, message, context}. Its `source`
            // (code location) is Datadog's reserved source attribute, taken at intake as the log's source: no
            // remapper can read it back, so the code location should be logged as `logger.name` instead.
            return [
                ...common,
                { kind: "remap", name: "Client IP", sources: ["context.ip_address"], target: "network.client.ip" },
                { kind: "remap", name: "Duration", sources: ["context.duration"], target: "duration" },
            ];
        case "combined":
            return [
                {
                    kind: "grok",
                    name: "Combined access log",
                    source: "message",
                    matchRules:
                        'access.combined %{_client_ip} %{_ident} %{_auth} \\[%{_date_access}\\] "(?>%{_method} |)%{_url}(?> %{_version}|)" %{_status_code} (?>%{_bytes_written}|-) "%{_referer}" "%{_user_agent}"',
                    supportRules:
                        '_client_ip %{ipOrHost:network.client.ip}\n_ident %{notSpace:http.ident}\n_auth %{notSpace:http.auth}\n_date_access %{date("dd/MMM/yyyy:HH:mm:ss Z"):date_access}\n_method %{word:http.method}\n_url %{notSpace:http.url}\n_version HTTP\\/%{regex("\\\\d+\\\\.\\\\d+"):http.version}\n_status_code %{integer:http.status_code}\n_bytes_written %{integer:network.bytes_written}\n_referer %{notSpace:http.referer}\n_user_agent %{regex("[^\\\\\\"]*"):http.useragent}',
                    samples: [
                        '127.0.0.1 - frank [13/Jul/2016:10:55:36 +0000] "GET /apache_pb.gif HTTP/1.0" 200 2326 "http://example.com" "Mozilla/5.0"',
                    ],
                },
                { kind: "date", name: "Timestamp", sources: ["date_access"] },
            ];
    }
}

/** PII scrubbing (000 §Data Handling; 004 §Sensitive Data Handling): matched values are replaced in logs. */
export const PII_RULES = [
    { id: "email", name: "Email addresses", pattern: "[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}", replacement: "[redacted-email]" },
    { id: "card-number", name: "Payment card numbers", pattern: "\\b(?:\\d[ -]?){12,18}\\d\\b", replacement: "[redacted-card]" },
    {
        id: "wallet-private-key",
        name: "Wallet private keys (64 hex)",
        pattern: "\\b(?:0x)?[a-fA-F0-9]{64}\\b",
        replacement: "[redacted-key]",
    },
] as const;

/** What the on-call does first on a security alert; also the runbook's steps (lib/alertCatalog.ts). */
export const SECURITY_FIRST_STEPS = [
    "Open the matching logs and identify the source IPs / users",
    "Block or rate-limit abusive sources at the edge if the pattern is malicious",
    "Check for successful logins or actions from the same sources and escalate as a security incident if any",
];

/** The `service:` of a security alert: the product service its search names, else the product's first. */
export function securityService(search: string, product: Product): string {
    const named = /service:([a-z0-9-]+)/.exec(search)?.[1];
    return product.surfaces.find((s) => s.service === named)?.service ?? product.surfaces[0].service;
}

/** A security rule as an alert evaluated by a Datadog log monitor, routed like every alert. */
export function securityAlert(product: Product, rule: SecurityRule, ctx: MonitorContext): Alert<MonitorBinding> {
    const by = rule.groupBy.length ? `.by(${rule.groupBy.map((g) => `"${g}"`).join(",")})` : "";
    const search = `env:${ctx.environment} ${rule.search}`.replace(/"/g, '\\"');
    const per = rule.groupBy.length ? ` per ${rule.groupBy.join(", ")}` : "";
    // An attack hovering at the threshold would alert and recover every evaluation; recover 10% below it.
    const criticalRecovery = recoveryThreshold(">", rule.threshold, "events");
    const alert = buildAlert(
        product,
        {
            id: `security-${rule.id}`,
            kind: "security",
            title: `Security: ${rule.title}`,
            service: securityService(rule.search, product),
            severity: rule.severity,
            category: "security",
            source: rule.source,
            condition: {
                comparator: ">",
                critical: rule.threshold,
                criticalRecovery,
                unit: "events",
                windowSeconds: durationSeconds(rule.window),
                text: `more than ${formatNumber(rule.threshold)} events in ${rule.window}${per}${criticalRecovery !== undefined ? `, recovers at ${formatNumber(criticalRecovery)}` : ""}`,
            },
            // No matching log is the normal state.
            missingData: "resolve",
            message: {
                title: `${product.displayName}: ${rule.title}`,
                whatHappened: `Security log events matching \`${rule.search}\` exceeded more than ${formatNumber(rule.threshold)} events in ${rule.window}${per}.`,
                firstSteps: SECURITY_FIRST_STEPS,
            },
            binding: undefined,
        },
        ctx,
    );
    const monitor = monitorOf(alert, {
        type: "log alert",
        query: `logs("${search}").index("*").rollup("count")${by}.last("${rule.window}") > ${formatNumber(rule.threshold)}`,
        thresholds: {
            critical: formatNumber(rule.threshold),
            ...(criticalRecovery !== undefined ? { criticalRecovery: formatNumber(criticalRecovery) } : {}),
        },
        newGroupDelaySeconds: 60,
        requireFullWindow: false,
    });
    return { ...alert, binding: { provider: "datadog-monitor", monitor } };
}

export function securityAlerts(product: Product, ctx: MonitorContext): Array<Alert<MonitorBinding>> {
    return product.security.map((r) => securityAlert(product, r, ctx));
}
