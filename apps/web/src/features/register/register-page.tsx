// Register a contact on the phone: a fresh draft (or the last contact repeated, or a group), saved
// with one POST through submit.ts. After saving, the next contact is one tap away.
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { Link, useSearch } from "@tanstack/react-router";
import type { ContactView } from "@vindplaats/contracts";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { placesQuery } from "../../api/org.ts";
import { useOfflineTexts } from "../../offline/texts.ts";
import { Button } from "../../ui/button.tsx";
import { Banner, PageHeader } from "../../ui/misc.tsx";
import { useErrorText } from "../../ui/use-error-text.ts";
import { useSession } from "../auth/session.ts";
import { lastContactQuery } from "../contacts/contacts-api.ts";
import { useCurrentTeam } from "../shell/current-team.tsx";
import type { Membership } from "../shell/team-choice.ts";
import { type ContactDraft, draftFromLast, newDraft, type PersonRef, toContactBody } from "./contact-draft.ts";
import { ContactForm } from "./contact-form.tsx";
import { readRecentPlaces, rememberPlace } from "./recent-places.ts";
import { useRegisterErrors } from "./register-errors.ts";
import { type Saved, submitContact } from "./submit.ts";
import "./register.css";

type StartMode = "standard" | "repeat" | "group";

export function RegisterPage() {
  const { t } = useTranslation();
  const { team } = useCurrentTeam();
  const search = useSearch({ strict: false }) as { mode?: StartMode };
  if (!team) return <Banner>{t("register.noTeam")}</Banner>;
  return <RegisterScreen key={team.teamId} team={team} startMode={search.mode ?? "standard"} />;
}

function RegisterScreen({ team, startMode }: { team: Membership; startMode: StartMode }) {
  const { t } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const { data: places } = useSuspenseQuery(placesQuery());
  const [draft, setDraft] = useState<ContactDraft>(() => ({
    ...newDraft(),
    mode: startMode === "group" ? "group" : "standard",
  }));
  const [recent, setRecent] = useState(() => readRecentPlaces(session.user.id));
  const [saved, setSaved] = useState<{ contact: Saved<ContactView>; persons: PersonRef[] } | null>(null);
  const [repeat, setRepeat] = useState<{ state: "idle" | "busy" | "none" | "failed"; error?: unknown }>({
    state: "idle",
  });
  // "always": without network the contact is saved on the phone, never paused.
  const save = useMutation({ mutationFn: submitContact, networkMode: "always" });
  const errors = useRegisterErrors(save.error);
  const set = (patch: Partial<ContactDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const repeatLast = async () => {
    setRepeat({ state: "busy" });
    try {
      const last = await queryClient.fetchQuery(lastContactQuery(team.teamId));
      if (!last) return setRepeat({ state: "none" });
      setDraft(draftFromLast(last));
      setRepeat({ state: "idle" });
    } catch (error) {
      setRepeat({ state: "failed", error });
    }
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the screen opens in repeat mode.
  useEffect(() => {
    if (startMode === "repeat") void repeatLast();
  }, []);

  const submit = async () => {
    const place = places.find((p) => p.id === draft.placeId);
    try {
      const contact = await save.mutateAsync(toContactBody(draft, team.teamId, place?.neighbourhoodId ?? null));
      if (draft.placeId) rememberPlace(session.user.id, draft.placeId);
      setRecent(readRecentPlaces(session.user.id));
      setSaved({ contact, persons: draft.persons });
      void queryClient.invalidateQueries({ queryKey: ["contacts"] });
      void queryClient.invalidateQueries({ queryKey: ["persons"] });
    } catch {
      requestAnimationFrame(() =>
        document.querySelector(".reg-form [data-invalid]")?.scrollIntoView({ block: "start" }),
      );
    }
  };
  const restart = () => {
    save.reset();
    setSaved(null);
    setRepeat({ state: "idle" });
    setDraft(newDraft());
  };

  if (saved) return <SavedPanel contact={saved.contact} persons={saved.persons} onAnother={restart} />;
  const isGroup = draft.mode === "group";
  return (
    <div className="register">
      <PageHeader
        title={t("register.title")}
        intro={t("register.intro", { team: team.teamName })}
        actions={
          <>
            <Button size="sm" busy={repeat.state === "busy"} onClick={() => void repeatLast()}>
              {t("register.repeat")}
            </Button>
            <Button
              size="sm"
              aria-pressed={isGroup}
              onClick={() => set({ mode: isGroup ? "standard" : "group", groupId: null })}
            >
              {t("register.withGroup")}
            </Button>
          </>
        }
      />
      {draft.mode === "repeat" ? <Banner role="status">{t("register.repeated")}</Banner> : null}
      {repeat.state === "none" ? <Banner role="status">{t("register.noLast")}</Banner> : null}
      {repeat.state === "failed" ? (
        <Banner tone="danger" role="alert">
          {errorText(repeat.error)}
        </Banner>
      ) : null}
      <ContactForm
        draft={draft}
        set={set}
        teamId={team.teamId}
        places={places}
        recent={recent}
        errors={errors}
        error={save.error}
        busy={save.isPending}
        onSubmit={() => void submit()}
      />
    </div>
  );
}

function SavedPanel({
  contact,
  persons,
  onAnother,
}: {
  contact: Saved<ContactView>;
  persons: PersonRef[];
  onAnother: () => void;
}) {
  const { t } = useTranslation();
  const offline = useOfflineTexts();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const known = persons.filter((p) => contact.personIds.includes(p.id));
  return (
    <div className="register stack">
      <h1 ref={heading} tabIndex={-1}>
        {t("register.saved")}
      </h1>
      <Banner tone="success" role="status">
        {t("register.savedDetail", { count: contact.personIds.length + contact.anonymousTotal })}
      </Banner>
      {contact.savedHere ? <Banner role="status">{offline.savedHereDetail}</Banner> : null}
      {known.length ? (
        <ul className="chips" aria-label={t("register.savedPersons")}>
          {known.map((p) => (
            <li key={p.id}>
              <Link className="chip" to="/persons/$personId" params={{ personId: p.id }}>
                {p.nickname ?? t("register.persons.person")}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="saved-actions">
        <Button variant="primary" onClick={onAnother}>
          {t("register.another")}
        </Button>
        <Link className="btn btn-secondary" to="/tally">
          {t("tally.title")}
        </Link>
        <Link className="btn btn-ghost" to="/">
          {t("app.backHome")}
        </Link>
      </div>
    </div>
  );
}
