// The pure parts of the offline layer: sealing with the device key, the backoff, and how a pull
// changes the working set (snapshot, upserts, tombstones, reference sets).
import type { PullView } from "@vindplaats/contracts";
import { describe, expect, it } from "vitest";
import { importDataKey, open, seal } from "./crypto.ts";
import { backoffDelay } from "./sync-engine.ts";
import { applyPull, type WorkingSetWriter } from "./working-set.ts";

const keyB64 = Buffer.from(Array.from({ length: 32 }, (_, i) => i)).toString("base64");

describe("sealing", () => {
  it("round-trips a value, keeps the key non-extractable and binds the ciphertext to its slot", async () => {
    const key = await importDataKey(keyB64);
    expect(key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey("raw", key)).rejects.toThrow();
    const sealed = await seal(key, "person:1", { nickname: "Zwerver", note: "geheim" });
    expect(Buffer.from(sealed.data).toString("latin1")).not.toMatch(/Zwerver|geheim/);
    expect(await open(key, "person:1", sealed)).toEqual({ nickname: "Zwerver", note: "geheim" });
    await expect(open(key, "person:2", sealed)).rejects.toThrow();
    const again = await seal(key, "person:1", { nickname: "Zwerver", note: "geheim" });
    expect(Buffer.from(again.iv).equals(Buffer.from(sealed.iv))).toBe(false);
  });

  it("refuses a key that is not 256 bits", async () => {
    await expect(importDataKey(Buffer.alloc(16).toString("base64"))).rejects.toThrow(/256/);
  });
});

describe("backoff", () => {
  it("doubles from the base up to the ceiling, with jitter in the upper half", () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, 2000, 60_000, () => 1))).toEqual([2000, 4000, 8000, 16000]);
    expect(backoffDelay(20, 2000, 60_000, () => 1)).toBe(60_000);
    expect(backoffDelay(3, 2000, 60_000, () => 0)).toBe(4000);
  });
});

class MemoryStore implements WorkingSetWriter {
  rows = new Map<string, unknown>();
  async clear(types: readonly string[]) {
    for (const key of [...this.rows.keys()]) if (types.some((t) => key.startsWith(`${t}:`))) this.rows.delete(key);
  }
  async put(type: string, items: readonly { id: string }[]) {
    for (const i of items) this.rows.set(`${type}:${i.id}`, i);
  }
  async remove(type: string, ids: readonly string[]) {
    for (const id of ids) this.rows.delete(`${type}:${id}`);
  }
}

const view = (over: Partial<PullView>): PullView => ({
  snapshot: false,
  cursor: "c",
  hasMore: false,
  wipe: false,
  persons: [],
  contacts: [],
  tombstones: [],
  places: null,
  neighbourhoods: null,
  valueLists: null,
  tasks: null,
  ...over,
});

describe("applying a pull", () => {
  it("replaces on a snapshot, upserts changes, drops tombstoned records and keeps unchanged sets", async () => {
    const store = new MemoryStore();
    const person = (id: string) => ({ id }) as PullView["persons"][number];
    const contact = (id: string) => ({ id }) as PullView["contacts"][number];
    await store.put("person", [{ id: "old" }]);
    await store.put("set", [{ id: "neighbourhoods" }]);
    await applyPull(
      store,
      view({ snapshot: true, persons: [person("a"), person("b")], contacts: [contact("c")], places: [], tasks: [] }),
    );
    expect([...store.rows.keys()].sort()).toEqual([
      "contact:c",
      "person:a",
      "person:b",
      "set:neighbourhoods",
      "set:places",
      "set:tasks",
    ]);
    await applyPull(
      store,
      view({
        persons: [person("s")],
        tombstones: [
          { entityType: "person", entityId: "b", op: "merge", mergedIntoId: "s" },
          { entityType: "contact", entityId: "c", op: "delete", mergedIntoId: null },
        ],
      }),
    );
    expect([...store.rows.keys()].sort()).toEqual([
      "person:a",
      "person:s",
      "set:neighbourhoods",
      "set:places",
      "set:tasks",
    ]);
  });
});
