// The heavy half of the offline layer (loaded through state.ts): start it after the session is known,
// save work through the outbox, read the working set, and sign out safely. One engine per page.
import type { MutationKind, PersonView, SessionView, SyncContact } from "@vindplaats/contracts";
import { ApiError, api } from "../api/client.ts";
import { markRevoked, openDevice, signOutDevice } from "./device.ts";
import { bumpData, currentEngine, offlineCapable, setEngine } from "./state.ts";
import { type EngineOptions, SyncEngine } from "./sync-engine.ts";
import type { SetName } from "./working-set.ts";

let starting: Promise<SyncEngine | null> | null = null;
let sessionTag: string | null = null;

/**
 * Starts the offline layer for this user. `signedIn`: the server confirmed the session now (the
 * device is registered or checked); false when the app opened without network or session. A
 * different user than the running engine's (signed in after an expired session) gets their own store.
 */
export async function startOffline(
  userId: string | null,
  signedIn: boolean,
  options: EngineOptions & { sessionTag?: string | null } = {},
): Promise<SyncEngine | null> {
  const { sessionTag: tag, ...engineOptions } = options;
  if (tag !== undefined) sessionTag = tag;
  if (starting) await starting.catch(() => null);
  const running = currentEngine();
  if (running) {
    const owner = (await running.vault.device().catch(() => undefined))?.userId;
    if (!userId || owner === userId) {
      if (signedIn) void running.syncNow();
      return running;
    }
    running.stop();
    running.vault.db.close();
    setEngine(null, null);
  }
  // WebCrypto, IndexedDB and service workers need a secure context (HTTPS or localhost).
  if (!offlineCapable()) return null;
  starting = (async () => {
    const opened = await openDevice(userId, signedIn, sessionTag);
    if (opened.status !== "open") {
      setEngine(null, opened.revoked ? "wiped-revoked" : "unavailable");
      return null;
    }
    const engine = new SyncEngine(opened.vault, {
      ...engineOptions,
      // Revoked while running: remember it, so the reload does not register the phone again.
      onWipe: (wipedUser) => {
        markRevoked(wipedUser, sessionTag);
        setEngine(null, "wiped-revoked");
      },
    });
    engine.subscribe(bumpData);
    setEngine(engine, opened.wiped ? `wiped-${opened.wiped}` : "open");
    void engine.start();
    return engine;
  })().finally(() => {
    starting = null;
  });
  return starting;
}

export function offlineEngine(): SyncEngine | null {
  return currentEngine();
}

/** Waits for a start under way; null when the layer is not (and will not be) running. */
export async function runningEngine(): Promise<SyncEngine | null> {
  if (starting) await starting.catch(() => null);
  return currentEngine();
}

/**
 * The offline layer, started on first use when the shell did not start it: the session view (the
 * service worker's copy when there is no network) says whose store to open.
 */
export async function ensureOffline(): Promise<SyncEngine | null> {
  const running = await runningEngine();
  if (running) return running;
  let userId: string | null = null;
  try {
    userId = (await api.get<SessionView>("/api/v1/auth/session", { allow401: true })).user.id;
  } catch {
    // No network and no cached session, or signed out: the last user's store, if any.
  }
  return startOffline(userId, userId !== null && navigator.onLine).catch(() => null);
}

/**
 * Saves one piece of work in the outbox and tries to send it at once. Online it waits briefly for the
 * answer, so a screen behaves as before: a refusal is thrown as the API's problem (and leaves the
 * outbox, the screen keeps the draft); offline it returns straight away.
 */
export async function saveOffline(
  kind: MutationKind,
  payload: Record<string, unknown>,
  record: { type: "person" | "contact" | "task" | "note"; id: string },
  waitMs = 3_000,
): Promise<{ mutationId: string; synced: boolean }> {
  const engine = currentEngine();
  if (!engine) throw new Error("the offline layer is not started");
  const mutationId = await engine.vault.enqueue(kind, payload, record);
  await engine.refresh();
  bumpData();
  if (!navigator.onLine) return { mutationId, synced: false };
  const done = engine.syncNow();
  await Promise.race([done, new Promise((r) => setTimeout(r, waitMs))]);
  const entry = (await engine.vault.outbox()).find((m) => m.id === mutationId);
  if (entry && entry.state !== "queued") {
    await engine.vault.discard(mutationId);
    await engine.refresh();
    const p = entry.problem;
    throw new ApiError(p?.status ?? 409, p?.key ?? "conflict", p?.errors ?? []);
  }
  return { mutationId, synced: !entry };
}

export async function workingPersons(): Promise<PersonView[]> {
  return currentEngine()?.vault.list<PersonView>("person") ?? [];
}

export async function workingContacts(): Promise<SyncContact[]> {
  return currentEngine()?.vault.list<SyncContact>("contact") ?? [];
}

/** A reference set or the open tasks; null when the phone never received it. */
export async function workingSet<T>(name: SetName): Promise<T[] | null> {
  const set = (await currentEngine()?.vault.get<{ items: T[] }>("set", name)) ?? null;
  return set?.items ?? null;
}

/**
 * For the shell's sign-out: wipes the phone's data when nothing waits to be sent (or when `force`).
 * When work still waits it wipes nothing and says how much, so the shell can ask the worker.
 */
export async function signOutOffline(force = false): Promise<{ wiped: boolean; waiting: number }> {
  const engine = await runningEngine();
  if (!engine) return { wiped: true, waiting: 0 };
  const s = await engine.vault.summary();
  const waiting = s.waiting + s.rejected + s.refused;
  if (waiting && !force) return { wiped: false, waiting };
  // Stop syncing first, so nothing reopens the store while it is deleted.
  engine.stop();
  setEngine(null, null);
  return signOutDevice(engine.vault, true);
}
