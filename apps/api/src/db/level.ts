import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { MigrationLevel, Tx } from "./database.ts";
import { MIGRATIONS_DIR } from "./migrations-dir.ts";

interface Journal {
  entries: { tag: string }[];
}

export function shippedMigrations(): string[] {
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_DIR, "meta/_journal.json"), "utf8")) as Journal;
  return journal.entries.map((e) => e.tag);
}

/** How many of the shipped migrations the database has applied, and the newest applied tag. */
export async function readMigrationLevel(tx: Tx): Promise<MigrationLevel> {
  const exists = await tx.query<{ ok: boolean }>(
    `SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS ok`,
  );
  if (!exists[0]?.ok) return { applied: 0, latest: null };
  const rows = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`);
  const applied = rows[0]?.n ?? 0;
  return { applied, latest: shippedMigrations()[applied - 1] ?? null };
}
