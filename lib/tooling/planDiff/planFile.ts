/**
 * Reading a plan JSON for plan:diff: every problem reported at once as `<file>: <field>: <problem>` (a missing
 * file, JSON that does not parse, a document that is not a plan), and the guard against comparing two stacks.
 */
import { z } from "zod";
import { formatPath, Problem, ValidationError } from "../../inputs/errors";
import { planAlertSchema, PlanWithAlerts } from "./alerts";

const planSchema = z.looseObject({
    stack: z.string(),
    project: z.string(),
    resources: z.array(
        z.looseObject({
            urn: z.string(),
            type: z.string(),
            name: z.string(),
            parent: z.string().nullable(),
            custom: z.boolean().optional(),
            inputs: z.record(z.string(), z.unknown()),
            dependsOn: z.array(z.string()).optional(),
            options: z.looseObject({
                protect: z.boolean(),
                retainOnDelete: z.boolean(),
                aliases: z.number(),
                ignoreChanges: z.array(z.string()),
                // Plans made before the option was recorded have none.
                additionalSecretOutputs: z.array(z.string()).default([]),
            }),
        }),
    ),
    outputs: z.record(z.string(), z.unknown()).optional(),
    alerts: z.array(planAlertSchema).optional(),
});

/** Parses the text of a plan file; throws a ValidationError naming the file and each bad field. */
export function parsePlan(text: string, file: string): PlanWithAlerts {
    let doc: unknown;
    try {
        doc = JSON.parse(text);
    } catch (e) {
        throw new ValidationError([{ source: file, field: "", message: `not valid JSON (${(e as Error).message})` }]);
    }
    const parsed = planSchema.safeParse(doc);
    if (!parsed.success) {
        const problems: Problem[] = parsed.error.issues.map((i) => ({ source: file, field: formatPath(i.path), message: i.message }));
        throw new ValidationError(
            problems.slice(0, 20).concat(
                problems.length > 20
                    ? [
                          {
                              source: file,
                              field: "",
                              message: `… and ${problems.length - 20} more problems: is this a plan written by npm run plan -- --out?`,
                          },
                      ]
                    : [],
            ),
        );
    }
    return { outputs: {}, ...parsed.data } as PlanWithAlerts;
}

/** One line refusing to compare plans of different stacks or projects, or undefined when they match. */
export function stackMismatch(
    base: { stack: string; project: string },
    head: { stack: string; project: string },
    files: [string, string],
): string | undefined {
    const what = base.project !== head.project ? "project" : base.stack !== head.stack ? "stack" : undefined;
    if (!what) return undefined;
    const of = (p: { stack: string; project: string }) => (what === "project" ? p.project : p.stack);
    return `${files[0]} is ${what} ${of(base)}, ${files[1]} is ${what} ${of(head)}: refusing to diff different ${what}s (pass --allow-different-stacks to compare them anyway)`;
}
