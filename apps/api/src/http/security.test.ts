// Security headers on every answer: CSP that forbids framing, no caching of API data, HSTS on TLS only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg } from "../../test/factories.ts";
import { createHarness, type Harness, type Session, signIn } from "../../test/harness.ts";

let h: Harness;
let worker: Session;

beforeAll(async () => {
  h = await createHarness();
  const org = await seedOrg(h.db);
  worker = await signIn(h.app, org.emails.workerA);
});
afterAll(() => h.close());

const samples = () => [
  h.app.inject({ method: "GET", url: "/api/health" }),
  h.app.inject({ method: "GET", url: "/api/v1/teams" }),
  h.app.inject({ method: "GET", url: "/api/v1/no-such-route" }),
  h.app.inject({
    method: "POST",
    url: "/api/v1/auth/sign-in",
    payload: "{",
    headers: { "content-type": "application/json" },
  }),
  worker.request({ method: "GET", url: "/api/v1/teams" }),
  worker.request({ method: "GET", url: "/api/v1/auth/session" }),
];

describe("security headers", () => {
  it("send a CSP with frame-ancestors 'none' and X-Frame-Options DENY", async () => {
    for (const res of await Promise.all(samples())) {
      const csp = String(res.headers["content-security-policy"]);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers["x-frame-options"]).toBe("DENY");
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["x-powered-by"]).toBeUndefined();
    }
  });

  it("mark every /api answer, errors included, as not cacheable", async () => {
    for (const res of await Promise.all(samples())) {
      expect(res.headers["cache-control"], res.raw.req.url).toBe("no-store");
    }
  });

  it("send no HSTS on plain http, and ignore X-Forwarded-Proto when no proxy is trusted", async () => {
    const plain = await h.app.inject({ method: "GET", url: "/api/health" });
    expect(plain.headers["strict-transport-security"]).toBeUndefined();
    const spoofed = await h.app.inject({
      method: "GET",
      url: "/api/health",
      headers: { "x-forwarded-proto": "https" },
    });
    expect(spoofed.headers["strict-transport-security"]).toBeUndefined();
  });

  it("answer unknown API routes with a 404 problem", async () => {
    const res = await worker.request({ method: "GET", url: "/api/v1/no-such-route" });
    expect(res.statusCode).toBe(404);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json().key).toBe("not_found");
  });
});
