// The small status the shell shows: saved on this phone (and how many wait) versus synced, offline,
// session expired, a stuck queue, refused registrations, and a button to sync now.
import "./offline.css";
import { currentEngine, useSyncState } from "./state.ts";
import { useOfflineTexts } from "./texts.ts";

const clock = (ms: number) => new Date(ms).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

export function SyncStatus() {
  const state = useSyncState();
  const t = useOfflineTexts();
  if (!state) return null;
  const tone = state.stuck || state.needsAttention ? "danger" : state.waiting ? "waiting" : "synced";
  return (
    <section
      className={`sync-status sync-${tone}`}
      aria-label={t.statusLabel}
      data-phase={state.phase}
      data-waiting={state.waiting}
    >
      <p className="sync-main" role="status">
        {state.phase === "wiped"
          ? t.wiped
          : state.waiting
            ? `${t.savedHere(state.waiting)} · ${t.waiting}`
            : state.lastSyncAt
              ? t.syncedAt(clock(state.lastSyncAt))
              : t.synced}
      </p>
      {state.phase === "syncing" ? <p className="sync-note">{t.syncing}</p> : null}
      {state.phase === "offline" ? <p className="sync-note">{t.offline}</p> : null}
      {state.phase === "signed_out" ? <p className="sync-note">{t.signedOut}</p> : null}
      {state.phase === "error" ? (
        <p className="sync-note">
          {t.error} {state.nextAttemptAt ? t.nextTry(clock(state.nextAttemptAt)) : null}
        </p>
      ) : null}
      {state.stuck ? (
        <p className="sync-alert" role="alert">
          {t.stuck}
        </p>
      ) : null}
      {state.needsAttention ? (
        <p className="sync-alert" role="alert">
          {t.attention(state.needsAttention)}
        </p>
      ) : null}
      {state.phase !== "wiped" ? (
        <button
          type="button"
          className="btn btn-secondary btn-sm"
          disabled={state.phase === "syncing"}
          onClick={() => void currentEngine()?.syncNow()}
        >
          {t.syncNow}
        </button>
      ) : null}
    </section>
  );
}
