// One figure on the dashboard: its chart, or its table, or its trend per year; a CSV download (the
// API suppresses and audits it); for coordinators, the contacts behind a row of a contact figure.
import { useQuery } from "@tanstack/react-query";
import { DRILL_DIMENSIONS, type FigureView } from "@vindplaats/contracts";
import { hasChart } from "@vindplaats/domain";
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { Card, ErrorState, Loading } from "../../ui/misc.tsx";
import { type FigureFilters, figureCsvUrl, trendQuery } from "../reports/reports-api.ts";
import { DrillDialog } from "./drill-dialog.tsx";
import { FigureTable } from "./figure-table.tsx";

type View = "chart" | "table" | "trend";

// ECharts is the heaviest part of the dashboard: its own chunk, loaded with the first chart.
const EChart = lazy(() => import("./echart.tsx").then((m) => ({ default: m.EChart })));

const drillable = (figure: FigureView) =>
  figure.unit !== "persons" &&
  figure.dimension !== null &&
  (DRILL_DIMENSIONS as readonly string[]).includes(figure.dimension) &&
  figure.metric.startsWith("contacts_");

export function FigureCard({
  figure,
  filters,
  canDrill,
}: {
  figure: FigureView;
  filters: FigureFilters;
  canDrill: boolean;
}) {
  const { t } = useTranslation();
  const charted = hasChart(figure);
  const [view, setView] = useState<View>(charted ? "chart" : "table");
  const [drill, setDrill] = useState<{ key: string; label: string } | null>(null);
  const headingId = `figure-${figure.metric}`;
  const views: View[] = charted ? ["chart", "table", "trend"] : ["table", "trend"];
  return (
    <Card className="figure-card" aria-labelledby={headingId} data-metric={figure.metric}>
      <div className="card-head figure-head">
        <h3 id={headingId}>{figure.name}</h3>
        <div className="figure-actions">
          <fieldset className="segmented" aria-label={t("figures.views", { name: figure.name })}>
            {views.map((v) => (
              <button key={v} type="button" className="btn btn-sm" aria-pressed={view === v} onClick={() => setView(v)}>
                {t(`figures.${v}`)}
              </button>
            ))}
          </fieldset>
          <a
            className="btn btn-secondary btn-sm"
            href={figureCsvUrl(figure.metric, filters)}
            download
            aria-label={t("figures.csvLabel", { name: figure.name })}
          >
            {t("figures.csv")}
          </a>
        </div>
      </div>
      {figure.share ? (
        <p className="figure-share">
          {figure.share.percent === null
            ? t("figures.shareHidden")
            : t("figures.share", { percent: figure.share.percent, denominator: figure.share.denominator.display })}
        </p>
      ) : null}
      {view === "chart" ? (
        <Suspense fallback={<Loading />}>
          <EChart figure={figure} dimension={figure.dimension} label={figure.name} />
        </Suspense>
      ) : null}
      {view === "table" ? (
        <FigureTable figure={figure} onDrill={canDrill && drillable(figure) ? setDrill : undefined} />
      ) : null}
      {view === "trend" ? <TrendView metric={figure.metric} filters={filters} /> : null}
      {drill && figure.dimension ? (
        <DrillDialog dimension={figure.dimension} row={drill} filters={filters} onClose={() => setDrill(null)} />
      ) : null}
    </Card>
  );
}

function TrendView({ metric, filters }: { metric: string; filters: FigureFilters }) {
  const trend = useQuery(trendQuery(metric, filters));
  if (trend.isPending) return <Loading />;
  if (trend.isError) return <ErrorState error={trend.error} onRetry={() => void trend.refetch()} />;
  const figure = trend.data.figure;
  return (
    <Suspense fallback={<Loading />}>
      <EChart figure={figure} dimension="year" label={figure.name} />
      <FigureTable figure={figure} />
    </Suspense>
  );
}
