// Bulk inserts for demo and benchmark data: one multi-row INSERT ... SELECT FROM unnest(...) per
// batch, with one array parameter per column. Fast on PostgreSQL and PGlite alike, and the
// statement stays the same size however many rows a batch carries.
import type { Database, Tx } from "../db/database.ts";

/** Column types the helper knows; jsonb and text[] travel as text and are cast in SQL. */
export type ColumnType = "uuid" | "text" | "int" | "bool" | "timestamptz" | "jsonb" | "text[]";

export type Columns = Record<string, ColumnType>;

const PARAM_TYPE: Record<ColumnType, string> = {
  uuid: "uuid",
  text: "text",
  int: "int4",
  bool: "bool",
  timestamptz: "timestamptz",
  jsonb: "text",
  "text[]": "text",
};

/** A PostgreSQL array literal, so a text[] value can travel inside a text[] parameter. */
export function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(",")}}`;
}

function encode(type: ColumnType, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (type === "jsonb") return JSON.stringify(value);
  if (type === "text[]") return arrayLiteral(value as string[]);
  if (type === "timestamptz") return value instanceof Date ? value.toISOString() : value;
  return value;
}

/** Inserts rows (values in the order of `columns`) with one statement. */
export async function insertRows(tx: Tx, table: string, columns: Columns, rows: readonly unknown[][]): Promise<void> {
  if (!rows.length) return;
  const entries = Object.entries(columns);
  const params = entries.map(([, type], i) => rows.map((row) => encode(type, row[i])));
  const names = entries.map(([name]) => name);
  const select = entries.map(([name, type]) =>
    type === "jsonb" ? `${name}::jsonb` : type === "text[]" ? `${name}::text[]` : name,
  );
  const unnest = entries.map(([, type], i) => `$${i + 1}::${PARAM_TYPE[type]}[]`);
  await tx.query(
    `INSERT INTO ${table} (${names.join(", ")}) SELECT ${select.join(", ")} FROM unnest(${unnest.join(", ")}) AS r(${names.join(", ")})`,
    params,
  );
}

/**
 * Streams rows from a (lazy) iterable into the table in batches, one owner transaction per batch, so a
 * million-row step never holds all rows in memory or one huge transaction. Reports rows as they land.
 */
export async function insertInBatches(
  db: Database,
  table: string,
  columns: Columns,
  rows: Iterable<unknown[]>,
  report: (rows: number) => void,
  batchSize = 5000,
): Promise<number> {
  let batch: unknown[][] = [];
  let total = 0;
  const flush = async () => {
    const current = batch;
    batch = [];
    await db.owner((tx) => insertRows(tx, table, columns, current));
    total += current.length;
    report(current.length);
  };
  for (const row of rows) {
    batch.push(row);
    if (batch.length >= batchSize) await flush();
  }
  if (batch.length) await flush();
  return total;
}
