/** Readable summary of a plan: per product, resources by kind, and totals. */
import { formatCostReport } from "../lib/tooling/syntheticsCost";
import { Plan, PlanResource, productOf } from "../lib/tooling/plan";

export { productOf };

/** `datadog:index/monitor:Monitor` → `datadog Monitor`; components keep their short name. */
export function kindOf(type: string): string {
    const [pkg, , name] = type.split(":");
    return pkg === "product-monitoring" ? `component ${name}` : `${pkg} ${name ?? type}`;
}

export function countBy<T>(items: T[], key: (t: T) => string): Map<string, number> {
    const m = new Map<string, number>();
    for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + 1);
    return new Map([...m.entries()].sort((a, b) => a[0].localeCompare(b[0])));
}

export function summarize(plan: Plan): string {
    const product = productOf(plan);
    const real = plan.resources.filter((r) => r.type !== "pulumi:pulumi:Stack");
    const lines = [`Plan for stack "${plan.stack}" of project "${plan.project}"`, ""];
    const byProduct = new Map<string, PlanResource[]>();
    for (const r of real) {
        const p = product(r);
        byProduct.set(p, [...(byProduct.get(p) ?? []), r]);
    }
    for (const [p, rs] of [...byProduct.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
        const custom = rs.filter((r) => r.custom);
        lines.push(`${p}: ${custom.length} resources`);
        for (const [kind, n] of countBy(rs, (r) => kindOf(r.type))) lines.push(`  ${String(n).padStart(4)}  ${kind}`);
    }
    lines.push("", "Totals:");
    for (const [kind, n] of countBy(real, (r) => kindOf(r.type))) lines.push(`  ${String(n).padStart(4)}  ${kind}`);
    lines.push(`  ${String(real.filter((r) => r.custom).length).padStart(4)}  provider resources in all`);
    const cost = plan.outputs.syntheticsMonthlyCost as
        { byProduct: Record<string, number>; totalUsd: number; budgetUsd: number } | undefined;
    if (cost) lines.push("", formatCostReport(cost, cost.budgetUsd));
    return lines.join("\n");
}
