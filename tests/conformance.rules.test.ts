/**
 * The rules behind the conformance of the plans (tests/conformance.test.ts), one at a time: each normalization
 * that avoids a perpetual diff (with the provider behaviour it avoids), each fix of issue 16 as a pure function,
 * and proof that the checkers catch the defects they exist for (a check that cannot fail is no check).
 */
import { lifecycleRules } from "../lib/aws/logs";
import { traceRequestOperation } from "../lib/datadog/dashboards";
import { logIndexNames, pipelineProcessors, RESERVED_LOG_ATTRIBUTES } from "../lib/datadog/logs";
import { datadogNumber, datadogText, normalizedMonitor } from "../lib/datadog/normalize";
import { monitorType } from "../lib/datadog/query";
import type { MonitorModel } from "../lib/datadog/monitors";
import type { Product, QuerySpec } from "../lib/inputs/catalog/schema";
import { SENTRY_ALERT_NAME_MAX, sentryAlertName } from "../lib/sentry/model";
import { datadogModelProblems } from "./helpers/datadogModel";
import { datadogPayload, payloadProblems } from "./helpers/datadogPayload";
import { loadPlan, PlanResource } from "./helpers/plan";
import { providerRuleProblems } from "./helpers/providerRules";

const metric = { metric: "system.cpu.user", aggregation: "avg" as const };

describe("normalization: values sent as Datadog stores them", () => {
    // terraform-provider-datadog suppresses the metric/query alert flip on `type` ("Datadog API quirk",
    // hashicorp/terraform#13784); `type` is ForceNew, so providers without that suppression replaced the monitor.
    it.each<[QuerySpec["kind"], QuerySpec, string]>([
        ["metric", { kind: "metric", base: metric, timeAggregation: "avg", window: "5m" }, "query alert"],
        [
            "ratio",
            { kind: "ratio", numerator: metric, denominator: metric, scale: 100, timeAggregation: "sum", window: "5m" },
            "query alert",
        ],
        ["percentile", { kind: "percentile", percentile: "p95", base: metric, window: "5m" }, "query alert"],
        [
            "anomaly",
            {
                kind: "anomaly",
                base: metric,
                algorithm: "agile",
                deviations: 2,
                direction: "both",
                alertWindow: "15m",
                seasonality: "weekly",
                window: "1h",
            },
            "query alert",
        ],
        [
            "change",
            { kind: "change", base: metric, change: "pct_change", comparedTo: "1h", timeAggregation: "sum", window: "5m" },
            "query alert",
        ],
        ["log", { kind: "log", search: "status:error", window: "5m" }, "log alert"],
        ["rum", { kind: "rum", search: "@type:error", rollup: "count", window: "5m" }, "rum alert"],
    ])("a %s query is a %s... monitor of type %s", (_kind, spec, type) => {
        expect(monitorType(spec)).toBe(type);
    });

    // Datadog trims names and messages; the provider trims only message/query in state, so " x" diffs forever.
    it("trims names and messages", () => {
        expect(datadogText("  [X] API down \n")).toBe("[X] API down");
        expect(datadogText("body\n\n")).toBe("body");
    });

    // Thresholds are strings in the provider and float64 in the API (buildMonitorStruct): "1.0" comes back as 1.
    it.each([
        ["1.0", "1"],
        ["0.50", "0.5"],
        ["1e3", "1000"],
        ["14.4", "14.4"],
        [0.1 + 0.2, "0.30000000000000004"],
        ["2000000000", "2000000000"],
    ])("stores the threshold %p as %p", (input, stored) => expect(datadogNumber(input)).toBe(stored));

    it("refuses a threshold Datadog cannot store as a number", () => {
        expect(() => datadogNumber("high")).toThrow('"high" is not a number Datadog can store');
    });

    it("applies every rule to a monitor model", () => {
        const m = { name: " [X] a ", message: "m\n", thresholds: { critical: "1.0", warning: "0.50" } } as unknown as MonitorModel;
        expect(normalizedMonitor(m)).toMatchObject({ name: "[X] a", message: "m", thresholds: { critical: "1", warning: "0.5" } });
    });
});

describe("fixes of issue 16 as rules", () => {
    const product = { key: "alphabuilder", displayName: "AlphaBuilder" } as Product;

    it("shortens a Sentry issue-alert name to the provider's 64 characters, keeping product, env, surface and severity", () => {
        const name = sentryAlertName(product, "pdf-worker", "Issue spiking: 100+ events in 1 h", "P1", "staging");
        expect(name).toBe("[AlphaBuilder (staging)] pdf-worker: Issue spiking: 100+… (P1)");
        expect(name.length).toBeLessThanOrEqual(SENTRY_ALERT_NAME_MAX);
        expect(sentryAlertName(product, "web", "New issue", "P2", "production")).toBe("[AlphaBuilder] web: New issue (P2)");
        expect(() => sentryAlertName({ key: "x", displayName: "X".repeat(60) } as Product, "web", "New issue", "P2", "staging")).toThrow(
            /product, environment, surface and severity alone exceed 64 characters/,
        );
    });

    it("moves archives to Glacier only when they stay there its 90-day minimum", () => {
        const steps = (hotDays: number, warmDays: number, coldDays: number) =>
            lifecycleRules([{ type: "app", hotDays, warmDays, coldDays }])[0].transitions.map((t) => `${t.storageClass}@${t.days}`);
        expect(steps(7, 30, 90)).toEqual(["STANDARD_IA@30"]);
        expect(steps(15, 15, 90)).toEqual(["STANDARD_IA@30"]);
        expect(steps(7, 30, 120)).toEqual(["GLACIER@30"]);
        expect(steps(7, 30, 119)).toEqual(["STANDARD_IA@30"]);
    });

    it.each([
        [{ kind: "api", framework: "Next.js API routes (Node, Vercel)" }, "next.request"],
        [{ kind: "api", framework: "Next.js route handlers (/api)" }, "next.request"],
        [{ kind: "api", framework: "FastAPI" }, "fastapi.request"],
        [{ kind: "admin", framework: "Flask (admin dashboard and /api/admin/*)" }, "flask.request"],
        [{ kind: "api", framework: "SvelteKit server routes (Node)" }, "web.request"],
        [{ kind: "worker", framework: "Python worker (OpenAI SDK, dd-trace openai integration)" }, undefined],
        [{ kind: "web", framework: "React" }, undefined],
        [{ kind: "database", framework: "PostgreSQL" }, undefined],
    ] as const)("charts incoming requests of %j as trace.%s", (surface, op) => {
        expect(traceRequestOperation(surface as Product["surfaces"][number])).toBe(op);
    });

    it("orders product indexes of every environment before the organization's other indexes", () => {
        expect(logIndexNames(["a", "b"], ["production", "staging"], ["main"])).toEqual([
            "a-production",
            "b-production",
            "a-staging",
            "b-staging",
            "main",
        ]);
        expect(logIndexNames(["a"], ["production"], ["a-production", "audit", "main"])).toEqual(["a-production", "audit", "main"]);
    });

    it.each(["json", "plumberleads-json", "combined"] as const)(
        "parses %s logs without remapping a reserved attribute, trace ids by a trace-id remapper",
        (format) => {
            const processors = pipelineProcessors(format);
            for (const p of processors) {
                if (p.kind === "remap")
                    expect([p.name, p.sources.filter((s) => (RESERVED_LOG_ATTRIBUTES as readonly string[]).includes(s)), p.target]).toEqual(
                        [p.name, [], expect.not.stringMatching(/trace_id/)],
                    );
            }
            expect(processors.filter((p) => p.kind === "trace-id").map((p) => "sources" in p && p.sources)).toEqual(
                format === "combined" ? [] : [["trace_id"]],
            );
        },
    );
});

describe("the checkers catch the defects they exist for", () => {
    const view = loadPlan("staging");
    const clone = (r: PlanResource, inputs: Record<string, unknown>): PlanResource => ({
        ...r,
        inputs: JSON.parse(JSON.stringify({ ...r.inputs, ...inputs })),
    });
    const problemsOf = (r: PlanResource) => payloadProblems(datadogPayload(r));

    it("flags camelCase extraction enums in a multistep synthetic step (Pulumi docs' httpBody/jsonPath)", () => {
        const multi = view.ofType("datadog:index/syntheticsTest:SyntheticsTest").find((t) => t.inputs.subtype === "multi")!;
        const steps = JSON.parse(JSON.stringify(multi.inputs.apiSteps)) as Array<{ extractedValues?: Array<Record<string, any>> }>;
        const step = steps.findIndex((s) => s.extractedValues?.length);
        steps[step].extractedValues![0].type = "httpBody";
        steps[step].extractedValues![0].parser.type = "jsonPath";
        expect(problemsOf(clone(multi, { apiSteps: steps }))).toEqual([
            expect.stringMatching(new RegExp(`^config\\.steps\\[${step}\\]: matches no variant of the model: .*"httpBody"`)),
            `config.steps[${step}] as SyntheticsAPITestStep: extractedValues[0].parser.type: "jsonPath" is not a value the model allows`,
            `config.steps[${step}] as SyntheticsAPITestStep: extractedValues[0].type: "httpBody" is not a value the model allows`,
        ]);
    });

    it("flags an unknown attribute, a bad enum and a non-numeric threshold of a monitor", () => {
        const m = view.ofType("datadog:index/monitor:Monitor")[0];
        expect(problemsOf(clone(m, { onMissingData: "show_nothing", timeoutH: undefined, notifyAudit: undefined }))).toEqual([
            'options.onMissingData: "show_nothing" is not a value the model allows',
        ]);
        expect(problemsOf(clone(m, { monitorThresholds: { critical: "high" } }))[0]).toMatch(/^does not deserialize as v1 Monitor/);
        const p = datadogPayload(m);
        (p.body as any).options.notify_when = "always";
        expect(datadogModelProblems(p.api, p.model, p.body)).toEqual(["options: unknown attribute(s) notify_when"]);
    });

    it("refuses to check a payload with an input its mapper does not send (it would go unchecked)", () => {
        const m = view.ofType("datadog:index/monitor:Monitor")[0];
        expect(() => datadogPayload(clone(m, { notificationPresetName: "hide_all" }))).toThrow(
            `${m.name} (datadog:index/monitor:Monitor): input(s) notificationPresetName not mapped to the API payload in tests/helpers/datadogPayload.ts`,
        );
    });

    it("flags a Sentry issue-alert name over 64 characters and Glacier objects expiring before 90 days", () => {
        const alert = view.ofType("sentry:index/sentryIssueAlert:SentryIssueAlert")[0];
        const long = "[AlphaBuilder (staging)] pdf-worker: Issue spiking: 100+ events in 1 h (P1)";
        expect(providerRuleProblems(clone(alert, { name: long }))).toEqual([
            `${alert.name} (sentry:index/sentryIssueAlert:SentryIssueAlert): name: ${JSON.stringify(long)} breaks "name: StringLenBetween(1, 64)" [terraform-provider-sentry v0.11.2 resource_sentry_issue_alert.go]`,
        ]);
        const lifecycle = view.ofType("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration")[0];
        const rules = [
            {
                id: "app-tiers",
                status: "Enabled",
                filter: { prefix: "app/" },
                transitions: [{ days: 30, storageClass: "GLACIER" }],
                expiration: { days: 90 },
            },
        ];
        expect(providerRuleProblems(clone(lifecycle, { rules }))).toEqual([
            expect.stringMatching(/rules\[0\]\.transitions: .*GLACIER objects stay ≥ 90 days before expiry/),
        ]);
    });

    it("flags a Route 53 health-check interval other than 10 or 30 s and a failure threshold above 10", () => {
        const check = view.ofType("aws:route53/healthCheck:HealthCheck")[0];
        expect(providerRuleProblems(clone(check, { requestInterval: 60, failureThreshold: 11 }))).toEqual([
            `${check.name} (aws:route53/healthCheck:HealthCheck): requestInterval: 60 breaks "request_interval: IntInSlice(10, 30)" [terraform-provider-aws v6 route53/health_check.go]`,
            `${check.name} (aws:route53/healthCheck:HealthCheck): failureThreshold: 11 breaks "failure_threshold: IntBetween(1, 10)" [terraform-provider-aws v6 route53/health_check.go]`,
        ]);
    });

    it("flags a CloudWatch retention the provider refuses, naming the allowed list", () => {
        const group = view.ofType("aws:cloudwatch/logGroup:LogGroup")[0];
        expect(providerRuleProblems(clone(group, { retentionInDays: 10 }))).toEqual([
            expect.stringContaining('retentionInDays: 10 breaks "retention_in_days: IntInSlice(0, 1, 3, 5, 7, 14, 30'),
        ]);
    });
});
