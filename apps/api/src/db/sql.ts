// Small helpers for plain SQL: a partial UPDATE from a patch object with an explicit column map,
// so only whitelisted fields can ever reach the database.
import type { Tx } from "./database.ts";

export async function updateColumns<P extends Record<string, unknown>>(
  tx: Tx,
  table: string,
  id: string,
  patch: P,
  columns: { [K in keyof P]?: string },
): Promise<{ changed: string[]; found: boolean }> {
  const sets: string[] = [];
  const values: unknown[] = [id];
  const changed: string[] = [];
  for (const [field, column] of Object.entries(columns) as [string, string][]) {
    const value = patch[field];
    if (value === undefined) continue;
    values.push(value);
    sets.push(`${column} = $${values.length}`);
    changed.push(field);
  }
  if (!sets.length) {
    const rows = await tx.query(`SELECT 1 FROM ${table} WHERE id = $1`, [id]);
    return { changed, found: rows.length > 0 };
  }
  const rows = await tx.query(`UPDATE ${table} SET ${sets.join(", ")} WHERE id = $1 RETURNING id`, values);
  return { changed, found: rows.length > 0 };
}
