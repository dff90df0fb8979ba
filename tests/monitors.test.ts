/**
 * Every plan threshold is a Datadog monitor with its value, comparator and severity. The rows of
 * tests/fixtures/planThresholds.ts are written by hand from shared/seeds (not derived from the specs), so a spec
 * that drifts from its plan fails here; every other check derives from the catalog.
 */
import { loadCatalog } from "../lib/inputs/catalog/validate";
import { monitorType } from "../lib/datadog/query";
import { parseHandles, routeHandles } from "../lib/datadog/handles";
import { stateBlocks } from "../lib/datadog/messages";
import { datadogAppUrl } from "../lib/model/naming";
import { warningSeverity } from "../lib/model/alert";
import { severityPolicy } from "../lib/model/severity";
import { catalog } from "../products";
import { STACKS } from "./helpers/constants";
import { Form, PLAN, SECURITY } from "./fixtures/planThresholds";
import { isCompositePart, loadPlan, MONITOR } from "./helpers/plan";
import { stackConfig } from "./helpers/stackConfig";
import { enabledProducts } from "./helpers/catalog";

const products = loadCatalog(catalog);

/** The query form of a monitor as Datadog sees it. */
function formOf(type: string, query: string): Form {
    if (type === "service check") return "service-check";
    if (type === "log alert") return "log";
    if (type === "rum alert") return "rum";
    if (query.includes("anomalies(")) return "anomaly";
    if (/^(pct_)?change\(/.test(query)) return "change";
    if (query.startsWith("percentile(")) return "percentile";
    return "metric";
}

function num(n: number): string {
    return String(Number(n.toPrecision(12)));
}

describe.each(STACKS)("plan thresholds in %s", (stack) => {
    const view = loadPlan(stack);

    /** The monitor that evaluates a spec monitor's threshold: itself, or a guarded monitor's condition part. */
    const evaluating = (name: string) =>
        view.resources.find((r) => r.name === `${name}-condition` && r.type === MONITOR) ?? view.byName(name, MONITOR);

    it.each(PLAN)("%s %s: %s %s %d (warning %s), %s — %s", (product, id, form, cmp, critical, warning, severity) => {
        const m = evaluating(`${product}-${id}`);
        const thresholds = m.inputs.monitorThresholds as Record<string, string>;
        expect(formOf(m.inputs.type as string, m.inputs.query as string)).toBe(form);
        expect(thresholds.critical).toBe(num(critical));
        expect(thresholds.warning).toBe(warning === undefined ? undefined : num(warning));
        if (m.inputs.type !== "service check")
            expect(m.inputs.query).toMatch(new RegExp(` ${cmp.replace(/[<>=]/g, "\\$&")} ${num(critical).replace(/[.+-]/g, "\\$&")}$`));
        expect(view.byName(`${product}-${id}`, MONITOR).inputs.tags).toContain(`severity:${severity}`);
    });

    it.each(SECURITY)("%s security %s is a log monitor above %d events", (product, id, threshold) => {
        const m = view.byName(`${product}-security-${id}`, MONITOR);
        expect(m.inputs.type).toBe("log alert");
        expect(m.inputs.query).toMatch(
            new RegExp(`^logs\\(".*"\\)\\.index\\("\\*"\\)\\.rollup\\("count"\\).*\\.last\\("\\d+m"\\) > ${threshold}$`),
        );
        expect((m.inputs.monitorThresholds as Record<string, string>).critical).toBe(String(threshold));
        // An attack hovering at the threshold does not re-alert every evaluation: it recovers 10% below.
        expect((m.inputs.monitorThresholds as Record<string, string>).criticalRecovery).toBe(num(threshold * 0.9));
    });

    const withOptions = enabledProducts(stack).flatMap((p) => p.monitors.filter((m) => m.monitorOptions).map((m) => [p.key, m] as const));
    it.each(withOptions.map(([p, m]) => [p, m.id, m] as const))(
        "%s %s carries the monitor options its plan writes out",
        (product, id, spec) => {
            const m = view.byName(`${product}-${id}`, MONITOR);
            const o = spec.monitorOptions!;
            expect([m.inputs.requireFullWindow, m.inputs.notifyAudit, m.inputs.escalationMessage]).toEqual([
                o.requireFullWindow ?? false,
                o.notifyAudit ?? (spec.severity === "P0" || undefined),
                o.escalationMessage,
            ]);
        },
    );
    const guardedSpecs = enabledProducts(stack).flatMap((p) => p.monitors.filter((m) => m.guard).map((m) => [p.key, m] as const));
    it.each(guardedSpecs.map(([p, m]) => [p, m.id, m] as const))(
        "%s %s alerts as a composite of its condition and a silent volume guard",
        (product, id, spec) => {
            const composite = view.byName(`${product}-${id}`, MONITOR);
            const condition = view.byName(`${product}-${id}-condition`, MONITOR);
            const volume = view.byName(`${product}-${id}-volume`, MONITOR);
            expect(composite.inputs.type).toBe("composite");
            expect(composite.inputs.query).toMatch(/^\d+ && \d+$/);
            expect(composite.dependsOn).toEqual(expect.arrayContaining([condition.urn, volume.urn]));
            expect(composite.inputs.monitorThresholds).toBeUndefined();
            expect(parseHandles(composite.inputs.message as string).length).toBeGreaterThan(0);
            const service = enabledProducts(stack)
                .find((p) => p.key === product)!
                .surfaces.find((x) => x.name === spec.surface)!.service;
            expect(volume.inputs.query).toBe(
                `sum(last_${(spec.query as { window: string }).window}):sum:${spec.guard!.events.metric}{env:${stack},service:${service}}.as_count() >= ${spec.guard!.minCount}`,
            );
            expect(condition.inputs.query).toMatch(new RegExp(` > ${spec.critical}$`));
            for (const part of [condition, volume]) {
                expect([part.name, parseHandles(part.inputs.message as string), part.inputs.priority ?? undefined]).toEqual([
                    part.name,
                    [],
                    undefined,
                ]);
                expect(part.inputs.tags).toContain("composite-part");
                expect((part.inputs.tags as string[]).some((t) => t.startsWith("severity:"))).toBe(false);
            }
        },
    );

    it("links the first investigation (000 §Escalation Policy L1) in every product alert's alert block: service, monitors, logs", () => {
        const app = datadogAppUrl(stackConfig(stack).datadog.site);
        const products = new Set(enabledProducts(stack).map((p) => p.key));
        const alerts = view.ofType(MONITOR).filter((m) => products.has(view.productOf(m)) && !isCompositePart(m));
        expect(alerts.length).toBeGreaterThan(0);
        for (const m of alerts) {
            const service = (m.inputs.tags as string[]).find((t) => t.startsWith("service:"))!.slice("service:".length);
            const scope = encodeURIComponent(`service:${service} env:${stack}`);
            const block = stateBlocks(m.inputs.message as string).is_alert;
            expect([m.name, block]).toEqual([
                m.name,
                expect.stringContaining(
                    `**Investigate:** [Service, recent deployments](${app}/apm/services/${service}?env=${stack}) · ` +
                        `[Related monitors](${app}/monitors/manage?q=${scope}) · ` +
                        `[Logs since 15 min before](${app}/logs?query=${scope}&from_ts={{eval "last_triggered_at_epoch-15*60*1000"}}&to_ts={{last_triggered_at_epoch}}&live=false)`,
                ),
            ]);
        }
    });

    const heldSpecs = enabledProducts(stack).flatMap((p) => p.monitors.filter((m) => m.hold).map((m) => [p.key, m] as const));
    it.each(heldSpecs.map(([p, m]) => [p, m.id, m] as const))(
        "%s %s holds its condition (Prometheus for:) as a composite of the condition evaluated each minute of the hold",
        (product, id, spec) => {
            const composite = view.byName(`${product}-${id}`, MONITOR);
            const condition = view.byName(`${product}-${id}-condition`, MONITOR);
            const minutes = Number(spec.hold!.replace("m", ""));
            const held = Array.from({ length: minutes }, (_, i) => view.byName(`${product}-${id}-held-${i + 1}m`, MONITOR));
            expect(composite.inputs.type).toBe("composite");
            expect(String(composite.inputs.query).split(" && ")).toHaveLength(1 + minutes + (spec.guard ? 1 : 0));
            expect(composite.dependsOn).toEqual(expect.arrayContaining([condition.urn, ...held.map((h) => h.urn)]));
            const delay = (condition.inputs.evaluationDelay as number | undefined) ?? 0;
            held.forEach((h, i) => {
                expect([h.name, h.inputs.query, h.inputs.evaluationDelay]).toEqual([h.name, condition.inputs.query, delay + 60 * (i + 1)]);
                expect(parseHandles(h.inputs.message as string)).toEqual([]);
            });
            expect(stateBlocks(composite.inputs.message as string).is_alert).toContain(`held for ${spec.hold}`);
        },
    );

    it("keeps a renamed monitor's identity: one alias per former id, none elsewhere", () => {
        for (const p of enabledProducts(stack)) {
            for (const m of p.monitors) {
                const r = view.byName(`${p.key}-${m.id}`, MONITOR);
                expect([r.name, r.options.aliases]).toEqual([r.name, m.formerIds?.length ?? 0]);
            }
        }
    });

    it("sends no escalation message and waits for no full window unless a plan says so", () => {
        const asked = new Set(withOptions.map(([p, m]) => `${p}-${m.id}`));
        const spec = new Set(enabledProducts(stack).flatMap((p) => p.monitors.map((m) => `${p.key}-${m.id}`)));
        for (const m of view.ofType(MONITOR).filter((x) => spec.has(x.name) && !asked.has(x.name))) {
            expect([m.name, m.inputs.escalationMessage, m.inputs.requireFullWindow]).toEqual([m.name, undefined, false]);
        }
    });

    it("derives each spec monitor exactly: type, thresholds, comparator, severity, priority, renotify, message", () => {
        const config = stackConfig(stack);
        for (const p of products) {
            for (const spec of p.monitors) {
                const m = view.byName(`${p.key}-${spec.id}`, MONITOR);
                const e = evaluating(`${p.key}-${spec.id}`);
                const policy = severityPolicy(spec.severity);
                const at = `${p.key}-${spec.id}`;
                expect([at, e.inputs.type]).toEqual([at, monitorType(spec.query)]);
                expect([at, (e.inputs.monitorThresholds as any).critical, (e.inputs.monitorThresholds as any).warning]).toEqual([
                    at,
                    num(spec.critical),
                    spec.warning === undefined ? undefined : num(spec.warning),
                ]);
                if (spec.query.kind !== "service-check")
                    expect([at, String(e.inputs.query).endsWith(` ${spec.comparator} ${num(spec.critical)}`)]).toEqual([at, true]);
                expect([at, m.inputs.priority, m.inputs.renotifyInterval]).toEqual([
                    at,
                    policy.priority,
                    policy.renotifyMinutes || undefined,
                ]);
                expect(m.inputs.tags).toEqual(
                    expect.arrayContaining([`severity:${spec.severity.toLowerCase()}`, `category:${spec.category}`]),
                );
                const message = m.inputs.message as string;
                expect(message).toContain(spec.whatHappened);
                for (const step of spec.firstSteps) expect(message).toContain(step);
                expect(message).toContain(`docs/runbooks/${p.key}.md#${spec.id}`);
                // Each state reaches its own route: the alert its severity's, a warning the next lower severity's.
                const blocks = stateBlocks(message);
                const inBlock = (state: string) => parseHandles(blocks[state] ?? "").map((h) => h.raw);
                expect([at, inBlock("is_alert")]).toEqual([at, routeHandles(spec.severity, stack, config.routing, p, spec.category)]);
                expect([at, inBlock("is_warning")]).toEqual([
                    at,
                    spec.warning === undefined ? [] : routeHandles(warningSeverity(spec.severity), stack, config.routing, p, spec.category),
                ]);
                expect([at, message.replace(/\{\{#is_[a-z_]+\}\}[\s\S]*?\{\{\/is_[a-z_]+\}\}/g, "")]).not.toEqual([
                    at,
                    expect.stringMatching(/@(pagerduty|slack)-/),
                ]);
            }
        }
    });

    it("creates one monitor per spec threshold in every product", () => {
        for (const p of products) {
            for (const spec of p.monitors) expect(view.ofType(MONITOR, p.key).map((m) => m.name)).toContain(`${p.key}-${spec.id}`);
        }
    });

    it("uses change or anomaly monitors for business drops, log monitors for security", () => {
        const all = view.ofType(MONITOR);
        for (const m of all.filter((x) => /-drop$/.test(x.name))) expect(m.inputs.query).toMatch(/^(pct_change|change)\(|anomalies\(/);
        for (const m of all.filter((x) => (x.inputs.tags as string[]).includes("category:security")))
            expect(m.inputs.type).toBe("log alert");
    });

    it("shapes every monitor: unified tags, message sections, runbook, no-data on availability, delays", () => {
        // A composite's silent parts are checked with their composite.
        for (const m of view.ofType(MONITOR).filter((x) => !isCompositePart(x))) {
            const tags = m.inputs.tags as string[];
            const product = view.productOf(m);
            for (const key of ["env", "service", "team", "severity"])
                expect([m.name, tags.some((t) => t.startsWith(`${key}:`))]).toEqual([m.name, true]);
            expect(tags).toEqual(expect.arrayContaining([`env:${stack}`, "managed-by:pulumi", `product:${product}`]));
            const message = m.inputs.message as string;
            expect(message).toMatch(/^## /);
            expect(message).toContain("{{#is_alert}}");
            expect(message).toMatch(/\{\{#is_(alert_)?recovery\}\}/);
            expect(message).toMatch(new RegExp(`Runbook: https://\\S+/docs/runbooks/${product}\\.md#[a-z0-9-]+`));
            if (tags.includes("category:availability")) expect([m.name, m.inputs.notifyNoData]).toEqual([m.name, true]);
            // Only cloud-integration metrics (crawled, minutes late) wait; Agent, APM and custom metrics evaluate at once.
            const cloud = /(?:avg|sum|min|max):(?:aws|gcp|azure|cloudflare)\./.test(m.inputs.query as string);
            if (m.inputs.type === "metric alert" || m.inputs.type === "query alert")
                expect([m.name, m.inputs.evaluationDelay]).toEqual([m.name, cloud ? 60 : undefined]);
        }
    });

    it("gives anomaly monitors Datadog's documented form: direction, alert_window = trigger window, recovery at 0", () => {
        const anomalies = view.ofType(MONITOR).filter((x) => String(x.inputs.query).includes("anomalies("));
        expect(anomalies.length).toBeGreaterThan(0);
        for (const m of anomalies) {
            expect(m.inputs.query).toMatch(
                /, direction='(above|below|both)', alert_window='last_15m', interval=60, count_default_zero='true', seasonality='weekly'\) >= 1$/,
            );
            expect(m.inputs.monitorThresholdWindows).toEqual({ triggerWindow: "last_15m", recoveryWindow: "last_15m" });
            expect(m.inputs.monitorThresholds).toEqual({ critical: "1", criticalRecovery: "0" });
        }
        // Each in its spec's direction (failures alert when they rise, volumes when they fall), all three in use.
        const specs = enabledProducts(stack).flatMap((p) =>
            p.monitors.flatMap((m) => (m.query.kind === "anomaly" ? [{ name: `${p.key}-${m.id}`, direction: m.query.direction }] : [])),
        );
        for (const { name, direction } of specs)
            expect([name, view.byName(name, MONITOR).inputs.query]).toEqual([name, expect.stringContaining(`direction='${direction}'`)]);
        expect(new Set(specs.map((x) => x.direction))).toEqual(new Set(["above", "below", "both"]));
    });
});
