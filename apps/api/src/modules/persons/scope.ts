// The teams whose records an actor works with. Content follows the team: workers and coordinators
// see what their teams know; organisation roles (director, admin, DPO) see no case content here.
import type { Actor } from "../../http/context.ts";
import { invalidField } from "../../http/errors.ts";

export function contentTeamIds(actor: Actor): string[] {
  return actor.memberships.map((m) => m.teamId);
}

export function isCoordinatorOf(actor: Actor, teamId: string): boolean {
  return actor.memberships.some((m) => m.teamId === teamId && m.role === "coordinator");
}

/** A team named in a request must be one of the actor's teams. */
export function requireOwnTeam(actor: Actor, teamId: string, field = "teamId"): void {
  if (!actor.memberships.some((m) => m.teamId === teamId)) throw invalidField(field, "field.not_found");
}
