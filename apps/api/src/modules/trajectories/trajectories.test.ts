// Trajectories through the API: goals per life domain, steps, participants, partners, case
// conferences, Housing First checkpoints and retention, invalid steps and scope.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { audited } from "../../../test/audit.ts";
import { seedOrg } from "../../../test/factories.ts";
import { createHarness, type Harness, rowCounts, type Session, signIn } from "../../../test/harness.ts";

let h: Harness;
let org: Awaited<ReturnType<typeof seedOrg>>;
let worker: Session;
let workerB: Session;
let personId: string;

const start = (s: Session, body: Record<string, unknown>) =>
  s.request({
    method: "POST",
    url: "/api/v1/trajectories",
    payload: { teamId: org.teamA, kind: "housing", title: "Naar een eigen woning", ...body },
  });

beforeAll(async () => {
  h = await createHarness();
  h.clock.set("2024-03-01T10:00:00Z");
  org = await seedOrg(h.db);
  worker = await signIn(h.app, org.emails.workerA);
  workerB = await signIn(h.app, org.emails.workerB);
  personId = (
    await worker.request({ method: "POST", url: "/api/v1/persons", payload: { teamId: org.teamA, nickname: "Mirela" } })
  ).json().id;
});
afterAll(() => h.close());

describe("trajectories", () => {
  it("holds goals per life domain, steps, participants, partners and case-conference notes, each write audited once", async () => {
    const t = (await start(worker, { participantIds: [personId], startedOn: "2024-01-10" })).json();
    expect(t).toMatchObject({ status: "active", kind: "housing", startedOn: "2024-01-10" });
    const post = (path: string, payload: Record<string, unknown>) =>
      audited(h.db, () => worker.request({ method: "POST", url: `/api/v1/trajectories/${t.id}/${path}`, payload }));
    const goal = await post("goals", {
      lifeDomain: "housing",
      description: "Een woning via het sociaal verhuurkantoor",
    });
    expect(goal.result.statusCode).toBe(201);
    expect(goal.rows.map((r) => r.action)).toEqual(["trajectory.goal_added"]);
    const step = await post("steps", {
      description: "Inschrijving SVK",
      goalId: goal.result.json().id,
      dueOn: "2024-03-15",
    });
    expect(step.result.statusCode).toBe(201);
    expect(
      (await post("partners", { serviceCode: "ocmw_social_service", contactPerson: "Maatschappelijk werker" })).result
        .statusCode,
    ).toBe(201);
    const conf = await post("conferences", {
      heldOn: "2024-02-20",
      partnersPresent: ["ocmw_social_service", "caw"],
      note: "Afspraken over huurwaarborg.",
    });
    expect(conf.result.statusCode).toBe(201);
    expect(
      (
        await worker.request({
          method: "POST",
          url: `/api/v1/trajectory-steps/${step.result.json().id}/done`,
          payload: {},
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await worker.request({
          method: "POST",
          url: `/api/v1/trajectory-steps/${step.result.json().id}/done`,
          payload: {},
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await worker.request({
          method: "PATCH",
          url: `/api/v1/trajectory-goals/${goal.result.json().id}`,
          payload: { status: "reached" },
        })
      ).statusCode,
    ).toBe(200);

    const page = (await worker.request({ method: "GET", url: `/api/v1/trajectories/${t.id}` })).json();
    expect(page.goals[0]).toMatchObject({ lifeDomain: "housing", status: "reached" });
    expect(page.steps[0].doneOn).toBe("2024-03-01");
    expect(page.participants[0]).toMatchObject({ personId, nickname: "Mirela" });
    expect(page.partners[0].serviceCode).toBe("ocmw_social_service");
    expect(page.conferences[0].partnersPresent).toEqual(["ocmw_social_service", "caw"]);
    expect(page.checkpoints).toEqual([]);
  });

  it("refuses bad items with the field named, and nothing is stored", async () => {
    const t = (await start(worker, {})).json();
    const before = await rowCounts(h.db);
    const bad: [string, Record<string, unknown>, string][] = [
      ["goals", { lifeDomain: "astrology", description: "x" }, "lifeDomain"],
      ["steps", { description: "x", dueOn: "2024-02-01" }, "dueOn"],
      ["steps", { description: "x", goalId: t.id }, "goalId"],
      ["conferences", { heldOn: "2099-01-01", note: "x" }, "heldOn"],
      ["conferences", { heldOn: "2024-01-01", note: "x", partnersPresent: ["nope"] }, "partnersPresent"],
      ["participants", { personId: t.id }, "personId"],
      ["checkpoints", { month: 6, outcome: "still_housed" }, "month"],
    ];
    for (const [path, payload, field] of bad) {
      const res = await worker.request({ method: "POST", url: `/api/v1/trajectories/${t.id}/${path}`, payload });
      expect(res.statusCode, path).toBeGreaterThanOrEqual(400);
      expect(res.json().field, path).toBe(field);
    }
    expect(await rowCounts(h.db)).toEqual(before);
  });

  it("pauses, resumes and closes; closing a closed trajectory or adding to it is an invalid step", async () => {
    const t = (await start(worker, {})).json();
    const status = (s: string) =>
      worker.request({ method: "POST", url: `/api/v1/trajectories/${t.id}/status`, payload: { status: s } });
    expect((await status("paused")).json().status).toBe("paused");
    expect((await status("active")).json().status).toBe("active");
    expect((await status("closed")).json()).toMatchObject({ status: "closed", closedOn: "2024-03-01" });
    const again = await status("closed");
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ key: "invalid_transition", field: "status" });
    expect(
      (
        await worker.request({
          method: "POST",
          url: `/api/v1/trajectories/${t.id}/goals`,
          payload: { lifeDomain: "housing", description: "x" },
        })
      ).statusCode,
    ).toBe(409);
  });
});

describe("Housing First", () => {
  it("records checkpoints only once they are due, once each, and shows their due days", async () => {
    const t = (
      await start(worker, {
        kind: "housing_first",
        title: "Housing First",
        housedOn: "2023-02-28",
        support: "Twee huisbezoeken per week",
      })
    ).json();
    const record = (payload: Record<string, unknown>) =>
      worker.request({ method: "POST", url: `/api/v1/trajectories/${t.id}/checkpoints`, payload });
    expect((await record({ month: 6, outcome: "still_housed", recordedOn: "2023-08-27" })).json().field).toBe("month");
    expect((await record({ month: 6, outcome: "still_housed", recordedOn: "2023-08-28" })).statusCode).toBe(201);
    expect((await record({ month: 6, outcome: "not_housed" })).statusCode).toBe(409);
    expect((await record({ month: 12, outcome: "lost_to_follow_up" })).statusCode).toBe(201);
    const notYet = await record({ month: 24, outcome: "still_housed" });
    expect(notYet.statusCode).toBe(422);
    expect(notYet.json().field).toBe("month");
    const page = (await worker.request({ method: "GET", url: `/api/v1/trajectories/${t.id}` })).json();
    expect(page.checkpoints).toEqual([
      { month: 6, dueOn: "2023-08-28", isDue: true, outcome: "still_housed", recordedOn: "2023-08-28", note: null },
      {
        month: 12,
        dueOn: "2024-02-28",
        isDue: true,
        outcome: "lost_to_follow_up",
        recordedOn: "2024-03-01",
        note: null,
      },
      { month: 24, dueOn: "2025-02-28", isDue: false, outcome: null, recordedOn: null, note: null },
    ]);
    // The housing date cannot move once checkpoints were measured from it.
    expect(
      (
        await worker.request({
          method: "PATCH",
          url: `/api/v1/trajectories/${t.id}`,
          payload: { housedOn: "2023-03-01" },
        })
      ).statusCode,
    ).toBe(409);
    // A housing trajectory that is not Housing First has no checkpoints.
    const plain = (await start(worker, { housedOn: "2022-01-01" })).json();
    expect(
      (
        await worker.request({
          method: "POST",
          url: `/api/v1/trajectories/${plain.id}/checkpoints`,
          payload: { month: 6, outcome: "still_housed" },
        })
      ).statusCode,
    ).toBe(422);
  });

  it("gives the retention figure of the team's Housing First trajectories", async () => {
    const housed = async (housedOn: string, outcomes: [number, string][]) => {
      const t = (await start(worker, { kind: "housing_first", title: "HF", housedOn })).json();
      for (const [month, outcome] of outcomes)
        await worker.request({
          method: "POST",
          url: `/api/v1/trajectories/${t.id}/checkpoints`,
          payload: { month, outcome },
        });
    };
    await housed("2022-01-10", [
      [6, "not_housed"],
      [12, "still_housed"],
    ]); // re-housed
    await housed("2022-06-01", [
      [6, "still_housed"],
      [12, "still_housed"],
    ]);
    await housed("2024-01-15", []); // not yet due
    const at12 = (await worker.request({ method: "GET", url: "/api/v1/trajectories/retention?month=12" })).json();
    // Of the earlier test: one lost to follow-up at 12 months.
    expect(at12).toMatchObject({ month: 12, stillHoused: 2, lostToFollowUp: 1, notHoused: 0 });
    expect(at12.rate).toBeCloseTo(2 / 3);
    const at6 = (
      await worker.request({ method: "GET", url: `/api/v1/trajectories/retention?month=6&teamId=${org.teamA}` })
    ).json();
    expect(at6).toMatchObject({ stillHoused: 2, notHoused: 1, notYetDue: 1 });
    expect((await workerB.request({ method: "GET", url: "/api/v1/trajectories/retention" })).json()).toMatchObject({
      housed: 0,
      rate: null,
    });
  });
});

describe("scope", () => {
  it("keeps team A's trajectories out of team B's reach (404)", async () => {
    const t = (await start(worker, { kind: "housing_first", housedOn: "2023-01-01" })).json();
    const page = (await worker.request({ method: "GET", url: `/api/v1/trajectories/${t.id}` })).json();
    expect(page.trajectory.id).toBe(t.id);
    const goal = (
      await worker.request({
        method: "POST",
        url: `/api/v1/trajectories/${t.id}/goals`,
        payload: { lifeDomain: "income", description: "Leefloon" },
      })
    ).json();
    for (const req of [
      { method: "GET", url: `/api/v1/trajectories/${t.id}` },
      { method: "PATCH", url: `/api/v1/trajectories/${t.id}`, payload: { title: "x" } },
      { method: "POST", url: `/api/v1/trajectories/${t.id}/status`, payload: { status: "closed" } },
      {
        method: "POST",
        url: `/api/v1/trajectories/${t.id}/goals`,
        payload: { lifeDomain: "income", description: "x" },
      },
      {
        method: "POST",
        url: `/api/v1/trajectories/${t.id}/checkpoints`,
        payload: { month: 6, outcome: "still_housed" },
      },
      { method: "PATCH", url: `/api/v1/trajectory-goals/${goal.id}`, payload: { status: "dropped" } },
    ] as const) {
      expect((await workerB.request(req)).statusCode, req.url).toBe(404);
    }
    expect((await workerB.request({ method: "GET", url: "/api/v1/trajectories" })).json()).toEqual([]);
  });
});
