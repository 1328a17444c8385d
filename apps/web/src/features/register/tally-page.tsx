// The tally: +1 anonymous contact at a place, now, in one tap on the place. For night patrols and
// busy squares. Age band and gender can be given but are never asked for.
import { useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { uuidv7 } from "@vindplaats/domain";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Place, placesQuery } from "../../api/org.ts";
import { Button } from "../../ui/button.tsx";
import { Banner, PageHeader } from "../../ui/misc.tsx";
import { useErrorText } from "../../ui/use-error-text.ts";
import { useSession } from "../auth/session.ts";
import { ChipGroup } from "../contacts/chips.tsx";
import { removeContact } from "../contacts/contacts-api.ts";
import { useCurrentTeam } from "../shell/current-team.tsx";
import { useValueLabels } from "../value-lists/value-lists-api.ts";
import { PlacePicker } from "./place-picker.tsx";
import { readRecentPlaces, rememberPlace } from "./recent-places.ts";
import { submitTally } from "./submit.ts";
import "./register.css";

interface Counted {
  contactId: string;
  place: Place;
  at: Date;
  undone?: boolean;
}

export function TallyPage() {
  const { t } = useTranslation();
  const session = useSession();
  const { team } = useCurrentTeam();
  const values = useValueLabels();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const { data: places } = useSuspenseQuery(placesQuery());
  const [recent, setRecent] = useState(() => readRecentPlaces(session.user.id));
  const [ageBand, setAgeBand] = useState<string[]>([]);
  const [gender, setGender] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ error: unknown; place: Place } | null>(null);
  const [counted, setCounted] = useState<Counted[]>([]);
  // One id per tally until it is stored, so "try again" after a lost answer never counts twice.
  const pending = useRef<{ id: string; placeId: string } | null>(null);
  const inFlight = useRef(false);

  if (!team) return <Banner>{t("register.noTeam")}</Banner>;

  const count = async (place: Place) => {
    if (inFlight.current) return;
    inFlight.current = true;
    if (pending.current?.placeId !== place.id) pending.current = { id: uuidv7(), placeId: place.id };
    setBusy(true);
    setError(null);
    try {
      const contact = await submitTally({
        id: pending.current.id,
        teamId: team.teamId,
        placeId: place.id,
        ageBand: ageBand[0] ?? null,
        gender: gender[0] ?? null,
      });
      pending.current = null;
      rememberPlace(session.user.id, place.id);
      setRecent(readRecentPlaces(session.user.id));
      setCounted((list) => [{ contactId: contact.id, place, at: new Date() }, ...list]);
      setAgeBand([]);
      setGender([]);
      void queryClient.invalidateQueries({ queryKey: ["contacts"] });
    } catch (e) {
      setError({ error: e, place });
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };

  const undo = async (item: Counted) => {
    try {
      await removeContact(item.contactId, t("tally.undoReason"));
      setCounted((list) => list.map((c) => (c === item ? { ...c, undone: true } : c)));
      void queryClient.invalidateQueries({ queryKey: ["contacts"] });
    } catch (e) {
      setError({ error: e, place: item.place });
    }
  };

  const last = counted[0];
  const total = counted.filter((c) => !c.undone).length;
  return (
    <div className="register stack">
      <PageHeader title={t("tally.title")} intro={t("tally.intro", { team: team.teamName })} />
      <div aria-live="polite" className="tally-status">
        {last ? (
          <Banner tone={last.undone ? "info" : "success"} role="status">
            <span>
              {last.undone
                ? t("tally.undone", { place: last.place.name })
                : t("tally.counted", { place: last.place.name, time: timeOf(last.at) })}
              {total > 1 ? ` ${t("tally.total", { count: total })}` : ""}
            </span>
            {!last.undone ? (
              <span className="tally-actions">
                <Button size="sm" variant="primary" busy={busy} onClick={() => void count(last.place)}>
                  {t("tally.again", { place: last.place.name })}
                </Button>
                <Button size="sm" onClick={() => void undo(last)}>
                  {t("tally.undo")}
                </Button>
              </span>
            ) : null}
          </Banner>
        ) : null}
      </div>
      {error ? (
        <Banner tone="danger" role="alert">
          <span>{errorText(error.error)}</span>
          <Button size="sm" busy={busy} onClick={() => void count(error.place)}>
            {t("app.retry")}
          </Button>
        </Banner>
      ) : null}
      <details className="tally-more">
        <summary>{t("tally.describe")}</summary>
        <div className="stack-sm">
          <ChipGroup
            legend={t("register.ageBand")}
            options={values.options("age_band")}
            value={ageBand}
            onChange={setAgeBand}
            single
          />
          <ChipGroup
            legend={t("register.gender")}
            options={values.options("gender")}
            value={gender}
            onChange={setGender}
            single
          />
        </div>
      </details>
      <section aria-labelledby="tally-places">
        <h2 id="tally-places" className="section-title">
          {t("tally.pickPlace")}
        </h2>
        <PlacePicker places={places} recent={recent} limit={10} onPick={(p) => void count(p)} large />
      </section>
      <p>
        <Link to="/">{t("app.backHome")}</Link>
      </p>
    </div>
  );
}

const timeOf = (d: Date) =>
  new Intl.DateTimeFormat("nl-BE", { timeZone: "Europe/Brussels", hour: "2-digit", minute: "2-digit" }).format(d);
