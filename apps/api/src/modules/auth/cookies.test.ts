// Cookies from the outside are untrusted input: anything malformed is a plain 401, never a 500.
// Behind a TLS proxy the cookie is __Host- prefixed and Secure, and HSTS is sent.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg } from "../../../test/factories.ts";
import { createHarness, type Harness, signIn } from "../../../test/harness.ts";

let h: Harness;
let org: Awaited<ReturnType<typeof seedOrg>>;

beforeAll(async () => {
  h = await createHarness({ trustProxy: true });
  org = await seedOrg(h.db);
});
afterAll(() => h.close());

const https = { "x-forwarded-proto": "https" };

describe("bad cookies", () => {
  it("answers 401 problem+json for garbage, unknown, oversized and malformed cookies", async () => {
    const revoked = await signIn(h.app, org.emails.workerA);
    await revoked.request({ method: "POST", url: "/api/v1/auth/sign-out" });
    const live = await signIn(h.app, org.emails.workerA2);
    const cookies = [
      "vp_session=garbage",
      `vp_session=${"A".repeat(43)}`,
      `vp_session=${"A".repeat(42)}!`,
      `vp_session=${"x".repeat(12_000)}`,
      "vp_session=%E0%A4%A",
      "vp_session=%00%00",
      'vp_session="quoted value"',
      "vp_session=ü€😀",
      "vp_session=",
      "vp_session",
      "=;;;=",
      ";;;",
      `__Host-vp_session=garbage; ${live.cookie}`,
      `vp_session=a; vp_session=b; vp_session=c`,
      Array.from({ length: 300 }, (_, i) => `c${i}=${i}`).join("; "),
      revoked.cookie,
    ];
    for (const cookie of cookies) {
      const res = await h.app.inject({ method: "GET", url: "/api/v1/auth/session", headers: { cookie } });
      expect(res.statusCode, cookie.slice(0, 60)).toBe(401);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json().key).toBe("unauthenticated");
    }
  });

  it("ignores a bad cookie on a public route", async () => {
    const res = await h.app.inject({ method: "GET", url: "/api/health", headers: { cookie: "vp_session=%E0%A4%A" } });
    expect(res.statusCode).toBe(200);
  });
});

describe("secure cookie behind a TLS proxy", () => {
  it("sets __Host-vp_session with Secure, HttpOnly, SameSite=Strict and Path=/, and sends HSTS", async () => {
    const { emails } = org;
    const res = await h.app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-in",
      headers: https,
      payload: { email: emails.coordinatorA, password: "correct horse battery staple" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["strict-transport-security"]).toMatch(/max-age=\d+/);
    const raw = String(res.headers["set-cookie"]);
    expect(raw).toMatch(/^__Host-vp_session=/);
    for (const attribute of ["Secure", "HttpOnly", "SameSite=Strict", "Path=/"]) expect(raw).toContain(attribute);
    expect(raw).not.toMatch(/Domain=/i);
    expect(res.cookies.map((c) => c.name)).toEqual(["__Host-vp_session"]);
  });

  it("accepts the __Host- cookie for later requests and clears it on sign-out", async () => {
    const s = await signIn(h.app, org.emails.coordinatorB, undefined, { headers: https });
    expect(s.cookie).toMatch(/^__Host-vp_session=/);
    expect((await s.request({ method: "GET", url: "/api/v1/auth/session" })).statusCode).toBe(200);
    const out = await s.request({ method: "POST", url: "/api/v1/auth/sign-out" });
    expect(out.cookies.find((c) => c.name === "__Host-vp_session")?.value).toBe("");
  });

  it("sends neither HSTS nor a Secure cookie on plain http", async () => {
    const res = await h.app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-in",
      payload: { email: org.emails.workerB, password: "correct horse battery staple" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["strict-transport-security"]).toBeUndefined();
    const raw = String(res.headers["set-cookie"]);
    expect(raw).toMatch(/^vp_session=/);
    expect(raw).not.toContain("Secure");
  });
});
