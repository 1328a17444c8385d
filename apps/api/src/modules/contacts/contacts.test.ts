import { uuidv7 } from "@vindplaats/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg } from "../../../test/factories.ts";
import { createHarness, type Harness, type Session, signIn } from "../../../test/harness.ts";

let h: Harness;
let org: Awaited<ReturnType<typeof seedOrg>>;
let workerA: Session;
let coordA: Session;
let workerB: Session;

const minutesAgo = (m: number) => new Date(h.clock.now().getTime() - m * 60_000).toISOString();

async function register(s: Session, body: Record<string, unknown>) {
  return s.request({
    method: "POST",
    url: "/api/v1/contacts",
    payload: { durationMinutes: 15, startedAt: minutesAgo(30), ...body },
  });
}

beforeAll(async () => {
  h = await createHarness();
  org = await seedOrg(h.db);
  workerA = await signIn(h.app, org.emails.workerA);
  coordA = await signIn(h.app, org.emails.coordinatorA);
  workerB = await signIn(h.app, org.emails.workerB);
});
afterAll(() => h.close());

describe("registering contacts", () => {
  it("registers a contact with a new person, a life domain and a referral", async () => {
    const res = await register(workerA, {
      teamId: org.teamA,
      placeId: org.square,
      newPersons: [{ nickname: "Zebedeus", ageBand: "26_40" }],
      lifeDomains: ["housing"],
      actions: ["direct_help"],
      cameAbout: ["own_observation"],
      referrals: [{ serviceCode: "night_shelter", accompanied: true }],
      note: "Slaapt sinds kort aan het station.",
    });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c.personIds).toHaveLength(1);
    expect(c.neighbourhoodId).toBe(org.north);
    expect(c.locationKind).toBe("public");
    expect(c.workerIds).toEqual([org.users.workerA]);
    const page = await workerA.request({ method: "GET", url: `/api/v1/persons/${c.personIds[0]}` });
    expect(page.statusCode).toBe(200);
    expect(
      page
        .json()
        .timeline.map((t: { kind: string }) => t.kind)
        .sort(),
    ).toEqual(["contact", "identity", "referral"]);
  });

  it("is idempotent on the client id: a retry returns the same contact and stores one", async () => {
    const id = uuidv7();
    const body = { id, teamId: org.teamA, placeId: org.square, anonymous: [{ count: 3 }] };
    const first = await register(workerA, body);
    const second = await register(workerA, body);
    expect(first.statusCode).toBe(201);
    expect(second.json().id).toBe(id);
    const n = await h.db.owner((tx) =>
      tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM contacts WHERE id = $1`, [id]),
    );
    expect(n[0]!.n).toBe(1);
  });

  it("counts a tally as one anonymous contact at the place", async () => {
    const res = await workerA.request({
      method: "POST",
      url: "/api/v1/contacts/tally",
      payload: { teamId: org.teamA, placeId: org.park },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      mode: "tally",
      anonymousTotal: 1,
      placeId: org.park,
      neighbourhoodId: org.south,
    });
  });

  it("refuses bad input with the field named and stores nothing", async () => {
    const count = async () =>
      (await h.db.owner((tx) => tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM contacts`)))[0]!.n;
    const before = await count();
    const future = new Date(h.clock.now().getTime() + 3600_000).toISOString();
    const cases: [Record<string, unknown>, string][] = [
      [{ teamId: org.teamA, placeId: org.square, startedAt: future, anonymous: [{ count: 1 }] }, "startedAt"],
      [{ teamId: org.teamA, placeId: org.square, durationMinutes: -1, anonymous: [{ count: 1 }] }, "durationMinutes"],
      [{ teamId: org.teamA, placeId: org.square, anonymous: [{ count: 501 }] }, "anonymous.0.count"],
      [{ teamId: org.teamA, placeId: org.square, anonymous: [{ count: 300 }, { count: 300 }] }, "anonymous"],
      [{ teamId: org.teamA, placeId: uuidv7(), anonymous: [{ count: 1 }] }, "placeId"],
      [{ teamId: org.teamA, placeId: org.square, personIds: [uuidv7()] }, "personIds"],
      [{ teamId: org.teamB, placeId: org.square, anonymous: [{ count: 1 }] }, "teamId"],
      [{ teamId: org.teamA, placeId: org.square }, "personIds"],
      [
        { teamId: org.teamA, placeId: org.square, anonymous: [{ count: 1 }], lifeDomains: ["astrology"] },
        "lifeDomains",
      ],
    ];
    for (const [body, field] of cases) {
      const res = await register(workerA, body);
      expect(res.statusCode, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json().field).toBe(field);
    }
    expect(await count()).toBe(before);
  });
});

describe("scope", () => {
  it("keeps team B's contacts and persons out of team A's reach (404, not 403)", async () => {
    const res = await register(workerB, { teamId: org.teamB, placeId: org.park, newPersons: [{ nickname: "Kobalt" }] });
    const contact = res.json();
    const personId = contact.personIds[0];
    for (const req of [
      { method: "GET", url: `/api/v1/contacts/${contact.id}` },
      { method: "PATCH", url: `/api/v1/contacts/${contact.id}`, payload: { reason: "x", durationMinutes: 5 } },
      { method: "POST", url: `/api/v1/contacts/${contact.id}/remove`, payload: { reason: "x" } },
      { method: "GET", url: `/api/v1/contacts/${contact.id}/revisions` },
      { method: "GET", url: `/api/v1/persons/${personId}` },
      { method: "PATCH", url: `/api/v1/persons/${personId}`, payload: { nickname: "Other" } },
    ] as const) {
      expect((await workerA.request(req)).statusCode, req.url).toBe(404);
    }
    const list = await coordA.request({ method: "GET", url: "/api/v1/contacts?limit=200" });
    expect(list.json().items.map((c: { id: string }) => c.id)).not.toContain(contact.id);
    expect((await coordA.request({ method: "GET", url: `/api/v1/contacts?teamId=${org.teamB}` })).statusCode).toBe(422);
    const csv = await coordA.request({ method: "GET", url: "/api/v1/contacts/export?format=csv" });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).not.toContain("Kobalt");
    const search = await workerA.request({ method: "GET", url: "/api/v1/persons?q=kob" });
    expect(search.json().items).toHaveLength(0);
  });
});
