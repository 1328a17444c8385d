// The figure engine: runs only the queries the asked-for metrics need (reports.queries.ts), builds
// each metric's raw counts and presents them (labels, totals, suppression). No permissions here:
// the service decides the selection and whether to suppress; the report job calls this directly.
import {
  type Dimension,
  estimateReach,
  FIXED_CODES,
  type Figure,
  type MetricDefinition,
  type MetricId,
  presentFigure,
  type RawFigure,
  type RawRow,
  type ReportLocale,
} from "@vindplaats/domain";
import type { Tx } from "../../db/database.ts";
import { type CaseData, caseCounts, caseFigure, hasCaseTables } from "./case-figures.ts";
import { countsOf, type RowContext, rowsFor } from "./figure-rows.ts";
import * as q from "./reports.queries.ts";

type Source = "dims" | "mentions" | "persons" | "referrals" | "cases";

interface Data {
  dims: q.DimensionCount[];
  mentions: q.DimensionCount[];
  persons: q.PersonCount[];
  referrals: q.ReferralCount[];
  cases: CaseData | null;
}

type Builder = (d: Data, rows: RowContext, def: MetricDefinition) => RawFigure;

const total = <T extends { dimension: string }>(rows: T[], pick: (r: T) => number) =>
  rows.filter((r) => r.dimension === "total").reduce((a, r) => a + pick(r), 0);

const series = (id: string, rows: RawRow[]): RawFigure => ({ metric: id, kind: "series", rows });

const contactSeries =
  (source: "dims" | "mentions"): Builder =>
  (d, ctx, def) =>
    series(
      def.id,
      rowsFor(
        def.dimension!,
        countsOf(d[source], def.dimension!, (r) => r.contacts),
        ctx,
      ),
    );

const personSeries: Builder = (d, ctx, def) =>
  series(
    def.id,
    rowsFor(
      def.dimension!,
      countsOf(d.persons, def.dimension!, (r) => r.persons),
      ctx,
    ),
  );

const referralsBy = (d: Data, pick: (r: q.ReferralCount) => string) => {
  const out = new Map<string | null, number>();
  for (const r of d.referrals) out.set(pick(r), (out.get(pick(r)) ?? 0) + r.referrals);
  return out;
};

const METRIC_SOURCES: Record<MetricId, { sources: Source[]; build: Builder }> = {
  persons_reached: {
    sources: ["persons"],
    build: (d, _c, def) => ({ metric: def.id, kind: "number", value: total(d.persons, (r) => r.persons) }),
  },
  persons_reached_estimate: {
    sources: ["persons", "dims"],
    build: (d, _c, def) => ({
      metric: def.id,
      kind: "number",
      value: estimateReach({
        uniquePersons: total(d.persons, (r) => r.persons),
        personContacts: total(d.persons, (r) => r.person_contacts),
        anonymousHeads: total(d.dims, (r) => r.heads),
      }),
    }),
  },
  anonymous_head_counts: {
    sources: ["dims"],
    build: (d, _c, def) => ({ metric: def.id, kind: "number", value: total(d.dims, (r) => r.heads) }),
  },
  new_persons: {
    sources: ["persons"],
    build: (d, _c, def) => ({ metric: def.id, kind: "number", value: total(d.persons, (r) => r.new_persons) }),
  },
  new_persons_not_known: {
    sources: ["persons"],
    build: (d, ctx, def) => {
      const counts = countsOf(d.persons, "known", (r) => r.new_persons);
      const labels = FIXED_CODES.known_to_social_service!;
      const parts = ["not_known", "known", "unrecorded"].map((key) => ({
        key,
        label: labels[key]![ctx.locale],
        value: counts.get(key) ?? 0,
      }));
      return { metric: def.id, kind: "share", parts };
    },
  },
  persons_by_team: { sources: ["persons"], build: personSeries },
  persons_by_nationality: { sources: ["persons"], build: personSeries },
  persons_by_age_band: { sources: ["persons"], build: personSeries },
  contacts_total: {
    sources: ["dims"],
    build: (d, _c, def) => ({ metric: def.id, kind: "number", value: total(d.dims, (r) => r.contacts) }),
  },
  contacts_by_team: { sources: ["dims"], build: contactSeries("dims") },
  contacts_by_worker: { sources: ["mentions"], build: contactSeries("mentions") },
  contacts_by_month: { sources: ["dims"], build: contactSeries("dims") },
  contacts_by_weekday: { sources: ["dims"], build: contactSeries("dims") },
  contacts_by_hour: { sources: ["dims"], build: contactSeries("dims") },
  contacts_by_place: { sources: ["dims"], build: contactSeries("dims") },
  contacts_by_neighbourhood: { sources: ["dims"], build: contactSeries("dims") },
  contacts_by_location_kind: { sources: ["dims"], build: contactSeries("dims") },
  contacts_by_working_relationship: { sources: ["mentions"], build: contactSeries("mentions") },
  contacts_by_came_about: { sources: ["mentions"], build: contactSeries("mentions") },
  contacts_by_action: { sources: ["mentions"], build: contactSeries("mentions") },
  contacts_by_life_domain: { sources: ["mentions"], build: contactSeries("mentions") },
  contacts_group_vs_individual: { sources: ["dims"], build: contactSeries("dims") },
  referrals_total: {
    sources: ["referrals"],
    build: (d, _c, def) => ({
      metric: def.id,
      kind: "number",
      value: d.referrals.reduce((a, r) => a + r.referrals, 0),
    }),
  },
  referrals_by_service: {
    sources: ["referrals"],
    build: (d, ctx, def) =>
      series(
        def.id,
        rowsFor(
          "referral_service",
          referralsBy(d, (r) => r.service_code),
          ctx,
        ),
      ),
  },
  referrals_by_outcome: {
    sources: ["referrals"],
    build: (d, ctx, def) =>
      series(
        def.id,
        rowsFor(
          "referral_status",
          referralsBy(d, (r) => r.status),
          ctx,
        ),
      ),
  },
  referrals_by_service_and_outcome: {
    sources: ["referrals"],
    build: (d, ctx, def) => {
      const services = rowsFor(
        "referral_service",
        referralsBy(d, (r) => r.service_code),
        ctx,
      ).filter((r) => r.value > 0);
      const columns = rowsFor("referral_status", new Map(), ctx).map(({ key, label }) => ({ key, label }));
      const counts = services.map((s) =>
        columns.map((c) =>
          d.referrals
            .filter((r) => r.service_code === s.key && r.status === c.key)
            .reduce((a, r) => a + r.referrals, 0),
        ),
      );
      return {
        metric: def.id,
        kind: "matrix",
        rows: services.map(({ key, label }) => ({ key, label })),
        columns,
        counts,
      };
    },
  },
  cases_by_intake_channel: { sources: ["cases"], build: (d, ctx, def) => caseFigure(d.cases!, def, ctx) },
  cases_by_neighbourhood: { sources: ["cases"], build: (d, ctx, def) => caseFigure(d.cases!, def, ctx) },
  cases_by_nuisance: { sources: ["cases"], build: (d, ctx, def) => caseFigure(d.cases!, def, ctx) },
  complaints_by_theme: { sources: ["cases"], build: (d, ctx, def) => caseFigure(d.cases!, def, ctx) },
  housing_first_housed: { sources: ["cases"], build: (d, ctx, def) => caseFigure(d.cases!, def, ctx) },
  housing_first_retention: { sources: ["cases"], build: (d, ctx, def) => caseFigure(d.cases!, def, ctx) },
};

export interface ComputeOptions {
  locale: ReportLocale;
  suppress: boolean;
  /** Names are the same for every year of a trend: load them once. */
  names?: q.Names;
}

/** Whether the metric can be computed in this database (the cases module's tables may be missing). */
export async function availableMetrics(tx: Tx, metrics: readonly MetricDefinition[]): Promise<MetricDefinition[]> {
  const cases = metrics.some((m) => m.needsCases) ? await hasCaseTables(tx) : false;
  return metrics.filter((m) => !m.needsCases || cases);
}

export async function computeRawFigures(
  tx: Tx,
  s: q.Selection,
  metrics: readonly MetricDefinition[],
  options: Pick<ComputeOptions, "locale" | "names">,
): Promise<{ raw: RawFigure[]; names: q.Names }> {
  const sources = new Set(metrics.flatMap((m) => METRIC_SOURCES[m.id as MetricId].sources));
  const withWorkers = metrics.some((m) => m.dimension === "worker");
  const names = options.names ?? (await q.loadNames(tx, s.orgId, withWorkers));
  const data: Data = {
    dims: sources.has("dims") ? await q.contactDimensions(tx, s) : [],
    mentions: sources.has("mentions") ? await q.contactMentions(tx, s, withWorkers) : [],
    persons: sources.has("persons") ? await q.personCounts(tx, s) : [],
    referrals: sources.has("referrals") ? await q.referralCounts(tx, s) : [],
    cases: sources.has("cases") ? await caseCounts(tx, s) : null,
  };
  const ctx: RowContext = { locale: options.locale, names, teamIds: s.teamIds, period: { from: s.from, to: s.to } };
  return { raw: metrics.map((m) => METRIC_SOURCES[m.id as MetricId].build(data, ctx, m)), names };
}

export async function computeFigures(
  tx: Tx,
  s: q.Selection,
  metrics: readonly MetricDefinition[],
  options: ComputeOptions,
): Promise<DimensionedFigure[]> {
  const { raw } = await computeRawFigures(tx, s, metrics, options);
  return raw.map((r, i) =>
    withDimension(
      presentFigure(metrics[i]!, r, { suppress: options.suppress, name: metrics[i]!.name[options.locale] }),
      metrics[i]!,
    ),
  );
}

export type DimensionedFigure = Figure & { dimension: Dimension | null };

export const withDimension = (figure: Figure, def: MetricDefinition): DimensionedFigure => ({
  ...figure,
  dimension: def.dimension ?? null,
});
