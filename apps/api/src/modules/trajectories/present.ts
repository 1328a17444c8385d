import type { TrajectoryView } from "@vindplaats/contracts";
import type { TrajectoryRow } from "./trajectories.repo.ts";

export function presentTrajectory(t: TrajectoryRow): TrajectoryView {
  return {
    id: t.id,
    teamId: t.team_id,
    kind: t.kind,
    title: t.title,
    status: t.status,
    startedOn: t.started_on,
    closedOn: t.closed_on,
    closeReason: t.close_reason,
    caseId: t.case_id,
    householdId: t.household_id,
    housedOn: t.housed_on,
    support: t.support,
    version: t.version,
    createdAt: new Date(t.created_at).toISOString(),
    updatedAt: new Date(t.updated_at).toISOString(),
  };
}
