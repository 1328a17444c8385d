// The light half of the offline layer, in the first download: which engine runs, its state for React,
// and the loader of the heavy half (Dexie, the vault, the sync engine), which arrives right after the
// first screen is on, so a phone can start registering without waiting for it (docs/decisions/0007).
import { useSyncExternalStore } from "react";
import { ApiError } from "../api/client.ts";
import type { SyncEngine, SyncState } from "./sync-engine.ts";

export type OpenStatus = "open" | "unavailable" | "wiped-revoked" | "wiped-stale" | null;

let engine: SyncEngine | null = null;
let openStatus: OpenStatus = null;
/** Bumped whenever the phone's data changed (saved here, pulled, wiped): local reads refetch on it. */
let dataVersion = 0;
const listeners = new Set<() => void>();
const notify = () => {
  for (const l of listeners) l();
};

export function setEngine(next: SyncEngine | null, status: OpenStatus = openStatus): void {
  engine = next;
  openStatus = status;
  dataVersion++;
  notify();
}

export function currentEngine(): SyncEngine | null {
  return engine;
}

/** Why the offline layer is not there, or what it did at start (a wipe the worker should hear about). */
export function offlineOpenStatus(): OpenStatus {
  return openStatus;
}

export function bumpData(): void {
  dataVersion++;
  notify();
}

export function subscribeOffline(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The sync state for components (null until the offline layer started); re-renders on every change. */
export function useSyncState(): SyncState | null {
  return useSyncExternalStore(
    subscribeOffline,
    () => engine?.state ?? null,
    () => null,
  );
}

/** What the offline layer did at start, for the shell's banners. */
export function useOpenStatus(): OpenStatus {
  return useSyncExternalStore(
    subscribeOffline,
    () => openStatus,
    () => null,
  );
}

/** A short, non-secret name of the session: a digest of its CSRF token (see device.ts, REVOKED). */
export async function sessionTagOf(csrfToken: string): Promise<string | null> {
  try {
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(csrfToken));
    return Array.from(new Uint8Array(digest).slice(0, 12), (b) => b.toString(16).padStart(2, "0")).join("");
  } catch {
    return null;
  }
}

/** A number that changes whenever the phone's local data may have changed. */
export function useOfflineData(): number {
  return useSyncExternalStore(
    subscribeOffline,
    () => dataVersion,
    () => 0,
  );
}

let loading: Promise<typeof import("./offline.ts")> | null = null;

/** The heavy half of the offline layer, loaded once. */
export function loadOffline(): Promise<typeof import("./offline.ts")> {
  loading ??= import("./offline.ts");
  return loading;
}

/** Whether this browser can keep work offline at all (HTTPS or localhost, WebCrypto, IndexedDB). */
export function offlineCapable(): boolean {
  return !!globalThis.isSecureContext && !!globalThis.crypto?.subtle && !!globalThis.indexedDB;
}

const isNetworkError = (error: unknown) => error instanceof ApiError && error.status === 0;

/**
 * A read that works without network: the API when it answers, else the phone's working set. `local`
 * returns undefined when the phone holds nothing for it (never synced, no offline layer): then the
 * network error stands, as before.
 */
export async function readWithFallback<T>(
  remote: () => Promise<T>,
  local: (store: typeof import("./local-reads.ts")) => Promise<T | undefined>,
): Promise<T> {
  let failure: unknown = new ApiError(0, "network");
  if (navigator.onLine) {
    try {
      return await remote();
    } catch (error) {
      if (!isNetworkError(error)) throw error;
      failure = error;
    }
  }
  if (offlineCapable()) {
    const value = await local(await import("./local-reads.ts"));
    if (value !== undefined) return value;
  }
  throw failure;
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
