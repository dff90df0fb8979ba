/**
 * `npm run new-product -- <key> [--dir <folder>]`: writes `products/<key>.ts`, a documented starting spec built from
 * the factories. It fails catalog validation ("still TODO") until every `TODO:` value is replaced; then it passes the
 * catalog rules as written. Prints the remaining steps. Exit 2 on a bad or existing key.
 */
import * as fs from "fs";
import * as path from "path";
import { catalog } from "../products";

const PROJECT_DIR = path.resolve(__dirname, "..");
const KEY = /^[a-z][a-z0-9-]*$/;

/** The starting spec of product `key`, importing the factories from `libDir` and the escalation from `productsDir`. */
export function starterSpec(key: string, imports: { catalog: string; products: string }): string {
    const id = key.replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
    const display = key
        .split("-")
        .map((w) => w[0].toUpperCase() + w.slice(1))
        .join(" ");
    return `/**
 * ${display} — TODO: one line on what the product is.
 * Plan: TODO: the plan this spec implements (shared/seeds/<n>_*.txt). Every threshold cites its section in \`source\`.
 *
 * Started by \`npm run new-product\`. Replace every "TODO: …" value (catalog validation lists the ones left), keep
 * what applies, delete what does not, and add the plan's own thresholds with the factories of
 * lib/inputs/catalog/factories.ts. Durations carry their unit (ms(500), s(1.5)); titles and texts say {critical},
 * {warning} and {window} instead of repeating the numbers. The rules every product must meet are in README.md,
 * "Adding a product".
 */
import { apmErrorRate, apmLatency, healthCheck, serviceCheck, sslCheck } from "${imports.catalog}/factories";
import type { ProductSpec } from "${imports.catalog}/schema";
import { s } from "${imports.catalog}/units";
import { COMPANY_ESCALATION } from "${imports.products}/defaults";

/** The APM operation of the API (dd-trace): "next.request", "flask.request", "fastapi.request", "web.request"... */
const SPAN = "TODO: the API's APM operation, e.g. next.request";

export const ${id}: ProductSpec = {
    key: "${key}",
    displayName: "${display}",
    company: "TODO: the company that owns the product",
    description: "TODO: what the product does and what is revenue-critical in it",
    team: {
        handle: "${key}",
        name: "${display} Team",
        email: "TODO: the team's email address",
        // Also list it under routing.slack.channels in both stack files.
        slackChannel: "${key}-alerts",
    },
    // 1 = revenue-critical, 3 = best effort.
    tier: 2,
    lifecycle: "production",
    plan: "TODO: the plan's title and file",
    surfaces: [
        // What the product runs; \`service\` is the Datadog service tag its telemetry carries.
        // runtime "vercel" forbids host metrics on the surface (no hosts); "hosts", "containers", "managed" otherwise.
        { name: "api", kind: "api", service: "${key}-api", language: "TODO: language", framework: "TODO: framework", host: "TODO: the API's production host name" },
        { name: "web", kind: "web", service: "${key}-web", language: "TODO: language", framework: "TODO: framework", host: "TODO: the site's production host name" },
    ],
    monitors: [
        // Availability: the rule "every API surface has a service-down monitor or a health synthetic".
        serviceCheck({
            id: "api-down", surface: "api", severity: "P0", check: "http.can_connect", title: "API down",
            whatHappened: "The HTTP check against the API health endpoint failed twice in a row, so the API is unreachable.",
            firstSteps: ["Open the health endpoint from outside the network and note the status code", "Roll back the latest deployment if it is recent"],
            source: "TODO: the plan section that asks for downtime alerts",
        }),
        // Error rate with a volume floor: at least minRequests requests in the window before a percentage can alert.
        apmErrorRate({
            id: "api-error-rate", surface: "api", severity: "P1", span: SPAN, minRequests: 100, critical: 1,
            title: "API error rate above {critical}",
            whatHappened: "More than {critical} of API requests failed over the last {window}.",
            firstSteps: ["Open APM errors by endpoint", "Compare with the latest deployment marker; roll back if the errors started with it"],
            source: "TODO: the plan section with the error-rate threshold",
        }),
        apmLatency({
            id: "api-p95-latency", surface: "api", severity: "P1", span: SPAN, critical: s(3),
            title: "API p95 response time above {critical}",
            whatHappened: "The 95th percentile API response time exceeded {critical} over the last {window}.",
            firstSteps: ["Open APM latency by resource to find the slow endpoints", "Check database and external calls in the slow traces"],
            source: "TODO: the plan section with the latency threshold",
        }),
    ],
    slos: [
        {
            id: "api-availability", title: "${display} API availability", kind: "availability", surface: "api", target: 99.9, timeframes: ["30d", "7d"],
            good: { metric: "TODO: a counter of successful requests", aggregation: "sum", asCount: true },
            total: { metric: "TODO: a counter of all requests", aggregation: "sum", asCount: true },
            source: "TODO: the plan's uptime target",
        },
        // Rule: at least one latency SLO.
        {
            id: "api-latency", title: "${display} API requests under 3 s", kind: "latency", surface: "api", target: 99, timeframes: ["30d", "7d"],
            good: { metric: "TODO: a counter of requests faster than the target", aggregation: "sum", asCount: true },
            total: { metric: "TODO: a counter of all requests", aggregation: "sum", asCount: true },
            source: "TODO: the plan's latency target",
        },
    ],
    logs: {
        format: "json",
        types: [{ type: "app", hotDays: 14, warmDays: 30, coldDays: 365, source: "TODO: the plan's log retention" }],
    },
    synthetics: [
        // Rules: a health check, an SSL test per host, at least one user-journey test.
        healthCheck({ title: "${display} API health endpoint", surface: "api", path: "/api/health", source: "TODO: the plan's synthetic checks" }),
        sslCheck({ surface: "api", host: "TODO: the API's production host name", source: "TODO: the plan's synthetic checks" }),
        sslCheck({ surface: "web", host: "TODO: the site's production host name", source: "TODO: the plan's synthetic checks" }),
        {
            id: "login-flow", title: "Log in and load the account", kind: "multistep", surface: "api", severity: "P1", frequency: "10m", needsLogin: true,
            steps: [
                {
                    name: "Log in as the synthetic test user", method: "POST", path: "/api/auth/login",
                    body: "{\\"email\\":\\"{{ ${key.toUpperCase().replace(/-/g, "_")}_TEST_USER }}\\",\\"password\\":\\"{{ ${key.toUpperCase().replace(/-/g, "_")}_TEST_PASSWORD }}\\"}",
                    extract: { variable: "AUTH_TOKEN", jsonPath: "$.token" },
                },
                { name: "Load the account", path: "/api/account" },
            ],
            source: "TODO: the plan's key user flow",
        },
    ],
    escalation: COMPANY_ESCALATION,
};
`;
}

function fail(message: string): never {
    process.stderr.write(`new-product: ${message}\n`);
    process.exit(2);
}

function main(argv: string[]): void {
    const args = [...argv];
    const dirAt = args.indexOf("--dir");
    const dir = dirAt >= 0 ? path.resolve(args.splice(dirAt, 2)[1] ?? fail("--dir needs a folder")) : path.join(PROJECT_DIR, "products");
    const [key, ...extra] = args;
    if (!key || extra.length) fail("usage: npm run new-product -- <key> [--dir <folder>]");
    if (!KEY.test(key)) fail(`"${key}" is not a product key: use lower-case kebab-case (a-z, 0-9, -), starting with a letter`);
    if (catalog.some((p) => p.key === key)) fail(`product "${key}" already exists in products/index.ts`);
    const file = path.join(dir, `${key}.ts`);
    if (fs.existsSync(file)) fail(`${path.relative(process.cwd(), file)} already exists`);
    const rel = (to: string) => {
        const r = path.relative(dir, to).split(path.sep).join("/");
        return r.startsWith(".") ? r : `./${r}`;
    };
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
        file,
        starterSpec(key, { catalog: rel(path.join(PROJECT_DIR, "lib/inputs/catalog")), products: rel(path.join(PROJECT_DIR, "products")) }),
    );
    const id = key.replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
    process.stdout.write(
        [
            `wrote ${path.relative(process.cwd(), file)}`,
            "",
            "Next steps:",
            `  1. Replace every "TODO: …" value in ${path.relative(process.cwd(), file)} and add the plan's thresholds (README: Adding a product).`,
            `  2. products/index.ts: import { ${id} } from "./${key}"; and add ${id} to the catalog list.`,
            `  3. Pulumi.staging.yaml and Pulumi.production.yaml: add "${key}" to product-monitoring:products, its team's rotation under`,
            `     oncall.teams and its Slack channel "${key}-alerts" under routing.slack.channels.`,
            "  4. npm run plan -- --stack staging   (lists what is still wrong, or what would be created)",
            "  5. npm run catalog && npm run urns   (regenerate the alert catalog, runbooks and URN lists)",
            "",
        ].join("\n"),
    );
}

if (require.main === module) main(process.argv.slice(2));
