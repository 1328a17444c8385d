// Tasks with a due day and an assignee: overdue lists per worker and team, the home-screen
// reminders, done and reopened, invalid steps and scope.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { audited } from "../../../test/audit.ts";
import { seedOrg } from "../../../test/factories.ts";
import { createHarness, type Harness, rowCounts, type Session, signIn } from "../../../test/harness.ts";

let h: Harness;
let org: Awaited<ReturnType<typeof seedOrg>>;
let workerA: Session;
let workerA2: Session;
let coordA: Session;
let workerB: Session;

const task = (s: Session, body: Record<string, unknown>) =>
  s.request({
    method: "POST",
    url: "/api/v1/tasks",
    payload: { teamId: org.teamA, title: "Bellen naar het OCMW", dueOn: "2024-06-12", ...body },
  });

/** Moves the clock and signs everyone in again (sessions end after 30 idle minutes). */
async function at(instant: string) {
  h.clock.set(instant);
  [workerA, workerA2, coordA, workerB] = [
    await signIn(h.app, org.emails.workerA),
    await signIn(h.app, org.emails.workerA2),
    await signIn(h.app, org.emails.coordinatorA),
    await signIn(h.app, org.emails.workerB),
  ];
}

beforeAll(async () => {
  h = await createHarness();
  org = await seedOrg(h.db);
  await at("2024-06-10T08:00:00Z");
});
afterAll(() => h.close());

describe("tasks", () => {
  it("adds a task for oneself or a team member, audited once", async () => {
    const { result, rows } = await audited(h.db, () => task(workerA, {}));
    expect(result.statusCode).toBe(201);
    expect(result.json()).toMatchObject({ assigneeId: org.users.workerA, isOverdue: false, doneAt: null });
    expect(rows.map((r) => r.action)).toEqual(["task.created"]);
    expect((await task(coordA, { assigneeId: org.users.workerA2, dueOn: "2024-06-10" })).json().assigneeName).toBe(
      "t-worker-a2",
    );
  });

  it("refuses a task due before the day it is created, and an assignee outside the team, storing nothing", async () => {
    const before = await rowCounts(h.db);
    const early = await task(workerA, { dueOn: "2024-06-09" });
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({ field: "dueOn", errors: [{ key: "field.in_past" }] });
    expect((await task(workerA, { assigneeId: org.users.workerB })).json().field).toBe("assigneeId");
    expect((await task(workerA, { teamId: org.teamB })).json().field).toBe("teamId");
    expect(await rowCounts(h.db)).toEqual(before);
    const t = (await task(workerA, { dueOn: "2024-06-20" })).json();
    await at("2024-06-15T08:00:00Z");
    // Moving the due day to before the day the task was created is refused as well.
    expect(
      (
        await workerA.request({ method: "PATCH", url: `/api/v1/tasks/${t.id}`, payload: { dueOn: "2024-06-09" } })
      ).json().field,
    ).toBe("dueOn");
    expect(
      (await workerA.request({ method: "PATCH", url: `/api/v1/tasks/${t.id}`, payload: { dueOn: "2024-06-11" } }))
        .statusCode,
    ).toBe(200);
  });

  it("lists overdue and today's tasks per worker and per team, and reminds each worker of their own", async () => {
    await at("2024-06-12T09:00:00Z");
    const due = (await workerA.request({ method: "GET", url: "/api/v1/tasks/due" })).json();
    expect(due.today).toBe("2024-06-12");
    expect(due.dueToday.map((t: { title: string }) => t.title)).toContain("Bellen naar het OCMW");
    expect(due.overdue.map((t: { dueOn: string }) => t.dueOn)).toEqual(["2024-06-11"]);
    expect(due.overdue[0].isOverdue).toBe(true);
    const mine = (await workerA2.request({ method: "GET", url: "/api/v1/tasks/due" })).json();
    expect(mine.overdue).toHaveLength(1);
    const teamOverdue = (
      await coordA.request({ method: "GET", url: `/api/v1/tasks?teamId=${org.teamA}&state=overdue` })
    ).json();
    expect(teamOverdue.map((t: { assigneeId: string }) => t.assigneeId).sort()).toEqual(
      [org.users.workerA, org.users.workerA2].sort(),
    );
    const perWorker = (
      await coordA.request({
        method: "GET",
        url: `/api/v1/tasks?teamId=${org.teamA}&state=overdue&assigneeId=${org.users.workerA2}`,
      })
    ).json();
    expect(perWorker).toHaveLength(1);
    const overview = (
      await coordA.request({ method: "GET", url: `/api/v1/tasks/overview?teamId=${org.teamA}` })
    ).json();
    expect(overview.find((r: { assigneeId: string }) => r.assigneeId === org.users.workerA)).toMatchObject({
      open: 2,
      overdue: 1,
      dueToday: 1,
    });
  });

  it("marks a task done once; done twice or reopening an open task is an invalid step", async () => {
    const t = (await task(workerA, { dueOn: "2024-06-30" })).json();
    const { result, rows } = await audited(h.db, () =>
      workerA2.request({ method: "POST", url: `/api/v1/tasks/${t.id}/done` }),
    );
    expect(result.json()).toMatchObject({ doneBy: org.users.workerA2 });
    expect(rows.map((r) => r.action)).toEqual(["task.done"]);
    const again = await workerA.request({ method: "POST", url: `/api/v1/tasks/${t.id}/done` });
    expect(again.statusCode).toBe(409);
    expect(again.json().field).toBe("doneAt");
    expect((await workerA.request({ method: "POST", url: `/api/v1/tasks/${t.id}/reopen` })).json().doneAt).toBeNull();
    expect((await workerA.request({ method: "POST", url: `/api/v1/tasks/${t.id}/reopen` })).statusCode).toBe(409);
  });

  it("keeps team A's tasks out of team B's reach (404)", async () => {
    const t = (await task(workerA, {})).json();
    for (const req of [
      { method: "PATCH", url: `/api/v1/tasks/${t.id}`, payload: { title: "x" } },
      { method: "POST", url: `/api/v1/tasks/${t.id}/done` },
      { method: "POST", url: `/api/v1/tasks/${t.id}/reopen` },
    ] as const) {
      expect((await workerB.request(req)).statusCode, req.url).toBe(404);
    }
    expect((await workerB.request({ method: "GET", url: "/api/v1/tasks?state=all" })).json()).toEqual([]);
    expect(
      (await workerB.request({ method: "GET", url: `/api/v1/tasks/overview?teamId=${org.teamA}` })).statusCode,
    ).toBe(422);
  });
});
