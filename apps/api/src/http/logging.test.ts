// Logs never contain personal data: no e-mail addresses, passwords or search terms, even at trace level.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, TEST_PASSWORD } from "../../test/factories.ts";
import { createHarness, type Harness, signIn } from "../../test/harness.ts";

const lines: string[] = [];
let h: Harness;
let org: Awaited<ReturnType<typeof seedOrg>>;

beforeAll(async () => {
  h = await createHarness({ logLevel: "trace" }, { loggerStream: { write: (line: string) => lines.push(line) } });
  org = await seedOrg(h.db);
});
afterAll(() => h.close());

describe("logs", () => {
  it("leave out e-mail addresses, passwords and query text", async () => {
    const secretQuery = "Kleine Mo Zonderachternaam";
    const wrongPassword = "my-wrong-password-42";
    const unknownEmail = "who.is.this@example.org";
    await h.app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-in",
      payload: { email: org.emails.workerA, password: wrongPassword },
    });
    await h.app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-in",
      payload: { email: unknownEmail, password: wrongPassword },
    });
    await h.app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-in",
      payload: `{"email": "${unknownEmail}", "password": "${wrongPassword}"`,
      headers: { "content-type": "application/json" },
    });
    const s = await signIn(h.app, org.emails.workerA);
    const q = encodeURIComponent(secretQuery);
    for (const url of [
      `/api/v1/places?q=${q}`,
      `/api/v1/persons?q=${q}`,
      `/api/v1/search?q=${q}`,
      `/app/zoek?q=${q}`,
    ]) {
      await s.request({ method: "GET", url });
    }
    await s.request({ method: "PATCH", url: "/api/v1/me", payload: { displayName: secretQuery } });

    const log = lines.join("\n");
    expect(lines.length).toBeGreaterThan(10); // the capture works: requests were logged
    expect(log).toContain("/api/v1/places"); // paths are logged, query strings are not
    for (const secret of [
      org.emails.workerA,
      unknownEmail,
      "example.org",
      wrongPassword,
      TEST_PASSWORD,
      secretQuery,
      q,
      "Zonderachternaam",
      s.cookie.split("=")[1]!,
      s.csrf,
    ]) {
      expect(log, secret).not.toContain(secret);
    }
  });
});
