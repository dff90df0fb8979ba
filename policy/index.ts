/**
 * Policy pack: `pulumi preview --policy-pack policy` (or `pulumi up`) enforces the same rules that
 * `npm run plan` runs offline (lib/tooling/policy.ts). Stack validations, because some rules relate resources
 * (a bucket and the public access block naming it).
 */
import { PolicyPack, PolicyResource } from "@pulumi/policy";
import { POLICY_RULES, RuleResource } from "../lib/tooling/policy";

/**
 * A policy resource as the rules see it: its props (a stack validation sees each resource's final outputs).
 * Reading a value still unknown during a preview makes @pulumi/policy report the rule as advisory for that
 * preview; `npm run plan` and `pulumi up` check it with every value known.
 */
function toRuleResource(r: PolicyResource): RuleResource {
    return { urn: r.urn, type: r.type, name: r.name, inputs: r.props };
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
