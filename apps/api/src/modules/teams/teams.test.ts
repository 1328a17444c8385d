// Teams and memberships through the admin API: every write is audited once, nothing is deleted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { audited } from "../../../test/audit.ts";
import { seedOrg } from "../../../test/factories.ts";
import { createHarness, type Harness, type Session, signIn } from "../../../test/harness.ts";

const UNKNOWN = "0190b3a4-5c6d-7e8f-9a0b-1c2d3e4f5a6b";

let h: Harness;
let org: Awaited<ReturnType<typeof seedOrg>>;
let admin: Session;

beforeAll(async () => {
  h = await createHarness();
  org = await seedOrg(h.db);
  admin = await signIn(h.app, org.emails.admin);
});
afterAll(() => h.close());

const createTeam = (name: string, kind = "other") =>
  admin.request({ method: "POST", url: "/api/v1/teams", payload: { name, kind } });
const patchTeam = (id: string, payload: Record<string, unknown>) =>
  admin.request({ method: "PATCH", url: `/api/v1/teams/${id}`, payload });
const listTeams = async (query = "") =>
  (await admin.request({ method: "GET", url: `/api/v1/teams${query}` })).json() as {
    id: string;
    isActive: boolean;
    memberCount: number;
  }[];

describe("teams", () => {
  it("creates a team with one audit row", async () => {
    const { result: res, rows } = await audited(h.db, () => createTeam("Nachtploeg", "night_patrol"));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ name: "Nachtploeg", kind: "night_patrol", isActive: true, memberCount: 0 });
    expect(rows).toEqual([
      expect.objectContaining({
        action: "team.created",
        entity_id: res.json().id,
        actor_user_id: org.users.admin,
        org_id: org.orgId,
      }),
    ]);
    expect((await listTeams()).map((t) => t.id)).toContain(res.json().id);
  });

  it("refuses a duplicate name, in any case, without writing", async () => {
    const { result: res, rows } = await audited(h.db, () => createTeam("STRAATHOEKWERK"));
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ key: "conflict", field: "name" });
    expect(rows).toEqual([]);
  });

  it("renames a team, but not to another team's name", async () => {
    const id = (await createTeam("Jeugdwerking", "youth_project")).json().id;
    const renamed = await audited(h.db, () => patchTeam(id, { name: "Jeugdwerk Noord" }));
    expect(renamed.result.json().name).toBe("Jeugdwerk Noord");
    expect(renamed.rows).toEqual([
      expect.objectContaining({ action: "team.updated", entity_id: id, details: { fields: ["name"] } }),
    ]);
    const clash = await audited(h.db, () => patchTeam(id, { name: "Buurtstewards" }));
    expect(clash.result.statusCode).toBe(409);
    expect(clash.rows).toEqual([]);
    // Changing only the case of its own name is fine.
    expect((await patchTeam(id, { name: "JEUGDWERK NOORD" })).statusCode).toBe(200);
  });

  it("deactivates a team, which stays listed with includeInactive=true", async () => {
    const id = (await createTeam("Tijdelijk")).json().id;
    const { result: res, rows } = await audited(h.db, () => patchTeam(id, { isActive: false }));
    expect(res.json().isActive).toBe(false);
    expect(rows).toHaveLength(1);
    expect((await listTeams()).map((t) => t.id)).not.toContain(id);
    expect(await listTeams("?includeInactive=true")).toContainEqual(expect.objectContaining({ id, isActive: false }));
  });

  it("answers 404 for an unknown team and offers no way to delete one", async () => {
    const { result: patch, rows } = await audited(h.db, () => patchTeam(UNKNOWN, { name: "X" }));
    expect(patch.statusCode).toBe(404);
    expect(rows).toEqual([]);
    expect((await admin.request({ method: "DELETE", url: `/api/v1/teams/${org.teamB}` })).statusCode).toBe(404);
    expect(await listTeams()).toContainEqual(expect.objectContaining({ id: org.teamB }));
  });
});

describe("audit in the same transaction", () => {
  it("stores nothing when the audit row cannot be written", async () => {
    await h.db.owner((tx) => tx.query(`REVOKE INSERT ON audit_events FROM vindplaats_app`));
    try {
      const res = await createTeam("Zonder spoor");
      expect(res.statusCode).toBe(500);
      expect(res.json().key).toBe("internal");
      const renamed = await patchTeam(org.teamB, { name: "Hernoemd zonder spoor" });
      expect(renamed.statusCode).toBe(500);
    } finally {
      await h.db.owner((tx) => tx.query(`GRANT INSERT ON audit_events TO vindplaats_app`));
    }
    const names = (await listTeams("?includeInactive=true")) as unknown as { name: string }[];
    expect(names.map((t) => t.name)).not.toContain("Zonder spoor");
    expect(names.map((t) => t.name)).toContain("Buurtstewards");
  });
});

describe("memberships", () => {
  const members = async (teamId: string) =>
    (await admin.request({ method: "GET", url: `/api/v1/teams/${teamId}/members` })).json() as {
      userId: string;
      role: string;
      isActive: boolean;
    }[];
  const setMember = (teamId: string, body: Record<string, unknown>) =>
    admin.request({ method: "PUT", url: `/api/v1/teams/${teamId}/members`, payload: body });

  it("adds a member, changes the role and ends the membership, each with one audit row", async () => {
    const userId = org.users.workerB;
    const added = await audited(h.db, () => setMember(org.teamA, { userId, role: "worker" }));
    expect(added.result.statusCode).toBe(200);
    expect(added.rows).toEqual([expect.objectContaining({ action: "membership.set", entity_id: org.teamA })]);
    expect(await members(org.teamA)).toContainEqual(
      expect.objectContaining({ userId, role: "worker", isActive: true }),
    );

    const promoted = await audited(h.db, () => setMember(org.teamA, { userId, role: "coordinator" }));
    expect(promoted.rows).toHaveLength(1);
    expect(promoted.result.json()).toContainEqual(expect.objectContaining({ userId, role: "coordinator" }));
    const s = await signIn(h.app, org.emails.workerB);
    const session = (await s.request({ method: "GET", url: "/api/v1/auth/session" })).json();
    expect(session.memberships).toContainEqual(expect.objectContaining({ teamId: org.teamA, role: "coordinator" }));

    const ended = await audited(h.db, () => setMember(org.teamA, { userId, role: "coordinator", isActive: false }));
    expect(ended.result.statusCode).toBe(200);
    expect(ended.rows).toHaveLength(1);
    // Ended, not deleted: the row stays, inactive, and no longer gives access.
    expect(await members(org.teamA)).toContainEqual(expect.objectContaining({ userId, isActive: false }));
    const after = (await s.request({ method: "GET", url: "/api/v1/auth/session" })).json();
    expect(after.memberships.map((m: { teamId: string }) => m.teamId)).not.toContain(org.teamA);
  });

  it("counts active members only", async () => {
    const count = async () => (await listTeams()).find((t) => t.id === org.teamB)!.memberCount;
    const before = await count();
    await setMember(org.teamB, { userId: org.users.director, role: "worker" });
    expect(await count()).toBe(before + 1);
    await setMember(org.teamB, { userId: org.users.director, role: "worker", isActive: false });
    expect(await count()).toBe(before);
  });

  it("refuses an unknown user (422 userId) and an unknown team (404) without writing", async () => {
    const unknownUser = await audited(h.db, () => setMember(org.teamA, { userId: UNKNOWN, role: "worker" }));
    expect(unknownUser.result.statusCode).toBe(422);
    expect(unknownUser.result.json()).toMatchObject({ key: "validation", field: "userId" });
    const unknownTeam = await audited(h.db, () => setMember(UNKNOWN, { userId: org.users.workerA, role: "worker" }));
    expect(unknownTeam.result.statusCode).toBe(404);
    expect([...unknownUser.rows, ...unknownTeam.rows]).toEqual([]);
  });

  it("ending someone's only membership takes away their access to team data", async () => {
    const s = await signIn(h.app, org.emails.workerA2);
    expect((await s.request({ method: "GET", url: "/api/v1/teams" })).statusCode).toBe(200);
    await setMember(org.teamA, { userId: org.users.workerA2, role: "worker", isActive: false });
    expect((await s.request({ method: "GET", url: "/api/v1/teams" })).statusCode).toBe(403);
  });
});
