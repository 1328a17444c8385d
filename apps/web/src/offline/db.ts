// The phone's IndexedDB (Dexie), one database per user. Only ids, kinds, states and times are stored
// in clear, because they are what the store is searched by; every value about a person (nickname,
// note, profile) is an AES-GCM ciphertext (crypto.ts). Size: a team's working set is a few thousand
// persons and a month of contacts, about 1 KB each sealed, so some megabytes; browsers grant far
// more, and navigator.storage.persist() is asked so the outbox is not evicted under pressure.
import type { MutationKind, MutationProblem } from "@vindplaats/contracts";
import { Dexie, type EntityTable } from "dexie";

export const DB_PREFIX = "vindplaats-offline-";

export interface DeviceMeta {
  key: "device";
  deviceId: string;
  userId: string;
  /** Non-extractable: kept as a CryptoKey object, never as bytes. */
  cryptoKey: CryptoKey;
  createdAt: number;
  /** Last successful exchange with the server (push or pull). */
  lastSyncAt: number | null;
  maxOfflineDays: number;
  cursor: string | null;
}

export type RecordType = "person" | "contact" | "set";

export interface SealedRecord {
  type: RecordType;
  id: string;
  iv: Uint8Array;
  data: ArrayBuffer;
}

/** queued: waits to be sent; rejected/refused: the server said no, the worker must look at it. */
export type OutboxState = "queued" | "rejected" | "refused";

export interface SealedMutation {
  /** The mutation id (uuidv7): time-ordered, so the outbox is sent in the order it was filled. */
  id: string;
  kind: MutationKind;
  formatVersion: number;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: number;
  createdAt: number;
  problem: MutationProblem | null;
  /** The client id of the record the mutation makes or changes. */
  recordType: "person" | "contact" | "task" | "note";
  recordId: string;
  iv: Uint8Array;
  data: ArrayBuffer;
}

export type OfflineDb = Dexie & {
  meta: EntityTable<DeviceMeta, "key">;
  records: EntityTable<SealedRecord>;
  outbox: EntityTable<SealedMutation, "id">;
};

export function openDb(userId: string): OfflineDb {
  const db = new Dexie(`${DB_PREFIX}${userId}`) as OfflineDb;
  db.version(1).stores({ meta: "key", records: "[type+id], type", outbox: "id, state" });
  return db;
}

export async function offlineDbNames(): Promise<string[]> {
  return (await Dexie.getDatabaseNames()).filter((n) => n.startsWith(DB_PREFIX));
}
