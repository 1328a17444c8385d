// Households (families) and groups (e.g. youths who meet on a square) with members over time.
import { uuidv7 } from "@vindplaats/domain";
import type { Ctx } from "../../http/context.ts";
import { conflict, invalidField, notFound } from "../../http/errors.ts";
import { audit } from "../audit/audit.service.ts";
import { personIdsInScope } from "../persons/persons.repo.ts";
import { contentTeamIds, requireOwnTeam } from "../persons/scope.ts";
import { getPlace } from "../places/places.repo.ts";
import { requireNotFrozen } from "../subject-rights/restriction.ts";
import * as repo from "./collectives.repo.ts";

async function requireMembersInScope(ctx: Ctx, ids: readonly string[], field: string) {
  const visible = await personIdsInScope(ctx.tx, ids, contentTeamIds(ctx.actor));
  if (ids.some((id) => !visible.has(id))) throw invalidField(field, "field.not_found");
  await requireNotFrozen(ctx, ids, field);
}

async function requireActivePlace(ctx: Ctx, placeId: string | null | undefined) {
  if (!placeId) return;
  const place = await getPlace(ctx.tx, placeId);
  if (!place) throw invalidField("usualPlaceId", "field.not_found");
  if (!place.isActive) throw invalidField("usualPlaceId", "field.inactive");
}

export async function createCollective(
  ctx: Ctx,
  kind: repo.CollectiveKind,
  body: {
    id?: string | undefined;
    teamId: string;
    name: string;
    usualPlaceId?: string | null | undefined;
    memberIds: string[];
  },
) {
  requireOwnTeam(ctx.actor, body.teamId);
  const id = body.id ?? uuidv7();
  if (await ctx.tx.query(`SELECT 1 FROM ${repo.TABLE[kind]} WHERE id = $1`, [id]).then((r) => r.length))
    throw conflict("conflict", "id");
  await requireActivePlace(ctx, body.usualPlaceId);
  await requireMembersInScope(ctx, body.memberIds, "memberIds");
  const now = ctx.clock.now();
  await repo.insertCollective(ctx.tx, kind, {
    id,
    orgId: ctx.actor.orgId,
    ownerTeamId: body.teamId,
    name: body.name,
    usualPlaceId: body.usualPlaceId ?? null,
    createdBy: ctx.actor.userId,
    now,
  });
  await repo.addMembers(ctx.tx, {
    orgId: ctx.actor.orgId,
    kind,
    collectiveId: id,
    personIds: body.memberIds,
    now,
    ids: body.memberIds.map(() => uuidv7()),
  });
  await audit(ctx, {
    action: "collective.created",
    entityType: kind,
    entityId: id,
    details: { fields: ["name", "members"] },
  });
  return (await repo.getCollective(ctx.tx, kind, id, contentTeamIds(ctx.actor)))!;
}

export async function getCollective(ctx: Ctx, kind: repo.CollectiveKind, id: string) {
  const row = await repo.getCollective(ctx.tx, kind, id, contentTeamIds(ctx.actor));
  if (!row) throw notFound();
  return row;
}

export async function updateCollective(
  ctx: Ctx,
  kind: repo.CollectiveKind,
  id: string,
  patch: {
    name?: string | undefined;
    usualPlaceId?: string | null | undefined;
    isActive?: boolean | undefined;
    addMemberIds?: string[] | undefined;
    removeMemberIds?: string[] | undefined;
  },
) {
  await getCollective(ctx, kind, id);
  if (kind === "group") await requireActivePlace(ctx, patch.usualPlaceId);
  await requireMembersInScope(ctx, patch.addMemberIds ?? [], "addMemberIds");
  const now = ctx.clock.now();
  await ctx.tx.query(
    `UPDATE ${repo.TABLE[kind]} SET name = coalesce($2, name), is_active = coalesce($3, is_active)${kind === "group" ? ", usual_place_id = CASE WHEN $4 THEN $5::uuid ELSE usual_place_id END" : ""} WHERE id = $1`,
    kind === "group"
      ? [id, patch.name ?? null, patch.isActive ?? null, patch.usualPlaceId !== undefined, patch.usualPlaceId ?? null]
      : [id, patch.name ?? null, patch.isActive ?? null],
  );
  await repo.addMembers(ctx.tx, {
    orgId: ctx.actor.orgId,
    kind,
    collectiveId: id,
    personIds: patch.addMemberIds ?? [],
    now,
    ids: (patch.addMemberIds ?? []).map(() => uuidv7()),
  });
  await repo.endMembers(ctx.tx, id, patch.removeMemberIds ?? [], now);
  const fields = Object.keys(patch).filter((k) => patch[k as keyof typeof patch] !== undefined);
  await audit(ctx, { action: "collective.updated", entityType: kind, entityId: id, details: { fields } });
  return getCollective(ctx, kind, id);
}
