// Every coordinator filter, keyset pagination, saved filters, corrections and exports.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg } from "../../../test/factories.ts";
import { createHarness, type Harness, type Session, signIn } from "../../../test/harness.ts";

let h: Harness;
let org: Awaited<ReturnType<typeof seedOrg>>;
let workerA: Session;
let workerA2: Session;
let coordA: Session;
const ids: Record<string, string> = {};
let person = "";

const ids$ = async (s: Session, query: string) =>
  (await s.request({ method: "GET", url: `/api/v1/contacts?${query}` }))
    .json()
    .items.map((c: { id: string }) => c.id)
    .sort();

beforeAll(async () => {
  h = await createHarness();
  h.clock.set("2026-06-15T10:00:00Z");
  org = await seedOrg(h.db);
  [workerA, workerA2, coordA] = await Promise.all([
    signIn(h.app, org.emails.workerA),
    signIn(h.app, org.emails.workerA2),
    signIn(h.app, org.emails.coordinatorA),
  ]);
  person = (
    await workerA.request({ method: "POST", url: "/api/v1/persons", payload: { teamId: org.teamA, nickname: "Tijl" } })
  ).json().id;
  const make = async (key: string, s: Session, body: Record<string, unknown>) => {
    const res = await s.request({
      method: "POST",
      url: "/api/v1/contacts",
      payload: { teamId: org.teamA, durationMinutes: 20, anonymous: [{ count: 1 }], ...body },
    });
    if (res.statusCode !== 201) throw new Error(res.body);
    ids[key] = res.json().id;
  };
  // 2026-06-01 23:30 Brussels is 21:30 UTC; 2026-06-02 00:30 Brussels is 22:30 UTC on 1 June.
  await make("lateMay31", workerA, {
    startedAt: "2026-05-31T21:30:00Z",
    placeId: org.square,
    lifeDomains: ["housing"],
  });
  await make("june1", workerA, {
    startedAt: "2026-06-01T08:00:00Z",
    placeId: org.square,
    actions: ["direct_help"],
    personIds: [person],
  });
  await make("june1late", workerA2, {
    startedAt: "2026-06-01T21:30:00Z",
    placeId: org.park,
    lifeDomains: ["health", "housing"],
  });
  await make("june2early", workerA2, {
    startedAt: "2026-06-01T22:30:00Z",
    neighbourhoodId: org.north,
    locationKind: "online",
    actions: ["structural_work"],
    note: '=HYPERLINK("x")',
  });
  await make("june10", workerA, {
    startedAt: "2026-06-10T12:00:00Z",
    placeId: org.park,
    workerIds: [org.users.workerA, org.users.workerA2],
  });
});
afterAll(() => h.close());

describe("filters", () => {
  it("filters by Brussels days: a contact at 00:30 Brussels belongs to the next day", async () => {
    expect(await ids$(coordA, "from=2026-06-01&to=2026-06-01")).toEqual([ids.june1, ids.june1late].sort());
    expect(await ids$(coordA, "from=2026-06-02&to=2026-06-02")).toEqual([ids.june2early]);
    expect(await ids$(coordA, "to=2026-05-31")).toEqual([ids.lateMay31]);
  });
  it("filters by team, worker, place, neighbourhood, person, life domain and action", async () => {
    expect(await ids$(coordA, `teamId=${org.teamA}`)).toHaveLength(5);
    expect(await ids$(coordA, `workerId=${org.users.workerA2}`)).toEqual(
      [ids.june1late, ids.june2early, ids.june10].sort(),
    );
    expect(await ids$(coordA, `placeId=${org.park}`)).toEqual([ids.june1late, ids.june10].sort());
    expect(await ids$(coordA, `neighbourhoodId=${org.north}`)).toEqual(
      [ids.lateMay31, ids.june1, ids.june2early].sort(),
    );
    expect(await ids$(coordA, `personId=${person}`)).toEqual([ids.june1]);
    expect(await ids$(coordA, "lifeDomain=housing")).toEqual([ids.lateMay31, ids.june1late].sort());
    expect(await ids$(coordA, "action=structural_work")).toEqual([ids.june2early]);
    expect(await ids$(coordA, `lifeDomain=housing&placeId=${org.park}`)).toEqual([ids.june1late]);
  });
  it("pages with a cursor, newest first, without gaps or repeats", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await coordA.request({
        method: "GET",
        url: `/api/v1/contacts?limit=2${cursor ? `&cursor=${cursor}` : ""}`,
      });
      const body: { items: { id: string }[]; nextCursor: string | null } = res.json();
      seen.push(...body.items.map((c) => c.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([ids.june10, ids.june2early, ids.june1late, ids.june1, ids.lateMay31]);
    expect((await coordA.request({ method: "GET", url: "/api/v1/contacts?cursor=garbage" })).statusCode).toBe(400);
  });
  it("saves a filter and lists it for its owner only", async () => {
    const saved = await coordA.request({
      method: "POST",
      url: "/api/v1/saved-filters",
      payload: { name: "Wonen juni", filters: { from: "2026-06-01", lifeDomain: "housing" } },
    });
    expect(saved.statusCode).toBe(201);
    expect((await coordA.request({ method: "GET", url: "/api/v1/saved-filters" })).json()).toHaveLength(1);
    expect((await workerA.request({ method: "GET", url: "/api/v1/saved-filters" })).json()).toHaveLength(0);
    expect(
      (await workerA.request({ method: "DELETE", url: `/api/v1/saved-filters/${saved.json().id}` })).statusCode,
    ).toBe(404);
  });
});

describe("corrections", () => {
  it("keeps who changed what and why; a removal is a correction with a reason", async () => {
    const fixed = await workerA.request({
      method: "PATCH",
      url: `/api/v1/contacts/${ids.june10}`,
      payload: { reason: "Duur verkeerd ingegeven", durationMinutes: 45 },
    });
    expect(fixed.json()).toMatchObject({ durationMinutes: 45, version: 2 });
    const removed = await coordA.request({
      method: "POST",
      url: `/api/v1/contacts/${ids.june10}/remove`,
      payload: { reason: "Dubbel geregistreerd" },
    });
    expect(removed.json()).toMatchObject({ isRemoved: true, removedReason: "Dubbel geregistreerd", version: 3 });
    const history = (await coordA.request({ method: "GET", url: `/api/v1/contacts/${ids.june10}/revisions` })).json();
    expect(history).toMatchObject([
      {
        version: 2,
        actorUserId: org.users.workerA,
        reason: "Duur verkeerd ingegeven",
        changes: { durationMinutes: { from: 20, to: 45 } },
      },
      {
        version: 3,
        actorUserId: org.users.coordinatorA,
        reason: "Dubbel geregistreerd",
        changes: { isRemoved: { from: false, to: true } },
      },
    ]);
    expect(await ids$(coordA, "")).not.toContain(ids.june10);
    expect(await ids$(coordA, "includeRemoved=true")).toContain(ids.june10);
    expect(
      (
        await coordA.request({
          method: "POST",
          url: `/api/v1/contacts/${ids.june10}/remove`,
          payload: { reason: "nog eens" },
        })
      ).statusCode,
    ).toBe(409);
  });
});

describe("exports", () => {
  it("exports CSV without notes by default and neutralises formulas", async () => {
    const csv = await coordA.request({
      method: "GET",
      url: "/api/v1/contacts/export?format=csv&from=2026-06-01&to=2026-06-02",
    });
    expect(csv.headers["content-type"]).toContain("text/csv");
    const lines = csv.body.trim().split("\r\n");
    expect(lines).toHaveLength(4);
    expect(lines[0]).not.toContain("notitie");
    const withNotes = await coordA.request({
      method: "GET",
      url: "/api/v1/contacts/export?format=csv&includeNotes=true",
    });
    expect(withNotes.body).toContain(`"'=HYPERLINK(""x"")"`);
  });
  it("does not give notes to a worker, and exports are for coordinators", async () => {
    expect((await workerA.request({ method: "GET", url: "/api/v1/contacts/export?format=csv" })).statusCode).toBe(403);
  });
  it("exports XLSX with numbers as numbers", async () => {
    const res = await coordA.request({
      method: "GET",
      url: "/api/v1/contacts/export?format=xlsx&from=2026-06-01&to=2026-06-01",
    });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(2).getCell(3).value).toBe(20);
    expect(sheet.getRow(1).getCell(1).value).toBe("datum");
  });
  it("writes one audit row per export", async () => {
    const rows = await h.db.owner((tx) =>
      tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'contacts.exported'`),
    );
    expect(rows[0]!.n).toBe(3);
  });
});
