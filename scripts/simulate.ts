/**
 * `npm run alerts:simulate -- [--stack <staging|production>] [--json FILE]`
 * Runs every alert of a committed stack through the simulator's scenarios (lib/simulate) and prints, per alert,
 * the time to detect a hard outage, the time to recover and the pages per incident; per product a summary with
 * the incidents (payments provider, database, region) and the pages per week under normal traffic; then every
 * missed behaviour target as `<product>: <alert>: <problem>`. `--json FILE` writes one row per alert:
 * `{product, alert, severity, detectSeconds, recoverSeconds, pagesPerIncident, pagesPerWeek, reason?}`.
 * Exit 0 when every target is met; 1 when one is missed or an alert cannot be simulated; 2 on bad arguments.
 */
import * as fs from "fs";
import * as path from "path";
import type { PublicStackConfig } from "../lib/inputs/config";
import { ENVIRONMENTS } from "../lib/inputs/config";
import { loadCatalog } from "../lib/inputs/catalog/validate";
import { alertFigures, simulateStack, StackSimulation, TimelineCache } from "../lib/simulate/stack";
import {
    flappingFailures,
    formatFailure,
    incidentFailures,
    lowTrafficFailures,
    noTrafficFailures,
    normalTrafficFailures,
    p0DetectionFailures,
    recoveryFailures,
    simulationFailures,
    TargetFailure,
} from "../lib/simulate/targets";
import type { SimAlert } from "../lib/simulate/types";
import { buildStackModel } from "../lib/stack/model";
import { catalog } from "../products";
import { readStackConfig } from "./stackFile";

const PROJECT_DIR = path.resolve(__dirname, "..");

export interface CommittedStackSimulation {
    config: PublicStackConfig;
    alerts: SimAlert[];
    sim: StackSimulation;
}

/** The committed stack's alerts, simulated once; pass one cache to share timelines between stacks. */
export function simulateCommittedStack(stack: string, cache?: TimelineCache): CommittedStackSimulation {
    const config = readStackConfig(
        PROJECT_DIR,
        stack,
        catalog.map((p) => p.key),
    );
    const products = loadCatalog(catalog).filter((p) => config.products.includes(p.key));
    const model = buildStackModel(products, config);
    const sim = simulateStack(model, { alertGroupingMinutes: config.oncall.alertGroupingMinutes, products: config.products, cache });
    return { config, alerts: model.alerts, sim };
}

/** Every missed target of a simulated stack, in the targets' order. */
export function targetFailures(s: CommittedStackSimulation): TargetFailure[] {
    return [
        ...simulationFailures(s.sim),
        ...p0DetectionFailures(s.sim),
        ...lowTrafficFailures(s.sim),
        ...noTrafficFailures(s.sim),
        ...incidentFailures(s.sim, s.config.routing.paging),
        ...recoveryFailures(s.sim),
        ...flappingFailures(s.sim),
        ...normalTrafficFailures(s.sim),
    ];
}

const secs = (s: number | null) => (s === null ? "—" : s < 120 ? `${s} s` : `${Math.round(s / 6) / 10} min`);

function table(rows: string[][]): string {
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    return rows
        .map((r) =>
            r
                .map((c, i) => c.padEnd(widths[i]))
                .join("  ")
                .trimEnd(),
        )
        .join("\n");
}

export function render(s: CommittedStackSimulation, failures: TargetFailure[]): string {
    const lines: string[] = [
        `Alert simulation of the ${s.config.environment} stack: ${s.sim.alerts.length} alerts, PagerDuty grouping ${s.config.oncall.alertGroupingMinutes ?? 0} min`,
        "",
    ];
    for (const p of s.sim.products) {
        const own = s.sim.alerts.filter((a) => a.alert.product === p.product);
        lines.push(
            `## ${p.product}`,
            "",
            table([
                ["alert", "severity", "shape", "detect", "recover", "pages/incident", "pages/week", "note"],
                ...own.map((a) => {
                    const f = alertFigures(a);
                    return [
                        f.alert,
                        f.severity,
                        a.family ?? "—",
                        secs(f.detectSeconds),
                        secs(f.recoverSeconds),
                        String(f.pagesPerIncident),
                        String(f.pagesPerWeek),
                        f.reason ?? "",
                    ];
                }),
            ]),
            "",
        );
        lines.push(
            `${p.product}: ${p.alerts} alerts; first page after ${secs(p.fastestPageSeconds)} of a hard outage; ~${p.pagesPerWeek} pages/week under normal traffic`,
        );
        for (const i of p.incidents) {
            lines.push(
                `  ${i.incident}: ${i.pages} page(s); fired: ${i.fired.map((f) => `${f.id} (${f.severity}, ${secs(f.firedAfter)})`).join(", ") || "nothing"}`,
            );
        }
        lines.push("");
    }
    lines.push(failures.length ? `${failures.length} missed targets:` : "Every target is met.", ...failures.map(formatFailure));
    return lines.join("\n") + "\n";
}

interface Args {
    stack: string;
    json?: string;
}

function usage(message: string): never {
    process.stderr.write(
        `alerts:simulate: ${message} (usage: npm run alerts:simulate -- [--stack <${ENVIRONMENTS.join("|")}>] [--json FILE])\n`,
    );
    process.exit(2);
}

export function parseArgs(argv: string[]): Args {
    const args: Args = { stack: "production" };
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        const value = () => {
            const v = argv[++i];
            if (v === undefined || v.startsWith("--")) usage(`${a} needs a value`);
            return v;
        };
        if (a === "--stack") args.stack = value();
        else if (a === "--json") args.json = value();
        else usage(`unknown argument "${a}"`);
    }
    if (!(ENVIRONMENTS as readonly string[]).includes(args.stack)) usage(`unknown stack "${args.stack}"`);
    return args;
}

function main(): void {
    const args = parseArgs(process.argv.slice(2));
    const s = simulateCommittedStack(args.stack);
    const failures = targetFailures(s);
    process.stdout.write(render(s, failures));
    if (args.json) {
        try {
            fs.writeFileSync(args.json, JSON.stringify(s.sim.alerts.map(alertFigures), null, 2) + "\n");
        } catch (e) {
            process.stderr.write(`${args.json}: ${(e as NodeJS.ErrnoException).code ?? "error"}: cannot write the JSON file\n`);
            process.exit(1);
        }
    }
    if (failures.length > 0) process.exit(1);
}

if (require.main === module) main();
