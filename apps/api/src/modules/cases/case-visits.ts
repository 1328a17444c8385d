// Home visits (contacts linked to the case), actions with partner services, and the households
// living at the address. A first home visit makes an open case active.
import type { CaseVisitBody } from "@vindplaats/contracts";
import { brusselsDay, uuidv7 } from "@vindplaats/domain";
import type { Ctx } from "../../http/context.ts";
import { conflict, invalidField, invalidTransition } from "../../http/errors.ts";
import { audit } from "../audit/audit.service.ts";
import { registerContact, requireContact } from "../contacts/contacts.service.ts";
import { requireActiveCodes } from "../value-lists/value-lists.service.ts";
import * as parts from "./case-parts.repo.ts";
import { requirePastDay, today } from "./case-rules.ts";
import * as repo from "./cases.repo.ts";
import { requireCase, requireHousehold } from "./cases.service.ts";

async function linkedContact(ctx: Ctx, teamId: string, contactId: string) {
  try {
    const contact = await requireContact(ctx, contactId);
    if (contact.team_id === teamId) return contact;
  } catch {}
  throw invalidField("contactId", "field.not_found");
}

/** Registers a home visit as a contact at the address (or links an existing contact) and links it to the case. */
export async function logVisit(ctx: Ctx, caseId: string, body: CaseVisitBody) {
  const c = await requireCase(ctx, caseId);
  if (c.status === "closed") throw invalidTransition("status");
  let contactId: string;
  let startedAt: Date;
  if (body.contactId) {
    const contact = await linkedContact(ctx, c.team_id, body.contactId);
    contactId = contact.id;
    startedAt = contact.started_at;
  } else {
    const neighbourhoodId = body.neighbourhoodId ?? c.neighbourhood_id;
    if (!neighbourhoodId) throw invalidField("neighbourhoodId", "field.required");
    const contact = await registerContact(ctx, {
      id: body.id,
      teamId: c.team_id,
      mode: "standard",
      startedAt: body.startedAt ?? ctx.clock.now().toISOString(),
      durationMinutes: body.durationMinutes,
      neighbourhoodId,
      locationKind: "private",
      personIds: body.personIds,
      anonymous: body.peopleMet ? [{ ageBand: null, gender: null, count: body.peopleMet }] : [],
      cameAbout: [],
      workingRelationship: [],
      actions: ["direct_help"],
      lifeDomains: body.lifeDomains,
      note: body.note ?? null,
      newPersons: [],
      referrals: [],
    });
    contactId = contact.id;
    startedAt = contact.started_at;
  }
  const linked = await parts.linkContact(ctx.tx, { orgId: ctx.actor.orgId, teamId: c.team_id, caseId, contactId });
  if (!linked) {
    if (body.contactId) throw conflict("conflict", "contactId");
    return (await repo.getCase(ctx.tx, caseId))!; // a retried registration: already linked
  }
  if (c.status === "open") {
    // Active from the day of the visit, but never before the case's last step nor after today.
    const last = (await repo.lastStatusDay(ctx.tx, caseId)) ?? c.opened_on;
    const [day] = [brusselsDay(startedAt), last].sort().reverse() as [string];
    await repo.setStatus(ctx.tx, caseId, {
      status: "active",
      closedOn: null,
      closeReason: null,
      closeNote: null,
      now: ctx.clock.now(),
    });
    await repo.insertStatus(ctx.tx, {
      id: uuidv7(),
      orgId: ctx.actor.orgId,
      teamId: c.team_id,
      caseId,
      status: "active",
      reason: "visit",
      effectiveOn: [day, today(ctx)].sort()[0]!,
      at: ctx.clock.now(),
      actorUserId: ctx.actor.userId,
    });
  }
  await audit(ctx, {
    action: "case.visit_linked",
    entityType: "case",
    entityId: caseId,
    details: { contactId, registered: !body.contactId },
  });
  return (await repo.getCase(ctx.tx, caseId))!;
}

export async function addAction(
  ctx: Ctx,
  caseId: string,
  body: { serviceCode: string; actionOn: string; description: string },
) {
  const c = await requireCase(ctx, caseId);
  await requireActiveCodes(ctx, "referral_service", [body.serviceCode], "serviceCode");
  requirePastDay(ctx, body.actionOn, "actionOn");
  const id = uuidv7();
  await parts.insertAction(ctx.tx, {
    id,
    orgId: ctx.actor.orgId,
    teamId: c.team_id,
    caseId,
    ...body,
    by: ctx.actor.userId,
    now: ctx.clock.now(),
  });
  await audit(ctx, {
    action: "case.action_added",
    entityType: "case",
    entityId: caseId,
    details: { actionId: id, serviceCode: body.serviceCode },
  });
  return { id, serviceCode: body.serviceCode, actionOn: body.actionOn, description: body.description };
}

/** A household (family) living at the address from a day on. */
export async function linkHousehold(
  ctx: Ctx,
  caseId: string,
  body: { householdId: string; since?: string | undefined },
) {
  const c = await requireCase(ctx, caseId);
  if (c.status === "closed") throw invalidTransition("status");
  await requireHousehold(ctx, body.householdId, "householdId");
  if (await parts.isHouseholdLinked(ctx.tx, caseId, body.householdId)) throw conflict("conflict", "householdId");
  const since = requirePastDay(ctx, body.since ?? today(ctx), "since", c.opened_on);
  await parts.linkHousehold(ctx.tx, {
    id: uuidv7(),
    orgId: ctx.actor.orgId,
    teamId: c.team_id,
    caseId,
    householdId: body.householdId,
    since,
  });
  await audit(ctx, {
    action: "case.household_linked",
    entityType: "case",
    entityId: caseId,
    details: { householdId: body.householdId },
  });
  return (await repo.getCase(ctx.tx, caseId))!;
}
