import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, brusselsDay, brusselsToInstant, startOfBrusselsDay } from "./time.ts";

const HOUR = 3_600_000;

describe("brusselsDay", () => {
  it("switches day at Brussels midnight in winter time (UTC+1)", () => {
    expect(brusselsDay(new Date("2026-01-15T22:59:59Z"))).toBe("2026-01-15");
    expect(brusselsDay(new Date("2026-01-15T23:00:00Z"))).toBe("2026-01-16");
  });

  it("switches day at Brussels midnight in summer time (UTC+2)", () => {
    expect(brusselsDay(new Date("2026-07-15T21:59:59Z"))).toBe("2026-07-15");
    expect(brusselsDay(new Date("2026-07-15T22:00:00Z"))).toBe("2026-07-16");
  });

  it("handles New Year's Eve", () => {
    expect(brusselsDay(new Date("2026-12-31T22:59:59Z"))).toBe("2026-12-31");
    expect(brusselsDay(new Date("2026-12-31T23:00:00Z"))).toBe("2027-01-01");
  });
});

describe("brusselsToInstant", () => {
  it("converts wall-clock times around the spring switch (2026-03-29, 02:00 -> 03:00)", () => {
    expect(brusselsToInstant("2026-03-29", "00:00").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(brusselsToInstant("2026-03-29", "01:59").toISOString()).toBe("2026-03-29T00:59:00.000Z");
    expect(brusselsToInstant("2026-03-29", "03:00").toISOString()).toBe("2026-03-29T01:00:00.000Z");
    expect(brusselsToInstant("2026-03-30", "00:00").toISOString()).toBe("2026-03-29T22:00:00.000Z");
    // 02:30 does not exist that night; it must land inside the gap's neighbourhood, on the same day.
    const gap = brusselsToInstant("2026-03-29", "02:30");
    expect(brusselsDay(gap)).toBe("2026-03-29");
    expect(Math.abs(gap.getTime() - Date.parse("2026-03-29T01:00:00Z"))).toBeLessThanOrEqual(HOUR);
  });

  it("converts wall-clock times around the autumn switch (2026-10-25, 03:00 -> 02:00)", () => {
    expect(brusselsToInstant("2026-10-25", "00:00").toISOString()).toBe("2026-10-24T22:00:00.000Z");
    expect(brusselsToInstant("2026-10-25", "01:30").toISOString()).toBe("2026-10-24T23:30:00.000Z");
    expect(brusselsToInstant("2026-10-25", "03:00").toISOString()).toBe("2026-10-25T02:00:00.000Z");
    expect(brusselsToInstant("2026-10-26", "00:00").toISOString()).toBe("2026-10-25T23:00:00.000Z");
    // 02:30 happens twice; either occurrence is a correct answer.
    expect(["2026-10-25T00:30:00.000Z", "2026-10-25T01:30:00.000Z"]).toContain(
      brusselsToInstant("2026-10-25", "02:30").toISOString(),
    );
  });

  it("gives the switch days 23 and 25 hours", () => {
    const length = (day: string) => startOfBrusselsDay(addDays(day, 1)).getTime() - startOfBrusselsDay(day).getTime();
    expect(length("2026-03-29")).toBe(23 * HOUR);
    expect(length("2026-10-25")).toBe(25 * HOUR);
    expect(length("2026-06-01")).toBe(24 * HOUR);
  });

  it("round-trips any existing wall-clock time back to the same Brussels day", () => {
    const day = fc
      .date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2090-12-31T00:00:00Z"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    const time = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`);
    fc.assert(
      fc.property(day, time, (d, t) => {
        expect(brusselsDay(brusselsToInstant(d, t))).toBe(d);
      }),
    );
  });

  it("is the inverse of formatting an instant in Brussels (outside the ambiguous autumn hour)", () => {
    const wall = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Brussels", hour: "2-digit", minute: "2-digit" });
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2080-01-01T00:00:00Z"), noInvalidDate: true }),
        (raw) => {
          const instant = new Date(Math.floor(raw.getTime() / 60_000) * 60_000);
          const back = brusselsToInstant(brusselsDay(instant), wall.format(instant));
          const sameWallClock =
            back.getTime() === instant.getTime() || Math.abs(back.getTime() - instant.getTime()) === HOUR;
          expect(sameWallClock).toBe(true);
          if (back.getTime() !== instant.getTime()) expect(wall.format(back)).toBe(wall.format(instant));
        },
      ),
    );
  });
});

describe("addDays", () => {
  it("counts calendar days across month ends and switch days", () => {
    expect(addDays("2026-03-28", 1)).toBe("2026-03-29");
    expect(addDays("2026-03-29", 1)).toBe("2026-03-30");
    expect(addDays("2026-10-25", 1)).toBe("2026-10-26");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
  });
});
