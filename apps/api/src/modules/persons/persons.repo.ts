// SQL for persons: rows, scope (which teams know a person), search, duplicates and history.
// Identity, the description and notes are sealed here on write and opened on read (crypto/).
import { registerNumberHash, seal, sealChanges, unseal, unsealRow } from "../../crypto/fields.ts";
import { PERSON_SEALED_FIELDS } from "../../crypto/sealed-columns.ts";
import { prepared, type Tx } from "../../db/database.ts";

export interface PersonRow {
  id: string;
  org_id: string;
  owner_team_id: string;
  nickname: string;
  nickname_norm: string;
  description: string | null;
  age_band: string | null;
  gender: string | null;
  birth_year: number | null;
  languages: string[];
  nationality: string | null;
  usual_place_id: string | null;
  usual_neighbourhood_id: string | null;
  known_to_social_service: boolean | null;
  identity_level: "pseudonymous" | "identified";
  full_name: string | null;
  birth_date: string | null;
  national_register_number: string | null;
  national_register_hash?: string | null;
  phone: string | null;
  email: string | null;
  identified_at: Date | null;
  identified_by: string | null;
  merged_into_id: string | null;
  is_active: boolean;
  version: number;
  created_at: Date;
  created_by: string;
  updated_at: Date;
}

const SEALED: readonly (keyof PersonRow)[] = [
  "description",
  "full_name",
  "birth_date",
  "national_register_number",
  "phone",
  "email",
];

/** The row with its sealed columns opened (and the keyed hash left out). */
export function openPerson<T extends PersonRow>(row: T): T {
  const { national_register_hash: _hash, ...rest } = unsealRow(row, SEALED);
  return rest as T;
}

export async function getPerson(tx: Tx, id: string): Promise<PersonRow | null> {
  const row = (await tx.query<PersonRow>(`SELECT * FROM persons WHERE id = $1`, [id]))[0];
  return row ? openPerson(row) : null;
}

/** The person if one of the given teams knows them (or created them); otherwise null. */
export async function getPersonInScope(tx: Tx, id: string, teamIds: readonly string[]): Promise<PersonRow | null> {
  const rows = await tx.query<PersonRow>(
    `SELECT p.* FROM persons p
      WHERE p.id = $1 AND (p.owner_team_id = ANY($2::uuid[])
            OR EXISTS (SELECT 1 FROM person_teams pt WHERE pt.person_id = p.id AND pt.team_id = ANY($2::uuid[])))`,
    [id, teamIds],
  );
  return rows[0] ? openPerson(rows[0]) : null;
}

/** Ids among `ids` that the teams may see; used to validate persons named in a contact. */
export async function personIdsInScope(
  tx: Tx,
  ids: readonly string[],
  teamIds: readonly string[],
): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await tx.query<{ id: string }>(
    prepared(`SELECT p.id FROM persons p
               WHERE p.id = ANY($1::uuid[]) AND p.is_active AND (p.owner_team_id = ANY($2::uuid[])
                     OR EXISTS (SELECT 1 FROM person_teams pt WHERE pt.person_id = p.id AND pt.team_id = ANY($2::uuid[])))`),
    [ids, teamIds],
  );
  return new Set(rows.map((r) => r.id));
}

export interface NewPerson {
  id: string;
  orgId: string;
  ownerTeamId: string;
  nickname: string;
  nicknameNorm: string;
  description: string | null;
  ageBand: string | null;
  gender: string | null;
  birthYear: number | null;
  languages: string[];
  nationality: string | null;
  usualPlaceId: string | null;
  usualNeighbourhoodId: string | null;
  knownToSocialService: boolean | null;
  createdBy: string;
  now: Date;
}

export async function insertPerson(tx: Tx, p: NewPerson): Promise<void> {
  await tx.query(
    `INSERT INTO persons (id, org_id, owner_team_id, nickname, nickname_norm, description, age_band, gender, birth_year,
                          languages, nationality, usual_place_id, usual_neighbourhood_id, known_to_social_service,
                          created_by, created_at, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$16)`,
    [
      p.id,
      p.orgId,
      p.ownerTeamId,
      p.nickname,
      p.nicknameNorm,
      seal(p.description),
      p.ageBand,
      p.gender,
      p.birthYear,
      p.languages,
      p.nationality,
      p.usualPlaceId,
      p.usualNeighbourhoodId,
      p.knownToSocialService,
      p.createdBy,
      p.now,
    ],
  );
}

/** Records that a team met a person; keeps the first and last time and the last worker. */
export async function linkPersonTeam(
  tx: Tx,
  l: { orgId: string; personIds: readonly string[]; teamId: string; at: Date; workerId: string },
): Promise<void> {
  if (!l.personIds.length) return;
  await tx.query(
    prepared(`INSERT INTO person_teams (org_id, person_id, team_id, first_seen_at, last_seen_at, last_worker_id)
     SELECT $1, pid, $3, $4, $4, $5 FROM unnest($2::uuid[]) AS pid
     ON CONFLICT (person_id, team_id) DO UPDATE SET
       first_seen_at = least(person_teams.first_seen_at, excluded.first_seen_at),
       last_worker_id = CASE WHEN excluded.last_seen_at >= person_teams.last_seen_at THEN excluded.last_worker_id ELSE person_teams.last_worker_id END,
       last_seen_at = greatest(person_teams.last_seen_at, excluded.last_seen_at)`),
    [l.orgId, l.personIds, l.teamId, l.at, l.workerId],
  );
}

export async function insertHistory(
  tx: Tx,
  h: { id: string; orgId: string; personId: string; at: Date; actorUserId: string; action: string; changes: unknown },
): Promise<void> {
  await tx.query(
    `INSERT INTO person_history (id, org_id, person_id, at, actor_user_id, action, changes) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
    [
      h.id,
      h.orgId,
      h.personId,
      h.at,
      h.actorUserId,
      h.action,
      JSON.stringify(sealChanges(h.changes as Record<string, unknown>, PERSON_SEALED_FIELDS)),
    ],
  );
}

/** Profile columns of a person, with the sealed one (description) sealed. */
export async function updateProfile(tx: Tx, id: string, columns: Record<string, unknown>, now: Date): Promise<void> {
  const names = Object.keys(columns);
  const values = names.map((c) => (c === "description" ? seal(columns[c] as string | null) : columns[c]));
  await tx.query(
    `UPDATE persons SET ${names.map((c, i) => `${c} = $${i + 2}`).join(", ")}, version = version + 1, updated_at = $${names.length + 2}
      WHERE id = $1`,
    [id, ...values, now],
  );
}

export interface IdentityValues {
  fullName: string;
  birthDate: string | null;
  nationalRegisterNumber: string | null;
  phone: string | null;
  email: string | null;
}

/** The identity step: sealed identity fields and the keyed hash of the national register number. */
export async function updateIdentity(
  tx: Tx,
  id: string,
  v: IdentityValues,
  by: { userId: string; now: Date; birthYear: number | null },
): Promise<void> {
  await tx.query(
    `UPDATE persons SET identity_level = 'identified', full_name = $2, birth_date = $3, national_register_number = $4,
            national_register_hash = $5, phone = $6, email = $7, identified_at = coalesce(identified_at, $8),
            identified_by = coalesce(identified_by, $9), birth_year = coalesce(birth_year, $10), version = version + 1, updated_at = $8
      WHERE id = $1`,
    [
      id,
      seal(v.fullName),
      seal(v.birthDate),
      seal(v.nationalRegisterNumber),
      registerNumberHash(v.nationalRegisterNumber),
      seal(v.phone),
      seal(v.email),
      by.now,
      by.userId,
      by.birthYear,
    ],
  );
}

export async function insertNote(
  tx: Tx,
  n: { id: string; orgId: string; personId: string; teamId: string; body: string; at: Date; by: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO person_notes (id, org_id, person_id, team_id, body, created_at, created_by) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
    [n.id, n.orgId, n.personId, n.teamId, seal(n.body), n.at, n.by],
  );
}

/** Persons of the organisation with this national register number, found by its keyed hash. */
export async function personIdsByRegisterNumber(tx: Tx, orgId: string, nrn: string): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `SELECT id FROM persons p WHERE org_id = $1 AND national_register_hash = $2
        AND NOT EXISTS (SELECT 1 FROM person_anonymisations a WHERE a.person_id = p.id) ORDER BY id`,
    [orgId, registerNumberHash(nrn)],
  );
  return rows.map((r) => r.id);
}

export interface OtherTeamRow {
  teamId: string;
  teamName: string;
  contactWorker: string | null;
}

/** Teams that know a person, with whom to ask there; never any content. */
export function teamsKnowing(tx: Tx, personIds: readonly string[]): Promise<(OtherTeamRow & { personId: string })[]> {
  return tx.query(
    `SELECT pt.person_id AS "personId", t.id AS "teamId", t.name AS "teamName", u.display_name AS "contactWorker"
       FROM person_teams pt JOIN teams t ON t.id = pt.team_id LEFT JOIN users u ON u.id = pt.last_worker_id
      WHERE pt.person_id = ANY($1::uuid[]) ORDER BY t.name`,
    [personIds],
  );
}

export interface SearchRow {
  id: string;
  nickname: string;
  description: string | null;
  ageBand: string | null;
  usualNeighbourhoodId: string | null;
  identityLevel: "pseudonymous" | "identified";
  lastSeenAt: Date | null;
}

/**
 * Persons the caller's teams know, by nickname fragment, ordered by nickname then id. The ids come
 * from person_search_ids (trigram lists, same team rule); the rows are then read under row-level security.
 */
export async function searchPersons(
  tx: Tx,
  q: {
    teamIds: readonly string[];
    fragment: string | null;
    neighbourhoodId: string | null;
    after: { nick: string; id: string } | null;
    limit: number;
  },
): Promise<SearchRow[]> {
  // Prepared: the plan joins at most a page of ids; the walk inside the function is planned per search.
  const rows = await tx.query<SearchRow>(
    prepared(`SELECT p.id, p.nickname, p.description, p.age_band AS "ageBand", p.usual_neighbourhood_id AS "usualNeighbourhoodId",
            p.identity_level AS "identityLevel",
            (SELECT max(pt.last_seen_at) FROM person_teams pt WHERE pt.person_id = p.id AND pt.team_id = ANY($1::uuid[])) AS "lastSeenAt"
       FROM person_search_ids($2, $3, $4, $5, $6) s JOIN persons p ON p.id = s.id
      ORDER BY p.nickname_norm, p.id`),
    [q.teamIds, q.fragment, q.neighbourhoodId, q.after?.nick ?? null, q.after?.id ?? null, q.limit],
  );
  return rows.map((r) => ({ ...r, description: unseal(r.description) }));
}

export interface DuplicateRow {
  id: string;
  nickname_norm: string;
  birth_year: number | null;
  usual_neighbourhood_id: string | null;
  usual_place_id: string | null;
}

/** Active persons of the organisation whose nickname looks like the probe, in or out of the caller's scope. */
export function similarPersons(tx: Tx, norm: string, excludeId: string | null): Promise<DuplicateRow[]> {
  return tx.query<DuplicateRow>(`SELECT * FROM person_similar($1, $2)`, [norm, excludeId]);
}

export async function searchPersonsByIds(tx: Tx, ids: readonly string[], teamIds: readonly string[]) {
  if (!ids.length) return [];
  const rows = await tx.query<SearchRow>(
    `SELECT p.id, p.nickname, p.description, p.age_band AS "ageBand", p.usual_neighbourhood_id AS "usualNeighbourhoodId",
            p.identity_level AS "identityLevel",
            (SELECT max(pt.last_seen_at) FROM person_teams pt WHERE pt.person_id = p.id AND pt.team_id = ANY($2::uuid[])) AS "lastSeenAt"
       FROM persons p WHERE p.id = ANY($1::uuid[])`,
    [ids, teamIds],
  );
  return rows.map((r) => ({
    ...r,
    description: unseal(r.description),
    lastSeenAt: r.lastSeenAt ? new Date(r.lastSeenAt).toISOString() : null,
  }));
}

export async function personKnownByTeams(tx: Tx, personId: string, teamIds: readonly string[]): Promise<boolean> {
  const rows = await tx.query(`SELECT 1 FROM person_teams WHERE person_id = $1 AND team_id = ANY($2::uuid[])`, [
    personId,
    teamIds,
  ]);
  return rows.length > 0;
}
