// Authentication beyond the password: the organisation's second-factor rule, TOTP and recovery
// codes, passkeys, sign-in steps that are not finished yet, short-lived ceremonies (WebAuthn
// challenges, OpenID Connect state) and single sign-on with its group-to-role mapping.
import { bigint, boolean, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organisations, sessions, teams, users } from "./schema.ts";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * Who must give a second factor: "privileged" (coordinators, admins and the DPO; the default of a
 * new organisation), "everyone" or "off". A missing row counts as "privileged".
 */
export const orgAuthSettings = pgTable("org_auth_settings", {
  orgId: uuid("org_id")
    .primaryKey()
    .references(() => organisations.id),
  secondFactor: text("second_factor").notNull().default("privileged"),
  updatedAt: ts("updated_at").notNull(),
  updatedBy: uuid("updated_by"),
});

/** One row per user who ever enrolled: the TOTP secret, the last step used, and a forced re-enrolment. */
export const userFactors = pgTable("user_factors", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id),
  orgId: uuid("org_id")
    .notNull()
    .references(() => organisations.id),
  /** Base32 TOTP secret once confirmed by a first code. */
  totpSecret: text("totp_secret"),
  totpEnabledAt: ts("totp_enabled_at"),
  /** The last 30-second step a code was accepted for: a code is refused for this step and earlier ones. */
  totpLastStep: bigint("totp_last_step", { mode: "number" }),
  /** A secret shown during enrolment, not yet confirmed. */
  pendingSecret: text("pending_secret"),
  pendingCreatedAt: ts("pending_created_at"),
  /** Set by an administrator's factor reset: the next sign-in goes through enrolment. */
  mustEnrol: boolean("must_enrol").notNull().default(false),
  updatedAt: ts("updated_at").notNull(),
});

/** One-time recovery codes, stored as SHA-256 hashes (80 random bits each). */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: uuid("id").primaryKey(),
    orgId: uuid("org_id").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    codeHash: text("code_hash").notNull(),
    createdAt: ts("created_at").notNull(),
    usedAt: ts("used_at"),
  },
  (t) => [index("recovery_codes_user_idx").on(t.userId)],
);

/** WebAuthn credentials. Removed passkeys keep their row (removed_at) so the audit trail can name them. */
export const passkeys = pgTable(
  "passkeys",
  {
    id: uuid("id").primaryKey(),
    orgId: uuid("org_id").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    /** base64url credential id, unique across organisations. */
    credentialId: text("credential_id").notNull(),
    /** base64url COSE public key. */
    publicKey: text("public_key").notNull(),
    counter: bigint("counter", { mode: "number" }).notNull().default(0),
    transports: text("transports").array().notNull(),
    deviceType: text("device_type").notNull(),
    backedUp: boolean("backed_up").notNull(),
    label: text("label").notNull(),
    createdAt: ts("created_at").notNull(),
    lastUsedAt: ts("last_used_at"),
    removedAt: ts("removed_at"),
  },
  (t) => [uniqueIndex("passkeys_credential_key").on(t.credentialId), index("passkeys_user_idx").on(t.userId)],
);

/**
 * A session that is not fully signed in yet: "second_factor" (password given, factor not yet) or
 * "enrolment" (a factor is required and none is enrolled). Only the routes of that step answer it.
 * Finishing the step starts a new session (new cookie) and ends this one.
 */
export const sessionSteps = pgTable("session_steps", {
  idHash: text("id_hash")
    .primaryKey()
    .references(() => sessions.idHash),
  orgId: uuid("org_id").notNull(),
  step: text("step").notNull(),
  createdAt: ts("created_at").notNull(),
});

/**
 * Short-lived server-side state of a sign-in ceremony, found by the hash of a random cookie value:
 * a WebAuthn challenge, or OpenID Connect state, nonce and PKCE verifier. Used once.
 * org_id is null only for a passkey sign-in, where the organisation is known once the credential answers.
 */
export const authCeremonies = pgTable(
  "auth_ceremonies",
  {
    idHash: text("id_hash").primaryKey(),
    orgId: uuid("org_id"),
    userId: uuid("user_id"),
    purpose: text("purpose").notNull(),
    data: jsonb("data").notNull(),
    createdAt: ts("created_at").notNull(),
    expiresAt: ts("expires_at").notNull(),
    usedAt: ts("used_at"),
  },
  (t) => [index("auth_ceremonies_expires_idx").on(t.expiresAt)],
);

/** The organisation's OpenID Connect identity provider (e.g. Microsoft Entra ID), set by an administrator. */
export const oidcProviders = pgTable("oidc_providers", {
  orgId: uuid("org_id")
    .primaryKey()
    .references(() => organisations.id),
  label: text("label").notNull(),
  issuer: text("issuer").notNull(),
  clientId: text("client_id").notNull(),
  clientSecret: text("client_secret"),
  /** The claim that carries group ids or names ("groups" for Entra ID). */
  groupsClaim: text("groups_claim").notNull().default("groups"),
  isEnabled: boolean("is_enabled").notNull().default(true),
  /** The provider enforces multi-factor sign-in itself, so its sign-ins count as strong. */
  trustIdpMfa: boolean("trust_idp_mfa").notNull().default(false),
  updatedAt: ts("updated_at").notNull(),
  updatedBy: uuid("updated_by"),
});

/** A group of the identity provider grants an organisation role or a team membership. */
export const oidcGroupMappings = pgTable(
  "oidc_group_mappings",
  {
    id: uuid("id").primaryKey(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    groupName: text("group_name").notNull(),
    orgRole: text("org_role"),
    teamId: uuid("team_id").references(() => teams.id),
    teamRole: text("team_role"),
    createdAt: ts("created_at").notNull(),
    createdBy: uuid("created_by"),
  },
  (t) => [index("oidc_group_mappings_org_idx").on(t.orgId)],
);

/** An account linked to a subject of an identity provider. */
export const oidcIdentities = pgTable(
  "oidc_identities",
  {
    id: uuid("id").primaryKey(),
    orgId: uuid("org_id").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    issuer: text("issuer").notNull(),
    subject: text("subject").notNull(),
    createdAt: ts("created_at").notNull(),
    lastSignInAt: ts("last_sign_in_at"),
  },
  (t) => [
    uniqueIndex("oidc_identities_subject_key").on(t.issuer, t.subject),
    index("oidc_identities_user_idx").on(t.userId),
  ],
);
