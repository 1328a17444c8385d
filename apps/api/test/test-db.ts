// A throwaway database per test file: in-memory PGlite, or a fresh PostgreSQL database created
// next to TEST_DATABASE_URL and dropped afterwards. Never a mock.
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { ephemeralKeyring } from "../src/crypto/keyring.ts";
import { hasVault, useKeyring } from "../src/crypto/vault.ts";
import type { Database } from "../src/db/database.ts";
import { shippedMigrations } from "../src/db/level.ts";
import { MIGRATIONS_DIR } from "../src/db/migrations-dir.ts";
import { openPglite } from "../src/db/pglite.ts";
import { openPostgres } from "../src/db/postgres.ts";

/**
 * initdb in WASM takes seconds; every test file instead starts from a tarball of a freshly
 * migrated database, built once per set of migrations and kept in the temp folder.
 */
export async function migratedSnapshot(): Promise<Blob> {
  const hash = createHash("sha256");
  for (const tag of shippedMigrations()) hash.update(tag).update(readFileSync(join(MIGRATIONS_DIR, `${tag}.sql`)));
  const file = join(tmpdir(), `vindplaats-pglite-${hash.digest("hex").slice(0, 16)}.tar`);
  if (!existsSync(file)) {
    const db = await openPglite("memory://");
    await db.migrate();
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
    writeFileSync(tmp, Buffer.from(await (await db.dump()).arrayBuffer()));
    await db.close();
    renameSync(tmp, file);
  }
  return new Blob([readFileSync(file)]);
}

export interface TestDb {
  db: Database;
  /** The database's URL (PostgreSQL only): backup and restore drills reach it with pg_dump. */
  url?: string;
  drop(): Promise<void>;
}

export const onPostgres = () => process.env.VP_TEST_DB === "postgres";

export async function createTestDb(): Promise<TestDb> {
  // Repositories seal sensitive columns: tests that skip buildApp still need keys.
  if (!hasVault()) useKeyring(ephemeralKeyring());
  if (!onPostgres()) {
    const db = await openPglite("memory://", { loadDataDir: await migratedSnapshot() });
    return { db, drop: () => db.close() };
  }
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error("VP_TEST_DB=postgres needs TEST_DATABASE_URL");
  const name = `vp_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString(), 5);
  await db.migrate();
  return {
    db,
    url: url.toString(),
    async drop() {
      await db.close();
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
