// `npm run bench`: runs every suite in bench/suites (or those named with --only) and prints one JSON
// line per figure on stdout. Servers listen on 127.0.0.1 only; every suite has bounded durations.
// BENCH_DATABASE_URL runs the servers on PostgreSQL; BENCH_RUNS, BENCH_DURATION, BENCH_CONNECTIONS tune.
import { readdirSync } from "node:fs";
import { Command } from "commander";
import type { BenchSuite, Figure } from "./lib/suite.ts";

const SUITES_DIR = new URL("./suites/", import.meta.url);

async function loadSuites(): Promise<BenchSuite[]> {
  const files = readdirSync(SUITES_DIR)
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
    .sort();
  const suites: BenchSuite[] = [];
  for (const file of files) {
    const mod = (await import(new URL(file, SUITES_DIR).href)) as { suite?: BenchSuite };
    if (!mod.suite) throw new Error(`bench/suites/${file} exports no \`suite\``);
    suites.push(mod.suite);
  }
  return suites;
}

const program = new Command("bench")
  .description("Vindplaats benchmarks: one JSON line per figure")
  .option("--only <name...>", "run only these suites")
  .option("--list", "list the suites and exit")
  .parse();
const options = program.opts<{ only?: string[]; list?: boolean }>();

const suites = await loadSuites();
if (options.list) {
  for (const s of suites) process.stdout.write(`${s.name.padEnd(16)} ${s.description}\n`);
  process.exit(0);
}
const unknown = (options.only ?? []).filter((name) => !suites.some((s) => s.name === name));
if (unknown.length) {
  process.stderr.write(
    `error: unknown suite(s) ${unknown.join(", ")}; known: ${suites.map((s) => s.name).join(", ")}\n`,
  );
  process.exit(1);
}

const db = process.env.BENCH_DATABASE_URL ? "postgres" : "embedded";
let failed = false;
for (const suite of suites.filter((s) => !options.only || options.only.includes(s.name))) {
  const emit = (f: Figure) => {
    const { figure, value, unit, ...extra } = f;
    process.stdout.write(`${JSON.stringify({ figure, value, unit, suite: suite.name, db, ...extra })}\n`);
  };
  try {
    await suite.run({ emit, db });
  } catch (error) {
    failed = true;
    process.stderr.write(`error: suite ${suite.name}: ${error instanceof Error ? error.message : String(error)}\n`);
  }
}
process.exitCode = failed ? 1 : 0;
