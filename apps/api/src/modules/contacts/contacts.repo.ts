// SQL for contacts: insert, read, filtered keyset lists, revisions. The note is sealed at rest.
import type { ContactFilters } from "@vindplaats/contracts";
import { addDays, startOfBrusselsDay } from "@vindplaats/domain";
import { seal, sealChanges, unseal, unsealDeep } from "../../crypto/fields.ts";
import { CONTACT_SEALED_FIELDS } from "../../crypto/sealed-columns.ts";
import { prepared, type Tx } from "../../db/database.ts";

export interface ContactRow {
  id: string;
  team_id: string;
  mode: "standard" | "tally" | "repeat" | "group";
  started_at: Date;
  duration_minutes: number;
  worker_ids: string[];
  place_id: string | null;
  neighbourhood_id: string | null;
  location_kind: "private" | "semi_public" | "public" | "online";
  group_id: string | null;
  anonymous_counts: { ageBand: string | null; gender: string | null; count: number }[];
  anonymous_total: number;
  person_ids: string[];
  came_about: string[];
  working_relationship: string[];
  actions: string[];
  life_domains: string[];
  note: string | null;
  is_removed: boolean;
  removed_reason: string | null;
  version: number;
  created_at: Date;
  created_by: string;
  updated_at: Date;
}

const SELECT = `
  SELECT c.*, coalesce((SELECT array_agg(cp.person_id ORDER BY cp.person_id) FROM contact_persons cp WHERE cp.contact_id = c.id), '{}') AS person_ids
    FROM contacts c`;

const open = (c: ContactRow): ContactRow => ({ ...c, note: unseal(c.note), removed_reason: unseal(c.removed_reason) });

export async function getContact(tx: Tx, id: string): Promise<ContactRow | null> {
  const row = (await tx.query<ContactRow>(prepared(`${SELECT} WHERE c.id = $1`), [id]))[0];
  return row ? open(row) : null;
}

export type NewContact = Omit<ContactRow, "is_removed" | "removed_reason" | "version" | "updated_at" | "created_at"> & {
  org_id: string;
  now: Date;
};

/** Stores a new contact and its persons; answers the stored row, as getContact would read it. */
export async function insertContact(tx: Tx, c: NewContact): Promise<ContactRow> {
  const [row] = await tx.query<ContactRow>(
    prepared(`INSERT INTO contacts (id, org_id, team_id, mode, started_at, duration_minutes, worker_ids, place_id, neighbourhood_id,
                           location_kind, group_id, anonymous_counts, anonymous_total, person_count, came_about,
                           working_relationship, actions, life_domains, note, created_by, created_at, updated_at, updated_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$21,$20) RETURNING *`),
    [
      c.id,
      c.org_id,
      c.team_id,
      c.mode,
      c.started_at,
      c.duration_minutes,
      c.worker_ids,
      c.place_id,
      c.neighbourhood_id,
      c.location_kind,
      c.group_id,
      JSON.stringify(c.anonymous_counts),
      c.anonymous_total,
      c.person_ids.length,
      c.came_about,
      c.working_relationship,
      c.actions,
      c.life_domains,
      seal(c.note),
      c.created_by,
      c.now,
    ],
  );
  // A new contact has no persons yet: nothing to delete first, as setContactPersons must.
  if (c.person_ids.length)
    await tx.query(
      prepared(
        `INSERT INTO contact_persons (org_id, contact_id, person_id) SELECT $1, $2, pid FROM unnest($3::uuid[]) AS pid ON CONFLICT DO NOTHING`,
      ),
      [c.org_id, c.id, c.person_ids],
    );
  return open({ ...row!, person_ids: [...new Set(c.person_ids)].sort() });
}

export async function setContactPersons(tx: Tx, orgId: string, contactId: string, personIds: readonly string[]) {
  await tx.query(`DELETE FROM contact_persons WHERE contact_id = $1 AND NOT (person_id = ANY($2::uuid[]))`, [
    contactId,
    personIds,
  ]);
  await tx.query(
    `INSERT INTO contact_persons (org_id, contact_id, person_id) SELECT $1, $2, pid FROM unnest($3::uuid[]) AS pid ON CONFLICT DO NOTHING`,
    [orgId, contactId, personIds],
  );
}

export async function insertRevision(
  tx: Tx,
  r: {
    id: string;
    orgId: string;
    contactId: string;
    version: number;
    at: Date;
    actorUserId: string;
    reason: string | null;
    changes: unknown;
  },
) {
  await tx.query(
    `INSERT INTO contact_revisions (id, org_id, contact_id, version, at, actor_user_id, reason, changes) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
    [
      r.id,
      r.orgId,
      r.contactId,
      r.version,
      r.at,
      r.actorUserId,
      seal(r.reason),
      JSON.stringify(sealChanges(r.changes as Record<string, unknown>, CONTACT_SEALED_FIELDS)),
    ],
  );
}

export async function listRevisions(tx: Tx, contactId: string) {
  const rows = await tx.query<{
    version: number;
    at: Date;
    actorUserId: string;
    reason: string | null;
    changes: Record<string, { from: unknown; to: unknown }>;
  }>(
    `SELECT version, at, actor_user_id AS "actorUserId", reason, changes FROM contact_revisions WHERE contact_id = $1 ORDER BY version`,
    [contactId],
  );
  return rows.map((r) => ({ ...r, reason: unseal(r.reason), changes: unsealDeep(r.changes) }));
}

/** A corrected note or a removal reason, sealed for the UPDATE that stores it. */
export const sealNote = (note: string | null | undefined) => seal(note);

/** WHERE clause for the coordinator filters; `teamIds` is the caller's scope, always applied. */
export function filterClause(f: ContactFilters, teamIds: readonly string[], params: unknown[]): string {
  params.push(f.teamId ? [f.teamId] : teamIds);
  return `c.team_id = ANY($${params.length}::uuid[]) AND ${attributeClause(f, params)}`;
}

/** The filters other than the team (always true when none is set). */
function attributeClause(f: ContactFilters, params: unknown[]): string {
  const where: string[] = ["true"];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (f.from) where.push(`c.started_at >= ${p(startOfBrusselsDay(f.from))}`);
  if (f.to) where.push(`c.started_at < ${p(startOfBrusselsDay(addDays(f.to, 1)))}`);
  if (f.workerId) where.push(`c.worker_ids @> ARRAY[${p(f.workerId)}::uuid]`);
  if (f.placeId) where.push(`c.place_id = ${p(f.placeId)}`);
  if (f.neighbourhoodId) where.push(`c.neighbourhood_id = ${p(f.neighbourhoodId)}`);
  if (f.personId)
    where.push(
      `EXISTS (SELECT 1 FROM contact_persons cp WHERE cp.contact_id = c.id AND cp.person_id = ${p(f.personId)})`,
    );
  if (f.lifeDomain) where.push(`c.life_domains @> ARRAY[${p(f.lifeDomain)}::text]`);
  if (f.action) where.push(`c.actions @> ARRAY[${p(f.action)}::text]`);
  if (f.includeRemoved !== "true") where.push(`NOT c.is_removed`);
  return where.join(" AND ");
}

export async function listContacts(
  tx: Tx,
  f: ContactFilters,
  teamIds: readonly string[],
  page: { after: { at: Date; id: string } | null; limit: number },
): Promise<ContactRow[]> {
  const params: unknown[] = [];
  let where = attributeClause(f, params);
  if (page.after) {
    params.push(page.after.at, page.after.id);
    where += ` AND (c.started_at, c.id) < ($${params.length - 1}, $${params.length}::uuid)`;
  }
  params.push(page.limit);
  const limit = `$${params.length}`;
  // One newest-first walk per team (contacts_list_idx), merged: an index keeps its order for one
  // team_id, not across `team_id = ANY(...)`, which would sort every contact of the period instead.
  const walks = (f.teamId ? [f.teamId] : teamIds).map((teamId) => {
    params.push(teamId);
    return `(SELECT c.id, c.started_at FROM contacts c WHERE c.team_id = $${params.length} AND ${where}
              ORDER BY c.started_at DESC, c.id DESC LIMIT ${limit})`;
  });
  if (!walks.length) return [];
  const rows = await tx.query<ContactRow>(
    `WITH page AS (SELECT w.id FROM (${walks.join(" UNION ALL ")}) w ORDER BY w.started_at DESC, w.id DESC LIMIT ${limit})
     ${SELECT} JOIN page ON page.id = c.id ORDER BY c.started_at DESC, c.id DESC`,
    params,
  );
  return rows.map(open);
}

export async function lastContactBy(tx: Tx, userId: string, teamId: string): Promise<ContactRow | null> {
  const rows = await tx.query<ContactRow>(
    `${SELECT} WHERE c.team_id = $2 AND c.created_by = $1 AND NOT c.is_removed AND c.mode <> 'tally' ORDER BY c.created_at DESC LIMIT 1`,
    [userId, teamId],
  );
  return rows[0] ? open(rows[0]) : null;
}
