// What repositories call: seal a value before it is written, open it after it is read. Null stays
// null, so optional columns keep their meaning; SQL can still test a sealed column for NULL.
import { isSealed, vault } from "./vault.ts";

export function seal(value: string): string;
export function seal(value: string | null | undefined): string | null;
export function seal(value: string | null | undefined): string | null {
  return value == null ? null : vault().seal(value);
}

export function unseal(value: string): string;
export function unseal(value: string | null | undefined): string | null;
export function unseal(value: string | null | undefined): string | null {
  return value == null ? null : vault().open(value);
}

/** A copy of the row with the named columns opened. */
export function unsealRow<T extends object>(row: T, columns: readonly (keyof T)[]): T {
  const out = { ...row };
  for (const c of columns) {
    const v = out[c];
    if (typeof v === "string") out[c] = unseal(v) as T[keyof T];
  }
  return out;
}

export const unsealRows = <T extends object>(rows: T[], columns: readonly (keyof T)[]): T[] =>
  rows.map((r) => unsealRow(r, columns));

/** The keyed hash of the national register number (normalised: digits only), for equality search. */
export function registerNumberHash(nrn: string | null | undefined): string | null {
  return nrn == null ? null : vault().blindIndex("nrn", nrn.replace(/\D/g, ""));
}

type Changes = Record<string, unknown>;

/**
 * A history entry `{ field: { from, to } }` with the string values of the named fields sealed.
 * Other fields (codes, ids, versions) stay readable for conflict review and figures.
 */
export function sealChanges<T extends Changes>(changes: T, fields: ReadonlySet<string>): T {
  const out: Changes = { ...changes };
  for (const [field, change] of Object.entries(changes)) {
    if (!fields.has(field) || !change || typeof change !== "object") continue;
    const c = change as { from?: unknown; to?: unknown };
    const sealString = (v: unknown) => (typeof v === "string" && !isSealed(v) ? { value: vault().seal(v) } : null);
    const from = sealString(c.from);
    const to = sealString(c.to);
    out[field] = { ...c, ...(from ? { from: from.value } : {}), ...(to ? { to: to.value } : {}) };
  }
  return out as T;
}

/** Any JSON value with every sealed string in it opened (history entries, refused payloads). */
export function unsealDeep<T>(value: T): T {
  if (typeof value === "string") return (isSealed(value) ? vault().open(value) : value) as T;
  if (Array.isArray(value)) return value.map(unsealDeep) as T;
  if (value && typeof value === "object" && !(value instanceof Date))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unsealDeep(v)])) as T;
  return value;
}
