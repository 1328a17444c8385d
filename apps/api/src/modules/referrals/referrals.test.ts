// Referrals as first-class records: from a contact, a case or a trajectory; proposed -> accepted or
// refused -> done or not done; invalid steps and scope.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { audited } from "../../../test/audit.ts";
import { seedOrg } from "../../../test/factories.ts";
import { createHarness, type Harness, rowCounts, type Session, signIn } from "../../../test/harness.ts";

let h: Harness;
let org: Awaited<ReturnType<typeof seedOrg>>;
let steward: Session;
let workerA: Session;
let caseId: string;
let trajectoryId: string;
let contactId: string;

const refer = (s: Session, body: Record<string, unknown>) =>
  s.request({
    method: "POST",
    url: "/api/v1/referrals",
    payload: { teamId: org.teamB, serviceCode: "caw", caseId, ...body },
  });
const step = (s: Session, id: string, status: string, extra: Record<string, unknown> = {}) =>
  s.request({ method: "POST", url: `/api/v1/referrals/${id}/status`, payload: { status, ...extra } });

beforeAll(async () => {
  h = await createHarness();
  h.clock.set("2024-05-10T10:00:00Z");
  org = await seedOrg(h.db);
  steward = await signIn(h.app, org.emails.workerB);
  workerA = await signIn(h.app, org.emails.workerA);
  caseId = (
    await steward.request({
      method: "POST",
      url: "/api/v1/cases",
      payload: {
        teamId: org.teamB,
        intakeChannel: "police",
        street: "Dok",
        houseNumber: "4",
        postcode: "9000",
        neighbourhoodId: org.south,
      },
    })
  ).json().id;
  trajectoryId = (
    await workerA.request({
      method: "POST",
      url: "/api/v1/trajectories",
      payload: { teamId: org.teamA, kind: "housing", title: "Woning" },
    })
  ).json().id;
  contactId = (
    await workerA.request({
      method: "POST",
      url: "/api/v1/contacts",
      payload: {
        teamId: org.teamA,
        placeId: org.square,
        startedAt: "2024-05-09T20:00:00Z",
        durationMinutes: 10,
        anonymous: [{ count: 2 }],
      },
    })
  ).json().id;
});
afterAll(() => h.close());

describe("referrals", () => {
  it("refers from a case, a trajectory or a contact, with one audit row each", async () => {
    const { result, rows } = await audited(h.db, () =>
      refer(steward, { accompanied: true, proposedOn: "2024-05-02", note: "Samen naar het onthaal." }),
    );
    expect(result.statusCode, result.body).toBe(201);
    expect(result.json()).toMatchObject({
      status: "proposed",
      accompanied: true,
      caseId,
      proposedOn: "2024-05-02",
      decidedOn: null,
    });
    expect(rows.map((r) => [r.action, r.details.from])).toEqual([["referral.created", "case"]]);
    expect(
      (await refer(workerA, { teamId: org.teamA, caseId: undefined, trajectoryId, serviceCode: "housing_first" }))
        .statusCode,
    ).toBe(201);
    expect(
      (await refer(workerA, { teamId: org.teamA, caseId: undefined, contactId, serviceCode: "night_shelter" }))
        .statusCode,
    ).toBe(201);
  });

  it("goes proposed -> accepted -> done with the days, or proposed -> refused", async () => {
    const r = (await refer(steward, { proposedOn: "2024-05-01" })).json();
    expect((await step(steward, r.id, "accepted", { on: "2024-05-03" })).json()).toMatchObject({
      status: "accepted",
      decidedOn: "2024-05-03",
    });
    expect((await step(steward, r.id, "done", { on: "2024-05-08" })).json()).toMatchObject({
      status: "done",
      completedOn: "2024-05-08",
    });
    const other = (await refer(steward, {})).json();
    expect((await step(steward, other.id, "refused")).json()).toMatchObject({
      status: "refused",
      decidedOn: "2024-05-10",
    });
  });

  it("refuses a referral done before it was accepted, and other invalid steps, storing nothing", async () => {
    const r = (await refer(steward, { proposedOn: "2024-05-05" })).json();
    const before = await rowCounts(h.db);
    const done = await step(steward, r.id, "done");
    expect(done.statusCode).toBe(409);
    expect(done.json()).toMatchObject({ key: "invalid_transition", field: "status" });
    expect((await step(steward, r.id, "not_done")).statusCode).toBe(409);
    expect((await step(steward, r.id, "accepted", { on: "2024-05-04" })).json().field).toBe("on");
    expect(await rowCounts(h.db)).toEqual(before);
    await step(steward, r.id, "refused");
    expect((await step(steward, r.id, "done")).statusCode).toBe(409);
    expect((await step(steward, r.id, "accepted")).statusCode).toBe(409);
  });

  it("needs an origin of the same team and an active service", async () => {
    const none = await refer(steward, { caseId: undefined });
    expect(none.statusCode).toBe(422);
    expect(none.json().errors.map((e: { field: string }) => e.field)).toEqual(["caseId", "trajectoryId", "contactId"]);
    expect((await refer(steward, { trajectoryId })).json().field).toBe("trajectoryId");
    expect((await refer(steward, { caseId: undefined, contactId })).json().field).toBe("contactId");
    expect((await refer(steward, { serviceCode: "astrology" })).json().field).toBe("serviceCode");
    expect((await refer(steward, { proposedOn: "2099-01-01" })).json().field).toBe("proposedOn");
  });

  it("keeps referrals within the team (404) and lists them by case", async () => {
    const r = (await refer(steward, {})).json();
    expect((await workerA.request({ method: "GET", url: `/api/v1/referrals/${r.id}` })).statusCode).toBe(404);
    expect((await step(workerA, r.id, "accepted")).statusCode).toBe(404);
    expect(
      (await workerA.request({ method: "PATCH", url: `/api/v1/referrals/${r.id}`, payload: { accompanied: false } }))
        .statusCode,
    ).toBe(404);
    const list = (await steward.request({ method: "GET", url: `/api/v1/referrals?caseId=${caseId}` })).json();
    expect(list.length).toBeGreaterThan(3);
    expect((await workerA.request({ method: "GET", url: `/api/v1/referrals?caseId=${caseId}` })).json()).toEqual([]);
    const page = (await steward.request({ method: "GET", url: `/api/v1/cases/${caseId}` })).json();
    expect(page.history.filter((e: { kind: string }) => e.kind === "referral").length).toBe(list.length);
  });
});

describe("referral outcomes", () => {
  it("counts referrals by service, status and accompanied flag over a period", async () => {
    const f = (
      await steward.request({ method: "GET", url: `/api/v1/cases/figures?from=2024-05-01&to=2024-05-10` })
    ).json();
    const done = f.referralOutcomes.find(
      (r: { status: string; serviceCode: string }) => r.status === "done" && r.serviceCode === "caw",
    );
    expect(done).toMatchObject({ accompanied: false, count: 1 });
    expect(f.referralOutcomes.reduce((n: number, r: { count: number }) => n + r.count, 0)).toBeGreaterThan(4);
  });
});
