/**
 * From a state timeline to notifications and pages: Datadog's message conditionals (`{{#is_alert}}` ...), the
 * re-notification interval and statuses, and PagerDuty's de-duplication (one incident per alert until it resolves).
 */
import { isLowUrgencyPagerService } from "../model/naming";
import type { AlertEvaluation, Notification, SimRoute, State, Transition } from "./types";

export function routeHandles(r: SimRoute): string[] {
    return [
        ...(r.pager ? [`@pagerduty-${r.pager.service}`] : []),
        ...r.slackChannels.map((c) => `@slack-${c}`),
        ...r.emails.map((e) => `@${e}`),
    ];
}

const HANDLE = /@(?:pagerduty|slack|webhook|opsgenie)-[A-Za-z0-9_.-]+|@[^\s@`]+@[^\s@`]+/g;

/** Which template variables are true for a notification in `state` (recovery: the state it recovered from). */
function conditionVars(state: State, recoveredFrom?: State): Record<string, boolean> {
    const recovery = recoveredFrom !== undefined;
    return {
        is_alert: !recovery && state === "ALERT",
        is_warning: !recovery && state === "WARN",
        is_no_data: !recovery && state === "NO DATA",
        is_recovery: recovery,
        is_alert_recovery: recovery && recoveredFrom === "ALERT",
        is_warning_recovery: recovery && recoveredFrom === "WARN",
        is_alert_to_warning: false,
        is_renotify: false,
    };
}

/**
 * The text of a Datadog message as sent for `state`: `{{#is_x}}…{{/is_x}}` kept when x holds, `{{^is_x}}…{{/is_x}}`
 * when it does not; unknown variables are kept (Datadog's other conditionals do not decide routing here).
 */
export function renderMessage(message: string, state: State, recoveredFrom?: State): string {
    const vars = conditionVars(state, recoveredFrom);
    const token = /\{\{([#^/])\s*([a-z_]+)[^}]*\}\}/g;
    let out = "";
    let last = 0;
    const stack: boolean[] = [];
    const visible = () => stack.every(Boolean);
    for (const m of message.matchAll(token)) {
        if (visible()) out += message.slice(last, m.index);
        last = m.index! + m[0].length;
        const [, sigil, name] = m;
        if (sigil === "/") stack.pop();
        else stack.push(name in vars ? (sigil === "#" ? vars[name] : !vars[name]) : true);
    }
    if (visible()) out += message.slice(last);
    return out;
}

/** Handles a notification reaches: those of the message as rendered for the state, or the route's. */
export function handlesFor(route: SimRoute, message: string | undefined, state: State, recoveredFrom?: State): string[] {
    if (message === undefined) return routeHandles(route);
    return [...new Set(renderMessage(message, state, recoveredFrom).match(HANDLE) ?? [])];
}

export interface NotifyPolicy {
    route: SimRoute;
    message?: string;
    /** Minutes between re-notifications while in one of `renotifyStatuses` (0/undefined: never). */
    renotifyMinutes?: number;
    /** Datadog statuses: "alert", "warn", "no data". */
    renotifyStatuses?: string[];
    /** Whether entering NO DATA notifies (notify_no_data / show_and_notify_no_data). */
    notifyNoData: boolean;
    end: number;
}

const STATUS: Record<State, string> = { OK: "ok", WARN: "warn", ALERT: "alert", "NO DATA": "no data" };

/** A handle that pages: a PagerDuty service of high urgency (a low-urgency incident notifies without waking anyone). */
export const isPagerHandle = (h: string) => h.startsWith("@pagerduty-") && !isLowUrgencyPagerService(h.slice("@pagerduty-".length));

/**
 * Notifications of a timeline and the PagerDuty incidents they open. A notification carrying a PagerDuty handle
 * triggers an event with the alert's dedup key: it opens an incident unless one of this alert is open; a recovery
 * reaching PagerDuty resolves it.
 */
export function notificationsOf(transitions: ReadonlyArray<Transition>, p: NotifyPolicy): Pick<AlertEvaluation, "notifications" | "pages"> {
    const notifications: Notification[] = [];
    const notifies = (s: State) => s === "ALERT" || s === "WARN" || (s === "NO DATA" && p.notifyNoData);
    const renotify = p.renotifyMinutes ? p.renotifyMinutes * 60 : 0;
    const statuses = new Set(p.renotifyStatuses ?? ["alert"]);
    let lastNotifiedState: State = "OK";
    for (let i = 0; i < transitions.length; i++) {
        const tr = transitions[i];
        const until = i + 1 < transitions.length ? transitions[i + 1].at : p.end;
        if (notifies(tr.to)) {
            notifications.push({ at: tr.at, state: tr.to, reason: "trigger", handles: handlesFor(p.route, p.message, tr.to) });
            lastNotifiedState = tr.to;
            if (renotify && statuses.has(STATUS[tr.to])) {
                for (let t = tr.at + renotify; t < until; t += renotify) {
                    notifications.push({ at: t, state: tr.to, reason: "renotify", handles: handlesFor(p.route, p.message, tr.to) });
                }
            }
        } else if (tr.to === "OK" && lastNotifiedState !== "OK") {
            notifications.push({
                at: tr.at,
                state: "OK",
                reason: "recovery",
                handles: handlesFor(p.route, p.message, "OK", lastNotifiedState),
            });
            lastNotifiedState = "OK";
        }
    }
    const pages: number[] = [];
    let open = false;
    for (const n of notifications) {
        const toPager = n.handles.some(isPagerHandle);
        if (!toPager) continue;
        if (n.reason === "recovery") open = false;
        else if (!open) {
            pages.push(n.at);
            open = true;
        }
    }
    return { notifications, pages };
}

/** Records state changes as they are evaluated. */
export class Timeline {
    readonly transitions: Transition[] = [];
    constructor(public state: State = "OK") {}
    set(at: number, to: State, value: number | null): void {
        if (to === this.state) return;
        this.transitions.push({ at, from: this.state, to, value });
        this.state = to;
    }
}

/** The first evaluation at or after `opts.evaluateFrom`, on the evaluation grid. */
export function firstEvaluation(opts: { evaluateFrom?: number }, every: number): number {
    return Math.max(every, Math.ceil((opts.evaluateFrom ?? every) / every) * every);
}
