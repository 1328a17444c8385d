// Complaints about nuisance at an address and the neighbours who made them. The nuisance component
// of a case is derived from its open complaints. Complainants' identity is read only here, audited.
import type { ComplaintInput } from "@vindplaats/contracts";
import type { Ctx } from "../../http/context.ts";
import { invalidField, invalidTransition, notFound } from "../../http/errors.ts";
import { audit } from "../audit/audit.service.ts";
import { contentTeamIds } from "../persons/scope.ts";
import * as parts from "./case-parts.repo.ts";
import { requirePastDay, today } from "./case-rules.ts";
import { checkComplaint, requireCase, storeComplaint } from "./cases.service.ts";

export async function addComplaint(ctx: Ctx, caseId: string, body: ComplaintInput) {
  const c = await requireCase(ctx, caseId);
  if (c.status === "closed") throw invalidTransition("status");
  checkComplaint(ctx, body);
  if (body.complainantId && !(await parts.listComplainants(ctx.tx, caseId)).some((p) => p.id === body.complainantId)) {
    throw invalidField("complainantId", "field.not_found");
  }
  const id = await storeComplaint(ctx, c, body);
  await audit(ctx, {
    action: "case.complaint_added",
    entityType: "case",
    entityId: caseId,
    details: { complaintId: id, theme: body.theme },
  });
  return (await parts.getComplaint(ctx.tx, id))!;
}

export async function resolveComplaint(ctx: Ctx, complaintId: string, on: string | undefined) {
  const k = await parts.getComplaint(ctx.tx, complaintId);
  if (!k || !contentTeamIds(ctx.actor).includes(k.team_id)) throw notFound();
  if (k.resolved_on) throw invalidTransition("resolvedOn");
  const day = requirePastDay(ctx, on ?? today(ctx), "on", k.received_on);
  await parts.resolveComplaint(ctx.tx, complaintId, day);
  await audit(ctx, {
    action: "case.complaint_resolved",
    entityType: "case",
    entityId: k.case_id,
    details: { complaintId, theme: k.theme },
  });
  return (await parts.getComplaint(ctx.tx, complaintId))!;
}

/** Who complained: for the stewards of the case only, never on the family's side; reading is audited. */
export async function readComplainants(ctx: Ctx, caseId: string) {
  await requireCase(ctx, caseId);
  const rows = await parts.listComplainants(ctx.tx, caseId);
  await audit(ctx, { action: "case.complainants_read", entityType: "case", entityId: caseId });
  return rows.map((r) => ({
    id: r.id,
    relation: r.relation,
    name: r.name,
    contactInfo: r.contact_info,
    note: r.note,
    createdAt: r.created_at.toISOString(),
  }));
}

export function presentComplaint(k: parts.ComplaintRow) {
  return {
    id: k.id,
    caseId: k.case_id,
    receivedOn: k.received_on,
    theme: k.theme,
    source: k.source,
    description: k.description,
    complainantId: k.complainant_id,
    complainantRelation: k.complainant_relation,
    resolvedOn: k.resolved_on,
  };
}
