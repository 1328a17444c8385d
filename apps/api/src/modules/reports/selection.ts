// The selection a figure is computed for, checked against what the viewer may see: a period of
// Brussels days (this year so far by default), one team or all of the viewer's, one neighbourhood.
import { brusselsDay } from "@vindplaats/domain";
import type { Ctx } from "../../http/context.ts";
import { invalidField } from "../../http/errors.ts";
import type { FigureViewer } from "./reports.policy.ts";
import { orgTeamIds, type Selection } from "./reports.queries.ts";

export interface SelectionQuery {
  from?: string | undefined;
  to?: string | undefined;
  teamId?: string | null | undefined;
  neighbourhoodId?: string | undefined;
}

/** The teams the viewer may ask for: the whole organisation for a director, coordinated teams otherwise. */
export async function viewerTeams(ctx: Ctx, viewer: FigureViewer): Promise<string[]> {
  return viewer.isDepartment ? orgTeamIds(ctx.tx, ctx.actor.orgId) : viewer.coordinatedTeamIds;
}

export async function resolveTeams(ctx: Ctx, viewer: FigureViewer, teamId: string | null | undefined) {
  const allowed = await viewerTeams(ctx, viewer);
  if (teamId && !allowed.includes(teamId)) throw invalidField("teamId", "field.not_found");
  return { teamIds: teamId ? [teamId] : allowed, allTeams: !teamId && viewer.isDepartment };
}

export async function resolveSelection(
  ctx: Ctx,
  viewer: FigureViewer,
  q: SelectionQuery,
  asOf: Date,
): Promise<Selection> {
  const today = brusselsDay(ctx.clock.now());
  const to = q.to ?? today;
  const from = q.from ?? `${to.slice(0, 4)}-01-01`;
  if (from > to) throw invalidField("to", "field.too_small", 400);
  if (q.neighbourhoodId) {
    const found = await ctx.tx.query(`SELECT 1 FROM neighbourhoods WHERE id = $1 AND org_id = $2`, [
      q.neighbourhoodId,
      ctx.actor.orgId,
    ]);
    if (!found.length) throw invalidField("neighbourhoodId", "field.not_found");
  }
  const teams = await resolveTeams(ctx, viewer, q.teamId);
  return { orgId: ctx.actor.orgId, from, to, ...teams, neighbourhoodId: q.neighbourhoodId ?? null, asOf };
}

/** The filters as they go into an audit row: ids and days only. */
export const auditFilters = (q: SelectionQuery) =>
  Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== null)) as Record<string, unknown>;
