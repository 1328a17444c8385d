// A person's own access history for the DPO: every audited view or change of the record and of the
// contacts the person was part of, with who and when. Used for subject-access requests.
import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { teamsQuery } from "../../api/org.ts";
import { Empty, PageHeader } from "../../ui/misc.tsx";
import { AuditRows } from "./audit-rows.tsx";
import { accessHistoryQuery, auditActorsQuery } from "./secrecy-api.ts";
import "../../i18n/secrecy.ts";
import "./secrecy.css";

export function AccessHistoryPage() {
  const { t } = useTranslation();
  const { personId } = useParams({ strict: false }) as { personId: string };
  const { data: rows } = useSuspenseQuery(accessHistoryQuery(personId));
  const actors = useQuery(auditActorsQuery());
  const teams = useQuery(teamsQuery(true));
  const names = {
    teams: new Map((teams.data ?? []).map((team) => [team.id, team.name])),
    users: new Map((actors.data ?? []).map((u) => [u.id, u.displayName])),
  };
  return (
    <div className="stack">
      <PageHeader
        title={t("secrecy.history.title")}
        intro={
          <>
            {t("secrecy.history.intro")} <span className="audit-id">{personId}</span>
          </>
        }
      />
      <p>
        <Link to="/audit" search={{ personId }}>
          {t("secrecy.history.back")}
        </Link>
      </p>
      {rows.length ? (
        <AuditRows label={t("secrecy.history.title")} rows={rows} names={names} personLinks={false} />
      ) : (
        <Empty>{t("secrecy.history.empty")}</Empty>
      )}
    </div>
  );
}
