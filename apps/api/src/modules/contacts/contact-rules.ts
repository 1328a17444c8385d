// Checks shared by registering and correcting a contact: time, workers, place, persons, codes.
import { MAX_HEAD_COUNT } from "@vindplaats/domain";
import { prepared } from "../../db/database.ts";
import type { Ctx } from "../../http/context.ts";
import { invalidField } from "../../http/errors.ts";
import { getCollective } from "../collectives/collectives.repo.ts";
import { personIdsInScope } from "../persons/persons.repo.ts";
import { contentTeamIds } from "../persons/scope.ts";
import { getNeighbourhood, getPlace } from "../places/places.repo.ts";
import { requireNotFrozen } from "../subject-rights/restriction.ts";
import { requireActiveCodes } from "../value-lists/value-lists.service.ts";

/** Phones' clocks drift; a contact may start at most this far in the future. */
const CLOCK_SKEW_MS = 5 * 60_000;

export function requirePastStart(ctx: Ctx, startedAt: Date) {
  if (startedAt.getTime() > ctx.clock.now().getTime() + CLOCK_SKEW_MS)
    throw invalidField("startedAt", "field.in_future");
}

export async function requireTeamWorkers(ctx: Ctx, teamId: string, workerIds: readonly string[]) {
  // The usual case, "me": the session already read the actor's active memberships and active account.
  const isMe = workerIds.length === 1 && workerIds[0] === ctx.actor.userId;
  if (isMe && ctx.actor.memberships.some((m) => m.teamId === teamId)) return;
  const rows = await ctx.tx.query<{ user_id: string }>(
    prepared(`SELECT m.user_id FROM memberships m JOIN users u ON u.id = m.user_id
               WHERE m.team_id = $1 AND m.user_id = ANY($2::uuid[]) AND m.is_active AND u.is_active`),
    [teamId, workerIds],
  );
  if (rows.length !== workerIds.length) throw invalidField("workerIds", "field.not_found");
}

/** The place decides the neighbourhood and location kind; without a place a neighbourhood is needed. */
export async function resolveLocation(
  ctx: Ctx,
  input: {
    placeId?: string | null | undefined;
    neighbourhoodId?: string | null | undefined;
    locationKind?: string | undefined;
  },
) {
  if (input.placeId) {
    const place = await getPlace(ctx.tx, input.placeId);
    if (!place) throw invalidField("placeId", "field.not_found");
    if (!place.isActive) throw invalidField("placeId", "field.inactive");
    return { placeId: place.id, neighbourhoodId: place.neighbourhoodId, locationKind: place.kind };
  }
  if (!input.neighbourhoodId) throw invalidField("placeId", "field.required");
  const n = await getNeighbourhood(ctx.tx, input.neighbourhoodId);
  if (!n) throw invalidField("neighbourhoodId", "field.not_found");
  if (!n.isActive) throw invalidField("neighbourhoodId", "field.inactive");
  return { placeId: null, neighbourhoodId: n.id, locationKind: (input.locationKind ?? "public") as "public" };
}

export async function requirePersonsInScope(ctx: Ctx, personIds: readonly string[]) {
  const visible = await personIdsInScope(ctx.tx, personIds, contentTeamIds(ctx.actor));
  if (personIds.some((id) => !visible.has(id))) throw invalidField("personIds", "field.not_found");
  await requireNotFrozen(ctx, personIds, "personIds");
}

export async function requireGroupInScope(ctx: Ctx, groupId: string | null | undefined) {
  if (!groupId) return;
  if (!(await getCollective(ctx.tx, "group", groupId, contentTeamIds(ctx.actor))))
    throw invalidField("groupId", "field.not_found");
}

export async function checkAnonymous(
  ctx: Ctx,
  counts: { ageBand: string | null; gender: string | null; count: number }[],
) {
  await requireActiveCodes(
    ctx,
    "age_band",
    counts.map((c) => c.ageBand),
    "anonymous.ageBand",
  );
  await requireActiveCodes(
    ctx,
    "gender",
    counts.map((c) => c.gender),
    "anonymous.gender",
  );
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  if (total > MAX_HEAD_COUNT) throw invalidField("anonymous", "field.too_big");
  return total;
}

export async function checkCodes(ctx: Ctx, body: { lifeDomains?: string[] | undefined }) {
  await requireActiveCodes(ctx, "life_domain", body.lifeDomains ?? [], "lifeDomains");
}
