// What the secrecy screens offer whom. It mirrors the API's policy (apps/api/src/modules/access/policy.ts)
// only to hide what a person cannot use; the API decides every request on its own. Kept tiny: the
// navigation imports it into the first-load bundle.
import type { SessionView } from "@vindplaats/contracts";

type Who = Pick<SessionView, "user" | "memberships">;

/** persons.work: team members share records and may open one in an emergency. */
export const canWorkWithPersons = (s: Who) => s.memberships.length > 0;
/** persons.read: team members and partners see what was shared with them. */
export const canReadShared = (s: Who) => canWorkWithPersons(s) || s.user.orgRoles.includes("partner");
/** breakglass.review: coordinators (for their teams' members) and the DPO (for everyone). */
export const canReviewBreakGlass = (s: Who) =>
  s.user.orgRoles.includes("dpo") || s.memberships.some((m) => m.role === "coordinator");
/** audit.read: the data protection officer only. */
export const canReadAudit = (s: Who) => s.user.orgRoles.includes("dpo");
