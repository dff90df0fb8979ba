import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { Product } from "../lib/catalog/schema";
import type { PublicStackConfig } from "../lib/config";
import { childName, logGroupName } from "../lib/naming";

export interface LogPipelineArgs {
    product: Product;
    config: PublicStackConfig;
}

/** CloudWatch log groups of one product, shipped to Datadog and archived. */
export class LogPipeline extends pulumi.ComponentResource {
    public readonly logGroupNames: pulumi.Output<string[]>;

    constructor(name: string, args: LogPipelineArgs, opts?: pulumi.ComponentResourceOptions) {
        super("product-monitoring:monitoring:LogPipeline", name, {}, opts);
        const { product, config } = args;
        const groups = product.logs.types.map((t) => new aws.cloudwatch.LogGroup(childName(name, t.type), {
            name: logGroupName(product.key, config.environment, t.type),
            retentionInDays: t.hotDays,
        }, { parent: this, retainOnDelete: true }));
        this.logGroupNames = pulumi.all(groups.map((g) => g.name));
        this.registerOutputs({ logGroupNames: this.logGroupNames });
    }
}
