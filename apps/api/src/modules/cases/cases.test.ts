// Address cases through the API: opening from a complaint, sharing out, home visits, moves with the
// household's path, complainants kept off the family's side, invalid steps, scope and audit.
import { uuidv7 } from "@vindplaats/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { audited } from "../../../test/audit.ts";
import { addUser, seedOrg } from "../../../test/factories.ts";
import { createHarness, type Harness, rowCounts, type Session, signIn } from "../../../test/harness.ts";

let h: Harness;
let org: Awaited<ReturnType<typeof seedOrg>>;
let steward: Session;
let steward2: Session;
let coordB: Session;
let workerA: Session;
let steward2Id: string;
let n = 0;

const address = (extra: Record<string, unknown> = {}) => ({
  street: "Kerkstraat",
  houseNumber: String(++n),
  postcode: "9000",
  neighbourhoodId: org.north,
  ...extra,
});
const open = (s: Session, body: Record<string, unknown>) =>
  s.request({
    method: "POST",
    url: "/api/v1/cases",
    payload: { teamId: org.teamB, intakeChannel: "local_police", ...address(), ...body },
  });

beforeAll(async () => {
  h = await createHarness();
  org = await seedOrg(h.db);
  steward2Id = await h.db.owner((tx) =>
    addUser(tx, org.orgId, "t-steward2@example.org", { teams: [[org.teamB, "worker"]] }),
  );
  steward = await signIn(h.app, org.emails.workerB);
  steward2 = await signIn(h.app, "t-steward2@example.org");
  coordB = await signIn(h.app, org.emails.coordinatorB);
  workerA = await signIn(h.app, org.emails.workerA);
});
afterAll(() => h.close());

describe("opening a case", () => {
  it("opens a case from a complaint with one audit row, and derives the nuisance component", async () => {
    const { result: res, rows } = await audited(h.db, () =>
      open(steward, {
        summary: "Klachten over afval in de voortuin.",
        complaint: {
          receivedOn: "2026-02-20",
          theme: "waste",
          source: "neighbour",
          complainant: { relation: "neighbour", name: "Mevrouw Verzonnen", contactInfo: "0470 00 00 00" },
        },
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({
      status: "open",
      openComplaints: 1,
      hasNuisance: true,
      isOutside: false,
      neighbourhoodName: "Noordwijk",
    });
    expect(c.address).toMatch(/^Kerkstraat \d+, 9000$/);
    expect(rows.map((r) => r.action)).toEqual(["case.opened"]);
    expect(rows[0]).toMatchObject({ entity_id: c.id, details: { complaint: true, how: "shared_out" } });
  });

  it("shares new cases out across the team: the steward holding the fewest cases gets the next one", async () => {
    const assignees: string[] = [];
    for (let i = 0; i < 4; i++) assignees.push((await open(coordB, {})).json().assigneeId);
    expect(new Set(assignees)).toEqual(new Set([org.users.workerB, steward2Id]));
    const count = (id: string) => assignees.filter((a) => a === id).length;
    expect(Math.abs(count(org.users.workerB) - count(steward2Id))).toBeLessThanOrEqual(1);
  });

  it("refuses an address outside the neighbourhoods without the outside flag, naming the flag, and stores nothing", async () => {
    const before = await rowCounts(h.db);
    const res = await open(steward, { neighbourhoodId: null });
    expect(res.statusCode).toBe(422);
    expect(res.json().field).toBe("isOutside");
    const both = await open(steward, { isOutside: true });
    expect(both.statusCode).toBe(422);
    expect(both.json().field).toBe("neighbourhoodId");
    expect(await rowCounts(h.db)).toEqual(before);
    const outside = await open(steward, { neighbourhoodId: null, isOutside: true });
    expect(outside.statusCode).toBe(201);
    expect(outside.json()).toMatchObject({ isOutside: true, neighbourhoodId: null });
  });

  it("refuses a second current case at the same address, an unknown channel and a future day", async () => {
    const first = await open(steward, { street: "Molenstraat", houseNumber: "7" });
    expect(first.statusCode).toBe(201);
    const again = await open(steward, { street: "molenstraat ", houseNumber: "7" });
    expect(again.statusCode).toBe(409);
    expect(again.json().field).toBe("street");
    expect((await open(steward, { intakeChannel: "astrology" })).json().field).toBe("intakeChannel");
    expect((await open(steward, { openedOn: "2099-01-01" })).json().field).toBe("openedOn");
    expect(
      (await open(steward, { complaint: { receivedOn: "2099-01-01", theme: "noise", source: "police" } })).json().field,
    ).toBe("complaint.receivedOn");
  });
});

describe("status steps", () => {
  it("goes open -> active -> closed with a reason, and refuses to close a closed case (409 on status, nothing stored)", async () => {
    const c = (await open(steward, {})).json();
    expect(
      (await steward.request({ method: "POST", url: `/api/v1/cases/${c.id}/activate`, payload: {} })).json().status,
    ).toBe("active");
    const closed = await steward.request({
      method: "POST",
      url: `/api/v1/cases/${c.id}/close`,
      payload: { reason: "nuisance_solved" },
    });
    expect(closed.json()).toMatchObject({ status: "closed", closeReason: "nuisance_solved" });
    const before = await rowCounts(h.db);
    const again = await steward.request({
      method: "POST",
      url: `/api/v1/cases/${c.id}/close`,
      payload: { reason: "other" },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ key: "invalid_transition", field: "status" });
    const reopen = await steward.request({ method: "POST", url: `/api/v1/cases/${c.id}/activate`, payload: {} });
    expect(reopen.statusCode).toBe(409);
    expect(await rowCounts(h.db)).toEqual(before);
  });

  it("refuses a status step dated before the previous one or in the future", async () => {
    const c = (await open(steward, { openedOn: "2026-02-10" })).json();
    const early = await steward.request({
      method: "POST",
      url: `/api/v1/cases/${c.id}/close`,
      payload: { reason: "other", on: "2026-02-01" },
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().field).toBe("on");
    const late = await steward.request({
      method: "POST",
      url: `/api/v1/cases/${c.id}/activate`,
      payload: { on: "2099-02-01" },
    });
    expect(late.json().field).toBe("on");
  });

  it("keeps the reassignment history; only the holder or the coordinator hands a case over", async () => {
    const c = (await open(steward, { assigneeId: org.users.workerB })).json();
    expect(
      (
        await steward2.request({
          method: "POST",
          url: `/api/v1/cases/${c.id}/assign`,
          payload: { assigneeId: steward2Id },
        })
      ).statusCode,
    ).toBe(403);
    const handed = await steward.request({
      method: "POST",
      url: `/api/v1/cases/${c.id}/assign`,
      payload: { assigneeId: steward2Id, reason: "Spreekt Slovaaks" },
    });
    expect(handed.json().assigneeId).toBe(steward2Id);
    expect(
      (
        await coordB.request({
          method: "POST",
          url: `/api/v1/cases/${c.id}/assign`,
          payload: { assigneeId: org.users.workerB },
        })
      ).statusCode,
    ).toBe(200);
    const bad = await coordB.request({
      method: "POST",
      url: `/api/v1/cases/${c.id}/assign`,
      payload: { assigneeId: org.users.workerA },
    });
    expect(bad.json().field).toBe("assigneeId");
    const page = (await steward.request({ method: "GET", url: `/api/v1/cases/${c.id}` })).json();
    expect(
      page.assignments.map((a: { assigneeId: string; how: string; endedAt: string | null }) => [
        a.assigneeId,
        a.how,
        !!a.endedAt,
      ]),
    ).toEqual([
      [org.users.workerB, "chosen", true],
      [steward2Id, "reassigned", true],
      [org.users.workerB, "reassigned", false],
    ]);
  });
});

describe("home visits, moves and the household's path", () => {
  it("logs a home visit as a contact at the address; the case becomes active", async () => {
    const c = (
      await open(steward, { complaint: { receivedOn: "2026-02-25", theme: "noise", source: "police" } })
    ).json();
    const { result: res, rows } = await audited(h.db, () =>
      steward.request({
        method: "POST",
        url: `/api/v1/cases/${c.id}/visits`,
        payload: { peopleMet: 4, durationMinutes: 45, note: "Gezin met drie kinderen, Slovaaks." },
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().status).toBe("active");
    expect(rows.map((r) => r.action)).toEqual(["contact.created", "case.visit_linked"]);
    const page = (await steward.request({ method: "GET", url: `/api/v1/cases/${c.id}` })).json();
    expect(page.visits).toHaveLength(1);
    expect(page.visits[0]).toMatchObject({ durationMinutes: 45, personCount: 4 });
    const contact = (
      await steward.request({ method: "GET", url: `/api/v1/contacts/${page.visits[0].contactId}` })
    ).json();
    expect(contact).toMatchObject({ locationKind: "private", neighbourhoodId: org.north, teamId: org.teamB });
    expect(page.history.map((e: { kind: string }) => e.kind)).toContain("visit");
  });

  it("records a move: the old case closes with reason 'moved', the new one is linked and shows the path", async () => {
    const household = (
      await steward.request({
        method: "POST",
        url: "/api/v1/households",
        payload: { teamId: org.teamB, name: "Familie Zonnebloem", memberIds: [] },
      })
    ).json();
    const first = (
      await open(steward, {
        street: "Brugsepoortstraat",
        houseNumber: "3",
        householdId: household.id,
        openedOn: "2026-01-05",
      })
    ).json();
    const { result: moved, rows } = await audited(h.db, () =>
      steward.request({
        method: "POST",
        url: `/api/v1/cases/${first.id}/move`,
        payload: {
          street: "Rabotstraat",
          houseNumber: "88",
          box: "2",
          postcode: "9000",
          neighbourhoodId: org.south,
          on: "2026-02-01",
        },
      }),
    );
    expect(moved.statusCode, moved.body).toBe(201);
    expect(rows.map((r) => r.action)).toEqual(["case.moved"]);
    const second = moved.json();
    expect(second).toMatchObject({
      previousCaseId: first.id,
      status: "open",
      openedOn: "2026-02-01",
      address: "Rabotstraat 88 bus 2, 9000",
      assigneeId: first.assigneeId,
    });
    const third = (
      await steward.request({
        method: "POST",
        url: `/api/v1/cases/${second.id}/move`,
        payload: { street: "Muidelaan", houseNumber: "1", postcode: "9000", isOutside: true },
      })
    ).json();

    const oldPage = (await steward.request({ method: "GET", url: `/api/v1/cases/${first.id}` })).json();
    expect(oldPage.case).toMatchObject({
      status: "closed",
      closeReason: "moved",
      closedOn: "2026-02-01",
      nextCaseId: second.id,
    });
    expect(oldPage.households[0]).toMatchObject({
      name: "Familie Zonnebloem",
      since: "2026-01-05",
      until: "2026-02-01",
    });
    const page = (await steward.request({ method: "GET", url: `/api/v1/cases/${second.id}` })).json();
    expect(page.households[0]).toMatchObject({ householdId: household.id, since: "2026-02-01" });
    expect(page.path.map((p: { caseId: string; isThis: boolean }) => [p.caseId, p.isThis])).toEqual([
      [first.id, false],
      [second.id, true],
      [third.id, false],
    ]);
    const kinds = page.history.map((e: { kind: string }) => e.kind);
    expect(kinds).toContain("moved_from");
    expect(kinds).toContain("moved_to");
    expect(page.history.find((e: { kind: string }) => e.kind === "moved_from").summary.address).toBe(
      "Brugsepoortstraat 3, 9000",
    );
    const bad = await steward.request({
      method: "POST",
      url: `/api/v1/cases/${first.id}/move`,
      payload: { street: "Elders", houseNumber: "1", postcode: "9000", neighbourhoodId: org.north },
    });
    expect(bad.statusCode).toBe(409);
    expect(bad.json().field).toBe("status");
  });

  it("never shows who complained on the case page; the stewards read it separately, audited", async () => {
    const c = (
      await open(steward, {
        complaint: {
          receivedOn: "2026-02-27",
          theme: "hygiene",
          source: "neighbour",
          complainant: { relation: "neighbour", name: "Meneer Geheim", contactInfo: "geheim@example.org" },
        },
      })
    ).json();
    const page = await steward.request({ method: "GET", url: `/api/v1/cases/${c.id}` });
    expect(page.body).not.toContain("Geheim");
    expect(page.json().complaints[0]).toMatchObject({ theme: "hygiene", complainantRelation: "neighbour" });
    const { result, rows } = await audited(h.db, () =>
      steward.request({ method: "GET", url: `/api/v1/cases/${c.id}/complainants` }),
    );
    expect(result.json()[0]).toMatchObject({ name: "Meneer Geheim", contactInfo: "geheim@example.org" });
    expect(rows.map((r) => r.action)).toEqual(["case.complainants_read"]);
  });

  it("resolves complaints once, and the nuisance component follows", async () => {
    const c = (
      await open(steward, { complaint: { receivedOn: "2026-02-26", theme: "waste", source: "city_service" } })
    ).json();
    const complaintId = (await steward.request({ method: "GET", url: `/api/v1/cases/${c.id}` })).json().complaints[0]
      .id;
    const early = await steward.request({
      method: "POST",
      url: `/api/v1/case-complaints/${complaintId}/resolve`,
      payload: { on: "2026-02-01" },
    });
    expect(early.json().field).toBe("on");
    expect(
      (await steward.request({ method: "POST", url: `/api/v1/case-complaints/${complaintId}/resolve`, payload: {} }))
        .statusCode,
    ).toBe(200);
    expect(
      (await steward.request({ method: "POST", url: `/api/v1/case-complaints/${complaintId}/resolve`, payload: {} }))
        .statusCode,
    ).toBe(409);
    const page = (await steward.request({ method: "GET", url: `/api/v1/cases/${c.id}` })).json();
    expect(page.case).toMatchObject({ openComplaints: 0, hasNuisance: false });
  });

  it("records actions with partner services", async () => {
    const c = (await open(steward, {})).json();
    const res = await steward.request({
      method: "POST",
      url: `/api/v1/cases/${c.id}/actions`,
      payload: {
        serviceCode: "integration_agency",
        actionOn: "2026-02-27",
        description: "Overleg over afvalkalender in het Slovaaks.",
      },
    });
    expect(res.statusCode).toBe(201);
    const bad = await steward.request({
      method: "POST",
      url: `/api/v1/cases/${c.id}/actions`,
      payload: { serviceCode: "nope", actionOn: "2026-02-27", description: "x" },
    });
    expect(bad.json().field).toBe("serviceCode");
  });
});

describe("scope", () => {
  it("keeps team B's cases out of team A's reach (404, not 403)", async () => {
    const c = (
      await open(steward, { complaint: { receivedOn: "2026-02-20", theme: "noise", source: "neighbour" } })
    ).json();
    const complaintId = (await steward.request({ method: "GET", url: `/api/v1/cases/${c.id}` })).json().complaints[0]
      .id;
    const before = await rowCounts(h.db);
    for (const req of [
      { method: "GET", url: `/api/v1/cases/${c.id}` },
      { method: "PATCH", url: `/api/v1/cases/${c.id}`, payload: { summary: "x" } },
      { method: "POST", url: `/api/v1/cases/${c.id}/activate`, payload: {} },
      { method: "POST", url: `/api/v1/cases/${c.id}/close`, payload: { reason: "other" } },
      { method: "POST", url: `/api/v1/cases/${c.id}/assign`, payload: { assigneeId: org.users.workerA } },
      {
        method: "POST",
        url: `/api/v1/cases/${c.id}/move`,
        payload: { street: "X", houseNumber: "1", postcode: "9000", isOutside: true },
      },
      {
        method: "POST",
        url: `/api/v1/cases/${c.id}/complaints`,
        payload: { receivedOn: "2026-02-20", theme: "noise", source: "neighbour" },
      },
      { method: "GET", url: `/api/v1/cases/${c.id}/complainants` },
      { method: "POST", url: `/api/v1/cases/${c.id}/visits`, payload: { peopleMet: 1 } },
      {
        method: "POST",
        url: `/api/v1/cases/${c.id}/actions`,
        payload: { serviceCode: "caw", actionOn: "2026-02-20", description: "x" },
      },
      { method: "POST", url: `/api/v1/case-complaints/${complaintId}/resolve`, payload: {} },
    ] as const) {
      expect((await workerA.request(req)).statusCode, req.url).toBe(404);
    }
    expect(await rowCounts(h.db)).toEqual(before);
    const list = (await workerA.request({ method: "GET", url: "/api/v1/cases?limit=200" })).json();
    expect(list.items.map((x: { id: string }) => x.id)).not.toContain(c.id);
    expect((await workerA.request({ method: "GET", url: `/api/v1/cases?teamId=${org.teamB}` })).statusCode).toBe(422);
    // Row-level security is the backstop: even a query without the team filter sees no row of team B.
    const seen = await h.db.transaction({ orgId: org.orgId, userId: org.users.workerA, teamIds: [org.teamA] }, (tx) =>
      tx.query(
        `SELECT 1 FROM cases WHERE id = $1 UNION ALL SELECT 1 FROM case_complaints WHERE case_id = $1 UNION ALL SELECT 1 FROM case_complainants WHERE case_id = $1`,
        [c.id],
      ),
    );
    expect(seen).toEqual([]);
  });

  it("pages the team's list with a cursor, newest first", async () => {
    const first = (await steward.request({ method: "GET", url: "/api/v1/cases?limit=3" })).json();
    expect(first.items).toHaveLength(3);
    const next = (
      await steward.request({ method: "GET", url: `/api/v1/cases?limit=3&cursor=${first.nextCursor}` })
    ).json();
    expect(next.items.map((c: { id: string }) => c.id)).not.toContain(first.items[0].id);
    expect((await steward.request({ method: "GET", url: "/api/v1/cases?cursor=zzz" })).statusCode).toBe(400);
    expect((await steward.request({ method: "GET", url: `/api/v1/cases/${uuidv7()}` })).statusCode).toBe(404);
  });
});
