/**
 * Policy pack: `pulumi preview --policy-pack policy` (or `pulumi up`) enforces the same rules that
 * `npm run plan` runs offline (lib/policy.ts). Stack validations, because some rules relate resources
 * (a bucket and its public access block).
 */
import { PolicyPack, PolicyResource } from "@pulumi/policy";
import { POLICY_RULES, RuleResource } from "../lib/tooling/policy";

/** A policy resource as the rules see it: its props (inputs for resources yet to be created) and dependencies. */
function toRuleResource(r: PolicyResource): RuleResource {
    const deps = [...r.dependencies, ...Object.values(r.propertyDependencies ?? {}).flat()].map((d) => d.urn);
    return { urn: r.urn, type: r.type, name: r.name, inputs: r.props, dependsOn: [...new Set(deps)] };
}

new PolicyPack("product-monitoring", {
    policies: POLICY_RULES.map((rule) => ({
        name: rule.name,
        description: rule.description,
        enforcementLevel: "mandatory",
        validateStack: (args, reportViolation) => {
            for (const v of rule.check(args.resources.map(toRuleResource))) reportViolation(v.message, v.resource.urn);
        },
    })),
});
