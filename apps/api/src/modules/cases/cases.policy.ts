// Who may do what with a case beyond working on it (the route's "cases.work" permission).
import type { Actor } from "../../http/context.ts";
import { isCoordinatorOf } from "../persons/scope.ts";

/** The team's coordinator shares cases out; a steward may hand over a case they hold. */
export function mayReassign(actor: Actor, c: { team_id: string; assignee_id: string | null }): boolean {
  return isCoordinatorOf(actor, c.team_id) || c.assignee_id === actor.userId;
}
