// Housing First: checkpoints at 6, 12 and 24 months after housing, and the retention figure they give.
import type { CheckpointMonth, HousingOutcome } from "@vindplaats/domain";
import { CHECKPOINT_MONTHS, checkpointDueOn, housingRetention, isCheckpointDue, uuidv7 } from "@vindplaats/domain";
import type { Ctx } from "../../http/context.ts";
import { conflict, invalidField } from "../../http/errors.ts";
import { audit } from "../audit/audit.service.ts";
import { requirePastDay, today } from "../cases/case-rules.ts";
import { contentTeamIds, requireOwnTeam } from "../persons/scope.ts";
import * as repo from "./trajectories.repo.ts";
import { requireTrajectory } from "./trajectories.service.ts";

export async function recordCheckpoint(
  ctx: Ctx,
  trajectoryId: string,
  body: {
    month: CheckpointMonth;
    outcome: HousingOutcome;
    recordedOn?: string | undefined;
    note?: string | null | undefined;
  },
) {
  const t = await requireTrajectory(ctx, trajectoryId);
  if (t.kind !== "housing_first") throw invalidField("month", "field.invalid");
  if (!t.housed_on) throw invalidField("housedOn", "field.required");
  const recordedOn = requirePastDay(ctx, body.recordedOn ?? today(ctx), "recordedOn");
  // A checkpoint says where someone lives N months after housing: it cannot be known before then.
  if (!isCheckpointDue(t.housed_on, body.month, recordedOn)) throw invalidField("month", "field.in_future");
  const { checkpoints } = await repo.trajectoryParts(ctx.tx, t.id);
  if (checkpoints.some((c) => c.month === body.month)) throw conflict("conflict", "month");
  await repo.insertCheckpoint(ctx.tx, {
    id: uuidv7(),
    orgId: ctx.actor.orgId,
    teamId: t.team_id,
    trajectoryId: t.id,
    month: body.month,
    outcome: body.outcome,
    recordedOn,
    note: body.note ?? null,
    by: ctx.actor.userId,
    now: ctx.clock.now(),
  });
  await audit(ctx, {
    action: "trajectory.checkpoint_recorded",
    entityType: "trajectory",
    entityId: t.id,
    details: { month: body.month, outcome: body.outcome },
  });
  return { month: body.month, outcome: body.outcome, recordedOn };
}

/** The checkpoints of a trajectory with their due days, recorded or not. */
export function checkpointList(
  ctx: Ctx,
  housedOn: string | null,
  recorded: { month: CheckpointMonth; outcome: HousingOutcome; recordedOn: string; note: string | null }[],
) {
  if (!housedOn) return [];
  return CHECKPOINT_MONTHS.map((month) => {
    const r = recorded.find((c) => c.month === month);
    return {
      month,
      dueOn: checkpointDueOn(housedOn, month),
      isDue: isCheckpointDue(housedOn, month, today(ctx)),
      outcome: r?.outcome ?? null,
      recordedOn: r?.recordedOn ?? null,
      note: r?.note ?? null,
    };
  });
}

export async function retention(
  ctx: Ctx,
  q: { teamId?: string | undefined; asOf?: string | undefined; month?: "6" | "12" | "24" | undefined },
) {
  if (q.teamId) requireOwnTeam(ctx.actor, q.teamId);
  const asOf = q.asOf ?? today(ctx);
  const month = q.month ? (Number(q.month) as CheckpointMonth) : undefined;
  const figure = housingRetention(
    await repo.tenancies(ctx.tx, q.teamId ? [q.teamId] : contentTeamIds(ctx.actor)),
    asOf,
    month,
  );
  return { asOf, month: month ?? null, ...figure };
}
