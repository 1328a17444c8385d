// Corrections within the team: every change keeps the previous values, who changed them, when and
// why. A contact is never deleted; removal is a correction with a reason.
import type { CorrectContactBody } from "@vindplaats/contracts";
import { uuidv7 } from "@vindplaats/domain";
import type { Ctx } from "../../http/context.ts";
import { conflict } from "../../http/errors.ts";
import { audit } from "../audit/audit.service.ts";
import { linkPersonTeam } from "../persons/persons.repo.ts";
import { recordChange } from "../sync/changes.ts";
import {
  checkAnonymous,
  checkCodes,
  requirePastStart,
  requirePersonsInScope,
  requireTeamWorkers,
  resolveLocation,
} from "./contact-rules.ts";
import * as repo from "./contacts.repo.ts";
import { requireContact } from "./contacts.service.ts";

const COLUMNS: Record<string, keyof repo.ContactRow> = {
  startedAt: "started_at",
  durationMinutes: "duration_minutes",
  workerIds: "worker_ids",
  placeId: "place_id",
  neighbourhoodId: "neighbourhood_id",
  locationKind: "location_kind",
  anonymous: "anonymous_counts",
  anonymousTotal: "anonymous_total",
  cameAbout: "came_about",
  workingRelationship: "working_relationship",
  actions: "actions",
  lifeDomains: "life_domains",
  note: "note",
};

const same = (a: unknown, b: unknown) =>
  JSON.stringify(a instanceof Date ? a.toISOString() : a) === JSON.stringify(b instanceof Date ? b.toISOString() : b);

export async function correctContact(ctx: Ctx, id: string, body: CorrectContactBody) {
  const current = await requireContact(ctx, id);
  if (current.is_removed) throw conflict("invalid_transition", "id");
  const next: Record<string, unknown> = {};
  if (body.startedAt) {
    next.startedAt = new Date(body.startedAt);
    requirePastStart(ctx, next.startedAt as Date);
  }
  if (body.durationMinutes !== undefined) next.durationMinutes = body.durationMinutes;
  if (body.workerIds) {
    await requireTeamWorkers(ctx, current.team_id, body.workerIds);
    next.workerIds = body.workerIds;
  }
  if (body.placeId !== undefined || body.neighbourhoodId !== undefined || body.locationKind !== undefined) {
    Object.assign(
      next,
      await resolveLocation(ctx, {
        placeId: body.placeId,
        neighbourhoodId: body.neighbourhoodId ?? current.neighbourhood_id,
        locationKind: body.locationKind,
      }),
    );
  }
  if (body.anonymous) {
    next.anonymous = body.anonymous;
    next.anonymousTotal = await checkAnonymous(ctx, body.anonymous);
  }
  await checkCodes(ctx, body);
  for (const f of ["cameAbout", "workingRelationship", "actions", "lifeDomains", "note"] as const)
    if (body[f] !== undefined) next[f] = body[f];

  const changes: Record<string, { from: unknown; to: unknown }> = {};
  const sets: string[] = [];
  const values: unknown[] = [id];
  for (const [field, value] of Object.entries(next)) {
    const column = COLUMNS[field]!;
    if (same(current[column], value)) continue;
    changes[field] = { from: current[column], to: value };
    values.push(
      field === "anonymous" ? JSON.stringify(value) : field === "note" ? repo.sealNote(value as string | null) : value,
    );
    sets.push(`${column} = $${values.length}`);
  }
  if (body.personIds && !same(current.person_ids, [...body.personIds].sort())) {
    await requirePersonsInScope(ctx, body.personIds);
    changes.personIds = { from: current.person_ids, to: body.personIds };
    values.push(body.personIds.length);
    sets.push(`person_count = $${values.length}`);
  }
  if (!Object.keys(changes).length) return current;
  const now = ctx.clock.now();
  values.push(now, ctx.actor.userId);
  await ctx.tx.query(
    `UPDATE contacts SET ${[...sets, `version = version + 1`, `updated_at = $${values.length - 1}`, `updated_by = $${values.length}`].join(", ")} WHERE id = $1`,
    values,
  );
  if (changes.personIds && body.personIds) {
    await repo.setContactPersons(ctx.tx, ctx.actor.orgId, id, body.personIds);
    const at = (next.startedAt as Date | undefined) ?? current.started_at;
    await linkPersonTeam(ctx.tx, {
      orgId: ctx.actor.orgId,
      personIds: body.personIds,
      teamId: current.team_id,
      at,
      workerId: ctx.actor.userId,
    });
  }
  await recordRevision(ctx, current, body.reason, changes, body.baseVersion);
  return (await repo.getContact(ctx.tx, id))!;
}

export async function removeContact(ctx: Ctx, id: string, reason: string) {
  const current = await requireContact(ctx, id);
  if (current.is_removed) throw conflict("invalid_transition", "id");
  const now = ctx.clock.now();
  await ctx.tx.query(
    `UPDATE contacts SET is_removed = true, removed_reason = $2, version = version + 1, updated_at = $3, updated_by = $4 WHERE id = $1`,
    [id, repo.sealNote(reason), now, ctx.actor.userId],
  );
  await recordRevision(ctx, current, reason, { isRemoved: { from: false, to: true } });
  return (await repo.getContact(ctx.tx, id))!;
}

async function recordRevision(
  ctx: Ctx,
  current: repo.ContactRow,
  reason: string,
  changes: Record<string, unknown>,
  baseVersion?: number,
) {
  const conflicted = baseVersion !== undefined && baseVersion !== current.version;
  await repo.insertRevision(ctx.tx, {
    id: uuidv7(),
    orgId: ctx.actor.orgId,
    contactId: current.id,
    version: current.version + 1,
    at: ctx.clock.now(),
    actorUserId: ctx.actor.userId,
    reason,
    changes: conflicted ? { ...changes, _conflict: { from: baseVersion, to: current.version } } : changes,
  });
  await recordChange(ctx, {
    entityType: "contact",
    entityId: current.id,
    op: "isRemoved" in changes ? "delete" : "upsert",
  });
  await audit(ctx, {
    action: "isRemoved" in changes ? "contact.removed" : "contact.corrected",
    entityType: "contact",
    entityId: current.id,
    details: { fields: Object.keys(changes) },
  });
}
