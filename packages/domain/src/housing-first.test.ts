import { describe, expect, it } from "vitest";
import { addMonths, checkpointDueOn, housingRetention, isCheckpointDue, type Tenancy } from "./housing-first.ts";

describe("checkpoint dates", () => {
  it("adds months and clamps to the end of a shorter month", () => {
    expect(addMonths("2022-01-15", 6)).toBe("2022-07-15");
    expect(addMonths("2022-08-31", 6)).toBe("2023-02-28");
    expect(addMonths("2023-08-31", 6)).toBe("2024-02-29");
    expect(addMonths("2022-11-30", 12)).toBe("2023-11-30");
    expect(addMonths("2022-12-01", 24)).toBe("2024-12-01");
  });

  it("is due on the day itself, not the day before", () => {
    expect(checkpointDueOn("2022-03-10", 6)).toBe("2022-09-10");
    expect(isCheckpointDue("2022-03-10", 6, "2022-09-09")).toBe(false);
    expect(isCheckpointDue("2022-03-10", 6, "2022-09-10")).toBe(true);
  });
});

describe("housing retention", () => {
  const housed = (housedOn: string, checkpoints: Tenancy["checkpoints"] = {}): Tenancy => ({ housedOn, checkpoints });

  it("leaves a checkpoint that is not yet due out of the rate", () => {
    const figure = housingRetention(
      [housed("2022-01-01", { 6: "still_housed" }), housed("2022-10-01")],
      "2023-01-01",
      6,
    );
    expect(figure).toMatchObject({ housed: 2, notYetDue: 1, stillHoused: 1, rate: 1 });
  });

  it("ignores an outcome recorded for a checkpoint that is not due", () => {
    const figure = housingRetention([housed("2022-10-01", { 6: "not_housed" })], "2023-01-01", 6);
    expect(figure).toMatchObject({ housed: 1, notYetDue: 1, notHoused: 0, rate: null });
  });

  it("does not count people housed after the reference day", () => {
    expect(housingRetention([housed("2023-02-01", { 6: "still_housed" })], "2023-01-01").housed).toBe(0);
  });

  it("counts lost to follow-up as not retained", () => {
    const figure = housingRetention(
      [housed("2022-01-01", { 12: "still_housed" }), housed("2022-01-01", { 12: "lost_to_follow_up" })],
      "2023-06-01",
      12,
    );
    expect(figure).toMatchObject({ stillHoused: 1, lostToFollowUp: 1, rate: 0.5 });
  });

  it("counts someone re-housed as retained at the later checkpoint, not at the earlier one", () => {
    const rehoused = housed("2021-01-01", { 6: "not_housed", 12: "still_housed" });
    expect(housingRetention([rehoused], "2022-06-01", 6)).toMatchObject({ notHoused: 1, rate: 0 });
    expect(housingRetention([rehoused], "2022-06-01", 12)).toMatchObject({ stillHoused: 1, rate: 1 });
    expect(housingRetention([rehoused], "2022-06-01")).toMatchObject({ stillHoused: 1, rate: 1 });
  });

  it("keeps a due checkpoint without an outcome pending, outside the rate", () => {
    const figure = housingRetention(
      [housed("2022-01-01"), housed("2022-01-01", { 6: "still_housed" })],
      "2022-08-01",
      6,
    );
    expect(figure).toMatchObject({ pending: 1, stillHoused: 1, rate: 1 });
  });

  it("uses the latest due checkpoint with an outcome for the overall figure", () => {
    const tenancies = [
      housed("2020-01-01", { 6: "still_housed", 12: "still_housed", 24: "not_housed" }),
      housed("2021-06-01", { 6: "still_housed" }), // 12 due but not recorded: the 6-month outcome counts
      housed("2022-05-01"), // nothing due yet
    ];
    expect(housingRetention(tenancies, "2022-07-01")).toMatchObject({
      housed: 3,
      notYetDue: 1,
      stillHoused: 1,
      notHoused: 1,
      rate: 0.5,
    });
  });

  it("reproduces a 94% figure", () => {
    const tenancies = Array.from({ length: 50 }, (_, i) =>
      housed("2021-01-01", { 12: i < 47 ? "still_housed" : "not_housed" }),
    );
    expect(housingRetention(tenancies, "2022-12-31", 12).rate).toBeCloseTo(0.94);
  });
});
