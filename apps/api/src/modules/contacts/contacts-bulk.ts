// Registering many plain contacts at once: a phone's queued outbox arriving in one push. The rules are
// registerContact's, checked with one lookup per distinct team, place and code set instead of one per
// contact, and the rows go in with a few multi-row statements. Only plain contacts come this way (no
// new persons, referrals, follow-up or group); the first one that does not pass a check here stops the
// run, and the caller hands it to registerContact, which gives the exact answer.
import type { CreateContactBody } from "@vindplaats/contracts";
import type { Ctx } from "../../http/context.ts";
import { AppError } from "../../http/errors.ts";
import { auditMany } from "../audit/audit.service.ts";
import { personIdsInScope } from "../persons/persons.repo.ts";
import { contentTeamIds, requireOwnTeam } from "../persons/scope.ts";
import { frozenPersons } from "../subject-rights/restriction.ts";
import { recordChange } from "../sync/changes.ts";
import { checkAnonymous, checkCodes, requirePastStart, requireTeamWorkers, resolveLocation } from "./contact-rules.ts";
import * as bulkRepo from "./contacts-bulk.repo.ts";

export type PlainContact = CreateContactBody & { id: string };

/** A contact that may take the bulk path: the parts that need their own steps are absent. */
export function isPlainContact(body: CreateContactBody): body is PlainContact {
  return !!body.id && !body.newPersons.length && !body.referrals.length && !body.followUp && !body.groupId;
}

/** Runs a check once per key; an AppError means "does not pass", anything else is a real failure. */
function memo() {
  const seen = new Map<string, Promise<unknown>>();
  return async <T>(key: string, check: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false }> => {
    let p = seen.get(key) as Promise<T> | undefined;
    if (!p) {
      p = check();
      seen.set(key, p);
    }
    try {
      return { ok: true, value: await p };
    } catch (error) {
      if (error instanceof AppError) return { ok: false };
      throw error;
    }
  };
}

const sorted = (values: readonly (string | null | undefined)[]) => [...values].map(String).sort().join(",");

/**
 * Registers the longest leading run of `bodies` that passes every check of registerContact, in the
 * caller's transaction. Returns how many were registered (each at version 1); 0 leaves the first one
 * to registerContact.
 */
export async function registerContactsBulk(ctx: Ctx, bodies: readonly PlainContact[]): Promise<number> {
  if (!bodies.length) return 0;
  const check = memo();
  const ids = bodies.map((b) => b.id);
  const existing = await bulkRepo.existingContactIds(ctx.tx, ids);
  const named = [...new Set(bodies.flatMap((b) => b.personIds))];
  const inScope = await personIdsInScope(ctx.tx, named, contentTeamIds(ctx.actor));
  // A restricted or anonymised person stops the run; registerContact then answers why.
  const frozen = await frozenPersons(ctx.tx, named);
  // One look for the whole run where it usually passes; a failure is narrowed down per contact below.
  const allCodes = await check("codes:all", () =>
    checkCodes(ctx, { lifeDomains: [...new Set(bodies.flatMap((b) => b.lifeDomains))] }),
  );

  const accepted: bulkRepo.NewContactRow[] = [];
  const seenIds = new Set<string>();
  for (const body of bodies) {
    if (seenIds.has(body.id) || existing.has(body.id)) break;
    try {
      requireOwnTeam(ctx.actor, body.teamId);
    } catch {
      break;
    }
    const startedAt = new Date(body.startedAt);
    try {
      requirePastStart(ctx, startedAt);
    } catch {
      break;
    }
    const workerIds = body.workerIds?.length ? body.workerIds : [ctx.actor.userId];
    const workers = await check(`workers:${body.teamId}:${sorted(workerIds)}`, () =>
      requireTeamWorkers(ctx, body.teamId, workerIds),
    );
    if (!workers.ok) break;
    const location = await check(`place:${body.placeId}:${body.neighbourhoodId}:${body.locationKind}`, () =>
      resolveLocation(ctx, body),
    );
    if (!location.ok) break;
    if (body.personIds.some((id) => !inScope.has(id) || frozen.restricted.has(id) || frozen.anonymised.has(id))) break;
    const anonymous = await check(`anonymous:${JSON.stringify(body.anonymous)}`, () =>
      checkAnonymous(ctx, body.anonymous),
    );
    if (!anonymous.ok) break;
    if (!allCodes.ok) {
      const codes = await check(`codes:${sorted(body.lifeDomains)}`, () => checkCodes(ctx, body));
      if (!codes.ok) break;
    }
    if (!body.personIds.length && !anonymous.value) break;
    seenIds.add(body.id);
    accepted.push({
      id: body.id,
      org_id: ctx.actor.orgId,
      team_id: body.teamId,
      mode: body.mode,
      started_at: startedAt.toISOString(),
      duration_minutes: body.durationMinutes,
      worker_ids: workerIds,
      place_id: location.value.placeId,
      neighbourhood_id: location.value.neighbourhoodId,
      location_kind: location.value.locationKind,
      group_id: null,
      anonymous_counts: body.anonymous,
      anonymous_total: anonymous.value,
      person_ids: body.personIds,
      person_count: body.personIds.length,
      came_about: body.cameAbout,
      working_relationship: body.workingRelationship,
      actions: body.actions,
      life_domains: body.lifeDomains,
      note: body.note ?? null,
      created_by: ctx.actor.userId,
    });
  }
  if (!accepted.length) return 0;

  const now = ctx.clock.now();
  await bulkRepo.insertContacts(ctx.tx, accepted, now);
  await bulkRepo.linkPersonTeams(ctx.tx, ctx.actor.orgId, ctx.actor.userId, accepted);
  await recordChange(ctx, { entityType: "contact", entityId: accepted.map((c) => c.id), op: "upsert" });
  await auditMany(
    ctx,
    accepted.map((c) => ({
      action: "contact.created" as const,
      entityType: "contact" as const,
      entityId: c.id,
      details: { mode: c.mode, persons: c.person_ids.length, newPersons: 0 },
    })),
  );
  return accepted.length;
}
