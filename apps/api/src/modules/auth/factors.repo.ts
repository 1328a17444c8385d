// SQL of second factors: the organisation's rule, TOTP state, recovery codes and passkeys.
import type { SecondFactorRule } from "@vindplaats/contracts";
import { uuidv7 } from "@vindplaats/domain";
import type { Tx } from "../../db/database.ts";

export async function readSecondFactorRule(tx: Tx, orgId: string): Promise<SecondFactorRule> {
  const rows = await tx.query<{ second_factor: SecondFactorRule }>(
    `SELECT second_factor FROM org_auth_settings WHERE org_id = $1`,
    [orgId],
  );
  return rows[0]?.second_factor ?? "privileged";
}

export async function writeSecondFactorRule(
  tx: Tx,
  orgId: string,
  rule: SecondFactorRule,
  now: Date,
  by: string | null,
): Promise<void> {
  await tx.query(
    `INSERT INTO org_auth_settings (org_id, second_factor, updated_at, updated_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (org_id) DO UPDATE SET second_factor = $2, updated_at = $3, updated_by = $4`,
    [orgId, rule, now, by],
  );
}

export interface FactorRow {
  totp_secret: string | null;
  totp_enabled_at: Date | null;
  totp_last_step: number | null;
  pending_secret: string | null;
  pending_created_at: Date | null;
  must_enrol: boolean;
}

export async function findFactors(tx: Tx, userId: string): Promise<FactorRow | null> {
  const rows = await tx.query<FactorRow>(
    `SELECT totp_secret, totp_enabled_at, totp_last_step, pending_secret, pending_created_at, must_enrol
       FROM user_factors WHERE user_id = $1`,
    [userId],
  );
  return rows[0] ?? null;
}

/** What a sign-in needs to know: enrolled factors and a forced re-enrolment. */
export async function factorSummary(
  tx: Tx,
  userId: string,
): Promise<{ totp: boolean; passkeys: number; recoveryLeft: number; mustEnrol: boolean }> {
  const rows = await tx.query<{ totp: boolean; passkeys: number; recovery_left: number; must_enrol: boolean }>(
    `SELECT coalesce((SELECT totp_secret IS NOT NULL FROM user_factors WHERE user_id = $1), false) AS totp,
            (SELECT count(*)::int FROM passkeys WHERE user_id = $1 AND removed_at IS NULL) AS passkeys,
            (SELECT count(*)::int FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL) AS recovery_left,
            coalesce((SELECT must_enrol FROM user_factors WHERE user_id = $1), false) AS must_enrol`,
    [userId],
  );
  const r = rows[0]!;
  return { totp: r.totp, passkeys: r.passkeys, recoveryLeft: r.recovery_left, mustEnrol: r.must_enrol };
}

export async function savePendingSecret(tx: Tx, userId: string, orgId: string, secret: string, now: Date) {
  await tx.query(
    `INSERT INTO user_factors (user_id, org_id, pending_secret, pending_created_at, updated_at)
     VALUES ($1, $2, $3, $4, $4)
     ON CONFLICT (user_id) DO UPDATE SET pending_secret = $3, pending_created_at = $4, updated_at = $4`,
    [userId, orgId, secret, now],
  );
}

/** Turns the confirmed pending secret into the account's TOTP secret; the confirming step counts as used. */
export async function enableTotp(tx: Tx, userId: string, secret: string, step: number, now: Date) {
  await tx.query(
    `UPDATE user_factors SET totp_secret = $2, totp_enabled_at = $4, totp_last_step = $3,
            pending_secret = NULL, pending_created_at = NULL, must_enrol = false, updated_at = $4
      WHERE user_id = $1`,
    [userId, secret, step, now],
  );
}

/**
 * Records that a code of `step` was used, if no code of this or a later step was: the one place that
 * makes a code single-use, atomic under concurrent requests. False means it was used already.
 */
export async function claimTotpStep(tx: Tx, userId: string, step: number, now: Date): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE user_factors SET totp_last_step = $2, updated_at = $3
      WHERE user_id = $1 AND totp_secret IS NOT NULL AND (totp_last_step IS NULL OR totp_last_step < $2)
      RETURNING user_id`,
    [userId, step, now],
  );
  return rows.length > 0;
}

export async function disableTotp(tx: Tx, userId: string, now: Date, mustEnrol = false): Promise<void> {
  await tx.query(
    `UPDATE user_factors SET totp_secret = NULL, totp_enabled_at = NULL, totp_last_step = NULL,
            pending_secret = NULL, pending_created_at = NULL, must_enrol = $3, updated_at = $2
      WHERE user_id = $1`,
    [userId, now, mustEnrol],
  );
}

/** An administrator's factor reset on an account that never enrolled still forces an enrolment. */
export async function forceEnrolment(tx: Tx, userId: string, orgId: string, now: Date): Promise<void> {
  await tx.query(
    `INSERT INTO user_factors (user_id, org_id, must_enrol, updated_at) VALUES ($1, $2, true, $3)
     ON CONFLICT (user_id) DO UPDATE SET totp_secret = NULL, totp_enabled_at = NULL, totp_last_step = NULL,
       pending_secret = NULL, pending_created_at = NULL, must_enrol = true, updated_at = $3`,
    [userId, orgId, now],
  );
}

export async function replaceRecoveryCodes(tx: Tx, userId: string, orgId: string, hashes: string[], now: Date) {
  await tx.query(`DELETE FROM recovery_codes WHERE user_id = $1`, [userId]);
  for (const hash of hashes) {
    await tx.query(
      `INSERT INTO recovery_codes (id, org_id, user_id, code_hash, created_at) VALUES ($1, $2, $3, $4, $5)`,
      [uuidv7(now.getTime()), orgId, userId, hash, now],
    );
  }
}

/** Marks one unused recovery code as used; false when there is no such unused code. */
export async function useRecoveryCode(tx: Tx, userId: string, hash: string, now: Date): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE recovery_codes SET used_at = $3 WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING id`,
    [userId, hash, now],
  );
  return rows.length > 0;
}
