// The pseudonymous profile as a short list; empty fields are left out rather than shown as blanks.
import type { PersonView } from "@vindplaats/contracts";
import { useTranslation } from "react-i18next";
import type { Place } from "../../api/org.ts";
import { useValueLabels } from "../value-lists/value-lists-api.ts";

export function ProfileFacts({ person, places }: { person: PersonView; places: Place[] }) {
  const { t } = useTranslation();
  const values = useValueLabels();
  const place = places.find((p) => p.id === person.usualPlaceId);
  const hood =
    place?.neighbourhoodName ??
    places.find((p) => p.neighbourhoodId === person.usualNeighbourhoodId)?.neighbourhoodName;
  const known = person.knownToSocialService;
  const rows: [string, string | null | undefined][] = [
    ["description", person.description],
    ["ageBand", values.label("age_band", person.ageBand)],
    ["gender", values.label("gender", person.gender)],
    ["birthYear", person.birthYear ? String(person.birthYear) : null],
    ["languages", person.languages.map((l) => values.label("language", l)).join(", ")],
    ["nationality", values.label("nationality", person.nationality)],
    ["usualPlace", place?.name],
    ["usualNeighbourhood", hood],
    ["knownToSocialService", known === null ? null : known ? t("persons.yes") : t("persons.no")],
  ];
  const shown = rows.filter(([, v]) => v);
  if (!shown.length) return <p className="card-sub">{t("persons.noProfile")}</p>;
  return (
    <dl className="kv">
      {shown.map(([k, v]) => (
        <div key={k}>
          <dt>{t(`persons.fields.${k}`)}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
