// Live figures for the dashboard: the viewer's selection, the metrics they may see, suppression for
// a director; a trend per year for any figure; a CSV of one figure (always suppressed, audited);
// and the contacts behind a contact figure for coordinators (need-to-know left in force, audited).
import type { FiguresQuery, FiguresView, TrendView } from "@vindplaats/contracts";
import {
  brusselsDay,
  type MetricDefinition,
  metricById,
  presentFigure,
  type ReportLocale,
  trendOf,
  yearPeriod,
  yearsBetween,
} from "@vindplaats/domain";
import type { Ctx } from "../../http/context.ts";
import { forbidden, invalidField } from "../../http/errors.ts";
import { audit } from "../audit/audit.service.ts";
import { NONE } from "./figure-rows.ts";
import { figureTable, toCsv } from "./figure-table.ts";
import { availableMetrics, computeFigures, computeRawFigures } from "./figures.ts";
import { figureViewer, viewerMetrics } from "./reports.policy.ts";
import { drillContacts, enterFigures, type Selection } from "./reports.queries.ts";
import { auditFilters, resolveSelection, type SelectionQuery } from "./selection.ts";

const locale = (ctx: Ctx): ReportLocale => ctx.actor.locale;

const selectionView = (s: Selection, teamId: string | null | undefined) => ({
  from: s.from,
  to: s.to,
  teamIds: s.teamIds,
  teamId: teamId ?? null,
  neighbourhoodId: s.neighbourhoodId,
  dataAsOf: s.asOf.toISOString(),
});

export async function readFigures(ctx: Ctx, query: FiguresQuery): Promise<FiguresView> {
  const viewer = figureViewer(ctx.actor);
  const selection = await resolveSelection(ctx, viewer, query, ctx.clock.now());
  // Authorised above (route permission, selection within the viewer's teams): aggregate code may
  // now read the selection's rows across need-to-know, to count persons once over teams.
  await enterFigures(ctx.tx);
  const wanted = viewerMetrics(viewer);
  const metrics = await availableMetrics(ctx.tx, wanted);
  const figures = await computeFigures(ctx.tx, selection, metrics, {
    locale: locale(ctx),
    suppress: viewer.suppressOnScreen,
  });
  return {
    selection: selectionView(selection, query.teamId),
    suppressed: viewer.suppressOnScreen,
    canDrill: viewer.canDrill,
    figures,
    omitted: wanted.filter((m) => !metrics.includes(m)).map((m) => m.id),
  };
}

export async function readTrend(
  ctx: Ctx,
  query: SelectionQuery & { metric: string; fromYear?: number | undefined; toYear?: number | undefined },
  suppress?: boolean,
): Promise<TrendView> {
  const viewer = figureViewer(ctx.actor);
  const def = metricById(query.metric);
  if (!def || !viewerMetrics(viewer).includes(def)) throw invalidField("metric", "field.not_found");
  const thisYear = Number(brusselsDay(ctx.clock.now()).slice(0, 4));
  const toYear = query.toYear ?? thisYear;
  const fromYear = query.fromYear ?? toYear - 4;
  if (fromYear > toYear) throw invalidField("fromYear", "field.too_big", 400);
  if (toYear - fromYear > 14) throw invalidField("fromYear", "field.too_small", 400);
  const base = await resolveSelection(ctx, viewer, { ...query, ...yearPeriod(toYear) }, ctx.clock.now());
  await enterFigures(ctx.tx);
  if (!(await availableMetrics(ctx.tx, [def])).length) throw invalidField("metric", "field.not_found");
  const years = yearsBetween(fromYear, toYear);
  const figure = await trendFigure(ctx, base, def, years, suppress ?? viewer.suppressOnScreen);
  return { selection: selectionView(base, query.teamId), figure, years };
}

/** The figure for each year of `years`, as one table with the years as columns. */
async function trendFigure(ctx: Ctx, base: Selection, def: MetricDefinition, years: number[], suppress: boolean) {
  const perYear = [];
  let names: Awaited<ReturnType<typeof computeRawFigures>>["names"] | undefined;
  for (const year of years) {
    const computed = await computeRawFigures(ctx.tx, { ...base, ...yearPeriod(year) }, [def], {
      locale: locale(ctx),
      ...(names ? { names } : {}),
    });
    names = computed.names;
    perYear.push({ year, raw: computed.raw[0]! });
  }
  const name = def.name[locale(ctx)];
  const raw = trendOf(def.id, name, perYear);
  return {
    ...presentFigure({ kind: "matrix", unit: def.unit }, raw, { suppress, name, byColumn: true }),
    dimension: "year" as const,
  };
}

/** One figure (or its trend) as CSV: it leaves the app, so it is always suppressed and audited. */
export async function exportFigure(ctx: Ctx, query: FiguresQuery & { metric: string }): Promise<string> {
  const viewer = figureViewer(ctx.actor);
  const def = metricById(query.metric);
  if (!def || !viewerMetrics(viewer).includes(def)) throw invalidField("metric", "field.not_found");
  const selection = await resolveSelection(ctx, viewer, query, ctx.clock.now());
  await enterFigures(ctx.tx);
  if (!(await availableMetrics(ctx.tx, [def])).length) throw invalidField("metric", "field.not_found");
  const [figure] = await computeFigures(ctx.tx, selection, [def], { locale: locale(ctx), suppress: true });
  const table = figureTable(figure!, locale(ctx));
  await audit(ctx, {
    action: "figures.exported",
    entityType: "report",
    entityId: null,
    details: {
      metric: def.id,
      format: "csv",
      filters: { ...auditFilters(query), from: selection.from, to: selection.to },
    },
  });
  return toCsv([table.header, ...table.rows]);
}

/**
 * The contacts behind one row of a contact figure. Coordinators only, within their own teams; the
 * transaction keeps need-to-know (no widened purpose), and the list carries no person's name.
 */
export async function drillDown(
  ctx: Ctx,
  query: FiguresQuery & { dimension: string; key?: string | undefined; limit: number },
) {
  const viewer = figureViewer(ctx.actor);
  if (!viewer.canDrill) throw forbidden();
  // Own teams only, even for someone who is also the director.
  const selection = await resolveSelection(ctx, { ...viewer, isDepartment: false }, query, ctx.clock.now());
  const key = query.key === undefined || query.key === NONE ? null : query.key;
  const { rows, total } = await drillContacts(ctx.tx, selection, query.dimension, key, query.limit);
  await audit(ctx, {
    action: "figures.drilled_down",
    entityType: "contact",
    entityId: null,
    details: {
      dimension: query.dimension,
      key,
      results: rows.length,
      filters: auditFilters({
        from: selection.from,
        to: selection.to,
        teamId: query.teamId,
        neighbourhoodId: query.neighbourhoodId,
      }),
    },
  });
  return {
    items: rows.map((r) => ({
      id: r.id,
      startedAt: new Date(r.started_at).toISOString(),
      teamName: r.team_name,
      placeName: r.place_name,
      neighbourhoodName: r.neighbourhood_name,
      locationKind: r.location_kind,
      mode: r.mode,
      personCount: r.person_count,
      anonymousTotal: r.anonymous_total,
    })),
    total,
    truncated: total > rows.length,
  };
}
