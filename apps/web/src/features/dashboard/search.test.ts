import { describe, expect, it } from "vitest";
import { defaultPeriod, parseDashboardSearch } from "./search.ts";

describe("dashboard search", () => {
  it("keeps valid days and ids and drops the rest", () => {
    const id = "0190b3a4-5c6d-7e8f-9a0b-1c2d3e4f5a6b";
    expect(
      parseDashboardSearch({ from: "2025-01-01", to: "2025-12-31", teamId: id, neighbourhoodId: "x", extra: 1 }),
    ).toEqual({
      from: "2025-01-01",
      to: "2025-12-31",
      teamId: id,
    });
    expect(parseDashboardSearch({ from: "2025-06-01", to: "2025-01-01" })).toEqual({ from: "2025-06-01" });
  });

  it("defaults to this year so far in Brussels", () => {
    expect(defaultPeriod(new Date("2025-12-31T23:30:00Z"))).toEqual({ from: "2026-01-01", to: "2026-01-01" });
    expect(defaultPeriod(new Date("2025-06-15T10:00:00Z"))).toEqual({ from: "2025-01-01", to: "2025-06-15" });
  });
});
