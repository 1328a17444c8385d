// What the rest of the web app uses of the offline layer: start it after the session is known, save
// work through the outbox, read the working set, and sign out safely. One engine per page.
import type { MutationKind, PersonView, SessionView, SyncContact } from "@vindplaats/contracts";
import { useSyncExternalStore } from "react";
import { ApiError, api } from "../api/client.ts";
import { type OpenResult, openDevice, signOutDevice } from "./device.ts";
import { type EngineOptions, SyncEngine, type SyncState } from "./sync-engine.ts";
import type { SetName } from "./working-set.ts";

let engine: SyncEngine | null = null;
let starting: Promise<SyncEngine | null> | null = null;
let lastOpen: OpenResult["status"] | "wiped-revoked" | "wiped-stale" | null = null;
const listeners = new Set<() => void>();
const notify = () => {
  for (const l of listeners) l();
};

/**
 * Starts the offline layer for this user. `signedIn`: the server confirmed the session now (the
 * device is registered or checked); false when the app opened without network or session.
 */
export function startOffline(
  userId: string | null,
  signedIn: boolean,
  options: EngineOptions = {},
): Promise<SyncEngine | null> {
  if (engine) {
    if (signedIn) void engine.syncNow();
    return Promise.resolve(engine);
  }
  // WebCrypto, IndexedDB and service workers need a secure context (HTTPS or localhost).
  if (!globalThis.isSecureContext || !globalThis.crypto?.subtle || !globalThis.indexedDB) return Promise.resolve(null);
  starting ??= (async () => {
    const opened = await openDevice(userId, signedIn);
    lastOpen = opened.status === "open" && opened.wiped ? `wiped-${opened.wiped}` : opened.status;
    if (opened.status !== "open") return null;
    engine = new SyncEngine(opened.vault, options);
    engine.subscribe(notify);
    notify();
    void engine.start();
    return engine;
  })().finally(() => {
    starting = null;
  });
  return starting;
}

export function offlineEngine(): SyncEngine | null {
  return engine;
}

/** Why the offline layer is not there, or what it did at start. */
export function offlineOpenStatus() {
  return lastOpen;
}

const IDLE: SyncState = {
  phase: "idle",
  waiting: 0,
  needsAttention: 0,
  stuck: false,
  lastSyncAt: null,
  lastError: null,
  nextAttemptAt: null,
};

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The sync state for components (null until the offline layer started); re-renders on every change. */
export function useSyncState(): SyncState | null {
  return useSyncExternalStore(
    subscribe,
    () => engine?.state ?? null,
    () => IDLE,
  );
}

/**
 * The offline layer, started on first use when the shell did not start it: the session view (the
 * service worker's copy when there is no network) says whose store to open.
 */
export async function ensureOffline(): Promise<SyncEngine | null> {
  if (engine) return engine;
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
  if (!engine) throw new Error("the offline layer is not started");
  const mutationId = await engine.vault.enqueue(kind, payload, record);
  await engine.refresh();
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
  return engine ? engine.vault.list<PersonView>("person") : [];
}

export async function workingContacts(): Promise<SyncContact[]> {
  return engine ? engine.vault.list<SyncContact>("contact") : [];
}

export async function workingSet<T>(name: SetName): Promise<T[]> {
  const set = engine ? await engine.vault.get<{ items: T[] }>("set", name) : null;
  return set?.items ?? [];
}

/**
 * For the shell's sign-out: wipes the phone's data when nothing waits to be sent (or when `force`).
 * When work still waits it wipes nothing and says how much, so the shell can ask the worker.
 */
export async function signOutOffline(force = false): Promise<{ wiped: boolean; waiting: number }> {
  if (!engine) return { wiped: true, waiting: 0 };
  const result = await signOutDevice(engine.vault, force);
  if (result.wiped) {
    engine.stop();
    engine = null;
    notify();
  }
  return result;
}

/**
 * On the very first visit the service worker takes over after the page asked for its session, so
 * that answer is not cached yet: ask once more through the worker, so a reload without network opens.
 */
export function primeSessionCache(): void {
  if (!("serviceWorker" in navigator) || navigator.serviceWorker.controller) return;
  navigator.serviceWorker.addEventListener(
    "controllerchange",
    () => void fetch("/api/v1/auth/session", { credentials: "same-origin" }).catch(() => undefined),
    { once: true },
  );
}
