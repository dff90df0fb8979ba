/**
 * Policy pack: `pulumi preview --policy-pack policy` (or `pulumi up`) enforces the same rules that
 * `npm run plan` runs offline (lib/policy.ts).
 */
import { PolicyPack } from "@pulumi/policy";
import { POLICY_RULES } from "../lib/policy";

new PolicyPack("product-monitoring", {
    policies: POLICY_RULES.map((rule) => ({
        name: rule.name,
        description: rule.description,
        enforcementLevel: "mandatory",
        validateStack: (args, reportViolation) => {
            const resources = args.resources.map((r) => ({ urn: r.urn, type: r.type, name: r.name, inputs: r.props }));
            for (const v of rule.check(resources)) reportViolation(v.message, v.resource.urn);
        },
    })),
});
