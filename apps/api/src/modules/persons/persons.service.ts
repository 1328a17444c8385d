// Persons reached: creation (pseudonymous), edits with history, the identity step, notes.
import type { CreatePersonBody, IdentifyPersonBody, UpdatePersonBody } from "@vindplaats/contracts";
import { normalizeNationalRegisterNumber, normalizeNickname, uuidv7 } from "@vindplaats/domain";
import type { Ctx } from "../../http/context.ts";
import { conflict, invalidField } from "../../http/errors.ts";
import { audit } from "../audit/audit.service.ts";
import { getNeighbourhood, getPlace } from "../places/places.repo.ts";
import { recordChange } from "../sync/changes.ts";
import { requireActiveCodes } from "../value-lists/value-lists.service.ts";
import { requirePersonAccess } from "./person-access.ts";
import * as repo from "./persons.repo.ts";
import { presentPerson } from "./present.ts";
import { requireOwnTeam } from "./scope.ts";

type Profile = Omit<CreatePersonBody, "id" | "teamId">;

async function validateProfile(ctx: Ctx, p: Partial<Profile>, prefix = "") {
  await requireActiveCodes(ctx, "age_band", [p.ageBand], `${prefix}ageBand`);
  await requireActiveCodes(ctx, "gender", [p.gender], `${prefix}gender`);
  await requireActiveCodes(ctx, "language", p.languages ?? [], `${prefix}languages`);
  await requireActiveCodes(ctx, "nationality", [p.nationality], `${prefix}nationality`);
  if (p.usualPlaceId) {
    const place = await getPlace(ctx.tx, p.usualPlaceId);
    if (!place) throw invalidField(`${prefix}usualPlaceId`, "field.not_found");
    if (!place.isActive) throw invalidField(`${prefix}usualPlaceId`, "field.inactive");
  }
  if (p.usualNeighbourhoodId) {
    const n = await getNeighbourhood(ctx.tx, p.usualNeighbourhoodId);
    if (!n) throw invalidField(`${prefix}usualNeighbourhoodId`, "field.not_found");
  }
}

/** Creates a pseudonymous person known to `teamId`. Idempotent on a client-chosen id. */
export async function createPerson(ctx: Ctx, teamId: string, body: Profile & { id?: string | undefined }, prefix = "") {
  requireOwnTeam(ctx.actor, teamId);
  const id = body.id ?? uuidv7();
  const existing = await repo.getPerson(ctx.tx, id);
  if (existing) {
    if (existing.created_by === ctx.actor.userId && existing.nickname === body.nickname) return existing;
    throw conflict("conflict", `${prefix}id`);
  }
  await validateProfile(ctx, body, prefix);
  let neighbourhoodId = body.usualNeighbourhoodId ?? null;
  if (!neighbourhoodId && body.usualPlaceId)
    neighbourhoodId = (await getPlace(ctx.tx, body.usualPlaceId))?.neighbourhoodId ?? null;
  const now = ctx.clock.now();
  await repo.insertPerson(ctx.tx, {
    id,
    orgId: ctx.actor.orgId,
    ownerTeamId: teamId,
    nickname: body.nickname,
    nicknameNorm: normalizeNickname(body.nickname),
    description: body.description ?? null,
    ageBand: body.ageBand ?? null,
    gender: body.gender ?? null,
    birthYear: body.birthYear ?? null,
    languages: body.languages ?? [],
    nationality: body.nationality ?? null,
    usualPlaceId: body.usualPlaceId ?? null,
    usualNeighbourhoodId: neighbourhoodId,
    knownToSocialService: body.knownToSocialService ?? null,
    createdBy: ctx.actor.userId,
    now,
  });
  await repo.linkPersonTeam(ctx.tx, {
    orgId: ctx.actor.orgId,
    personIds: [id],
    teamId,
    at: now,
    workerId: ctx.actor.userId,
  });
  await repo.insertHistory(ctx.tx, {
    id: uuidv7(),
    orgId: ctx.actor.orgId,
    personId: id,
    at: now,
    actorUserId: ctx.actor.userId,
    action: "created",
    changes: {},
  });
  await recordChange(ctx, { entityType: "person", entityId: id, op: "upsert" });
  await audit(ctx, { action: "person.created", entityType: "person", entityId: id });
  return (await repo.getPerson(ctx.tx, id))!;
}

/** A person the actor may change (own team's record); read-only relations get 403, others 404. */
export async function requirePerson(ctx: Ctx, id: string) {
  return (await requirePersonAccess(ctx, id, "write")).person;
}

const PROFILE_COLUMNS: Record<string, string> = {
  nickname: "nickname",
  description: "description",
  ageBand: "age_band",
  gender: "gender",
  birthYear: "birth_year",
  languages: "languages",
  nationality: "nationality",
  usualPlaceId: "usual_place_id",
  usualNeighbourhoodId: "usual_neighbourhood_id",
  knownToSocialService: "known_to_social_service",
};

/**
 * Edits the pseudonymous profile. Conflicting offline edits resolve by one rule: the edit that
 * reaches the server last wins; the value it replaced stays in the history, flagged as a conflict
 * when the editor had not seen the current version.
 */
export async function updatePerson(ctx: Ctx, id: string, body: UpdatePersonBody) {
  const person = await requirePerson(ctx, id);
  if (!person.is_active) throw conflict("conflict", "id");
  await validateProfile(ctx, body);
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  const sets: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(PROFILE_COLUMNS)) {
    const to = body[field as keyof UpdatePersonBody];
    if (to === undefined) continue;
    const from = person[column as keyof repo.PersonRow];
    if (JSON.stringify(from) === JSON.stringify(to)) continue;
    changes[field] = { from, to };
    sets[column] = to;
  }
  if (body.nickname !== undefined && changes.nickname) sets.nickname_norm = normalizeNickname(body.nickname);
  if (!Object.keys(sets).length) return person;
  const now = ctx.clock.now();
  await repo.updateProfile(ctx.tx, id, sets, now);
  const isConflict = body.baseVersion !== undefined && body.baseVersion !== person.version;
  await repo.insertHistory(ctx.tx, {
    id: uuidv7(),
    orgId: ctx.actor.orgId,
    personId: id,
    at: now,
    actorUserId: ctx.actor.userId,
    action: isConflict ? "updated_conflict" : "updated",
    changes: { ...changes, ...(isConflict ? { baseVersion: body.baseVersion, serverVersion: person.version } : {}) },
  });
  await recordChange(ctx, { entityType: "person", entityId: id, op: "upsert" });
  await audit(ctx, {
    action: "person.updated",
    entityType: "person",
    entityId: id,
    details: { fields: Object.keys(changes) },
  });
  return (await repo.getPerson(ctx.tx, id))!;
}

/** The deliberate step up the identity ladder, recorded with who and when. */
export async function identifyPerson(ctx: Ctx, id: string, body: IdentifyPersonBody) {
  const person = await requirePerson(ctx, id);
  const now = ctx.clock.now();
  const nrn = body.nationalRegisterNumber ? normalizeNationalRegisterNumber(body.nationalRegisterNumber) : null;
  await repo.updateIdentity(
    ctx.tx,
    id,
    {
      fullName: body.fullName,
      birthDate: body.birthDate ?? null,
      nationalRegisterNumber: nrn,
      phone: body.phone ?? null,
      email: body.email ?? null,
    },
    { userId: ctx.actor.userId, now, birthYear: body.birthDate ? Number(body.birthDate.slice(0, 4)) : null },
  );
  const fields = Object.keys(body).filter((k) => body[k as keyof IdentifyPersonBody] != null);
  await repo.insertHistory(ctx.tx, {
    id: uuidv7(),
    orgId: ctx.actor.orgId,
    personId: id,
    at: now,
    actorUserId: ctx.actor.userId,
    action: person.identity_level === "identified" ? "identity_updated" : "identified",
    changes: { fields },
  });
  await recordChange(ctx, { entityType: "person", entityId: id, op: "upsert" });
  await audit(ctx, { action: "person.identified", entityType: "person", entityId: id, details: { fields } });
  return presentPerson((await repo.getPerson(ctx.tx, id))!, new Set(["profile", "sensitive", "identity"]));
}

export async function addNote(ctx: Ctx, personId: string, body: { teamId: string; body: string }) {
  requireOwnTeam(ctx.actor, body.teamId);
  await requirePerson(ctx, personId);
  const id = uuidv7();
  await repo.insertNote(ctx.tx, {
    id,
    orgId: ctx.actor.orgId,
    personId,
    teamId: body.teamId,
    body: body.body,
    at: ctx.clock.now(),
    by: ctx.actor.userId,
  });
  await audit(ctx, { action: "note.created", entityType: "person", entityId: personId, details: { noteId: id } });
  return { id };
}
