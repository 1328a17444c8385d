// A team's own case figures: active as of a day (with and without nuisance), cases opened in a
// period by intake channel and neighbourhood, complaints by theme, referral outcomes.
import type { CaseFigures } from "@vindplaats/contracts";
import { addDays } from "@vindplaats/domain";
import type { Ctx } from "../../http/context.ts";
import { invalidField } from "../../http/errors.ts";
import { contentTeamIds, requireOwnTeam } from "../persons/scope.ts";
import { today } from "./case-rules.ts";
import * as q from "./cases.queries.ts";

export async function caseFigures(
  ctx: Ctx,
  query: { teamId?: string | undefined; asOf?: string | undefined; from?: string | undefined; to?: string | undefined },
): Promise<CaseFigures> {
  if (query.teamId) requireOwnTeam(ctx.actor, query.teamId);
  const teamIds = query.teamId ? [query.teamId] : contentTeamIds(ctx.actor);
  const asOf = query.asOf ?? today(ctx);
  const to = query.to ?? asOf;
  const from = query.from ?? addDays(to, -364);
  if (from > to) throw invalidField("to", "field.too_small", 400);
  const opened = await q.casesOpened(ctx.tx, teamIds, from, to);
  return {
    asOf,
    active: await q.activeCasesAsOf(ctx.tx, teamIds, asOf),
    period: { from, to },
    opened: { total: opened.reduce((n, r) => n + r.count, 0), rows: opened },
    complaintsByTheme: await q.complaintsByTheme(ctx.tx, teamIds, from, to),
    referralOutcomes: await q.referralOutcomes(ctx.tx, teamIds, from, to),
  };
}
