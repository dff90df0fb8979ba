/**
 * Cross-tool validation of the whole stack before anything is deployed, on the stack model: every alert's route
 * checked against what the stack creates (pager services registered in Datadog, configured Slack channels), every
 * Datadog monitor's query and thresholds, SLO limits, tag governance and escalation reach.
 */
import type { Product } from "../inputs/catalog/schema";
import { ENVIRONMENTS, PublicStackConfig } from "../inputs/config";
import type { Problem } from "../inputs/errors";
import { governanceProblems } from "../datadog/governance";
import { parseHandles } from "../datadog/handles";
import { validateMonitor } from "../datadog/queryValidator";
import { sloProblems } from "../datadog/slo";
import { withPartIds } from "../datadog/monitors";
import { escalationModel } from "../pagerduty/escalation";
import { pagerServiceNames } from "../pagerduty/service";
import { alertsOf, StackAlert, StackModel } from "./model";
import { PLATFORM } from "../datadog/usageBudget";

const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/;

const sourceOf = (a: Pick<StackAlert, "product">) =>
    a.product === PLATFORM.key ? "lib/datadog/usageBudget.ts" : `products/${a.product}.ts`;

/** Every monitor query must parse as the Datadog form of its type, and its thresholds must agree with it. */
export function queryProblems(alerts: ReadonlyArray<StackAlert>): Problem[] {
    return alertsOf(alerts, "datadog-monitor").flatMap((a) => {
        const parts = a.binding.parts ?? [];
        // A composite names its parts by Datadog id, known only once they exist: stand-in ids for the check.
        const ids = Object.fromEntries(parts.map((p, i) => [p.id, String(i + 1)]));
        return [{ id: a.id, monitor: withPartIds(a.binding.monitor, ids) }, ...parts.map((p) => ({ id: p.id, monitor: p }))].flatMap(
            ({ id, monitor }) => validateMonitor(monitor).map((e) => ({ source: sourceOf(a), field: `monitor ${id}: query`, message: e })),
        );
    });
}

export interface RoutingTargets {
    /** Names of the pager services the stack creates (PagerDuty services, registered in Datadog under that name). */
    pagerServices: ReadonlySet<string>;
    slackChannels: ReadonlySet<string>;
    paging: boolean;
}

/**
 * Every alert's route must reach something the stack creates or configures, and a Datadog message must carry
 * only its routes' handles (the text is what Datadog acts on).
 */
export function alertRoutingProblems(alerts: ReadonlyArray<StackAlert>, targets: RoutingTargets): Problem[] {
    const problems: Problem[] = [];
    for (const a of alerts) {
        const add = (message: string) => problems.push({ source: sourceOf(a), field: `alert ${a.id}`, message });
        const { pager, slackChannels, emails } = a.route;
        if (!pager && slackChannels.length === 0 && emails.length === 0) add("the alert notifies nobody");
        if (pager && !targets.paging) add(`pages ${pager.service}, but paging is off in this stack (routing.paging: false)`);
        else if (pager && !targets.pagerServices.has(pager.service))
            add(`pages "${pager.service}", which is not a pager service of this stack`);
        const channels = new Set([...slackChannels, ...(a.warningRoute?.slackChannels ?? [])]);
        for (const c of channels)
            if (!targets.slackChannels.has(c)) add(`#${c} is not a configured Slack channel (routing.slack.channels)`);
        for (const e of new Set([...emails, ...(a.warningRoute?.emails ?? [])]))
            if (!EMAIL.test(e)) add(`${e} is not a valid email address`);
        const message =
            a.binding.provider === "datadog-monitor"
                ? a.binding.monitor.message
                : a.binding.provider === "datadog-synthetic"
                  ? a.binding.test.message
                  : undefined;
        if (message !== undefined) {
            const routes = [a.route, ...(a.warningRoute ? [a.warningRoute] : [])];
            for (const h of parseHandles(message)) {
                const known = routes.some((r) =>
                    h.kind === "pagerduty"
                        ? r.pager?.service === h.target
                        : h.kind === "slack"
                          ? r.slackChannels.includes(h.target)
                          : h.kind === "email"
                            ? r.emails.includes(h.target)
                            : false,
                );
                if (!known) add(`the message notifies ${h.raw}, which is not on its route`);
            }
        }
    }
    return problems;
}

/** Problems of the stack as a whole; empty when it may be deployed. */
export function validateStack(model: StackModel): Problem[] {
    const { config } = model;
    const products: Product[] = model.products.map((p) => p.product);
    const problems = queryProblems([...model.alerts, ...model.organizationAlerts]);
    problems.push(...products.flatMap((p) => sloProblems(p, config.environment)));
    problems.push(...governanceProblems(products, [...ENVIRONMENTS], model.alerts));
    problems.push(
        ...alertRoutingProblems([...model.alerts, ...model.organizationAlerts], {
            pagerServices: new Set(pagerServiceNames(products, config.environment)),
            slackChannels: new Set(config.routing.slack.channels),
            paging: config.routing.paging,
        }),
    );
    problems.push(...products.flatMap((p) => escalationProblems(p, config)));
    return problems;
}

/** Every escalation policy of a product (its team's, and each component's) reaches two people at least. */
function escalationProblems(p: Product, config: PublicStackConfig): Problem[] {
    const policies = [
        { field: "escalation", handle: p.team.handle },
        ...p.componentRoutes.map((c) => ({ field: `componentRoutes[${c.component}]`, handle: c.oncallTeam })),
    ];
    // A missing rotation is reported by the config/catalog check.
    return policies
        .filter(({ handle }) => config.oncall.teams[handle])
        .map(({ field, handle }) => ({ field, responders: escalationModel(p, config.oncall, handle).responders }))
        .filter(({ responders }) => responders.length < 2)
        .map(({ field, responders }) => ({
            source: `products/${p.key}.ts`,
            field,
            message: `the escalation policy reaches ${responders.length} responder(s); at least two distinct people are needed`,
        }));
}
