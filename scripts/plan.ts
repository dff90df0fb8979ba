/**
 * `npm run plan -- --stack <name> [--out <file>] [--config <file>]`
 * The offline main job: evaluates index.ts under Pulumi's mock runtime (no cloud credentials, no Pulumi CLI),
 * prints a summary and optionally writes the plan JSON. Exit 0 when valid; 1 with one line per problem otherwise.
 * Values of `secure:` keys can be supplied as PLAN_SECRET_<key> environment variables (placeholders otherwise).
 */
import * as fs from "fs";
import * as path from "path";
import { formatProblem, Problem } from "../lib/inputs/errors";
import { policyReport } from "../lib/tooling/policy";
import { alertRow, AlertRow } from "../lib/tooling/alertRows";
import { loadCatalog } from "../lib/inputs/catalog/validate";
import { namespaceValues, parseStackConfig, withoutSecrets } from "../lib/inputs/config";
import { buildStackModel } from "../lib/stack/model";
import { catalog } from "../products";
import { evaluate, withoutSourceMaps } from "./planner";
import { readProjectName, stackConfigMap } from "./stackFile";
import { summarize } from "./summary";

interface Args { stack?: string; out?: string; config?: string; quiet: boolean }

function parseArgs(argv: string[]): Args {
    const args: Args = { quiet: false };
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        const value = () => {
            const v = argv[++i];
            if (v === undefined || v.startsWith("--")) fail([`usage: ${a} needs a value`]);
            return v;
        };
        if (a === "--stack") args.stack = value();
        else if (a === "--out") args.out = value();
        else if (a === "--config") args.config = value();
        else if (a === "--quiet") args.quiet = true;
        else fail([`usage: unknown argument "${a}" (expected --stack <name> [--out <file>] [--config <file>] [--quiet])`]);
    }
    if (!args.stack) fail(["usage: --stack <name> is required (e.g. npm run plan -- --stack production)"]);
    return args;
}

function fail(lines: string[]): never {
    for (const l of lines) process.stderr.write(`${l}\n`);
    process.exit(1);
}

function secretValuesFromEnv(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) {
        if (k.startsWith("PLAN_SECRET_") && v !== undefined) out[k.slice("PLAN_SECRET_".length)] = v;
    }
    return out;
}

/** The stack model's alerts for the plan JSON, from the config the plan just evaluated (valid by now). */
function stackAlertRows(projectDir: string, stack: string, configFile = path.join(projectDir, `Pulumi.${stack}.yaml`)): AlertRow[] {
    const project = readProjectName(projectDir);
    const values = namespaceValues(stackConfigMap(configFile, project).config, project);
    const config = withoutSecrets(parseStackConfig(values, path.basename(configFile), catalog.map((p) => p.key)));
    return buildStackModel(loadCatalog(catalog).filter((p) => config.products.includes(p.key)), config).alerts.map(alertRow);
}

async function main(): Promise<void> {
    withoutSourceMaps();
    const args = parseArgs(process.argv.slice(2));
    const projectDir = path.resolve(__dirname, "..");
    let plan;
    try {
        plan = await evaluate({ stack: args.stack!, projectDir, configFile: args.config && path.resolve(args.config), secretValues: secretValuesFromEnv() });
    } catch (e) {
        const problems = (e as { problems?: Problem[] }).problems;
        if (Array.isArray(problems)) fail([`plan failed: ${problems.length} problem${problems.length === 1 ? "" : "s"}`, ...problems.map(formatProblem)]);
        if (process.env.PLAN_DEBUG) console.error(e);
        fail([`plan failed: ${e instanceof Error ? e.message : String(e)}`]);
    }
    plan.alerts = stackAlertRows(projectDir, args.stack!, args.config && path.resolve(args.config));
    // The policy pack's rules, run on what the plan would create: a violation fails the offline plan too.
    const violations = policyReport(plan);
    if (violations.length) fail([`plan failed: ${violations.length} policy violation${violations.length === 1 ? "" : "s"}`, ...violations]);
    if (args.out) {
        fs.writeFileSync(args.out, JSON.stringify(plan, null, 2) + "\n");
    }
    if (!args.quiet) process.stdout.write(summarize(plan) + "\n");
    if (args.out) process.stdout.write(`\nWrote ${plan.resources.length} resources to ${args.out}\n`);
}

main().then(() => process.exit(0), (e) => fail([`plan failed: ${e instanceof Error ? e.message : String(e)}`]));
