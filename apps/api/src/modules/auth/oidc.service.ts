// Single sign-on with OpenID Connect (openid-client 6): authorization code flow with PKCE, state and
// nonce; the account is found by its linked subject, linked by a verified e-mail address, or created
// just in time when the provider's groups grant it a role. Groups map to organisation roles and team
// memberships through the administrator's mapping table, re-applied at every sign-in.
import type { AuthMethodsView, GroupMapping } from "@vindplaats/contracts";
import { ORG_ROLES, uuidv7 } from "@vindplaats/domain";
import * as client from "openid-client";
import type { Config } from "../../config.ts";
import type { Database, Tx } from "../../db/database.ts";
import { enterScope } from "../../db/database.ts";
import { insertAudit } from "../audit/audit.repo.ts";
import { loadActor } from "./auth.repo.ts";
import { startCeremony, takeCeremony } from "./ceremonies.ts";
import { type OpenedSession, openSession, pendingStepFor } from "./sign-in-steps.ts";

export const OIDC_CALLBACK_PATH = "/api/v1/auth/oidc/callback";
const FLOW_SECONDS = 10 * 60;

export interface Provider {
  source: "organisation" | "config";
  label: string;
  issuer: string;
  clientId: string;
  clientSecret: string | undefined;
  groupsClaim: string;
  isEnabled: boolean;
  trustIdpMfa: boolean;
}

interface ProviderRow {
  label: string;
  issuer: string;
  client_id: string;
  client_secret: string | null;
  groups_claim: string;
  is_enabled: boolean;
  trust_idp_mfa: boolean;
}

/** The organisation's own provider, or the one from configuration (OIDC_*) when its slug matches. */
export async function findProvider(tx: Tx, orgId: string, config: Config): Promise<Provider | null> {
  const rows = await tx.query<ProviderRow>(`SELECT * FROM oidc_providers WHERE org_id = $1`, [orgId]);
  const row = rows[0];
  if (row) {
    return {
      source: "organisation",
      label: row.label,
      issuer: row.issuer,
      clientId: row.client_id,
      clientSecret: row.client_secret ?? undefined,
      groupsClaim: row.groups_claim,
      isEnabled: row.is_enabled,
      trustIdpMfa: row.trust_idp_mfa,
    };
  }
  if (!config.oidc) return null;
  const slug = await tx.query<{ slug: string }>(`SELECT slug FROM organisations WHERE id = $1`, [orgId]);
  if (slug[0]?.slug !== config.oidc.orgSlug) return null;
  return { source: "config", groupsClaim: "groups", isEnabled: true, trustIdpMfa: false, ...config.oidc };
}

export function callbackUrl(config: Config, request: { protocol: string; host: string }): string {
  return `${config.publicUrl ?? `${request.protocol}://${request.host}`}${OIDC_CALLBACK_PATH}`;
}

/** The sign-in screen's buttons: organisations whose provider is enabled. */
export async function signInMethods(db: Database, config: Config): Promise<AuthMethodsView> {
  return db.transaction({ orgId: null, userId: null }, async (tx) => {
    const rows = await tx.query<{ slug: string; label: string }>(`SELECT slug, label FROM auth_oidc_organisations()`);
    const oidc = rows.map((r) => ({ orgSlug: r.slug, label: r.label }));
    if (config.oidc && !oidc.some((o) => o.orgSlug === config.oidc?.orgSlug)) {
      const org = await tx.query(`SELECT id FROM auth_org_by_slug($1)`, [config.oidc.orgSlug]);
      if (org.length) oidc.push({ orgSlug: config.oidc.orgSlug, label: config.oidc.label });
    }
    return { oidc };
  });
}

const discovered = new Map<string, { at: number; config: client.Configuration }>();

/** Discovery is cached for ten minutes per issuer and client. */
async function configurationFor(provider: Provider, config: Config): Promise<client.Configuration> {
  const key = `${provider.issuer}\n${provider.clientId}\n${provider.clientSecret ?? ""}`;
  const hit = discovered.get(key);
  if (hit && Date.now() - hit.at < 10 * 60_000) return hit.config;
  const configuration = await client.discovery(
    new URL(provider.issuer),
    provider.clientId,
    provider.clientSecret,
    provider.clientSecret ? client.ClientSecretPost(provider.clientSecret) : client.None(),
    // Plain-http identity providers (the in-test one) only when OIDC_ALLOW_INSECURE_REQUESTS=true.
    config.oidcAllowInsecureRequests ? { execute: [client.allowInsecureRequests] } : {},
  );
  discovered.set(key, { at: Date.now(), config: configuration });
  return configuration;
}

interface Flow {
  codeVerifier: string;
  state: string;
  nonce: string;
  redirectUri: string;
}

export class OidcRefusal extends Error {
  constructor(readonly reason: "oidc_not_configured" | "oidc_failed" | "oidc_no_access") {
    super(reason);
  }
}

/** Starts the code flow: the provider's authorization URL and the flow cookie value. */
export async function startOidc(
  deps: { db: Database; config: Config; now: Date },
  orgSlug: string,
  redirectUri: string,
): Promise<{ url: string; token: string; seconds: number }> {
  const found = await deps.db.transaction({ orgId: null, userId: null }, async (tx) => {
    const org = (await tx.query<{ id: string }>(`SELECT id FROM auth_org_by_slug($1)`, [orgSlug]))[0];
    if (!org) return null;
    await enterScope(tx, { orgId: org.id, userId: null });
    const provider = await findProvider(tx, org.id, deps.config);
    return provider?.isEnabled ? { orgId: org.id, provider } : null;
  });
  if (!found) throw new OidcRefusal("oidc_not_configured");
  const configuration = await configurationFor(found.provider, deps.config).catch(() => {
    throw new OidcRefusal("oidc_failed");
  });
  const flow: Flow = {
    codeVerifier: client.randomPKCECodeVerifier(),
    state: client.randomState(),
    nonce: client.randomNonce(),
    redirectUri,
  };
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: redirectUri,
    scope: "openid email profile",
    response_type: "code",
    code_challenge: await client.calculatePKCECodeChallenge(flow.codeVerifier),
    code_challenge_method: "S256",
    state: flow.state,
    nonce: flow.nonce,
  });
  const token = await deps.db.transaction({ orgId: found.orgId, userId: null }, (tx) =>
    startCeremony(tx, {
      purpose: "oidc",
      orgId: found.orgId,
      userId: null,
      data: flow,
      now: deps.now,
      seconds: FLOW_SECONDS,
    }),
  );
  return { url: url.href, token, seconds: FLOW_SECONDS };
}

interface Claims {
  sub: string;
  email?: string;
  emailVerified: boolean;
  name?: string;
  groups: string[];
  amr: string[];
}

/** Finishes the code flow: exchanges the code (with the PKCE verifier), checks state and nonce, signs in. */
export async function finishOidc(
  deps: { db: Database; config: Config; clock: { now(): Date } },
  flowToken: string | null,
  query: string,
): Promise<OpenedSession> {
  const { db, config, clock } = deps;
  const ceremony = await db.transaction({ orgId: null, userId: null }, (tx) =>
    takeCeremony<Flow>(tx, flowToken, "oidc", clock.now()),
  );
  if (!ceremony?.orgId) throw new OidcRefusal("oidc_failed");
  const orgId = ceremony.orgId;
  const flow = ceremony.data;
  const provider = await db.transaction({ orgId, userId: null }, (tx) => findProvider(tx, orgId, config));
  if (!provider?.isEnabled) throw new OidcRefusal("oidc_not_configured");

  let claims: Claims;
  try {
    const configuration = await configurationFor(provider, config);
    const tokens = await client.authorizationCodeGrant(
      configuration,
      new URL(`${flow.redirectUri}?${query}`),
      {
        pkceCodeVerifier: flow.codeVerifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      },
      { redirect_uri: flow.redirectUri },
    );
    const c = tokens.claims();
    if (!c) throw new Error("no id_token");
    const groups = c[provider.groupsClaim];
    claims = {
      sub: c.sub,
      ...(typeof c.email === "string" ? { email: c.email.toLowerCase() } : {}),
      emailVerified: c.email_verified === true,
      ...(typeof c.name === "string" ? { name: c.name } : {}),
      groups: Array.isArray(groups) ? groups.filter((g): g is string => typeof g === "string") : [],
      amr: Array.isArray(c.amr) ? c.amr.filter((a): a is string => typeof a === "string") : [],
    };
  } catch {
    await refuse(db, orgId, clock.now(), "token_exchange_failed");
    throw new OidcRefusal("oidc_failed");
  }

  const result = await db.transaction({ orgId, userId: null }, (tx) =>
    signInWithClaims(tx, { orgId, provider, claims, config, now: clock.now() }),
  );
  if ("refused" in result) {
    await refuse(db, orgId, clock.now(), result.refused);
    throw new OidcRefusal(
      result.refused === "inactive" || result.refused === "no_mapped_group" ? "oidc_no_access" : "oidc_failed",
    );
  }
  return result.session;
}

async function refuse(db: Database, orgId: string, at: Date, reason: string) {
  await db.transaction({ orgId, userId: null }, (tx) =>
    insertAudit(
      tx,
      { orgId, actorUserId: null, at },
      {
        action: "auth.oidc_refused",
        entityType: "organisation",
        entityId: orgId,
        details: { reason },
      },
    ),
  );
}

type Refusal = "no_email" | "email_in_other_organisation" | "no_mapped_group" | "inactive";

async function signInWithClaims(
  tx: Tx,
  input: { orgId: string; provider: Provider; claims: Claims; config: Config; now: Date },
): Promise<{ session: OpenedSession } | { refused: Refusal }> {
  const { orgId, provider, claims, now } = input;
  const mappings = await tx.query<GroupMapping>(
    `SELECT group_name AS "groupName", org_role AS "orgRole", team_id AS "teamId", team_role AS "teamRole"
       FROM oidc_group_mappings WHERE org_id = $1`,
    [orgId],
  );
  const granted = grantsFor(mappings, claims.groups);

  let userId = (
    await tx.query<{ user_id: string }>(`SELECT user_id FROM oidc_identities WHERE issuer = $1 AND subject = $2`, [
      provider.issuer,
      claims.sub,
    ])
  )[0]?.user_id;
  const link = async (id: string, created: boolean) => {
    await tx.query(
      `INSERT INTO oidc_identities (id, org_id, user_id, issuer, subject, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [uuidv7(now.getTime()), orgId, id, provider.issuer, claims.sub, now],
    );
    await insertAudit(
      tx,
      { orgId, actorUserId: id, at: now },
      {
        action: created ? "auth.oidc_user_created" : "auth.oidc_linked",
        entityType: "user",
        entityId: id,
        details: { issuer: provider.issuer, byVerifiedEmail: !created },
      },
    );
  };

  if (!userId) {
    // Link an existing account only by an address the provider says it verified.
    if (!claims.email || !claims.emailVerified) return { refused: "no_email" };
    const byEmail = (
      await tx.query<{ id: string; org_id: string }>(`SELECT id, org_id FROM auth_user_by_email($1)`, [claims.email])
    )[0];
    if (byEmail && byEmail.org_id !== orgId) return { refused: "email_in_other_organisation" };
    if (byEmail) {
      userId = byEmail.id;
      await link(userId, false);
    } else {
      if (!mappings.length || (!granted.orgRoles.length && !granted.memberships.size))
        return { refused: "no_mapped_group" };
      userId = uuidv7(now.getTime());
      // No password: this account signs in through the organisation only.
      await tx.query(
        `INSERT INTO users (id, org_id, email, display_name, password_hash, org_roles, locale, password_changed_at)
         VALUES ($1, $2, $3, $4, NULL, '{}', 'nl', NULL)`,
        [userId, orgId, claims.email, (claims.name ?? claims.email.split("@")[0]!).slice(0, 120)],
      );
      await insertAudit(
        tx,
        { orgId, actorUserId: null, at: now },
        {
          action: "user.created",
          entityType: "user",
          entityId: userId,
          details: { fields: ["email", "displayName"] },
        },
      );
      await link(userId, true);
    }
  }
  await tx.query(`UPDATE oidc_identities SET last_sign_in_at = $3 WHERE issuer = $1 AND subject = $2`, [
    provider.issuer,
    claims.sub,
    now,
  ]);
  // With a mapping table the provider's groups decide roles and memberships; without one, the app does.
  if (mappings.length) await applyGrants(tx, { orgId, userId, granted, groups: claims.groups.length, now });

  const row = await loadActor(tx, userId);
  if (!row?.is_active) return { refused: "inactive" };
  await enterScope(tx, { orgId, userId });
  const strong = provider.trustIdpMfa || claims.amr.includes("mfa");
  const pending = await pendingStepFor(
    tx,
    { userId, orgId, orgRoles: row.org_roles, memberships: row.memberships },
    strong,
  );
  const session = await openSession(tx, input.config, now, userId, pending);
  await insertAudit(
    tx,
    { orgId, actorUserId: userId, at: now },
    {
      action: "auth.signed_in",
      entityType: "user",
      entityId: userId,
      details: { method: "oidc", pending: pending?.step ?? null },
    },
  );
  return { session };
}

/** Organisation roles and team memberships granted by the groups; coordinator beats worker in a team. */
export function grantsFor(mappings: GroupMapping[], groups: string[]) {
  const member = new Set(groups);
  const orgRoles = new Set<string>();
  const memberships = new Map<string, string>();
  for (const m of mappings) {
    if (!member.has(m.groupName)) continue;
    if (m.orgRole) orgRoles.add(m.orgRole);
    if (m.teamId && m.teamRole && memberships.get(m.teamId) !== "coordinator") memberships.set(m.teamId, m.teamRole);
  }
  return { orgRoles: ORG_ROLES.filter((r) => orgRoles.has(r)), memberships };
}

async function applyGrants(
  tx: Tx,
  g: { orgId: string; userId: string; granted: ReturnType<typeof grantsFor>; groups: number; now: Date },
) {
  const { orgId, userId, granted, now } = g;
  await tx.query(`UPDATE users SET org_roles = $2 WHERE id = $1`, [userId, granted.orgRoles]);
  const current = await tx.query<{ team_id: string; role: string; is_active: boolean }>(
    `SELECT team_id, role, is_active FROM memberships WHERE user_id = $1`,
    [userId],
  );
  for (const m of current) {
    if (m.is_active && !granted.memberships.has(m.team_id)) {
      await tx.query(`UPDATE memberships SET is_active = false WHERE user_id = $1 AND team_id = $2`, [
        userId,
        m.team_id,
      ]);
    }
  }
  for (const [teamId, role] of granted.memberships) {
    await tx.query(
      `INSERT INTO memberships (id, org_id, team_id, user_id, role) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (team_id, user_id) DO UPDATE SET role = $5, is_active = true`,
      [uuidv7(now.getTime()), orgId, teamId, userId, role],
    );
  }
  await insertAudit(
    tx,
    { orgId, actorUserId: userId, at: now },
    {
      action: "auth.oidc_roles_applied",
      entityType: "user",
      entityId: userId,
      details: {
        orgRoles: granted.orgRoles,
        memberships: [...granted.memberships].map(([teamId, role]) => ({ teamId, role })),
        groups: g.groups,
      },
    },
  );
}
