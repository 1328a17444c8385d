// The route table is the source of truth: every API route is documented, declares an access class,
// and the admin-only ones are refused to everyone but admins. Nothing here is a hand-kept list.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg } from "../../test/factories.ts";
import { createHarness, type Harness, type Session, signIn } from "../../test/harness.ts";
import { apiRoutes, fillParams, openApiDocument, toOpenApiPath } from "../../test/openapi.ts";
import { buildApp } from "../app.ts";
import { testConfig } from "../config.ts";

let h: Harness;
let org: Awaited<ReturnType<typeof seedOrg>>;

beforeAll(async () => {
  h = await createHarness();
  org = await seedOrg(h.db);
});
afterAll(() => h.close());

const someId = "0190b3a4-5c6d-7e8f-9a0b-1c2d3e4f5a6b";
const urlOf = (url: string) => fillParams(url, someId);

describe("route table", () => {
  it("documents every API route in the OpenAPI document with its access class", async () => {
    const doc = await openApiDocument(h.app);
    const routes = apiRoutes(h.app);
    expect(routes.length).toBeGreaterThan(10);
    for (const route of routes) {
      const op = doc.paths[toOpenApiPath(route.url)]?.[route.method.toLowerCase()];
      expect(op, `${route.method} ${route.url} is missing from openapi.json`).toBeDefined();
      expect(["public", "authenticated"]).toContain(route.access);
      expect(op?.["x-access"]).toBe(route.access);
    }
    // And the document lists nothing the server does not serve.
    const served = new Set(routes.map((r) => `${r.method} ${toOpenApiPath(r.url)}`));
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const method of Object.keys(methods)) expect(served).toContain(`${method.toUpperCase()} ${path}`);
    }
  });

  it("has exactly the public API routes of health and the ways to sign in", () => {
    const publicRoutes = apiRoutes(h.app)
      .filter((r) => r.access === "public")
      .map((r) => `${r.method} ${r.url}`);
    expect(publicRoutes.sort()).toEqual([
      "GET /api/health",
      "GET /api/v1/auth/methods",
      "GET /api/v1/auth/oidc/callback",
      "GET /api/v1/auth/oidc/start",
      "POST /api/v1/auth/passkeys/options",
      "POST /api/v1/auth/passkeys/sign-in",
      "POST /api/v1/auth/sign-in",
    ]);
  });

  it("has no DELETE route in the organisation model: nothing there is ever deleted", () => {
    const orgRoutes = h.app.routeTable.filter((r) => r.permission?.startsWith("org."));
    expect(orgRoutes.length).toBeGreaterThan(5);
    expect(orgRoutes.filter((r) => r.method === "DELETE")).toEqual([]);
  });

  it("refuses to register an /api/v1 route without an access class", async () => {
    const app = await buildApp({ config: testConfig(), db: h.db, clock: h.clock });
    const registration = (async () => {
      await app.register(async (plugin) => {
        plugin.get("/api/v1/forgotten", async () => ({ ok: true }));
      });
      await app.ready();
    })();
    await expect(registration).rejects.toThrow(/GET \/api\/v1\/forgotten declares no access class/);
    await app.close().catch(() => undefined);
  });
});

describe("authentication", () => {
  it("answers 401 problem+json on every authenticated route without a session", async () => {
    const routes = apiRoutes(h.app).filter((r) => r.access === "authenticated");
    for (const route of routes) {
      const res = await h.app.inject({ method: route.method as "GET", url: urlOf(route.url) });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json()).toMatchObject({ status: 401, key: "unauthenticated" });
    }
  });
});

describe("admin routes (org.manage)", () => {
  const adminRoutes = () => apiRoutes(h.app).filter((r) => r.permission === "org.manage");

  it.each(["workerA", "coordinatorA", "director", "dpo"] as const)("are refused to %s", async (who) => {
    const s = await signIn(h.app, org.emails[who]);
    expect(adminRoutes().length).toBeGreaterThan(5);
    for (const route of adminRoutes()) {
      const res = await s.request({ method: route.method as "GET", url: urlOf(route.url), payload: {} });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(403);
      expect(res.json().key).toBe("forbidden");
    }
  });

  it("are open to the admin", async () => {
    const s: Session = await signIn(h.app, org.emails.admin);
    for (const route of adminRoutes()) {
      // An empty body fails validation or the id is unknown: either way the admin got past authorisation.
      const res = await s.request({ method: route.method as "GET", url: urlOf(route.url), payload: {} });
      expect([200, 400, 404], `${route.method} ${route.url}: ${res.body}`).toContain(res.statusCode);
    }
  });
});

describe("OpenAPI document", () => {
  it("resolves every $ref", async () => {
    const doc = (await openApiDocument(h.app)) as unknown as { components?: { schemas?: Record<string, unknown> } };
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(0);
    for (const name of new Set(refs)) expect(doc.components?.schemas, name).toHaveProperty(name);
  });
});
