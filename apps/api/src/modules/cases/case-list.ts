// The steward's list of cases: the team's cases, filtered, keyset-paginated, newest first.
import type { CaseListQuery } from "@vindplaats/contracts";
import type { Ctx } from "../../http/context.ts";
import { AppError } from "../../http/errors.ts";
import { contentTeamIds, requireOwnTeam } from "../persons/scope.ts";
import * as repo from "./cases.repo.ts";
import { presentCase } from "./present.ts";

const encode = (c: repo.CaseRow) => Buffer.from(JSON.stringify([c.opened_on, c.id])).toString("base64url");
function decode(cursor: string): { on: string; id: string } {
  try {
    const [on, id] = JSON.parse(Buffer.from(cursor, "base64url").toString()) as [string, string];
    if (/^\d{4}-\d{2}-\d{2}$/.test(on) && /^[0-9a-f-]{36}$/.test(id)) return { on, id };
  } catch {}
  throw new AppError(400, "validation", [{ field: "cursor", key: "field.invalid" }]);
}

export async function listCases(ctx: Ctx, q: CaseListQuery) {
  if (q.teamId) requireOwnTeam(ctx.actor, q.teamId);
  const teamIds = q.teamId ? [q.teamId] : contentTeamIds(ctx.actor);
  const rows = await repo.listCases(ctx.tx, q, teamIds, {
    after: q.cursor ? decode(q.cursor) : null,
    limit: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  return { items: page.map(presentCase), nextCursor: rows.length > q.limit ? encode(page.at(-1)!) : null };
}
