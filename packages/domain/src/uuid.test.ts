import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { UUID_PATTERN, uuidv7, uuidv7Timestamp } from "./uuid.ts";

describe("uuidv7", () => {
  it("has the RFC 9562 layout: version 7 and the 10xx variant", () => {
    const id = uuidv7();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(id).toMatch(UUID_PATTERN);
  });

  it("stays strictly increasing within one millisecond, even past the 12-bit counter", () => {
    const ms = Date.now() + 60_000;
    const ids = Array.from({ length: 10_000 }, () => uuidv7(ms));
    for (let i = 1; i < ids.length; i++) expect(ids[i]! > ids[i - 1]!).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(uuidv7Timestamp(ids[0]!)).toBe(ms);
  });

  it("never goes backwards when the clock does", () => {
    const later = Date.now() + 120_000;
    const a = uuidv7(later);
    const b = uuidv7(later - 5_000);
    expect(b > a).toBe(true);
    expect(uuidv7Timestamp(b)).toBeGreaterThanOrEqual(later);
  });

  it("round-trips its timestamp", () => {
    let next = Date.now() + 10 * 60_000;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (step) => {
        next += step;
        expect(uuidv7Timestamp(uuidv7(next))).toBe(next);
      }),
    );
  });
});
