// Case, complaint and Housing First figures over the cases module's tables (schema-cases.ts). The
// rules follow modules/cases/cases.queries.ts: a case is active on a day when the latest status that
// took effect on or before it is not "closed"; it carries a nuisance component when a complaint
// received on or before the day is not resolved by then. Housing First retention is the domain's
// housingRetention over the trajectories housed before the period.
import {
  CASE_COLUMNS,
  FIXED_CODES,
  housingRetention,
  type MetricDefinition,
  type RawFigure,
  type Tenancy,
} from "@vindplaats/domain";
import type { Tx } from "../../db/database.ts";
import { NONE, type RowContext, rowsFor } from "./figure-rows.ts";
import type { Selection } from "./reports.queries.ts";

export interface CaseRow {
  intake_channel: string;
  neighbourhood_id: string | null;
  has_nuisance: boolean;
  opened: boolean;
  closed: boolean;
  active: boolean;
}

export interface CaseData {
  cases: CaseRow[];
  complaints: { theme: string; complaints: number }[];
  tenancies: Tenancy[];
  housedInPeriod: number;
}

export async function hasCaseTables(tx: Tx): Promise<boolean> {
  const rows = await tx.query<{ ok: boolean }>(
    `SELECT to_regclass('public.cases') IS NOT NULL AND to_regclass('public.housing_checkpoints') IS NOT NULL AS ok`,
  );
  return rows[0]?.ok ?? false;
}

/** Collects positional parameters while a WHERE clause is written. */
function params() {
  const values: unknown[] = [];
  return { values, add: (v: unknown) => `$${values.push(v)}` };
}

function scope(s: Selection, p: ReturnType<typeof params>, alias: string): string {
  const where = [`${alias}.org_id = ${p.add(s.orgId)}`, `${alias}.created_at <= ${p.add(s.asOf)}`];
  if (!s.allTeams) where.push(`${alias}.team_id = ANY(${p.add(s.teamIds)}::uuid[])`);
  return where.join(" AND ");
}

/**
 * Every case that was opened, closed or active in the period, with its intake channel, neighbourhood
 * and nuisance component. The nuisance is judged on the case's reference day: the last day of the
 * period, or its closing day when it closed in the period.
 */
function casesInPeriod(tx: Tx, s: Selection): Promise<CaseRow[]> {
  const p = params();
  const where = scope(s, p, "c");
  const hood = s.neighbourhoodId ? `AND c.neighbourhood_id = ${p.add(s.neighbourhoodId)}` : "";
  const [from, to, asOf] = [p.add(s.from), p.add(s.to), p.add(s.asOf)];
  return tx.query<CaseRow>(
    `WITH c AS (
       SELECT c.id, c.intake_channel, c.neighbourhood_id, c.opened_on, c.closed_on,
              CASE WHEN c.closed_on BETWEEN ${from}::date AND ${to}::date THEN c.closed_on ELSE ${to}::date END AS ref_day
         FROM cases c
        WHERE ${where} ${hood}
          AND c.opened_on <= ${to}::date AND (c.closed_on IS NULL OR c.closed_on >= ${from}::date)
     ),
     status_then AS (
       SELECT DISTINCT ON (h.case_id) h.case_id, h.status
         FROM case_status_history h JOIN c ON c.id = h.case_id
        WHERE h.effective_on <= ${to}::date AND h.at <= ${asOf}
        ORDER BY h.case_id, h.effective_on DESC, h.at DESC, h.id DESC
     )
     SELECT c.intake_channel, c.neighbourhood_id,
            EXISTS (SELECT 1 FROM case_complaints k
                     WHERE k.case_id = c.id AND k.received_on <= c.ref_day AND k.created_at <= ${asOf}
                       AND (k.resolved_on IS NULL OR k.resolved_on > c.ref_day)) AS has_nuisance,
            c.opened_on >= ${from}::date AS opened,
            coalesce(c.closed_on BETWEEN ${from}::date AND ${to}::date, false) AS closed,
            coalesce(s.status <> 'closed', false) AS active
       FROM c LEFT JOIN status_then s ON s.case_id = c.id`,
    p.values,
  );
}

/** Complaints received in the period, by theme; with a neighbourhood, those about a case there. */
function complaintsByTheme(tx: Tx, s: Selection) {
  const p = params();
  const where = scope(s, p, "k");
  const hood = s.neighbourhoodId ? `AND c.neighbourhood_id = ${p.add(s.neighbourhoodId)}` : "";
  return tx.query<{ theme: string; complaints: number }>(
    `SELECT k.theme, count(*)::int AS complaints
       FROM case_complaints k JOIN cases c ON c.id = k.case_id
      WHERE ${where} ${hood} AND k.received_on BETWEEN ${p.add(s.from)}::date AND ${p.add(s.to)}::date
      GROUP BY k.theme`,
    p.values,
  );
}

/** Housing First trajectories housed by the last day, with their checkpoints. Not tied to a neighbourhood. */
async function tenancies(tx: Tx, s: Selection): Promise<Tenancy[]> {
  const p = params();
  const where = scope(s, p, "t");
  const rows = await tx.query<{ id: string; housed_on: string; month: number | null; outcome: string | null }>(
    `SELECT t.id, t.housed_on, h.month, h.outcome
       FROM trajectories t
       LEFT JOIN housing_checkpoints h ON h.trajectory_id = t.id AND h.created_at <= ${p.add(s.asOf)}
      WHERE ${where} AND t.kind = 'housing_first' AND t.housed_on IS NOT NULL AND t.housed_on <= ${p.add(s.to)}::date
      ORDER BY t.id`,
    p.values,
  );
  const byId = new Map<string, Tenancy>();
  for (const r of rows) {
    const t = byId.get(r.id) ?? { housedOn: r.housed_on, checkpoints: {} };
    if (r.month && r.outcome) (t.checkpoints as Record<number, string>)[r.month] = r.outcome;
    byId.set(r.id, t);
  }
  return [...byId.values()];
}

export async function caseCounts(tx: Tx, s: Selection): Promise<CaseData> {
  const all = await tenancies(tx, s);
  return {
    cases: await casesInPeriod(tx, s),
    complaints: await complaintsByTheme(tx, s),
    tenancies: all,
    housedInPeriod: all.filter((t) => t.housedOn >= s.from).length,
  };
}

const GROUPS: Record<string, (c: CaseRow) => string | null> = {
  cases_by_intake_channel: (c) => c.intake_channel,
  cases_by_neighbourhood: (c) => c.neighbourhood_id,
  cases_by_nuisance: (c) => (c.has_nuisance ? "with" : "without"),
};

export function caseFigure(data: CaseData, def: MetricDefinition, ctx: RowContext): RawFigure {
  const group = GROUPS[def.id];
  if (group) {
    const counts = new Map<string | null, number>();
    for (const c of data.cases) counts.set(group(c), (counts.get(group(c)) ?? 0) + 1);
    const rows = rowsFor(def.dimension!, counts, ctx).filter((r) => r.value > 0 || def.dimension === "nuisance");
    const columns = (["opened", "closed", "active"] as const).map((key) => ({
      key,
      label: CASE_COLUMNS[key][ctx.locale],
    }));
    const counted = rows.map((r) =>
      columns.map((col) => data.cases.filter((c) => (group(c) ?? NONE) === r.key && c[col.key]).length),
    );
    return {
      metric: def.id,
      kind: "matrix",
      rows: rows.map(({ key, label }) => ({ key, label })),
      columns,
      counts: counted,
    };
  }
  if (def.id === "complaints_by_theme") {
    const counts = new Map<string | null, number>(data.complaints.map((k) => [k.theme, k.complaints]));
    return { metric: def.id, kind: "series", rows: rowsFor("complaint_theme", counts, ctx) };
  }
  if (def.id === "housing_first_housed") return { metric: def.id, kind: "number", value: data.housedInPeriod };
  // Retention: of those housed before the period, as of its last day.
  const before = data.tenancies.filter((t) => t.housedOn < ctx.period.from);
  const r = housingRetention(before, ctx.period.to);
  const labels = FIXED_CODES.housing_outcome!;
  return {
    metric: def.id,
    kind: "share",
    parts: [
      { key: "still_housed", label: labels.still_housed![ctx.locale], value: r.stillHoused },
      { key: "not_housed", label: labels.not_housed![ctx.locale], value: r.notHoused + r.lostToFollowUp },
      { key: "pending", label: labels.pending![ctx.locale], value: r.pending },
    ],
  };
}
