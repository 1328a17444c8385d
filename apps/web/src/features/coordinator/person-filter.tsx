// Filtering the contact list by one person: search by nickname, pick, clear.
import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../ui/button.tsx";
import { personPageQuery, personSearchQuery } from "../persons/persons-api.ts";
import { useDebounced } from "../register/use-debounced.ts";

export function PersonFilter({
  personId,
  teamId,
  onChange,
}: {
  personId: string | undefined;
  teamId: string | undefined;
  onChange: (id: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState("");
  const q = useDebounced(text.trim());
  const chosen = useQuery({ ...personPageQuery(personId ?? ""), enabled: !!personId });
  const search = useQuery({ ...personSearchQuery(teamId, q, 6), enabled: !personId && q.length >= 3 });
  if (personId) {
    return (
      <div className="field">
        <span className="field-label">{t("contacts.filters.person")}</span>
        <div className="chosen-row">
          <span className="chosen-name">{chosen.data?.person.nickname ?? "…"}</span>
          <Button size="sm" onClick={() => onChange(undefined)}>
            {t("contacts.filters.clear")}
          </Button>
        </div>
      </div>
    );
  }
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {t("contacts.filters.person")}
      </label>
      <input
        id={id}
        className="input"
        type="search"
        autoComplete="off"
        placeholder={t("register.persons.search")}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      {q.length >= 3 && search.data ? (
        <ul className="chips" aria-label={t("register.persons.suggestions")}>
          {search.data.items.map((p) => (
            <li key={p.id}>
              <button type="button" className="chip" onClick={() => onChange(p.id)}>
                {p.nickname}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
