// Quotes for the yearly report, for team members: pick the person, write down what they said, record
// how and when they consented. The API takes names out before it stores anything.
import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import type { StoryView } from "@vindplaats/contracts";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../ui/button.tsx";
import { SelectField, TextAreaField, TextField } from "../../ui/field.tsx";
import { FormError, useFieldErrors } from "../../ui/form-error.tsx";
import { Card, Empty, PageHeader } from "../../ui/misc.tsx";
import { useCurrentTeam } from "../shell/current-team.tsx";
import "../dashboard/dashboard.css";
import { personSearchQuery, storiesQuery, useStorySaving } from "./reports-api.ts";

const todayInBrussels = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Brussels" }).format(new Date());

export function StoriesPage() {
  const { t } = useTranslation();
  const { team } = useCurrentTeam();
  if (!team) return <Empty>{t("home.noRoleBody")}</Empty>;
  return (
    <div className="stack">
      <PageHeader title={t("stories.title")} intro={t("stories.intro")} />
      <StoryForm teamId={team.teamId} />
      <StoryList teamId={team.teamId} />
    </div>
  );
}

function StoryForm({ teamId }: { teamId: string }) {
  const { t } = useTranslation();
  const { create } = useStorySaving();
  const errors = useFieldErrors(create.error);
  const [q, setQ] = useState("");
  const [person, setPerson] = useState<{ id: string; nickname: string } | null>(null);
  const hits = useQuery(personSearchQuery(teamId, q));
  const [saved, setSaved] = useState("");
  const year = Number(todayInBrussels().slice(0, 4));

  return (
    <Card aria-labelledby="story-form-title">
      <h2 id="story-form-title">{t("stories.submit")}</h2>
      <form
        className="stack"
        onSubmit={async (event) => {
          event.preventDefault();
          if (!person) return;
          const form = new FormData(event.currentTarget);
          const extra = String(form.get("extraNames") ?? "")
            .split(",")
            .map((s) => s.trim())
            .filter((s) => s.length >= 2);
          const story = await create.mutateAsync({
            teamId,
            personId: person.id,
            quote: String(form.get("quote") ?? ""),
            year: Number(form.get("year")),
            consent: {
              givenOn: String(form.get("givenOn")),
              how: form.get("how") === "written" ? "written" : "oral",
              scope: "jaarverslag",
            },
            extraNames: extra,
          });
          setSaved(t("stories.saved", { count: story.namesRemoved }));
          event.currentTarget.reset();
          setPerson(null);
          setQ("");
        }}
      >
        <TextField
          label={t("stories.personSearch")}
          value={person ? person.nickname : q}
          onChange={(e) => {
            setPerson(null);
            setQ(e.target.value);
          }}
          error={errors.personId}
          autoComplete="off"
        />
        {!person && q.trim().length >= 2 ? (
          hits.data?.items.length ? (
            <ul className="story-list" aria-label={t("stories.person")}>
              {hits.data.items.map((p) => (
                <li key={p.id}>
                  <button type="button" className="btn btn-secondary btn-sm" onClick={() => setPerson(p)}>
                    {p.nickname}
                    {p.description ? ` – ${p.description}` : ""}
                  </button>
                </li>
              ))}
            </ul>
          ) : hits.isFetched ? (
            <Empty>{t("stories.noPersons")}</Empty>
          ) : null
        ) : null}
        <TextAreaField
          label={t("stories.quote")}
          name="quote"
          hint={t("stories.quoteHint")}
          required
          minLength={10}
          maxLength={1500}
          rows={4}
          error={errors.quote}
        />
        <div className="filters-bar">
          <SelectField
            label={t("stories.year")}
            name="year"
            defaultValue={String(year)}
            options={[year, year - 1].map((y) => ({ value: String(y), label: String(y) }))}
          />
          <TextField
            label={t("stories.consentOn")}
            name="givenOn"
            type="date"
            defaultValue={todayInBrussels()}
            max={todayInBrussels()}
            required
            error={errors["consent.givenOn"]}
          />
          <SelectField
            label={t("stories.consentHow")}
            name="how"
            defaultValue="oral"
            options={[
              { value: "oral", label: t("stories.oral") },
              { value: "written", label: t("stories.written") },
            ]}
          />
        </div>
        <TextField label={t("stories.extraNames")} name="extraNames" hint={t("stories.extraNamesHint")} />
        <FormError error={create.error} />
        <div>
          <Button type="submit" variant="primary" busy={create.isPending} disabled={!person}>
            {t("stories.submit")}
          </Button>
        </div>
        <p role="status">{saved}</p>
      </form>
    </Card>
  );
}

function StoryList({ teamId }: { teamId: string }) {
  const { t, i18n } = useTranslation();
  const { data } = useSuspenseQuery(storiesQuery(teamId));
  const { withdraw } = useStorySaving();
  const day = (d: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${d}T12:00:00Z`));
  return (
    <section aria-labelledby="story-list-title" className="stack">
      <h2 id="story-list-title">{t("stories.list")}</h2>
      {data.length === 0 ? <Empty>{t("stories.empty")}</Empty> : null}
      <ul className="story-list">
        {data.map((s: StoryView) => (
          <li key={s.id}>
            <Card>
              <p className="quote">“{s.quote}”</p>
              <p className="card-sub">
                {s.year} ·{" "}
                {t("stories.consent", {
                  how: t(`stories.${s.consentHow === "written" ? "written" : "oral"}`).toLowerCase(),
                  on: day(s.consentGivenOn),
                })}
              </p>
              {s.withdrawnAt ? (
                <p className="card-sub">{t("stories.withdrawn")}</p>
              ) : (
                <Button
                  size="sm"
                  variant="danger"
                  onClick={() => {
                    const reason = window.prompt(t("stories.withdrawReason"));
                    if (reason?.trim()) withdraw.mutate({ id: s.id, reason: reason.trim() });
                  }}
                >
                  {t("stories.withdraw")}
                </Button>
              )}
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}
