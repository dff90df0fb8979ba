import * as datadog from "@pulumi/datadog";
import * as pulumi from "@pulumi/pulumi";
import type { Product } from "../lib/inputs/catalog/schema";
import { roleModels } from "../lib/datadog/access";
import { childName } from "../lib/model/naming";

export interface AccessControlArgs {
    products: ReadonlyArray<Product>;
}

/**
 * A Datadog role per owning team (000 §Access Control, lib/datadog/access.ts); the product's monitors list it in
 * `restricted_roles`. Organization-wide: only the stack with `datadog.manageOrganizationResources` creates it.
 */
export class AccessControl extends pulumi.ComponentResource {
    /** Role ids by team handle. */
    public readonly roleIds: Record<string, pulumi.Output<string>> = {};

    constructor(name: string, args: AccessControlArgs, opts?: pulumi.ComponentResourceOptions) {
        super("product-monitoring:monitoring:AccessControl", name, {}, opts);
        for (const role of roleModels(args.products)) {
            // No permissions of its own: members keep their standard role's; this role only marks who may edit.
            this.roleIds[role.team] = new datadog.Role(childName(name, "role", role.team), { name: role.name }, { parent: this }).id;
        }
        this.registerOutputs({ roleIds: this.roleIds });
    }

    /** The roles that may edit a product's monitors. */
    rolesFor(product: Product): pulumi.Output<string[]> {
        return pulumi.all([this.roleIds[product.team.handle]]);
    }
}
