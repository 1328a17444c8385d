// On the persons search: people with a similar nickname known outside the worker's teams. Only the
// team and whom to ask are shown, never what that team knows; in an emergency the record can be
// opened through emergency access (the person route asks for the reason).
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { duplicatesQuery } from "../persons/persons-api.ts";
import "../../i18n/secrecy.ts";
import "../persons/persons.css";
import "./secrecy.css";

export function KnownElsewhere({ nickname }: { nickname: string }) {
  const { t } = useTranslation();
  const probe = nickname.trim();
  const { data } = useQuery({ ...duplicatesQuery({ nickname: probe }), enabled: probe.length >= 3 });
  const outside = (data ?? []).filter((c) => !c.inScope);
  if (probe.length < 3 || !outside.length) return null;
  return (
    <section className="dup-hints" aria-labelledby="elsewhere-title">
      <h2 className="dup-title" id="elsewhere-title">
        {t("secrecy.glass.elsewhereTitle")}
      </h2>
      <p>{t("secrecy.glass.elsewhereHint")}</p>
      <ul className="dup-list">
        {outside.map((c) => (
          <li key={c.personId}>
            <span id={`elsewhere-${c.personId}`}>
              {c.knownBy.length
                ? c.knownBy
                    .map((k) =>
                      k.contactWorker
                        ? t("secrecy.glass.knownByAsk", { team: k.teamName, worker: k.contactWorker })
                        : t("secrecy.glass.knownBy", { team: k.teamName }),
                    )
                    .join(" ")
                : t("secrecy.glass.knownElsewhere")}
            </span>
            <Link
              className="btn btn-secondary btn-sm"
              to="/persons/$personId"
              params={{ personId: c.personId }}
              aria-describedby={`elsewhere-${c.personId}`}
            >
              {t("secrecy.glass.offer")}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
