// Checks shared by the case, trajectory, referral and task services: days, addresses, team members.
import { type Address, addressKey, brusselsDay } from "@vindplaats/domain";
import type { Ctx } from "../../http/context.ts";
import { AppError, invalidField } from "../../http/errors.ts";
import { getNeighbourhood } from "../places/places.repo.ts";

/** Today in Brussels by the application's clock. */
export const today = (ctx: Ctx) => brusselsDay(ctx.clock.now());

/** A day on which something happened: not after today, and not before `notBefore` when given. */
export function requirePastDay(ctx: Ctx, day: string, field: string, notBefore?: string | null): string {
  if (day > today(ctx)) throw invalidField(field, "field.in_future");
  if (notBefore && day < notBefore) throw invalidField(field, "field.in_past");
  return day;
}

export interface AddressInput extends Address {
  neighbourhoodId?: string | null | undefined;
  isOutside: boolean;
}

/**
 * An address is in one of the organisation's neighbourhoods, or explicitly flagged as outside them:
 * no neighbourhood without the flag is refused, naming the flag, so nobody drops a case by accident.
 */
export async function resolveAddress(ctx: Ctx, a: AddressInput) {
  if (a.isOutside && a.neighbourhoodId) throw invalidField("neighbourhoodId", "field.invalid");
  if (!a.isOutside && !a.neighbourhoodId) {
    throw new AppError(422, "validation", [
      { field: "isOutside", key: "field.required" },
      { field: "neighbourhoodId", key: "field.required" },
    ]);
  }
  if (a.neighbourhoodId) {
    const n = await getNeighbourhood(ctx.tx, a.neighbourhoodId);
    if (!n) throw invalidField("neighbourhoodId", "field.not_found");
    if (!n.isActive) throw invalidField("neighbourhoodId", "field.inactive");
  }
  return {
    street: a.street,
    houseNumber: a.houseNumber,
    box: a.box ?? null,
    postcode: a.postcode,
    addressKey: addressKey(a),
    neighbourhoodId: a.neighbourhoodId ?? null,
    isOutside: a.isOutside,
  };
}

/** An active member of the team (a steward to assign, a worker to give a task). */
export async function requireTeamMember(ctx: Ctx, teamId: string, userId: string, field: string) {
  const rows = await ctx.tx.query(
    `SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.team_id = $1 AND m.user_id = $2 AND m.is_active AND u.is_active`,
    [teamId, userId],
  );
  if (!rows.length) throw invalidField(field, "field.not_found");
}
