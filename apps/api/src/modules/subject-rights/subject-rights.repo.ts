// SQL for data subject requests: finding the person, the record with its state, restrictions and
// revisions. The DPO's service sets purpose 'system' first: these reads cross need-to-know.
import { registerNumberHash, seal, sealChanges, unseal, unsealDeep, unsealRow } from "../../crypto/fields.ts";
import { PERSON_SEALED_FIELDS, SEALED_TEXT } from "../../crypto/sealed-columns.ts";
import type { Tx } from "../../db/database.ts";
import type { PersonRow } from "../persons/persons.repo.ts";

export interface CandidateRow {
  id: string;
  nickname: string;
  identity_level: "pseudonymous" | "identified";
  owner_team_name: string;
  is_active: boolean;
  created_at: Date;
  restricted: boolean;
  anonymised_at: Date | null;
}

const CANDIDATES = `
  SELECT p.id, p.nickname, p.identity_level, t.name AS owner_team_name, p.is_active, p.created_at,
         EXISTS (SELECT 1 FROM person_restrictions r WHERE r.person_id = p.id AND r.lifted_at IS NULL) AS restricted,
         (SELECT a.at FROM person_anonymisations a WHERE a.person_id = p.id) AS anonymised_at
    FROM persons p JOIN teams t ON t.id = p.owner_team_id`;

/** Persons of the organisation by keyed hash of the national register number, id or nickname fragment. */
export function findCandidates(
  tx: Tx,
  orgId: string,
  q: { nationalRegisterNumber?: string | undefined; personId?: string | undefined; nicknameNorm?: string | undefined },
): Promise<CandidateRow[]> {
  return tx.query<CandidateRow>(
    `${CANDIDATES}
      WHERE p.org_id = $1
        AND ($2::text IS NULL OR (p.national_register_hash = $2
             AND NOT EXISTS (SELECT 1 FROM person_anonymisations a WHERE a.person_id = p.id)))
        AND ($3::uuid IS NULL OR p.id = $3)
        AND ($4::text IS NULL OR p.nickname_norm LIKE '%' || $4 || '%')
      ORDER BY p.nickname_norm, p.id LIMIT 50`,
    [orgId, registerNumberHash(q.nationalRegisterNumber), q.personId ?? null, q.nicknameNorm ?? null],
  );
}

export async function getCandidate(tx: Tx, id: string): Promise<CandidateRow | null> {
  return (await tx.query<CandidateRow>(`${CANDIDATES} WHERE p.id = $1`, [id]))[0] ?? null;
}

export async function getPersonRow(tx: Tx, id: string): Promise<PersonRow | null> {
  const row = (await tx.query<PersonRow>(`SELECT * FROM persons WHERE id = $1`, [id]))[0];
  if (!row) return null;
  const { national_register_hash: _h, ...opened } = unsealRow(row, SEALED_TEXT.persons as readonly (keyof PersonRow)[]);
  return opened as PersonRow;
}

/** The person and the records merged into it: one human being, one request. */
export async function personAndMerged(tx: Tx, id: string): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(`SELECT id FROM persons WHERE merged_into_id = $1 ORDER BY id`, [id]);
  return [id, ...rows.map((r) => r.id)];
}

export interface RestrictionRow {
  id: string;
  reason: string;
  started_at: Date;
  started_by_name: string | null;
  lifted_at: Date | null;
  lifted_by_name: string | null;
  lift_reason: string | null;
}

export async function listRestrictions(tx: Tx, personId: string): Promise<RestrictionRow[]> {
  const rows = await tx.query<RestrictionRow>(
    `SELECT r.id, r.reason, r.started_at, s.display_name AS started_by_name, r.lifted_at, l.display_name AS lifted_by_name, r.lift_reason
       FROM person_restrictions r LEFT JOIN users s ON s.id = r.started_by LEFT JOIN users l ON l.id = r.lifted_by
      WHERE r.person_id = $1 ORDER BY r.started_at DESC, r.id DESC`,
    [personId],
  );
  return rows.map((r) => ({ ...r, reason: unseal(r.reason), lift_reason: unseal(r.lift_reason) }));
}

export async function insertRestriction(
  tx: Tx,
  r: { id: string; orgId: string; personId: string; reason: string; at: Date; by: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO person_restrictions (id, org_id, person_id, reason, started_at, started_by) VALUES ($1,$2,$3,$4,$5,$6)`,
    [r.id, r.orgId, r.personId, seal(r.reason), r.at, r.by],
  );
}

/** Lifts the active restriction; returns its id, or null when there was none. */
export async function liftRestriction(
  tx: Tx,
  personId: string,
  l: { reason: string; at: Date; by: string },
): Promise<string | null> {
  const rows = await tx.query<{ id: string }>(
    `UPDATE person_restrictions SET lifted_at = $2, lifted_by = $3, lift_reason = $4
      WHERE person_id = $1 AND lifted_at IS NULL RETURNING id`,
    [personId, l.at, l.by, seal(l.reason)],
  );
  return rows[0]?.id ?? null;
}

export interface RevisionRow {
  at: Date;
  action: string;
  by: string | null;
  changes: Record<string, unknown>;
}

/** Every change to the person, with the values it replaced (opened). */
export async function revisions(tx: Tx, personIds: readonly string[]): Promise<RevisionRow[]> {
  const rows = await tx.query<RevisionRow>(
    `SELECT h.at, h.action, u.display_name AS by, h.changes
       FROM person_history h LEFT JOIN users u ON u.id = h.actor_user_id
      WHERE h.person_id = ANY($1::uuid[]) ORDER BY h.at, h.id`,
    [personIds],
  );
  return rows.map((r) => ({ ...r, changes: unsealDeep(r.changes) }));
}

/** Counts of what hangs under the person, for the DPO's overview. */
export async function recordCounts(tx: Tx, personIds: readonly string[]): Promise<Record<string, number>> {
  const rows = await tx.query<Record<string, number>>(
    `SELECT (SELECT count(*)::int FROM contact_persons WHERE person_id = ANY($1::uuid[])) AS contacts,
            (SELECT count(*)::int FROM person_notes WHERE person_id = ANY($1::uuid[])) AS notes,
            (SELECT count(*)::int FROM referrals WHERE person_id = ANY($1::uuid[])) AS referrals,
            (SELECT count(*)::int FROM tasks WHERE person_id = ANY($1::uuid[])) AS tasks,
            (SELECT count(*)::int FROM trajectory_participants WHERE person_id = ANY($1::uuid[])) AS trajectories,
            (SELECT count(*)::int FROM person_shares WHERE person_id = ANY($1::uuid[])) AS shares,
            (SELECT count(*)::int FROM person_teams WHERE person_id = ANY($1::uuid[])) AS teams`,
    [personIds],
  );
  return rows[0] ?? {};
}

export async function insertHistory(
  tx: Tx,
  h: { id: string; orgId: string; personId: string; at: Date; by: string; action: string; changes: unknown },
): Promise<void> {
  await tx.query(
    `INSERT INTO person_history (id, org_id, person_id, at, actor_user_id, action, changes) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
    [
      h.id,
      h.orgId,
      h.personId,
      h.at,
      h.by,
      h.action,
      JSON.stringify(sealChanges(h.changes as Record<string, unknown>, PERSON_SEALED_FIELDS)),
    ],
  );
}
