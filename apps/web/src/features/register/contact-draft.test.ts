import type { ContactView } from "@vindplaats/contracts";
import { describe, expect, it } from "vitest";
import { draftFromLast, newDraft, toContactBody, toggle } from "./contact-draft.ts";

const team = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
// 21:30 on 1 July in Brussels is 19:30 UTC (summer time).
const now = new Date("2026-07-01T19:30:12Z");

describe("the contact draft", () => {
  it("starts now in Brussels time, 15 minutes, with client ids that stay the same", () => {
    const draft = newDraft(now);
    expect(draft).toMatchObject({ date: "2026-07-01", time: "21:30", durationMinutes: 15, mode: "standard" });
    const body = toContactBody({ ...draft, headCounts: [{ ...draft.headCounts[0]!, count: 1 }] }, team, null);
    expect(body.id).toBe(draft.id);
    expect(body.startedAt).toBe("2026-07-01T19:30:00.000Z");
    expect(toContactBody(draft, team, null).id).toBe(body.id);
  });

  it("sends known and new persons apart, merges head counts and drops empty extras", () => {
    const draft = {
      ...newDraft(now),
      placeId: team,
      persons: [
        { id: "a", nickname: "Zoë" },
        { id: "b", nickname: "Mo", isNew: true },
      ],
      headCounts: [
        { key: "1", ageBand: "18_25", gender: null, count: 2 },
        { key: "2", ageBand: "18_25", gender: null, count: 1 },
        { key: "3", ageBand: null, gender: "woman", count: 0 },
      ],
      note: "  ",
      followUp: { id: "f", title: "", dueOn: "" },
    };
    const body = toContactBody(draft, team, "hood");
    expect(body.personIds).toEqual(["a"]);
    expect(body.newPersons).toEqual([{ id: "b", nickname: "Mo", usualNeighbourhoodId: "hood" }]);
    expect(body.anonymous).toEqual([{ ageBand: "18_25", gender: null, count: 3 }]);
    expect(body.note).toBeNull();
    expect(body.followUp).toBeNull();
  });

  it("repeats the last contact's place, people and Quick Scan but never its note", () => {
    const last = {
      id: "x",
      durationMinutes: 30,
      placeId: "p",
      personIds: ["a"],
      groupId: null,
      anonymous: [{ ageBand: null, gender: "man", count: 2 }],
      cameAbout: ["own_observation"],
      workingRelationship: [],
      actions: ["direct_help"],
      lifeDomains: ["housing"],
      note: "secret",
    } as unknown as ContactView;
    const draft = draftFromLast(last, now);
    expect(draft).toMatchObject({
      mode: "repeat",
      placeId: "p",
      durationMinutes: 30,
      lifeDomains: ["housing"],
      note: "",
    });
    expect(draft.persons).toEqual([{ id: "a", nickname: null }]);
    expect(draft.id).not.toBe("x");
    expect(draft.headCounts.map((h) => h.count)).toEqual([2]);
  });

  it("toggles a value in or out of a list", () => {
    expect(toggle(["a", "b"], "a")).toEqual(["b"]);
    expect(toggle(["a"], "c")).toEqual(["a", "c"]);
  });
});
