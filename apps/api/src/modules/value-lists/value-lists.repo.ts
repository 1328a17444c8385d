import type { ValueListName } from "@vindplaats/domain";
import { uuidv7 } from "@vindplaats/domain";
import { prepared, type Tx } from "../../db/database.ts";
import { DEFAULT_VALUE_LISTS } from "./defaults.ts";

export interface ValueRow {
  list: string;
  code: string;
  labels: { nl: string; en: string; fr: string };
  sort: number;
  isActive: boolean;
}

const COLUMNS = `list, code, labels, sort, is_active AS "isActive"`;

export function listValues(tx: Tx, list?: string): Promise<ValueRow[]> {
  return tx.query<ValueRow>(
    `SELECT ${COLUMNS} FROM value_lists WHERE ($1::text IS NULL OR list = $1) ORDER BY list, sort, code`,
    [list ?? null],
  );
}

export async function getValue(tx: Tx, list: string, code: string): Promise<ValueRow | null> {
  const rows = await tx.query<ValueRow>(`SELECT ${COLUMNS} FROM value_lists WHERE list = $1 AND code = $2`, [
    list,
    code,
  ]);
  return rows[0] ?? null;
}

/** Codes of a list that are active; used to validate what a contact or person refers to. */
export async function activeCodes(tx: Tx, list: ValueListName, codes: readonly string[]): Promise<Set<string>> {
  if (!codes.length) return new Set();
  const rows = await tx.query<{ code: string }>(
    prepared(`SELECT code FROM value_lists WHERE list = $1 AND code = ANY($2::text[]) AND is_active`),
    [list, codes],
  );
  return new Set(rows.map((r) => r.code));
}

export async function insertValue(
  tx: Tx,
  orgId: string,
  list: string,
  v: { code: string; labels: ValueRow["labels"]; sort: number },
) {
  await tx.query(`INSERT INTO value_lists (id, org_id, list, code, labels, sort) VALUES ($1, $2, $3, $4, $5, $6)`, [
    uuidv7(),
    orgId,
    list,
    v.code,
    v.labels,
    v.sort,
  ]);
}

export async function updateValue(
  tx: Tx,
  list: string,
  code: string,
  patch: { labels?: ValueRow["labels"] | undefined; sort?: number | undefined; isActive?: boolean | undefined },
) {
  await tx.query(
    `UPDATE value_lists SET labels = coalesce($3, labels), sort = coalesce($4, sort), is_active = coalesce($5, is_active)
      WHERE list = $1 AND code = $2`,
    [list, code, patch.labels ?? null, patch.sort ?? null, patch.isActive ?? null],
  );
}

export async function seedDefaultValueLists(tx: Tx, orgId: string): Promise<void> {
  const rows = Object.entries(DEFAULT_VALUE_LISTS).flatMap(([list, values]) =>
    values.map(([code, labels], i) => ({ list, code, labels, sort: (i + 1) * 10 })),
  );
  await tx.query(
    `INSERT INTO value_lists (id, org_id, list, code, labels, sort)
     SELECT id, $1, list, code, labels, sort
       FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, list text, code text, labels jsonb, sort int)`,
    [orgId, JSON.stringify(rows.map((r) => ({ id: uuidv7(), ...r })))],
  );
}
