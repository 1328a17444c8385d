// Tasks with a due day and an assignee: what each worker and team must still do, overdue first.
// A task cannot be due before the day it is created.
import type { CreateTaskBody } from "@vindplaats/contracts";
import { brusselsDay, uuidv7 } from "@vindplaats/domain";
import type { Ctx } from "../../http/context.ts";
import { conflict, invalidField, invalidTransition, notFound } from "../../http/errors.ts";
import { audit } from "../audit/audit.service.ts";
import { requireTeamMember, today } from "../cases/case-rules.ts";
import { contentTeamIds, requireOwnTeam } from "../persons/scope.ts";
import { requirePersonInScope, requireTeamCase, requireTrajectory } from "../trajectories/trajectories.service.ts";
import * as repo from "./tasks.repo.ts";

export async function requireTask(ctx: Ctx, id: string) {
  const t = await repo.getTask(ctx.tx, id);
  if (!t || !contentTeamIds(ctx.actor).includes(t.team_id)) throw notFound();
  return t;
}

export async function createTask(ctx: Ctx, body: CreateTaskBody) {
  requireOwnTeam(ctx.actor, body.teamId);
  const id = body.id ?? uuidv7();
  const existing = await repo.getTask(ctx.tx, id);
  if (existing) {
    if (existing.created_by === ctx.actor.userId && existing.team_id === body.teamId) return existing;
    throw conflict("conflict", "id");
  }
  if (body.dueOn < today(ctx)) throw invalidField("dueOn", "field.in_past");
  const assigneeId = body.assigneeId ?? ctx.actor.userId;
  await requireTeamMember(ctx, body.teamId, assigneeId, "assigneeId");
  if (body.personId) await requirePersonInScope(ctx, body.personId, "personId");
  if (body.caseId) await requireTeamCase(ctx, body.caseId, body.teamId);
  if (body.trajectoryId) {
    const t = await requireTrajectory(ctx, body.trajectoryId).catch(() => null);
    if (!t || t.team_id !== body.teamId) throw invalidField("trajectoryId", "field.not_found");
  }
  await repo.insertTask(ctx.tx, {
    id,
    orgId: ctx.actor.orgId,
    teamId: body.teamId,
    assigneeId,
    title: body.title,
    dueOn: body.dueOn,
    personId: body.personId ?? null,
    caseId: body.caseId ?? null,
    trajectoryId: body.trajectoryId ?? null,
    by: ctx.actor.userId,
    now: ctx.clock.now(),
  });
  await audit(ctx, { action: "task.created", entityType: "task", entityId: id });
  return (await repo.getTask(ctx.tx, id))!;
}

export async function updateTask(
  ctx: Ctx,
  id: string,
  body: { title?: string | undefined; dueOn?: string | undefined; assigneeId?: string | undefined },
) {
  const t = await requireTask(ctx, id);
  if (body.dueOn && body.dueOn < brusselsDay(t.created_at)) throw invalidField("dueOn", "field.in_past");
  if (body.assigneeId) await requireTeamMember(ctx, t.team_id, body.assigneeId, "assigneeId");
  const fields = (["title", "dueOn", "assigneeId"] as const).filter((k) => body[k] !== undefined);
  if (!fields.length) return t;
  await repo.updateTask(ctx.tx, id, body);
  await audit(ctx, { action: "task.updated", entityType: "task", entityId: id, details: { fields } });
  return (await repo.getTask(ctx.tx, id))!;
}

export async function completeTask(ctx: Ctx, id: string) {
  const t = await requireTask(ctx, id);
  if (t.done_at) throw invalidTransition("doneAt");
  await repo.setDone(ctx.tx, id, { at: ctx.clock.now(), by: ctx.actor.userId });
  await audit(ctx, { action: "task.done", entityType: "task", entityId: id });
  return (await repo.getTask(ctx.tx, id))!;
}

export async function reopenTask(ctx: Ctx, id: string) {
  const t = await requireTask(ctx, id);
  if (!t.done_at) throw invalidTransition("doneAt");
  await repo.setDone(ctx.tx, id, null);
  await audit(ctx, { action: "task.reopened", entityType: "task", entityId: id });
  return (await repo.getTask(ctx.tx, id))!;
}

export async function listTasks(
  ctx: Ctx,
  q: {
    teamId?: string | undefined;
    assigneeId?: string | undefined;
    state: repo.TaskState;
    caseId?: string | undefined;
    trajectoryId?: string | undefined;
  },
) {
  if (q.teamId) requireOwnTeam(ctx.actor, q.teamId);
  const rows = await repo.listTasks(
    ctx.tx,
    { ...q, today: today(ctx) },
    q.teamId ? [q.teamId] : contentTeamIds(ctx.actor),
  );
  return rows.map((r) => presentTask(ctx, r));
}

/** The reminders on the home screen: the caller's own open tasks that are overdue or due today. */
export async function tasksDue(ctx: Ctx) {
  const day = today(ctx);
  const rows = await repo.listTasks(
    ctx.tx,
    { state: "open", assigneeId: ctx.actor.userId, today: day },
    contentTeamIds(ctx.actor),
  );
  const tasks = rows.map((r) => presentTask(ctx, r));
  return { today: day, overdue: tasks.filter((t) => t.dueOn < day), dueToday: tasks.filter((t) => t.dueOn === day) };
}

export function taskOverview(ctx: Ctx, teamId: string) {
  requireOwnTeam(ctx.actor, teamId);
  return repo.overview(ctx.tx, teamId, today(ctx));
}

export function presentTask(ctx: Ctx, t: repo.TaskRow) {
  return {
    id: t.id,
    teamId: t.team_id,
    title: t.title,
    dueOn: t.due_on,
    assigneeId: t.assignee_id,
    assigneeName: t.assignee_name,
    personId: t.person_id,
    contactId: t.contact_id,
    caseId: t.case_id,
    trajectoryId: t.trajectory_id,
    isOverdue: !t.done_at && t.due_on < today(ctx),
    doneAt: t.done_at ? new Date(t.done_at).toISOString() : null,
    doneBy: t.done_by,
    createdAt: new Date(t.created_at).toISOString(),
    createdBy: t.created_by,
  };
}
