// Second factor (TOTP, recovery codes), passkeys (WebAuthn), single sign-on (OpenID Connect) and
// the organisation's rule of who needs a second factor: requests and views shared by API and web app.
import { ORG_ROLES, TEAM_ROLES } from "@vindplaats/domain";
import { z } from "zod";

export const SECOND_FACTOR_RULES = ["privileged", "everyone", "off"] as const;
export type SecondFactorRule = (typeof SECOND_FACTOR_RULES)[number];
export const PENDING_STEPS = ["second_factor", "enrolment"] as const;
export type PendingStep = (typeof PENDING_STEPS)[number];
export const SECOND_FACTOR_METHODS = ["totp", "recovery", "passkey"] as const;

/** A sign-in that is not finished: which step is left and how it can be given. */
export const pendingView = z
  .object({ step: z.enum(PENDING_STEPS), methods: z.array(z.enum(SECOND_FACTOR_METHODS)) })
  .nullable();

/** A six-digit code from an authenticator app. */
export const totpCode = z.string().regex(/^\d{6}$/);
export const totpCodeBody = z.object({ code: totpCode }).strict();
/** A one-time recovery code, with or without its dashes. */
export const recoveryCodeBody = z.object({ code: z.string().trim().min(16).max(40) }).strict();

export const totpEnrolmentView = z.object({
  /** otpauth://totp/... URI: what a QR code encodes. */
  uri: z.string(),
  /** The same secret in base32, to type in by hand. */
  secret: z.string(),
  issuer: z.string(),
  accountName: z.string(),
});

export const recoveryCodesView = z.object({ recoveryCodes: z.array(z.string()) });

export const passkeyView = z
  .object({
    id: z.uuid(),
    label: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    backedUp: z.boolean(),
    deviceType: z.string(),
  })
  .meta({ id: "Passkey" });

export const securityView = z
  .object({
    /** The organisation's rule, or a forced re-enrolment, requires a second factor of this account. */
    required: z.boolean(),
    totp: z.object({ enabled: z.boolean(), enabledAt: z.string().nullable() }),
    recoveryCodesLeft: z.number().int(),
    passkeys: z.array(passkeyView),
    linkedToOrganisationSignIn: z.boolean(),
  })
  .meta({ id: "AccountSecurity" });

const b64url = z
  .string()
  .max(16_384)
  .regex(/^[A-Za-z0-9_-]*$/);

/** What @simplewebauthn/browser's startRegistration() returns. */
export const registrationResponse = z
  .object({
    id: b64url.min(1),
    rawId: b64url.min(1),
    type: z.enum(["public-key"]),
    response: z.object({
      clientDataJSON: b64url,
      attestationObject: b64url,
      authenticatorData: b64url.optional(),
      transports: z.array(z.string().max(40)).max(10).optional(),
      publicKeyAlgorithm: z.number().int().optional(),
      publicKey: b64url.optional(),
    }),
    clientExtensionResults: z.record(z.string(), z.unknown()),
    authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
  })
  .strict();

/** What @simplewebauthn/browser's startAuthentication() returns. */
export const authenticationResponse = z
  .object({
    id: b64url.min(1),
    rawId: b64url.min(1),
    type: z.enum(["public-key"]),
    response: z.object({
      clientDataJSON: b64url,
      authenticatorData: b64url,
      signature: b64url,
      userHandle: b64url.optional(),
    }),
    clientExtensionResults: z.record(z.string(), z.unknown()),
    authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
  })
  .strict();

export const registerPasskeyBody = z
  .object({ label: z.string().trim().min(1).max(80), response: registrationResponse })
  .strict();
export const passkeySignInBody = z.object({ response: authenticationResponse }).strict();
/** WebAuthn options are passed to the browser as they are (PublicKeyCredential*OptionsJSON). */
export const webauthnOptionsView = z.object({ options: z.record(z.string(), z.unknown()) });

export const orgSecuritySettings = z.object({ secondFactor: z.enum(SECOND_FACTOR_RULES) }).strict();

export const groupMapping = z
  .object({
    groupName: z.string().trim().min(1).max(200),
    orgRole: z.enum(ORG_ROLES).nullable().default(null),
    teamId: z.uuid().nullable().default(null),
    teamRole: z.enum(TEAM_ROLES).nullable().default(null),
  })
  .strict();
export const groupMappingsBody = z.object({ mappings: z.array(groupMapping).max(500) }).strict();

export const oidcProviderBody = z
  .object({
    label: z.string().trim().min(1).max(80),
    issuer: z.url().max(500),
    clientId: z.string().trim().min(1).max(300),
    /** Left out to keep the stored secret; never sent back. */
    clientSecret: z.string().min(1).max(1000).optional(),
    groupsClaim: z.string().trim().min(1).max(100).default("groups"),
    isEnabled: z.boolean().default(true),
    trustIdpMfa: z.boolean().default(false),
  })
  .strict();

export const oidcSettingsView = z
  .object({
    /** "organisation": set here; "config": from the server's OIDC_* variables; null: none. */
    source: z.enum(["organisation", "config"]).nullable(),
    provider: z
      .object({
        label: z.string(),
        issuer: z.string(),
        clientId: z.string(),
        hasClientSecret: z.boolean(),
        groupsClaim: z.string(),
        isEnabled: z.boolean(),
        trustIdpMfa: z.boolean(),
      })
      .nullable(),
    redirectUri: z.string(),
    mappings: z.array(groupMapping.extend({ id: z.uuid() })),
  })
  .meta({ id: "OidcSettings" });

export const authMethodsView = z.object({
  oidc: z.array(z.object({ orgSlug: z.string(), label: z.string() })),
});
export type AuthMethodsView = z.infer<typeof authMethodsView>;
export type SecurityView = z.infer<typeof securityView>;
export type PasskeyView = z.infer<typeof passkeyView>;
export type TotpEnrolmentView = z.infer<typeof totpEnrolmentView>;
export type OidcSettingsView = z.infer<typeof oidcSettingsView>;
export type GroupMapping = z.infer<typeof groupMapping>;
