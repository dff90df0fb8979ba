/** The offline plan's shape (the JSON `npm run plan -- --out` writes) and helpers to read it. Pure. */
import type { AlertRow } from "./alertRows";

export interface PlanResource {
    urn: string;
    type: string;
    name: string;
    parent: string | null;
    custom: boolean;
    inputs: Record<string, unknown>;
    dependsOn: string[];
    /** `additionalSecretOutputs`: computed outputs the engine stores encrypted although the provider does not mark them secret. */
    options: { protect: boolean; retainOnDelete: boolean; aliases: number; ignoreChanges: string[]; additionalSecretOutputs: string[] };
}

export interface Plan {
    stack: string;
    project: string;
    resources: PlanResource[];
    outputs: Record<string, unknown>;
    /** Every alert of the stack model, in the alert model's terms (absent in plans made before it existed). */
    alerts?: AlertRow[];
}

/** The product a resource belongs to: the name of its top-level component (children of the stack). */
export function productOf(plan: Plan): (r: PlanResource) => string {
    const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
    const stackUrn = plan.resources.find((r) => r.type === "pulumi:pulumi:Stack")?.urn;
    return (r) => {
        let cur: PlanResource | undefined = r;
        while (cur && cur.parent && cur.parent !== stackUrn) cur = byUrn.get(cur.parent);
        return cur && cur.parent === stackUrn && !cur.custom ? cur.name : "(stack)";
    };
}
