// "Shared with me": the people another team shared with the caller's teams or with the caller (a
// partner's worklist), with what was shared and until when. Ended shares are not listed.
import { useSuspenseQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Badge, Empty, PageHeader } from "../../ui/misc.tsx";
import { formatDate } from "./format.ts";
import { type SharedWithMeItem, sharedWithMeQuery } from "./secrecy-api.ts";
import "../../i18n/secrecy.ts";
import "../persons/persons.css";
import "./secrecy.css";

export function SharedWithMePage() {
  const { t, i18n } = useTranslation();
  const { data: rows } = useSuspenseQuery(sharedWithMeQuery());
  const data = mergeByPerson(rows);
  return (
    <div className="stack">
      <PageHeader title={t("secrecy.withMe.title")} intro={t("secrecy.withMe.intro")} />
      {data.length ? (
        <ul className="list-rows" aria-label={t("secrecy.withMe.title")}>
          {data.map((p) => (
            <li key={p.id}>
              <Link className="list-row" to="/persons/$personId" params={{ personId: p.id }}>
                <span className="list-row-head">
                  <span>{p.nickname}</span>
                  <span className="list-row-sub">
                    {p.expiresAt
                      ? t("secrecy.withMe.until", { date: formatDate(p.expiresAt, i18n.language) })
                      : t("secrecy.withMe.noEnd")}
                  </span>
                </span>
                <span className="person-head">
                  {p.fieldClasses.map((c) => (
                    <Badge key={c} tone={c === "profile" ? "neutral" : "accent"}>
                      {t(`secrecy.fieldClass.${c}`)}
                    </Badge>
                  ))}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <Empty>{t("secrecy.withMe.empty")}</Empty>
      )}
    </div>
  );
}

/** One row per person: shared with the team and with oneself, or twice, counts once, widest first. */
function mergeByPerson(rows: SharedWithMeItem[]): SharedWithMeItem[] {
  const byId = new Map<string, SharedWithMeItem>();
  for (const row of rows) {
    const seen = byId.get(row.id);
    if (!seen) byId.set(row.id, { ...row, fieldClasses: [...row.fieldClasses] });
    else {
      seen.fieldClasses = [...new Set([...seen.fieldClasses, ...row.fieldClasses])];
      seen.expiresAt =
        !seen.expiresAt || !row.expiresAt ? null : seen.expiresAt > row.expiresAt ? seen.expiresAt : row.expiresAt;
    }
  }
  return [...byId.values()];
}
