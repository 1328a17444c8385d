// Who was met: type three letters of a nickname, tap a known person, or add a new person by
// nickname. While typing, likely duplicates elsewhere in the organisation are shown (person-first:
// "known by team X, ask Y"), so nobody is registered twice without the worker knowing.
import { useQuery } from "@tanstack/react-query";
import { uuidv7 } from "@vindplaats/domain";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../ui/button.tsx";
import { DuplicateHints } from "../persons/duplicate-hints.tsx";
import { personPageQuery, personSearchQuery } from "../persons/persons-api.ts";
import type { PersonRef } from "./contact-draft.ts";
import { useDebounced } from "./use-debounced.ts";

const MIN_LETTERS = 3;

export interface PersonPickerProps {
  teamId: string;
  neighbourhoodId: string | null;
  persons: PersonRef[];
  onChange: (persons: PersonRef[]) => void;
  error?: string | undefined;
}

export function PersonPicker({ teamId, neighbourhoodId, persons, onChange, error }: PersonPickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState("");
  const q = useDebounced(text.trim());
  const ready = q.length >= MIN_LETTERS && text.trim().length >= MIN_LETTERS;
  const search = useQuery({ ...personSearchQuery(teamId, q), enabled: q.length >= MIN_LETTERS });
  const chosen = new Set(persons.map((p) => p.id));
  const results = ready ? (search.data?.items ?? []).filter((p) => !chosen.has(p.id)) : [];

  const add = (person: PersonRef) => {
    onChange([...persons.filter((p) => p.id !== person.id), person]);
    setText("");
  };
  const addNew = () => {
    const nickname = text.trim();
    if (nickname) add({ id: uuidv7(), nickname, isNew: true });
  };

  return (
    <fieldset className={error ? "field fieldset field-invalid" : "field fieldset"}>
      <legend className="field-label">{t("register.persons.title")}</legend>
      {persons.length ? (
        <ul className="chosen-list">
          {persons.map((p) => (
            <ChosenPerson
              key={p.id}
              person={p}
              neighbourhoodId={neighbourhoodId}
              excludeIds={[...chosen]}
              onRemove={() => onChange(persons.filter((x) => x.id !== p.id))}
              onReplace={(known) => onChange(persons.map((x) => (x.id === p.id ? known : x)))}
            />
          ))}
        </ul>
      ) : null}
      <label className="visually-hidden" htmlFor={id}>
        {t("register.persons.search")}
      </label>
      <input
        id={id}
        className="input"
        type="search"
        autoComplete="off"
        placeholder={t("register.persons.search")}
        aria-describedby={`${id}-hint`}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== "Enter") return;
          e.preventDefault();
          const first = results[0];
          if (first) add({ id: first.id, nickname: first.nickname });
          else if (ready) addNew();
        }}
      />
      <p className="field-hint" id={`${id}-hint`}>
        {t("register.persons.hint", { count: MIN_LETTERS })}
      </p>
      {ready ? (
        <div className="suggestions">
          <ul className="chips" aria-label={t("register.persons.suggestions")}>
            {results.map((p) => (
              <li key={p.id}>
                <button type="button" className="chip" onClick={() => add({ id: p.id, nickname: p.nickname })}>
                  <span>{p.nickname}</span>
                  {p.description ? <span className="place-sub">{p.description}</span> : null}
                </button>
              </li>
            ))}
            <li>
              <Button size="sm" variant="ghost" onClick={addNew}>
                {t("register.persons.addNew", { nickname: text.trim() })}
              </Button>
            </li>
          </ul>
          <DuplicateHints nickname={q} neighbourhoodId={neighbourhoodId} excludeIds={[...chosen]} outsideOnly />
        </div>
      ) : null}
      {error ? <p className="field-error">{error}</p> : null}
    </fieldset>
  );
}

function ChosenPerson({
  person,
  neighbourhoodId,
  excludeIds,
  onRemove,
  onReplace,
}: {
  person: PersonRef;
  neighbourhoodId: string | null;
  excludeIds: string[];
  onRemove: () => void;
  onReplace: (known: PersonRef) => void;
}) {
  const { t } = useTranslation();
  const name = useNickname(person);
  return (
    <li className="chosen">
      <div className="chosen-row">
        <span className="chosen-name">
          {name}
          {person.isNew ? <span className="badge badge-accent">{t("register.persons.new")}</span> : null}
        </span>
        <button type="button" className="icon-btn" onClick={onRemove} aria-label={t("register.remove", { name })}>
          <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
            <path d="M5 5l10 10M15 5L5 15" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          </svg>
        </button>
      </div>
      {person.isNew && person.nickname ? (
        <DuplicateHints
          nickname={person.nickname}
          neighbourhoodId={neighbourhoodId}
          excludeIds={excludeIds}
          onChoose={(known) => onReplace({ id: known.id, nickname: known.nickname })}
        />
      ) : null}
    </li>
  );
}

/** A pre-filled person (repeat, group) has only an id: look the nickname up once, offline on the phone. */
function useNickname(person: PersonRef): string {
  const { t } = useTranslation();
  const lookup = useQuery({ ...personPageQuery(person.id), enabled: person.nickname === null });
  const local = useQuery({
    queryKey: ["offline", "nickname", person.id],
    queryFn: async () => (await (await import("../../offline/local-reads.ts")).nickname(person.id)) ?? null,
    enabled: person.nickname === null && (lookup.isError || lookup.isPaused),
    networkMode: "always",
  });
  return person.nickname ?? lookup.data?.person.nickname ?? local.data ?? t("app.loading");
}
