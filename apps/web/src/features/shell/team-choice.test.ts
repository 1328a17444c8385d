import { describe, expect, it } from "vitest";
import { type Membership, pickCurrentTeam } from "./team-choice.ts";

const street: Membership = { teamId: "a", teamName: "Straathoekwerk", teamKind: "street_work", role: "coordinator" };
const night: Membership = { teamId: "b", teamName: "Nachtploeg", teamKind: "night_patrol", role: "worker" };

describe("pickCurrentTeam", () => {
  it("uses the remembered team when the user still belongs to it", () => {
    expect(pickCurrentTeam([street, night], "b")).toBe(night);
  });
  it("falls back to the first team, or none", () => {
    expect(pickCurrentTeam([street, night], "gone")).toBe(street);
    expect(pickCurrentTeam([street, night], null)).toBe(street);
    expect(pickCurrentTeam([], "a")).toBeNull();
  });
});
