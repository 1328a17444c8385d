// Trajectories: street work's housing trajectories, Housing First and the youth project. A trajectory
// belongs to a team; it can follow an address case or a household and has participants.
import type { CreateTrajectoryBody } from "@vindplaats/contracts";
import { canMoveTrajectory, type TrajectoryStatus, uuidv7 } from "@vindplaats/domain";
import type { Ctx } from "../../http/context.ts";
import { AppError, conflict, invalidField, invalidTransition, notFound } from "../../http/errors.ts";
import { audit } from "../audit/audit.service.ts";
import { requirePastDay, today } from "../cases/case-rules.ts";
import { requireCase, requireHousehold } from "../cases/cases.service.ts";
import { requirePersonAccess } from "../persons/person-access.ts";
import { contentTeamIds, requireOwnTeam } from "../persons/scope.ts";
import * as repo from "./trajectories.repo.ts";

/** A trajectory of one of the caller's teams; anything else is "not found". */
export async function requireTrajectory(ctx: Ctx, id: string) {
  const t = await repo.getTrajectory(ctx.tx, id);
  if (!t || !contentTeamIds(ctx.actor).includes(t.team_id)) throw notFound();
  return t;
}

/** A trajectory that still takes new goals, steps and notes. */
export async function requireOpenTrajectory(ctx: Ctx, id: string) {
  const t = await requireTrajectory(ctx, id);
  if (t.status === "closed") throw invalidTransition("status");
  return t;
}

/** A case named in a request must be one of the same team's: otherwise a field error, not a leak. */
export async function requireTeamCase(ctx: Ctx, caseId: string, teamId: string, field = "caseId") {
  try {
    const c = await requireCase(ctx, caseId);
    if (c.team_id === teamId) return c;
  } catch {}
  throw invalidField(field, "field.not_found");
}

export async function requirePersonInScope(ctx: Ctx, personId: string, field: string) {
  try {
    await requirePersonAccess(ctx, personId, "write");
  } catch (error) {
    // A restricted or anonymised record says so; anything else must not reveal that the person exists.
    if (error instanceof AppError && (error.key === "person_restricted" || error.key === "person_anonymised"))
      throw new AppError(error.status, error.key, [{ field, key: error.issues[0]?.key ?? "field.invalid" }]);
    throw invalidField(field, "field.not_found");
  }
}

export async function createTrajectory(ctx: Ctx, body: CreateTrajectoryBody) {
  requireOwnTeam(ctx.actor, body.teamId);
  const id = body.id ?? uuidv7();
  const existing = await repo.getTrajectory(ctx.tx, id);
  if (existing) {
    if (existing.created_by === ctx.actor.userId && existing.team_id === body.teamId) return existing;
    throw conflict("conflict", "id");
  }
  const startedOn = requirePastDay(ctx, body.startedOn ?? today(ctx), "startedOn");
  if (body.housedOn) requirePastDay(ctx, body.housedOn, "housedOn");
  if (body.caseId) await requireTeamCase(ctx, body.caseId, body.teamId);
  if (body.householdId) await requireHousehold(ctx, body.householdId, "householdId");
  for (const [i, personId] of body.participantIds.entries())
    await requirePersonInScope(ctx, personId, `participantIds.${i}`);
  const now = ctx.clock.now();
  const base = { orgId: ctx.actor.orgId, teamId: body.teamId };
  await repo.insertTrajectory(ctx.tx, {
    id,
    ...base,
    kind: body.kind,
    title: body.title,
    startedOn,
    caseId: body.caseId ?? null,
    householdId: body.householdId ?? null,
    housedOn: body.housedOn ?? null,
    support: body.support ?? null,
    by: ctx.actor.userId,
    now,
  });
  for (const personId of new Set(body.participantIds)) {
    await repo.insertParticipant(ctx.tx, {
      id: uuidv7(),
      ...base,
      trajectoryId: id,
      personId,
      role: null,
      since: startedOn,
    });
  }
  await audit(ctx, { action: "trajectory.created", entityType: "trajectory", entityId: id });
  return (await repo.getTrajectory(ctx.tx, id))!;
}

export async function updateTrajectory(
  ctx: Ctx,
  id: string,
  body: { title?: string | undefined; housedOn?: string | null | undefined; support?: string | null | undefined },
) {
  const t = await requireOpenTrajectory(ctx, id);
  if (body.housedOn) requirePastDay(ctx, body.housedOn, "housedOn");
  if (body.housedOn !== undefined && body.housedOn !== t.housed_on) {
    // Checkpoints were measured from the old date: moving it would make them lie.
    const { checkpoints } = await repo.trajectoryParts(ctx.tx, id);
    if (checkpoints.length) throw conflict("conflict", "housedOn");
  }
  const fields = (["title", "housedOn", "support"] as const).filter((k) => body[k] !== undefined);
  if (!fields.length) return t;
  await repo.updateTrajectory(ctx.tx, id, { ...body, now: ctx.clock.now() });
  await audit(ctx, { action: "trajectory.updated", entityType: "trajectory", entityId: id, details: { fields } });
  return (await repo.getTrajectory(ctx.tx, id))!;
}

export async function changeTrajectoryStatus(
  ctx: Ctx,
  id: string,
  body: { status: TrajectoryStatus; on?: string | undefined; reason?: string | null | undefined },
) {
  const t = await requireTrajectory(ctx, id);
  if (!canMoveTrajectory(t.status, body.status)) throw invalidTransition("status");
  const on = requirePastDay(ctx, body.on ?? today(ctx), "on", t.started_on);
  const closing = body.status === "closed";
  await repo.setStatus(ctx.tx, id, {
    status: body.status,
    closedOn: closing ? on : null,
    reason: closing ? (body.reason ?? null) : t.close_reason,
    now: ctx.clock.now(),
  });
  await audit(ctx, {
    action: "trajectory.status_changed",
    entityType: "trajectory",
    entityId: id,
    details: { from: t.status, to: body.status },
  });
  return (await repo.getTrajectory(ctx.tx, id))!;
}
