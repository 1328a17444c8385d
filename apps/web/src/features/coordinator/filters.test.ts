import { describe, expect, it } from "vitest";
import { cleanFilters, parseFilters, sameFilters } from "./filters.ts";

const id = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";

describe("contact list filters in the address bar", () => {
  it("keeps known keys with plausible values only", () => {
    expect(
      parseFilters({
        from: "2026-01-01",
        to: "yesterday",
        teamId: id,
        placeId: "x",
        lifeDomain: "housing",
        limit: "9",
      }),
    ).toEqual({ from: "2026-01-01", teamId: id, lifeDomain: "housing" });
    expect(parseFilters({ action: "direct_help", lifeDomain: "Housing!" })).toEqual({ action: "direct_help" });
    expect(parseFilters({ action: "hug" })).toEqual({});
  });
  it("drops empty values and compares filter sets", () => {
    const a = cleanFilters({ teamId: id, workerId: "", lifeDomain: undefined });
    expect(a).toEqual({ teamId: id });
    expect(sameFilters(a, { teamId: id })).toBe(true);
    expect(sameFilters(a, { teamId: id, action: "life_world" })).toBe(false);
  });
});
