// Key rotation, second half: re-encrypt every sealed value that is not under the primary KEK (and
// seal values still in clear from before encryption at rest), in batches as the owner, and
// recompute the keyed hashes with the current search key. Afterwards `keyStatus` shows no value
// under an old key, and that key can leave VINDPLAATS_KEYS. Safe to stop and run again.
import type { Database, Row, Tx } from "../db/database.ts";
import type { Progress } from "../demo/progress.ts";
import { registerNumberHash, unseal } from "./fields.ts";
import { SEALED_JSON, SEALED_TEXT } from "./sealed-columns.ts";
import { kekOf, vault } from "./vault.ts";

const BATCH = 500;

export interface ReencryptResult {
  /** Rows read. */
  scanned: number;
  /** Rows rewritten, per table. */
  rewritten: Record<string, number>;
}

const tables = () => [...new Set([...Object.keys(SEALED_TEXT), ...Object.keys(SEALED_JSON)])];

async function countRows(db: Database): Promise<number> {
  return db.owner(async (tx) => {
    let n = 0;
    for (const t of tables()) n += (await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`))[0]!.n;
    return n;
  });
}

/** New values for one row, or null when it is already sealed under the primary key. */
function rewriteRow(table: string, row: Row, primary: string): Row | null {
  const out: Row = {};
  for (const column of SEALED_TEXT[table] ?? []) {
    const v = row[column];
    if (typeof v === "string" && kekOf(v) !== primary) out[column] = vault().seal(unseal(v));
  }
  const json = SEALED_JSON[table];
  if (json && row[json.column] != null && json.needsWork(row[json.column], primary))
    out[json.column] = JSON.stringify(json.reseal(row[json.column]));
  if (table === "persons") {
    const hash = registerNumberHash(unseal(row.national_register_number as string | null));
    if (hash !== row.national_register_hash) out.national_register_hash = hash;
  }
  return Object.keys(out).length ? out : null;
}

async function rewriteBatch(tx: Tx, table: string, after: string | null, primary: string) {
  const columns = [...(SEALED_TEXT[table] ?? []), ...(SEALED_JSON[table] ? [SEALED_JSON[table].column] : [])];
  if (table === "persons") columns.push("national_register_hash");
  const rows = await tx.query<Row & { id: string }>(
    `SELECT id, ${columns.join(", ")} FROM ${table} WHERE $1::uuid IS NULL OR id > $1 ORDER BY id LIMIT ${BATCH} FOR UPDATE`,
    [after],
  );
  let rewritten = 0;
  for (const row of rows) {
    const next = rewriteRow(table, row, primary);
    if (!next) continue;
    const names = Object.keys(next);
    await tx.query(`UPDATE ${table} SET ${names.map((c, i) => `${c} = $${i + 2}`).join(", ")} WHERE id = $1`, [
      row.id,
      ...names.map((c) => next[c]),
    ]);
    rewritten++;
  }
  return { rows: rows.length, last: rows.at(-1)?.id ?? null, rewritten };
}

export async function reencryptAll(db: Database, progress: Progress): Promise<ReencryptResult> {
  const primary = vault().primaryKekId;
  const result: ReencryptResult = { scanned: 0, rewritten: {} };
  progress.begin(await countRows(db));
  for (const table of tables()) {
    progress.step(table);
    let after: string | null = null;
    for (;;) {
      const batch = await db.owner((tx) => rewriteBatch(tx, table, after, primary));
      result.scanned += batch.rows;
      if (batch.rewritten) result.rewritten[table] = (result.rewritten[table] ?? 0) + batch.rewritten;
      progress.advance(batch.rows);
      if (batch.rows < BATCH || !batch.last) break;
      after = batch.last;
    }
  }
  progress.end();
  return result;
}

/** How many sealed values depend on each KEK, and how many text values are still in clear. */
export async function keyStatus(db: Database): Promise<{ byKey: Record<string, number>; inClear: number }> {
  return db.owner(async (tx) => {
    const byKey: Record<string, number> = {};
    let inClear = 0;
    for (const [table, columns] of Object.entries(SEALED_TEXT)) {
      for (const column of columns) {
        const rows = await tx.query<{ kek: string; n: number }>(
          `SELECT CASE WHEN ${column} LIKE 'vp1.%' THEN split_part(${column}, '.', 2) ELSE '' END AS kek, count(*)::int AS n
             FROM ${table} WHERE ${column} IS NOT NULL GROUP BY 1`,
        );
        for (const r of rows) {
          if (r.kek) byKey[r.kek] = (byKey[r.kek] ?? 0) + r.n;
          else inClear += r.n;
        }
      }
    }
    for (const [table, { column }] of Object.entries(SEALED_JSON)) {
      const rows = await tx.query<{ kek: string; n: number }>(
        `SELECT m[1] AS kek, count(*)::int AS n FROM ${table}, regexp_matches(${column}::text, '"vp1\\.([A-Za-z0-9_-]+)\\.', 'g') AS m GROUP BY 1`,
      );
      for (const r of rows) byKey[r.kek] = (byKey[r.kek] ?? 0) + r.n;
    }
    return { byKey, inClear };
  });
}
