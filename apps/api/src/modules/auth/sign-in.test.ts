// Sign-in answers and throttling: no answer may reveal whether an e-mail address has an account.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, TEST_PASSWORD } from "../../../test/factories.ts";
import { createHarness, type Harness, signIn } from "../../../test/harness.ts";

let h: Harness;
let org: Awaited<ReturnType<typeof seedOrg>>;
let maxPerAccount: number;
let maxPerIp: number;

beforeAll(async () => {
  h = await createHarness({ loginMaxPerAccount: 3, loginMaxPerIp: 6 });
  org = await seedOrg(h.db);
  ({ loginMaxPerAccount: maxPerAccount, loginMaxPerIp: maxPerIp } = h.app.deps.config);
});
afterAll(() => h.close());

let nextIp = 1;
/** Every test signs in from its own address so the per-IP counter of one test never leaks into another. */
const freshIp = () => `192.0.2.${nextIp++}`;

const attempt = (email: string, password: string, remoteAddress: string) =>
  h.app.inject({ method: "POST", url: "/api/v1/auth/sign-in", payload: { email, password }, remoteAddress });

describe("sign-in", () => {
  it("returns the session and a session cookie for the right password", async () => {
    const res = await attempt(org.emails.workerA, TEST_PASSWORD, freshIp());
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({ id: org.users.workerA, email: org.emails.workerA, locale: "nl" });
    expect(body.organisation.id).toBe(org.orgId);
    expect(body.memberships).toEqual([
      { teamId: org.teamA, teamName: "Straathoekwerk", teamKind: "street_work", role: "worker" },
    ]);
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.idleTimeoutSeconds).toBe(30 * 60);
    expect(Date.parse(body.expiresAt)).toBe(h.clock.now().getTime() + 12 * 3600_000);
    const cookie = res.cookies.find((c) => c.name === "vp_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/" });
    expect(JSON.stringify(body)).not.toContain(cookie!.value);
  });

  it("accepts the e-mail address in any case", async () => {
    const res = await attempt(org.emails.workerA.toUpperCase(), TEST_PASSWORD, freshIp());
    expect(res.statusCode).toBe(200);
  });

  it("gives a wrong password, an unknown account and a deactivated account the identical answer", async () => {
    const ip = freshIp();
    const wrong = await attempt(org.emails.workerB, "not the password", ip);
    const unknown = await attempt("nobody@example.org", "not the password", ip);
    await h.db.owner((tx) => tx.query(`UPDATE users SET is_active = false WHERE id = $1`, [org.users.dpo]));
    const inactive = await attempt(org.emails.dpo, TEST_PASSWORD, ip);
    for (const res of [wrong, unknown, inactive]) {
      expect(res.statusCode).toBe(401);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.cookies).toHaveLength(0);
      expect(res.json()).toEqual(unknown.json());
    }
    expect(unknown.json().key).toBe("invalid_credentials");
  });
});

describe("throttling per account", () => {
  it(`locks an account after LOGIN_MAX_PER_ACCOUNT failures, even for the right password`, async () => {
    for (let i = 0; i < maxPerAccount; i++) {
      expect((await attempt(org.emails.coordinatorA, "wrong", freshIp())).statusCode).toBe(401);
    }
    const locked = await attempt(org.emails.coordinatorA, TEST_PASSWORD, freshIp());
    expect(locked.statusCode).toBe(429);
    expect(locked.json().key).toBe("too_many_attempts");
    expect(locked.cookies).toHaveLength(0);
  });

  it("locks an e-mail address without an account the same way, with an identical answer", async () => {
    const failures = async (email: string) => {
      const answers = [];
      for (let i = 0; i < maxPerAccount + 1; i++) answers.push(await attempt(email, "wrong", freshIp()));
      return answers.map((r) => ({ status: r.statusCode, body: r.json(), cookies: r.cookies.length }));
    };
    const existing = await failures(org.emails.coordinatorB);
    const missing = await failures("no-such-account@example.org");
    expect(missing).toEqual(existing);
    expect(existing.at(-1)).toMatchObject({ status: 429, body: { key: "too_many_attempts" } });
    expect(existing.at(-2)?.status).toBe(401);
  });

  it("unlocks after the window on the clock, and a success resets the count", async () => {
    const email = org.emails.workerA2;
    for (let i = 0; i < maxPerAccount; i++) await attempt(email, "wrong", freshIp());
    h.clock.advanceMinutes(14);
    expect((await attempt(email, TEST_PASSWORD, freshIp())).statusCode).toBe(429);
    h.clock.advanceMinutes(1);
    h.clock.advance(1000);
    expect((await attempt(email, TEST_PASSWORD, freshIp())).statusCode).toBe(200);
    // The success cleared the account's failures: it takes the full number again to lock it.
    for (let i = 0; i < maxPerAccount - 1; i++) await attempt(email, "wrong", freshIp());
    expect((await attempt(email, TEST_PASSWORD, freshIp())).statusCode).toBe(200);
  });
});

describe("throttling per IP address", () => {
  it("locks an address that tries many different accounts, for every account, but not other addresses", async () => {
    const ip = freshIp();
    for (let i = 0; i < maxPerIp; i++) {
      const res = await attempt(i % 2 ? `guess-${i}@example.org` : org.emails.admin, "wrong", ip);
      expect(res.statusCode).toBe(401);
    }
    // Another account, right password, same address: still refused.
    const locked = await attempt(org.emails.director, TEST_PASSWORD, ip);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().key).toBe("too_many_attempts");
    // The accounts themselves are not locked: from another address they sign in.
    await expect(signIn(h.app, org.emails.director, TEST_PASSWORD, { remoteAddress: freshIp() })).resolves.toBeTruthy();
    h.clock.advanceMinutes(16);
    expect((await attempt(org.emails.director, TEST_PASSWORD, ip)).statusCode).toBe(200);
  });
});
