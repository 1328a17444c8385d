// User accounts through the admin API: created, given roles, deactivated, never deleted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { audited } from "../../../test/audit.ts";
import { seedOrg } from "../../../test/factories.ts";
import { createHarness, type Harness, type Session, signIn } from "../../../test/harness.ts";

const UNKNOWN = "0190b3a4-5c6d-7e8f-9a0b-1c2d3e4f5a6b";
const PASSWORD = "a long enough passphrase";

let h: Harness;
let org: Awaited<ReturnType<typeof seedOrg>>;
let other: Awaited<ReturnType<typeof seedOrg>>;
let admin: Session;

beforeAll(async () => {
  h = await createHarness();
  org = await seedOrg(h.db);
  other = await seedOrg(h.db, "other");
  admin = await signIn(h.app, org.emails.admin);
});
afterAll(() => h.close());

let n = 0;
const createUser = (body: Record<string, unknown> = {}) =>
  admin.request({
    method: "POST",
    url: "/api/v1/users",
    payload: { email: `new-${++n}@example.org`, displayName: `Nieuwe ${n}`, password: PASSWORD, ...body },
  });
const patchUser = (id: string, payload: Record<string, unknown>) =>
  admin.request({ method: "PATCH", url: `/api/v1/users/${id}`, payload });
const listUsers = async (query = "") =>
  (await admin.request({ method: "GET", url: `/api/v1/users${query}` })).json() as { id: string; isActive: boolean }[];

describe("users", () => {
  it("creates an account that can sign in, with one audit row and no password in it", async () => {
    const { result: res, rows } = await audited(h.db, () =>
      createUser({ email: "Ilse.Peeters@Example.org", orgRoles: ["director"], locale: "fr" }),
    );
    expect(res.statusCode).toBe(201);
    const user = res.json();
    expect(user).toMatchObject({
      email: "ilse.peeters@example.org",
      orgRoles: ["director"],
      locale: "fr",
      isActive: true,
      memberships: [],
    });
    expect(user).not.toHaveProperty("password");
    expect(user).not.toHaveProperty("passwordHash");
    expect(rows).toEqual([
      expect.objectContaining({ action: "user.created", entity_id: user.id, actor_user_id: org.users.admin }),
    ]);
    expect(JSON.stringify(rows)).not.toContain(PASSWORD);
    const s = await signIn(h.app, "ilse.peeters@example.org", PASSWORD);
    expect((await s.request({ method: "GET", url: "/api/v1/auth/session" })).json().user.locale).toBe("fr");
  });

  it("refuses an e-mail address already in use, in any case and in any organisation (409)", async () => {
    for (const email of [org.emails.workerA.toUpperCase(), other.emails.workerA]) {
      const { result: res, rows } = await audited(h.db, () => createUser({ email }));
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ key: "email_taken", field: "email" });
      expect(rows).toEqual([]);
    }
  });

  it("changes roles, without duplicates", async () => {
    const id = (await createUser()).json().id;
    const { result: res, rows } = await audited(h.db, () => patchUser(id, { orgRoles: ["dpo", "dpo", "director"] }));
    expect(res.statusCode).toBe(200);
    expect(res.json().orgRoles.sort()).toEqual(["director", "dpo"]);
    expect(rows).toEqual([expect.objectContaining({ action: "user.updated", details: { fields: ["orgRoles"] } })]);
    expect((await patchUser(id, { orgRoles: [] })).json().orgRoles).toEqual([]);
  });

  it("gives the admin role the admin routes", async () => {
    const created = (await createUser()).json();
    const s = await signIn(h.app, created.email, PASSWORD);
    expect((await s.request({ method: "GET", url: "/api/v1/users" })).statusCode).toBe(403);
    await patchUser(created.id, { orgRoles: ["admin"] });
    expect((await s.request({ method: "GET", url: "/api/v1/users" })).statusCode).toBe(200);
  });

  it("deactivates an account, which stays listed and can no longer sign in", async () => {
    const created = (await createUser()).json();
    const { result: res, rows } = await audited(h.db, () => patchUser(created.id, { isActive: false }));
    expect(res.json().isActive).toBe(false);
    expect(rows).toHaveLength(1);
    expect(await listUsers("?includeInactive=true")).toContainEqual(
      expect.objectContaining({ id: created.id, isActive: false }),
    );
    await expect(signIn(h.app, created.email, PASSWORD)).rejects.toThrow(/401/);
    // Reactivation gives access back.
    await patchUser(created.id, { isActive: true });
    await expect(signIn(h.app, created.email, PASSWORD)).resolves.toBeTruthy();
  });

  it("resets a password: the old one stops working and the account's sessions end", async () => {
    const created = (await createUser()).json();
    const s = await signIn(h.app, created.email, PASSWORD);
    const { result: res, rows } = await audited(h.db, () =>
      admin.request({
        method: "POST",
        url: `/api/v1/users/${created.id}/password`,
        payload: { password: "another long passphrase" },
      }),
    );
    expect(res.statusCode).toBe(200);
    expect(rows).toEqual([expect.objectContaining({ action: "user.password_reset", entity_id: created.id })]);
    expect((await s.request({ method: "GET", url: "/api/v1/auth/session" })).statusCode).toBe(401);
    await expect(signIn(h.app, created.email, PASSWORD)).rejects.toThrow(/401/);
    await expect(signIn(h.app, created.email, "another long passphrase")).resolves.toBeTruthy();
  });

  it("answers 404 for an unknown account, writes nothing, and offers no way to delete one", async () => {
    const patch = await audited(h.db, () => patchUser(UNKNOWN, { displayName: "X" }));
    const reset = await audited(h.db, () =>
      admin.request({ method: "POST", url: `/api/v1/users/${UNKNOWN}/password`, payload: { password: PASSWORD } }),
    );
    expect([patch.result.statusCode, reset.result.statusCode]).toEqual([404, 404]);
    expect([...patch.rows, ...reset.rows]).toEqual([]);
    expect((await admin.request({ method: "DELETE", url: `/api/v1/users/${org.users.workerB}` })).statusCode).toBe(404);
  });

  it("lists the organisation's own accounts", async () => {
    const ids = (await listUsers()).map((u) => u.id);
    expect(ids).toEqual(expect.arrayContaining(Object.values(org.users)));
  });
});
