// The figures dashboard for the director (whole department, always suppressed, figures only) and
// coordinators (their teams): filters in the URL, key figures, the neighbourhood map, and a card per
// figure by section with chart, table, trend, CSV and, for coordinators, the contacts behind a row.
import { keepPreviousData, useQuery, useSuspenseQueries } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import type { FigureView } from "@vindplaats/contracts";
import { useTranslation } from "react-i18next";
import { neighbourhoodsQuery, teamsQuery } from "../../api/org.ts";
import { Banner, ErrorState, Loading, PageHeader } from "../../ui/misc.tsx";
import { useSession } from "../auth/session.ts";
import { catalogueQuery, type FigureFilters, figuresQuery } from "../reports/reports-api.ts";
import { coordinatedTeams, isDirector } from "./access.ts";
import { DashboardFilters } from "./dashboard-filters.tsx";
import { FigureCard } from "./figure-card.tsx";
import { NeighbourhoodMap } from "./neighbourhood-map.tsx";
import { defaultPeriod } from "./search.ts";
import "./dashboard.css";

const route = getRouteApi("/app/figures");

export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const search = route.useSearch();
  const navigate = useNavigate();
  const filters: FigureFilters = { ...defaultPeriod(), ...search };
  const [teams, neighbourhoods, catalogue] = useSuspenseQueries({
    queries: [teamsQuery(), neighbourhoodsQuery(), catalogueQuery()],
  });
  const figures = useQuery({ ...figuresQuery(filters), placeholderData: keepPreviousData });

  const teamOptions = isDirector(session)
    ? teams.data.map((team) => ({ value: team.id, label: team.name }))
    : coordinatedTeams(session).map((m) => ({ value: m.teamId, label: m.teamName }));
  const setFilters = (next: FigureFilters) => void navigate({ to: "/figures", search: next });
  const byMetric = new Map((figures.data?.figures ?? []).map((f) => [f.metric, f]));
  const sectionOf = new Map(catalogue.data.metrics.map((m) => [m.id, m.section]));
  const keyFigures = (figures.data?.figures ?? []).filter((f) => f.kind === "number" || f.kind === "share");

  return (
    <div className="stack dashboard">
      <PageHeader title={t("figures.title")} intro={t("figures.intro")} />
      <DashboardFilters
        value={filters}
        teams={teamOptions}
        neighbourhoods={neighbourhoods.data.filter((n) => n.isActive).map((n) => ({ value: n.id, label: n.name }))}
        allTeamsLabel={isDirector(session) ? t("figures.allTeams") : t("reports.myTeams")}
        onChange={setFilters}
      />
      {figures.isPending ? <Loading /> : null}
      {figures.isError ? <ErrorState error={figures.error} onRetry={() => void figures.refetch()} /> : null}
      {figures.data ? (
        <>
          <p className="card-sub" role="status">
            {t("figures.dataAsOf", {
              at: new Intl.DateTimeFormat(i18n.language, {
                dateStyle: "long",
                timeStyle: "short",
                timeZone: "Europe/Brussels",
              }).format(new Date(figures.data.selection.dataAsOf)),
            })}
            {figures.data.suppressed ? ` ${t("figures.suppressedNote")}` : ""}
          </p>
          {figures.data.omitted.length ? (
            <Banner>{t("figures.omitted", { list: figures.data.omitted.join(", ") })}</Banner>
          ) : null}
          <section aria-labelledby="key-figures" className="stack">
            <h2 id="key-figures">{t("figures.keyFigures")}</h2>
            <dl className="stats key-figures">
              {keyFigures.map((f) => (
                <div key={f.metric} className="stat" data-metric={f.metric}>
                  <dt>{f.name}</dt>
                  <dd>{f.share ? (f.share.percent === null ? "–" : `${f.share.percent} %`) : f.total.display}</dd>
                </div>
              ))}
            </dl>
          </section>
          <NeighbourhoodMap
            figure={byMetric.get("contacts_by_neighbourhood")}
            selected={search.neighbourhoodId}
            onSelect={(neighbourhoodId) => setFilters({ ...search, neighbourhoodId })}
          />
          {catalogue.data.sections.map((section) => {
            const list = (figures.data?.figures ?? []).filter(
              (f) => sectionOf.get(f.metric) === section.id && f.kind !== "number",
            );
            if (!list.length) return null;
            return (
              <section key={section.id} aria-labelledby={`section-${section.id}`} className="stack">
                <h2 id={`section-${section.id}`}>{section.name[session.user.locale]}</h2>
                <div className="figure-grid">
                  {list.map((f: FigureView) => (
                    <FigureCard
                      key={f.metric}
                      figure={f}
                      filters={filters}
                      canDrill={figures.data?.canDrill ?? false}
                    />
                  ))}
                </div>
              </section>
            );
          })}
        </>
      ) : null}
    </div>
  );
}
