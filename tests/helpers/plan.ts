/** Read access to the plans made once by globalSetup, with small query helpers for assertions. */
import * as fs from "fs";
import * as path from "path";
import type { Plan, PlanResource } from "../../scripts/planner";
import { productOf } from "../../scripts/summary";
import { planCacheDir } from "./run";
import type { StackName } from "./constants";
import { messagePages } from "../../lib/datadog/handles";

export type { Plan, PlanResource };

const cache = new Map<string, PlanView>();

export class PlanView {
    readonly productOf: (r: PlanResource) => string;
    constructor(
        readonly plan: Plan,
        readonly raw: string,
        readonly summary: string,
    ) {
        this.productOf = productOf(plan);
    }
    get resources(): PlanResource[] {
        return this.plan.resources;
    }
    /** Resources of a type token (e.g. "datadog:index/monitor:Monitor"), optionally of one product. */
    ofType(type: string, product?: string): PlanResource[] {
        return this.plan.resources.filter((r) => r.type === type && (product === undefined || this.productOf(r) === product));
    }
    byName(name: string, type?: string): PlanResource {
        const found = this.plan.resources.filter((r) => r.name === name && (type === undefined || r.type === type));
        if (found.length !== 1) throw new Error(`expected one resource named ${name}${type ? ` of ${type}` : ""}, found ${found.length}`);
        return found[0];
    }
    childrenOf(urn: string): PlanResource[] {
        return this.plan.resources.filter((r) => r.parent === urn);
    }
    component(type: string, product: string): PlanResource {
        return this.byName(product, `product-monitoring:monitoring:${type}`);
    }
}

export function loadPlan(stack: StackName): PlanView {
    let view = cache.get(stack);
    if (!view) {
        const raw = fs.readFileSync(path.join(planCacheDir(), `${stack}.json`), "utf8");
        const summary = fs.readFileSync(path.join(planCacheDir(), `${stack}.summary.txt`), "utf8");
        view = new PlanView(JSON.parse(raw) as Plan, raw, summary);
        cache.set(stack, view);
    }
    return view;
}

export const MONITOR = "datadog:index/monitor:Monitor";

/** Whether a Datadog message pages (a high-urgency PagerDuty handle). */
export const pagesFrom = messagePages;

/** A silent part of a composite monitor (lib/datadog/monitors.ts): it evaluates, its composite notifies. */
export function isCompositePart(r: { inputs: Record<string, unknown> }): boolean {
    const tags = r.inputs.tags;
    return Array.isArray(tags) && tags.includes("composite-part");
}
