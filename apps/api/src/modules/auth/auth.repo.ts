import type { Locale, PendingStep } from "@vindplaats/contracts";
import type { OrgRole, TeamKind, TeamRole } from "@vindplaats/domain";
import { prepared, type Tx } from "../../db/database.ts";

export interface SessionRow {
  id_hash: string;
  org_id: string;
  user_id: string;
  csrf_token: string;
  last_seen_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  /** A sign-in step still to give (session_steps), or null for a complete sign-in. */
  step: PendingStep | null;
}

export async function findSession(tx: Tx, idHash: string): Promise<SessionRow | null> {
  const rows = await tx.query<SessionRow>(
    prepared(`SELECT s.id_hash, s.org_id, s.user_id, s.csrf_token, s.last_seen_at, s.expires_at, s.revoked_at, st.step
       FROM sessions s LEFT JOIN session_steps st ON st.id_hash = s.id_hash
      WHERE s.id_hash = $1`),
    [idHash],
  );
  return rows[0] ?? null;
}

export async function insertSession(
  tx: Tx,
  s: {
    idHash: string;
    orgId: string;
    userId: string;
    csrfToken: string;
    now: Date;
    expiresAt: Date;
    step?: PendingStep | null;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO sessions (id_hash, org_id, user_id, csrf_token, created_at, last_seen_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $5, $6)`,
    [s.idHash, s.orgId, s.userId, s.csrfToken, s.now, s.expiresAt],
  );
  if (s.step) {
    await tx.query(`INSERT INTO session_steps (id_hash, org_id, step, created_at) VALUES ($1, $2, $3, $4)`, [
      s.idHash,
      s.orgId,
      s.step,
      s.now,
    ]);
  }
}

export async function touchSession(tx: Tx, idHash: string, now: Date): Promise<void> {
  await tx.query(`UPDATE sessions SET last_seen_at = $2 WHERE id_hash = $1`, [idHash, now]);
}

export async function revokeSession(tx: Tx, idHash: string, now: Date): Promise<void> {
  await tx.query(`UPDATE sessions SET revoked_at = $2 WHERE id_hash = $1 AND revoked_at IS NULL`, [idHash, now]);
}

export async function revokeUserSessions(tx: Tx, userId: string, now: Date, exceptIdHash?: string): Promise<number> {
  const rows = await tx.query(
    `UPDATE sessions SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL AND id_hash <> $3 RETURNING id_hash`,
    [userId, now, exceptIdHash ?? ""],
  );
  return rows.length;
}

export interface AccountRow {
  id: string;
  org_id: string;
  password_hash: string | null;
  is_active: boolean;
}

export async function findAccountByEmail(tx: Tx, email: string): Promise<AccountRow | null> {
  const rows = await tx.query<AccountRow>(`SELECT * FROM auth_user_by_email($1)`, [email]);
  return rows[0] ?? null;
}

export interface ActorRow {
  id: string;
  org_id: string;
  email: string;
  display_name: string;
  locale: Locale;
  org_roles: OrgRole[];
  is_active: boolean;
  password_hash: string | null;
  org_name: string;
  org_is_demo: boolean;
  memberships: { teamId: string; teamName: string; teamKind: TeamKind; role: TeamRole }[];
}

/** The signed-in user with organisation and active team memberships, in one query. */
export async function loadActor(tx: Tx, userId: string): Promise<ActorRow | null> {
  const rows = await tx.query<ActorRow>(
    prepared(`SELECT u.id, u.org_id, u.email, u.display_name, u.locale, u.org_roles, u.is_active, u.password_hash,
            o.name AS org_name, o.is_demo AS org_is_demo,
            coalesce((SELECT json_agg(json_build_object('teamId', t.id, 'teamName', t.name, 'teamKind', t.kind, 'role', m.role)
                               ORDER BY t.name)
                        FROM memberships m JOIN teams t ON t.id = m.team_id
                       WHERE m.user_id = u.id AND m.is_active AND t.is_active), '[]') AS memberships
       FROM users u JOIN organisations o ON o.id = u.org_id
      WHERE u.id = $1`),
    [userId],
  );
  return rows[0] ?? null;
}

export async function setPasswordHash(tx: Tx, userId: string, passwordHash: string, now: Date): Promise<void> {
  await tx.query(`UPDATE users SET password_hash = $2, password_changed_at = $3 WHERE id = $1`, [
    userId,
    passwordHash,
    now,
  ]);
}
