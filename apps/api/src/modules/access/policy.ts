// Who may do what: the one place where roles turn into permissions. Routes name a permission;
// services ask `can(actor, permission)`; nothing else compares role names.
import type { OrgRole, TeamRole } from "@vindplaats/domain";
import type { Actor } from "../../http/context.ts";

type Role = OrgRole | TeamRole;

export const PERMISSIONS = {
  /** Acting on one's own account and session; every signed-in user. */
  self: ["admin", "director", "dpo", "partner", "coordinator", "worker"],
  /** Manage teams, users, memberships, neighbourhoods, places and value lists. */
  "org.manage": ["admin"],
  /** Read the organisation's reference data (teams, places, neighbourhoods). */
  "org.read": ["admin", "director", "dpo", "coordinator", "worker"],
  /** Register and read persons, households, groups and contacts of one's own teams. */
  "persons.work": ["coordinator", "worker"],
  /** Read person records: own teams' records, and records shared with one's team or oneself. */
  "persons.read": ["coordinator", "worker", "partner"],
  /** Merge duplicate person records and undo merges. */
  "persons.merge": ["coordinator"],
  /** Register contacts for one's own teams. */
  "contacts.work": ["coordinator", "worker"],
  /** Review break-the-glass accesses (coordinators for their teams, the DPO for all). */
  "breakglass.review": ["coordinator", "dpo"],
  /** Read the audit trail. */
  "audit.read": ["dpo"],
  /** Export contact lists of one's own teams. */
  "contacts.export": ["coordinator"],
  /** Keep an encrypted offline copy of one's teams' working set on a device, and push work done offline. */
  "sync.use": ["coordinator", "worker"],
  /** See the sync conflicts and refused offline mutations of one's teams. */
  "sync.review": ["coordinator"],
  /** Work with the address cases, trajectories, referrals and tasks of one's own teams. */
  "cases.work": ["coordinator", "worker"],
  /** Figures, trends and yearly reports: the director department-wide (always suppressed), coordinators for their teams. */
  "reports.read": ["director", "coordinator"],
  /** Open the contacts behind a figure, within one's own teams; never the director. */
  "reports.drill": ["coordinator"],
  /** Mark an anonymised quote for the yearly report, with the person's consent. */
  "stories.write": ["coordinator", "worker"],
  /** Read the retention periods and the retention job's dry-run report. */
  "retention.read": ["admin", "dpo"],
  /** Set the retention periods per data category. */
  "retention.manage": ["admin"],
  /** Read the register of processing (GDPR art. 30). */
  "register.read": ["admin", "dpo"],
  /**
   * Handle data subject requests: find the person, export everything about them with who accessed it,
   * rectify (with history), restrict and lift a restriction. Reads across need-to-know, audited.
   */
  "subject_rights.handle": ["dpo"],
  /** Anonymise or erase a person's record on request: irreversible, audited. */
  "subject_rights.erase": ["dpo"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function rolesOf(actor: Pick<Actor, "orgRoles" | "memberships">): Set<Role> {
  const roles = new Set<Role>(actor.orgRoles);
  for (const m of actor.memberships) roles.add(m.role);
  return roles;
}

export function can(actor: Pick<Actor, "orgRoles" | "memberships">, permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  const roles = rolesOf(actor);
  return allowed.some((r) => roles.has(r));
}

/** The roles that must sign in with a second factor under the default rule ("privileged"). */
export const SECOND_FACTOR_ROLES: readonly Role[] = ["admin", "dpo", "coordinator"];

/** Whether the organisation's second-factor rule applies to this account. */
export function needsSecondFactor(
  actor: Pick<Actor, "orgRoles" | "memberships">,
  rule: "privileged" | "everyone" | "off",
): boolean {
  if (rule === "everyone") return true;
  if (rule === "off") return false;
  const roles = rolesOf(actor);
  return SECOND_FACTOR_ROLES.some((r) => roles.has(r));
}
