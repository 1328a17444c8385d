// Which of a user's teams is the current one. The choice is remembered per user on this device
// (localStorage); a remembered team the user no longer belongs to falls back to the first team.
import type { SessionView } from "@vindplaats/contracts";

export type Membership = SessionView["memberships"][number];

export const teamStorageKey = (userId: string) => `vindplaats.team.${userId}`;

export function pickCurrentTeam(memberships: Membership[], rememberedTeamId: string | null): Membership | null {
  return memberships.find((m) => m.teamId === rememberedTeamId) ?? memberships[0] ?? null;
}

export function readRememberedTeam(userId: string): string | null {
  try {
    return localStorage.getItem(teamStorageKey(userId));
  } catch {
    return null;
  }
}

export function rememberTeam(userId: string, teamId: string): void {
  try {
    localStorage.setItem(teamStorageKey(userId), teamId);
  } catch {
    // Storage unavailable: the choice lasts for this page only.
  }
}
