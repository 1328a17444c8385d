// The administrator's side of authentication: the organisation's second-factor rule, and resetting
// an account's factors when its owner lost them. A reset is audited, ends the account's sessions and
// forces a new enrolment at the next sign-in: it never lets anyone in without a second factor.
import type { SecondFactorRule } from "@vindplaats/contracts";
import type { Tx } from "../../db/database.ts";
import type { Ctx } from "../../http/context.ts";
import { forbidden, notFound } from "../../http/errors.ts";
import { insertAudit } from "../audit/audit.repo.ts";
import { audit } from "../audit/audit.service.ts";
import { revokeUserSessions } from "./auth.repo.ts";
import { factorSummary, forceEnrolment, readSecondFactorRule, writeSecondFactorRule } from "./factors.repo.ts";

export async function readRule(ctx: Ctx): Promise<{ secondFactor: SecondFactorRule }> {
  return { secondFactor: await readSecondFactorRule(ctx.tx, ctx.actor.orgId) };
}

export async function setRule(ctx: Ctx, rule: SecondFactorRule): Promise<{ secondFactor: SecondFactorRule }> {
  await writeSecondFactorRule(ctx.tx, ctx.actor.orgId, rule, ctx.clock.now(), ctx.actor.userId);
  await audit(ctx, {
    action: "org.second_factor_rule_set",
    entityType: "organisation",
    entityId: ctx.actor.orgId,
    details: { rule },
  });
  return { secondFactor: rule };
}

/** Removes the TOTP secret, recovery codes and passkeys of an account and forces a new enrolment. */
export async function resetFactors(
  tx: Tx,
  who: { orgId: string; actorUserId: string | null; at: Date },
  userId: string,
): Promise<void> {
  const before = await factorSummary(tx, userId);
  await forceEnrolment(tx, userId, who.orgId, who.at);
  await tx.query(`DELETE FROM recovery_codes WHERE user_id = $1`, [userId]);
  await tx.query(`UPDATE passkeys SET removed_at = $2 WHERE user_id = $1 AND removed_at IS NULL`, [userId, who.at]);
  await revokeUserSessions(tx, userId, who.at);
  await insertAudit(tx, who, {
    action: "user.second_factor_reset",
    entityType: "user",
    entityId: userId,
    details: { totp: before.totp, passkeys: before.passkeys, recoveryCodes: before.recoveryLeft },
  });
}

export async function resetFactorsByAdmin(ctx: Ctx, userId: string): Promise<void> {
  // Resetting one's own factors would let a stolen session drop them: another administrator does it.
  if (userId === ctx.actor.userId) throw forbidden();
  const exists = await ctx.tx.query(`SELECT 1 FROM users WHERE id = $1`, [userId]);
  if (!exists.length) throw notFound();
  await resetFactors(ctx.tx, { orgId: ctx.actor.orgId, actorUserId: ctx.actor.userId, at: ctx.clock.now() }, userId);
}
