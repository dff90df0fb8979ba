import * as datadog from "@pulumi/datadog";
import * as pulumi from "@pulumi/pulumi";
import type { Product } from "../lib/inputs/catalog/schema";
import { childName } from "../lib/model/naming";
import { ApiStepModel, credentialVariables, HttpAssertionModel, SyntheticTestModel } from "../lib/datadog/synthetics";

export interface SyntheticSuiteArgs {
    product: Product;
    environment: string;
    /** The product's synthetic tests, from its synthetic alerts (lib/stack/model.ts). */
    tests: ReadonlyArray<SyntheticTestModel>;
    /** Password of the product's synthetic test user (secret config `syntheticsPassword`). */
    testPassword: pulumi.Input<string>;
}

type VariableRef = { type: "global"; name: string; id: pulumi.Output<string> };

function assertionArgs(a: HttpAssertionModel): datadog.types.input.SyntheticsTestAssertion {
    return { type: a.type, operator: a.operator, target: a.target, targetjsonpath: a.targetjsonpath };
}

function apiStepArgs(s: ApiStepModel): datadog.types.input.SyntheticsTestApiStep {
    return {
        name: s.name,
        subtype: "http",
        isCritical: true,
        allowFailure: false,
        requestDefinition: { method: s.method, url: s.url, body: s.body, ...(s.body ? { bodyType: "application/json" } : {}) },
        requestHeaders: s.headers,
        assertions: s.assertions.map(assertionArgs),
        extractedValues: s.extract
            ? [
                  {
                      name: s.extract.variable,
                      type: s.extract.source,
                      parser: { type: s.extract.parser, value: s.extract.jsonPath },
                      secure: s.extract.secure,
                  },
              ]
            : undefined,
    };
}

function testArgs(m: SyntheticTestModel, variables: VariableRef[]): datadog.SyntheticsTestArgs {
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
            ...(m.subtype === "ssl" ? { acceptSelfSigned: false, checkCertificateRevocation: true } : {}),
            ...(m.subtype === "http" ? { followRedirects: true } : {}),
        },
    };
    switch (m.subtype) {
        case undefined:
            return {
                ...common,
                type: "browser",
                requestDefinition: { method: "GET", url: m.url },
                deviceIds: m.deviceIds,
                browserVariables: variables,
                browserSteps: m.browserSteps,
            };
        case "multi":
            return { ...common, type: "api", subtype: "multi", configVariables: variables, apiSteps: m.steps.map(apiStepArgs) };
        case "ssl":
            return {
                ...common,
                type: "api",
                subtype: "ssl",
                requestDefinition: { host: m.host, port: "443" },
                assertions: m.assertions.map(assertionArgs),
            };
        default:
            return {
                ...common,
                type: "api",
                subtype: "http",
                requestDefinition: { method: "GET", url: m.url, timeout: 30 },
                assertions: m.assertions.map(assertionArgs),
            };
    }
}

/**
 * Datadog synthetic tests of one product: API health checks with body assertions, SSL expiry, multistep API
 * flows and browser journeys, at the plans' frequencies (stretched by the stack's multiplier), alerting through
 * the routing model. Test credentials are secure global variables, never in a test definition.
 */
export class SyntheticSuite extends pulumi.ComponentResource {
    public readonly testIds: pulumi.Output<string[]>;
    /** Public id per spec test id, for stack references. */
    public readonly testPublicIds: pulumi.Output<Record<string, string>>;
    /** Id of each test's monitor per spec test id (monitor-based SLOs are computed from it). */
    public readonly monitorIds: pulumi.Output<Record<string, number>>;

    constructor(name: string, args: SyntheticSuiteArgs, opts?: pulumi.ComponentResourceOptions) {
        super("product-monitoring:monitoring:SyntheticSuite", name, {}, opts);
        const { product, environment } = args;
        const models = args.tests;
        const vars = credentialVariables(product.key);
        const tags = ["managed-by:pulumi", `env:${environment}`, `team:${product.team.handle}`, `product:${product.key}`];
        const globals = new Map<string, pulumi.Output<string>>();
        if (models.some((m) => m.variables.length > 0)) {
            const user = new datadog.SyntheticsGlobalVariable(
                childName(name, "test-user"),
                {
                    name: vars.user,
                    description: `${product.displayName} synthetic test user`,
                    value: `synthetics-bot+${product.key}@${product.team.email.split("@")[1]}`,
                    tags,
                },
                { parent: this },
            );
            const password = new datadog.SyntheticsGlobalVariable(
                childName(name, "test-password"),
                {
                    name: vars.password,
                    description: `${product.displayName} synthetic test user's password`,
                    value: pulumi.secret(args.testPassword),
                    secure: true,
                    tags,
                },
                { parent: this },
            );
            globals.set(vars.user, user.id).set(vars.password, password.id);
        }
        // Tests refer to the global variables by id under the same name, so steps can use `{{ <PRODUCT>_TEST_PASSWORD }}`.
        const refs = (m: SyntheticTestModel): VariableRef[] => m.variables.map((v) => ({ type: "global", name: v, id: globals.get(v)! }));

        const tests = models.map(
            (m) =>
                [
                    m.id,
                    new datadog.SyntheticsTest(childName(name, m.id), testArgs(m, refs(m)), {
                        parent: this,
                        // Browser journeys are recorded in Datadog's recorder; Pulumi owns the schedule, locations and alerting.
                        ignoreChanges: m.type === "browser" ? ["browserSteps"] : [],
                    }),
                ] as const,
        );
        this.testIds = pulumi.all(tests.map(([, t]) => t.id));
        this.testPublicIds = pulumi.all(Object.fromEntries(tests.map(([id, t]) => [id, t.id])));
        this.monitorIds = pulumi.all(Object.fromEntries(tests.map(([id, t]) => [id, t.monitorId])));
        this.registerOutputs({ testIds: this.testIds, testPublicIds: this.testPublicIds, monitorIds: this.monitorIds });
    }
}
