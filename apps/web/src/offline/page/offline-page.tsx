// The offline registration page: a contact at a place, optionally with a new person by nickname and
// a note; what waits on this phone and what was synced; the sync status and a safe sign-out.
import type { SessionView, SyncContact } from "@vindplaats/contracts";
import { type FormEvent, useEffect, useState } from "react";
import { ApiError, api, setCsrfToken } from "../../api/client.ts";
import { Button } from "../../ui/button.tsx";
import { SelectField, TextAreaField, TextField } from "../../ui/field.tsx";
import { Banner, Card } from "../../ui/misc.tsx";
import { lastUser } from "../device.ts";
import {
  offlineEngine,
  offlineOpenStatus,
  signOutOffline,
  startOffline,
  useSyncState,
  workingContacts,
  workingSet,
} from "../offline.ts";
import { queueContact } from "../outbox-writes.ts";
import { SyncStatus } from "../sync-status.tsx";
import type { OutboxEntry } from "../vault.ts";

type Boot =
  | { phase: "loading" }
  | { phase: "ready"; session: SessionView | null }
  | { phase: "unavailable"; signedOut: boolean };

async function boot(): Promise<Boot> {
  let session: SessionView | null = null;
  let signedOut = false;
  try {
    session = await api.get<SessionView>("/api/v1/auth/session", { allow401: true });
    setCsrfToken(session.csrfToken);
  } catch (error) {
    if (!(error instanceof ApiError) || (error.status !== 0 && error.status !== 401)) throw error;
    signedOut = error.status === 401;
  }
  const engine = await startOffline(session?.user.id ?? lastUser(), !!session && navigator.onLine).catch(() => null);
  return engine ? { phase: "ready", session } : { phase: "unavailable", signedOut };
}

interface Place {
  id: string;
  name: string;
  isActive: boolean;
}

export function OfflinePage() {
  const [state, setState] = useState<Boot>({ phase: "loading" });
  useEffect(() => {
    boot().then(setState, () => setState({ phase: "unavailable", signedOut: false }));
  }, []);
  return (
    <main className="offline-page">
      <h1>Offline registreren</h1>
      {state.phase === "loading" ? <p>Bezig met laden…</p> : null}
      {state.phase === "unavailable" ? (
        <Banner tone="danger" role="alert">
          {state.signedOut
            ? "Meld je aan om offline te werken."
            : "Offline werken kan pas na één keer online aanmelden op deze telefoon."}{" "}
          <a href="/sign-in">Aanmelden</a>
        </Banner>
      ) : null}
      {state.phase === "ready" ? <Ready session={state.session} /> : null}
    </main>
  );
}

function Ready({ session }: { session: SessionView | null }) {
  const sync = useSyncState();
  const [places, setPlaces] = useState<Place[]>([]);
  const [waiting, setWaiting] = useState<OutboxEntry[]>([]);
  const [synced, setSynced] = useState<SyncContact[]>([]);
  const [saved, setSaved] = useState(0);
  const [signOutAsk, setSignOutAsk] = useState<number | null>(null);
  const teams = session?.memberships ?? [];

  // biome-ignore lint/correctness/useExhaustiveDependencies: reload the lists whenever the sync state changes.
  useEffect(() => {
    const engine = offlineEngine();
    if (!engine) return;
    void workingSet<Place>("places").then((p) => setPlaces(p.filter((x) => x.isActive)));
    void engine.vault.outbox().then(setWaiting);
    void workingContacts().then((all) =>
      setSynced(
        all.filter((c) => c.createdBy === session?.user.id).sort((a, b) => b.startedAt.localeCompare(a.startedAt)),
      ),
    );
  }, [sync, saved, session]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const nickname = String(data.get("nickname") ?? "").trim();
    const note = String(data.get("note") ?? "").trim();
    await queueContact({
      teamId: String(data.get("teamId")),
      mode: "standard",
      startedAt: new Date().toISOString(),
      durationMinutes: 15,
      placeId: String(data.get("placeId")),
      personIds: [],
      newPersons: nickname ? [{ nickname }] : [],
      anonymous: nickname ? [] : [{ ageBand: null, gender: null, count: 1 }],
      cameAbout: [],
      workingRelationship: [],
      actions: [],
      lifeDomains: [],
      referrals: [],
      note: note || null,
    });
    form.reset();
    setSaved((n) => n + 1);
  };

  const signOut = async (force: boolean) => {
    const result = await signOutOffline(force);
    if (!result.wiped) return setSignOutAsk(result.waiting);
    await api.post("/api/v1/auth/sign-out", {}, { allow401: true }).catch(() => undefined);
    window.location.assign("/sign-in?reason=signed_out");
  };

  const opened = offlineOpenStatus();
  return (
    <>
      {opened === "wiped-stale" ? (
        <Banner role="status">
          Deze telefoon was te lang offline: de teamgegevens zijn gewist. Je eigen werk is bewaard.
        </Banner>
      ) : null}
      {opened === "wiped-revoked" ? (
        <Banner role="alert">Dit toestel werd ingetrokken: de gegevens erop zijn gewist.</Banner>
      ) : null}
      <SyncStatus />
      {teams.length && places.length ? (
        <Card aria-labelledby="new-contact">
          <form className="form" onSubmit={(e) => void submit(e)}>
            <h2 id="new-contact">Nieuw contact</h2>
            <SelectField
              label="Team"
              name="teamId"
              options={teams.map((m) => ({ value: m.teamId, label: m.teamName }))}
            />
            <SelectField
              label="Vindplaats"
              name="placeId"
              options={places.map((p) => ({ value: p.id, label: p.name }))}
            />
            <TextField label="Nieuwe persoon (bijnaam)" name="nickname" autoComplete="off" />
            <TextAreaField label="Notitie" name="note" rows={2} />
            <Button type="submit" variant="primary">
              Opslaan
            </Button>
          </form>
        </Card>
      ) : null}
      <Card aria-labelledby="waiting-title">
        <h2 id="waiting-title">Op deze telefoon</h2>
        <ul className="offline-list" aria-label="Wacht op synchronisatie">
          {waiting.map((m) => (
            <li key={m.id} data-state={m.state} data-record={m.recordId}>
              <span>
                {m.kind === "contact.create" ? `Contact ${new Date(m.createdAt).toLocaleTimeString()}` : m.kind}
              </span>
              <span>{m.state === "queued" ? "opgeslagen op deze telefoon" : "geweigerd"}</span>
            </li>
          ))}
        </ul>
      </Card>
      <Card aria-labelledby="synced-title">
        <h2 id="synced-title">Gesynchroniseerd</h2>
        <ul className="offline-list" aria-label="Gesynchroniseerde contacten">
          {synced.map((c) => (
            <li key={c.id} data-id={c.id}>
              <span>Contact {new Date(c.startedAt).toLocaleTimeString()}</span>
              <span>gesynchroniseerd</span>
            </li>
          ))}
        </ul>
      </Card>
      {signOutAsk ? (
        <Banner tone="danger" role="alert">
          {signOutAsk} registraties zijn nog niet verstuurd. Afmelden wist ze van deze telefoon.{" "}
          <Button variant="danger" size="sm" onClick={() => void signOut(true)}>
            Toch afmelden en wissen
          </Button>
        </Banner>
      ) : null}
      <Button onClick={() => void signOut(false)}>Afmelden</Button>
    </>
  );
}
