// Referrals, address cases and Housing First trajectories at benchmark scale, after the persons and
// contacts of scale-people.ts: generated inside the database from the contacts already there
// (INSERT ... SELECT), one statement per organisation, so they follow the contacts' volume and years.
// About 5 % of contacts with a person get a referral; one address case per 400 contacts (a quarter
// with a complaint); one Housing First trajectory per 2,000 contacts, with checkpoints.
import type { ScaleStep } from "./scale.ts";

const REFERRAL_SHARE = 0.05;
const CONTACTS_PER_CASE = 400;
const CONTACTS_PER_TRAJECTORY = 2000;

const orgIds = (ctx: Parameters<ScaleStep["run"]>[0]) => ctx.orgs.map((o) => o.id);

const referrals: ScaleStep = {
  name: "referrals",
  estimate: (n) => Math.round(n * 10_000 * REFERRAL_SHARE),
  async run(ctx, report) {
    for (const orgId of orgIds(ctx)) {
      const rows = await ctx.db.owner((tx) =>
        tx.query<{ n: number }>(
          `WITH picked AS (
             INSERT INTO referrals (id, org_id, team_id, person_id, contact_id, service_code, status, accompanied, proposed_on,
                                    decided_on, created_at, created_by)
             SELECT gen_random_uuid(), c.org_id, c.team_id, cp.person_id, c.id,
                    (ARRAY['ocmw_social_service','caw','night_shelter','housing_first','doctor','drug_service','legal_aid'])[1 + ((hashtext(c.id::text) & 2147483647) % 7)],
                    (ARRAY['proposed','accepted','refused','done','not_done'])[1 + ((hashtext(c.id::text || 's') & 2147483647) % 5)],
                    (hashtext(c.id::text || 'a') & 2147483647) % 3 = 0,
                    (c.started_at AT TIME ZONE 'Europe/Brussels')::date, NULL, c.created_at, c.created_by
               FROM contacts c JOIN contact_persons cp ON cp.contact_id = c.id
              WHERE c.org_id = $1 AND (hashtext(c.id::text || 'r') & 2147483647) % 1000 < $2
             RETURNING 1)
           SELECT count(*)::int AS n FROM picked`,
          [orgId, Math.round(REFERRAL_SHARE * 1000)],
        ),
      );
      report(rows[0]?.n ?? 0);
    }
    await ctx.db.owner((tx) => tx.query(`ANALYZE referrals`));
  },
};

const cases: ScaleStep = {
  name: "cases",
  estimate: (n) => Math.round((n * 10_000) / CONTACTS_PER_CASE) * 3,
  async run(ctx, report) {
    for (const orgId of orgIds(ctx)) {
      const rows = await ctx.db.owner(async (tx) => {
        // One case per N contacts of the neighbourhood stewards' kind of work, spread over the same years.
        const made = await tx.query<{ n: number }>(
          `WITH src AS (
             SELECT c.id AS contact_id, c.team_id, c.neighbourhood_id, c.created_by,
                    (c.started_at AT TIME ZONE 'Europe/Brussels')::date AS opened_on,
                    (hashtext(c.id::text || 'k') & 2147483647) AS h
               FROM contacts c
              WHERE c.org_id = $1 AND (hashtext(c.id::text || 'c') & 2147483647) % $2 = 0),
           made AS (
             INSERT INTO cases (id, org_id, team_id, street, house_number, postcode, address_key, neighbourhood_id, intake_channel,
                                status, opened_on, closed_on, close_reason, created_at, created_by, updated_at)
             SELECT gen_random_uuid(), $1, team_id, 'Schaalstraat', (h % 900)::text, '9000', '9000|schaalstraat|' || contact_id::text,
                    neighbourhood_id,
                    (ARRAY['local_police','city_services','street_work','community_work','own_contacts','schools','police'])[1 + h % 7],
                    CASE WHEN h % 3 = 0 THEN 'open' ELSE 'closed' END, opened_on,
                    CASE WHEN h % 3 = 0 THEN NULL ELSE opened_on + (30 + h % 400) END,
                    CASE WHEN h % 3 = 0 THEN NULL ELSE 'moved' END,
                    opened_on::timestamptz, created_by, opened_on::timestamptz
               FROM src
             RETURNING id, org_id, team_id, opened_on, closed_on, created_by)
           , history AS (
             INSERT INTO case_status_history (id, org_id, team_id, case_id, status, effective_on, at, actor_user_id)
             SELECT gen_random_uuid(), org_id, team_id, id, 'open', opened_on, opened_on::timestamptz, created_by FROM made
             UNION ALL
             SELECT gen_random_uuid(), org_id, team_id, id, 'closed', closed_on, closed_on::timestamptz, created_by FROM made WHERE closed_on IS NOT NULL
             RETURNING 1)
           , complaints AS (
             INSERT INTO case_complaints (id, org_id, team_id, case_id, received_on, theme, source, resolved_on, created_at, created_by)
             SELECT gen_random_uuid(), org_id, team_id, id, opened_on,
                    (ARRAY['waste','noise','overcrowding','hygiene','safety','other'])[1 + (hashtext(id::text) & 2147483647) % 6], 'neighbour',
                    CASE WHEN (hashtext(id::text || 'x') & 2147483647) % 2 = 0 THEN opened_on + 60 END, opened_on::timestamptz, created_by
               FROM made WHERE (hashtext(id::text || 'q') & 2147483647) % 4 = 0
             RETURNING 1)
           SELECT (SELECT count(*) FROM made)::int + (SELECT count(*) FROM history)::int + (SELECT count(*) FROM complaints)::int AS n`,
          [orgId, CONTACTS_PER_CASE],
        );
        return made;
      });
      report(rows[0]?.n ?? 0);
    }
  },
};

const housingFirst: ScaleStep = {
  name: "housing first",
  estimate: (n) => Math.round((n * 10_000) / CONTACTS_PER_TRAJECTORY) * 3,
  async run(ctx, report) {
    for (const orgId of orgIds(ctx)) {
      const rows = await ctx.db.owner((tx) =>
        tx.query<{ n: number }>(
          `WITH made AS (
             INSERT INTO trajectories (id, org_id, team_id, kind, title, status, started_on, housed_on, created_at, created_by, updated_at)
             SELECT gen_random_uuid(), c.org_id, c.team_id, 'housing_first', 'Housing First', 'active',
                    (c.started_at AT TIME ZONE 'Europe/Brussels')::date, (c.started_at AT TIME ZONE 'Europe/Brussels')::date + 30,
                    c.created_at, c.created_by, c.created_at
               FROM contacts c
              WHERE c.org_id = $1 AND (hashtext(c.id::text || 'h') & 2147483647) % $2 = 0
             RETURNING id, org_id, team_id, housed_on, created_by),
           checks AS (
             INSERT INTO housing_checkpoints (id, org_id, team_id, trajectory_id, month, outcome, recorded_on, created_at, created_by)
             SELECT gen_random_uuid(), m.org_id, m.team_id, m.id, months.month,
                    CASE WHEN (hashtext(m.id::text || months.month::text) & 2147483647) % 10 < 9 THEN 'still_housed' ELSE 'not_housed' END,
                    m.housed_on + months.month * 30, (m.housed_on + months.month * 30)::timestamptz, m.created_by
               FROM made m CROSS JOIN (VALUES (6), (12)) AS months(month)
              WHERE m.housed_on + months.month * 30 <= current_date
             RETURNING 1)
           SELECT (SELECT count(*) FROM made)::int + (SELECT count(*) FROM checks)::int AS n`,
          [orgId, CONTACTS_PER_TRAJECTORY],
        ),
      );
      report(rows[0]?.n ?? 0);
    }
    for (const table of ["cases", "case_status_history", "case_complaints", "trajectories", "housing_checkpoints"]) {
      await ctx.db.owner((tx) => tx.query(`ANALYZE ${table}`));
    }
  },
};

/** After PEOPLE_STEPS: they read the contacts those made. */
export const REPORT_STEPS: ScaleStep[] = [referrals, cases, housingFirst];
