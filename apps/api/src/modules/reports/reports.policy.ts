// Who sees which figures, and how. The director sees the whole department in figures only: always
// suppressed, never the persons or contacts behind them, never figures about individual workers.
// A coordinator sees the teams they coordinate, unsuppressed on screen (they know these people
// already), suppressed in every export, and may open the contacts behind a figure of those teams.
import { METRICS, type MetricDefinition } from "@vindplaats/domain";
import type { Actor } from "../../http/context.ts";
import { can } from "../access/policy.ts";

export interface FigureViewer {
  /** Department-wide viewer: every team of the organisation. */
  isDepartment: boolean;
  /** The teams a coordinator coordinates (empty for a director without team role). */
  coordinatedTeamIds: string[];
  /** Suppress small cells in what is shown on screen. */
  suppressOnScreen: boolean;
  /** May open the contact list behind a contact figure (own teams only). */
  canDrill: boolean;
  /** May see figures about individual workers. */
  canSeeWorkers: boolean;
}

export function figureViewer(actor: Actor): FigureViewer {
  const coordinatedTeamIds = actor.memberships.filter((m) => m.role === "coordinator").map((m) => m.teamId);
  const isDepartment = actor.orgRoles.includes("director");
  return {
    isDepartment,
    coordinatedTeamIds,
    suppressOnScreen: isDepartment,
    canDrill: can(actor, "reports.drill") && coordinatedTeamIds.length > 0,
    canSeeWorkers: !isDepartment && coordinatedTeamIds.length > 0,
  };
}

/** The catalogue's metrics this viewer may see on screen. */
export function viewerMetrics(viewer: FigureViewer): MetricDefinition[] {
  return (METRICS as readonly MetricDefinition[]).filter((m) => !m.coordinatorsOnly || viewer.canSeeWorkers);
}

/** Metrics of a published report: never figures about individual workers. */
export function reportMetrics(): MetricDefinition[] {
  return (METRICS as readonly MetricDefinition[]).filter((m) => !m.coordinatorsOnly);
}
