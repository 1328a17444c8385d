// Likely duplicates of a person being registered, found accent- and case-blind across the whole
// organisation. Inside the worker's teams the person can be chosen instead; outside them only the
// team and whom to ask are shown, never what that team knows.
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Button } from "../../ui/button.tsx";
import { type DuplicateCandidate, duplicatesQuery, type PersonListItem } from "./persons-api.ts";
import "./persons.css";

export interface DuplicateHintsProps {
  nickname: string;
  neighbourhoodId?: string | null | undefined;
  /** Persons not to suggest (already chosen, or the person itself). */
  excludeIds?: string[];
  /** Only candidates outside the worker's teams (the search already shows the others). */
  outsideOnly?: boolean;
  onChoose?: (person: PersonListItem) => void;
}

export function DuplicateHints({
  nickname,
  neighbourhoodId,
  excludeIds = [],
  outsideOnly,
  onChoose,
}: DuplicateHintsProps) {
  const { t } = useTranslation();
  const probe = nickname.trim();
  const { data } = useQuery({
    ...duplicatesQuery({ nickname: probe, neighbourhoodId: neighbourhoodId ?? null }),
    enabled: probe.length >= 3,
  });
  const items = (data ?? []).filter((c) => !excludeIds.includes(c.personId) && (!outsideOnly || !c.inScope));
  if (probe.length < 3 || !items.length) return null;
  return (
    <section className="dup-hints" aria-label={t("persons.duplicates.title")}>
      <p className="dup-title">{t("persons.duplicates.title")}</p>
      <ul className="dup-list">
        {items.map((c) => (
          <li key={c.personId}>
            <Candidate candidate={c} onChoose={onChoose} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function Candidate({
  candidate,
  onChoose,
}: {
  candidate: DuplicateCandidate;
  onChoose?: DuplicateHintsProps["onChoose"];
}) {
  const { t } = useTranslation();
  const person = candidate.person;
  if (candidate.inScope && person) {
    return (
      <>
        <span>
          {t("persons.duplicates.inTeam", { nickname: person.nickname })}
          {person.description ? <span className="cell-sub">{person.description}</span> : null}
        </span>
        {onChoose ? (
          <Button size="sm" onClick={() => onChoose(person)}>
            {t("persons.duplicates.choose", { nickname: person.nickname })}
          </Button>
        ) : null}
      </>
    );
  }
  if (!candidate.knownBy.length) return <span>{t("persons.duplicates.knownElsewhere")}</span>;
  return (
    <span>
      {candidate.knownBy
        .map((k) =>
          k.contactWorker
            ? t("persons.duplicates.knownByAsk", { team: k.teamName, worker: k.contactWorker })
            : t("persons.duplicates.knownBy", { team: k.teamName }),
        )
        .join(" ")}
    </span>
  );
}
