import * as datadog from "@pulumi/datadog";
import * as pulumi from "@pulumi/pulumi";
import type { Product } from "../lib/catalog/schema";
import type { PublicStackConfig } from "../lib/config";
import { childName } from "../lib/naming";

export interface SyntheticSuiteArgs {
    product: Product;
    config: PublicStackConfig;
}

/** Datadog synthetic tests of one product. */
export class SyntheticSuite extends pulumi.ComponentResource {
    public readonly testIds: pulumi.Output<string[]>;

    constructor(name: string, args: SyntheticSuiteArgs, opts?: pulumi.ComponentResourceOptions) {
        super("product-monitoring:monitoring:SyntheticSuite", name, {}, opts);
        const { product, config } = args;
        const tests = product.synthetics.filter((s) => s.kind === "api").map((s) => {
            const surface = product.surfaces.find((x) => x.name === s.surface)!;
            return new datadog.SyntheticsTest(childName(name, s.id), {
                name: `[${product.displayName}] ${s.title}`,
                type: "api",
                subtype: "http",
                status: "live",
                locations: config.synthetics.locations,
                requestDefinition: { method: "GET", url: `https://${config.hostPrefix}${surface.host}${s.path}` },
                assertions: [{ type: "statusCode", operator: "is", target: String(s.expectStatus) }],
                optionsList: { tickEvery: 60 },
            }, { parent: this });
        });
        this.testIds = pulumi.all(tests.map((t) => t.id));
        this.registerOutputs({ testIds: this.testIds });
    }
}
