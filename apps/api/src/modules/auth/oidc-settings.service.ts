// The administrator's single sign-on settings: the organisation's identity provider and the table
// that maps the provider's groups to organisation roles and team memberships.
import type { GroupMapping, OidcSettingsView } from "@vindplaats/contracts";
import { uuidv7 } from "@vindplaats/domain";
import type { Config } from "../../config.ts";
import type { Ctx } from "../../http/context.ts";
import { AppError, invalidField } from "../../http/errors.ts";
import { audit } from "../audit/audit.service.ts";
import { findProvider } from "./oidc.service.ts";

export async function oidcSettings(ctx: Ctx, config: Config, redirectUri: string): Promise<OidcSettingsView> {
  const provider = await findProvider(ctx.tx, ctx.actor.orgId, config);
  const mappings = await ctx.tx.query<GroupMapping & { id: string }>(
    `SELECT id, group_name AS "groupName", org_role AS "orgRole", team_id AS "teamId", team_role AS "teamRole"
       FROM oidc_group_mappings WHERE org_id = $1 ORDER BY group_name, id`,
    [ctx.actor.orgId],
  );
  return {
    source: provider?.source ?? null,
    provider: provider
      ? {
          label: provider.label,
          issuer: provider.issuer,
          clientId: provider.clientId,
          hasClientSecret: !!provider.clientSecret,
          groupsClaim: provider.groupsClaim,
          isEnabled: provider.isEnabled,
          trustIdpMfa: provider.trustIdpMfa,
        }
      : null,
    redirectUri,
    mappings,
  };
}

export async function setOidcProvider(
  ctx: Ctx,
  config: Config,
  body: {
    label: string;
    issuer: string;
    clientId: string;
    clientSecret?: string | undefined;
    groupsClaim: string;
    isEnabled: boolean;
    trustIdpMfa: boolean;
  },
): Promise<void> {
  const issuer = new URL(body.issuer);
  // openid-client refuses plain http; so do we, except in test and development set-ups that allow it.
  if (issuer.protocol !== "https:" && !(issuer.protocol === "http:" && config.oidcAllowInsecureRequests)) {
    throw invalidField("issuer");
  }
  const now = ctx.clock.now();
  await ctx.tx.query(
    `INSERT INTO oidc_providers (org_id, label, issuer, client_id, client_secret, groups_claim, is_enabled, trust_idp_mfa, updated_at, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (org_id) DO UPDATE SET label = $2, issuer = $3, client_id = $4,
       client_secret = coalesce($5, oidc_providers.client_secret), groups_claim = $6, is_enabled = $7,
       trust_idp_mfa = $8, updated_at = $9, updated_by = $10`,
    [
      ctx.actor.orgId,
      body.label,
      body.issuer.replace(/\/$/, ""),
      body.clientId,
      body.clientSecret ?? null,
      body.groupsClaim,
      body.isEnabled,
      body.trustIdpMfa,
      now,
      ctx.actor.userId,
    ],
  );
  const fields = ["label", "issuer", "clientId", "groupsClaim", "isEnabled", "trustIdpMfa"];
  if (body.clientSecret) fields.push("clientSecret");
  await audit(ctx, {
    action: "org.oidc_provider_set",
    entityType: "organisation",
    entityId: ctx.actor.orgId,
    details: { fields },
  });
}

/** Replaces the mapping table. Each row grants an organisation role, or a team membership, not both. */
export async function setGroupMappings(ctx: Ctx, mappings: GroupMapping[]): Promise<void> {
  const teams = new Set((await ctx.tx.query<{ id: string }>(`SELECT id FROM teams WHERE is_active`)).map((t) => t.id));
  for (const [i, m] of mappings.entries()) {
    const grantsRole = m.orgRole !== null;
    const grantsTeam = m.teamId !== null || m.teamRole !== null;
    if (grantsRole === grantsTeam) throw invalidField(`mappings.${i}.orgRole`);
    if (grantsTeam && (!m.teamId || !m.teamRole))
      throw invalidField(`mappings.${i}.${m.teamId ? "teamRole" : "teamId"}`, "field.required");
    if (m.teamId && !teams.has(m.teamId)) throw invalidField(`mappings.${i}.teamId`, "field.not_found");
  }
  if (new Set(mappings.map((m) => JSON.stringify(m))).size !== mappings.length) {
    throw new AppError(422, "validation", [{ field: "mappings", key: "field.invalid" }]);
  }
  await ctx.tx.query(`DELETE FROM oidc_group_mappings WHERE org_id = $1`, [ctx.actor.orgId]);
  const now = ctx.clock.now();
  for (const m of mappings) {
    await ctx.tx.query(
      `INSERT INTO oidc_group_mappings (id, org_id, group_name, org_role, team_id, team_role, created_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [uuidv7(now.getTime()), ctx.actor.orgId, m.groupName, m.orgRole, m.teamId, m.teamRole, now, ctx.actor.userId],
    );
  }
  await audit(ctx, {
    action: "org.oidc_mappings_set",
    entityType: "organisation",
    entityId: ctx.actor.orgId,
    details: { mappings },
  });
}
