// SQL of the bulk registration (contacts-bulk.ts): the same rows insertContact and linkPersonTeam
// write, for many contacts in one statement each. The note is sealed at rest, as insertContact does.
import { seal } from "../../crypto/fields.ts";
import type { Tx } from "../../db/database.ts";

export interface NewContactRow {
  id: string;
  org_id: string;
  team_id: string;
  mode: string;
  started_at: string;
  duration_minutes: number;
  worker_ids: string[];
  place_id: string | null;
  neighbourhood_id: string | null;
  location_kind: string;
  group_id: string | null;
  anonymous_counts: unknown;
  anonymous_total: number;
  person_ids: string[];
  person_count: number;
  came_about: string[];
  working_relationship: string[];
  actions: string[];
  life_domains: string[];
  note: string | null;
  created_by: string;
}

/** Which of these ids are contacts already (that the caller may see). */
export async function existingContactIds(tx: Tx, ids: readonly string[]): Promise<Set<string>> {
  const rows = await tx.query<{ id: string }>(`SELECT id FROM contacts WHERE id = ANY($1::uuid[])`, [ids]);
  return new Set(rows.map((r) => r.id));
}

export async function insertContacts(tx: Tx, rows: readonly NewContactRow[], now: Date): Promise<void> {
  await tx.query(
    `INSERT INTO contacts (id, org_id, team_id, mode, started_at, duration_minutes, worker_ids, place_id, neighbourhood_id,
                           location_kind, group_id, anonymous_counts, anonymous_total, person_count, came_about,
                           working_relationship, actions, life_domains, note, created_by, created_at, updated_at, updated_by)
     SELECT id, org_id, team_id, mode, started_at, duration_minutes, worker_ids, place_id, neighbourhood_id,
            location_kind, group_id, anonymous_counts, anonymous_total, person_count, came_about,
            working_relationship, actions, life_domains, note, created_by, $2, $2, created_by
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, org_id uuid, team_id uuid, mode text, started_at timestamptz,
            duration_minutes int, worker_ids uuid[], place_id uuid, neighbourhood_id uuid, location_kind text, group_id uuid,
            anonymous_counts jsonb, anonymous_total int, person_count int, came_about text[], working_relationship text[],
            actions text[], life_domains text[], note text, created_by uuid)`,
    [JSON.stringify(rows.map(({ person_ids: _p, ...r }) => ({ ...r, note: seal(r.note) }))), now],
  );
  const links = rows.flatMap((r) => r.person_ids.map((p) => [r.id, p] as const));
  if (!links.length) return;
  await tx.query(
    `INSERT INTO contact_persons (org_id, contact_id, person_id)
     SELECT $1, c, p FROM unnest($2::uuid[], $3::uuid[]) AS l(c, p) ON CONFLICT DO NOTHING`,
    [rows[0]!.org_id, links.map((l) => l[0]), links.map((l) => l[1])],
  );
}

/**
 * The persons met become known to the team, as linkPersonTeam does one contact at a time: per person
 * and team the earliest and latest meeting of the run, the registering worker as the last one.
 */
export async function linkPersonTeams(
  tx: Tx,
  orgId: string,
  workerId: string,
  rows: readonly NewContactRow[],
): Promise<void> {
  const seen = new Map<string, { person: string; team: string; first: string; last: string }>();
  for (const r of rows)
    for (const person of r.person_ids) {
      const key = `${person}:${r.team_id}`;
      const at = r.started_at;
      const s = seen.get(key);
      if (!s) seen.set(key, { person, team: r.team_id, first: at, last: at });
      else {
        if (Date.parse(at) < Date.parse(s.first)) s.first = at;
        if (Date.parse(at) > Date.parse(s.last)) s.last = at;
      }
    }
  if (!seen.size) return;
  const links = [...seen.values()];
  await tx.query(
    `INSERT INTO person_teams (org_id, person_id, team_id, first_seen_at, last_seen_at, last_worker_id)
     SELECT $1, l.person, l.team, l.first, l.last, $6
       FROM unnest($2::uuid[], $3::uuid[], $4::timestamptz[], $5::timestamptz[]) AS l(person, team, first, last)
     ON CONFLICT (person_id, team_id) DO UPDATE SET
       first_seen_at = least(person_teams.first_seen_at, excluded.first_seen_at),
       last_worker_id = CASE WHEN excluded.last_seen_at >= person_teams.last_seen_at THEN excluded.last_worker_id ELSE person_teams.last_worker_id END,
       last_seen_at = greatest(person_teams.last_seen_at, excluded.last_seen_at)`,
    [
      orgId,
      links.map((l) => l.person),
      links.map((l) => l.team),
      links.map((l) => l.first),
      links.map((l) => l.last),
      workerId,
    ],
  );
}
