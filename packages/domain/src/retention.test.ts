import { describe, expect, it } from "vitest";
import { RETENTION_CATEGORIES, RETENTION_DEFAULTS, retentionCutoff } from "./retention.ts";

describe("retentionCutoff", () => {
  it("goes back whole calendar months", () => {
    expect(retentionCutoff(new Date("2030-06-15T03:30:00Z"), 60).toISOString()).toBe("2025-06-15T03:30:00.000Z");
    expect(retentionCutoff(new Date("2030-01-10T00:00:00Z"), 1).toISOString()).toBe("2029-12-10T00:00:00.000Z");
  });

  it("lands on the last day of a shorter month", () => {
    expect(retentionCutoff(new Date("2030-03-31T12:00:00Z"), 1).toISOString()).toBe("2030-02-28T12:00:00.000Z");
    expect(retentionCutoff(new Date("2028-03-31T12:00:00Z"), 1).toISOString()).toBe("2028-02-29T12:00:00.000Z");
  });
});

describe("defaults", () => {
  it("has a default for every category, person data off until the organisation decides", () => {
    for (const c of RETENTION_CATEGORIES) expect(RETENTION_DEFAULTS[c].keepMonths).toBeGreaterThan(0);
    expect(RETENTION_DEFAULTS.inactive_persons).toMatchObject({
      action: "anonymise",
      keepMonths: 60,
      isEnabled: false,
    });
    expect(RETENTION_DEFAULTS.sessions.isEnabled).toBe(true);
  });
});
