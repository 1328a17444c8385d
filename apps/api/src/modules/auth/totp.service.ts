// TOTP (RFC 6238, otpauth): enrolment confirmed by a first code, verification with a window of one
// 30-second step either side on the app's clock, and single use: a code accepted once is refused
// afterwards, as is any code of the same or an earlier step. Recovery codes stand in for a lost phone.
import { createHash, randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import type { Tx } from "../../db/database.ts";
import type { Ctx } from "../../http/context.ts";
import { AppError } from "../../http/errors.ts";
import { audit } from "../audit/audit.service.ts";
import { loadActor } from "./auth.repo.ts";
import * as repo from "./factors.repo.ts";

const PERIOD = 30;
const DIGITS = 6;
const ALGORITHM = "SHA1"; // what every authenticator app understands
const WINDOW = 1;
/** A secret shown for enrolment must be confirmed within this time. */
const ENROLMENT_SECONDS = 15 * 60;
export const RECOVERY_CODE_COUNT = 10;

const totpFor = (secret: string, label = "", issuer = "Vindplaats") =>
  new TOTP({ issuer, label, algorithm: ALGORITHM, digits: DIGITS, period: PERIOD, secret: Secret.fromBase32(secret) });

/** The 30-second step a code matches at `now`, within the window, or null. */
export function matchingStep(secret: string, code: string, now: Date): number | null {
  const timestamp = now.getTime();
  const delta = totpFor(secret).validate({ token: code, timestamp, window: WINDOW });
  if (delta === null) return null;
  return TOTP.counter({ period: PERIOD, timestamp }) + delta;
}

/** The code an authenticator app shows at `at` (tests and the demo use it). */
export function codeAt(secret: string, at: Date): string {
  return totpFor(secret).generate({ timestamp: at.getTime() });
}

export async function startTotpEnrolment(ctx: Ctx) {
  const row = await loadActor(ctx.tx, ctx.actor.userId);
  const secret = new Secret({ size: 20 }).base32;
  await repo.savePendingSecret(ctx.tx, ctx.actor.userId, ctx.actor.orgId, secret, ctx.clock.now());
  await audit(ctx, { action: "auth.totp_enrolment_started", entityType: "user", entityId: ctx.actor.userId });
  const issuer = row?.org_name ? `Vindplaats ${row.org_name}` : "Vindplaats";
  const totp = totpFor(secret, ctx.actor.email, issuer);
  return { uri: totp.toString(), secret, issuer, accountName: ctx.actor.email };
}

/** Confirms the enrolment with a first code; returns fresh recovery codes, shown only now. */
export async function confirmTotpEnrolment(ctx: Ctx, code: string): Promise<string[]> {
  const factors = await repo.findFactors(ctx.tx, ctx.actor.userId);
  const now = ctx.clock.now();
  const pending = factors?.pending_secret;
  const fresh =
    factors?.pending_created_at && now.getTime() - factors.pending_created_at.getTime() < ENROLMENT_SECONDS * 1000;
  const step = pending && fresh ? matchingStep(pending, code, now) : null;
  if (!pending || step === null)
    throw new AppError(422, "code_invalid", [{ field: "code", key: "field.code_invalid" }]);
  await repo.enableTotp(ctx.tx, ctx.actor.userId, pending, step, now);
  await audit(ctx, { action: "auth.totp_enabled", entityType: "user", entityId: ctx.actor.userId });
  return generateRecoveryCodes(ctx);
}

/** Checks a code for the account and uses it up. False for a wrong, stale or already used code. */
export async function verifyTotp(tx: Tx, userId: string, code: string, now: Date): Promise<boolean> {
  const factors = await repo.findFactors(tx, userId);
  if (!factors?.totp_secret) return false;
  const step = matchingStep(factors.totp_secret, code, now);
  if (step === null) return false;
  return repo.claimTotpStep(tx, userId, step, now);
}

export async function disableTotp(ctx: Ctx, code: string): Promise<void> {
  if (!(await verifyTotp(ctx.tx, ctx.actor.userId, code, ctx.clock.now()))) {
    throw new AppError(422, "code_invalid", [{ field: "code", key: "field.code_invalid" }]);
  }
  await repo.disableTotp(ctx.tx, ctx.actor.userId, ctx.clock.now());
  await ctx.tx.query(`UPDATE recovery_codes SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL`, [
    ctx.actor.userId,
    ctx.clock.now(),
  ]);
  await audit(ctx, { action: "auth.totp_disabled", entityType: "user", entityId: ctx.actor.userId });
}

// ---- recovery codes -------------------------------------------------------------------------

const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"; // no 0/o, 1/l/i: read aloud or typed from paper

/** Lower case, no separators: "abcd-efgh-jkmn-pqrs" and "ABCD EFGH JKMN PQRS" are the same code. */
export const normaliseRecoveryCode = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, "");
export const hashRecoveryCode = (code: string) =>
  createHash("sha256")
    .update(`vindplaats-recovery:${normaliseRecoveryCode(code)}`)
    .digest("hex");

/** 16 characters of a 31-letter alphabet: about 79 bits, beyond offline guessing of the stored hash. */
function newRecoveryCode(): string {
  const bytes = randomBytes(32);
  let out = "";
  for (const b of bytes) {
    if (b >= 248) continue; // 248 = 8 * 31: keeps the choice uniform
    out += ALPHABET[b % ALPHABET.length];
    if (out.length === 16) break;
  }
  if (out.length < 16) return newRecoveryCode();
  return out.match(/.{4}/g)!.join("-");
}

/** Replaces the account's recovery codes by new ones; the old ones stop working. */
export async function generateRecoveryCodes(ctx: Ctx): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await repo.replaceRecoveryCodes(
    ctx.tx,
    ctx.actor.userId,
    ctx.actor.orgId,
    codes.map(hashRecoveryCode),
    ctx.clock.now(),
  );
  await audit(ctx, {
    action: "auth.recovery_codes_generated",
    entityType: "user",
    entityId: ctx.actor.userId,
    details: { count: codes.length },
  });
  return codes;
}

export function useRecoveryCode(tx: Tx, userId: string, code: string, now: Date): Promise<boolean> {
  return repo.useRecoveryCode(tx, userId, hashRecoveryCode(code), now);
}
