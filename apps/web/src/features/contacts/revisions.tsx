// The correction history of a contact: who changed what, when and why. Nothing is ever overwritten
// without a trace; a removal appears here as the last correction.
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Member } from "../../api/org.ts";
import { Card, Empty } from "../../ui/misc.tsx";
import { revisionsQuery } from "./contacts-api.ts";
import { formatStart } from "./vocabulary.ts";

const show = (v: unknown): string => {
  if (v === null || v === undefined || v === "") return "—";
  if (Array.isArray(v)) return v.length ? v.map(show).join(", ") : "—";
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
};

export function Revisions({ contactId, members }: { contactId: string; members: Member[] }) {
  const { t, i18n } = useTranslation();
  const revisions = useQuery(revisionsQuery(contactId));
  const who = (id: string) => members.find((m) => m.userId === id)?.displayName ?? t("contacts.history.someone");
  return (
    <Card aria-labelledby="history-title">
      <div className="card-head">
        <h2 id="history-title">{t("contacts.history.title")}</h2>
      </div>
      {!revisions.data?.length ? (
        <Empty>{revisions.isPending ? t("app.loading") : t("contacts.history.empty")}</Empty>
      ) : (
        <ol className="timeline">
          {revisions.data.map((r) => (
            <li key={r.version}>
              <span className="timeline-when">
                {formatStart(r.at, i18n.language)} · {who(r.actorUserId)}
              </span>
              <p className="timeline-what">{r.reason ?? t("contacts.history.created")}</p>
              <ul className="cell-sub">
                {Object.entries(r.changes).map(([field, change]) => (
                  <li key={field}>
                    {t(`contacts.fields.${field}`, field)}: {show(change.from)} → {show(change.to)}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
