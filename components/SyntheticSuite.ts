import * as datadog from "@pulumi/datadog";
import * as pulumi from "@pulumi/pulumi";
import type { Product } from "../lib/catalog/schema";
import type { PublicStackConfig } from "../lib/config";
import { childName } from "../lib/naming";
import { ApiStepModel, buildSyntheticTests, credentialVariables, HttpAssertionModel, SyntheticTestModel } from "../lib/synthetics";

export interface SyntheticSuiteArgs {
    product: Product;
    config: PublicStackConfig;
    /** Password of the product's synthetic test user (secret config `syntheticsPassword`). */
    testPassword: pulumi.Input<string>;
}

function assertionArgs(a: HttpAssertionModel): datadog.types.input.SyntheticsTestAssertion {
    return { type: a.type, operator: a.operator, target: a.target, targetjsonpath: a.targetjsonpath };
}

/** Later steps authenticate with the token an earlier step extracted. */
function apiStepArgs(steps: ApiStepModel[]): datadog.types.input.SyntheticsTestApiStep[] {
    let token: string | undefined;
    return steps.map((s) => {
        const headers = token ? { Authorization: `Bearer {{ ${token} }}` } : undefined;
        if (s.extract && /TOKEN/.test(s.extract.variable)) token = s.extract.variable;
        return {
            name: s.name,
            subtype: "http",
            isCritical: true,
            allowFailure: false,
            requestDefinition: { method: s.method, url: s.url, body: s.body, ...(s.body ? { bodyType: "application/json" } : {}) },
            requestHeaders: { "Content-Type": "application/json", ...headers },
            assertions: s.assertions.map(assertionArgs),
            extractedValues: s.extract ? [{ name: s.extract.variable, type: "http_body", parser: { type: "json_path", value: s.extract.jsonPath } }] : undefined,
        };
    });
}

/**
 * Datadog synthetic tests of one product: API health checks with body assertions, SSL expiry, multistep API
 * flows and browser journeys, at the plans' frequencies (stretched by the stack's multiplier), alerting through
 * the routing model. Test credentials are secure global variables, never in a test definition.
 */
export class SyntheticSuite extends pulumi.ComponentResource {
    public readonly testIds: pulumi.Output<string[]>;
    public readonly testPublicIds: pulumi.Output<Record<string, string>>;

    constructor(name: string, args: SyntheticSuiteArgs, opts?: pulumi.ComponentResourceOptions) {
        super("product-monitoring:monitoring:SyntheticSuite", name, {}, opts);
        const { product, config } = args;
        const models = buildSyntheticTests(product, config);
        const vars = credentialVariables(product.key);
        const needsCredentials = models.some((m) => m.usesCredentials);
        const tags = ["managed-by:pulumi", `env:${config.environment}`, `team:${product.team.handle}`, `product:${product.key}`];
        const credentials = needsCredentials ? [
            new datadog.SyntheticsGlobalVariable(childName(name, "test-user"), {
                name: vars.user,
                description: `${product.displayName} synthetic test user`,
                value: `synthetics-bot+${product.key}@${product.team.email.split("@")[1]}`,
                tags,
            }, { parent: this }),
            new datadog.SyntheticsGlobalVariable(childName(name, "test-password"), {
                name: vars.password,
                description: `${product.displayName} synthetic test user's password`,
                value: pulumi.secret(args.testPassword),
                secure: true,
                tags,
            }, { parent: this }),
        ] : [];
        const globalRefs = credentials.map((v, i) => ({ type: "global", name: i === 0 ? vars.user : vars.password, id: v.id }));

        const tests = models.map((m) => [m.id, new datadog.SyntheticsTest(childName(name, m.id), this.testArgs(m, m.usesCredentials ? globalRefs : []), {
            parent: this,
            // Browser journeys are recorded in Datadog's recorder; Pulumi owns the schedule, locations and alerting.
            ignoreChanges: m.type === "browser" ? ["browserSteps"] : [],
        })] as const);
        this.testIds = pulumi.all(tests.map(([, t]) => t.id));
        this.testPublicIds = pulumi.all(Object.fromEntries(tests.map(([id, t]) => [id, t.id])));
        this.registerOutputs({ testIds: this.testIds, testPublicIds: this.testPublicIds });
    }

    private testArgs(m: SyntheticTestModel, variables: Array<{ type: string; name: string; id: pulumi.Output<string> }>): datadog.SyntheticsTestArgs {
        const common = {
            name: m.name,
            status: "live",
            locations: m.locations,
            message: m.message,
            tags: m.tags,
            optionsList: {
                tickEvery: m.tickEvery,
                retry: { count: m.retry.count, interval: m.retry.intervalMs },
                minFailureDuration: m.minFailureDurationSeconds,
                minLocationFailed: m.minLocationFailed,
                monitorName: m.name,
                monitorPriority: m.monitorPriority,
                monitorOptions: m.renotifyMinutes ? { renotifyInterval: m.renotifyMinutes } : undefined,
                followRedirects: true,
                ...(m.subtype === "ssl" ? { acceptSelfSigned: false, checkCertificateRevocation: true } : {}),
            },
        };
        if (m.type === "browser") {
            return {
                ...common,
                type: "browser",
                requestDefinition: { method: "GET", url: m.url },
                deviceIds: m.deviceIds,
                browserVariables: variables,
                browserSteps: [{ name: "Page loaded", type: "assertCurrentUrl", params: { check: "contains", value: m.host } }],
            };
        }
        if (m.subtype === "multi") {
            return { ...common, type: "api", subtype: "multi", configVariables: variables, apiSteps: apiStepArgs(m.steps) };
        }
        if (m.subtype === "ssl") {
            return { ...common, type: "api", subtype: "ssl", requestDefinition: { host: m.host, port: "443" }, assertions: m.assertions.map(assertionArgs) };
        }
        return { ...common, type: "api", subtype: "http", requestDefinition: { method: "GET", url: m.url, timeout: 30 }, assertions: m.assertions.map(assertionArgs) };
    }
}
