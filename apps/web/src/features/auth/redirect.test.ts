import { describe, expect, it } from "vitest";
import { safeRedirect } from "./redirect.ts";

describe("safeRedirect", () => {
  it("keeps paths inside the app", () => {
    expect(safeRedirect("/admin/places?x=1")).toBe("/admin/places?x=1");
  });
  it("sends everything else home", () => {
    for (const bad of [undefined, "", "https://evil.example", "//evil.example", "/\\evil", "/sign-in"]) {
      expect(safeRedirect(bad)).toBe("/");
    }
  });
});
