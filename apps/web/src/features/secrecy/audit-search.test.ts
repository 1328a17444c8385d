import { describe, expect, it } from "vitest";
import { parseAuditSearch } from "./audit-search.ts";

describe("parseAuditSearch", () => {
  it("keeps well-formed filters", () => {
    const search = {
      personId: "01a20977-8222-7001-91d9-aa7870e31637",
      actorUserId: "01a20971-5134-7002-bb8a-92546a0153bb",
      action: "person.break_glass",
      from: "2026-01-01",
      to: "2026-01-31",
    };
    expect(parseAuditSearch(search)).toEqual(search);
  });

  it("drops malformed or foreign values instead of sending them to the API", () => {
    expect(
      parseAuditSearch({
        personId: "not-an-id",
        actorUserId: 42,
        action: "person'; DROP",
        from: "1 januari",
        to: ["2026-01-31"],
        extra: "x",
      }),
    ).toEqual({});
  });

  it("trims what was pasted with spaces", () => {
    expect(parseAuditSearch({ personId: " 01a20977-8222-7001-91d9-aa7870e31637 " })).toEqual({
      personId: "01a20977-8222-7001-91d9-aa7870e31637",
    });
  });
});
