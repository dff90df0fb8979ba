/**
 * Bad-input sweep: every config key and product spec field set to a wrong type, an out-of-range value or an
 * unknown name is rejected with a message naming it; several problems are listed at once.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { ProductSpec } from "../lib/inputs/catalog/schema";
import { loadCatalog, productSource } from "../lib/inputs/catalog/validate";
import { configCatalogProblems, namespaceValues, parseStackConfig } from "../lib/inputs/config";
import { formatProblem, isValidationError, thrownProblem } from "../lib/inputs/errors";
import { catalog } from "../products";
import { duplicateUrnProblems, stackConfigMap } from "../scripts/planner";
import { usageBudgetProblems } from "../lib/datadog/usageBudget";
import { stackConfig } from "./helpers/stackConfig";
import { PROJECT_DIR, RunResult } from "./helpers/run";
import {
    copyProject,
    fileProblems,
    key,
    PROJECT,
    runPlanAsync,
    StackDoc,
    stackDoc,
    stackText,
    variantProblems,
    writeVariant,
} from "./helpers/stackVariants";

const NS = "product-monitoring";
const FILE = "Pulumi.production.yaml";
const KEYS = catalog.map((p) => p.key);

function problemsOf(f: () => unknown): string[] {
    try {
        f();
        return [];
    } catch (e) {
        if (!isValidationError(e)) throw e;
        return e.problems.map(formatProblem);
    }
}

function configProblems(values: Record<string, unknown>): string[] {
    return problemsOf(() => {
        const c = parseStackConfig(values, FILE, KEYS);
        const extra = configCatalogProblems(c, loadCatalog(catalog), FILE);
        if (extra.length) throw Object.assign(new Error("x"), { name: "ValidationError", problems: extra });
    });
}

const production = (): Record<string, unknown> => namespaceValues(stackConfigMap(path.join(PROJECT_DIR, FILE), NS).config, NS);

type Leaf = { path: Array<string | number>; value: unknown };
/** Maps (records keyed by free names, e.g. team handles) accept any key: not checked for unknown names. */
const FREE_KEYED = new Set(["oncall.teams"]);

function dotted(p: Array<string | number>): string {
    return p.reduce<string>((acc, seg) => (typeof seg === "number" ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : seg), "");
}

function walk(value: unknown, at: Array<string | number> = [], leaves: Leaf[] = [], objects: Array<Array<string | number>> = []) {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...at, i], leaves, objects));
    else if (value && typeof value === "object") {
        if (!FREE_KEYED.has(dotted(at))) objects.push(at);
        for (const [k, v] of Object.entries(value)) walk(v, [...at, k], leaves, objects);
    } else leaves.push({ path: at, value });
    return { leaves, objects };
}

function setAt(root: Record<string, unknown>, p: Array<string | number>, v: unknown): Record<string, unknown> {
    const copy = JSON.parse(JSON.stringify(root));
    let node = copy;
    for (const seg of p.slice(0, -1)) node = node[seg];
    node[p[p.length - 1]] = v;
    return copy;
}

function wrongTypeFor(v: unknown): unknown {
    if (typeof v === "number") return "not-a-number";
    if (typeof v === "boolean") return "maybe";
    return 12345;
}

describe("config sweep: every key of Pulumi.production.yaml", () => {
    const { leaves, objects } = walk(production());

    it("has a sizeable config to sweep", () => {
        expect(leaves.length).toBeGreaterThan(40);
    });

    it.each(leaves.map((l) => [dotted(l.path), l]))("wrong type at %s is named", (name, leaf) => {
        const problems = configProblems(setAt(production(), (leaf as Leaf).path, wrongTypeFor((leaf as Leaf).value)));
        expect(problems.length).toBeGreaterThan(0);
        expect(problems.some((p) => p.startsWith(`${FILE}: ${name}`))).toBe(true);
    });

    it.each(objects.map((o) => [dotted(o) || "(top level)", o]))("unknown key under %s is named", (name, at) => {
        const p = [...(at as Array<string | number>), "bogusKey"];
        const problems = configProblems(setAt(production(), p, 1));
        expect(problems).toContain(`${FILE}: ${dotted(p)}: unknown key (check the spelling)`);
    });

    it.each(leaves.filter((l) => typeof l.value === "number").map((l) => [dotted(l.path), l]))(
        "negative value at %s is rejected",
        (name, leaf) => {
            const problems = configProblems(setAt(production(), (leaf as Leaf).path, -1));
            expect(problems.some((p) => p.startsWith(`${FILE}: ${name}`))).toBe(true);
        },
    );
});

describe("product spec sweep", () => {
    const bearo = () => JSON.parse(JSON.stringify(catalog.find((p) => p.key === "bearo"))) as ProductSpec & Record<string, any>;
    const load = (mutate: (p: any) => void) => {
        const p = bearo();
        mutate(p);
        return problemsOf(() => loadCatalog([p, ...catalog.filter((x) => x.key !== "bearo")]));
    };
    const firstMonitor = () => bearo().monitors[0].id;

    const cases: Array<[string, (p: any) => void, RegExp]> = [
        [
            "threshold of the wrong type",
            (p) => (p.monitors[0].critical = "5"),
            new RegExp(`^products/bearo\\.ts: monitors\\[${firstMonitor()}\\]\\.critical: .*number`),
        ],
        [
            "unknown severity",
            (p) => (p.monitors[0].severity = "P9"),
            new RegExp(`^products/bearo\\.ts: monitors\\[${firstMonitor()}\\]\\.severity: `),
        ],
        [
            "unknown surface",
            (p) => (p.monitors[0].surface = "mainframe"),
            new RegExp(`^products/bearo\\.ts: monitors\\[${firstMonitor()}\\]\\.surface: unknown surface "mainframe"`),
        ],
        [
            "invalid window",
            (p) => (p.monitors.find((m: any) => "window" in m.query).query.window = "5 minutes"),
            /^products\/bearo\.ts: monitors\[[a-z0-9-]+\]\.query\.window: must be a duration/,
        ],
        [
            "unknown field",
            (p) => (p.monitors[0].threshhold = 5),
            new RegExp(`^products/bearo\\.ts: monitors\\[${firstMonitor()}\\]: Unrecognized key`),
        ],
        [
            "warning on the wrong side",
            (p) => {
                const m = p.monitors.find((x: any) => x.warning !== undefined) ?? p.monitors[0];
                m.warning = m.comparator.startsWith(">") ? m.critical + 1 : m.critical - 1;
            },
            /\.warning: warning .* must sit on the safe side of critical/,
        ],
        ["SLO target out of range", (p) => (p.slos[0].target = 120), /^products\/bearo\.ts: slos\[[a-z0-9-]+\]\.target: /],
        ["negative retention", (p) => (p.logs.types[0].hotDays = -1), /^products\/bearo\.ts: logs\.types\[[a-z]+\]\.hotDays: /],
        [
            "invalid frequency",
            (p) => (p.synthetics[0].frequency = "fast"),
            /^products\/bearo\.ts: synthetics\[[a-z0-9-]+\]\.frequency: must be a duration/,
        ],
        ["invalid team email", (p) => (p.team.email = "nobody"), /^products\/bearo\.ts: team\.email: /],
        ["unknown surface kind", (p) => (p.surfaces[0].kind = "mainframe"), /^products\/bearo\.ts: surfaces\[[a-z0-9-]+\]\.kind: /],
        [
            "escalation out of order",
            (p) => (p.escalation.levels[1].startsAtMinute = 0),
            /^products\/bearo\.ts: escalation\.levels\[1\]\.startsAtMinute: level 2 must start after level 1/,
        ],
        [
            "duplicate monitor id",
            (p) => (p.monitors[1].id = p.monitors[0].id),
            /^products\/bearo\.ts: monitors: ".*" is used more than once/,
        ],
        [
            "secondary CloudWatch check of a test Route 53 cannot repeat",
            (p) => (p.cloudwatchSecondary = { synthetics: [p.synthetics.find((t: any) => t.kind === "multistep").id], source: "004 §x" }),
            /^products\/bearo\.ts: cloudwatchSecondary\.synthetics: "[a-z0-9-]+" is not an api synthetic of this product \(api synthetics: [a-z0-9-]+/,
        ],
        [
            "service used by another product",
            (p) => (p.surfaces[0].service = catalog.find((x) => x.key === "vivr")!.surfaces[0].service),
            /^products\/vivr\.ts: surfaces\[[a-z0-9-]+\]\.service: service ".*" is already used by product bearo/,
        ],
    ];

    it.each(cases)("%s is named with product and field", (_label, mutate, expected) => {
        const problems = load(mutate);
        expect(problems.filter((p) => expected.test(p))).toHaveLength(1);
    });

    it("lists every problem of every product at once", () => {
        const broken = catalog.map((p) => JSON.parse(JSON.stringify(p)));
        broken[0].monitors[0].critical = "high";
        broken[0].team.email = "nobody";
        broken[5].slos[0].target = 0;
        const problems = problemsOf(() => loadCatalog(broken));
        expect(problems).toHaveLength(3);
        expect(problems.map((p) => p.split(":")[0]).sort()).toEqual([
            `products/${broken[0].key}.ts`,
            `products/${broken[0].key}.ts`,
            `products/${broken[5].key}.ts`,
        ]);
    });

    it("rejects a duplicated product key", () => {
        const problems = problemsOf(() => loadCatalog([...catalog, catalog[0]]));
        expect(problems).toContain(`products/${catalog[0].key}.ts: key: product key "${catalog[0].key}" is defined more than once`);
    });
});

/**
 * Probe families of issue 17: broken variants of the committed production stack file, each rejected with the exact
 * line(s) naming file and key, as `npm run plan` prints them before building anything.
 */
describe("broken stack files: every probe family gets a clean rejection", () => {
    const P = "production";
    const F = `Pulumi.${P}.yaml`;
    const cfg = (d: StackDoc, k: string) => d.config[key(k)];
    const committed = stackDoc(P);
    const enabled: string[] = cfg(committed, "products");
    const channels: string[] = cfg(committed, "routing").slack.channels;
    const windows: Array<{ name: string }> = cfg(committed, "maintenanceWindows");
    const setSecret = (k: string) => `pulumi config set --secret ${k} --stack ${P}`;
    const notCiphertext = (k: string, found: string) =>
        `${F}: ${k}: secure: must be the ciphertext written by pulumi config set --secret (found ${found})`;
    const longestKey = enabled.reduce((a, b) => (b.length > a.length ? b : a));
    const hottest = loadCatalog(catalog)
        .filter((p) => enabled.includes(p.key))
        .flatMap((p) => p.logs.types.map((t) => ({ p: p.key, t: t.type, d: t.hotDays })))
        .sort((a, b) => b.d - a.d)[0];

    const cases: Array<[string, (d: StackDoc) => void, string[]]> = [
        [
            "environment of another stack",
            (d) => (d.config[key("environment")] = "staging"),
            [
                `${F}: environment: is "staging" but the stack is "production": resource names, tags and pages follow the environment, so it must be the stack's name`,
            ],
        ],
        [
            "misspelt nested keys",
            (d) => {
                cfg(d, "routing").slack.critcal = "x";
                cfg(d, "maintenanceWindows")[0].rrul = "FREQ=DAILY";
            },
            [
                `${F}: routing.slack.critcal: unknown key (did you mean "critical"?)`,
                `${F}: maintenanceWindows[0].rrul: unknown key (did you mean "rrule"?)`,
            ],
        ],
        [
            "plaintext credential under a misspelt key",
            (d) => (d.config["datadog:apikey"] = "abc"),
            [
                `${F}: datadog:apikey: unknown key (did you mean "datadog:apiKey"?); a credential must not be written in clear: ${setSecret("datadog:apiKey")}`,
            ],
        ],
        [
            "plaintext secret",
            (d) => (d.config[key("datadogApiKey")] = "0123456789abcdef"),
            [`${F}: datadogApiKey: is a secret but is written in clear; encrypt it: ${setSecret("datadogApiKey")}`],
        ],
        [
            "plaintext provider tokens",
            (d) =>
                Object.assign(d.config, { "pagerduty:token": "u+abc", "datadog:appKey": "abc", "sentry:token": "t", "aws:secretKey": "s" }),
            ["aws:secretKey", "datadog:appKey", "pagerduty:token", "sentry:token"].map(
                (k) =>
                    `${F}: ${k}: credential written in clear in the stack file; encrypt it: ${setSecret(k)} (or use the provider's environment variable)`,
            ),
        ],
        [
            "empty secure value",
            (d) => (d.config[key("datadogApiKey")] = { secure: "" }),
            [notCiphertext("datadogApiKey", "an empty string")],
        ],
        [
            "numeric secure value",
            (d) => (d.config[key("syntheticsPassword")] = { secure: 12345 }),
            [notCiphertext("syntheticsPassword", "a number")],
        ],
        [
            "secure value that is no ciphertext",
            (d) => (d.config[key("datadogApiKey")] = { secure: "my api key!" }),
            [notCiphertext("datadogApiKey", "text that is not a ciphertext")],
        ],
        [
            "nested secure value",
            (d) => (d.config[key("datadogApiKey")] = { secure: { value: "x" } }),
            [notCiphertext("datadogApiKey", "a mapping")],
        ],
        [
            "secure value with other keys",
            (d) => (d.config[key("datadogApiKey")] = { secure: "v1:YWJj", note: "x" }),
            [`${F}: datadogApiKey: a secure value takes no other keys (found note)`],
        ],
        [
            "public key written as secure",
            (d) => (d.config[key("hostPrefix")] = { secure: "v1:YWJj:ZGVm" }),
            [
                `${F}: hostPrefix: is public but written as secure: it would appear in clear in resource names and URLs; set it in plain text: pulumi config set hostPrefix <value> --stack ${P}`,
            ],
        ],
        [
            "two maintenance windows with one name",
            (d) => cfg(d, "maintenanceWindows").push({ ...windows[0] }),
            [`${F}: maintenanceWindows[${windows.length}].name: "${windows[0].name}" is listed twice (also at maintenanceWindows[0].name)`],
        ],
        [
            "archive shorter than the hot tier",
            (d) => (cfg(d, "logs").maxArchiveDays = hottest.d - 1),
            [
                `${F}: logs.maxArchiveDays: is ${hottest.d - 1} days, shorter than the ${hottest.d}-day hot retention of ${hottest.p}'s ${hottest.t} logs: archives must keep logs at least as long as the hot tier`,
            ],
        ],
        [
            "archive cap below the hot cap",
            (d) => Object.assign(cfg(d, "logs"), { maxHotDays: 30, maxArchiveDays: 14 }),
            [
                `${F}: logs.maxArchiveDays: is 14 days, shorter than logs.maxHotDays (30): archives must keep logs at least as long as the hot tier`,
            ],
        ],
        [
            "one synthetic location three times",
            (d) => (cfg(d, "synthetics").locations = ["aws:us-east-1", "aws:us-east-1", "aws:us-east-1"]),
            [
                `${F}: synthetics.locations[1]: "aws:us-east-1" is listed twice (also at synthetics.locations[0])`,
                `${F}: synthetics.locations[2]: "aws:us-east-1" is listed twice (also at synthetics.locations[0])`,
                `${F}: synthetics.minLocationsFailed: is 2 but only 1 distinct location is configured`,
            ],
        ],
        [
            "unknown time zone",
            (d) => (cfg(d, "oncall").timeZone = "Europe/Pariss"),
            [`${F}: oncall.timeZone: unknown time zone "Europe/Pariss" (an IANA name such as Europe/Paris, or UTC)`],
        ],
        [
            "unknown window time zone",
            (d) => (cfg(d, "maintenanceWindows")[0].timeZone = "CEST"),
            [`${F}: maintenanceWindows[0].timeZone: unknown time zone "CEST" (an IANA name such as Europe/Paris, or UTC)`],
        ],
        [
            "made-up AWS region",
            (d) => (d.config["aws:region"] = "us-east-7"),
            [`${F}: aws:region: unknown AWS region "us-east-7" (did you mean "us-east-1"?)`],
        ],
        [
            "region without Route 53's health-check metrics, with secondary checks enabled",
            (d) => (d.config["aws:region"] = "eu-west-1"),
            [
                `${F}: aws:region: must be us-east-1 (is eu-west-1): Route 53 publishes the health-check metrics that the CloudWatch alarms of ${catalog
                    .filter((p) => p.cloudwatchSecondary && enabled.includes(p.key))
                    .map((p) => p.key)
                    .join(", ")} watch only there`,
            ],
        ],
        [
            "made-up synthetic location",
            (d) => (cfg(d, "synthetics").locations[0] = "aws:mars-north-1"),
            [`${F}: synthetics.locations[0]: unknown Datadog managed location "aws:mars-north-1"`],
        ],
        [
            "location of another site",
            (d) => (cfg(d, "synthetics").locations[0] = "aws:us-gov-west-1"),
            [`${F}: synthetics.locations[0]: unknown Datadog managed location "aws:us-gov-west-1"`],
        ],
        [
            "bucket prefix S3 forbids",
            (d) => (cfg(d, "logs").archiveBucketPrefix = "xn--logs"),
            [`${F}: logs.archiveBucketPrefix: bucket name "xn--logs-${enabled[0]}" must not start with "xn--" (reserved by S3)`],
        ],
        [
            "bucket prefix too long once the product is appended",
            (d) => (cfg(d, "logs").archiveBucketPrefix = "l".repeat(63 - longestKey.length)),
            [
                `${F}: logs.archiveBucketPrefix: bucket name "${"l".repeat(63 - longestKey.length)}-${longestKey}" must be 3 to 63 characters long (it has 64)`,
            ],
        ],
        [
            "invalid RRULE day",
            (d) => (cfg(d, "maintenanceWindows")[0].rrule = "FREQ=WEEKLY;BYDAY=SUN"),
            [
                `${F}: maintenanceWindows[0].rrule: BYDAY: "SUN" is not a day (MO, TU, WE, TH, FR, SA, SU, optionally numbered as in 1MO or -1FR)`,
            ],
        ],
        [
            "absurd Sentry rate limit",
            (d) => (cfg(d, "sentry").keyRateLimit = { count: 100000000, windowSeconds: 60 }),
            [
                `${F}: sentry.keyRateLimit.count: 100000000 events per 60 s is 100000000 a minute; allowed: 10 to 100,000 a minute (below, alerts miss events; above, the quota is unprotected)`,
            ],
        ],
        [
            "Sentry rate limit that drops every event",
            (d) => (cfg(d, "sentry").keyRateLimit = { count: 1, windowSeconds: 86400 }),
            [
                `${F}: sentry.keyRateLimit.count: 1 event per 86400 s is 0.00069 a minute; allowed: 10 to 100,000 a minute (below, alerts miss events; above, the quota is unprotected)`,
            ],
        ],
        [
            "Sentry rate-limit window under a minute",
            (d) => (cfg(d, "sentry").keyRateLimit = { count: 10, windowSeconds: 1 }),
            [`${F}: sentry.keyRateLimit.windowSeconds: Too small: expected number to be >=60`],
        ],
        [
            "near-zero price",
            (d) => (cfg(d, "synthetics").prices.apiPer10kRuns = 0.0001),
            [
                `${F}: synthetics.prices.apiPer10kRuns: must be at least $1.00, a fifth of Datadog's list price ($5): a lower price defeats the budget check`,
            ],
        ],
        [
            "price in the wrong unit",
            (d) => (cfg(d, "synthetics").prices.browserPer1kRuns = 12000),
            [`${F}: synthetics.prices.browserPer1kRuns: must be at most $120, ten times Datadog's list price ($12): check the unit`],
        ],
        [
            "unknown product under sentry.pagerduty",
            (d) => (cfg(d, "sentry").pagerduty = { integration: "PagerDuty", services: { [`${enabled[0]}x`]: 1 } }),
            [`${F}: sentry.pagerduty.services.${enabled[0]}x: "${enabled[0]}x" is not an enabled product (enabled: ${enabled.join(", ")})`],
        ],
        [
            "duplicated product",
            (d) => cfg(d, "products").push(enabled[0]),
            [`${F}: products[${enabled.length}]: "${enabled[0]}" is listed twice (also at products[0])`],
        ],
        [
            "duplicated channel",
            (d) => cfg(d, "routing").slack.channels.push(channels[0]),
            [`${F}: routing.slack.channels[${channels.length}]: "${channels[0]}" is listed twice (also at routing.slack.channels[0])`],
        ],
        [
            "duplicated on-call user",
            (d) => cfg(d, "oncall").users.push({ ...cfg(d, "oncall").users[0] }),
            (() => {
                const users: Array<{ id: string; email: string }> = cfg(committed, "oncall").users;
                return [
                    `${F}: oncall.users[${users.length}].id: duplicate user id "${users[0].id}"`,
                    `${F}: oncall.users[${users.length}].email: duplicate email "${users[0].email}"`,
                ];
            })(),
        ],
        [
            "paging off in production",
            (d) => (cfg(d, "routing").paging = false),
            [`${F}: routing.paging: is false in production: no P0 alert would page the on-call (only staging turns paging off)`],
        ],
    ];

    it.each(cases)("%s", (_label, edit, expected) => {
        expect(expected.length).toBeGreaterThan(0);
        expect(variantProblems(P, edit)).toEqual(expected);
    });

    const text = stackText(P);
    const line = (needle: string) => text.split("\n").findIndex((l) => l.includes(needle)) + 1;
    const textCases: Array<[string, string, string[]]> = [
        [
            "YAML syntax error",
            text.replace("    paging: true", "    paging: [true"),
            [
                `${F}: line ${line("    paging: true") + 1}, column 5: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]`,
            ],
        ],
        [
            "a key given twice",
            text.replace("  aws:region: us-east-1", "  aws:region: us-east-1\n  aws:region: us-west-2"),
            [`${F}: line ${line("aws:region") + 1}, column 3: YAML syntax error: Map keys must be unique`],
        ],
        [
            "config that is a list",
            "config:\n  - aws:region: us-east-1\n",
            [`${F}: config: must be a mapping of keys to values (found a list)`],
        ],
        ["config that is a string", "config: production\n", [`${F}: config: must be a mapping of keys to values (found a string)`]],
        ["a file that is a list", "- config\n", [`${F}: (file): must be a mapping with a "config:" key (found a list)`]],
        [
            "misspelt project key",
            text.replace(`${PROJECT}:routing:`, `${PROJECT}:routng:`),
            [`${F}: routng: unknown key (did you mean "routing"?)`],
        ],
        ["top-level typo", text.replace(/^config:/m, "confg:"), [`${F}: confg: unknown key (did you mean "config"?)`]],
        [
            "wrong namespace",
            text.split(`${PROJECT}:`).join("product-monitorng:"),
            [`${F}: product-monitorng: unknown namespace (did you mean "${PROJECT}"?)`],
        ],
        [
            "one key in a wrong namespace",
            text.replace(`${PROJECT}:hostPrefix`, "monitoring:hostPrefix"),
            [`${F}: monitoring: unknown namespace (check the spelling)`],
        ],
    ];
    it.each(textCases)("%s", (_label, content, expected) => {
        expect(fileProblems(P, content)).toEqual(expected);
    });

    it("reports several mistakes of different kinds in one run", () => {
        const problems = variantProblems(P, (d) => {
            d.config[key("environment")] = "staging";
            d.config["pagerduty:token"] = "u+abc";
            d.config[key("datadogApiKey")] = { secure: "" };
            cfg(d, "routing").digestEmail = "nobody";
            cfg(d, "oncall").timeZone = "Mars/Olympus";
            cfg(d, "synthetics").locations.push(cfg(d, "synthetics").locations[0]);
            cfg(d, "sentry").pagerduty = { integration: "PagerDuty", services: { nope: 1 } };
            d.config[key("colour")] = "blue";
        });
        const locations: string[] = cfg(committed, "synthetics").locations;
        expect(problems.sort()).toEqual(
            [
                notCiphertext("datadogApiKey", "an empty string"),
                `${F}: colour: unknown key (check the spelling)`,
                `${F}: environment: is "staging" but the stack is "production": resource names, tags and pages follow the environment, so it must be the stack's name`,
                `${F}: oncall.timeZone: unknown time zone "Mars/Olympus" (an IANA name such as Europe/Paris, or UTC)`,
                `${F}: pagerduty:token: credential written in clear in the stack file; encrypt it: ${setSecret("pagerduty:token")} (or use the provider's environment variable)`,
                `${F}: routing.digestEmail: Invalid email address`,
                `${F}: sentry.pagerduty.services.nope: "nope" is not an enabled product (enabled: ${enabled.join(", ")})`,
                `${F}: synthetics.locations[${locations.length}]: "${locations[0]}" is listed twice (also at synthetics.locations[0])`,
            ].sort(),
        );
    });

    it("accepts provider settings that are not credentials, even when close to one", () => {
        expect(
            variantProblems(P, (d) =>
                Object.assign(d.config, {
                    "datadog:apiUrl": "https://api.datadoghq.eu",
                    "aws:profile": "ops",
                    "sentry:baseUrl": "https://sentry.io/api/",
                    "pagerduty:serviceRegion": "eu",
                }),
            ),
        ).toEqual([]);
    });

    it("checks the stack name against the environments", () => {
        expect(fileProblems("qa", text)).toEqual([
            `Pulumi.qa.yaml: environment: the stack "qa" is not an environment (production, staging): a stack is named after its environment`,
        ]);
    });
});

describe("the offline plan refuses what Pulumi refuses", () => {
    const r = (urn: string, parent: string | null, name?: string) => ({
        urn,
        type: "datadog:index/downtimeSchedule:DowntimeSchedule",
        name: urn.split("::").pop()!,
        parent,
        custom: true,
        inputs: name ? { name } : {},
        dependsOn: [],
        options: { protect: false, retainOnDelete: false, aliases: 0, ignoreChanges: [], additionalSecretOutputs: [] },
    });
    it("names each duplicate URN with both registrations", () => {
        const urn = "urn:pulumi:production::product-monitoring::x$datadog:index/downtimeSchedule:DowntimeSchedule::w";
        expect(duplicateUrnProblems([r(urn, "urn:a", "one"), r(urn, "urn:b"), r(`${urn}2`, "urn:a")]).map(formatProblem)).toEqual([
            `plan: ${urn}: duplicate URN: registered 2 times, under urn:a ("one") and under urn:b; Pulumi refuses this, give each a unique name`,
        ]);
    });

    it("names the product spec a runtime error comes from", () => {
        const e = new TypeError("Cannot read properties of undefined (reading 'steps')");
        e.stack = `TypeError: ${e.message}\n    at helper (/p/lib/datadog/synthetics.ts:10:5)\n    at Object.<anonymous> (/p/products/vivr.ts:42:7)\n    at Module._compile (node:internal/modules/cjs/loader:1521:14)`;
        expect(formatProblem(thrownProblem(e, "/p"))).toBe(
            "products/vivr.ts: (module): throws: Cannot read properties of undefined (reading 'steps')",
        );
        e.stack = `TypeError: ${e.message}\n    at helper (/p/lib/datadog/synthetics.ts:10:5)`;
        expect(formatProblem(thrownProblem(e, "/p"))).toBe(
            "index.ts: (program): throws: Cannot read properties of undefined (reading 'steps') (PLAN_DEBUG=1 prints the stack trace)",
        );
    });
});

describe("npm run plan on broken input: exit 1, every problem, no stack trace", () => {
    const P = "production";
    const F = `Pulumi.${P}.yaml`;
    const runs: Record<string, Promise<RunResult>> = {};
    const spec = productSource(catalog[0].key);
    let combinedFile = "";
    let tmp = "";
    let copy = "";
    afterAll(() => {
        for (const dir of [copy, tmp, path.dirname(combinedFile)]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    beforeAll(() => {
        // Started together: each is a separate process (most stop before building any resource).
        tmp = fs.mkdtempSync(path.join(os.tmpdir(), "plan-args-"));
        runs.environment = runPlanAsync(PROJECT_DIR, [
            "--stack",
            P,
            "--config",
            writeVariant(
                P,
                (() => {
                    const d = stackDoc(P);
                    d.config[key("environment")] = "staging";
                    return d;
                })(),
            ),
        ]);
        runs.yaml = runPlanAsync(PROJECT_DIR, [
            "--stack",
            P,
            "--config",
            writeVariant(P, stackText(P).replace("    paging: true", "    paging: [true")),
        ]);
        const d = stackDoc(P);
        d.config[key("routing")].paging = false;
        d.config["pagerduty:token"] = "u+abc";
        d.config[key("routing")].slack.channels.push(d.config[key("routing")].slack.channels[0]);
        d.config[key("synthetics")].monthlyBudgetUsd = 1;
        combinedFile = writeVariant(P, d);
        runs.combined = runPlanAsync(PROJECT_DIR, ["--stack", P, "--config", combinedFile]);
        copy = copyProject();
        fs.appendFileSync(path.join(copy, spec), "\nexport const broken = (undefined as unknown as { steps: string[] }).steps.length;\n");
        runs.spec = runPlanAsync(copy, ["--stack", P]);
    }, 30000);

    const noTrace = (r: RunResult) => expect(r.stderr + r.stdout).not.toMatch(/\n\s+at |node:internal|\.ts:\d+:\d+/);

    it("an environment that is not the stack's", async () => {
        const r = await runs.environment;
        expect([r.status, r.stderr.trim().split("\n")]).toEqual([
            1,
            [
                "plan failed: 1 problem",
                `${F}: environment: is "staging" but the stack is "production": resource names, tags and pages follow the environment, so it must be the stack's name`,
            ],
        ]);
        noTrace(r);
    }, 120000);

    it("a YAML syntax error, with file, line and column", async () => {
        const r = await runs.yaml;
        expect(r.status).toBe(1);
        const line =
            stackText(P)
                .split("\n")
                .findIndex((l) => l.includes("    paging: true")) + 2;
        expect(r.stderr.trim().split("\n")).toEqual([
            "plan failed: 1 problem",
            `${F}: line ${line}, column 5: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]`,
        ]);
        noTrace(r);
    }, 120000);

    it("config, budget and policy problems together; paging off in production is one line", async () => {
        const r = await runs.combined;
        const lines = r.stderr.trim().split("\n");
        const channels: string[] = stackDoc(P).config[key("routing")].slack.channels;
        expect(r.status).toBe(1);
        // A budget too small for the plan's shares: one line per share that buys nothing (org-managing stack only).
        const config = stackConfig(P);
        const shares = config.datadog.manageOrganizationResources
            ? usageBudgetProblems({ synthetics: { ...config.synthetics, monthlyBudgetUsd: 1 } }, F).map(formatProblem)
            : [];
        expect(lines.slice(5)).toEqual(shares);
        expect(lines.slice(0, 4)).toEqual([
            `plan failed: ${4 + shares.length} problems`,
            `${F}: pagerduty:token: credential written in clear in the stack file; encrypt it: pulumi config set --secret pagerduty:token --stack ${P} (or use the provider's environment variable)`,
            `${F}: routing.slack.channels[${channels.length}]: "${channels[0]}" is listed twice (also at routing.slack.channels[0])`,
            `${F}: routing.paging: is false in production: no P0 alert would page the on-call (only staging turns paging off)`,
        ]);
        expect(lines[4]).toMatch(
            new RegExp(
                `^${F.replace(/\./g, "\\.")}: synthetics\\.monthlyBudgetUsd: estimated \\$[\\d.]+/month exceeds the budget of \\$1\\.00`,
            ),
        );
        expect(lines).toHaveLength(5 + shares.length);
        noTrace(r);
    }, 180000);

    it("a product spec that throws is named", async () => {
        const r = await runs.spec;
        expect([r.status, r.stderr.trim().split("\n")]).toEqual([
            1,
            ["plan failed: 1 problem", `${spec}: (module): throws: Cannot read properties of undefined (reading 'steps')`],
        ]);
        noTrace(r);
    }, 120000);

    it.each([
        [
            "a --config that does not exist",
            () => ["--stack", P, "--config", path.join(tmp, "Pulumi.production.yaml")],
            () => [`${path.join(tmp, "Pulumi.production.yaml")}: no such stack config file`],
        ],
        [
            "a --config of another stack",
            () => ["--stack", P, "--config", path.join(PROJECT_DIR, "Pulumi.staging.yaml")],
            () => [
                `usage: --config ${path.join(PROJECT_DIR, "Pulumi.staging.yaml")} is the config of stack "staging", not of --stack ${P}`,
            ],
        ],
        [
            "an --out in a missing directory",
            () => ["--stack", P, "--out", path.join(tmp, "no", "plan.json")],
            () => [`${path.join(tmp, "no", "plan.json")}: directory ${path.join(tmp, "no")} does not exist`],
        ],
        ["an --out that is a directory", () => ["--stack", P, "--out", tmp], () => [`${tmp}: is a directory; --out takes a file name`]],
        [
            "an --out over the config file",
            () => ["--stack", P, "--config", combinedFile, "--out", combinedFile],
            () => [`usage: --out ${combinedFile} would overwrite the stack config file`],
        ],
        ["an option given twice", () => ["--stack", P, "--stack", "staging"], () => ["usage: --stack is given twice"]],
    ])(
        "refuses %s before planning",
        async (_label, args, expected) => {
            const r = await runPlanAsync(PROJECT_DIR, args());
            expect([r.status, r.stderr.trim().split("\n"), r.stdout]).toEqual([1, expected(), ""]);
        },
        60000,
    );
});
