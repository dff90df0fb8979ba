/** Stack config validation: one schema, unknown keys rejected, every problem named and listed at once. */
import * as fs from "fs";
import * as path from "path";
import { Region } from "@pulumi/aws/types/enums";
import { loadCatalog } from "../lib/inputs/catalog/validate";
import { configCatalogProblems, namespaceValues, parseStackConfig } from "../lib/inputs/config";
import { AWS_REGIONS, isKnownTimeZone } from "../lib/inputs/config/known";
import { rruleProblems } from "../lib/inputs/config/rrule";
import { bucketNameProblems } from "../lib/inputs/config/s3";
import { formatProblem, isValidationError } from "../lib/inputs/errors";
import { stackConfigMap } from "../scripts/planner";
import { catalog } from "../products";
import { PROJECT_DIR, runScript } from "./helpers/run";
import { STACKS } from "./helpers/constants";
import { fileProblems, key, stackDoc, writeVariant } from "./helpers/stackVariants";

const NS = "product-monitoring";
const FILE = "Pulumi.production.yaml";

function productionValues(): Record<string, unknown> {
    const { config } = stackConfigMap(path.join(PROJECT_DIR, FILE), NS);
    return namespaceValues(config, NS);
}

/** Sets a dotted path (a.b[0].c) in a deep copy. */
function withValue(values: Record<string, unknown>, dotted: string, value: unknown): Record<string, unknown> {
    const copy = JSON.parse(JSON.stringify(values));
    const keys = dotted.replace(/\[(\d+)\]/g, ".$1").split(".");
    let node = copy;
    for (const k of keys.slice(0, -1)) node = node[k];
    if (value === undefined) delete node[keys[keys.length - 1]];
    else node[keys[keys.length - 1]] = value;
    return copy;
}

function problemLines(values: Record<string, unknown>): string[] {
    try {
        const config = parseStackConfig(
            values,
            FILE,
            catalog.map((p) => p.key),
        );
        return configCatalogProblems(config, loadCatalog(catalog), FILE).map(formatProblem);
    } catch (e) {
        if (!isValidationError(e)) throw e;
        return e.problems.map(formatProblem);
    }
}

describe("the committed stack configs", () => {
    it.each(STACKS)("Pulumi.%s.yaml is valid, file and config", (stack) => {
        expect(fileProblems(stack, fs.readFileSync(path.join(PROJECT_DIR, `Pulumi.${stack}.yaml`), "utf8"))).toEqual([]);
    });

    it("passes objects JSON-encoded and secure values as secret keys, as the CLI does", () => {
        const { config, secretKeys } = stackConfigMap(path.join(PROJECT_DIR, FILE), NS, { datadogApiKey: "k" });
        expect(JSON.parse(config[`${NS}:routing`]).paging).toBe(true);
        expect(config[`${NS}:datadogApiKey`]).toBe("k");
        expect(secretKeys.sort()).toEqual([`${NS}:datadogApiKey`, `${NS}:syntheticsPassword`]);
        expect(config["aws:region"]).toBe("us-east-1");
    });
});

describe("bad config values are rejected with the key named", () => {
    const cases: Array<[string, string, unknown, RegExp]> = [
        ["wrong type", "routing.paging", "yes", /^Pulumi\.production\.yaml: routing\.paging: .*boolean/],
        [
            "negative number",
            "synthetics.monthlyBudgetUsd",
            -5,
            /^Pulumi\.production\.yaml: synthetics\.monthlyBudgetUsd: .*(>0|positive|greater)/i,
        ],
        ["out of range", "synthetics.frequencyMultiplier", 0, /^Pulumi\.production\.yaml: synthetics\.frequencyMultiplier: /],
        [
            "unknown top-level key",
            "routng",
            { paging: true },
            /^Pulumi\.production\.yaml: routng: unknown key \(did you mean "routing"\?\)$/,
        ],
        ["unknown nested key", "routing.slack.critcal", "x", /^Pulumi\.production\.yaml: routing\.slack\.critcal: unknown key/],
        ["unknown product", "products[0]", "bearoo", /^Pulumi\.production\.yaml: products\[0\]: unknown product "bearoo"/],
        ["invalid environment", "environment", "prod", /^Pulumi\.production\.yaml: environment: /],
        ["invalid email", "routing.digestEmail", "not-an-email", /^Pulumi\.production\.yaml: routing\.digestEmail: /],
        [
            "unknown on-call user",
            "oncall.teams.bearo.lead",
            "zoe",
            /^Pulumi\.production\.yaml: oncall\.teams\.bearo\.lead: unknown on-call user "zoe"/,
        ],
        [
            "bad location",
            "synthetics.locations[0]",
            "mars-1",
            /^Pulumi\.production\.yaml: synthetics\.locations\[0\]: must be a managed location/,
        ],
        ["missing section", "sentry", undefined, /^Pulumi\.production\.yaml: sentry: missing \(required\)$/],
        [
            "P0 muted in maintenance",
            "maintenanceWindows[0].muteSeverities",
            ["P0"],
            /maintenanceWindows\[0\]\.muteSeverities: P0 alerts are never muted/,
        ],
    ];
    it.each(cases)("%s (%s)", (_label, k, value, expected) => {
        const lines = problemLines(withValue(productionValues(), k, value));
        expect(lines.some((l) => expected.test(l))).toBe(true);
    });

    it("lists every problem at once", () => {
        let values = withValue(productionValues(), "routing.paging", "yes");
        values = withValue(values, "synthetics.monthlyBudgetUsd", -1);
        values = withValue(values, "typo", 1);
        const lines = problemLines(values);
        expect(lines).toHaveLength(3);
        expect(lines.map((l) => l.split(": ")[1]).sort()).toEqual(["routing.paging", "synthetics.monthlyBudgetUsd", "typo"]);
    });

    it("runs the cross-field rules of the sections that parsed when another section is broken", () => {
        let values = withValue(productionValues(), "routing.digestEmail", "nobody");
        const locations = (values.synthetics as { locations: string[] }).locations;
        values = withValue(values, "synthetics.locations", [...locations, locations[0]]);
        expect(problemLines(values)).toEqual([
            `${FILE}: routing.digestEmail: Invalid email address`,
            `${FILE}: synthetics.locations[${locations.length}]: "${locations[0]}" is listed twice (also at synthetics.locations[0])`,
        ]);
    });
});

describe("reference data", () => {
    it("knows every AWS region of the installed @pulumi/aws (and only those)", () => {
        expect([...AWS_REGIONS].sort()).toEqual(Object.values(Region).sort());
    });

    it("checks time zones against the IANA database, plus UTC", () => {
        const valid = ["UTC", "Europe/Paris", "America/New_York", "Asia/Kolkata", "Asia/Calcutta", "Europe/Kyiv", "Etc/GMT+5"];
        expect(valid.filter((tz) => !isKnownTimeZone(tz))).toEqual([]);
        expect(["Europe/Pariss", "CEST", "EST", "utc", "Mars/Olympus", "+01:00", ""].filter(isKnownTimeZone)).toEqual([]);
    });

    it.each([
        ["FREQ=WEEKLY;BYDAY=SU", []],
        ["FREQ=MONTHLY;BYDAY=1MO,-1FR;BYHOUR=2;BYMINUTE=30", []],
        ["FREQ=DAILY;INTERVAL=2;COUNT=10", []],
        ["FREQ=WEEKLY;BYDAY=SUN", ['BYDAY: "SUN" is not a day (MO, TU, WE, TH, FR, SA, SU, optionally numbered as in 1MO or -1FR)']],
        ["FREQ=HOURLY", ['FREQ: unknown frequency "HOURLY" (allowed: DAILY, WEEKLY, MONTHLY)']],
        ["FREQ=DAILY;BYHOUR=25", ["BYHOUR: 25 is out of range (0..23)"]],
        ["FREQ=DAILY;INTERVAL=0", ["INTERVAL: 0 is out of range (1..1000)"]],
        ["FREQ=MONTHLY;BYMONTHDAY=40", ["BYMONTHDAY: 40 is out of range (±1..±31)"]],
        ["BYDAY=SU", ["FREQ is required, e.g. FREQ=WEEKLY;BYDAY=SU"]],
        [
            "FREQ=WEEKLY;DTSTART=20260104T020000Z",
            [
                "unknown property DTSTART (allowed: FREQ, INTERVAL, COUNT, UNTIL, BYDAY, BYHOUR, BYMINUTE, BYMONTHDAY, BYYEARDAY, BYWEEKNO, BYMONTH, BYSETPOS, WKST; the window's start and durationMinutes set the timing)",
            ],
        ],
        ["FREQ=WEEKLY;FREQ=DAILY", ["FREQ is given twice"]],
        ["FREQ=WEEKLY;;", ['"" is not a NAME=VALUE part', '"" is not a NAME=VALUE part']],
    ])("RRULE %s", (rule, expected) => {
        expect(rruleProblems(rule)).toEqual(expected);
    });

    it.each([
        ["bearifiedco-logs-production-bearo", []],
        ["logs.example.com-bearo", []],
        ["ab", ["must be 3 to 63 characters long (it has 2)"]],
        ["a".repeat(64), ["must be 3 to 63 characters long (it has 64)"]],
        [
            "Logs_Bucket",
            [
                'may contain only lowercase letters, digits, dots and hyphens (found "L", "_", "B")',
                "must begin and end with a letter or a digit",
            ],
        ],
        ["-logs", ["must begin and end with a letter or a digit"]],
        ["logs..archive", ["must not contain two adjacent dots"]],
        ["192.168.10.1", ["must not be formatted as an IP address"]],
        ["xn--logs", ['must not start with "xn--" (reserved by S3)']],
        ["sthree-logs", ['must not start with "sthree-" (reserved by S3)']],
        ["amzn-s3-demo-logs", ['must not start with "amzn-s3-demo-" (reserved by S3)']],
        ["logs-s3alias", ['must not end with "-s3alias" (reserved by S3)']],
        ["logs--ol-s3", ['must not end with "--ol-s3" (reserved by S3)']],
        ["logs.mrap", ['must not end with ".mrap" (reserved by S3)']],
        ["logs--x-s3", ['must not end with "--x-s3" (reserved by S3)']],
        ["logs--table-s3", ['must not end with "--table-s3" (reserved by S3)']],
    ])("S3 bucket name %s", (name, expected) => {
        expect(bucketNameProblems(name)).toEqual(expected);
    });
});

describe("npm run plan on bad input", () => {
    it("exits 1 and prints each problem on its own line, without a stack trace", () => {
        const doc = stackDoc("production");
        doc.config[key("routing")].paging = "sometimes";
        doc.config[key("products")] = ["bearo", "unknown-product"];
        doc.config[key("synthetics")].retries = -1;
        doc.config[key("colour")] = "blue";
        const file = writeVariant("production", doc);
        const r = runScript("plan.ts", ["--stack", "production", "--config", file]);
        expect(r.status).toBe(1);
        const lines = r.stderr.trim().split("\n");
        expect(lines[0]).toBe("plan failed: 4 problems");
        const expected = [
            /^Pulumi\.production\.yaml: colour: unknown key \(check the spelling\)$/,
            /^Pulumi\.production\.yaml: routing\.paging: .*boolean/,
            /^Pulumi\.production\.yaml: synthetics\.retries: /,
            /^Pulumi\.production\.yaml: products\[1\]: unknown product "unknown-product"/,
        ];
        expect(lines).toHaveLength(1 + expected.length);
        for (const re of expected) expect(lines.filter((l) => re.test(l))).toHaveLength(1);
        expect(r.stderr + r.stdout).not.toMatch(/\n\s+at /);
        expect(r.stdout).toBe("");
    });

    it("rejects a missing --stack with usage", () => {
        const r = runScript("plan.ts", []);
        expect(r.status).toBe(1);
        expect(r.stderr).toMatch(/--stack <name> is required/);
    });
});
