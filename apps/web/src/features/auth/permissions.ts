// What the interface offers to whom. It mirrors the API's policy (apps/api/src/modules/access/policy.ts)
// only to hide what a person cannot use; the API decides every request on its own.
import type { SessionView } from "@vindplaats/contracts";

type Roles = Pick<SessionView["user"], "orgRoles">;

export const canManageOrg = (user: Roles) => user.orgRoles.includes("admin");
export const canSeeOrgOverview = (user: Roles) =>
  user.orgRoles.includes("director") || user.orgRoles.includes("dpo") || canManageOrg(user);
