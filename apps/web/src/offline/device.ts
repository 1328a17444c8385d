// The phone as a registered device: opening its encrypted store at start, online or offline, and the
// rules that wipe it (revoked by an administrator, offline longer than the limit, signing out).
import type { DeviceKeyView } from "@vindplaats/contracts";
import { ApiError, api } from "../api/client.ts";
import { importDataKey } from "./crypto.ts";
import { DB_PREFIX, type DeviceMeta, offlineDbNames, openDb } from "./db.ts";
import { Vault } from "./vault.ts";

const LAST_USER = "vindplaats.offline.user";
/** Set when this phone was wiped as revoked: no new device for the same session, only after a new sign-in. */
const REVOKED = "vindplaats.offline.revoked";
/** The service worker's copy of the session view, so the app shell opens offline (vite.config.ts). */
export const SESSION_CACHE = "vp-session";
const DAY = 86_400_000;

export type OpenResult =
  | { status: "open"; vault: Vault; wiped: "stale" | null }
  /**
   * Never signed in online on this phone (or it was wiped): offline work needs one online sign-in.
   * `revoked`: an administrator revoked this device; it works online only until the next sign-in.
   */
  | { status: "unavailable"; revoked?: boolean };

/** Who used the app last on this phone; lets a reload without network find the right store. */
export function lastUser(): string | null {
  try {
    return localStorage.getItem(LAST_USER);
  } catch {
    return null;
  }
}

function deviceLabel(): string {
  const ua = navigator.userAgent;
  const kind = /Android/i.test(ua) ? "Android" : /iPhone|iPad/i.test(ua) ? "iOS" : "Browser";
  return `${kind} · ${new Date().toISOString().slice(0, 10)}`;
}

async function register(userId: string): Promise<Vault> {
  const view = await api.post<DeviceKeyView>("/api/v1/sync/devices", { label: deviceLabel() }, { allow401: true });
  const cryptoKey = await importDataKey(view.dataKey!);
  const db = openDb(userId);
  await db.meta.put({
    key: "device",
    deviceId: view.deviceId,
    userId,
    cryptoKey,
    createdAt: Date.now(),
    lastSyncAt: null,
    maxOfflineDays: view.maxOfflineDays,
    cursor: null,
  });
  return new Vault(db, cryptoKey);
}

/** Remembers a revocation wipe for this user and session (see REVOKED). */
export function markRevoked(userId: string, sessionTag: string | null): void {
  try {
    localStorage.setItem(REVOKED, JSON.stringify({ userId, sessionTag }));
  } catch {}
}

/** True while the session that saw the revocation lasts; a new sign-in (another tag) clears it. */
function stillRevoked(userId: string, sessionTag: string | null): boolean {
  try {
    const mark = JSON.parse(localStorage.getItem(REVOKED) ?? "null") as { userId: string; sessionTag: string } | null;
    if (!mark || mark.userId !== userId) return false;
    if (sessionTag && mark.sessionTag !== sessionTag) {
      localStorage.removeItem(REVOKED);
      return false;
    }
    return true;
  } catch {
    return false;
  }
}

/**
 * Opens the user's store. `signedIn` means the server just confirmed a session: then the device is
 * registered (first time) or checked for revocation. Otherwise the store opens from IndexedDB alone.
 * `sessionTag` names the session (a digest of its CSRF token), so a revoked phone registers again only
 * after a new sign-in, not on the next reload of the session that was running when it was revoked.
 */
export async function openDevice(
  userId: string | null,
  signedIn: boolean,
  sessionTag: string | null = null,
  now = Date.now(),
): Promise<OpenResult> {
  const user = userId ?? lastUser();
  if (!user) return { status: "unavailable" };
  try {
    localStorage.setItem(LAST_USER, user);
  } catch {}
  void navigator.storage?.persist?.().catch(() => undefined);
  await wipeStaleOtherUsers(user, now);
  if (stillRevoked(user, sessionTag)) {
    if ((await offlineDbNames()).includes(`${DB_PREFIX}${user}`)) await wipe(user);
    return { status: "unavailable", revoked: true };
  }
  const db = openDb(user);
  let meta: DeviceMeta | undefined = await db.meta.get("device");
  let wiped: "stale" | null = null;

  if (meta && signedIn) {
    try {
      const view = await api.get<DeviceKeyView>(`/api/v1/sync/devices/${meta.deviceId}/key`, { allow401: true });
      if (view.wipe) {
        await wipe(user);
        markRevoked(user, sessionTag);
        return { status: "unavailable", revoked: true };
      }
    } catch (error) {
      // Unknown to the server (a restored server): its key is gone, and with it the local data.
      if (error instanceof ApiError && error.status === 404) {
        await wipe(user);
        meta = undefined;
      } else if (!(error instanceof ApiError && (error.status === 0 || error.status === 401))) throw error;
    }
  }
  if (!meta) {
    if (!signedIn) return { status: "unavailable" };
    return { status: "open", vault: await register(user), wiped };
  }
  const vault = new Vault(db, meta.cryptoKey);
  const since = meta.lastSyncAt ?? meta.createdAt;
  if (now - since > meta.maxOfflineDays * DAY) {
    // Too long without contact: drop the working set (other people's records). The worker's own
    // unsent work stays, sealed, and goes out after the next sign-in: a note is never lost silently.
    await vault.clearWorkingSet();
    await vault.updateDevice({ cursor: null });
    wiped = "stale";
  }
  return { status: "open", vault, wiped };
}

/** Deletes everything this phone holds for the user, and the cached session view. */
export async function wipe(userId: string): Promise<void> {
  const db = openDb(userId);
  db.close();
  await db.delete();
  await globalThis.caches?.delete(SESSION_CACHE).catch(() => false);
  try {
    if (localStorage.getItem(LAST_USER) === userId) localStorage.removeItem(LAST_USER);
  } catch {}
}

/** Another person used this phone before and has not been back for longer than the limit. */
async function wipeStaleOtherUsers(current: string, now: number): Promise<void> {
  for (const name of await offlineDbNames()) {
    const other = name.slice(DB_PREFIX.length);
    if (other === current) continue;
    const db = openDb(other);
    const meta = await db.meta.get("device").catch(() => undefined);
    db.close();
    if (!meta || now - (meta.lastSyncAt ?? meta.createdAt) > meta.maxOfflineDays * DAY) await wipe(other);
  }
}

/**
 * Signing out wipes the phone's data, but only once nothing waits to be sent, unless the worker
 * chose to throw that away (`force`). Returns how many mutations still wait when it did not wipe.
 */
export async function signOutDevice(vault: Vault, force = false): Promise<{ wiped: boolean; waiting: number }> {
  const summary = await vault.summary();
  const waiting = summary.waiting + summary.rejected + summary.refused;
  if (waiting && !force) return { wiped: false, waiting };
  const meta = await vault.device();
  vault.db.close();
  if (meta) await wipe(meta.userId);
  return { wiped: true, waiting };
}
