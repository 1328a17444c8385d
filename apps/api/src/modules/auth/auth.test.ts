import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg } from "../../../test/factories.ts";
import { createHarness, type Harness, signIn } from "../../../test/harness.ts";

let h: Harness;
let org: Awaited<ReturnType<typeof seedOrg>>;

beforeAll(async () => {
  h = await createHarness();
  org = await seedOrg(h.db);
});
afterAll(() => h.close());

describe("sign-in", () => {
  it("signs in with the right password and returns the session", async () => {
    const s = await signIn(h.app, org.emails.coordinatorA);
    const res = await s.request({ method: "GET", url: "/api/v1/auth/session" });
    expect(res.statusCode).toBe(200);
    expect(res.json().memberships[0].role).toBe("coordinator");
  });

  it("refuses a wrong password with the same answer as an unknown account", async () => {
    const wrong = await h.app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-in",
      payload: { email: org.emails.workerA, password: "not the password" },
    });
    const unknown = await h.app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-in",
      payload: { email: "nobody@example.org", password: "not the password" },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.cookies).toHaveLength(0);
  });
});
