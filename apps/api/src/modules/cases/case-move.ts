// A family that moves: the case at the old address closes with reason "moved" and a case opens at the
// new address, linked to the previous one, with the same steward and households. Squats follow one
// another quickly, so this is one step with one audit row.
import type { MoveCaseBody } from "@vindplaats/contracts";
import { uuidv7 } from "@vindplaats/domain";
import type { Ctx } from "../../http/context.ts";
import { conflict, invalidField } from "../../http/errors.ts";
import { audit } from "../audit/audit.service.ts";
import { requireActiveCodes } from "../value-lists/value-lists.service.ts";
import { type AddressInput, resolveAddress } from "./case-rules.ts";
import * as repo from "./cases.repo.ts";
import { insertNewCase, requireCase, stepCase } from "./cases.service.ts";

export async function moveCase(ctx: Ctx, id: string, body: MoveCaseBody) {
  const old = await requireCase(ctx, id);
  const newId = body.id ?? uuidv7();
  const existing = await repo.getCase(ctx.tx, newId);
  if (existing) {
    // A retried move answers with the case it opened the first time.
    if (existing.previous_case_id === id && existing.created_by === ctx.actor.userId) return existing;
    throw conflict("conflict", "id");
  }
  const address = await resolveAddress(ctx, body as AddressInput);
  if (address.addressKey === old.address_key) throw invalidField("street", "field.invalid");
  const intakeChannel = body.intakeChannel ?? old.intake_channel;
  if (body.intakeChannel) await requireActiveCodes(ctx, "intake_channel", [body.intakeChannel], "intakeChannel");
  if (await repo.currentCaseAt(ctx.tx, old.team_id, address.addressKey)) throw conflict("conflict", "street");

  const { day, households } = await stepCase(ctx, old, "closed", body.on, { reason: "moved", note: body.note ?? null });
  await insertNewCase(ctx, {
    id: newId,
    teamId: old.team_id,
    address,
    intakeChannel,
    summary: old.summary,
    openedOn: day,
    // The steward who knows the family keeps it; without one the case is still someone's.
    assigneeId: old.assignee_id ?? ctx.actor.userId,
    how: "moved",
    previousCaseId: id,
    householdIds: households,
  });
  await audit(ctx, {
    action: "case.moved",
    entityType: "case",
    entityId: newId,
    details: { previousCaseId: id, households: households.length },
  });
  return (await repo.getCase(ctx.tx, newId))!;
}
