// SQL for the pull: the change feed addressed to a worker, and the working set read in bulk.
// Scope is always applied here (teams, shares to the team or the user); field classes are cut by
// the policy in pull.service.ts.
import { unsealRows } from "../../crypto/fields.ts";
import { SEALED_TEXT } from "../../crypto/sealed-columns.ts";
import type { Tx } from "../../db/database.ts";
import type { PersonRow } from "../persons/persons.repo.ts";

export interface ChangeRow {
  seq: number;
  entity_type: "person" | "contact";
  entity_id: string;
  op: "upsert" | "delete" | "merge" | "revoke";
  merged_into_id: string | null;
}

export interface Scope {
  teamIds: readonly string[];
  userId: string;
  now: Date;
}

/**
 * The highest seq a pull may deliver: every change at or below it is committed or never will be
 * (writers commit out of seq order; sync_horizon waits for those in flight). Read it before the
 * rows, in its own statement, so the rows' snapshot sees everything up to it.
 */
export async function horizon(tx: Tx, orgId: string): Promise<number> {
  return (await tx.query<{ s: number }>(`SELECT sync_horizon($1) AS s`, [orgId]))[0]!.s;
}

export function changesAfter(tx: Tx, seq: number, upTo: number, s: Scope, limit: number): Promise<ChangeRow[]> {
  return tx.query<ChangeRow>(
    `SELECT seq, entity_type, entity_id, op, merged_into_id FROM sync_changes
      WHERE seq > $1 AND seq <= $5 AND (team_id = ANY($2::uuid[]) OR user_id = $3) ORDER BY seq LIMIT $4`,
    [seq, s.teamIds, s.userId, limit, upTo],
  );
}

const ACTIVE_SHARE = `s.person_id = p.id AND s.revoked_at IS NULL AND (s.expires_at IS NULL OR s.expires_at > $3)
                      AND (s.to_team_id = ANY($1::uuid[]) OR s.to_user_id = $2)`;
const KNOWN_BY_TEAM = `EXISTS (SELECT 1 FROM person_teams pt WHERE pt.person_id = p.id AND pt.team_id = ANY($1::uuid[]))`;

/**
 * Where to start: the named ids, or the teams' person_teams rows and the shares to the team or the
 * user (both indexed). A person's owner team is always among its person_teams (createPerson links
 * it), so the whole organisation's persons are never scanned.
 */
const CANDIDATES = `
  SELECT unnest($4::uuid[]) WHERE $4::uuid[] IS NOT NULL
  UNION ALL SELECT pt.person_id FROM person_teams pt WHERE $4::uuid[] IS NULL AND pt.team_id = ANY($1::uuid[])
  UNION ALL SELECT s.person_id FROM person_shares s WHERE $4::uuid[] IS NULL AND s.revoked_at IS NULL
        AND (s.to_team_id = ANY($1::uuid[]) OR s.to_user_id = $2)`;

export type WorkingPerson = PersonRow & { is_own: boolean; is_team: boolean; shared_classes: string[] | null };

/**
 * Active persons the teams work with (owner, met by the team) or that are shared with the team or
 * the user, with what decides the relation. Break-the-glass access is never copied to a phone.
 */
export async function workingPersons(tx: Tx, s: Scope, ids: readonly string[] | null): Promise<WorkingPerson[]> {
  const rows = await tx.query<WorkingPerson & { national_register_hash?: string | null }>(
    `SELECT p.*,
            (p.created_by = $2 AND p.owner_team_id = ANY($1::uuid[])) AS is_own,
            (p.owner_team_id = ANY($1::uuid[]) OR ${KNOWN_BY_TEAM}) AS is_team,
            (SELECT array_agg(DISTINCT fc) FROM person_shares s, unnest(s.field_classes) fc WHERE ${ACTIVE_SHARE}) AS shared_classes
       FROM persons p
      WHERE p.id IN (${CANDIDATES}) AND p.is_active
        AND (p.owner_team_id = ANY($1::uuid[]) OR ${KNOWN_BY_TEAM} OR EXISTS (SELECT 1 FROM person_shares s WHERE ${ACTIVE_SHARE}))
      ORDER BY p.id`,
    [s.teamIds, s.userId, s.now, ids],
  );
  // Sealed at rest, opened here; the field classes are cut afterwards by the policy.
  return unsealRows(rows, SEALED_TEXT.persons as readonly (keyof WorkingPerson)[]).map(
    ({ national_register_hash: _h, ...p }) => p,
  );
}

export interface ContactSyncRow {
  id: string;
  team_id: string;
  mode: string;
  started_at: Date;
  duration_minutes: number;
  worker_ids: string[];
  place_id: string | null;
  neighbourhood_id: string | null;
  location_kind: string;
  person_ids: string[];
  group_id: string | null;
  anonymous_total: number;
  life_domains: string[];
  actions: string[];
  note: string | null;
  version: number;
  created_by: string;
}

/** The teams' recent contacts that are not removed; the note only on the caller's own contacts. */
export async function workingContacts(
  tx: Tx,
  s: Scope,
  since: Date,
  ids: readonly string[] | null,
): Promise<ContactSyncRow[]> {
  const rows = await tx.query<ContactSyncRow>(
    `SELECT c.id, c.team_id, c.mode, c.started_at, c.duration_minutes, c.worker_ids, c.place_id, c.neighbourhood_id,
            c.location_kind, c.group_id, c.anonymous_total, c.life_domains, c.actions, c.version, c.created_by,
            CASE WHEN c.created_by = $2 THEN c.note END AS note,
            coalesce((SELECT array_agg(cp.person_id ORDER BY cp.person_id) FROM contact_persons cp WHERE cp.contact_id = c.id), '{}') AS person_ids
       FROM contacts c
      WHERE c.team_id = ANY($1::uuid[]) AND NOT c.is_removed AND c.started_at > $3
        AND ($4::uuid[] IS NULL OR c.id = ANY($4::uuid[]))
      ORDER BY c.started_at DESC, c.id`,
    [s.teamIds, s.userId, since, ids],
  );
  return unsealRows(rows, ["note"]);
}

/** Persons whose share to the team or user ran out in (from, to]: no change row marks an expiry. */
export async function sharesExpiredBetween(tx: Tx, s: Scope, from: Date, to: Date): Promise<string[]> {
  const rows = await tx.query<{ person_id: string }>(
    `SELECT DISTINCT person_id FROM person_shares
      WHERE revoked_at IS NULL AND expires_at > $3 AND expires_at <= $4 AND (to_team_id = ANY($1::uuid[]) OR to_user_id = $2)`,
    [s.teamIds, s.userId, from, to],
  );
  return rows.map((r) => r.person_id);
}

/**
 * Fingerprints of the reference sets and of the teams' open tasks, computed in the database so an
 * unchanged set costs one row, not the set.
 */
export async function fingerprints(tx: Tx, s: Scope): Promise<{ refs: string; tasks: string }> {
  const rows = await tx.query<{ refs: string; tasks: string }>(
    `SELECT md5(concat_ws('|',
              (SELECT string_agg(concat_ws(',', id, name, kind, neighbourhood_id, is_active), ';' ORDER BY id) FROM places),
              (SELECT string_agg(concat_ws(',', id, name, is_active), ';' ORDER BY id) FROM neighbourhoods),
              (SELECT string_agg(concat_ws(',', list, code, labels::text, sort, is_active), ';' ORDER BY list, code) FROM value_lists))) AS refs,
            md5(coalesce((SELECT string_agg(concat_ws(',', id, assignee_id, title, due_on, person_id, contact_id), ';' ORDER BY id)
                            FROM tasks WHERE team_id = ANY($1::uuid[]) AND done_at IS NULL), '')) AS tasks`,
    [s.teamIds],
  );
  return rows[0]!;
}

export function places(tx: Tx) {
  return tx.query<{ id: string; name: string; kind: string; neighbourhoodId: string; isActive: boolean }>(
    `SELECT id, name, kind, neighbourhood_id AS "neighbourhoodId", is_active AS "isActive" FROM places ORDER BY id`,
  );
}

export function neighbourhoods(tx: Tx) {
  return tx.query<{ id: string; name: string; isActive: boolean }>(
    `SELECT id, name, is_active AS "isActive" FROM neighbourhoods ORDER BY id`,
  );
}

export function valueLists(tx: Tx) {
  return tx.query<{
    list: string;
    code: string;
    labels: { nl: string; en: string; fr: string };
    sort: number;
    isActive: boolean;
  }>(`SELECT list, code, labels, sort, is_active AS "isActive" FROM value_lists ORDER BY list, code`);
}

export function openTasks(tx: Tx, s: Scope) {
  return tx.query<{
    id: string;
    teamId: string;
    assigneeId: string;
    title: string;
    dueOn: string;
    personId: string | null;
    contactId: string | null;
  }>(
    `SELECT id, team_id AS "teamId", assignee_id AS "assigneeId", title, due_on AS "dueOn", person_id AS "personId", contact_id AS "contactId"
       FROM tasks WHERE team_id = ANY($1::uuid[]) AND done_at IS NULL ORDER BY id`,
    [s.teamIds],
  );
}
