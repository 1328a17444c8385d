// The second factor on an organisation with the default rule (coordinators, admins and the DPO):
// enrolment after the password, TOTP single use and window on the app's clock, recovery codes,
// throttling, password resets and factor resets that never skip the factor, and the rule per role.
import { ERROR_MESSAGES } from "@vindplaats/contracts";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { audited } from "../../../test/audit.ts";
import { seedOrg, TEST_PASSWORD } from "../../../test/factories.ts";
import { createHarness, type Harness, type Session, signIn } from "../../../test/harness.ts";
import { freshCode, type Secrets, sessionFrom, signInFully } from "../../../test/second-factor.ts";
import { resetPassword as cliResetPassword } from "../../cli/commands/reset-password.ts";
import type { CliIo } from "../../cli/io.ts";
import { DEMO_ADMIN, DEMO_COORDINATOR, DEMO_PASSWORD } from "../../demo/accounts.ts";
import { createDemoOrganisation } from "../../demo/create-demo.ts";
import { silentProgress } from "../../demo/progress.ts";
import { createOrganisation } from "../orgs/orgs.service.ts";
import { codeAt } from "./totp.service.ts";

let h: Harness;
let org: Awaited<ReturnType<typeof seedOrg>>;
let admin: Session;
const secrets: Secrets = new Map();
const quietIo: CliIo = {
  out: () => undefined,
  err: () => undefined,
  openDatabase: async () => h.db,
  progress: () => silentProgress,
};

beforeAll(async () => {
  h = await createHarness();
  org = await seedOrg(h.db, "mfa", { secondFactor: "privileged" });
});
afterAll(() => h.close());
// The tests move the clock by minutes: a fresh administrator session each time outlives none of that.
beforeEach(async () => {
  admin = await signInFully(h.app, h.clock, secrets, org.emails.admin);
});

const pendingOf = async (s: Session) =>
  (await s.request({ method: "GET", url: "/api/v1/auth/session" })).json().pending as {
    step: string;
    methods: string[];
  } | null;
const teams = (s: Session) => s.request({ method: "GET", url: "/api/v1/teams" });
const giveTotp = (s: Session, code: string) =>
  s.request({ method: "POST", url: "/api/v1/auth/second-factor/totp", payload: { code } });

describe("enrolment after the password", () => {
  it("sends a coordinator without a factor to enrolment, where nothing else answers", async () => {
    const s = await signIn(h.app, org.emails.coordinatorA);
    expect(await pendingOf(s)).toEqual({ step: "enrolment", methods: [] });
    const refused = await teams(s);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().key).toBe("enrolment_required");
    expect((await s.request({ method: "GET", url: "/api/v1/me/security" })).json().key).toBe("enrolment_required");

    const enrolment = (await s.request({ method: "POST", url: "/api/v1/me/totp/enrolment" })).json();
    expect(enrolment.uri).toMatch(/^otpauth:\/\/totp\/.+secret=[A-Z2-7]+/);
    expect(enrolment.uri).toContain("period=30");
    expect(enrolment.secret).toMatch(/^[A-Z2-7]{32}$/);

    const wrong = await s.request({
      method: "POST",
      url: "/api/v1/me/totp/enrolment/confirm",
      payload: { code: "000000" },
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toMatchObject({ key: "code_invalid", field: "code" });

    const { result: res, rows } = await audited(h.db, () =>
      s.request({
        method: "POST",
        url: "/api/v1/me/totp/enrolment/confirm",
        payload: { code: freshCode(h.clock, enrolment.secret) },
      }),
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.recoveryCodes).toHaveLength(10);
    expect(body.session.pending).toBeNull();
    expect(rows.map((r) => r.action)).toEqual(["auth.totp_enabled", "auth.recovery_codes_generated"]);
    expect(JSON.stringify(rows)).not.toContain(enrolment.secret);
    secrets.set(org.emails.coordinatorA, enrolment.secret);

    const full = sessionFrom(h.app, res);
    expect((await teams(full)).statusCode).toBe(200);
    // The unfinished session ended when the enrolment finished it.
    expect((await teams(s)).statusCode).toBe(401);
    // Recovery codes are stored hashed only.
    const stored = await h.db.owner((tx) =>
      tx.query<{ code_hash: string }>(`SELECT code_hash FROM recovery_codes WHERE user_id = $1`, [
        org.users.coordinatorA,
      ]),
    );
    expect(stored).toHaveLength(10);
    for (const code of body.recoveryCodes) expect(JSON.stringify(stored)).not.toContain(code.replace(/-/g, ""));
  });
});

describe("TOTP at sign-in", () => {
  const email = () => org.emails.coordinatorA;
  const secret = () => secrets.get(email())!;

  it("asks for the code after the password; the session is not signed in before it", async () => {
    const s = await signIn(h.app, email());
    expect(await pendingOf(s)).toEqual({ step: "second_factor", methods: ["totp", "recovery"] });
    const res = await teams(s);
    expect(res.statusCode).toBe(403);
    expect(res.json().key).toBe("second_factor_required");
    expect(res.json().detail).toBe(ERROR_MESSAGES.nl.second_factor_required);
  });

  it("accepts a code once: the same code is refused the second time within its window", async () => {
    const code = freshCode(h.clock, secret());
    const first = await signIn(h.app, email());
    const { result: ok, rows } = await audited(h.db, () => giveTotp(first, code));
    expect(ok.statusCode, ok.body).toBe(200);
    expect(rows.map((r) => [r.action, r.details])).toEqual([["auth.second_factor_passed", { method: "totp" }]]);
    expect((await teams(sessionFrom(h.app, ok))).statusCode).toBe(200);

    const second = await signIn(h.app, email());
    const { result: replay, rows: failed } = await audited(h.db, () => giveTotp(second, code));
    expect(replay.statusCode).toBe(422);
    expect(replay.json().key).toBe("code_invalid");
    expect(failed.map((r) => r.action)).toEqual(["auth.second_factor_failed"]);
    expect((await teams(second)).statusCode).toBe(403);
  });

  it("accepts one 30-second step either side of the server's clock, and no more", async () => {
    h.clock.advanceMinutes(16); // past the throttle window of the refused replay above
    const now = h.clock.now();
    const at = (steps: number) => codeAt(secret(), new Date(now.getTime() + steps * 30_000));
    const s = await signIn(h.app, email());
    for (const steps of [-3, -2, 2, 3]) expect((await giveTotp(s, at(steps))).statusCode, `step ${steps}`).toBe(422);
    expect((await giveTotp(s, at(-1))).statusCode).toBe(200);

    const later = await signIn(h.app, email());
    // A code of the same or an earlier step than the last one used is refused, even inside the window.
    expect((await giveTotp(later, at(-1))).statusCode).toBe(422);
    expect((await giveTotp(later, at(1))).statusCode).toBe(200);
    const again = await signIn(h.app, email());
    expect((await giveTotp(again, at(0))).statusCode).toBe(422);
    expect((await giveTotp(again, at(1))).statusCode).toBe(422);
    h.clock.advance(120_000);
  });

  it("throttles wrong codes per account: the right code is refused once locked", async () => {
    // coordinatorB enrols first, then guesses.
    const full = await signInFully(h.app, h.clock, secrets, org.emails.coordinatorB);
    await full.request({ method: "POST", url: "/api/v1/auth/sign-out" });
    const guessing = await signIn(h.app, org.emails.coordinatorB);
    for (let i = 0; i < 5; i++) expect((await giveTotp(guessing, "123456")).statusCode).toBe(422);
    const locked = await giveTotp(guessing, freshCode(h.clock, secrets.get(org.emails.coordinatorB)!));
    expect(locked.statusCode).toBe(429);
    expect(locked.json().key).toBe("too_many_attempts");
    h.clock.advanceMinutes(16);
  });

  it("takes a recovery code once instead of a code", async () => {
    const s = await signIn(h.app, org.emails.dpo);
    expect((await pendingOf(s))?.step).toBe("enrolment");
    const enrolment = (await s.request({ method: "POST", url: "/api/v1/me/totp/enrolment" })).json();
    const confirmed = await s.request({
      method: "POST",
      url: "/api/v1/me/totp/enrolment/confirm",
      payload: { code: freshCode(h.clock, enrolment.secret) },
    });
    const [code] = confirmed.json().recoveryCodes as string[];
    const next = await signIn(h.app, org.emails.dpo);
    const { result: ok, rows } = await audited(h.db, () =>
      next.request({
        method: "POST",
        url: "/api/v1/auth/second-factor/recovery",
        payload: { code: code!.toUpperCase() },
      }),
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(rows[0]).toMatchObject({
      action: "auth.second_factor_passed",
      details: { method: "recovery", recoveryCodesLeft: 9 },
    });
    const again = await signIn(h.app, org.emails.dpo);
    const reused = await again.request({
      method: "POST",
      url: "/api/v1/auth/second-factor/recovery",
      payload: { code: code! },
    });
    expect(reused.statusCode).toBe(422);
    expect((await teams(again)).statusCode).toBe(403);
  });

  it("refuses to turn the factor off while the rule requires one", async () => {
    const full = await signInFully(h.app, h.clock, secrets, email());
    const res = await full.request({
      method: "POST",
      url: "/api/v1/me/totp/disable",
      payload: { code: freshCode(h.clock, secret()) },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().key).toBe("factor_required");
    expect((await full.request({ method: "GET", url: "/api/v1/me/security" })).json()).toMatchObject({
      required: true,
      totp: { enabled: true },
    });
  });
});

describe("recovery of an account never skips the second factor", () => {
  it("keeps the factor after an administrator sets a new password", async () => {
    const reset = await admin.request({
      method: "POST",
      url: `/api/v1/users/${org.users.coordinatorA}/password`,
      payload: { password: "een nieuw lang wachtwoord" },
    });
    expect(reset.statusCode).toBe(200);
    const s = await signIn(h.app, org.emails.coordinatorA, "een nieuw lang wachtwoord");
    expect((await pendingOf(s))?.step).toBe("second_factor");
    expect((await teams(s)).statusCode).toBe(403);
  });

  it("keeps the factor after the operator's reset-password command", async () => {
    await cliResetPassword(h.db, { email: org.emails.coordinatorA, password: "nog een ander wachtwoord" }, quietIo);
    const s = await signIn(h.app, org.emails.coordinatorA, "nog een ander wachtwoord");
    expect((await pendingOf(s))?.step).toBe("second_factor");
    expect((await teams(s)).statusCode).toBe(403);
  });

  it("an administrator's factor reset is audited, ends sessions and forces a new enrolment", async () => {
    const victim = await signInFully(h.app, h.clock, secrets, org.emails.coordinatorA, "nog een ander wachtwoord");
    const { result: res, rows } = await audited(h.db, () =>
      admin.request({ method: "POST", url: `/api/v1/users/${org.users.coordinatorA}/second-factor/reset` }),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(rows).toEqual([
      expect.objectContaining({
        action: "user.second_factor_reset",
        actor_user_id: org.users.admin,
        entity_id: org.users.coordinatorA,
        details: { totp: true, passkeys: 0, recoveryCodes: 10 },
      }),
    ]);
    expect((await teams(victim)).statusCode).toBe(401);
    const s = await signIn(h.app, org.emails.coordinatorA, "nog een ander wachtwoord");
    expect(await pendingOf(s)).toEqual({ step: "enrolment", methods: [] });
    // The old secret and recovery codes are gone.
    expect((await giveTotp(s, freshCode(h.clock, secrets.get(org.emails.coordinatorA)!))).statusCode).toBe(403);
  });

  it("forces enrolment after a reset even where the rule asks for no factor", async () => {
    const s = await signIn(h.app, org.emails.workerA);
    expect(await pendingOf(s)).toBeNull();
    await admin.request({ method: "POST", url: `/api/v1/users/${org.users.workerA}/second-factor/reset` });
    expect((await pendingOf(await signIn(h.app, org.emails.workerA)))?.step).toBe("enrolment");
    secrets.delete(org.emails.workerA);
    await signInFully(h.app, h.clock, secrets, org.emails.workerA);
    expect((await pendingOf(await signIn(h.app, org.emails.workerA)))?.step).toBe("second_factor");
  });

  it("does not let an administrator reset their own factors", async () => {
    const res = await admin.request({ method: "POST", url: `/api/v1/users/${org.users.admin}/second-factor/reset` });
    expect(res.statusCode).toBe(403);
  });
});

describe("the rule per role", () => {
  it("requires the factor of admins, the DPO and coordinators, not of workers and directors", async () => {
    const fresh = await seedOrg(h.db, "rule", { secondFactor: "privileged" });
    const expected = {
      admin: "enrolment",
      dpo: "enrolment",
      coordinatorA: "enrolment",
      coordinatorB: "enrolment",
      director: null,
      workerA: null,
      workerB: null,
    } as const;
    for (const [who, step] of Object.entries(expected)) {
      const { result: s, rows } = await audited(h.db, () => signIn(h.app, fresh.emails[who as keyof typeof expected]));
      expect((await pendingOf(s))?.step ?? null, who).toBe(step);
      expect(rows.find((r) => r.action === "auth.signed_in")?.details).toEqual({ method: "password", pending: step });
    }
  });

  it("follows the administrator's setting: everyone, or nobody", async () => {
    const other = await seedOrg(h.db, "setting", { secondFactor: "privileged" });
    const otherAdmin = await signInFully(h.app, h.clock, secrets, other.emails.admin);
    const set = (secondFactor: string) =>
      otherAdmin.request({ method: "PUT", url: "/api/v1/security/settings", payload: { secondFactor } });
    const { result, rows } = await audited(h.db, () => set("everyone"));
    expect(result.json()).toEqual({ secondFactor: "everyone" });
    expect(rows).toEqual([
      expect.objectContaining({ action: "org.second_factor_rule_set", details: { rule: "everyone" } }),
    ]);
    expect((await pendingOf(await signIn(h.app, other.emails.workerA)))?.step).toBe("enrolment");
    expect((await pendingOf(await signIn(h.app, other.emails.director)))?.step).toBe("enrolment");
    await set("off");
    expect(await pendingOf(await signIn(h.app, other.emails.coordinatorA))).toBeNull();
    // An account that enrolled keeps its factor whatever the rule says.
    expect((await pendingOf(await signIn(h.app, other.emails.admin)))?.step).toBe("second_factor");
    expect(
      (await otherAdmin.request({ method: "PUT", url: "/api/v1/security/settings", payload: { secondFactor: "all" } }))
        .statusCode,
    ).toBe(400);
  });

  it("lets the demo accounts in with the published password alone (the demo's rule is off)", async () => {
    await createDemoOrganisation(h.db);
    for (const email of [DEMO_COORDINATOR, DEMO_ADMIN]) {
      const s = await signIn(h.app, email, DEMO_PASSWORD);
      expect(await pendingOf(s), email).toBeNull();
      expect((await teams(s)).statusCode).toBe(200);
    }
  });

  it("gives a new organisation the default rule", async () => {
    const fresh = await seedOrg(h.db, "default", {});
    // seedOrg turns it off for the other suites; the organisation service's own default is "privileged".
    const rule = await h.db.owner(async (tx) => {
      const id = await createOrganisation(tx, { name: "Nieuwe stad", slug: `nieuw-${fresh.orgId.slice(-6)}` });
      return (
        await tx.query<{ second_factor: string }>(`SELECT second_factor FROM org_auth_settings WHERE org_id = $1`, [id])
      )[0];
    });
    expect(rule?.second_factor).toBe("privileged");
  });
});

describe("passwords", () => {
  const create = (password: string, headers: Record<string, string> = {}) =>
    admin.request({
      method: "POST",
      url: "/api/v1/users",
      headers,
      payload: { email: `pw-${Math.random().toString(36).slice(2)}@example.org`, displayName: "Wachtwoord", password },
    });

  it("refuses common and breached passwords with a clear message, in the user's language", async () => {
    for (const password of [
      "qwerty123456",
      "1q2w3e4r5t6y",
      "Password2024!",
      "passwordpassword",
      "123456789012",
      "aaaaaaaaaaaa",
    ]) {
      const res = await create(password, { "accept-language": "fr" });
      expect(res.statusCode, password).toBe(422);
      expect(res.json()).toMatchObject({ key: "password_common", field: "password" });
    }
    // A signed-in user reads it in the account's language (Dutch here), whatever the browser asks.
    expect((await create("qwerty123456")).json().detail).toBe(ERROR_MESSAGES.nl.password_common);
  });

  it("refuses a password under 12 characters and accepts long ones without composition rules", async () => {
    expect((await create("kort genoeg")).statusCode).toBe(400);
    expect((await create("alleen kleine letters en spaties")).statusCode).toBe(201);
    expect((await create("vindplaats-demo")).statusCode).toBe(201);
  });

  it("applies to a password change and an administrator's reset", async () => {
    const s = await signIn(h.app, org.emails.director);
    const change = await s.request({
      method: "POST",
      url: "/api/v1/auth/password",
      payload: { currentPassword: TEST_PASSWORD, newPassword: "qwertyuiop123" },
    });
    expect(change.statusCode).toBe(422);
    expect(change.json()).toMatchObject({ key: "password_common", field: "newPassword" });
    const reset = await admin.request({
      method: "POST",
      url: `/api/v1/users/${org.users.director}/password`,
      payload: { password: "iloveyou12345" },
    });
    expect(reset.statusCode).toBe(422);
    expect(reset.json().key).toBe("password_common");
  });
});
