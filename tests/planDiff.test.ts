/**
 * plan:diff on real plans: before = the shared production plan, after = the same plan with the edits a spec or
 * config change makes (a threshold, a route, a rotation, a dashboard widget, a new product). Monitors and products
 * are chosen from the plan, never named here. Hand-made fixtures (tests/fixtures/plans) carry the alert model's
 * `alerts` array with simulation results, which today's plans do not have yet.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as YAML from "yaml";
import {
    alertsOf,
    diffPlans,
    sameRoute,
    fieldChanges,
    GITHUB_COMMENT_LIMIT,
    inlineDiff,
    lineDiff,
    parseDocument,
    renderDiff,
} from "../lib/tooling/planDiff";
import { productOf, type Plan, type PlanResource } from "../lib/tooling/plan";
import { catalog } from "../products";
import { isCompositePart, loadPlan, MONITOR } from "./helpers/plan";
import { PROJECT_DIR, runScript } from "./helpers/run";
import { stackConfig } from "./helpers/stackConfig";
import { enabledProducts } from "./helpers/catalog";
import { productPagerServices } from "../lib/model/routing";

const base = loadPlan("production").plan;
const clone = (): Plan => JSON.parse(JSON.stringify(base));
const product = productOf(base);
const displayName = (p: string) => catalog.find((c) => c.key === p)!.displayName;
const FIXTURES = path.join(__dirname, "fixtures", "plans");
const fixture = (name: string): Plan => JSON.parse(fs.readFileSync(path.join(FIXTURES, name), "utf8"));

/** The handles of a Datadog message, read independently of the code under test. */
const handles = (r: PlanResource): string[] => [...new Set(String(r.inputs.message).match(/@(pagerduty|slack)-[\w-]+/g) ?? [])];
const routeText = (r: PlanResource) => {
    const h = handles(r);
    const pager = h.filter((x) => x.startsWith("@pagerduty-")).map((x) => `pages <code>${x}</code>`);
    const slack = h.filter((x) => x.startsWith("@slack-")).map((x) => `<code>\\#${x.slice(7)}</code>`);
    return [...pager, ...(slack.length ? [`posts ${slack.join(", ")}`] : [])].join(", ");
};

/** A P0 monitor with a percentage threshold that pages, like BEARO's payment failure rate. */
function percentP0(plan: Plan): PlanResource {
    const found = plan.resources.find(
        (r) =>
            r.type === MONITOR &&
            r.inputs.priority === "1" &&
            (r.inputs.type === "metric alert" || r.inputs.type === "query alert") &&
            / > \d+$/.test(String(r.inputs.query)) &&
            /\*\*Threshold:\*\* (critical )?> \d+ %/.test(String(r.inputs.message)) &&
            String(r.inputs.message).includes("@pagerduty-") &&
            (r.inputs.monitorThresholds as Record<string, string>).critical !== undefined,
    );
    if (!found) throw new Error("no paging P0 monitor with a % threshold in the production plan");
    return found;
}

/** The plan's `alerts` entry (the alert model) of a monitor resource, named `<product>-<alert id>`. */
function alertRowOf(plan: Plan, r: PlanResource) {
    const p = product(r);
    const row = plan.alerts?.find((a) => a.product === p && `${p}-${a.id}` === r.name);
    if (!row) throw new Error(`no alerts entry for ${r.name}`);
    return row;
}

/**
 * Lowers the monitor's critical threshold by one where the spec change shows up: the resource's query,
 * thresholds and message, and the plan's `alerts` entry. A recovery threshold (hysteresis) moves in proportion.
 */
function lowerThreshold(plan: Plan, r: PlanResource, retitle: boolean) {
    const row = alertRowOf(plan, r);
    const thresholds = r.inputs.monitorThresholds as Record<string, string>;
    const from = Number(thresholds.critical);
    const to = from - 1;
    const recovery =
        thresholds.criticalRecovery === undefined
            ? undefined
            : {
                  from: Number(thresholds.criticalRecovery),
                  to: Math.round(((Number(thresholds.criticalRecovery) * to) / from) * 100) / 100,
              };
    r.inputs.query = String(r.inputs.query).replace(/ > \d+$/, ` > ${to}`);
    thresholds.critical = String(to);
    if (recovery) {
        thresholds.criticalRecovery = String(recovery.to);
        r.inputs.message = String(r.inputs.message).replace(`recovers at ${recovery.from} %`, `recovers at ${recovery.to} %`);
        expect(row.thresholds.criticalRecovery).toBe(recovery.from);
        row.thresholds.criticalRecovery = recovery.to;
        row.threshold = row.threshold.replace(`recovers at ${recovery.from} `, `recovers at ${recovery.to} `);
    }
    const title = String(r.inputs.name).replace(/^\[[^\]]+\] /, "");
    // The message restates the title in its heading and recovery line: those change only with the title.
    r.inputs.message = String(r.inputs.message)
        .split("\n")
        .map((l) => (!retitle && l.includes(title) ? l : l.replace(`> ${from} %`, `> ${to} %`).split(`${from}%`).join(`${to}%`)))
        .join("\n");
    if (retitle) r.inputs.name = String(r.inputs.name).split(`${from}%`).join(`${to}%`);
    expect(row.thresholds.critical).toBe(from);
    row.thresholds.critical = to;
    row.threshold = row.threshold.replace(` ${from} `, ` ${to} `);
    if (retitle) {
        row.title = row.title.split(`${from}%`).join(`${to}%`);
        row.name = row.name.split(`${from}%`).join(`${to}%`);
    }
    // What the alerting summary should say about it.
    const change = `critical ${from}% → ${to}%${recovery ? `; critical recovery ${recovery.from}% → ${recovery.to}%` : ""}`;
    return { from, to, change };
}

describe("value diffs", () => {
    it("marks the changed word of a long query with a few words of context", () => {
        const q =
            "sum(last_10m):(sum:shop.payments.failed{env:production,service:shop-api}.as_count() / sum:shop.payments.attempted{env:production,service:shop-api}.as_count()) * 100 > 5";
        expect(inlineDiff(q, q.replace(/5$/, "4"))).toBe("<code>…-api}.as\\_count\\(\\)\\) \\* 100 &gt; <del>5</del><ins>4</ins></code>");
        expect(inlineDiff("Payment failure rate above 5% for 10 minutes", "Payment failure rate above 4% for 10 minutes")).toBe(
            "<code>… failure rate above <del>5</del><ins>4</ins>% for 10 minutes</code>",
        );
    });

    it("shows strings that share little, and numbers, whole: before → after", () => {
        expect(inlineDiff("abc def", "xyz uvw")).toBe("<code>abc def</code> → <code>xyz uvw</code>");
        expect(inlineDiff("4.5", "3.5")).toBe("<code>4.5</code> → <code>3.5</code>");
    });

    it("diffs multi-line text line by line with one line of context", () => {
        const before = ["# title", "a", "b", "c", "d", "e", "f"].join("\n");
        const after = ["# title", "a", "b", "C", "d", "e", "f"].join("\n");
        expect(lineDiff(before, after)).toBe(["```diff", " …", " b", "-c", "+C", " d", " …", "```"].join("\n"));
        expect(lineDiff("x\n```\ny", "x\n```\nz").split("\n")[0]).toBe("````diff");
    });

    it("diffs JSON and YAML documents held in strings by path, arrays aligned so an insertion is one change", () => {
        const dash = (widgets: unknown[]) => JSON.stringify({ title: "t", widgets });
        const w = (q: string) => ({ definition: { requests: [{ q }] } });
        expect(fieldChanges({ dashboard: dash([w("a"), w("b")]) }, { dashboard: dash([w("new"), w("a"), w("c")]) })).toEqual([
            { path: "dashboard.widgets[0]", before: undefined, after: w("new") },
            { path: "dashboard.widgets[2].definition.requests[0].q", before: "b", after: "c" },
        ]);
        const entity = (owner: string) => `apiVersion: v3\nkind: service\nmetadata:\n  name: x\n  owner: ${owner}\n`;
        expect(fieldChanges({ entity: entity("a") }, { entity: entity("b") })).toEqual([
            { path: "entity.metadata.owner", before: "a", after: "b" },
        ]);
        // Alert messages are Markdown, not YAML, even when a line looks like `key: value`.
        expect(parseDocument("## BEARO: Payment failure\n\n**Threshold:** 5")).toBeUndefined();
    });

    it("never reveals secrets: both sides show [secret]", () => {
        expect(fieldChanges({ serviceKey: "[secret]", a: 1 }, { serviceKey: "[secret]", a: 2 })).toEqual([
            { path: "a", before: 1, after: 2 },
        ]);
    });
});

describe("alerting summary on real plan edits", () => {
    it("finds nothing between a plan and itself", () => {
        const d = diffPlans(base, clone());
        expect([d.changed, d.alerts, d.routing]).toEqual([false, [], []]);
        expect(renderDiff(d, base, base)).toBe("## Plan diff: `production`\n\nNo changes.\n");
    });

    it("derives the alerts of plans without an `alerts` array from their resources, as the alert model has them", () => {
        const alerts = alertsOf({ ...base, alerts: undefined });
        const alerting = base.resources.filter(
            (r) =>
                [
                    MONITOR,
                    "datadog:index/syntheticsTest:SyntheticsTest",
                    "datadog:index/securityMonitoringRule:SecurityMonitoringRule",
                    "sentry:index/sentryIssueAlert:SentryIssueAlert",
                    "sentry:index/sentryMetricAlert:SentryMetricAlert",
                    "aws:cloudwatch/metricAlarm:MetricAlarm",
                ].includes(r.type) && !isCompositePart(r), // a composite's parts alert through it
        );
        expect(alerts.map((a) => a.id)).toEqual(alerting.map((r) => r.name));
        const m = percentP0(base);
        const view = alerts.find((a) => a.id === m.name)!;
        const critical = (m.inputs.monitorThresholds as Record<string, string>).critical;
        expect(view).toMatchObject({
            product: product(m),
            title: String(m.inputs.name).replace(/^\[[^\]]+\] /, ""),
            severity: "P0",
            thresholds: { critical },
            comparator: ">",
            unit: "%",
            window: /last_(\w+)/.exec(String(m.inputs.query))![1],
            route: { pager: handles(m).find((h) => h.startsWith("@pagerduty-")) },
        });
        // Every monitor derived from its resource agrees with the alert model's entry on severity, threshold, route.
        const model = new Map(alertsOf(base).map((a) => [`${a.product}-${a.id}`, a]));
        const monitors = alerts.filter((a) => a.kind?.startsWith("monitor"));
        const disagree = monitors
            .filter((a) => {
                const row = model.get(a.id);
                return (
                    !row ||
                    row.severity !== a.severity ||
                    row.thresholds.critical !== a.thresholds.critical ||
                    !sameRoute(row.route, a.route)
                );
            })
            .map((a) => a.id);
        expect(monitors.length).toBeGreaterThan(0);
        expect(disagree).toEqual([]);
    });

    /** The simulation cell of an alert whose figures did not change, from the plan's own `alerts` row. */
    const simulated = (m: PlanResource) => {
        const row = base.alerts!.find((a) => `${a.product}-${a.id}` === m.name)!.simulation!;
        return `detect ${row.detectSeconds} s (unchanged), pages/week ${row.pagesPerWeek} (unchanged), pages/incident ${row.pagesPerIncident} (unchanged)`;
    };

    it("a lowered threshold: the first lines state the new threshold, the unchanged route, and the title that now lies", () => {
        const head = clone();
        const m = percentP0(head);
        const { from, to, change } = lowerThreshold(head, m, false);
        const title = String(m.inputs.name).replace(/^\[[^\]]+\] /, "");
        const md = renderDiff(diffPlans(base, head), base, head);
        const thresholdLine = (r: PlanResource) =>
            String(r.inputs.message)
                .split("\n")
                .find((l) => l.startsWith("**Threshold:**"))!;
        const titleWarning = title.includes(`${from}%`) ? `; ⚠️ title still says “${title.replace(/[()]/g, (c) => `\\${c}`)}”` : "";
        expect(md.split("\n").slice(0, 9)).toEqual([
            "## Plan diff: `production`",
            "",
            `Alerts: 1 changed, 0 added, 0 removed. Resources: 0 to add, 1 to change, 0 to remove, 0 URN changes (0 would replace); ${base.resources.length} → ${head.resources.length}.`,
            "",
            "### Alerting",
            "",
            "| | alert | change | route | simulated: time to detect a hard outage, pages |",
            "| --- | --- | --- | --- | --- |",
            `| ✏️ | ${displayName(product(m))}: ${title.replace(/[()]/g, (c) => `\\${c}`)} (P0) | ${change}${titleWarning} | ${routeText(m)} (unchanged) | ${simulated(m)} |`,
        ]);
        // The plans carry the simulator's figures: the consequence is stated (here: unchanged, the edit is plan-level).
        expect(md).not.toContain("(no simulation in these plans)");
        // The resource details show the change, not the common prefix.
        expect(md).toContain(`  - \`query\`: <code>…`);
        expect(md).toContain(` &gt; <del>${from}</del><ins>${to}</ins></code>`);
        expect(thresholdLine(m)).toContain(`> ${to} %`);
        expect(md).toContain(`\n    -${thresholdLine(percentP0(base))}\n`);
        expect(md).toContain(`\n    +${thresholdLine(m)}\n`);
        expect(md).not.toMatch(/^ {4}[-+]## /m);
    });

    it("a retitled threshold change has no warning and shows the title's change inline", () => {
        const head = clone();
        const m = percentP0(head);
        const { change } = lowerThreshold(head, m, true);
        const row = diffPlans(base, head).alerts;
        expect(row.map((c) => [c.kind, c.warnings])).toEqual([["changed", []]]);
        expect(row[0].changes.slice(0, -1).join("; ")).toBe(change);
        expect(row[0].changes[row[0].changes.length - 1]).toMatch(/^title <code>.*<del>\d+<\/del><ins>\d+<\/ins>%/);
    });

    it("a route handle moved to another channel", () => {
        const head = clone();
        const m = head.resources.find(
            (r) => r.type === MONITOR && r.inputs.priority === "2" && handles(r).includes("@slack-alerts-critical"),
        )!;
        m.inputs.message = String(m.inputs.message).split("@slack-alerts-critical").join("@slack-alerts-warning");
        const row = alertRowOf(head, m);
        row.route.slack = row.route.slack.map((c) => (c === "alerts-critical" ? "alerts-warning" : c));
        row.handles = row.handles.map((h) => (h === "@slack-alerts-critical" ? "@slack-alerts-warning" : h));
        const [change] = diffPlans(base, head).alerts;
        expect(change.changes).toEqual(["posts +<code>\\#alerts-warning</code> −<code>\\#alerts-critical</code>"]);
        expect(renderDiff(diffPlans(base, head), base, head)).toContain(`| ${routeText(m)} (changed) |`);
    });

    it("a rotation user swapped: the routing summary names the people", () => {
        const head = clone();
        const schedule = head.resources.find((r) => r.type === "pagerduty:index/schedule:Schedule" && r.name.endsWith("-primary"))!;
        const p = product(schedule);
        const rotation = stackConfig("production").oncall.teams[catalog.find((c) => c.key === p)!.team.handle];
        const backup = head.resources.find((r) => r.name === `${p}-backup`)!;
        const users = (schedule.inputs.layers as Array<{ users: string[] }>)[0].users;
        users[1] = (backup.inputs.layers as Array<{ users: string[] }>)[0].users[0];
        const d = diffPlans(base, head);
        expect(d.alerts).toEqual([]);
        expect(d.routing).toEqual([
            {
                product: p,
                subject: "primary rotation",
                changes: [
                    `rotation ${rotation.primary.join(", ")} → ${[rotation.primary[0], rotation.backup[0], ...rotation.primary.slice(2)].join(", ")}`,
                ],
            },
        ]);
        expect(renderDiff(d, base, head)).toContain(`| ${displayName(p)} | primary rotation | rotation ${rotation.primary.join(", ")} → `);
    });

    it("a person leaving a team", () => {
        const head = clone();
        const membership = head.resources.find(
            (r) => r.type === "pagerduty:index/teamMembership:TeamMembership" && r.inputs.role === "responder",
        )!;
        head.resources = head.resources.filter((r) => r !== membership);
        const who = membership.name.slice(`${product(membership)}-member-`.length);
        expect(stackConfig("production").oncall.users.map((u) => u.id)).toContain(who);
        expect(diffPlans(base, head).routing).toEqual([
            { product: product(membership), subject: "team", changes: [`−${who} (responder)`] },
        ]);
    });

    it("an escalation delay changed", () => {
        const head = clone();
        const policy = head.resources.find((r) => r.type === "pagerduty:index/escalationPolicy:EscalationPolicy")!;
        const rules = policy.inputs.rules as Array<{ escalationDelayInMinutes: number }>;
        const before = rules[1].escalationDelayInMinutes;
        rules[1].escalationDelayInMinutes = before + 5;
        expect(diffPlans(base, head).routing).toEqual([
            {
                product: product(policy),
                subject: "escalation policy",
                changes: [`level 2 escalates after ${before} min → ${before + 5} min`],
            },
        ]);
    });

    it("a dashboard widget query: the path inside the dashboard JSON and the changed word", () => {
        const head = clone();
        const dash = head.resources.find(
            (r) => r.type === "datadog:index/dashboardJson:DashboardJson" && /"q":/.test(String(r.inputs.dashboard)),
        )!;
        const doc = JSON.parse(String(dash.inputs.dashboard));
        // The first widget with a query, inside groups or not: its path, found here independently.
        const find = (widgets: any[], at: string): { widget: any; path: string } | undefined => {
            for (const [i, w] of widgets.entries()) {
                if (w.definition.requests?.[0]?.q?.includes("env:production"))
                    return { widget: w, path: `${at}[${i}].definition.requests[0].q` };
                const inner = w.definition.widgets && find(w.definition.widgets, `${at}[${i}].definition.widgets`);
                if (inner) return inner;
            }
            return undefined;
        };
        const { widget, path: at } = find(doc.widgets, "widgets")!;
        widget.definition.requests[0].q = widget.definition.requests[0].q.replace("env:production", "env:production,region:eu");
        dash.inputs.dashboard = JSON.stringify(doc);
        const d = diffPlans(base, head);
        expect(d.alerts).toEqual([]);
        expect(d.products.flatMap((p) => p.changed.map((c) => [c.resource.name, c.fields.map((f) => f.path)]))).toEqual([
            [dash.name, [`dashboard.${at}`]],
        ]);
        expect(renderDiff(d, base, head)).toMatch(
            / changed `[\w-]+` \(DashboardJson\)\n {2}- `dashboard\.[^`]+`: <code>…[^<]*env:production,?<ins>,?region:eu,?<\/ins>[^<]*<\/code>\n/,
        );
    });

    it("a new product (another's resources renamed): its alerts added, its routing added, its section collapsed", () => {
        const [donor] = [...new Set(base.resources.map(product))].filter((p) => p !== "(stack)" && catalog.some((c) => c.key === p));
        const copy = base.resources
            .filter((r) => product(r) === donor)
            .map((r) => JSON.parse(JSON.stringify(r).split(donor).join("newprod")) as PlanResource);
        const head = clone();
        head.resources.push(...copy);
        const donorAlerts = base.alerts!.filter((a) => a.product === donor);
        head.alerts!.push(...donorAlerts.map((a) => JSON.parse(JSON.stringify(a).split(donor).join("newprod"))));
        const d = diffPlans(base, head);
        expect(d.alerts.map((c) => [c.kind, c.after!.product])).toEqual(Array(donorAlerts.length).fill(["added", "newprod"]));
        expect(
            d.routing
                .filter((r) => r.changes[0] === "added")
                .map((r) => r.subject)
                .sort(),
        ).toEqual(["Datadog → PagerDuty service", "PagerDuty service", "backup rotation", "escalation policy", "primary rotation"]);
        expect(d.products.map((p) => [p.product, p.added.length])).toEqual([["newprod", copy.length]]);
        const md = renderDiff(d, base, head);
        expect(md).toContain(`<details>\n<summary><b>newprod</b>: ${copy.length} added</summary>`);

        // Too long for the budget: the resource details go first, and the comment says so and where the rest is.
        const comment = renderDiff(d, base, head, { maxChars: md.length - 100, fullDiffAt: "the `plan-diff` artifact" });
        expect(comment.length).toBeLessThanOrEqual(md.length - 100);
        expect(comment).toContain(
            "> Cut to fit GitHub's comment limit: the resource details of newprod. The full diff is in the `plan-diff` artifact.",
        );
        expect(comment).toContain(`- <b>newprod</b>: ${copy.length} added (details cut)`);
        const tiny = renderDiff(d, base, head, { maxChars: 4000, fullDiffAt: "the `plan-diff` artifact" });
        expect(tiny.length).toBeLessThanOrEqual(4000);
        expect(tiny).toMatch(
            /> Cut to fit GitHub's comment limit: \d+ alert row\(s\), \d+ routing row\(s\), the resource details of newprod\./,
        );
    });

    it("compares options too: protection lost is a change", () => {
        const head = clone();
        const retained = head.resources.find((r) => r.options.retainOnDelete)!;
        retained.options.retainOnDelete = false;
        const d = diffPlans(base, head);
        expect(d.products.flatMap((p) => p.changed.map((c) => [c.resource.name, c.fields]))).toEqual([
            [retained.name, [{ path: "(options) retainOnDelete", before: true, after: false }]],
        ]);
    });

    it("URN changes: a rename without alias is a replacement, with alias a rename", () => {
        const head = clone();
        const [a, b] = head.resources.filter((r) => r.type === MONITOR);
        a.urn = `${a.urn}-v2`;
        a.name = `${a.name}-v2`;
        b.urn = `${b.urn}-v2`;
        b.name = `${b.name}-v2`;
        b.options.aliases = 1;
        const d = diffPlans(base, head);
        expect(d.alerts).toEqual([]);
        const md = renderDiff(d, base, head);
        expect(md).toContain("> 1 resource(s) change URN without an alias: `pulumi up` would **delete and recreate** them");
        expect(md).toContain(`- ⚠️ **replaced** (URN change): \`${a.name.replace(/-v2$/, "")}\` → \`${a.name}\` (Monitor)`);
        expect(md).toContain(`- 🔁 renamed (alias, no replacement): \`${b.name.replace(/-v2$/, "")}\` → \`${b.name}\` (Monitor)`);
    });
});

describe("alerts with simulation (hand-made fixtures with the alert model's `alerts` array)", () => {
    const sb = fixture("simulated-base.json");
    const sh = fixture("simulated-head.json");

    it("states time to detect and pages per week before → after, and flags a P0 now slower than 120 s", () => {
        const md = renderDiff(diffPlans(sb, sh), sb, sh);
        const route =
            "pages <code>@pagerduty-bearo-production</code>, posts <code>\\#alerts-critical</code>, <code>\\#bearo-alerts</code> (unchanged)";
        expect(md.split("\n").slice(4, 17)).toEqual([
            "### Alerting",
            "",
            "| | alert | change | route | simulated: time to detect a hard outage, pages |",
            "| --- | --- | --- | --- | --- |",
            `| ✏️ | BEARO: API down (P0) | window 2m → 5m | ${route} | detect 110 s → 330 s, pages/incident 1 (unchanged) |`,
            `| ✏️ | BEARO: Payment failure rate above 4% (P0) | critical 5% → 4%; title <code>… failure rate above <del>5</del><ins>4</ins>%</code> | ${route} | detect 90 s (unchanged), pages/week 0.3 → 0.8, pages/incident 1 (unchanged) |`,
            "| ➕ | VIVR: Checkout errors above 2% (P1) | added: critical &gt; 2%, window 5m | posts <code>\\#alerts-critical</code>, <code>\\#vivr-alerts</code> | detect 300 s, pages/week 0, pages/incident 0 |",
            "| ➖ | VIVR: Orders lower than usual (P2) | removed | was: posts <code>\\#alerts-warning</code> | — |",
            "",
            "> [!WARNING]",
            "> P0 alert(s) no longer detect a hard outage within 120 s (simulated): BEARO: API down (110 s → 330 s).",
            "",
            "### Resources",
        ]);
        expect(md).not.toContain("no simulation in these plans");
    });

    it("compares alerts derived from resources when only one plan has the `alerts` array", () => {
        const head = { ...sh, alerts: undefined };
        const d = diffPlans(sb, head);
        expect(d.notes).toEqual([
            "Only the base plan has an `alerts` array: alerts are compared as derived from the resources of both plans, without simulation.",
        ]);
        expect(d.alerts.map((c) => [c.kind, c.after!.id, c.changes[0]])).toEqual([
            ["changed", "bearo-payment-failure-rate", "critical 5 → 4"],
        ]);
    });
});

describe("npm run plan:diff", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "diff-"));
    const file = (name: string, content: unknown) => {
        fs.writeFileSync(path.join(dir, name), typeof content === "string" ? content : JSON.stringify(content));
        return path.join(dir, name);
    };

    it("prints the comment and exits 2 when something changed, 0 when not; --out gets the full diff", () => {
        const head = clone();
        lowerThreshold(head, percentP0(head), false);
        const b = file("base.json", base);
        const h = file("head.json", head);
        const changed = runScript("planDiff.ts", [b, h, "--out", path.join(dir, "diff.md")]);
        expect(changed.status).toBe(2);
        expect(changed.stdout.split("\n")[0]).toBe("## Plan diff: `production`");
        expect(fs.readFileSync(path.join(dir, "diff.md"), "utf8")).toBe(changed.stdout);
        const same = runScript("planDiff.ts", [b, b]);
        expect([same.status, same.stdout]).toEqual([0, "## Plan diff: `production`\n\nNo changes.\n"]);
    });

    it("refuses two different stacks in one line unless --allow-different-stacks; keeps the comment under GitHub's limit", () => {
        const staging = loadPlan("staging").plan;
        const b = file("staging.json", staging);
        const h = file("production.json", base);
        const refused = runScript("planDiff.ts", [b, h]);
        expect([refused.status, refused.stderr]).toEqual([
            1,
            `plan:diff: ${b} is stack staging, ${h} is stack production: refusing to diff different stacks (pass --allow-different-stacks to compare them anyway)\n`,
        ]);
        const allowed = runScript("planDiff.ts", [
            b,
            h,
            "--allow-different-stacks",
            "--out",
            path.join(dir, "full.md"),
            "--full-diff-at",
            "the `plan-diff` artifact",
        ]);
        expect(allowed.status).toBe(2);
        expect(allowed.stdout).toContain(
            "> Different stacks: base is `product-monitoring/staging`, head is `product-monitoring/production`.",
        );
        const full = fs.readFileSync(path.join(dir, "full.md"), "utf8");
        expect(full.length).toBeGreaterThan(GITHUB_COMMENT_LIMIT);
        expect(allowed.stdout.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
        expect(allowed.stdout).toMatch(/> Cut to fit GitHub's comment limit: .*The full diff is in the `plan-diff` artifact\./);
    });

    it("a real config edit, planned again: a rotation reordered and alert grouping lengthened, in words", () => {
        const doc = YAML.parse(fs.readFileSync(path.join(PROJECT_DIR, "Pulumi.production.yaml"), "utf8"));
        const oncall = doc.config["product-monitoring:oncall"];
        // A team whose primary rotation can be reversed without pairing anyone with themselves as backup.
        const [team, rotation] = Object.entries(oncall.teams as Record<string, { primary: string[]; backup: string[] }>).find(
            ([, r]) => r.primary.length > 1 && [...r.primary].reverse().every((u, i) => r.backup[i % r.backup.length] !== u),
        )!;
        const primary = [...rotation.primary];
        const reversed = [...primary].reverse();
        oncall.teams[team].primary = reversed;
        const minutes = oncall.alertGroupingMinutes;
        oncall.alertGroupingMinutes = minutes + 5;
        const config = file("Pulumi.production.yaml", YAML.stringify(doc));
        const planned = runScript("plan.ts", [
            "--stack",
            "production",
            "--config",
            config,
            "--out",
            path.join(dir, "edited.json"),
            "--quiet",
        ]);
        expect([planned.status, planned.stderr]).toEqual([0, ""]);
        const head = JSON.parse(fs.readFileSync(path.join(dir, "edited.json"), "utf8")) as Plan;
        const d = diffPlans(base, head);
        const teamProducts = catalog
            .filter((c) => c.team.handle === team && stackConfig("production").products.includes(c.key))
            .map((c) => c.key);
        expect(d.alerts).toEqual([]);
        expect(d.routing.filter((r) => r.subject === "primary rotation")).toEqual(
            teamProducts.map((p) => ({
                product: p,
                subject: "primary rotation",
                changes: [`rotation ${primary.join(", ")} → ${reversed.join(", ")}`],
            })),
        );
        expect(d.routing.filter((r) => r.subject === "PagerDuty service")).toEqual(
            // Every pager service of the stack: a product whose plan pages at low urgency has two.
            enabledProducts("production")
                .flatMap((p) =>
                    productPagerServices(p, "production").map(() => ({
                        product: p.key,
                        subject: "PagerDuty service",
                        changes: [`alert grouping time ${minutes} min → time ${minutes + 5} min`],
                    })),
                )
                .sort((x, y) => x.product.localeCompare(y.product)),
        );
    }, 120000); // one more `npm run plan` (~10-20 s alone, slower when the suite shares the machine)

    it("names every bad input in one line each, without a stack trace (exit 1)", () => {
        const missing = path.join(dir, "missing.json");
        const badJson = file("bad.json", "{ not json");
        const badShape = file("shape.json", {
            stack: "production",
            project: "product-monitoring",
            resources: [{ urn: 1, type: "t", name: "n", parent: null, inputs: {}, options: {} }],
        });
        const r = runScript("planDiff.ts", [missing, badJson]);
        expect(r.status).toBe(1);
        expect(r.stderr.split("\n")).toEqual([
            `plan:diff: ${missing}: file not found`,
            expect.stringMatching(new RegExp(`^plan:diff: ${badJson}: \\(root\\): not valid JSON \\(`)),
            "",
        ]);
        const s = runScript("planDiff.ts", [badShape, badShape]);
        expect(s.status).toBe(1);
        expect(s.stderr).toContain(`plan:diff: ${badShape}: resources[0].urn: Invalid input: expected string, received number\n`);
        expect(s.stderr).toContain(
            `plan:diff: ${badShape}: resources[0].options.protect: Invalid input: expected boolean, received undefined\n`,
        );
        expect(s.stderr).not.toMatch(/\n\s+at /);
        const usage = runScript("planDiff.ts", [badShape]);
        expect([usage.status, usage.stderr]).toEqual([1, expect.stringContaining("usage: npm run plan:diff -- <base.json> <head.json>")]);
    });
});
