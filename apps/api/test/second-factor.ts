// Test helpers for sign-ins with a second factor: sessions from any answer that sets the cookie,
// and a full sign-in that enrols TOTP on the way when the account must.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import type { FakeClock } from "../src/clock.ts";
import { codeAt } from "../src/modules/auth/totp.service.ts";
import { TEST_PASSWORD } from "./factories.ts";
import { type Session, signIn } from "./harness.ts";

/** The session an answer started (sign-in, second step, enrolment). */
export function sessionFrom(app: FastifyInstance, res: LightMyRequestResponse, csrf?: string): Session {
  const set = res.cookies.find((c) => c.name === "vp_session" || c.name === "__Host-vp_session");
  if (!set) throw new Error(`no session cookie: ${res.statusCode} ${res.body}`);
  const cookie = `${set.name}=${set.value}`;
  const body = res.json() as { csrfToken?: string; session?: { csrfToken: string } };
  const token = csrf ?? body.csrfToken ?? body.session?.csrfToken;
  if (!token) throw new Error("no CSRF token in the answer");
  return {
    cookie,
    csrf: token,
    request: (opts: InjectOptions) =>
      app.inject({ ...opts, headers: { cookie, "x-csrf-token": token, ...(opts.headers ?? {}) } } as InjectOptions),
  };
}

/** TOTP secrets of the accounts a test enrolled, by e-mail. */
export type Secrets = Map<string, string>;

/** A code that was not used before: each call moves the clock on by one 30-second step first. */
export function freshCode(clock: FakeClock, secret: string): string {
  clock.advance(30_000);
  return codeAt(secret, clock.now());
}

/** Signs in completely: password, then enrolment or the second step with TOTP when the account owes one. */
export async function signInFully(
  app: FastifyInstance,
  clock: FakeClock,
  secrets: Secrets,
  email: string,
  password = TEST_PASSWORD,
): Promise<Session> {
  const first = await signIn(app, email, password);
  const view = (await first.request({ method: "GET", url: "/api/v1/auth/session" })).json();
  if (!view.pending) return first;
  if (view.pending.step === "enrolment") {
    const enrolment = (await first.request({ method: "POST", url: "/api/v1/me/totp/enrolment" })).json();
    secrets.set(email, enrolment.secret);
    const res = await first.request({
      method: "POST",
      url: "/api/v1/me/totp/enrolment/confirm",
      payload: { code: freshCode(clock, enrolment.secret) },
    });
    if (res.statusCode !== 200) throw new Error(`enrolment failed: ${res.statusCode} ${res.body}`);
    return sessionFrom(app, res);
  }
  const secret = secrets.get(email);
  if (!secret) throw new Error(`no TOTP secret known for ${email}`);
  const res = await first.request({
    method: "POST",
    url: "/api/v1/auth/second-factor/totp",
    payload: { code: freshCode(clock, secret) },
  });
  if (res.statusCode !== 200) throw new Error(`second step failed: ${res.statusCode} ${res.body}`);
  return sessionFrom(app, res);
}
