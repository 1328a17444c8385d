// Builds the yearly activity report's snapshot: key figures, a section per part of the catalogue,
// trends against earlier years, stories and the methodology annex. Every number is computed with
// the report's recorded parameters and data timestamp, suppressed, and frozen in the snapshot:
// the PDF, XLSX and CSV are all rendered from it, so they can never disagree.
import {
  GENERAL_RULES,
  METRIC_SECTIONS,
  type MetricDefinition,
  type MetricSection,
  presentFigure,
  type ReportLocale,
  SECTION_NAMES,
  trendOf,
  yearPeriod,
} from "@vindplaats/domain";
import type { Tx } from "../../db/database.ts";
import { formatPercent } from "./figure-table.ts";
import { availableMetrics, computeRawFigures, type DimensionedFigure, withDimension } from "./figures.ts";
import { formatDay, formatInstant, text } from "./report-text.ts";
import { reportMetrics } from "./reports.policy.ts";
import type { Selection } from "./reports.queries.ts";
import { reportStories } from "./stories.repo.ts";

export interface ReportParameters {
  orgId: string;
  year: number;
  teamId: string | null;
  teamIds: string[];
  locale: ReportLocale;
  dataAsOf: Date;
  trendYears: number[];
}

export interface KeyFigure {
  metric: string;
  label: string;
  display: string;
  value: number | null;
  /** The value is a percentage. */
  isPercent: boolean;
}

export interface ReportSection {
  id: MetricSection;
  name: string;
  figures: DimensionedFigure[];
  trends: DimensionedFigure[];
}

export interface ReportSnapshot {
  version: 1;
  title: string;
  subtitle: string;
  organisation: string;
  scope: string;
  period: { from: string; to: string };
  parameters: {
    year: number;
    teamId: string | null;
    teamIds: string[];
    locale: ReportLocale;
    dataAsOf: string;
    trendYears: number[];
  };
  keyFigures: KeyFigure[];
  sections: ReportSection[];
  stories: { quote: string; team: string }[];
  annex: { rules: string[]; metrics: { id: string; name: string; counts: string; date: string; people: string }[] };
  lines: { dataAsOf: string; period: string; scope: string };
}

/** Figures followed across the trend years, by section. */
export const TREND_METRICS = [
  "persons_reached",
  "persons_reached_estimate",
  "new_persons",
  "persons_by_nationality",
  "contacts_total",
  "contacts_by_team",
  "referrals_total",
  "complaints_by_theme",
  "housing_first_housed",
];

const KEY_METRICS = [
  "persons_reached",
  "persons_reached_estimate",
  "new_persons",
  "new_persons_not_known",
  "contacts_total",
  "referrals_total",
  "housing_first_housed",
  "housing_first_retention",
];

export function selectionOf(p: ReportParameters, year = p.year): Selection {
  return {
    orgId: p.orgId,
    ...yearPeriod(year),
    teamIds: p.teamIds,
    allTeams: false,
    neighbourhoodId: null,
    asOf: p.dataAsOf,
  };
}

/** Runs `step` for each stage; the caller decides how (one transaction each, progress between). */
export type Stage = <T>(label: string, progress: number, work: (tx: Tx) => Promise<T>) => Promise<T>;

export async function buildSnapshot(p: ReportParameters, stage: Stage): Promise<ReportSnapshot> {
  const locale = p.locale;
  const present = (def: MetricDefinition, raw: Parameters<typeof presentFigure>[1]) =>
    withDimension(presentFigure(def, raw, { suppress: true, name: def.name[locale] }), def);

  const context = await stage("context", 5, async (tx) => {
    const metrics = await availableMetrics(tx, reportMetrics());
    const org = await tx.query<{ name: string }>(`SELECT name FROM organisations WHERE id = $1`, [p.orgId]);
    const teams = await tx.query<{ id: string; name: string }>(
      `SELECT id, name FROM teams WHERE id = ANY($1::uuid[]) ORDER BY name`,
      [p.teamIds],
    );
    return { metrics, organisation: org[0]?.name ?? "", teams };
  });
  const { metrics, teams } = context;
  const teamName = new Map(teams.map((t) => [t.id, t.name]));

  // The year's figures in one pass, so sections that share a source (contacts for reach and for
  // contacts, cases for cases and Housing First) read it once; then split by section.
  const yearFigures = await stage("figures", 40, async (tx) => {
    const { raw } = await computeRawFigures(tx, selectionOf(p), metrics, { locale });
    return raw.map((r, i) => present(metrics[i]!, r));
  });
  const sections: ReportSection[] = [];
  for (const section of METRIC_SECTIONS) {
    const figures = yearFigures.filter((_, i) => metrics[i]!.section === section);
    if (figures.length) sections.push({ id: section, name: SECTION_NAMES[section][locale], figures, trends: [] });
  }
  let progress = 40;

  // Trends: every trend metric for each year, then side by side.
  const trendDefs = metrics.filter((m) => TREND_METRICS.includes(m.id));
  const perYear = new Map<
    string,
    { year: number; raw: Awaited<ReturnType<typeof computeRawFigures>>["raw"][number] }[]
  >();
  for (const year of p.trendYears) {
    progress = Math.min(progress + 4, 70);
    const computed = await stage(`trends:${year}`, progress, (tx) =>
      computeRawFigures(tx, selectionOf(p, year), trendDefs, { locale }),
    );
    for (const [i, raw] of computed.raw.entries()) {
      perYear.set(trendDefs[i]!.id, [...(perYear.get(trendDefs[i]!.id) ?? []), { year, raw }]);
    }
  }
  for (const def of trendDefs) {
    const raw = trendOf(def.id, def.name[locale], perYear.get(def.id) ?? []);
    const figure = {
      ...presentFigure({ kind: "matrix", unit: def.unit }, raw, {
        suppress: true,
        name: def.name[locale],
        byColumn: true,
      }),
      dimension: "year" as const,
    };
    sections.find((s) => s.id === def.section)?.trends.push(figure);
  }

  const stories = await stage("stories", 72, (tx) => reportStories(tx, p.orgId, p.year, p.teamIds, p.dataAsOf));
  const all = sections.flatMap((s) => s.figures);
  const period = yearPeriod(p.year);
  const scope = p.teamId ? (teamName.get(p.teamId) ?? "") : text("department", locale);
  return {
    version: 1,
    title: text("title", locale, { year: p.year }),
    subtitle: text("subtitle", locale),
    organisation: context.organisation,
    scope,
    period,
    parameters: {
      year: p.year,
      teamId: p.teamId,
      teamIds: p.teamIds,
      locale,
      dataAsOf: p.dataAsOf.toISOString(),
      trendYears: p.trendYears,
    },
    keyFigures: keyFigures(all, locale, period.to),
    sections,
    stories: stories.map((s) => ({ quote: s.quote, team: teamName.get(s.team_id) ?? "" })),
    annex: {
      rules: GENERAL_RULES.map((r) => r[locale]),
      metrics: metrics.map((m) => ({
        id: m.id,
        name: m.name[locale],
        counts: m.counts[locale],
        date: m.date[locale],
        people: m.people[locale],
      })),
    },
    lines: {
      dataAsOf: text("dataAsOf", locale, { at: formatInstant(p.dataAsOf, locale) }),
      period: text("period", locale, { from: formatDay(period.from, locale), to: formatDay(period.to, locale) }),
      scope: p.teamId ? scope : `${scope} — ${text("teams", locale, { teams: teams.map((t) => t.name).join(", ") })}`,
    },
  };
}

function keyFigures(figures: DimensionedFigure[], locale: ReportLocale, lastDay: string): KeyFigure[] {
  const out: KeyFigure[] = [];
  for (const id of KEY_METRICS) {
    const f = figures.find((x) => x.metric === id);
    if (!f) continue;
    if (f.share) {
      const display = f.share.percent === null ? "–" : formatPercent(f.share.percent, locale);
      out.push({ metric: id, label: f.name, display, value: f.share.percent, isPercent: true });
    } else {
      out.push({ metric: id, label: f.name, display: f.total.display, value: f.total.value, isPercent: false });
    }
  }
  const cases = figures.find((x) => x.metric === "cases_by_nuisance");
  const active = cases?.columns.findIndex((c) => c.key === "active") ?? -1;
  if (cases && active >= 0) {
    const cell = cases.columnTotals[active]!;
    out.splice(6, 0, {
      metric: "cases_active",
      label: text("activeCases", locale, { day: formatDay(lastDay, locale) }),
      display: cell.display,
      value: cell.value,
      isPercent: false,
    });
  }
  return out;
}
