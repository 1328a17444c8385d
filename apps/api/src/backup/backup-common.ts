// What backup and restore share: the result they report, row counts of every table, which engine a
// backup file came from, and the refusal to overwrite data.
import { closeSync, openSync, readSync } from "node:fs";
import type { Database, Tx } from "../db/database.ts";
import type { Progress } from "../demo/progress.ts";

export interface BackupResult {
  /** Rows per table of the application's schema. */
  counts: Record<string, number>;
  bytes: number;
}

/** The target already holds data (or the source holds none): a clear message, exit code 1. */
export class RestoreRefused extends Error {}

/** Rows of every table of the application's schema, read as the owner; one progress step per table. */
export async function countRows(db: Database, progress: Progress): Promise<Record<string, number>> {
  return db.owner(async (tx) => {
    const tables = await tx.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    progress.begin(tables.length);
    progress.step("counting rows");
    const counts: Record<string, number> = {};
    for (const { name } of tables) {
      counts[name] = (await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${name}"`))[0]!.n;
      progress.advance(1);
    }
    return counts;
  });
}

/** Whether a database holds an organisation: a migrated but empty database may be restored over. */
export async function holdsData(tx: Tx): Promise<boolean> {
  const exists = await tx.query<{ ok: boolean }>(`SELECT to_regclass('public.organisations') IS NOT NULL AS ok`);
  if (!exists[0]?.ok) return false;
  return (await tx.query(`SELECT 1 FROM organisations LIMIT 1`)).length > 0;
}

/** A PostgreSQL custom-format dump starts with PGDMP; a PGlite backup is a (gzipped) tarball. */
export function backupKind(file: string): "postgres" | "embedded" | "unknown" {
  const fd = openSync(file, "r");
  try {
    const head = Buffer.alloc(512);
    const n = readSync(fd, head, 0, 512, 0);
    if (head.subarray(0, 5).toString("latin1") === "PGDMP") return "postgres";
    if (head[0] === 0x1f && head[1] === 0x8b) return "embedded";
    if (n >= 262 && head.subarray(257, 262).toString("latin1") === "ustar") return "embedded";
    return "unknown";
  } finally {
    closeSync(fd);
  }
}

/** A file-name-safe timestamp. */
export const stamp = (at: Date) => at.toISOString().replace(/[-:]/g, "").replace(/\..*/, "Z");

export const totalRows = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
