// What the interface offers whom, mirroring the API's reports policy only to hide what a person
// cannot use: figures for the director and coordinators, stories for team members. The API decides.
import type { SessionView } from "@vindplaats/contracts";

type Who = Pick<SessionView, "user" | "memberships">;

export const isDirector = (s: Who) => s.user.orgRoles.includes("director");
export const coordinatedTeams = (s: Who) => s.memberships.filter((m) => m.role === "coordinator");
export const canSeeFigures = (s: Who) => isDirector(s) || coordinatedTeams(s).length > 0;
export const canMarkStories = (s: Who) => s.memberships.length > 0;
export const canReadCatalogue = (s: Who) =>
  !(s.user.orgRoles.length === 1 && s.user.orgRoles[0] === "partner" && s.memberships.length === 0);
