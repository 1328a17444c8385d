// Moves the outbox to the server and the server's changes to the phone: on start, on reconnect,
// every minute and on the worker's button. Failures back off exponentially; a queue that keeps
// failing is reported as stuck, so the worker sees it instead of trusting a silent phone.
import {
  MAX_PUSH_BATCH,
  type PullView,
  type PushView,
  RECENT_CONTACT_DAYS,
  type SyncContact,
} from "@vindplaats/contracts";
import { ApiError, api } from "../api/client.ts";
import { wipe } from "./device.ts";
import type { Vault } from "./vault.ts";
import { applyPull } from "./working-set.ts";

export type SyncPhase = "idle" | "syncing" | "offline" | "signed_out" | "error" | "wiped";

export interface SyncState {
  phase: SyncPhase;
  /** Saved on this phone, not yet on the server. */
  waiting: number;
  /** Refused by the server (invalid, or the id came back with other data): the worker must look. */
  needsAttention: number;
  stuck: boolean;
  lastSyncAt: number | null;
  lastError: string | null;
  nextAttemptAt: number | null;
}

export interface EngineOptions {
  intervalMs?: number;
  /** Backoff: first delay and ceiling. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A waiting mutation older than this, or retried this often, makes the queue "stuck". */
  stuckAfterMs?: number;
  stuckAfterAttempts?: number;
  batchSize?: number;
  /** Called after the server said "wipe" (a revoked device) and the store was deleted. */
  onWipe?: (userId: string) => void;
}

/** Exponential backoff with jitter: 2 s, 4 s, 8 s ... up to the ceiling. */
export function backoffDelay(failures: number, base: number, max: number, random = Math.random): number {
  const exp = Math.min(max, base * 2 ** Math.max(0, failures - 1));
  return Math.round(exp / 2 + (random() * exp) / 2);
}

export class SyncEngine {
  readonly vault: Vault;
  readonly #opts: Required<Omit<EngineOptions, "onWipe">> & Pick<EngineOptions, "onWipe">;
  #state: SyncState = {
    phase: "idle",
    waiting: 0,
    needsAttention: 0,
    stuck: false,
    lastSyncAt: null,
    lastError: null,
    nextAttemptAt: null,
  };
  #listeners = new Set<() => void>();
  #running: Promise<void> | null = null;
  #again = false;
  #failures = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #interval: ReturnType<typeof setInterval> | null = null;
  readonly #onOnline = () => void this.syncNow();
  readonly #onOffline = () => this.#set({ phase: "offline" });

  constructor(vault: Vault, opts: EngineOptions = {}) {
    this.vault = vault;
    this.#opts = {
      intervalMs: 60_000,
      baseDelayMs: 2_000,
      maxDelayMs: 5 * 60_000,
      stuckAfterMs: 30 * 60_000,
      stuckAfterAttempts: 5,
      batchSize: 100,
      ...opts,
    };
  }

  get state(): SyncState {
    return this.#state;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  #set(patch: Partial<SyncState>) {
    this.#state = { ...this.#state, ...patch };
    for (const l of this.#listeners) l();
  }

  async start(): Promise<void> {
    window.addEventListener("online", this.#onOnline);
    window.addEventListener("offline", this.#onOffline);
    this.#interval = setInterval(() => void this.syncNow(), this.#opts.intervalMs);
    const meta = await this.vault.device();
    this.#set({ lastSyncAt: meta?.lastSyncAt ?? null });
    await this.refresh();
    await this.syncNow();
  }

  stop(): void {
    window.removeEventListener("online", this.#onOnline);
    window.removeEventListener("offline", this.#onOffline);
    if (this.#interval) clearInterval(this.#interval);
    if (this.#timer) clearTimeout(this.#timer);
    this.#listeners.clear();
  }

  /** Recounts the outbox (after the worker saved something). */
  async refresh(): Promise<void> {
    const s = await this.vault.summary();
    const now = Date.now();
    const stuck =
      s.maxAttempts >= this.#opts.stuckAfterAttempts ||
      (s.oldestWaitingAt !== null &&
        navigator.onLine &&
        now - s.oldestWaitingAt > this.#opts.stuckAfterMs &&
        this.#failures > 0);
    this.#set({ waiting: s.waiting, needsAttention: s.rejected + s.refused, stuck });
  }

  /** One sync at a time; a call during a sync runs another one right after. */
  syncNow(): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = (async () => {
      do {
        this.#again = false;
        await this.#run();
      } while (this.#again && this.#state.phase === "idle");
    })().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  async #run(): Promise<void> {
    if (this.#state.phase === "wiped") return;
    if (!navigator.onLine) {
      this.#set({ phase: "offline" });
      return;
    }
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#set({ phase: "syncing", nextAttemptAt: null });
    try {
      const pushed = await this.#push();
      if (pushed !== "wipe") await this.#pull();
      this.#failures = 0;
      if (this.#state.phase === "syncing") this.#set({ phase: "idle", lastError: null });
    } catch (error) {
      this.#fail(error);
    }
    if ((this.#state.phase as SyncPhase) !== "wiped") await this.refresh();
  }

  #fail(error: unknown) {
    if (error instanceof ApiError && error.status === 401) {
      // The session ended (perhaps while offline): keep everything, push after the next sign-in.
      this.#set({ phase: "signed_out", lastError: error.key });
      return;
    }
    this.#failures++;
    const delay = backoffDelay(this.#failures, this.#opts.baseDelayMs, this.#opts.maxDelayMs);
    const offline = error instanceof ApiError && error.status === 0;
    this.#set({
      phase: offline ? "offline" : "error",
      lastError: error instanceof ApiError ? error.key : "internal",
      nextAttemptAt: Date.now() + delay,
    });
    this.#timer = setTimeout(() => void this.syncNow(), delay);
  }

  async #contact(): Promise<void> {
    const at = Date.now();
    await this.vault.updateDevice({ lastSyncAt: at });
    this.#set({ lastSyncAt: at });
  }

  async #wipe(): Promise<"wipe"> {
    const meta = await this.vault.device();
    this.vault.db.close();
    if (meta) await wipe(meta.userId);
    this.#set({ phase: "wiped", waiting: 0, needsAttention: 0 });
    this.stop();
    if (meta) this.#opts.onWipe?.(meta.userId);
    return "wipe";
  }

  async #push(): Promise<"wipe" | "done"> {
    const meta = await this.vault.device();
    const now = Date.now();
    const queued = (await this.vault.outbox("queued")).filter((m) => m.nextAttemptAt <= now);
    const size = Math.min(this.#opts.batchSize, MAX_PUSH_BATCH);
    for (let i = 0; i < queued.length; i += size) {
      const batch = queued.slice(i, i + size);
      const view = await api.post<PushView>(
        "/api/v1/sync/push",
        {
          deviceId: meta?.deviceId,
          mutations: batch.map(({ id, kind, formatVersion, payload }) => ({ id, kind, formatVersion, payload })),
        },
        { allow401: true },
      );
      if (view.wipe) return this.#wipe();
      await this.#contact();
      let retrying = false;
      for (const r of view.results) {
        const entry = batch.find((m) => m.id === r.id)!;
        if (r.status === "applied") await this.vault.settle(r.id, { state: "applied" });
        else if (r.status === "rejected" || r.status === "refused")
          await this.vault.settle(r.id, { state: r.status, problem: r.problem });
        else {
          retrying = true;
          const attempts = entry.attempts + 1;
          await this.vault.deferred(
            r.id,
            attempts,
            Date.now() + backoffDelay(attempts, this.#opts.baseDelayMs, this.#opts.maxDelayMs),
            r.problem,
          );
        }
      }
      await this.refresh();
      // Keep the order: later mutations may depend on the one that has to wait.
      if (retrying) {
        this.#set({ lastError: "retry" });
        break;
      }
    }
    return "done";
  }

  async #pull(): Promise<void> {
    for (;;) {
      const meta = await this.vault.device();
      if (!meta) return;
      const qs = new URLSearchParams({ deviceId: meta.deviceId, ...(meta.cursor ? { cursor: meta.cursor } : {}) });
      const view = await api.get<PullView>(`/api/v1/sync/pull?${qs}`, { allow401: true });
      if (view.wipe) {
        await this.#wipe();
        return;
      }
      await applyPull(this.vault, view);
      await this.vault.updateDevice({ cursor: view.cursor });
      await this.#contact();
      if (!view.hasMore) break;
    }
    await this.#pruneOldContacts();
  }

  async #pruneOldContacts(): Promise<void> {
    const since = Date.now() - RECENT_CONTACT_DAYS * 86_400_000;
    const old = (await this.vault.list<SyncContact>("contact"))
      .filter((c) => Date.parse(c.startedAt) <= since)
      .map((c) => c.id);
    if (old.length) await this.vault.remove("contact", old);
  }
}
