// Registering contacts (standard, tally, repeat, group). A registration carries a client id, so a
// phone that retries gets the same contact back instead of a second one.
import type { CreateContactBody } from "@vindplaats/contracts";
import { brusselsDay, uuidv7 } from "@vindplaats/domain";
import type { Ctx } from "../../http/context.ts";
import { conflict, invalidField, notFound } from "../../http/errors.ts";
import { audit } from "../audit/audit.service.ts";
import { linkPersonTeam } from "../persons/persons.repo.ts";
import { createPerson } from "../persons/persons.service.ts";
import { contentTeamIds, requireOwnTeam } from "../persons/scope.ts";
import { recordChange } from "../sync/changes.ts";
import { requireActiveCodes } from "../value-lists/value-lists.service.ts";
import {
  checkAnonymous,
  checkCodes,
  requireGroupInScope,
  requirePastStart,
  requirePersonsInScope,
  requireTeamWorkers,
  resolveLocation,
} from "./contact-rules.ts";
import * as repo from "./contacts.repo.ts";

export async function registerContact(ctx: Ctx, body: CreateContactBody) {
  requireOwnTeam(ctx.actor, body.teamId);
  const id = body.id ?? uuidv7();
  const existing = await repo.getContact(ctx.tx, id);
  if (existing) {
    // A retried registration answers with what was stored the first time.
    if (existing.created_by === ctx.actor.userId && existing.team_id === body.teamId) return existing;
    throw conflict("conflict", "id");
  }
  const startedAt = new Date(body.startedAt);
  requirePastStart(ctx, startedAt);
  const workerIds = body.workerIds?.length ? body.workerIds : [ctx.actor.userId];
  await requireTeamWorkers(ctx, body.teamId, workerIds);
  const location = await resolveLocation(ctx, body);
  await requirePersonsInScope(ctx, body.personIds);
  await requireGroupInScope(ctx, body.groupId);
  const anonymousTotal = await checkAnonymous(ctx, body.anonymous);
  await checkCodes(ctx, body);
  await requireActiveCodes(
    ctx,
    "referral_service",
    body.referrals.map((r) => r.serviceCode),
    "referrals.serviceCode",
  );
  const created = [];
  for (const [i, p] of body.newPersons.entries())
    created.push((await createPerson(ctx, body.teamId, p, `newPersons.${i}.`)).id);
  const personIds = [...body.personIds, ...created.filter((pid) => !body.personIds.includes(pid))];
  if (!personIds.length && !anonymousTotal && !body.groupId) throw invalidField("personIds", "field.required");

  const now = ctx.clock.now();
  const contact = await repo.insertContact(ctx.tx, {
    id,
    org_id: ctx.actor.orgId,
    team_id: body.teamId,
    mode: body.mode,
    started_at: startedAt,
    duration_minutes: body.durationMinutes,
    worker_ids: workerIds,
    place_id: location.placeId,
    neighbourhood_id: location.neighbourhoodId,
    location_kind: location.locationKind,
    group_id: body.groupId ?? null,
    anonymous_counts: body.anonymous,
    anonymous_total: anonymousTotal,
    person_ids: personIds,
    came_about: body.cameAbout,
    working_relationship: body.workingRelationship,
    actions: body.actions,
    life_domains: body.lifeDomains,
    note: body.note ?? null,
    created_by: ctx.actor.userId,
    now,
  });
  await linkPersonTeam(ctx.tx, {
    orgId: ctx.actor.orgId,
    personIds,
    teamId: body.teamId,
    at: startedAt,
    workerId: ctx.actor.userId,
  });
  await addReferrals(ctx, id, body, personIds, startedAt);
  if (body.followUp) await addFollowUp(ctx, id, body.teamId, body.followUp, personIds);
  await recordChange(ctx, { entityType: "contact", entityId: id, op: "upsert" });
  await audit(ctx, {
    action: "contact.created",
    entityType: "contact",
    entityId: id,
    details: { mode: body.mode, persons: personIds.length, newPersons: created.length },
  });
  return contact;
}

async function addReferrals(
  ctx: Ctx,
  contactId: string,
  body: CreateContactBody,
  personIds: string[],
  startedAt: Date,
) {
  for (const r of body.referrals) {
    const personId = r.personId ?? (personIds.length === 1 ? personIds[0]! : null);
    if (personId && !personIds.includes(personId)) throw invalidField("referrals.personId", "field.not_found");
    await ctx.tx.query(
      `INSERT INTO referrals (id, org_id, team_id, person_id, contact_id, service_code, accompanied, proposed_on, created_at, created_by)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
      [
        r.id ?? uuidv7(),
        ctx.actor.orgId,
        body.teamId,
        personId,
        contactId,
        r.serviceCode,
        r.accompanied,
        brusselsDay(startedAt),
        ctx.clock.now(),
        ctx.actor.userId,
      ],
    );
  }
}

async function addFollowUp(
  ctx: Ctx,
  contactId: string,
  teamId: string,
  f: { id?: string | undefined; title: string; dueOn: string; assigneeId?: string | undefined },
  personIds: string[],
) {
  const assigneeId = f.assigneeId ?? ctx.actor.userId;
  if (f.assigneeId)
    await requireTeamWorkers(ctx, teamId, [f.assigneeId]).catch(() => {
      throw invalidField("followUp.assigneeId", "field.not_found");
    });
  if (f.dueOn < brusselsDay(ctx.clock.now())) throw invalidField("followUp.dueOn", "field.in_past");
  await ctx.tx.query(
    `INSERT INTO tasks (id, org_id, team_id, assignee_id, title, due_on, person_id, contact_id, created_at, created_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
    [
      f.id ?? uuidv7(),
      ctx.actor.orgId,
      teamId,
      assigneeId,
      f.title,
      f.dueOn,
      personIds.length === 1 ? personIds[0] : null,
      contactId,
      ctx.clock.now(),
      ctx.actor.userId,
    ],
  );
}

/** One tap on a busy square or a night patrol: +1 anonymous contact at this place. */
export function registerTally(
  ctx: Ctx,
  body: {
    id?: string | undefined;
    teamId: string;
    placeId: string;
    ageBand?: string | null | undefined;
    gender?: string | null | undefined;
    startedAt?: string | undefined;
  },
) {
  return registerContact(ctx, {
    id: body.id,
    teamId: body.teamId,
    mode: "tally",
    startedAt: body.startedAt ?? ctx.clock.now().toISOString(),
    durationMinutes: 0,
    placeId: body.placeId,
    personIds: [],
    anonymous: [{ ageBand: body.ageBand ?? null, gender: body.gender ?? null, count: 1 }],
    cameAbout: [],
    workingRelationship: [],
    actions: [],
    lifeDomains: [],
    newPersons: [],
    referrals: [],
  });
}

/** A contact of one of the caller's teams; anything else is "not found", so existence does not leak. */
export async function requireContact(ctx: Ctx, id: string) {
  const contact = await repo.getContact(ctx.tx, id);
  if (!contact || !contentTeamIds(ctx.actor).includes(contact.team_id)) throw notFound();
  return contact;
}

/** Reading one contact (with its note) is an accountable act. */
export async function readContact(ctx: Ctx, id: string) {
  const contact = await requireContact(ctx, id);
  await audit(ctx, { action: "contact.read", entityType: "contact", entityId: id });
  return contact;
}
