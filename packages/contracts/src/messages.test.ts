import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ERROR_MESSAGES, errorMessage, pickLocale } from "./messages.ts";
import { ERROR_KEYS } from "./problem.ts";

describe("pickLocale", () => {
  it("defaults to Dutch", () => {
    expect(pickLocale(undefined)).toBe("nl");
    expect(pickLocale("")).toBe("nl");
    expect(pickLocale("de-DE,de;q=0.9")).toBe("nl");
    expect(pickLocale("*")).toBe("nl");
  });

  it("picks the best-ranked supported language", () => {
    expect(pickLocale("fr")).toBe("fr");
    expect(pickLocale("fr-BE,fr;q=0.9,nl;q=0.8")).toBe("fr");
    expect(pickLocale("en-GB,en;q=0.9")).toBe("en");
    expect(pickLocale("de,en;q=0.5,fr;q=0.7")).toBe("fr");
    expect(pickLocale("FR-be")).toBe("fr");
    expect(pickLocale("fr;q=0.5, nl")).toBe("nl");
  });

  it("never throws and always returns nl, en or fr", () => {
    const tag = fc.oneof(fc.constantFrom("nl", "en", "fr", "de", "nl-BE", "fr-BE", "*", ""), fc.string());
    const part = fc
      .tuple(tag, fc.option(fc.oneof(fc.double(), fc.string())))
      .map(([t, q]) => (q === null ? t : `${t};q=${q}`));
    const header = fc.oneof(
      fc.string(),
      fc.array(part).map((parts) => parts.join(",")),
    );
    fc.assert(
      fc.property(header, (h) => {
        expect(["nl", "en", "fr"]).toContain(pickLocale(h));
      }),
    );
  });
});

describe("error messages", () => {
  it("has every error key in every language", () => {
    for (const locale of ["nl", "en", "fr"] as const) {
      for (const key of ERROR_KEYS) expect(ERROR_MESSAGES[locale][key], `${locale} ${key}`).toBeTruthy();
    }
  });

  it("has the same keys (field messages included) in every language", () => {
    const keys = (locale: "nl" | "en" | "fr") => Object.keys(ERROR_MESSAGES[locale]).sort();
    expect(keys("fr")).toEqual(keys("nl"));
    expect(keys("en")).toEqual(keys("nl"));
  });

  it("falls back to the key for an unknown message", () => {
    expect(errorMessage("fr", "csrf")).toBe(ERROR_MESSAGES.fr.csrf);
    expect(errorMessage("nl", "no.such.key")).toBe("no.such.key");
  });
});
