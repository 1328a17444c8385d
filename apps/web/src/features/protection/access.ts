// What the interface offers whom, mirroring the API's policy only to hide what a person cannot use:
// the administrator and the DPO read retention and the register; only the administrator sets periods.
import type { SessionView } from "@vindplaats/contracts";

type Who = Pick<SessionView, "user">;

export const canReadProtection = (s: Who) => s.user.orgRoles.includes("admin") || s.user.orgRoles.includes("dpo");
export const canManageRetention = (s: Who) => s.user.orgRoles.includes("admin");
