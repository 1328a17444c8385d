// Backup and restore of a PostgreSQL database with Debian's postgresql-client (pg_dump, pg_restore):
// a custom-format dump of every schema (the app's, its migrations and the job runner's), restored
// in one transaction. The connection comes from DATABASE_URL; the password goes in the
// environment, never on a command line other users could read.
import { spawn, spawnSync } from "node:child_process";
import { statSync } from "node:fs";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import type { Database } from "../db/database.ts";
import { openPostgres } from "../db/postgres.ts";
import type { Progress } from "../demo/progress.ts";
import { type BackupResult, countRows, holdsData, RestoreRefused, stamp } from "./backup-common.ts";

function pgEnv(url: string): NodeJS.ProcessEnv {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PGHOST: u.hostname,
    PGDATABASE: decodeURIComponent(u.pathname.slice(1)),
  };
  if (u.port) env.PGPORT = u.port;
  if (u.username) env.PGUSER = decodeURIComponent(u.username);
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  const sslmode = u.searchParams.get("sslmode");
  if (sslmode) env.PGSSLMODE = sslmode;
  return env;
}

/** The tool's major version, or a clear refusal when postgresql-client is missing or too old. */
async function checkTool(tool: "pg_dump" | "pg_restore", db: Database): Promise<void> {
  const run = spawnSync(tool, ["--version"], { encoding: "utf8" });
  if (run.error || run.status !== 0) {
    throw new RestoreRefused(
      `${tool} was not found: install Debian's postgresql-client (apt-get install postgresql-client)`,
    );
  }
  const major = Number(/(\d+)(?:\.\d+)?/.exec(run.stdout)?.[1] ?? 0);
  const server = await db.owner((tx) => tx.query<{ v: string }>(`SELECT current_setting('server_version_num') AS v`));
  const serverMajor = Math.floor(Number(server[0]!.v) / 10000);
  if (major < serverMajor) {
    throw new RestoreRefused(
      `${tool} ${major} is older than the PostgreSQL ${serverMajor} server: install a newer postgresql-client`,
    );
  }
}

/** Runs a client tool, calling `onLine` for every line it writes to stderr (its --verbose log). */
function runTool(tool: string, args: string[], env: NodeJS.ProcessEnv, onLine: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ["ignore", "ignore", "pipe"] });
    const errors: string[] = [];
    createInterface({ input: child.stderr }).on("line", (line) => {
      if (/error|fatal/i.test(line)) errors.push(line);
      onLine(line);
    });
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`${tool} failed (exit ${code}): ${errors.at(-1) ?? "see its output"}`)),
    );
  });
}

async function dumpTo(db: Database, url: string, file: string, progress: Progress): Promise<void> {
  const tables = await db.owner((tx) =>
    tx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
    ),
  );
  progress.begin(tables[0]!.n);
  progress.step("pg_dump");
  await runTool("pg_dump", ["--format=custom", "--verbose", "--no-password", `--file=${file}`], pgEnv(url), (line) => {
    if (line.includes("dumping contents of table")) progress.advance(1);
  });
}

export async function backupPostgres(url: string, file: string, progress: Progress): Promise<BackupResult> {
  const db = await openPostgres(url, 2);
  try {
    await checkTool("pg_dump", db);
    const counts = await countRows(db, progress);
    await dumpTo(db, url, file, progress);
    return { counts, bytes: statSync(file).size };
  } finally {
    await db.close();
  }
}

export async function restorePostgres(
  url: string,
  file: string,
  progress: Progress,
  options: { force: boolean; now: Date },
): Promise<BackupResult & { keptAt: string | null }> {
  const db = await openPostgres(url, 2);
  try {
    await checkTool("pg_restore", db);
    let keptAt: string | null = null;
    if (await db.owner(holdsData)) {
      if (!options.force) {
        throw new RestoreRefused(
          "the database already holds data; restore does not overwrite it. " +
            "Stop the server and add --force to replace it (a backup of the current data is written first).",
        );
      }
      await checkTool("pg_dump", db);
      keptAt = join(dirname(file), `vindplaats-before-restore-${stamp(options.now)}.dump`);
      await dumpTo(db, url, keptAt, progress);
    }
    progress.step("emptying the database");
    await db.owner(async (tx) => {
      const schemas = await tx.query<{ name: string }>(
        `SELECT nspname AS name FROM pg_namespace
          WHERE nspname NOT LIKE 'pg\\_%' AND nspname NOT IN ('information_schema', 'public')`,
      );
      for (const s of schemas) await tx.query(`DROP SCHEMA "${s.name.replace(/"/g, '""')}" CASCADE`);
      await tx.query(`DROP SCHEMA IF EXISTS public CASCADE`);
      await tx.query(`CREATE SCHEMA public`);
      await tx.query(`GRANT USAGE ON SCHEMA public TO PUBLIC`);
      // The dump grants to the application role; a fresh server may not have it yet.
      await tx.query(
        `DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'vindplaats_app') THEN CREATE ROLE vindplaats_app NOLOGIN; END IF; END $$`,
      );
    });
    const list = spawnSync("pg_restore", ["--list", file], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    if (list.status !== 0) throw new RestoreRefused(`${file} is not a readable pg_dump backup`);
    progress.begin(list.stdout.split("\n").filter((l) => l.includes(" TABLE DATA ")).length);
    progress.step("pg_restore");
    const env = pgEnv(url);
    const args = ["--no-owner", "--exit-on-error", "--single-transaction", "--verbose", "--no-password"];
    await runTool("pg_restore", [...args, `--dbname=${env.PGDATABASE}`, file], env, (line) => {
      if (line.includes("processing data for table")) progress.advance(1);
    });
    progress.step("applying newer migrations");
    await db.migrate();
    const counts = await countRows(db, progress);
    return { counts, bytes: statSync(file).size, keptAt };
  } finally {
    await db.close();
  }
}
