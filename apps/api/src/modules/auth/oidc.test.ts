// Single sign-on against a small identity provider written for the test (test/identity-provider.ts,
// on 127.0.0.1): code flow with PKCE, state and nonce; just-in-time accounts and linking by verified
// e-mail; groups mapped to roles and teams; the second-factor rule. openid-client refuses plain-http
// issuers unless told otherwise: the harness sets oidcAllowInsecureRequests (OIDC_ALLOW_INSECURE_REQUESTS),
// which only tests and local development may do.
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { audited } from "../../../test/audit.ts";
import { seedOrg } from "../../../test/factories.ts";
import { createHarness, type Harness, type Session, signIn } from "../../../test/harness.ts";
import { type IdpUser, startIdp, type TestIdp } from "../../../test/identity-provider.ts";

const PUBLIC_URL = "http://localhost:8080";
let h: Harness;
let idp: TestIdp;
let org: Awaited<ReturnType<typeof seedOrg>>;
let admin: Session;
let slug: string;

beforeAll(async () => {
  [h, idp] = await Promise.all([createHarness({ oidcAllowInsecureRequests: true, publicUrl: PUBLIC_URL }), startIdp()]);
  org = await seedOrg(h.db, "sso");
  slug = (
    await h.db.owner((tx) => tx.query<{ slug: string }>(`SELECT slug FROM organisations WHERE id = $1`, [org.orgId]))
  )[0]!.slug;
  admin = await signIn(h.app, org.emails.admin);
});
afterAll(async () => {
  await h.close();
  await idp.close();
});

/** The whole browser round trip: start, the provider's authorize page, back to the callback. */
async function signInThroughIdp(user: IdpUser, tamper?: (callbackQuery: URLSearchParams) => void) {
  idp.user = user;
  const start = await h.app.inject({ method: "GET", url: `/api/v1/auth/oidc/start?org=${slug}` });
  expect(start.statusCode, start.body).toBe(302);
  const flowCookie = start.cookies.find((c) => c.name === "vp_oidc")!;
  expect(flowCookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  const authorize = await fetch(start.headers.location as string, { redirect: "manual" });
  expect(authorize.status).toBe(302);
  const back = new URL(authorize.headers.get("location")!);
  expect(back.origin + back.pathname).toBe(`${PUBLIC_URL}/api/v1/auth/oidc/callback`);
  tamper?.(back.searchParams);
  const callback = await h.app.inject({
    method: "GET",
    url: `/api/v1/auth/oidc/callback?${back.searchParams}`,
    cookies: { vp_oidc: flowCookie.value },
  });
  return { start, callback, flowCookie: flowCookie.value, query: back.searchParams.toString() };
}

async function sessionOf(callback: LightMyRequestResponse) {
  expect(callback.statusCode).toBe(302);
  expect(callback.headers.location).toBe("/");
  const set = callback.cookies.find((c) => c.name === "vp_session")!;
  const view = (
    await h.app.inject({ method: "GET", url: "/api/v1/auth/session", cookies: { vp_session: set.value } })
  ).json();
  return view;
}

describe("single sign-on with OpenID Connect", () => {
  it("lets the administrator set the provider and the group mapping, audited, never showing the secret", async () => {
    const { result: res, rows } = await audited(h.db, () =>
      admin.request({
        method: "PUT",
        url: "/api/v1/security/oidc/provider",
        payload: { label: "Stad-account", issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret },
      }),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).not.toContain(idp.clientSecret);
    expect(res.json()).toMatchObject({
      source: "organisation",
      provider: { issuer: idp.issuer, hasClientSecret: true },
      redirectUri: `${PUBLIC_URL}/api/v1/auth/oidc/callback`,
    });
    expect(rows.map((r) => r.action)).toEqual(["org.oidc_provider_set"]);
    expect(JSON.stringify(rows)).not.toContain(idp.clientSecret);

    const mappings = [
      { groupName: "vp-straat-coord", teamId: org.teamA, teamRole: "coordinator" },
      { groupName: "vp-straat", teamId: org.teamA, teamRole: "worker" },
      { groupName: "vp-directie", orgRole: "director" },
    ];
    const mapped = await admin.request({ method: "PUT", url: "/api/v1/security/oidc/mappings", payload: { mappings } });
    expect(mapped.statusCode, mapped.body).toBe(200);
    expect(mapped.json().mappings).toHaveLength(3);
    // A row must grant a role or a membership, not both, and only on the organisation's own teams.
    const bad = await admin.request({
      method: "PUT",
      url: "/api/v1/security/oidc/mappings",
      payload: { mappings: [{ groupName: "x", orgRole: "admin", teamId: org.teamA, teamRole: "worker" }] },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().field).toBe("mappings.0.orgRole");

    const methods = await h.app.inject({ method: "GET", url: "/api/v1/auth/methods" });
    expect(methods.json().oidc).toContainEqual({ orgSlug: slug, label: "Stad-account" });
  });

  it("runs the code flow with PKCE, state and nonce, and creates the account just in time from its groups", async () => {
    const before = idp.tokenRequests.length;
    const { result, rows } = await audited(h.db, () =>
      signInThroughIdp({
        sub: "sub-nieuw",
        email: "Nieuw.Lid@example.org",
        email_verified: true,
        name: "Nina Nieuw",
        groups: ["vp-straat", "vp-straat-coord", "onbekende-groep"],
      }),
    );
    const authorize = idp.authorizeRequests.at(-1)!;
    expect(authorize.get("code_challenge_method")).toBe("S256");
    expect(authorize.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorize.get("state")).toBeTruthy();
    expect(authorize.get("nonce")).toBeTruthy();
    expect(authorize.get("redirect_uri")).toBe(`${PUBLIC_URL}/api/v1/auth/oidc/callback`);
    expect(idp.tokenRequests.slice(before)).toEqual([{ pkceOk: true, status: 200 }]);

    const view = await sessionOf(result.callback);
    expect(view).toMatchObject({
      user: { email: "nieuw.lid@example.org", displayName: "Nina Nieuw", orgRoles: [] },
      memberships: [{ teamId: org.teamA, role: "coordinator" }],
      pending: null,
    });
    expect(rows.map((r) => r.action)).toEqual([
      "user.created",
      "auth.oidc_user_created",
      "auth.oidc_roles_applied",
      "auth.signed_in",
    ]);
    expect(rows.at(-1)?.details).toEqual({ method: "oidc", pending: null });
    // No password: this account cannot sign in with one.
    const stored = await h.db.owner((tx) =>
      tx.query<{ password_hash: string | null }>(
        `SELECT password_hash FROM users WHERE email = 'nieuw.lid@example.org'`,
      ),
    );
    expect(stored[0]?.password_hash).toBeNull();
  });

  it("re-applies the mapping at every sign-in when the groups change", async () => {
    const { callback } = await signInThroughIdp({
      sub: "sub-nieuw",
      email: "nieuw.lid@example.org",
      email_verified: true,
      groups: ["vp-directie"],
    });
    const view = await sessionOf(callback);
    expect(view.user.orgRoles).toEqual(["director"]);
    expect(view.memberships).toEqual([]);
  });

  it("links an existing account by its verified e-mail address", async () => {
    const { result, rows } = await audited(h.db, () =>
      signInThroughIdp({
        sub: "sub-director",
        email: org.emails.director,
        email_verified: true,
        groups: ["vp-directie"],
      }),
    );
    const view = await sessionOf(result.callback);
    expect(view.user.id).toBe(org.users.director);
    expect(rows.map((r) => r.action)).toContain("auth.oidc_linked");
    // The next sign-in finds the account by its subject, even with another address.
    const again = await signInThroughIdp({
      sub: "sub-director",
      email: "elders@example.org",
      email_verified: false,
      groups: ["vp-directie"],
    });
    expect((await sessionOf(again.callback)).user.id).toBe(org.users.director);
  });

  it("refuses an unverified address, and an account whose groups grant nothing", async () => {
    const unverified = await signInThroughIdp({
      sub: "sub-x",
      email: org.emails.workerB,
      email_verified: false,
      groups: ["vp-straat"],
    });
    expect(unverified.callback.headers.location).toBe("/sign-in?reason=oidc_failed");
    const nothing = await signInThroughIdp({
      sub: "sub-y",
      email: "niemand@example.org",
      email_verified: true,
      groups: ["andere"],
    });
    expect(nothing.callback.headers.location).toBe("/sign-in?reason=oidc_no_access");
    expect(nothing.callback.cookies.find((c) => c.name === "vp_session")).toBeUndefined();
    const refusals = await h.db.owner((tx) =>
      tx.query<{ details: { reason: string } }>(
        `SELECT details FROM audit_events WHERE action = 'auth.oidc_refused' ORDER BY seq`,
      ),
    );
    expect(refusals.map((r) => r.details.reason)).toEqual(["no_email", "no_mapped_group"]);
  });

  it("refuses a tampered state and a replayed callback", async () => {
    const user = { sub: "sub-nieuw", email: "nieuw.lid@example.org", email_verified: true, groups: ["vp-straat"] };
    const tampered = await signInThroughIdp(user, (q) => q.set("state", "forged-state"));
    expect(tampered.callback.headers.location).toBe("/sign-in?reason=oidc_failed");
    const ok = await signInThroughIdp(user);
    expect(ok.callback.headers.location).toBe("/");
    const replay = await h.app.inject({
      method: "GET",
      url: `/api/v1/auth/oidc/callback?${ok.query}`,
      cookies: { vp_oidc: ok.flowCookie },
    });
    expect(replay.headers.location).toBe("/sign-in?reason=oidc_failed");
  });

  it("keeps the organisation's second-factor rule unless the provider vouches for multi-factor", async () => {
    await admin.request({ method: "PUT", url: "/api/v1/security/settings", payload: { secondFactor: "privileged" } });
    const coordinator = {
      sub: "sub-coord",
      email: "coord.sso@example.org",
      email_verified: true,
      groups: ["vp-straat-coord"],
    };
    const plain = await sessionOf((await signInThroughIdp(coordinator)).callback);
    expect(plain.pending).toEqual({ step: "enrolment", methods: [] });
    const strong = await sessionOf((await signInThroughIdp({ ...coordinator, amr: ["pwd", "mfa"] })).callback);
    expect(strong.pending).toBeNull();
    await admin.request({ method: "PUT", url: "/api/v1/security/settings", payload: { secondFactor: "off" } });
  });

  it("answers 404 for an organisation without single sign-on", async () => {
    const res = await h.app.inject({ method: "GET", url: "/api/v1/auth/oidc/start?org=bestaat-niet" });
    expect(res.statusCode).toBe(404);
    expect(res.json().key).toBe("oidc_not_configured");
  });
});
