// The SQL behind every figure, kept readable in one file: reviewers check here what a figure counts.
// Each query takes a Selection (organisation, Brussels-day period, teams, neighbourhood, data
// timestamp) and returns plain counts; figures.ts turns them into presented figures. The rules
// (which date decides, merged persons, anonymous head counts) are those of the metrics catalogue.
import { type Period, periodInstants } from "@vindplaats/domain";
import { setPurpose, type Tx } from "../../db/database.ts";

export interface Selection extends Period {
  orgId: string;
  /** The teams covered; ignored when `allTeams` (the whole department). */
  teamIds: string[];
  allTeams: boolean;
  neighbourhoodId: string | null;
  /** Rows registered after this instant do not count (the report's data timestamp). */
  asOf: Date;
}

/**
 * Aggregate reading for figures, after the caller has authorised the selection: row-level security
 * widened to the organisation's rows (purpose "figures"), and PostgreSQL's JIT off, whose compile
 * time costs more than it saves on these mid-sized aggregates.
 */
export async function enterFigures(tx: Tx): Promise<void> {
  await setPurpose(tx, "figures");
  await tx.query(`SELECT set_config('jit', 'off', true)`);
}

/** Collects positional parameters while a WHERE clause is written. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** The contacts of a selection: started in the period (Brussels days), not removed, registered by asOf. */
function contactWhere(s: Selection, p: Params, c = "c"): string {
  const { start, end } = periodInstants(s);
  const where = [
    `${c}.org_id = ${p.add(s.orgId)}`,
    `${c}.started_at >= ${p.add(start)}`,
    `${c}.started_at < ${p.add(end)}`,
    `NOT ${c}.is_removed`,
    `${c}.created_at <= ${p.add(s.asOf)}`,
  ];
  if (!s.allTeams) where.push(`${c}.team_id = ANY(${p.add(s.teamIds)}::uuid[])`);
  if (s.neighbourhoodId) where.push(`${c}.neighbourhood_id = ${p.add(s.neighbourhoodId)}`);
  return where.join("\n     AND ");
}

export interface DimensionCount {
  dimension: string;
  key: string | null;
  contacts: number;
  heads: number;
}

/**
 * Contacts by every single-valued dimension in one pass (GROUPING SETS), with the anonymous head
 * counts. Month, weekday (ISO, Monday = 1) and hour are read on the Brussels clock.
 */
export function contactDimensions(tx: Tx, s: Selection): Promise<DimensionCount[]> {
  const p = new Params();
  return tx.query<DimensionCount>(
    `WITH c AS (
       SELECT c.team_id, c.place_id, c.neighbourhood_id, c.location_kind, c.anonymous_total,
              CASE WHEN c.group_id IS NOT NULL OR c.mode = 'group' THEN 'group' ELSE 'individual' END AS contact_kind,
              c.started_at AT TIME ZONE 'Europe/Brussels' AS local_start
         FROM contacts c
        WHERE ${contactWhere(s, p)}
     ), x AS (
       SELECT team_id, place_id, neighbourhood_id, location_kind, contact_kind, anonymous_total,
              extract(month FROM local_start)::int AS month,
              extract(isodow FROM local_start)::int AS weekday,
              extract(hour FROM local_start)::int AS hour
         FROM c
     )
     SELECT CASE
              WHEN GROUPING(team_id) = 0 THEN 'team'
              WHEN GROUPING(place_id) = 0 THEN 'place'
              WHEN GROUPING(neighbourhood_id) = 0 THEN 'neighbourhood'
              WHEN GROUPING(location_kind) = 0 THEN 'location_kind'
              WHEN GROUPING(contact_kind) = 0 THEN 'contact_kind'
              WHEN GROUPING(month) = 0 THEN 'month'
              WHEN GROUPING(weekday) = 0 THEN 'weekday'
              WHEN GROUPING(hour) = 0 THEN 'hour'
              ELSE 'total'
            END AS dimension,
            coalesce(team_id::text, place_id::text, neighbourhood_id::text, location_kind, contact_kind,
                     month::text, weekday::text, hour::text) AS key,
            count(*)::int AS contacts,
            coalesce(sum(anonymous_total), 0)::int AS heads
       FROM x
      GROUP BY GROUPING SETS ((team_id), (place_id), (neighbourhood_id), (location_kind), (contact_kind),
                              (month), (weekday), (hour), ())`,
    p.values,
  );
}

/** Contacts under each value of the array dimensions (a contact counts once under each value marked). */
export function contactMentions(tx: Tx, s: Selection, withWorkers: boolean): Promise<DimensionCount[]> {
  const p = new Params();
  return tx.query<DimensionCount>(
    `SELECT m.dimension, m.key, count(*)::int AS contacts, 0 AS heads
       FROM contacts c
      CROSS JOIN LATERAL (
            SELECT 'working_relationship' AS dimension, unnest(c.working_relationship) AS key
            UNION ALL SELECT 'came_about', unnest(c.came_about)
            UNION ALL SELECT 'action', unnest(c.actions)
            UNION ALL SELECT 'life_domain', unnest(c.life_domains)
            ${withWorkers ? "UNION ALL SELECT 'worker', unnest(c.worker_ids)::text" : ""}
           ) m
      WHERE ${contactWhere(s, p)}
      GROUP BY m.dimension, m.key`,
    p.values,
  );
}

export interface PersonCount {
  dimension: "total" | "team" | "nationality" | "age_band" | "known";
  key: string | null;
  persons: number;
  person_contacts: number;
  new_persons: number;
}

/**
 * Persons reached, deduplicated across teams. A record merged into another counts as its survivor
 * (following merged_into_id to the end of the chain). A person is new when the earliest first
 * contact any team registered (person_teams.first_seen_at) over the survivor and every record
 * merged into it falls in the period. Anonymous head counts are not persons and are not here.
 */
export function personCounts(tx: Tx, s: Selection): Promise<PersonCount[]> {
  const p = new Params();
  const where = contactWhere(s, p); // $1 is the organisation, used by the chain below
  const { start, end } = periodInstants(s);
  const from = p.add(start);
  const to = p.add(end);
  return tx.query<PersonCount>(
    `WITH RECURSIVE chain (id, root, depth) AS (
       SELECT m.id, m.merged_into_id, 1 FROM persons m WHERE m.org_id = $1 AND m.merged_into_id IS NOT NULL
       UNION ALL
       SELECT chain.id, p.merged_into_id, chain.depth + 1
         FROM chain JOIN persons p ON p.id = chain.root
        WHERE p.merged_into_id IS NOT NULL AND chain.depth < 32
     ),
     merged AS (SELECT DISTINCT ON (id) id, root FROM chain ORDER BY id, depth DESC),
     links AS (
       SELECT c.team_id, coalesce(m.root, cp.person_id) AS person_id
         FROM contacts c
         JOIN contact_persons cp ON cp.contact_id = c.id
         LEFT JOIN merged m ON m.id = cp.person_id
        WHERE ${where}
     ),
     reached AS (SELECT person_id, count(*)::int AS person_contacts FROM links GROUP BY person_id),
     described AS (
       SELECT r.person_id, r.person_contacts, p.nationality, p.age_band,
              CASE WHEN p.known_to_social_service IS NULL THEN 'unrecorded'
                   WHEN p.known_to_social_service THEN 'known' ELSE 'not_known' END AS known,
              tstzrange(${from}, ${to}) @> coalesce(fs.first_seen_at, ${from}) AS is_new
         FROM reached r
         JOIN persons p ON p.id = r.person_id
        CROSS JOIN LATERAL (
              -- Two index lookups, not one over an array: the planner keeps the primary key for both.
              SELECT least((SELECT min(pt.first_seen_at) FROM person_teams pt WHERE pt.person_id = r.person_id),
                           (SELECT min(pt.first_seen_at) FROM merged m JOIN person_teams pt ON pt.person_id = m.id
                             WHERE m.root = r.person_id)) AS first_seen_at
             ) fs
     )
     SELECT 'team' AS dimension, team_id::text AS key, count(DISTINCT person_id)::int AS persons,
            0 AS person_contacts, 0 AS new_persons
       FROM links GROUP BY team_id
     UNION ALL
     SELECT CASE WHEN GROUPING(nationality) = 0 THEN 'nationality'
                 WHEN GROUPING(age_band) = 0 THEN 'age_band'
                 WHEN GROUPING(known) = 0 THEN 'known'
                 ELSE 'total' END,
            coalesce(nationality, age_band, known),
            count(*)::int, coalesce(sum(person_contacts), 0)::int, count(*) FILTER (WHERE is_new)::int
       FROM described
      GROUP BY GROUPING SETS ((nationality), (age_band), (known), ())`,
    p.values,
  );
}

export interface ReferralCount {
  service_code: string;
  status: string;
  referrals: number;
}

/** Referrals proposed in the period (a date column: compared as days), by service and outcome. */
export function referralCounts(tx: Tx, s: Selection): Promise<ReferralCount[]> {
  const p = new Params();
  const where = [
    `r.org_id = ${p.add(s.orgId)}`,
    `r.proposed_on >= ${p.add(s.from)}::date`,
    `r.proposed_on <= ${p.add(s.to)}::date`,
    `r.created_at <= ${p.add(s.asOf)}`,
  ];
  if (!s.allTeams) where.push(`r.team_id = ANY(${p.add(s.teamIds)}::uuid[])`);
  // With a neighbourhood, only referrals made from a contact in it.
  const join = s.neighbourhoodId
    ? `JOIN contacts c ON c.id = r.contact_id AND c.neighbourhood_id = ${p.add(s.neighbourhoodId)}`
    : "";
  return tx.query<ReferralCount>(
    `SELECT r.service_code, r.status, count(*)::int AS referrals
       FROM referrals r ${join}
      WHERE ${where.join(" AND ")}
      GROUP BY r.service_code, r.status`,
    p.values,
  );
}

export interface DrillRow {
  id: string;
  started_at: Date;
  team_name: string;
  place_name: string | null;
  neighbourhood_name: string | null;
  location_kind: string;
  mode: string;
  person_count: number;
  anonymous_total: number;
}

/** The dimension's value as SQL on a contact row, matching the figure's row keys. */
const DRILL_EXPRESSIONS: Record<string, { sql: string; array?: boolean }> = {
  team: { sql: "c.team_id::text" },
  month: { sql: "extract(month FROM c.started_at AT TIME ZONE 'Europe/Brussels')::int::text" },
  weekday: { sql: "extract(isodow FROM c.started_at AT TIME ZONE 'Europe/Brussels')::int::text" },
  hour: { sql: "extract(hour FROM c.started_at AT TIME ZONE 'Europe/Brussels')::int::text" },
  place: { sql: "c.place_id::text" },
  neighbourhood: { sql: "c.neighbourhood_id::text" },
  location_kind: { sql: "c.location_kind" },
  contact_kind: { sql: "CASE WHEN c.group_id IS NOT NULL OR c.mode = 'group' THEN 'group' ELSE 'individual' END" },
  working_relationship: { sql: "c.working_relationship", array: true },
  came_about: { sql: "c.came_about", array: true },
  action: { sql: "c.actions", array: true },
  life_domain: { sql: "c.life_domains", array: true },
};

/**
 * The contacts behind one row of a contact figure, newest first. Runs with need-to-know in force
 * (no widened purpose): a coordinator only ever gets rows of their own teams. No names of persons.
 */
export async function drillContacts(
  tx: Tx,
  s: Selection,
  dimension: string,
  key: string | null,
  limit: number,
): Promise<{ rows: DrillRow[]; total: number }> {
  const p = new Params();
  const where = [contactWhere(s, p)];
  const expr = DRILL_EXPRESSIONS[dimension];
  if (!expr) throw new Error(`no drill-down on ${dimension}`);
  if (expr.array) where.push(`${expr.sql} @> ARRAY[${p.add(key ?? "")}::text]`);
  else if (key === null) where.push(`${expr.sql} IS NULL`);
  else where.push(`${expr.sql} = ${p.add(key)}`);
  const clause = where.join(" AND ");
  const count = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM contacts c WHERE ${clause}`, p.values);
  const rows = await tx.query<DrillRow>(
    `SELECT c.id, c.started_at, t.name AS team_name, pl.name AS place_name, n.name AS neighbourhood_name,
            c.location_kind, c.mode, c.person_count, c.anonymous_total
       FROM contacts c
       JOIN teams t ON t.id = c.team_id
       LEFT JOIN places pl ON pl.id = c.place_id
       LEFT JOIN neighbourhoods n ON n.id = c.neighbourhood_id
      WHERE ${clause}
      ORDER BY c.started_at DESC, c.id DESC
      LIMIT ${p.add(limit)}`,
    p.values,
  );
  return { rows, total: count[0]?.n ?? 0 };
}

// ---- Names for the rows --------------------------------------------------------------------

export interface NamedRow {
  id: string;
  name: string;
  is_active: boolean;
}

export interface ValueLabelRow {
  list: string;
  code: string;
  labels: { nl: string; en: string; fr: string };
  sort: number;
  is_active: boolean;
}

export async function loadNames(tx: Tx, orgId: string, withWorkers: boolean) {
  // One after the other: a transaction is one connection.
  const teams = await tx.query<NamedRow>(`SELECT id, name, is_active FROM teams WHERE org_id = $1 ORDER BY name`, [
    orgId,
  ]);
  const places = await tx.query<NamedRow>(`SELECT id, name, is_active FROM places WHERE org_id = $1`, [orgId]);
  const neighbourhoods = await tx.query<NamedRow & { geojson: unknown }>(
    `SELECT id, name, is_active, geojson FROM neighbourhoods WHERE org_id = $1 ORDER BY name`,
    [orgId],
  );
  const values = await tx.query<ValueLabelRow>(
    `SELECT list, code, labels, sort, is_active FROM value_lists WHERE org_id = $1 ORDER BY list, sort, code`,
    [orgId],
  );
  const workers = withWorkers
    ? await tx.query<NamedRow>(`SELECT id, display_name AS name, is_active FROM users WHERE org_id = $1`, [orgId])
    : [];
  return { teams, places, neighbourhoods, values, workers };
}
export type Names = Awaited<ReturnType<typeof loadNames>>;

/** All teams of the organisation: a director's department. */
export async function orgTeamIds(tx: Tx, orgId: string): Promise<string[]> {
  return (await tx.query<{ id: string }>(`SELECT id FROM teams WHERE org_id = $1 ORDER BY id`, [orgId])).map(
    (r) => r.id,
  );
}
