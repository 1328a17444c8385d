// The offline layer in the signed-in frame. For people who register (members of a team) it starts
// the phone's encrypted store after the first screen is on, shows the sync status (saved on this phone
// or synced, how many wait, a stuck queue, a sync button) and what a start wiped; and signing out
// wipes the phone only once nothing waits to be sent, or after the worker confirms.
import { useNavigate } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  currentEngine,
  loadOffline,
  offlineCapable,
  primeSessionCache,
  sessionTagOf,
  useOpenStatus,
} from "../../offline/state.ts";
import { SyncStatus } from "../../offline/sync-status.tsx";
import { useOfflineTexts } from "../../offline/texts.ts";
import { Button } from "../../ui/button.tsx";
import { Dialog } from "../../ui/dialog.tsx";
import { Banner } from "../../ui/misc.tsx";
import { useSession, useSessionActions } from "../auth/session.ts";

const usesOffline = (memberships: readonly unknown[]) => memberships.length > 0 && offlineCapable();

export function OfflineBar() {
  const session = useSession();
  const texts = useOfflineTexts();
  const opened = useOpenStatus();
  const active = usesOffline(session.memberships);
  const userId = session.user.id;
  const csrf = session.csrfToken;

  useEffect(() => {
    if (!active) return;
    primeSessionCache();
    let cancelled = false;
    // On start and after every sign-in: registers or checks the device, then pushes and pulls.
    void (async () => {
      const [offline, sessionTag] = await Promise.all([loadOffline(), sessionTagOf(csrf)]);
      if (!cancelled) await offline.startOffline(userId, navigator.onLine, { sessionTag });
    })().catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [active, userId, csrf]);

  if (!active) return null;
  return (
    <div className="offline-bar">
      {opened === "wiped-revoked" ? (
        <Banner tone="danger" role="alert">
          {texts.wipedRevoked}
        </Banner>
      ) : null}
      {opened === "wiped-stale" ? <Banner role="status">{texts.wipedStale}</Banner> : null}
      <SyncStatus />
    </div>
  );
}

/** Sign-out that first asks when work is still only on this phone. */
export function SignOutButton() {
  const { t } = useTranslation();
  const texts = useOfflineTexts();
  const session = useSession();
  const actions = useSessionActions();
  const navigate = useNavigate();
  const [waiting, setWaiting] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  const leave = async () => {
    await actions.signOut();
    await navigate({ to: "/sign-in", search: { reason: "signed_out" } });
  };
  const signOut = async (force: boolean) => {
    setBusy(true);
    try {
      if (usesOffline(session.memberships) && (force || currentEngine())) {
        const result = await (await loadOffline()).signOutOffline(force);
        if (!result.wiped) return setWaiting(result.waiting);
      }
      setWaiting(null);
      await leave();
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" className="btn btn-secondary btn-sm" onClick={() => void signOut(false)}>
        {t("nav.signOut")}
      </button>
      <Dialog open={waiting !== null} title={texts.signOutTitle} onClose={() => setWaiting(null)}>
        <p>{texts.signOutBody(waiting ?? 0)}</p>
        <div className="form-actions">
          <Button variant="primary" onClick={() => void currentEngine()?.syncNow()}>
            {texts.syncNow}
          </Button>
          <Button variant="danger" busy={busy} onClick={() => void signOut(true)}>
            {texts.signOutAnyway}
          </Button>
          <Button variant="ghost" onClick={() => setWaiting(null)}>
            {texts.stay}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
