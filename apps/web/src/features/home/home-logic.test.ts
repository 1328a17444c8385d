import { describe, expect, it } from "vitest";
import type { Place } from "../../api/org.ts";
import { firstName, greetingKey, groupPlaces, homeRole, initials } from "./home-logic.ts";

const team = { teamId: "t", teamName: "Straathoekwerk", teamKind: "street_work" as const };

describe("homeRole", () => {
  it("prefers the role in the current team", () => {
    expect(homeRole({ orgRoles: ["admin"] }, { ...team, role: "coordinator" })).toBe("coordinator");
    expect(homeRole({ orgRoles: [] }, { ...team, role: "worker" })).toBe("worker");
  });
  it("falls back to the organisation role", () => {
    expect(homeRole({ orgRoles: ["admin", "director"] }, null)).toBe("admin");
    expect(homeRole({ orgRoles: ["director"] }, null)).toBe("director");
    expect(homeRole({ orgRoles: ["dpo"] }, null)).toBe("director");
    expect(homeRole({ orgRoles: [] }, null)).toBe("none");
  });
});

describe("greetingKey", () => {
  it("follows the hour of the day", () => {
    expect(greetingKey(new Date(2026, 0, 1, 8))).toBe("greeting.morning");
    expect(greetingKey(new Date(2026, 0, 1, 13))).toBe("greeting.afternoon");
    expect(greetingKey(new Date(2026, 0, 1, 21))).toBe("greeting.evening");
    expect(greetingKey(new Date(2026, 0, 1, 2))).toBe("greeting.evening");
  });
});

describe("groupPlaces", () => {
  const place = (name: string, neighbourhoodId: string, neighbourhoodName: string): Place => ({
    id: `${neighbourhoodId}-${name}`,
    name,
    neighbourhoodId,
    neighbourhoodName,
    kind: "public",
    isActive: true,
  });
  it("groups by neighbourhood and sorts both levels by name", () => {
    const groups = groupPlaces(
      [place("Station", "b", "Rabot"), place("Plein", "a", "Brugse Poort"), place("Kaai", "b", "Rabot")],
      "nl",
    );
    expect(groups.map((g) => g.neighbourhoodName)).toEqual(["Brugse Poort", "Rabot"]);
    expect(groups[1]?.places.map((p) => p.name)).toEqual(["Kaai", "Station"]);
  });
});

describe("names", () => {
  it("takes the first name and initials", () => {
    expect(firstName("Coralie Coördinator")).toBe("Coralie");
    expect(initials("Coralie Coördinator")).toBe("CC");
    expect(initials("Ada")).toBe("A");
  });
});
