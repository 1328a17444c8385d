// Finding persons: search by nickname fragment within the caller's teams, and duplicate suggestions
// across the organisation (outside the caller's teams only who knows the person, never content).
import {
  DUPLICATE_THRESHOLD,
  duplicateScore,
  normalizeNationalRegisterNumber,
  normalizeNickname,
} from "@vindplaats/domain";
import type { Ctx } from "../../http/context.ts";
import { AppError } from "../../http/errors.ts";
import { audit } from "../audit/audit.service.ts";
import * as repo from "./persons.repo.ts";
import { contentTeamIds, requireOwnTeam } from "./scope.ts";

const encode = (v: object) => Buffer.from(JSON.stringify(v)).toString("base64url");
function decode(cursor: string): { nick: string; id: string } {
  try {
    const v = JSON.parse(Buffer.from(cursor, "base64url").toString()) as { nick?: unknown; id?: unknown };
    if (typeof v.nick === "string" && typeof v.id === "string" && /^[0-9a-f-]{36}$/.test(v.id))
      return { nick: v.nick, id: v.id };
  } catch {}
  throw new AppError(400, "validation", [{ field: "cursor", key: "field.invalid" }]);
}

export async function searchPersons(
  ctx: Ctx,
  q: {
    q?: string | undefined;
    teamId?: string | undefined;
    neighbourhoodId?: string | undefined;
    cursor?: string | undefined;
    limit: number;
  },
) {
  if (q.teamId) requireOwnTeam(ctx.actor, q.teamId);
  const teamIds = q.teamId ? [q.teamId] : contentTeamIds(ctx.actor);
  const fragment = q.q ? normalizeNickname(q.q) || null : null;
  // The search function reads the caller's teams from the transaction; a team filter narrows them.
  if (q.teamId) await ctx.tx.query(`SELECT set_config('app.team_ids', $1, true)`, [q.teamId]);
  const rows = await repo.searchPersons(ctx.tx, {
    teamIds,
    fragment,
    neighbourhoodId: q.neighbourhoodId ?? null,
    after: q.cursor ? decode(q.cursor) : null,
    limit: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  // The search text itself is personal data: the audit keeps only its length.
  await audit(ctx, {
    action: "persons.searched",
    entityType: "person",
    entityId: null,
    details: { results: page.length, fragmentLength: fragment?.length ?? 0 },
  });
  return {
    items: page.map((r) => ({ ...r, lastSeenAt: r.lastSeenAt ? new Date(r.lastSeenAt).toISOString() : null })),
    nextCursor: rows.length > q.limit && last ? encode({ nick: normalizeNickname(last.nickname), id: last.id }) : null,
  };
}

export async function findDuplicates(
  ctx: Ctx,
  probe: {
    nickname: string;
    birthYear?: number | undefined;
    neighbourhoodId?: string | undefined;
    placeId?: string | undefined;
    excludeId?: string | undefined;
  },
) {
  const teamIds = contentTeamIds(ctx.actor);
  const similar = await repo.similarPersons(ctx.tx, normalizeNickname(probe.nickname), probe.excludeId ?? null);
  const inScope = await repo.personIdsInScope(
    ctx.tx,
    similar.map((c) => c.id),
    teamIds,
  );
  const scored = similar
    .map((c) => ({
      row: { ...c, in_scope: inScope.has(c.id) },
      score: duplicateScore(probe, {
        nicknameNorm: c.nickname_norm,
        birthYear: c.birth_year,
        neighbourhoodId: c.usual_neighbourhood_id,
        placeId: c.usual_place_id,
      }),
    }))
    .filter((s) => s.score >= DUPLICATE_THRESHOLD)
    .sort((a, b) => b.score - a.score)
    .slice(0, 5);
  if (!scored.length) return [];
  const ids = scored.map((s) => s.row.id);
  const known = await repo.teamsKnowing(ctx.tx, ids);
  const visible = await repo.searchPersonsByIds(
    ctx.tx,
    ids.filter((_, i) => scored[i]!.row.in_scope),
    teamIds,
  );
  return scored.map(({ row, score }) => ({
    score: Math.round(score * 100) / 100,
    inScope: row.in_scope,
    personId: row.id,
    person: row.in_scope ? (visible.find((v) => v.id === row.id) ?? null) : null,
    knownBy: known.filter((k) => k.personId === row.id).map(({ personId: _p, ...rest }) => rest),
  }));
}

/**
 * Equality search by national register number within the caller's teams, through the keyed hash:
 * the number is never stored or compared in clear. Only records the teams know (which show the
 * identity to them) are returned, so a share without identity cannot be linked to a number.
 */
export async function findByRegisterNumber(ctx: Ctx, nationalRegisterNumber: string) {
  const teamIds = contentTeamIds(ctx.actor);
  const ids = await repo.personIdsByRegisterNumber(
    ctx.tx,
    ctx.actor.orgId,
    normalizeNationalRegisterNumber(nationalRegisterNumber),
  );
  const known = await repo.personIdsInScope(ctx.tx, ids, teamIds);
  const items = await repo.searchPersonsByIds(
    ctx.tx,
    ids.filter((id) => known.has(id)),
    teamIds,
  );
  await audit(ctx, {
    action: "persons.looked_up",
    entityType: "person",
    entityId: null,
    details: { by: "national_register_number", results: items.length },
  });
  return items;
}
