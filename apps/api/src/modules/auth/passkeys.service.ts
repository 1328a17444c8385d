// Passkeys (WebAuthn, @simplewebauthn/server): registration by a signed-in user, sign-in without a
// password, and use as the second step after a password. User verification is required every time,
// so a passkey is itself two factors (the device, and its PIN or biometric): see
// docs/decisions/0010-second-factors.md.
import {
  type AuthenticationResponseJSON,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from "@simplewebauthn/server";
import type { PasskeyView } from "@vindplaats/contracts";
import { uuidv7 } from "@vindplaats/domain";
import type { Config } from "../../config.ts";
import type { Tx } from "../../db/database.ts";
import type { Ctx } from "../../http/context.ts";
import { AppError, notFound } from "../../http/errors.ts";
import { audit } from "../audit/audit.service.ts";
import { factorSummary } from "./factors.repo.ts";
import { secondFactorRequired } from "./sign-in-steps.ts";

export interface RelyingParty {
  rpID: string;
  origin: string;
}

/** From PUBLIC_URL in production; from the request's own host in development (localhost). */
export function relyingParty(
  config: Config,
  request: { protocol: string; host: string; hostname: string },
): RelyingParty {
  const origin = config.publicUrl ?? `${request.protocol}://${request.host}`;
  return { rpID: new URL(origin).hostname, origin };
}

const CEREMONY_SECONDS = 5 * 60;
export const PASSKEY_CEREMONY_SECONDS = CEREMONY_SECONDS;

interface PasskeyRow {
  id: string;
  user_id: string;
  org_id: string;
  credential_id: string;
  public_key: string;
  counter: number;
  transports: string[];
  device_type: string;
  backed_up: boolean;
  label: string;
  created_at: Date;
  last_used_at: Date | null;
}

export async function listPasskeys(tx: Tx, userId: string): Promise<PasskeyView[]> {
  const rows = await tx.query<PasskeyRow>(
    `SELECT * FROM passkeys WHERE user_id = $1 AND removed_at IS NULL ORDER BY created_at`,
    [userId],
  );
  return rows.map((r) => ({
    id: r.id,
    label: r.label,
    createdAt: r.created_at.toISOString(),
    lastUsedAt: r.last_used_at?.toISOString() ?? null,
    backedUp: r.backed_up,
    deviceType: r.device_type,
  }));
}

export async function registrationOptions(ctx: Ctx, rp: RelyingParty) {
  const existing = await ctx.tx.query<{ credential_id: string; transports: string[] }>(
    `SELECT credential_id, transports FROM passkeys WHERE user_id = $1 AND removed_at IS NULL`,
    [ctx.actor.userId],
  );
  return generateRegistrationOptions({
    rpName: "Vindplaats",
    rpID: rp.rpID,
    userName: ctx.actor.email,
    userDisplayName: ctx.actor.displayName,
    // A stable handle per account: an authenticator replaces its old passkey for us instead of adding one.
    userID: new TextEncoder().encode(ctx.actor.userId),
    attestationType: "none",
    excludeCredentials: existing.map((c) => ({ id: c.credential_id, transports: c.transports })),
    authenticatorSelection: { residentKey: "required", userVerification: "required" },
    timeout: CEREMONY_SECONDS * 1000,
  });
}

export async function registerPasskey(
  ctx: Ctx,
  rp: RelyingParty,
  expectedChallenge: string,
  body: { label: string; response: RegistrationResponseJSON },
): Promise<PasskeyView> {
  const result = await verifyRegistrationResponse({
    response: body.response,
    expectedChallenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.rpID,
    requireUserVerification: true,
  }).catch(() => null);
  if (!result?.verified) throw new AppError(422, "passkey_failed");
  const info = result.registrationInfo;
  const id = uuidv7();
  const now = ctx.clock.now();
  await ctx.tx.query(
    `INSERT INTO passkeys (id, org_id, user_id, credential_id, public_key, counter, transports, device_type, backed_up, label, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      id,
      ctx.actor.orgId,
      ctx.actor.userId,
      info.credential.id,
      Buffer.from(info.credential.publicKey).toString("base64url"),
      info.credential.counter,
      info.credential.transports ?? body.response.response.transports ?? [],
      info.credentialDeviceType,
      info.credentialBackedUp,
      body.label,
      now,
    ],
  );
  await audit(ctx, {
    action: "auth.passkey_registered",
    entityType: "user",
    entityId: ctx.actor.userId,
    details: { passkeyId: id, backedUp: info.credentialBackedUp },
  });
  return (await listPasskeys(ctx.tx, ctx.actor.userId)).find((p) => p.id === id)!;
}

/** Removes a passkey, unless it is the last factor of an account that must keep one. */
export async function removePasskey(ctx: Ctx, id: string): Promise<void> {
  const rows = await ctx.tx.query<{ backed_up: boolean }>(
    `SELECT backed_up FROM passkeys WHERE id = $1 AND user_id = $2 AND removed_at IS NULL`,
    [id, ctx.actor.userId],
  );
  if (!rows[0]) throw notFound();
  const f = await factorSummary(ctx.tx, ctx.actor.userId);
  if (!f.totp && f.passkeys <= 1 && (await secondFactorRequired(ctx.tx, ctx.actor))) {
    throw new AppError(409, "factor_required");
  }
  await ctx.tx.query(`UPDATE passkeys SET removed_at = $2 WHERE id = $1`, [id, ctx.clock.now()]);
  await audit(ctx, {
    action: "auth.passkey_removed",
    entityType: "user",
    entityId: ctx.actor.userId,
    details: { passkeyId: id, backedUp: rows[0].backed_up },
  });
}

/** Options for an assertion: any discoverable passkey (sign-in), or the account's own (second step). */
export async function authenticationOptions(tx: Tx, rp: RelyingParty, userId: string | null) {
  const allow = userId
    ? await tx.query<{ credential_id: string; transports: string[] }>(
        `SELECT credential_id, transports FROM passkeys WHERE user_id = $1 AND removed_at IS NULL`,
        [userId],
      )
    : [];
  return generateAuthenticationOptions({
    rpID: rp.rpID,
    userVerification: "required",
    allowCredentials: allow.map((c) => ({ id: c.credential_id, transports: c.transports })),
    timeout: CEREMONY_SECONDS * 1000,
  });
}

/** The account a passkey belongs to, found before the organisation is known (definer function). */
export async function findPasskeyOwner(tx: Tx, credentialId: string) {
  const rows = await tx.query<{ id: string; org_id: string; user_id: string }>(
    `SELECT * FROM auth_passkey_by_credential($1)`,
    [credentialId],
  );
  return rows[0] ?? null;
}

/**
 * Verifies an assertion against the stored passkey (the transaction is scoped to its organisation)
 * and records its use. Returns the passkey's owner, or null when the assertion does not hold.
 */
export async function verifyAssertion(
  tx: Tx,
  rp: RelyingParty,
  expectedChallenge: string,
  response: AuthenticationResponseJSON,
  now: Date,
): Promise<{ userId: string; passkeyId: string } | null> {
  const rows = await tx.query<PasskeyRow>(`SELECT * FROM passkeys WHERE credential_id = $1 AND removed_at IS NULL`, [
    response.id,
  ]);
  const key = rows[0];
  if (!key) return null;
  const result = await verifyAuthenticationResponse({
    response,
    expectedChallenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.rpID,
    credential: {
      id: key.credential_id,
      publicKey: new Uint8Array(Buffer.from(key.public_key, "base64url")),
      counter: key.counter,
      transports: key.transports,
    },
    requireUserVerification: true,
  }).catch(() => null);
  if (!result?.verified) return null;
  await tx.query(`UPDATE passkeys SET counter = $2, last_used_at = $3 WHERE id = $1`, [
    key.id,
    result.authenticationInfo.newCounter,
    now,
  ]);
  return { userId: key.user_id, passkeyId: key.id };
}
