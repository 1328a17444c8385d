import type { TeamKind, TeamRole } from "@vindplaats/domain";
import type { Tx } from "../../db/database.ts";

export interface TeamRow {
  id: string;
  name: string;
  kind: TeamKind;
  isActive: boolean;
  memberCount: number;
}

export function listTeams(tx: Tx, includeInactive: boolean): Promise<TeamRow[]> {
  return tx.query<TeamRow>(
    `SELECT t.id, t.name, t.kind, t.is_active AS "isActive",
            (SELECT count(*)::int FROM memberships m WHERE m.team_id = t.id AND m.is_active) AS "memberCount"
       FROM teams t WHERE $1 OR t.is_active ORDER BY t.name`,
    [includeInactive],
  );
}

export async function getTeam(tx: Tx, id: string): Promise<TeamRow | null> {
  const rows = await tx.query<TeamRow>(
    `SELECT t.id, t.name, t.kind, t.is_active AS "isActive",
            (SELECT count(*)::int FROM memberships m WHERE m.team_id = t.id AND m.is_active) AS "memberCount"
       FROM teams t WHERE t.id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

export async function insertTeam(
  tx: Tx,
  t: { id: string; orgId: string; name: string; kind: TeamKind },
): Promise<void> {
  await tx.query(`INSERT INTO teams (id, org_id, name, kind) VALUES ($1, $2, $3, $4)`, [t.id, t.orgId, t.name, t.kind]);
}

export async function teamNameTaken(tx: Tx, name: string, exceptId?: string): Promise<boolean> {
  const rows = await tx.query(`SELECT 1 FROM teams WHERE lower(name) = lower($1) AND id <> $2`, [
    name,
    exceptId ?? "00000000-0000-0000-0000-000000000000",
  ]);
  return rows.length > 0;
}

export interface MemberRow {
  teamId: string;
  userId: string;
  displayName: string;
  role: TeamRole;
  isActive: boolean;
}

export function listMembers(tx: Tx, teamId: string): Promise<MemberRow[]> {
  return tx.query<MemberRow>(
    `SELECT m.team_id AS "teamId", m.user_id AS "userId", u.display_name AS "displayName", m.role, m.is_active AS "isActive"
       FROM memberships m JOIN users u ON u.id = m.user_id
      WHERE m.team_id = $1 ORDER BY m.is_active DESC, u.display_name`,
    [teamId],
  );
}

export async function upsertMembership(
  tx: Tx,
  m: { id: string; orgId: string; teamId: string; userId: string; role: TeamRole; isActive: boolean },
): Promise<void> {
  await tx.query(
    `INSERT INTO memberships (id, org_id, team_id, user_id, role, is_active) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (team_id, user_id) DO UPDATE SET role = excluded.role, is_active = excluded.is_active`,
    [m.id, m.orgId, m.teamId, m.userId, m.role, m.isActive],
  );
}
