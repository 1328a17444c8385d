// The encrypted store behind the offline app: the working set pulled from the server and the outbox of
// work done on the phone. Everything goes in and out through seal/open with the device key.
import type { MutationKind, MutationProblem } from "@vindplaats/contracts";
import { SYNC_FORMAT_VERSION } from "@vindplaats/contracts";
import { uuidv7 } from "@vindplaats/domain";
import { open, seal } from "./crypto.ts";
import type { DeviceMeta, OfflineDb, OutboxState, RecordType, SealedMutation } from "./db.ts";

export interface OutboxEntry {
  id: string;
  kind: MutationKind;
  formatVersion: number;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: number;
  createdAt: number;
  problem: MutationProblem | null;
  recordType: SealedMutation["recordType"];
  recordId: string;
  payload: Record<string, unknown>;
}

export interface OutboxSummary {
  waiting: number;
  rejected: number;
  refused: number;
  /** Oldest waiting mutation (ms since epoch), for "stuck" detection. */
  oldestWaitingAt: number | null;
  maxAttempts: number;
}

const slot = (type: string, id: string) => `${type}:${id}`;

export class Vault {
  readonly #key: CryptoKey;
  readonly db: OfflineDb;
  /** Bumped on every write, so readers can keep what they opened until something changed. */
  revision = 0;

  constructor(db: OfflineDb, key: CryptoKey) {
    this.db = db;
    this.#key = key;
  }

  device(): Promise<DeviceMeta | undefined> {
    return this.db.meta.get("device");
  }

  async updateDevice(patch: Partial<Omit<DeviceMeta, "key">>): Promise<void> {
    await this.db.meta.update("device", patch);
  }

  // ---- working set ----

  async put(type: RecordType, items: readonly { id: string }[]): Promise<void> {
    this.revision++;
    const rows = await Promise.all(
      items.map(async (item) => ({ type, id: item.id, ...(await seal(this.#key, slot(type, item.id), item)) })),
    );
    await this.db.records.bulkPut(rows);
  }

  async remove(type: RecordType, ids: readonly string[]): Promise<void> {
    this.revision++;
    await this.db.records.bulkDelete(ids.map((id) => [type, id]) as never);
  }

  async clearWorkingSet(): Promise<void> {
    this.revision++;
    await this.db.records.clear();
  }

  async clear(types: readonly RecordType[]): Promise<void> {
    this.revision++;
    await this.db.records
      .where("type")
      .anyOf([...types])
      .delete();
  }

  async list<T>(type: RecordType): Promise<T[]> {
    const rows = await this.db.records.where("type").equals(type).toArray();
    return Promise.all(rows.map((r) => open<T>(this.#key, slot(type, r.id), r)));
  }

  async get<T>(type: RecordType, id: string): Promise<T | null> {
    const row = await this.db.records.get([type, id] as never);
    return row ? open<T>(this.#key, slot(type, id), row) : null;
  }

  // ---- outbox ----

  async enqueue(
    kind: MutationKind,
    payload: Record<string, unknown>,
    record: { type: SealedMutation["recordType"]; id: string },
  ): Promise<string> {
    this.revision++;
    const id = uuidv7();
    const now = Date.now();
    await this.db.outbox.add({
      id,
      kind,
      formatVersion: SYNC_FORMAT_VERSION,
      state: "queued",
      attempts: 0,
      nextAttemptAt: 0,
      createdAt: now,
      problem: null,
      recordType: record.type,
      recordId: record.id,
      ...(await seal(this.#key, slot("outbox", id), payload)),
    });
    return id;
  }

  async outbox(state?: OutboxState): Promise<OutboxEntry[]> {
    const rows = state
      ? await this.db.outbox.where("state").equals(state).sortBy("id")
      : await this.db.outbox.orderBy("id").toArray();
    return Promise.all(
      rows.map(async ({ iv, data, ...rest }) => ({
        ...rest,
        payload: await open<Record<string, unknown>>(this.#key, slot("outbox", rest.id), { iv, data }),
      })),
    );
  }

  async settle(
    id: string,
    outcome: { state: "applied" } | { state: "rejected" | "refused"; problem: MutationProblem | null },
  ): Promise<void> {
    this.revision++;
    if (outcome.state === "applied") await this.db.outbox.delete(id);
    else await this.db.outbox.update(id, { state: outcome.state, problem: outcome.problem });
  }

  async deferred(id: string, attempts: number, nextAttemptAt: number, problem: MutationProblem | null): Promise<void> {
    this.revision++;
    await this.db.outbox.update(id, { attempts, nextAttemptAt, problem });
  }

  /** The worker chose to drop a refused or rejected mutation after looking at it. */
  async discard(id: string): Promise<void> {
    this.revision++;
    await this.db.outbox.delete(id);
  }

  async summary(): Promise<OutboxSummary> {
    const rows = await this.db.outbox.toArray();
    const waiting = rows.filter((r) => r.state === "queued");
    return {
      waiting: waiting.length,
      rejected: rows.filter((r) => r.state === "rejected").length,
      refused: rows.filter((r) => r.state === "refused").length,
      oldestWaitingAt: waiting.length ? Math.min(...waiting.map((r) => r.createdAt)) : null,
      maxAttempts: Math.max(0, ...waiting.map((r) => r.attempts)),
    };
  }
}
