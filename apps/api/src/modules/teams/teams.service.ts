// Teams and memberships. A team with history is deactivated, never deleted.
import type { TeamKind, TeamRole } from "@vindplaats/domain";
import { uuidv7 } from "@vindplaats/domain";
import { updateColumns } from "../../db/sql.ts";
import type { Ctx } from "../../http/context.ts";
import { conflict, invalidField, notFound } from "../../http/errors.ts";
import { audit } from "../audit/audit.service.ts";
import { userExists } from "../users/users.repo.ts";
import * as repo from "./teams.repo.ts";

export async function createTeam(ctx: Ctx, body: { name: string; kind: TeamKind }) {
  if (await repo.teamNameTaken(ctx.tx, body.name)) throw conflict("conflict", "name");
  const id = uuidv7();
  await repo.insertTeam(ctx.tx, { id, orgId: ctx.actor.orgId, ...body });
  await audit(ctx, { action: "team.created", entityType: "team", entityId: id, details: { fields: ["name", "kind"] } });
  return (await repo.getTeam(ctx.tx, id))!;
}

export async function updateTeam(
  ctx: Ctx,
  id: string,
  patch: { name?: string | undefined; kind?: TeamKind | undefined; isActive?: boolean | undefined },
) {
  if (patch.name && (await repo.teamNameTaken(ctx.tx, patch.name, id))) throw conflict("conflict", "name");
  const { changed, found } = await updateColumns(ctx.tx, "teams", id, patch, {
    name: "name",
    kind: "kind",
    isActive: "is_active",
  });
  if (!found) throw notFound();
  await audit(ctx, { action: "team.updated", entityType: "team", entityId: id, details: { fields: changed } });
  return (await repo.getTeam(ctx.tx, id))!;
}

export async function listMembers(ctx: Ctx, teamId: string) {
  if (!(await repo.getTeam(ctx.tx, teamId))) throw notFound();
  return repo.listMembers(ctx.tx, teamId);
}

export async function setMembership(
  ctx: Ctx,
  teamId: string,
  body: { userId: string; role: TeamRole; isActive: boolean },
) {
  if (!(await repo.getTeam(ctx.tx, teamId))) throw notFound();
  if (!(await userExists(ctx.tx, body.userId))) throw invalidField("userId", "field.not_found");
  await repo.upsertMembership(ctx.tx, { id: uuidv7(), orgId: ctx.actor.orgId, teamId, ...body });
  await audit(ctx, { action: "membership.set", entityType: "team", entityId: teamId, details: body });
  return repo.listMembers(ctx.tx, teamId);
}
