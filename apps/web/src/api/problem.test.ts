import { describe, expect, it } from "vitest";
import { ApiError, fieldMessages, parseProblem, translateKey } from "./problem.ts";

describe("parseProblem", () => {
  it("reads key, detail and field errors of a problem+json body", () => {
    const error = parseProblem(400, {
      type: "https://vindplaats.org/problems/validation",
      title: "Bad Request",
      status: 400,
      key: "validation",
      detail: "Sommige gegevens zijn niet geldig.",
      field: "name",
      errors: [{ field: "name", key: "field.too_small", message: "…" }, { field: 3 }],
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.key).toBe("validation");
    expect(error.fields).toEqual([{ field: "name", key: "field.too_small" }]);
  });
  it("falls back to a generic key for bodies that are not problems", () => {
    expect(parseProblem(502, "<html>").key).toBe("internal");
    expect(parseProblem(401, null).key).toBe("unauthenticated");
    expect(parseProblem(404, {}).key).toBe("validation");
  });
  it("uses the single `field` when there is no errors array", () => {
    expect(parseProblem(409, { key: "email_taken", field: "email" }).fields).toEqual([
      { field: "email", key: "field.invalid" },
    ]);
  });
});

describe("translation by key", () => {
  it("translates problem and field keys into the interface language", () => {
    expect(translateKey("nl", "invalid_credentials")).toBe("E-mailadres of wachtwoord is niet juist.");
    expect(translateKey("fr", "field.required")).toBe("Ce champ est obligatoire.");
    expect(translateKey("en", "no.such.key")).toBeUndefined();
  });
  it("maps field errors to the top-level input name, first message wins", () => {
    const error = new ApiError(400, "validation", [
      { field: "geometry.coordinates.0", key: "field.invalid" },
      { field: "geometry", key: "field.required" },
      { field: "name", key: "field.too_big" },
    ]);
    expect(fieldMessages(error, "en")).toEqual({
      geometry: "This value is not valid.",
      name: "This value is too large or too long.",
    });
    expect(fieldMessages(new Error("x"), "en")).toEqual({});
  });
});
