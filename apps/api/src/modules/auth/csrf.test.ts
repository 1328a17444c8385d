// Every cookie-authenticated write (generated from the route table) needs the session's CSRF token.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg } from "../../../test/factories.ts";
import { createHarness, type Harness, rowCounts, type Session, signIn } from "../../../test/harness.ts";
import { apiRoutes, fillParams, openApiDocument, operations, sampleValue } from "../../../test/openapi.ts";
import { newToken } from "../../http/session.ts";

let h: Harness;
let org: Awaited<ReturnType<typeof seedOrg>>;
let admin: Session;
let other: Session;

beforeAll(async () => {
  h = await createHarness();
  org = await seedOrg(h.db);
  admin = await signIn(h.app, org.emails.admin);
  other = await signIn(h.app, org.emails.workerA);
});
afterAll(() => h.close());

/** An existing id for the route's noun, so a request that slipped through would really write. */
function idFor(url: string): string {
  if (url.startsWith("/api/v1/teams")) return org.teamA;
  if (url.startsWith("/api/v1/users")) return org.users.workerB;
  if (url.startsWith("/api/v1/neighbourhoods")) return org.north;
  if (url.startsWith("/api/v1/places")) return org.square;
  return "0190b3a4-5c6d-7e8f-9a0b-1c2d3e4f5a6b";
}

describe("CSRF", () => {
  it("refuses every authenticated POST, PATCH and PUT without the right token, and writes nothing", async () => {
    const doc = await openApiDocument(h.app);
    const writes = apiRoutes(h.app).filter((r) => r.access === "authenticated" && !["GET", "HEAD"].includes(r.method));
    expect(writes.length).toBeGreaterThan(5);
    const before = await rowCounts(h.db);
    for (const route of writes) {
      const op = operations(doc).find((o) => o.method === route.method && o.url === route.url);
      const url = route.url.includes(":") ? fillParams(route.url, idFor(route.url)) : route.url;
      const payload = op?.body ? (sampleValue(op.body) as Record<string, unknown>) : undefined;
      for (const token of [undefined, "", newToken(), other.csrf, `${admin.csrf}x`]) {
        const headers: Record<string, string> = { cookie: admin.cookie };
        if (token !== undefined) headers["x-csrf-token"] = token;
        const res = await h.app.inject({
          method: route.method as "POST",
          url,
          headers,
          ...(payload ? { payload } : {}),
        });
        expect(res.statusCode, `${route.method} ${route.url} token=${token}`).toBe(403);
        expect(res.json().key).toBe("csrf");
        expect(res.headers["content-type"]).toContain("application/problem+json");
      }
    }
    expect(await rowCounts(h.db)).toEqual(before);
    // The refused sign-out and sign-out-everywhere ended nothing.
    expect((await admin.request({ method: "GET", url: "/api/v1/auth/session" })).statusCode).toBe(200);
  });

  it("needs no token for safe methods", async () => {
    const res = await h.app.inject({ method: "GET", url: "/api/v1/teams", headers: { cookie: admin.cookie } });
    expect(res.statusCode).toBe(200);
  });
});
