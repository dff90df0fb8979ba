/**
 * Secret hygiene: sentinel values given to the secret config keys, and the secret values providers compute
 * (integration keys, DSNs), never reach the plan JSON, the summary or a non-secret output in clear.
 */
import { computed } from "../scripts/mocks";
import { markSecretOutputs, redact, SECRET_TEXT } from "../scripts/planner";
import { SENTINEL_SECRETS, STACKS } from "./helpers/constants";
import { loadPlan } from "./helpers/plan";
import { enabledProducts } from "./helpers/catalog";
import { pagerServiceNames } from "../lib/pagerduty/service";

/** Provider-computed values that are secrets, by type token and output name. */
const COMPUTED_SECRETS: Record<string, string[]> = {
    "pagerduty:index/serviceIntegration:ServiceIntegration": ["integrationKey"],
    "sentry:index/sentryKey:SentryKey": ["dsnPublic", "dsnSecret", "dsnCsp", "public", "secret"],
};

function leaves(value: unknown, at = ""): Array<[string, unknown]> {
    if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, `${at}[${i}]`));
    if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => leaves(v, at ? `${at}.${k}` : k));
    return [[at, value]];
}

describe.each(STACKS)("secrets in stack %s", (stack) => {
    const view = loadPlan(stack);

    it("keeps the configured secrets out of the plan JSON and the summary", () => {
        for (const value of Object.values(SENTINEL_SECRETS)) {
            expect(view.raw).not.toContain(value);
            expect(view.summary).not.toContain(value);
        }
    });

    it("keeps provider-computed secrets (integration keys, DSNs) out of the plan JSON", () => {
        let checked = 0;
        for (const [type, fields] of Object.entries(COMPUTED_SECRETS)) {
            for (const r of view.ofType(type)) {
                const values = computed(type, r.name, r.inputs);
                for (const f of fields) {
                    expect(typeof values[f]).toBe("string");
                    expect(view.raw).not.toContain(values[f] as string);
                    checked++;
                }
            }
        }
        expect(checked).toBeGreaterThanOrEqual(8);
    });

    it("declares the computed secrets as additionalSecretOutputs, since their providers do not mark them secret", () => {
        for (const [type, fields] of Object.entries(COMPUTED_SECRETS)) {
            const resources = view.ofType(type);
            expect(resources.length).toBeGreaterThanOrEqual(8);
            // The plan records the SDK's own list merged with the program's (the SDK may repeat a name).
            for (const r of resources)
                expect([r.name, [...new Set(r.options.additionalSecretOutputs)].sort()]).toEqual([r.name, [...fields].sort()]);
        }
    });

    it("writes every secret-looking output as [secret]", () => {
        const secretish = leaves(view.plan.outputs).filter(([k]) =>
            /integrationKey|dsn|password|apiKey|secret/i.test(k.split(".").slice(-2).join(".")),
        );
        expect(secretish.length).toBeGreaterThanOrEqual(8);
        for (const [key, value] of secretish) expect([key, value]).toEqual([key, "[secret]"]);
    });

    it("passes secret inputs to providers as secrets", () => {
        const serviceObjects = view.ofType("datadog:pagerduty/serviceObject:ServiceObject");
        expect(serviceObjects.map((s) => s.inputs.serviceName).sort()).toEqual(pagerServiceNames(enabledProducts(stack), stack).sort());
        for (const s of serviceObjects) expect(s.inputs.serviceKey).toBe("[secret]");
    });
});

describe("additionalSecretOutputs under the mock runtime", () => {
    it("marks the named outputs secret the engine's way, leaving the others and already-secret ones as they are", () => {
        const state = { integrationKey: "abc123", name: "Datadog", dsnPublic: undefined };
        const marked = markSecretOutputs(state, ["integrationKey", "dsnPublic"]);
        expect(redact(marked)).toEqual({ integrationKey: SECRET_TEXT, name: "Datadog", dsnPublic: undefined });
        expect(markSecretOutputs(marked, ["integrationKey"])).toEqual(marked);
        expect(state.integrationKey).toBe("abc123");
    });
});
