// What a trajectory is made of: goals per life domain, steps, participants, partner services and
// case-conference notes with the partners present. Each addition is one audited write.
import { uuidv7 } from "@vindplaats/domain";
import type { Ctx } from "../../http/context.ts";
import { conflict, invalidField, invalidTransition, notFound } from "../../http/errors.ts";
import { audit } from "../audit/audit.service.ts";
import { requirePastDay, today } from "../cases/case-rules.ts";
import { contentTeamIds } from "../persons/scope.ts";
import { requireActiveCodes } from "../value-lists/value-lists.service.ts";
import * as repo from "./trajectories.repo.ts";
import { requireOpenTrajectory, requirePersonInScope } from "./trajectories.service.ts";

type Action =
  | "trajectory.goal_added"
  | "trajectory.goal_updated"
  | "trajectory.step_added"
  | "trajectory.step_done"
  | "trajectory.participant_added"
  | "trajectory.partner_added"
  | "trajectory.conference_added";

async function added(ctx: Ctx, trajectoryId: string, action: Action, itemId: string) {
  await audit(ctx, { action, entityType: "trajectory", entityId: trajectoryId, details: { itemId } });
  return { id: itemId };
}

const base = (ctx: Ctx, t: { id: string; team_id: string }) => ({
  id: uuidv7(),
  orgId: ctx.actor.orgId,
  teamId: t.team_id,
  trajectoryId: t.id,
});

export async function addGoal(ctx: Ctx, trajectoryId: string, body: { lifeDomain: string; description: string }) {
  const t = await requireOpenTrajectory(ctx, trajectoryId);
  await requireActiveCodes(ctx, "life_domain", [body.lifeDomain], "lifeDomain");
  const row = base(ctx, t);
  await repo.insertGoal(ctx.tx, { ...row, ...body, by: ctx.actor.userId, now: ctx.clock.now() });
  return added(ctx, t.id, "trajectory.goal_added", row.id);
}

export async function updateGoal(
  ctx: Ctx,
  goalId: string,
  body: { status?: "open" | "reached" | "dropped" | undefined; description?: string | undefined },
) {
  const goal = await repo.getGoal(ctx.tx, goalId);
  if (!goal || !contentTeamIds(ctx.actor).includes(goal.team_id)) throw notFound();
  await requireOpenTrajectory(ctx, goal.trajectory_id);
  await repo.updateGoal(ctx.tx, goalId, { ...body, now: ctx.clock.now() });
  return added(ctx, goal.trajectory_id, "trajectory.goal_updated", goalId);
}

export async function addStep(
  ctx: Ctx,
  trajectoryId: string,
  body: { description: string; goalId?: string | null | undefined; dueOn?: string | null | undefined },
) {
  const t = await requireOpenTrajectory(ctx, trajectoryId);
  if (body.goalId) {
    const goal = await repo.getGoal(ctx.tx, body.goalId);
    if (!goal || goal.trajectory_id !== t.id) throw invalidField("goalId", "field.not_found");
  }
  if (body.dueOn && body.dueOn < today(ctx)) throw invalidField("dueOn", "field.in_past");
  const row = base(ctx, t);
  await repo.insertStep(ctx.tx, {
    ...row,
    goalId: body.goalId ?? null,
    description: body.description,
    dueOn: body.dueOn ?? null,
    by: ctx.actor.userId,
    now: ctx.clock.now(),
  });
  return added(ctx, t.id, "trajectory.step_added", row.id);
}

export async function markStepDone(ctx: Ctx, stepId: string, on: string | undefined) {
  const step = await repo.getStep(ctx.tx, stepId);
  if (!step || !contentTeamIds(ctx.actor).includes(step.team_id)) throw notFound();
  await requireOpenTrajectory(ctx, step.trajectory_id);
  if (step.done_on) throw invalidTransition("doneOn");
  await repo.markStepDone(ctx.tx, stepId, requirePastDay(ctx, on ?? today(ctx), "on"));
  return added(ctx, step.trajectory_id, "trajectory.step_done", stepId);
}

export async function addParticipant(
  ctx: Ctx,
  trajectoryId: string,
  body: { personId: string; role?: string | null | undefined; since?: string | undefined },
) {
  const t = await requireOpenTrajectory(ctx, trajectoryId);
  await requirePersonInScope(ctx, body.personId, "personId");
  if (await repo.isParticipant(ctx.tx, t.id, body.personId)) throw conflict("conflict", "personId");
  const row = base(ctx, t);
  await repo.insertParticipant(ctx.tx, {
    ...row,
    personId: body.personId,
    role: body.role ?? null,
    since: requirePastDay(ctx, body.since ?? today(ctx), "since"),
  });
  return added(ctx, t.id, "trajectory.participant_added", row.id);
}

export async function addPartner(
  ctx: Ctx,
  trajectoryId: string,
  body: { serviceCode: string; contactPerson?: string | null | undefined; since?: string | undefined },
) {
  const t = await requireOpenTrajectory(ctx, trajectoryId);
  await requireActiveCodes(ctx, "referral_service", [body.serviceCode], "serviceCode");
  const row = base(ctx, t);
  await repo.insertPartner(ctx.tx, {
    ...row,
    serviceCode: body.serviceCode,
    contactPerson: body.contactPerson ?? null,
    since: requirePastDay(ctx, body.since ?? today(ctx), "since"),
  });
  return added(ctx, t.id, "trajectory.partner_added", row.id);
}

export async function addConference(
  ctx: Ctx,
  trajectoryId: string,
  body: { heldOn: string; partnersPresent: string[]; note: string },
) {
  const t = await requireOpenTrajectory(ctx, trajectoryId);
  requirePastDay(ctx, body.heldOn, "heldOn");
  await requireActiveCodes(ctx, "referral_service", body.partnersPresent, "partnersPresent");
  const row = base(ctx, t);
  await repo.insertConference(ctx.tx, {
    ...row,
    heldOn: body.heldOn,
    partnersPresent: [...new Set(body.partnersPresent)],
    note: body.note,
    by: ctx.actor.userId,
    now: ctx.clock.now(),
  });
  return added(ctx, t.id, "trajectory.conference_added", row.id);
}
