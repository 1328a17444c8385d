// Rows of the audit trail as a table: when, who, what, about which record, and the details the
// event carries (ids of teams and people turned into names where the DPO may know them).
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Table } from "../../ui/table.tsx";
import { formatWhen } from "./format.ts";
import type { AuditEntry } from "./secrecy-api.ts";

export interface AuditNames {
  teams: Map<string, string>;
  users: Map<string, string>;
}

/** A readable line of an event's details: field classes translated, ids turned into names. */
function useDetailText(names: AuditNames) {
  const { t, i18n } = useTranslation();
  const value = (key: string, v: unknown): string => {
    if (Array.isArray(v))
      return v.map((x) => (key === "fieldClasses" ? t(`secrecy.fieldClass.${String(x)}`) : String(x))).join(", ");
    if (typeof v === "string") {
      if (key === "toTeamId" || key === "teamId") return names.teams.get(v) ?? v;
      if (key === "toUserId" || key === "userId") return names.users.get(v) ?? v;
      if (key === "expiresAt") return formatWhen(v, i18n.language);
      return v;
    }
    return v === null || v === undefined ? "–" : JSON.stringify(v);
  };
  return (details: Record<string, unknown>) =>
    Object.entries(details)
      .filter(([, v]) => v !== null && !(Array.isArray(v) && !v.length))
      .map(([k, v]) => `${k}: ${value(k, v)}`)
      .join(" · ");
}

export function AuditRows({
  label,
  rows,
  names,
  personLinks = true,
  filteredPersonId,
}: {
  label: string;
  rows: AuditEntry[];
  names: AuditNames;
  personLinks?: boolean;
  /** The person the trail is already filtered on: no "only this person" link then. */
  filteredPersonId?: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const detailText = useDetailText(names);
  return (
    <Table label={label}>
      <thead>
        <tr>
          <th scope="col">{t("secrecy.audit.when")}</th>
          <th scope="col">{t("secrecy.audit.actor")}</th>
          <th scope="col">{t("secrecy.audit.what")}</th>
          <th scope="col">{t("secrecy.audit.about")}</th>
          <th scope="col">{t("secrecy.audit.details")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.seq}>
            <td>{formatWhen(r.at, i18n.language)}</td>
            <td>{r.actorName ?? t("secrecy.audit.system")}</td>
            <td>
              {t(`secrecy.audit.actions.${r.action}`, { defaultValue: r.action })}
              {/* The raw action code, so a reader can match a row with the exported chain. */}
              <span className="cell-sub">{r.action}</span>
            </td>
            <td>
              {r.entityType ?? ""}
              {r.entityId ? (
                <span className="cell-sub audit-id" title={r.entityId}>
                  {r.entityId}
                </span>
              ) : null}
              {personLinks && r.entityType === "person" && r.entityId ? (
                <span className="cell-sub">
                  {r.entityId !== filteredPersonId ? (
                    <>
                      <Link to="/audit" search={{ personId: r.entityId }}>
                        {t("secrecy.audit.filterPerson")}
                      </Link>
                      {" · "}
                    </>
                  ) : null}
                  <Link to="/audit/persons/$personId" params={{ personId: r.entityId }}>
                    {t("secrecy.audit.history")}
                  </Link>
                </span>
              ) : null}
            </td>
            <td className="audit-details">{detailText(r.details)}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
