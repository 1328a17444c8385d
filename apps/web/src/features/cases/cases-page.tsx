// The steward's list of address cases of the current team: current ones by default, each a link to
// its case page; the way in to opening a case from a complaint.
import { useSuspenseQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Badge, Empty, PageHeader } from "../../ui/misc.tsx";
import { useCurrentTeam } from "../shell/current-team.tsx";
import { useValueLabels } from "../value-lists/value-lists-api.ts";
import { type CaseFilter, casesQuery, formatDay } from "./cases-api.ts";
import "./cases.css";

export function CasesPage() {
  const { t } = useTranslation();
  const { team } = useCurrentTeam();
  const [filter, setFilter] = useState<CaseFilter>("current");
  return (
    <div className="stack">
      <PageHeader
        title={t("cases.title")}
        intro={t("cases.intro")}
        actions={
          <Link to="/cases/new" className="btn btn-primary">
            {t("cases.new")}
          </Link>
        }
      />
      <fieldset className="segmented">
        <legend className="visually-hidden">{t("cases.show")}</legend>
        {(["current", "closed", "all"] as const).map((f) => (
          <button key={f} type="button" className="segment" aria-pressed={filter === f} onClick={() => setFilter(f)}>
            {t(`cases.filter.${f}`)}
          </button>
        ))}
      </fieldset>
      {team ? <CaseList teamId={team.teamId} filter={filter} /> : <Empty>{t("home.noRoleBody")}</Empty>}
    </div>
  );
}

function CaseList({ teamId, filter }: { teamId: string; filter: CaseFilter }) {
  const { t, i18n } = useTranslation();
  const values = useValueLabels();
  const { data } = useSuspenseQuery(casesQuery(teamId, filter));
  if (!data.items.length) return <Empty>{t("cases.empty")}</Empty>;
  return (
    <ul className="case-list">
      {data.items.map((c) => (
        <li key={c.id}>
          <Link to="/cases/$caseId" params={{ caseId: c.id }} className="case-item">
            <span className="case-address">{c.address}</span>
            <span className="case-meta">
              {c.isOutside ? t("cases.outside") : c.neighbourhoodName} ·{" "}
              {values.label("intake_channel", c.intakeChannel)} · {formatDay(c.openedOn, i18n.language)}
            </span>
            <span className="case-badges">
              <Badge tone={c.status === "closed" ? "muted" : "primary"}>{t(`cases.status.${c.status}`)}</Badge>
              {c.hasNuisance ? <Badge tone="accent">{t("cases.nuisance")}</Badge> : null}
              {c.assigneeName ? <Badge>{c.assigneeName}</Badge> : null}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
