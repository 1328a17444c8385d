// The restore drill, on the engine of the test project: seed data (the demo writer, the figure
// fixtures and audit rows), `vindplaats backup`, wipe the database, `vindplaats restore`, and find
// the same row count in every table and an audit chain that still verifies. Restore refuses a
// database that holds data unless forced, and a backup of the other engine.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg } from "../../test/factories.ts";
import { createTestDb, migratedSnapshot, onPostgres, type TestDb } from "../../test/test-db.ts";
import type { CliIo } from "../cli/io.ts";
import { runCli } from "../cli/program.ts";
import type { Database } from "../db/database.ts";
import { openPglite } from "../db/pglite.ts";
import { openPostgres } from "../db/postgres.ts";
import { createDemoOrganisation } from "../demo/create-demo.ts";
import type { Progress } from "../demo/progress.ts";
import { insertAudit } from "../modules/audit/audit.repo.ts";
import { verifyAuditChain } from "../modules/audit/verify.ts";
import { seedFigures } from "../modules/reports/figures.fixtures.ts";
import type { BackupTarget } from "./backup.ts";
import { countRows } from "./backup-common.ts";

const dir = mkdtempSync(join(tmpdir(), "vp-drill-"));
const file = join(dir, "vindplaats.backup");
let t: TestDb;
let target: BackupTarget;
let before: Record<string, number>;
let advanced = 0;

const counting: Progress = {
  begin() {},
  step() {},
  advance(n) {
    advanced += n;
  },
  end() {},
};
const quiet: Progress = { begin() {}, step() {}, advance() {}, end() {} };

async function cli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    openDatabase: () => Promise.reject(new Error("backup and restore open the database themselves")),
    progress: () => counting,
    databaseTarget: () => target,
  };
  const code = await runCli(argv, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const open = (): Promise<Database> =>
  target.databaseUrl ? openPostgres(target.databaseUrl, 2) : openPglite(target.dataDir);

async function withDb<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await open();
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** Empties the target completely: a new PostgreSQL database of the same name, or no data folder. */
async function wipe() {
  if (!target.databaseUrl) {
    rmSync(target.dataDir, { recursive: true, force: true });
    return;
  }
  const name = new URL(target.databaseUrl).pathname.slice(1);
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
}

async function seed(db: Database) {
  await createDemoOrganisation(db);
  const org = await seedOrg(db);
  await seedFigures(db, org);
  await db.owner(async (tx) => {
    for (let i = 0; i < 12; i++) {
      await insertAudit(
        tx,
        { orgId: org.orgId, actorUserId: org.users.admin, at: new Date(Date.UTC(2026, 0, 1 + i)) },
        { action: "team.updated", entityType: "team", entityId: org.teamA, details: { fields: [`f${i}`] } },
      );
    }
  });
}

beforeAll(async () => {
  // createTestDb also gives repositories their keys; on PGlite the drill uses its own data folder.
  t = await createTestDb();
  if (onPostgres()) {
    target = { databaseUrl: t.url!, dataDir: "" };
    await seed(t.db);
    await t.db.close();
  } else {
    await t.drop();
    target = { databaseUrl: undefined, dataDir: join(dir, "data") };
    // A folder that starts from the migrated snapshot: initdb in WASM is slow.
    const db = await openPglite(target.dataDir, { loadDataDir: await migratedSnapshot() });
    await seed(db);
    await db.close();
  }
  before = await withDb((db) => countRows(db, quiet));
}, 180_000);

afterAll(async () => {
  if (onPostgres()) {
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${new URL(target.databaseUrl!).pathname.slice(1)} WITH (FORCE)`);
    await admin.end();
  }
  rmSync(dir, { recursive: true, force: true });
});

describe(`backup, wipe, restore (${onPostgres() ? "PostgreSQL" : "PGlite"})`, () => {
  it("backs up with progress and the row counts", async () => {
    expect(before.organisations).toBe(2);
    expect(before.audit_events).toBeGreaterThanOrEqual(12);
    const r = await cli(["backup", file]);
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.out).toContain(`${Object.keys(before).length} tables`);
    expect(advanced).toBeGreaterThan(0);
    expect((await cli(["backup", file])).err).toContain("already exists");
  });

  it("restores into an empty database: the same rows in every table, the audit chain verifies", async () => {
    await wipe();
    const r = await cli(["restore", file]);
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(await withDb((db) => countRows(db, quiet))).toEqual(before);
    const chain = await withDb((db) => verifyAuditChain(db));
    expect(chain.breaks).toEqual([]);
    expect(chain.rows).toBe(before.audit_events);
  });

  it("refuses to restore over data unless forced, and keeps what was there", async () => {
    const refused = await cli(["restore", file]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("--force");
    const forced = await cli(["restore", file, "--force"]);
    expect(forced.code).toBe(0);
    const kept = /kept at (\S+);/.exec(forced.out)?.[1];
    expect(kept && existsSync(kept)).toBe(true);
    expect(await withDb((db) => countRows(db, quiet))).toEqual(before);
  });

  it("refuses a backup of the other engine", async () => {
    const foreign = join(dir, "foreign.backup");
    writeFileSync(foreign, onPostgres() ? Buffer.from([0x1f, 0x8b, 8, 0]) : Buffer.from("PGDMP\x01\x0e\x00"));
    const r = await cli(["restore", foreign, "--force"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("this installation uses");
  });
});
