// Address cases: opening (from a complaint), the status steps open -> active -> closed, assignment
// and sharing out across the team. Every write records its status history and one audit row.
import type { ComplaintInput, OpenCaseBody } from "@vindplaats/contracts";
import { type CaseCloseReason, type CaseStatus, canMoveCase, uuidv7 } from "@vindplaats/domain";
import type { Ctx } from "../../http/context.ts";
import { conflict, forbidden, invalidField, invalidTransition, notFound } from "../../http/errors.ts";
import { audit } from "../audit/audit.service.ts";
import { getCollective } from "../collectives/collectives.service.ts";
import { contentTeamIds, requireOwnTeam } from "../persons/scope.ts";
import { requireActiveCodes } from "../value-lists/value-lists.service.ts";
import * as parts from "./case-parts.repo.ts";
import { type AddressInput, requirePastDay, requireTeamMember, resolveAddress, today } from "./case-rules.ts";
import { mayReassign } from "./cases.policy.ts";
import * as repo from "./cases.repo.ts";

/** A case of one of the caller's teams; anything else is "not found", so existence does not leak. */
export async function requireCase(ctx: Ctx, id: string) {
  const c = await repo.getCase(ctx.tx, id);
  if (!c || !contentTeamIds(ctx.actor).includes(c.team_id)) throw notFound();
  return c;
}

export async function requireHousehold(ctx: Ctx, householdId: string, field: string) {
  try {
    return await getCollective(ctx, "household", householdId);
  } catch {
    throw invalidField(field, "field.not_found");
  }
}

/** Checks a complaint before anything is stored; `prefix` names the fields inside a larger body. */
export function checkComplaint(ctx: Ctx, k: ComplaintInput, prefix = "") {
  requirePastDay(ctx, k.receivedOn, `${prefix}receivedOn`);
  if (k.complainantId && k.complainant) throw invalidField(`${prefix}complainant`, "field.invalid");
}

/** Stores a complaint (and a new complainant) under a case that was checked already. */
export async function storeComplaint(ctx: Ctx, c: { id: string; team_id: string }, k: ComplaintInput) {
  const now = ctx.clock.now();
  let complainantId = k.complainantId ?? null;
  if (k.complainant) {
    complainantId = uuidv7();
    await parts.insertComplainant(ctx.tx, {
      id: complainantId,
      orgId: ctx.actor.orgId,
      teamId: c.team_id,
      caseId: c.id,
      relation: k.complainant.relation,
      name: k.complainant.name ?? null,
      contactInfo: k.complainant.contactInfo ?? null,
      note: k.complainant.note ?? null,
      by: ctx.actor.userId,
      now,
    });
  }
  const id = uuidv7();
  await parts.insertComplaint(ctx.tx, {
    id,
    orgId: ctx.actor.orgId,
    teamId: c.team_id,
    caseId: c.id,
    complainantId,
    receivedOn: k.receivedOn,
    theme: k.theme,
    source: k.source,
    description: k.description ?? null,
    by: ctx.actor.userId,
    now,
  });
  return id;
}

interface NewCaseInput {
  id: string;
  teamId: string;
  address: Awaited<ReturnType<typeof resolveAddress>>;
  intakeChannel: string;
  summary: string | null;
  openedOn: string;
  assigneeId: string;
  how: "chosen" | "shared_out" | "moved";
  previousCaseId: string | null;
  householdIds: string[];
}

/** Inserts a checked case with its first status, assignment and households. */
export async function insertNewCase(ctx: Ctx, c: NewCaseInput) {
  if (await repo.currentCaseAt(ctx.tx, c.teamId, c.address.addressKey)) throw conflict("conflict", "street");
  const now = ctx.clock.now();
  const orgId = ctx.actor.orgId;
  await repo.insertCase(ctx.tx, {
    id: c.id,
    orgId,
    teamId: c.teamId,
    ...c.address,
    intakeChannel: c.intakeChannel,
    summary: c.summary,
    openedOn: c.openedOn,
    assigneeId: c.assigneeId,
    previousCaseId: c.previousCaseId,
    createdBy: ctx.actor.userId,
    now,
  });
  await repo.insertStatus(ctx.tx, {
    id: uuidv7(),
    orgId,
    teamId: c.teamId,
    caseId: c.id,
    status: "open",
    reason: null,
    effectiveOn: c.openedOn,
    at: now,
    actorUserId: ctx.actor.userId,
  });
  await repo.insertAssignment(ctx.tx, {
    id: uuidv7(),
    orgId,
    teamId: c.teamId,
    caseId: c.id,
    assigneeId: c.assigneeId,
    how: c.how,
    reason: null,
    at: now,
    by: ctx.actor.userId,
  });
  for (const householdId of c.householdIds) {
    await parts.linkHousehold(ctx.tx, {
      id: uuidv7(),
      orgId,
      teamId: c.teamId,
      caseId: c.id,
      householdId,
      since: c.openedOn,
    });
  }
}

/** Opens a case at an address, usually from a complaint. Idempotent on a client-chosen id. */
export async function openCase(ctx: Ctx, body: OpenCaseBody) {
  requireOwnTeam(ctx.actor, body.teamId);
  const id = body.id ?? uuidv7();
  const existing = await repo.getCase(ctx.tx, id);
  if (existing) {
    if (existing.created_by === ctx.actor.userId && existing.team_id === body.teamId) return existing;
    throw conflict("conflict", "id");
  }
  const address = await resolveAddress(ctx, body as AddressInput);
  await requireActiveCodes(ctx, "intake_channel", [body.intakeChannel], "intakeChannel");
  const openedOn = requirePastDay(ctx, body.openedOn ?? today(ctx), "openedOn");
  if (body.assigneeId) await requireTeamMember(ctx, body.teamId, body.assigneeId, "assigneeId");
  if (body.householdId) await requireHousehold(ctx, body.householdId, "householdId");
  if (body.complaint) {
    checkComplaint(ctx, body.complaint, "complaint.");
    if (body.complaint.complainantId) throw invalidField("complaint.complainantId", "field.not_found");
  }
  const shared = body.assigneeId ? null : await repo.nextAssignee(ctx.tx, body.teamId);
  const assigneeId = body.assigneeId ?? shared ?? ctx.actor.userId;
  await insertNewCase(ctx, {
    id,
    teamId: body.teamId,
    address,
    intakeChannel: body.intakeChannel,
    summary: body.summary ?? null,
    openedOn,
    assigneeId,
    how: body.assigneeId ? "chosen" : "shared_out",
    previousCaseId: null,
    householdIds: body.householdId ? [body.householdId] : [],
  });
  if (body.complaint) await storeComplaint(ctx, { id, team_id: body.teamId }, body.complaint);
  await audit(ctx, {
    action: "case.opened",
    entityType: "case",
    entityId: id,
    details: {
      assigneeId,
      how: body.assigneeId ? "chosen" : "shared_out",
      complaint: !!body.complaint,
      previousCaseId: null,
    },
  });
  return (await repo.getCase(ctx.tx, id))!;
}

export async function updateCase(
  ctx: Ctx,
  id: string,
  body: { summary?: string | null | undefined; intakeChannel?: string | undefined; baseVersion?: number | undefined },
) {
  const c = await requireCase(ctx, id);
  if (body.baseVersion !== undefined && body.baseVersion !== c.version) throw conflict("conflict", "baseVersion");
  if (body.intakeChannel) await requireActiveCodes(ctx, "intake_channel", [body.intakeChannel], "intakeChannel");
  const fields = (["summary", "intakeChannel"] as const).filter((k) => body[k] !== undefined);
  if (!fields.length) return c;
  await repo.updateCaseFields(ctx.tx, id, {
    summary: body.summary,
    intakeChannel: body.intakeChannel,
    now: ctx.clock.now(),
  });
  await audit(ctx, { action: "case.updated", entityType: "case", entityId: id, details: { fields } });
  return (await repo.getCase(ctx.tx, id))!;
}

/**
 * Moves a checked case to a new status, effective on a day that is neither in the future nor before
 * the previous step. Closing ends the households' stay at the address.
 */
export async function stepCase(
  ctx: Ctx,
  c: repo.CaseRow,
  to: CaseStatus,
  on: string | undefined,
  close?: { reason: CaseCloseReason; note: string | null },
) {
  if (!canMoveCase(c.status, to)) throw invalidTransition("status");
  const day = requirePastDay(ctx, on ?? today(ctx), "on", (await repo.lastStatusDay(ctx.tx, c.id)) ?? c.opened_on);
  const now = ctx.clock.now();
  await repo.setStatus(ctx.tx, c.id, {
    status: to,
    closedOn: to === "closed" ? day : null,
    closeReason: close?.reason ?? null,
    closeNote: close?.note ?? null,
    now,
  });
  await repo.insertStatus(ctx.tx, {
    id: uuidv7(),
    orgId: ctx.actor.orgId,
    teamId: c.team_id,
    caseId: c.id,
    status: to,
    reason: close?.reason ?? null,
    effectiveOn: day,
    at: now,
    actorUserId: ctx.actor.userId,
  });
  const households = to === "closed" ? await parts.endHouseholds(ctx.tx, c.id, day) : [];
  return { day, households };
}

export async function activateCase(ctx: Ctx, id: string, on: string | undefined) {
  const c = await requireCase(ctx, id);
  const { day } = await stepCase(ctx, c, "active", on);
  await audit(ctx, { action: "case.activated", entityType: "case", entityId: id, details: { on: day, reason: null } });
  return (await repo.getCase(ctx.tx, id))!;
}

export async function closeCase(
  ctx: Ctx,
  id: string,
  body: { reason: CaseCloseReason; on?: string | undefined; note?: string | null | undefined },
) {
  const c = await requireCase(ctx, id);
  const { day } = await stepCase(ctx, c, "closed", body.on, { reason: body.reason, note: body.note ?? null });
  await audit(ctx, {
    action: "case.closed",
    entityType: "case",
    entityId: id,
    details: { on: day, reason: body.reason },
  });
  return (await repo.getCase(ctx.tx, id))!;
}

/** Hands the case to another steward of the team; the assignment history keeps who held it when. */
export async function assignCase(
  ctx: Ctx,
  id: string,
  body: { assigneeId: string; reason?: string | null | undefined },
) {
  const c = await requireCase(ctx, id);
  if (c.status === "closed") throw invalidTransition("status");
  if (!mayReassign(ctx.actor, c)) throw forbidden();
  await requireTeamMember(ctx, c.team_id, body.assigneeId, "assigneeId");
  if (c.assignee_id === body.assigneeId) return c;
  const now = ctx.clock.now();
  await repo.insertAssignment(ctx.tx, {
    id: uuidv7(),
    orgId: ctx.actor.orgId,
    teamId: c.team_id,
    caseId: id,
    assigneeId: body.assigneeId,
    how: "reassigned",
    reason: body.reason ?? null,
    at: now,
    by: ctx.actor.userId,
  });
  await repo.setAssignee(ctx.tx, id, body.assigneeId, now);
  await audit(ctx, {
    action: "case.assigned",
    entityType: "case",
    entityId: id,
    details: { assigneeId: body.assigneeId, previousAssigneeId: c.assignee_id },
  });
  return (await repo.getCase(ctx.tx, id))!;
}
