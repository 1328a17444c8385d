// The department's questions about cases, as readable SQL the figures module reuses. Every query
// takes $1 = team ids (uuid[]; NULL = every team the transaction may see) and days as YYYY-MM-DD.
// Run them in a request transaction (row-level security limits them to the caller's teams) or with
// purpose 'figures' for department-wide numbers, which then go through small-cell suppression.
import type { Tx } from "../../db/database.ts";

/**
 * Active address cases as of the end of a day, with and without a nuisance component.
 * Active: the latest status that took effect on or before the day is not "closed" (so a case opened
 * on the day counts, a case closed on the day does not). Nuisance: at least one complaint received
 * on or before the day and not resolved by then.
 */
export const ACTIVE_CASES_AS_OF = `
  WITH status_then AS (
    SELECT DISTINCT ON (h.case_id) h.case_id, h.status
      FROM case_status_history h
      JOIN cases c ON c.id = h.case_id
     WHERE h.effective_on <= $2::date
       AND ($1::uuid[] IS NULL OR c.team_id = ANY($1::uuid[]))
     ORDER BY h.case_id, h.effective_on DESC, h.at DESC, h.id DESC
  ),
  active AS (
    SELECT s.case_id,
           EXISTS (SELECT 1 FROM case_complaints k
                    WHERE k.case_id = s.case_id
                      AND k.received_on <= $2::date
                      AND (k.resolved_on IS NULL OR k.resolved_on > $2::date)) AS has_nuisance
      FROM status_then s
     WHERE s.status <> 'closed'
  )
  SELECT count(*)::int                                AS total,
         count(*) FILTER (WHERE has_nuisance)::int     AS "withNuisance",
         count(*) FILTER (WHERE NOT has_nuisance)::int AS "withoutNuisance"
    FROM active`;

/** Cases opened in a period (both days included), by intake channel and neighbourhood (NULL: outside). */
export const CASES_OPENED_BY_CHANNEL_AND_NEIGHBOURHOOD = `
  SELECT c.intake_channel AS "intakeChannel", c.neighbourhood_id AS "neighbourhoodId", count(*)::int AS count
    FROM cases c
   WHERE c.opened_on BETWEEN $2::date AND $3::date
     AND ($1::uuid[] IS NULL OR c.team_id = ANY($1::uuid[]))
   GROUP BY c.intake_channel, c.neighbourhood_id
   ORDER BY count DESC, c.intake_channel`;

/** Complaints received in a period, by theme. */
export const COMPLAINTS_BY_THEME = `
  SELECT k.theme, count(*)::int AS count
    FROM case_complaints k
   WHERE k.received_on BETWEEN $2::date AND $3::date
     AND ($1::uuid[] IS NULL OR k.team_id = ANY($1::uuid[]))
   GROUP BY k.theme
   ORDER BY count DESC, k.theme`;

/** Referrals proposed in a period, by service, where they stand now, and whether someone went along. */
export const REFERRAL_OUTCOMES = `
  SELECT r.service_code AS "serviceCode", r.status, r.accompanied, count(*)::int AS count
    FROM referrals r
   WHERE r.proposed_on BETWEEN $2::date AND $3::date
     AND ($1::uuid[] IS NULL OR r.team_id = ANY($1::uuid[]))
   GROUP BY r.service_code, r.status, r.accompanied
   ORDER BY r.service_code, r.status, r.accompanied`;

export type TeamIds = readonly string[] | null;

export async function activeCasesAsOf(tx: Tx, teamIds: TeamIds, asOf: string) {
  return (
    await tx.query<{ total: number; withNuisance: number; withoutNuisance: number }>(ACTIVE_CASES_AS_OF, [
      teamIds,
      asOf,
    ])
  )[0]!;
}

export function casesOpened(tx: Tx, teamIds: TeamIds, from: string, to: string) {
  return tx.query<{ intakeChannel: string; neighbourhoodId: string | null; count: number }>(
    CASES_OPENED_BY_CHANNEL_AND_NEIGHBOURHOOD,
    [teamIds, from, to],
  );
}

export function complaintsByTheme(tx: Tx, teamIds: TeamIds, from: string, to: string) {
  return tx.query<{ theme: string; count: number }>(COMPLAINTS_BY_THEME, [teamIds, from, to]);
}

export function referralOutcomes(tx: Tx, teamIds: TeamIds, from: string, to: string) {
  return tx.query<{ serviceCode: string; status: string; accompanied: boolean; count: number }>(REFERRAL_OUTCOMES, [
    teamIds,
    from,
    to,
  ]);
}
