// Session lifetime on the fake clock, sign-out, sign-out everywhere, password change and deactivation.
import { uuidv7 } from "@vindplaats/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, seedOrg, TEST_PASSWORD } from "../../../test/factories.ts";
import { auditRows, createHarness, type Harness, type Session, signIn } from "../../../test/harness.ts";

let h: Harness;
let org: Awaited<ReturnType<typeof seedOrg>>;

beforeAll(async () => {
  h = await createHarness();
  org = await seedOrg(h.db);
});
afterAll(() => h.close());

/** A user of team A of its own, so tests that change passwords or sessions do not disturb each other. */
async function newWorker() {
  const email = `worker-${uuidv7().slice(-12)}@example.org`;
  const id = await h.db.owner((tx) => addUser(tx, org.orgId, email, { teams: [[org.teamA, "worker"]] }));
  return { id, email };
}

const whoAmI = (s: Session) => s.request({ method: "GET", url: "/api/v1/auth/session" });

async function expectEnded(s: Session, key: "session_expired" | "unauthenticated") {
  const res = await whoAmI(s);
  expect(res.statusCode).toBe(401);
  expect(res.headers["content-type"]).toContain("application/problem+json");
  expect(res.json().key).toBe(key);
}

describe("session lifetime", () => {
  it("ends after 30 idle minutes", async () => {
    const s = await signIn(h.app, org.emails.workerA);
    h.clock.advanceMinutes(29);
    expect((await whoAmI(s)).statusCode).toBe(200);
    h.clock.advanceMinutes(31);
    await expectEnded(s, "session_expired");
  });

  it("stays alive for two hours of requests every 20 minutes", async () => {
    const s = await signIn(h.app, org.emails.workerA2);
    for (let minutes = 20; minutes <= 120; minutes += 20) {
      h.clock.advanceMinutes(20);
      expect((await whoAmI(s)).statusCode, `after ${minutes} minutes`).toBe(200);
    }
  });

  it("ends an active session at the absolute lifetime of 12 hours", async () => {
    const signedInAt = h.clock.now().getTime();
    const s = await signIn(h.app, org.emails.coordinatorA);
    expect(Date.parse((await whoAmI(s)).json().expiresAt)).toBe(signedInAt + 12 * 3600_000);
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      h.clock.advanceMinutes(20);
      expect((await whoAmI(s)).statusCode, `after ${minutes} minutes`).toBe(200);
    }
    h.clock.advanceMinutes(20);
    await expectEnded(s, "session_expired");
  });
});

describe("sign-out", () => {
  it("ends this session and clears the cookie", async () => {
    const user = await newWorker();
    const s = await signIn(h.app, user.email);
    const other = await signIn(h.app, user.email);
    const res = await s.request({ method: "POST", url: "/api/v1/auth/sign-out" });
    expect(res.statusCode).toBe(200);
    const cleared = res.cookies.find((c) => c.name === "vp_session");
    expect(cleared?.value).toBe("");
    await expectEnded(s, "unauthenticated");
    expect((await whoAmI(other)).statusCode).toBe(200);
    expect((await auditRows(h.db, user.id)).map((r) => r.action)).toContain("auth.signed_out");
  });

  it("everywhere ends every session of the user and no one else's", async () => {
    const user = await newWorker();
    const bystander = await newWorker();
    const first = await signIn(h.app, user.email);
    const second = await signIn(h.app, user.email);
    const theirs = await signIn(h.app, bystander.email);
    const res = await first.request({ method: "POST", url: "/api/v1/auth/sign-out-everywhere" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ended: 2 });
    await expectEnded(first, "unauthenticated");
    await expectEnded(second, "unauthenticated");
    expect((await whoAmI(theirs)).statusCode).toBe(200);
  });
});

describe("password change", () => {
  const change = (s: Session, currentPassword: string, newPassword: string) =>
    s.request({ method: "POST", url: "/api/v1/auth/password", payload: { currentPassword, newPassword } });

  it("refuses a wrong current password and changes nothing", async () => {
    const user = await newWorker();
    const s = await signIn(h.app, user.email);
    const res = await change(s, "not my password", "a brand new passphrase");
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ key: "password_wrong", field: "currentPassword" });
    await expect(signIn(h.app, user.email, TEST_PASSWORD)).resolves.toBeTruthy();
    await expect(signIn(h.app, user.email, "a brand new passphrase")).rejects.toThrow(/401/);
  });

  it("refuses the current password as the new one", async () => {
    const user = await newWorker();
    const s = await signIn(h.app, user.email);
    const res = await change(s, TEST_PASSWORD, TEST_PASSWORD);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ key: "password_reused", field: "newPassword" });
  });

  it("switches to the new password, keeps this session and ends the others", async () => {
    const user = await newWorker();
    const current = await signIn(h.app, user.email);
    const other = await signIn(h.app, user.email);
    const res = await change(current, TEST_PASSWORD, "a brand new passphrase");
    expect(res.statusCode).toBe(200);
    expect((await whoAmI(current)).statusCode).toBe(200);
    await expectEnded(other, "unauthenticated");
    await expect(signIn(h.app, user.email, "a brand new passphrase")).resolves.toBeTruthy();
    const old = await h.app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-in",
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    expect(old.statusCode).toBe(401);
    expect((await auditRows(h.db, user.id)).map((r) => r.action)).toContain("auth.password_changed");
  });
});

describe("deactivation", () => {
  it("takes access away at once when an admin deactivates the account", async () => {
    const user = await newWorker();
    const s = await signIn(h.app, user.email);
    const admin = await signIn(h.app, org.emails.admin);
    const res = await admin.request({
      method: "PATCH",
      url: `/api/v1/users/${user.id}`,
      payload: { isActive: false },
    });
    expect(res.statusCode).toBe(200);
    await expectEnded(s, "unauthenticated");
    const again = await h.app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-in",
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    expect(again.statusCode).toBe(401);
    expect(again.json().key).toBe("invalid_credentials");
  });

  it("ends the access of a session even if it was not revoked (the account row decides)", async () => {
    const user = await newWorker();
    const s = await signIn(h.app, user.email);
    await h.db.owner((tx) => tx.query(`UPDATE users SET is_active = false WHERE id = $1`, [user.id]));
    await expectEnded(s, "unauthenticated");
  });
});
