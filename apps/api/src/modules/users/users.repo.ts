import type { Locale } from "@vindplaats/contracts";
import type { OrgRole, TeamRole } from "@vindplaats/domain";
import type { Tx } from "../../db/database.ts";

export interface UserRow {
  id: string;
  email: string;
  displayName: string;
  orgRoles: OrgRole[];
  locale: Locale;
  isActive: boolean;
  memberships: { teamId: string; role: TeamRole }[];
}

const SELECT_USER = `
  SELECT u.id, u.email, u.display_name AS "displayName", u.org_roles AS "orgRoles", u.locale, u.is_active AS "isActive",
         coalesce((SELECT json_agg(json_build_object('teamId', m.team_id, 'role', m.role))
                     FROM memberships m WHERE m.user_id = u.id AND m.is_active), '[]') AS memberships
    FROM users u`;

export function listUsers(tx: Tx): Promise<UserRow[]> {
  return tx.query<UserRow>(`${SELECT_USER} ORDER BY u.is_active DESC, u.display_name`);
}

export async function getUser(tx: Tx, id: string): Promise<UserRow | null> {
  const rows = await tx.query<UserRow>(`${SELECT_USER} WHERE u.id = $1`, [id]);
  return rows[0] ?? null;
}

export async function userExists(tx: Tx, id: string): Promise<boolean> {
  return (await tx.query(`SELECT 1 FROM users WHERE id = $1`, [id])).length > 0;
}

/** E-mail addresses are unique across organisations, so the check must see all of them. */
export async function emailTaken(tx: Tx, email: string): Promise<boolean> {
  return (await tx.query(`SELECT 1 FROM auth_user_by_email($1)`, [email])).length > 0;
}

export async function insertUser(
  tx: Tx,
  u: {
    id: string;
    orgId: string;
    email: string;
    displayName: string;
    passwordHash: string;
    orgRoles: OrgRole[];
    locale: Locale;
    now: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO users (id, org_id, email, display_name, password_hash, org_roles, locale, password_changed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [u.id, u.orgId, u.email, u.displayName, u.passwordHash, u.orgRoles, u.locale, u.now],
  );
}
