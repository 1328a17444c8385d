// Households and groups share one shape: a named set of persons owned by a team.
import type { Tx } from "../../db/database.ts";

export type CollectiveKind = "household" | "group";
export const TABLE: Record<CollectiveKind, string> = { household: "households", group: "groups" };

export interface CollectiveRow {
  id: string;
  kind: CollectiveKind;
  ownerTeamId: string;
  name: string;
  usualPlaceId: string | null;
  isActive: boolean;
  members: { personId: string; nickname: string; since: string }[];
}

const select = (kind: CollectiveKind) => `
  SELECT c.id, '${kind}' AS kind, c.owner_team_id AS "ownerTeamId", c.name,
         ${kind === "group" ? "c.usual_place_id" : "NULL::uuid"} AS "usualPlaceId", c.is_active AS "isActive",
         coalesce((SELECT json_agg(json_build_object('personId', m.person_id, 'nickname', p.nickname, 'since', m.since) ORDER BY p.nickname)
                     FROM collective_members m JOIN persons p ON p.id = m.person_id
                    WHERE m.collective_id = c.id AND m.until IS NULL), '[]') AS members
    FROM ${TABLE[kind]} c`;

export function listCollectives(tx: Tx, kind: CollectiveKind, teamIds: readonly string[]): Promise<CollectiveRow[]> {
  return tx.query<CollectiveRow>(
    `${select(kind)} WHERE c.owner_team_id = ANY($1::uuid[]) ORDER BY c.is_active DESC, c.name LIMIT 500`,
    [teamIds],
  );
}

export async function getCollective(
  tx: Tx,
  kind: CollectiveKind,
  id: string,
  teamIds: readonly string[],
): Promise<CollectiveRow | null> {
  const rows = await tx.query<CollectiveRow>(`${select(kind)} WHERE c.id = $1 AND c.owner_team_id = ANY($2::uuid[])`, [
    id,
    teamIds,
  ]);
  return rows[0] ?? null;
}

export async function insertCollective(
  tx: Tx,
  kind: CollectiveKind,
  c: {
    id: string;
    orgId: string;
    ownerTeamId: string;
    name: string;
    usualPlaceId: string | null;
    createdBy: string;
    now: Date;
  },
) {
  if (kind === "group") {
    await tx.query(
      `INSERT INTO groups (id, org_id, owner_team_id, name, usual_place_id, created_by, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
      [c.id, c.orgId, c.ownerTeamId, c.name, c.usualPlaceId, c.createdBy, c.now],
    );
  } else {
    await tx.query(
      `INSERT INTO households (id, org_id, owner_team_id, name, created_by, created_at) VALUES ($1,$2,$3,$4,$5,$6)`,
      [c.id, c.orgId, c.ownerTeamId, c.name, c.createdBy, c.now],
    );
  }
}

export async function addMembers(
  tx: Tx,
  m: {
    orgId: string;
    kind: CollectiveKind;
    collectiveId: string;
    personIds: readonly string[];
    now: Date;
    ids: string[];
  },
) {
  if (!m.personIds.length) return;
  await tx.query(
    `INSERT INTO collective_members (id, org_id, kind, collective_id, person_id, since)
     SELECT id, $1, $2, $3, pid, $5 FROM unnest($6::uuid[], $4::uuid[]) AS x(id, pid)
      WHERE NOT EXISTS (SELECT 1 FROM collective_members e WHERE e.collective_id = $3 AND e.person_id = x.pid AND e.until IS NULL)`,
    [m.orgId, m.kind, m.collectiveId, m.personIds, m.now, m.ids],
  );
}

export async function endMembers(tx: Tx, collectiveId: string, personIds: readonly string[], now: Date) {
  await tx.query(
    `UPDATE collective_members SET until = $3 WHERE collective_id = $1 AND person_id = ANY($2::uuid[]) AND until IS NULL`,
    [collectiveId, personIds, now],
  );
}
