// create-user: an account in an existing organisation, with organisation roles and team memberships.
import type { OrgRole } from "@vindplaats/domain";
import { uuidv7 } from "@vindplaats/domain";
import type { Database, Tx } from "../../db/database.ts";
import { insertAudit } from "../../modules/audit/audit.repo.ts";
import { createAccount, findOrganisationBySlug } from "../../modules/orgs/orgs.service.ts";
import { email, password, slug, teamAssignment, text } from "../input.ts";
import { CliError, type CliIo } from "../io.ts";
import { assertEmailFree, printPassword } from "./accounts.ts";

export interface CreateUserOptions {
  orgSlug: string;
  email: string;
  name: string;
  password?: string | undefined;
  role?: OrgRole[] | undefined;
  team?: string[] | undefined;
}

async function findTeam(tx: Tx, orgId: string, name: string): Promise<string> {
  const teams = await tx.query<{ id: string; name: string }>(
    `SELECT id, name FROM teams WHERE org_id = $1 AND is_active ORDER BY name`,
    [orgId],
  );
  const team = teams.find((t) => t.name.toLowerCase() === name.toLowerCase());
  if (team) return team.id;
  const known = teams.map((t) => t.name).join(", ") || "none yet: create teams in the app";
  throw new CliError(`--team: no active team "${name}" in this organisation (teams: ${known})`);
}

export async function createUser(db: Database, options: CreateUserOptions, io: CliIo): Promise<void> {
  const orgSlug = slug(options.orgSlug);
  const address = email(options.email);
  const displayName = text("--name", options.name);
  const secret = password(options.password);
  const orgRoles = [...new Set(options.role ?? [])];
  const assignments = (options.team ?? []).map(teamAssignment);

  const summary = await db.owner(async (tx) => {
    const org = await findOrganisationBySlug(tx, orgSlug);
    if (!org) throw new CliError(`--org-slug: no organisation "${orgSlug}" (create it with create-admin)`);
    await assertEmailFree(tx, address);
    const teamIds = new Map<string, { teamId: string; role: string; name: string }>();
    for (const a of assignments) {
      const teamId = await findTeam(tx, org.id, a.team);
      teamIds.set(teamId, { teamId, role: a.role, name: a.team });
    }
    const userId = await createAccount(tx, org.id, {
      email: address,
      displayName,
      password: secret.password,
      orgRoles,
    });
    const now = new Date();
    for (const m of teamIds.values()) {
      await tx.query(`INSERT INTO memberships (id, org_id, team_id, user_id, role) VALUES ($1, $2, $3, $4, $5)`, [
        uuidv7(),
        org.id,
        m.teamId,
        userId,
        m.role,
      ]);
      await insertAudit(
        tx,
        { orgId: org.id, actorUserId: null, at: now },
        {
          action: "membership.set",
          entityType: "team",
          entityId: m.teamId,
          details: { userId, role: m.role, isActive: true },
        },
      );
    }
    return { org: org.name, teams: [...teamIds.values()].map((m) => `${m.name} (${m.role})`) };
  });

  io.out(`Account ${address} created in "${summary.org}".`);
  if (orgRoles.length) io.out(`Organisation roles: ${orgRoles.join(", ")}`);
  if (summary.teams.length) io.out(`Teams: ${summary.teams.join(", ")}`);
  printPassword(io, secret);
}
