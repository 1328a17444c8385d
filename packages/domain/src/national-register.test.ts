import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isValidNationalRegisterNumber,
  makeNationalRegisterNumber,
  normalizeNationalRegisterNumber,
  parseNationalRegisterNumber,
} from "./national-register.ts";

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** Any real calendar day between 1901 and 2099. */
const birthDate = fc
  .date({ min: new Date("1901-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const serial = fc.integer({ min: 1, max: 998 });

describe("national register numbers", () => {
  it("accepts numbers of people born before 2000", () => {
    const n = makeNationalRegisterNumber("1985-07-14", 123);
    expect(n).toBe("85071412330");
    expect(parseNationalRegisterNumber(n)).toEqual({ normalized: n, birthDate: "1985-07-14", sex: "m" });
  });

  it("accepts numbers of people born from 2000, whose checksum is computed with a leading 2", () => {
    const n = makeNationalRegisterNumber("2003-02-01", 42);
    expect(parseNationalRegisterNumber(n)).toEqual({ normalized: n, birthDate: "2003-02-01", sex: "f" });
    // The same digits are not valid under the pre-2000 rule.
    const body = n.slice(0, 9);
    expect(n.slice(9)).not.toBe(pad(97 - (Number(body) % 97)));
  });

  it("rejects a wrong checksum", () => {
    const n = makeNationalRegisterNumber("1985-07-14", 123);
    const wrong = `${n.slice(0, 9)}${pad((Number(n.slice(9)) % 97) + 1)}`;
    expect(isValidNationalRegisterNumber(wrong)).toBe(false);
  });

  it("accepts formatting with dots, dashes and spaces", () => {
    const n = makeNationalRegisterNumber("1985-07-14", 123);
    const formatted = `${n.slice(0, 2)}.${n.slice(2, 4)}.${n.slice(4, 6)}-${n.slice(6, 9)}.${n.slice(9)}`;
    expect(formatted).toBe("85.07.14-123.30");
    expect(normalizeNationalRegisterNumber(" 85.07.14-123.30 ")).toBe(n);
    expect(parseNationalRegisterNumber(formatted)?.normalized).toBe(n);
    expect(isValidNationalRegisterNumber("85 07 14 123 30")).toBe(true);
  });

  it("rejects wrong lengths and other characters", () => {
    for (const input of ["", "8507141233", "850714123345", "85O7141233A", "85/07/14-123.34"]) {
      expect(isValidNationalRegisterNumber(input)).toBe(false);
    }
  });

  it("accepts bis numbers (month +20 or +40) and unknown birth dates", () => {
    const bisUnknownSex = makeNationalRegisterNumber("1990-25-10", 7);
    expect(parseNationalRegisterNumber(bisUnknownSex)?.birthDate).toBe("1990-05-10");
    const bisKnownSex = makeNationalRegisterNumber("2001-52-31", 8);
    expect(parseNationalRegisterNumber(bisKnownSex)?.birthDate).toBe("2001-12-31");
    const unknownDay = makeNationalRegisterNumber("1970-00-00", 9);
    expect(parseNationalRegisterNumber(unknownDay)).toMatchObject({ birthDate: null, sex: "m" });
  });

  it("rejects impossible dates and serials", () => {
    expect(isValidNationalRegisterNumber(makeNationalRegisterNumber("1990-02-30", 5))).toBe(false);
    expect(isValidNationalRegisterNumber(makeNationalRegisterNumber("1900-02-29", 5))).toBe(false);
    expect(isValidNationalRegisterNumber(makeNationalRegisterNumber("2000-02-29", 5))).toBe(true);
    expect(isValidNationalRegisterNumber(makeNationalRegisterNumber("1990-13-01", 5))).toBe(false);
    expect(isValidNationalRegisterNumber(makeNationalRegisterNumber("1990-05-32", 5))).toBe(false);
    expect(isValidNationalRegisterNumber(makeNationalRegisterNumber("1990-05-10", 0))).toBe(false);
  });

  it("accepts only months 00-12 (regular), 20-32 and 40-52 (bis)", () => {
    const allowed = (mm: number) => mm <= 12 || (mm >= 20 && mm <= 32) || (mm >= 40 && mm <= 52);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 28 }), serial, (mm, dd, s) => {
        const n = makeNationalRegisterNumber(`1980-${pad(mm)}-${pad(dd)}`, s);
        expect(isValidNationalRegisterNumber(n)).toBe(allowed(mm));
      }),
    );
  });

  it("always validates what makeNationalRegisterNumber builds, with the birth date and sex it encodes", () => {
    fc.assert(
      fc.property(birthDate, serial, (day, s) => {
        const info = parseNationalRegisterNumber(makeNationalRegisterNumber(day, s));
        expect(info).toEqual({ normalized: expect.any(String), birthDate: day, sex: s % 2 === 1 ? "m" : "f" });
      }),
    );
  });

  it("detects any single-digit change", () => {
    fc.assert(
      fc.property(
        birthDate,
        serial,
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1, max: 9 }),
        (day, s, position, delta) => {
          const n = makeNationalRegisterNumber(day, s);
          const digit = (Number(n[position]) + delta) % 10;
          const changed = `${n.slice(0, position)}${digit}${n.slice(position + 1)}`;
          const info = parseNationalRegisterNumber(changed);
          // The scheme has two checksums (before and from 2000), so a change can at most turn the
          // number into a valid one of the other century; it can never pass for the same person.
          if (info) expect(info.birthDate?.slice(0, 2)).not.toBe(day.slice(0, 2));
        },
      ),
    );
  });
});
