// Applies a pull to the phone's working set: a snapshot replaces it, otherwise records are upserted and
// tombstones remove what was deleted, merged away or is no longer shared. A merge needs nothing more
// here: the server also sends the contacts that moved to the surviving person.
import type { PullView } from "@vindplaats/contracts";
import type { RecordType } from "./db.ts";

export type SetName = "places" | "neighbourhoods" | "valueLists" | "tasks";
export const SET_NAMES: readonly SetName[] = ["places", "neighbourhoods", "valueLists", "tasks"];

export interface WorkingSetWriter {
  clear(types: readonly RecordType[]): Promise<void>;
  put(type: RecordType, items: readonly { id: string }[]): Promise<void>;
  remove(type: RecordType, ids: readonly string[]): Promise<void>;
}

export async function applyPull(store: WorkingSetWriter, view: PullView): Promise<void> {
  // A snapshot replaces persons and contacts; the sets are replaced whenever they come.
  if (view.snapshot) await store.clear(["person", "contact"]);
  if (view.persons.length) await store.put("person", view.persons);
  if (view.contacts.length) await store.put("contact", view.contacts);
  for (const type of ["person", "contact"] as const) {
    const gone = view.tombstones.filter((t) => t.entityType === type).map((t) => t.entityId);
    if (gone.length) await store.remove(type, gone);
  }
  const sets = SET_NAMES.filter((name) => view[name] !== null).map((name) => ({ id: name, items: view[name] }));
  if (sets.length) await store.put("set", sets);
}
