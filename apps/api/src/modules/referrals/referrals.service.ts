// Referrals ("toeleiding") as first-class records: from a contact, an address case or a trajectory to
// a service, proposed -> accepted or refused -> done or not done, with the days and a warm-handover flag.
import type { CreateReferralBody } from "@vindplaats/contracts";
import { canMoveReferral, type ReferralStatus, uuidv7 } from "@vindplaats/domain";
import type { Ctx } from "../../http/context.ts";
import { AppError, conflict, invalidField, invalidTransition, notFound } from "../../http/errors.ts";
import { audit } from "../audit/audit.service.ts";
import { requirePastDay, today } from "../cases/case-rules.ts";
import { requireContact } from "../contacts/contacts.service.ts";
import { contentTeamIds, requireOwnTeam } from "../persons/scope.ts";
import { requirePersonInScope, requireTeamCase, requireTrajectory } from "../trajectories/trajectories.service.ts";
import { requireActiveCodes } from "../value-lists/value-lists.service.ts";
import * as repo from "./referrals.repo.ts";

export async function requireReferral(ctx: Ctx, id: string) {
  const r = await repo.getReferral(ctx.tx, id);
  if (!r || !contentTeamIds(ctx.actor).includes(r.team_id)) throw notFound();
  return r;
}

/** The origin named in the body must be the same team's; anything else is a field error. */
async function requireOrigin(ctx: Ctx, body: CreateReferralBody) {
  if (!body.contactId && !body.caseId && !body.trajectoryId) {
    throw new AppError(
      422,
      "validation",
      ["caseId", "trajectoryId", "contactId"].map((field) => ({ field, key: "field.required" })),
    );
  }
  if (body.contactId) {
    const contact = await requireContact(ctx, body.contactId).catch(() => null);
    if (!contact || contact.team_id !== body.teamId) throw invalidField("contactId", "field.not_found");
  }
  if (body.caseId) await requireTeamCase(ctx, body.caseId, body.teamId);
  if (body.trajectoryId) {
    const t = await requireTrajectory(ctx, body.trajectoryId).catch(() => null);
    if (!t || t.team_id !== body.teamId) throw invalidField("trajectoryId", "field.not_found");
  }
  return body.caseId ? "case" : body.trajectoryId ? "trajectory" : "contact";
}

export async function createReferral(ctx: Ctx, body: CreateReferralBody) {
  requireOwnTeam(ctx.actor, body.teamId);
  const id = body.id ?? uuidv7();
  const existing = await repo.getReferral(ctx.tx, id);
  if (existing) {
    if (existing.created_by === ctx.actor.userId && existing.team_id === body.teamId) return existing;
    throw conflict("conflict", "id");
  }
  await requireActiveCodes(ctx, "referral_service", [body.serviceCode], "serviceCode");
  const from = await requireOrigin(ctx, body);
  if (body.personId) await requirePersonInScope(ctx, body.personId, "personId");
  const proposedOn = requirePastDay(ctx, body.proposedOn ?? today(ctx), "proposedOn");
  await repo.insertReferral(ctx.tx, {
    id,
    orgId: ctx.actor.orgId,
    teamId: body.teamId,
    serviceCode: body.serviceCode,
    personId: body.personId ?? null,
    contactId: body.contactId ?? null,
    caseId: body.caseId ?? null,
    trajectoryId: body.trajectoryId ?? null,
    accompanied: body.accompanied,
    proposedOn,
    note: body.note ?? null,
    by: ctx.actor.userId,
    now: ctx.clock.now(),
  });
  await audit(ctx, {
    action: "referral.created",
    entityType: "referral",
    entityId: id,
    details: { serviceCode: body.serviceCode, from },
  });
  return (await repo.getReferral(ctx.tx, id))!;
}

/** A decision (accepted, refused) or an outcome (done, not done); "done" before "accepted" is refused. */
export async function changeReferralStatus(
  ctx: Ctx,
  id: string,
  body: { status: ReferralStatus; on?: string | undefined; note?: string | null | undefined },
) {
  const r = await requireReferral(ctx, id);
  if (!canMoveReferral(r.status, body.status)) throw invalidTransition("status");
  const on = requirePastDay(ctx, body.on ?? today(ctx), "on", r.decided_on ?? r.proposed_on);
  await repo.setStatus(ctx.tx, id, { status: body.status, on, note: body.note, now: ctx.clock.now() });
  await audit(ctx, {
    action: "referral.status_changed",
    entityType: "referral",
    entityId: id,
    details: { from: r.status, to: body.status },
  });
  return (await repo.getReferral(ctx.tx, id))!;
}

export async function updateReferral(
  ctx: Ctx,
  id: string,
  body: { accompanied?: boolean | undefined; note?: string | null | undefined },
) {
  const r = await requireReferral(ctx, id);
  const fields = (["accompanied", "note"] as const).filter((k) => body[k] !== undefined);
  if (!fields.length) return r;
  await repo.updateReferral(ctx.tx, id, { ...body, now: ctx.clock.now() });
  await audit(ctx, { action: "referral.updated", entityType: "referral", entityId: id, details: { fields } });
  return (await repo.getReferral(ctx.tx, id))!;
}

export async function listReferrals(
  ctx: Ctx,
  q: {
    teamId?: string | undefined;
    status?: ReferralStatus | undefined;
    caseId?: string | undefined;
    trajectoryId?: string | undefined;
    personId?: string | undefined;
  },
) {
  if (q.teamId) requireOwnTeam(ctx.actor, q.teamId);
  return repo.listReferrals(ctx.tx, q, q.teamId ? [q.teamId] : contentTeamIds(ctx.actor));
}

export function presentReferral(r: repo.ReferralRow) {
  return {
    id: r.id,
    teamId: r.team_id,
    serviceCode: r.service_code,
    personId: r.person_id,
    contactId: r.contact_id,
    caseId: r.case_id,
    trajectoryId: r.trajectory_id,
    status: r.status,
    accompanied: r.accompanied,
    proposedOn: r.proposed_on,
    decidedOn: r.decided_on,
    completedOn: r.completed_on,
    note: r.note,
    createdAt: new Date(r.created_at).toISOString(),
    createdBy: r.created_by,
  };
}
