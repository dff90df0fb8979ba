/**
 * `npm run plan -- --stack <name> [--out <file>] [--config <file>]`
 * The offline main job: evaluates index.ts under Pulumi's mock runtime (no cloud credentials, no Pulumi CLI),
 * prints a summary and optionally writes the plan JSON. Exit 0 when valid; 1 with one line per problem otherwise:
 * the stack file's, the config's, the catalog's, the stack validation's, the budget's and the policies' problems
 * all in one run (config problems that leave no usable model stop before validation and policies).
 * Values of `secure:` keys can be supplied as PLAN_SECRET_<key> environment variables (placeholders otherwise).
 */
import * as fs from "fs";
import * as path from "path";
import { formatProblem, isValidationError, Problem, thrownProblem } from "../lib/inputs/errors";
import { policyReport } from "../lib/tooling/policy";
import { alertRow, alertRows, AlertRow } from "../lib/tooling/alertRows";
import { loadCatalog } from "../lib/inputs/catalog/validate";
import { withoutSecrets } from "../lib/inputs/config";
import { buildStackModel } from "../lib/stack/model";
import { collectProblemsOffline } from "../components/stack";
import { evaluate, Plan, readProjectName, withoutSourceMaps } from "./planner";
import { checkStackFile, readStackFile } from "./stackFile";
import { summarize } from "./summary";

interface Args {
    stack?: string;
    out?: string;
    config?: string;
    quiet: boolean;
}

const USAGE = "expected --stack <name> [--out <file>] [--config <file>] [--quiet]";

function parseArgs(argv: string[]): Args {
    const args: Args = { quiet: false };
    const given = new Set<string>();
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        const value = () => {
            const v = argv[++i];
            if (v === undefined || v.startsWith("--")) fail([`usage: ${a} needs a value`]);
            return v;
        };
        if (given.has(a)) fail([`usage: ${a} is given twice`]);
        given.add(a);
        if (a === "--stack") args.stack = value();
        else if (a === "--out") args.out = value();
        else if (a === "--config") args.config = value();
        else if (a === "--quiet") args.quiet = true;
        else fail([`usage: unknown argument "${a}" (${USAGE})`]);
    }
    if (!args.stack) fail(["usage: --stack <name> is required (e.g. npm run plan -- --stack production)"]);
    return args;
}

/** Problems of the options themselves, found before anything is evaluated. */
function argumentProblems(args: Args, configFile: string): string[] {
    const out: string[] = [];
    if (!fs.existsSync(configFile)) out.push(`${args.config ?? path.basename(configFile)}: no such stack config file`);
    else if (fs.statSync(configFile).isDirectory()) out.push(`${args.config}: is a directory, not a stack config file`);
    const named = /^Pulumi\.(.+)\.yaml$/.exec(path.basename(configFile));
    if (args.config && named && named[1] !== args.stack) {
        out.push(`usage: --config ${args.config} is the config of stack "${named[1]}", not of --stack ${args.stack}`);
    }
    if (args.out) {
        const out_ = path.resolve(args.out);
        const dir = path.dirname(out_);
        if (out_ === configFile) out.push(`usage: --out ${args.out} would overwrite the stack config file`);
        else if (fs.existsSync(out_) && fs.statSync(out_).isDirectory()) out.push(`${args.out}: is a directory; --out takes a file name`);
        else if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) out.push(`${args.out}: directory ${dir} does not exist`);
        else {
            try {
                fs.accessSync(dir, fs.constants.W_OK);
                if (fs.existsSync(out_)) fs.accessSync(out_, fs.constants.W_OK);
            } catch {
                out.push(`${args.out}: not writable`);
            }
        }
    }
    return out;
}

function fail(lines: string[]): never {
    for (const l of lines) process.stderr.write(`${l}\n`);
    process.exit(1);
}

function failWith(problems: string[]): never {
    const unique = [...new Set(problems)];
    fail([`plan failed: ${unique.length} problem${unique.length === 1 ? "" : "s"}`, ...unique]);
}

function secretValuesFromEnv(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) {
        if (k.startsWith("PLAN_SECRET_") && v !== undefined) out[k.slice("PLAN_SECRET_".length)] = v;
    }
    return out;
}

/**
 * Policy lines that only repeat a config problem already reported: with `routing.paging` off in production, every
 * P0 monitor breaks the production-p0-pages rule; the one config line names the cause.
 */
function withoutConsequences(policyLines: string[], problems: Problem[]): string[] {
    const pagingOff = problems.some((p) => p.field === "routing.paging");
    return pagingOff ? policyLines.filter((l) => !l.endsWith("(production-p0-pages)")) : policyLines;
}

/** The stack model's alerts for the plan JSON, from the config the plan just evaluated (valid by now). */
async function stackAlertRows(projectDir: string, stack: string, configFile: string): Promise<AlertRow[]> {
    // Imported here, not at the top: a spec module that throws is reported by the evaluation, not as a trace.
    const { catalog } = await import("../products");
    const { config } = checkStackFile(configFile, { project: readProjectName(projectDir), stack, productKeys: catalog.map((p) => p.key) });
    if (!config) throw new Error(`${path.basename(configFile)}: config changed during the plan`);
    const publicConfig = withoutSecrets(config);
    const model = buildStackModel(
        loadCatalog(catalog).filter((p) => config.products.includes(p.key)),
        publicConfig,
    );
    // Plus the organization-wide usage-budget monitors, which only the org-managing stack deploys (not simulated).
    return [...alertRows(model), ...model.organizationAlerts.map((a) => alertRow(a))];
}

async function main(): Promise<void> {
    withoutSourceMaps();
    const args = parseArgs(process.argv.slice(2));
    const projectDir = path.resolve(__dirname, "..");
    const configFile = path.resolve(args.config ?? path.join(projectDir, `Pulumi.${args.stack}.yaml`));
    const usage = argumentProblems(args, configFile);
    if (usage.length) fail(usage);

    const display = path.basename(configFile);
    const file = readStackFile(configFile, readProjectName(projectDir), {}, display);
    if (file.fatal) failWith(file.problems.map(formatProblem));
    const problems: Problem[] = [...file.problems];
    const collected = collectProblemsOffline({ configFile: display });
    let plan: Plan | undefined;
    try {
        plan = await evaluate({ stack: args.stack!, projectDir, configFile, secretValues: secretValuesFromEnv() });
    } catch (e) {
        if (isValidationError(e) || Array.isArray((e as { problems?: unknown }).problems)) {
            problems.push(...collected.problems(), ...(e as { problems: Problem[] }).problems);
        } else {
            if (process.env.PLAN_DEBUG) console.error(e);
            problems.push(...collected.problems(), thrownProblem(e, projectDir));
        }
    }
    if (plan) problems.push(...collected.problems());
    // The policy pack's rules, run on what the plan would create: a violation fails the offline plan too.
    const violations = plan ? withoutConsequences(policyReport(plan), problems) : [];
    if (problems.length || violations.length) failWith([...problems.map(formatProblem), ...violations]);
    plan!.alerts = await stackAlertRows(projectDir, args.stack!, configFile);
    if (args.out) fs.writeFileSync(args.out, JSON.stringify(plan, null, 2) + "\n");
    if (!args.quiet) process.stdout.write(summarize(plan!) + "\n");
    if (args.out) process.stdout.write(`\nWrote ${plan!.resources.length} resources to ${args.out}\n`);
}

main().then(
    () => process.exit(0),
    (e) => fail([`plan failed: ${e instanceof Error ? e.message : String(e)}`]),
);
