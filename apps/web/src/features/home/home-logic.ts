// Pure helpers of the home screens: which home a person sees, the greeting of the hour and the
// grouping of places by neighbourhood.
import type { SessionView } from "@vindplaats/contracts";
import type { Place } from "../../api/org.ts";
import type { Membership } from "../shell/team-choice.ts";

export type HomeRole = "coordinator" | "worker" | "admin" | "director" | "none";

/** The role in the current team wins (that is the daily work); otherwise the organisation role. */
export function homeRole(user: Pick<SessionView["user"], "orgRoles">, team: Membership | null): HomeRole {
  if (team) return team.role;
  if (user.orgRoles.includes("admin")) return "admin";
  if (user.orgRoles.includes("director") || user.orgRoles.includes("dpo")) return "director";
  return "none";
}

export function greetingKey(now: Date): "greeting.morning" | "greeting.afternoon" | "greeting.evening" {
  const hour = now.getHours();
  if (hour >= 5 && hour < 12) return "greeting.morning";
  if (hour >= 12 && hour < 18) return "greeting.afternoon";
  return "greeting.evening";
}

export const firstName = (displayName: string) => displayName.trim().split(/\s+/)[0] ?? displayName;

export interface PlaceGroup {
  neighbourhoodId: string;
  neighbourhoodName: string;
  places: Place[];
}

/** Places grouped by neighbourhood, both sorted by name in the interface language. */
export function groupPlaces(places: Place[], locale: string): PlaceGroup[] {
  const collator = new Intl.Collator(locale, { sensitivity: "base", numeric: true });
  const groups = new Map<string, PlaceGroup>();
  for (const place of places) {
    let group = groups.get(place.neighbourhoodId);
    if (!group) {
      group = { neighbourhoodId: place.neighbourhoodId, neighbourhoodName: place.neighbourhoodName, places: [] };
      groups.set(place.neighbourhoodId, group);
    }
    group.places.push(place);
  }
  const sorted = [...groups.values()].sort((a, b) => collator.compare(a.neighbourhoodName, b.neighbourhoodName));
  for (const g of sorted) g.places.sort((a, b) => collator.compare(a.name, b.name));
  return sorted;
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]![0], parts[parts.length - 1]![0]] : [parts[0]?.[0]];
  return letters.join("").toUpperCase();
}
