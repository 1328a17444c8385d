// Reading trajectories: the team's list and one trajectory's page (audited, like a case page).
import type { TrajectoryPage } from "@vindplaats/contracts";
import type { TrajectoryKind, TrajectoryStatus } from "@vindplaats/domain";
import type { Ctx } from "../../http/context.ts";
import { audit } from "../audit/audit.service.ts";
import { contentTeamIds, requireOwnTeam } from "../persons/scope.ts";
import { checkpointList } from "./housing-first.ts";
import { presentTrajectory } from "./present.ts";
import * as repo from "./trajectories.repo.ts";
import { requireTrajectory } from "./trajectories.service.ts";

export async function listTrajectories(
  ctx: Ctx,
  q: { teamId?: string | undefined; status?: TrajectoryStatus | undefined; kind?: TrajectoryKind | undefined },
) {
  if (q.teamId) requireOwnTeam(ctx.actor, q.teamId);
  const rows = await repo.listTrajectories(ctx.tx, q, q.teamId ? [q.teamId] : contentTeamIds(ctx.actor));
  return rows.map(presentTrajectory);
}

export async function readTrajectoryPage(ctx: Ctx, id: string): Promise<TrajectoryPage> {
  const t = await requireTrajectory(ctx, id);
  const parts = await repo.trajectoryParts(ctx.tx, id);
  await audit(ctx, { action: "trajectory.read", entityType: "trajectory", entityId: id });
  return {
    trajectory: presentTrajectory(t),
    goals: parts.goals,
    steps: parts.steps,
    participants: parts.participants,
    partners: parts.partners,
    conferences: parts.conferences,
    checkpoints: checkpointList(ctx, t.housed_on, parts.checkpoints),
  };
}
