// Which columns hold sealed values: the list the re-encryption job walks and the at-rest test checks.
// A new free-text column with notes, identity or health details belongs here and in its repository.
import { sealChanges } from "./fields.ts";
import { isSealed, kekOf, vault } from "./vault.ts";

/** Text columns sealed whole (every table has an `id` primary key). */
export const SEALED_TEXT: Readonly<Record<string, readonly string[]>> = {
  persons: ["description", "full_name", "birth_date", "national_register_number", "phone", "email"],
  person_notes: ["body"],
  contacts: ["note", "removed_reason"],
  contact_revisions: ["reason"],
  referrals: ["note"],
  cases: ["summary", "close_note"],
  case_complainants: ["name", "contact_info", "note"],
  case_complaints: ["description"],
  case_actions: ["description"],
  case_conferences: ["note"],
  housing_checkpoints: ["note"],
  trajectory_goals: ["description"],
  trajectory_steps: ["description"],
  person_restrictions: ["reason", "lift_reason"],
  devices: ["data_key"],
};

/** Person fields whose values are sealed inside person_history entries ({ field: { from, to } }). */
export const PERSON_SEALED_FIELDS: ReadonlySet<string> = new Set([
  "description",
  "fullName",
  "birthDate",
  "nationalRegisterNumber",
  "phone",
  "email",
]);
/** Contact fields whose values are sealed inside contact_revisions entries. */
export const CONTACT_SEALED_FIELDS: ReadonlySet<string> = new Set(["note"]);

/** A refused offline payload is kept sealed whole, with a keyed digest to keep it once. */
export interface SealedPayload {
  sealed: string;
  digest: string;
}
export const isSealedPayload = (v: unknown): v is SealedPayload =>
  !!v && typeof v === "object" && typeof (v as SealedPayload).sealed === "string";

type Json = Record<string, unknown>;

/** True when a value holds a sealed string under another key, or a sensitive field still in clear. */
function changesNeedWork(changes: unknown, fields: ReadonlySet<string>, primary: string): boolean {
  let found = false;
  mapSealed(changes, (s) => {
    if (kekOf(s) !== primary) found = true;
    return s;
  });
  if (found || !changes || typeof changes !== "object") return found;
  for (const [field, change] of Object.entries(changes as Json)) {
    if (!fields.has(field) || !change || typeof change !== "object") continue;
    for (const v of [(change as Json).from, (change as Json).to])
      if (typeof v === "string" && !isSealed(v)) return true;
  }
  return false;
}

/** The value with every sealed string passed through `fn`. */
function mapSealed(value: unknown, fn: (sealed: string) => string): unknown {
  if (typeof value === "string") return isSealed(value) ? fn(value) : value;
  if (Array.isArray(value)) return value.map((v) => mapSealed(v, fn));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapSealed(v, fn)]));
  return value;
}

/** Re-seals under the primary key what is sealed under another, and seals sensitive fields still in clear. */
function resealChanges(changes: unknown, fields: ReadonlySet<string>): unknown {
  const primary = vault().primaryKekId;
  const moved = mapSealed(changes, (s) => (kekOf(s) === primary ? s : vault().seal(vault().open(s))));
  return sealChanges(moved as Json, fields);
}

/** JSON columns with sealed values inside: how to tell a value needs work, and how to re-seal it. */
export const SEALED_JSON: Readonly<
  Record<
    string,
    { column: string; needsWork(value: unknown, primary: string): boolean; reseal(value: unknown): unknown }
  >
> = {
  person_history: {
    column: "changes",
    needsWork: (v, primary) => changesNeedWork(v, PERSON_SEALED_FIELDS, primary),
    reseal: (v) => resealChanges(v, PERSON_SEALED_FIELDS),
  },
  contact_revisions: {
    column: "changes",
    needsWork: (v, primary) => changesNeedWork(v, CONTACT_SEALED_FIELDS, primary),
    reseal: (v) => resealChanges(v, CONTACT_SEALED_FIELDS),
  },
  sync_review: {
    column: "payload",
    needsWork: (v, primary) => !isSealedPayload(v) || kekOf(v.sealed) !== primary,
    reseal: (v) => sealPayload(isSealedPayload(v) ? JSON.parse(vault().open(v.sealed)) : v),
  },
};

/** JSON with sorted keys, so the same payload always gives the same digest. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(",")}]`;
  if (value && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((value as Json)[k])}`)
      .join(",")}}`;
  return JSON.stringify(value) ?? "null";
}

export function sealPayload(payload: unknown): SealedPayload {
  const text = stable(payload);
  return { sealed: vault().seal(text), digest: vault().blindIndex("sync-review", text) };
}

export function openPayload(stored: unknown): unknown {
  return isSealedPayload(stored) ? JSON.parse(vault().open(stored.sealed)) : stored;
}
