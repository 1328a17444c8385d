// Two organisations in one database: neither admin can see or change the other's data, and
// row-level security holds even for a query that forgets to filter on the organisation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { audited } from "../../../test/audit.ts";
import { seedOrg } from "../../../test/factories.ts";
import { createHarness, type Harness, rowCounts, type Session, signIn } from "../../../test/harness.ts";

let h: Harness;
let a: Awaited<ReturnType<typeof seedOrg>>;
let b: Awaited<ReturnType<typeof seedOrg>>;
let adminB: Session;

beforeAll(async () => {
  h = await createHarness();
  a = await seedOrg(h.db, "a");
  b = await seedOrg(h.db, "b");
  adminB = await signIn(h.app, b.emails.admin);
});
afterAll(() => h.close());

const ids = async (url: string) =>
  ((await adminB.request({ method: "GET", url })).json() as { id?: string; userId?: string }[]).map(
    (r) => r.id ?? r.userId,
  );

describe("organisation isolation", () => {
  it("lists only the own organisation's teams, users, neighbourhoods and places", async () => {
    const teams = await ids("/api/v1/teams?includeInactive=true");
    expect(teams.sort()).toEqual([b.teamA, b.teamB].sort());
    const users = await ids("/api/v1/users");
    expect(users.sort()).toEqual(Object.values(b.users).sort());
    expect((await ids("/api/v1/neighbourhoods?includeInactive=true")).sort()).toEqual([b.north, b.south].sort());
    expect((await ids("/api/v1/places?includeInactive=true")).sort()).toEqual([b.square, b.park].sort());
  });

  it("answers 404 to every attempt to read or edit the other organisation's rows, writing nothing", async () => {
    const attempts = [
      { method: "PATCH", url: `/api/v1/teams/${a.teamA}`, payload: { name: "Overgenomen" } },
      { method: "PATCH", url: `/api/v1/teams/${a.teamA}`, payload: { isActive: false } },
      { method: "GET", url: `/api/v1/teams/${a.teamA}/members` },
      { method: "PUT", url: `/api/v1/teams/${a.teamA}/members`, payload: { userId: b.users.workerA, role: "worker" } },
      { method: "PATCH", url: `/api/v1/users/${a.users.workerA}`, payload: { isActive: false } },
      { method: "POST", url: `/api/v1/users/${a.users.admin}/password`, payload: { password: "taken over account" } },
      { method: "PATCH", url: `/api/v1/neighbourhoods/${a.north}`, payload: { name: "Overgenomen" } },
      { method: "PATCH", url: `/api/v1/places/${a.square}`, payload: { isActive: false } },
    ] as const;
    const before = await rowCounts(h.db);
    for (const attempt of attempts) {
      const { result: res, rows } = await audited(h.db, () => adminB.request(attempt));
      expect(res.statusCode, `${attempt.method} ${attempt.url}`).toBe(404);
      expect(rows).toEqual([]);
    }
    expect(await rowCounts(h.db)).toEqual(before);
    // The first organisation's admin still signs in with the unchanged password.
    await expect(signIn(h.app, a.emails.admin)).resolves.toBeTruthy();
  });

  it("refuses references to the other organisation's rows inside a body", async () => {
    const member = await adminB.request({
      method: "PUT",
      url: `/api/v1/teams/${b.teamA}/members`,
      payload: { userId: a.users.workerA, role: "worker" },
    });
    expect(member.statusCode).toBe(422);
    expect(member.json().field).toBe("userId");
    const place = await adminB.request({
      method: "POST",
      url: "/api/v1/places",
      payload: { name: "Indringer", neighbourhoodId: a.north, kind: "public" },
    });
    expect(place.statusCode).toBe(422);
    expect(place.json().field).toBe("neighbourhoodId");
    const moved = await adminB.request({
      method: "PATCH",
      url: `/api/v1/places/${b.square}`,
      payload: { neighbourhoodId: a.north },
    });
    expect(moved.statusCode).toBe(422);
  });

  it("lets both organisations use the same team and place names", async () => {
    const res = await adminB.request({
      method: "POST",
      url: "/api/v1/teams",
      payload: { name: "Nieuw", kind: "other" },
    });
    expect(res.statusCode).toBe(201);
    const adminA = await signIn(h.app, a.emails.admin);
    const same = await adminA.request({
      method: "POST",
      url: "/api/v1/teams",
      payload: { name: "Nieuw", kind: "other" },
    });
    expect(same.statusCode).toBe(201);
  });
});

describe("row-level security", () => {
  const count = (orgId: string | null, table: string) =>
    h.db.transaction(
      { orgId, userId: null },
      async (tx) => (await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n,
    );
  const ownerCount = (table: string, orgId?: string) =>
    h.db.owner(
      async (tx) =>
        (
          await tx.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM ${table}${orgId ? " WHERE org_id = $1" : ""}`,
            orgId ? [orgId] : [],
          )
        )[0]!.n,
    );

  it.each(["teams", "users", "memberships", "neighbourhoods", "places", "audit_events", "organisations"])(
    "an unfiltered SELECT on %s sees only the scoped organisation",
    async (table) => {
      expect(await ownerCount(table)).toBeGreaterThan(await ownerCount(table, a.orgId));
      expect(await count(a.orgId, table)).toBe(await ownerCount(table, a.orgId));
      expect(await count(b.orgId, table)).toBe(await ownerCount(table, b.orgId));
      expect(await count(null, table)).toBe(0);
    },
  );

  it("an UPDATE without an organisation filter changes only the scoped organisation", async () => {
    await h.db.transaction({ orgId: b.orgId, userId: null }, (tx) =>
      tx.query(`UPDATE teams SET name = name || ' (b)' WHERE name = 'Straathoekwerk'`),
    );
    const names = await h.db.owner((tx) =>
      tx.query<{ org_id: string; name: string }>(`SELECT org_id, name FROM teams WHERE name LIKE 'Straathoekwerk%'`),
    );
    expect(names).toContainEqual({ org_id: a.orgId, name: "Straathoekwerk" });
    expect(names).toContainEqual({ org_id: b.orgId, name: "Straathoekwerk (b)" });
  });

  it("refuses to insert a row for another organisation", async () => {
    await expect(
      h.db.transaction({ orgId: b.orgId, userId: null }, (tx) =>
        tx.query(`INSERT INTO teams (id, org_id, name, kind) VALUES ($1, $2, 'Inbraak', 'other')`, [
          "0190b3a4-5c6d-7e8f-9a0b-1c2d3e4f5a6b",
          a.orgId,
        ]),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it("does not let the application role delete audit history or rewrite it", async () => {
    await expect(
      h.db.transaction({ orgId: a.orgId, userId: null }, (tx) => tx.query(`DELETE FROM audit_events`)),
    ).rejects.toThrow(/permission denied/);
    await expect(
      h.db.transaction({ orgId: a.orgId, userId: null }, (tx) => tx.query(`UPDATE audit_events SET action = 'x'`)),
    ).rejects.toThrow(/permission denied/);
  });
});
