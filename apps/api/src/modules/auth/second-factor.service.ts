// The second step of a sign-in and the account's own security settings. A wrong code is audited and
// throttled per account; a right one ends the unfinished session and starts a full one.
import type { SecurityView } from "@vindplaats/contracts";
import type { Config } from "../../config.ts";
import type { Ctx } from "../../http/context.ts";
import { AppError } from "../../http/errors.ts";
import { withCtx } from "../../http/handler.ts";
import { needsSecondFactor } from "../access/policy.ts";
import { audit } from "../audit/audit.service.ts";
import { factorSummary, findFactors, readSecondFactorRule } from "./factors.repo.ts";
import { listPasskeys } from "./passkeys.service.ts";
import { finishStep, type OpenedSession, secondFactorRequired } from "./sign-in-steps.ts";
import type { LoginThrottle } from "./throttle.ts";

type Method = "totp" | "recovery" | "passkey";

/**
 * Runs one attempt at the second step. `check` proves the factor (and uses it up); the attempt and
 * its outcome are audited in a transaction that commits either way, so a failure leaves its trace.
 */
export async function giveSecondFactor(
  request: Parameters<typeof withCtx>[0],
  deps: { config: Config; throttle: LoginThrottle },
  method: Method,
  check: (ctx: Ctx) => Promise<boolean>,
): Promise<OpenedSession> {
  const actor = request.actor;
  if (!actor) throw new AppError(401, "unauthenticated");
  const key = `second-factor:${actor.userId}`;
  if (deps.throttle.isBlocked(request.ip, key)) throw new AppError(429, "too_many_attempts");
  const outcome = await withCtx(request, async (ctx) => {
    if (ctx.actor.pending !== "second_factor") throw new AppError(409, "no_pending_step");
    if (!(await check(ctx))) {
      await audit(ctx, {
        action: "auth.second_factor_failed",
        entityType: "user",
        entityId: actor.userId,
        details: { method },
      });
      return null;
    }
    const left = (await factorSummary(ctx.tx, actor.userId)).recoveryLeft;
    await audit(ctx, {
      action: "auth.second_factor_passed",
      entityType: "user",
      entityId: actor.userId,
      details: method === "recovery" ? { method, recoveryCodesLeft: left } : { method },
    });
    return finishStep(ctx, deps.config);
  });
  if (!outcome) {
    deps.throttle.recordFailure(request.ip, key);
    throw new AppError(422, "code_invalid", method === "passkey" ? [] : [{ field: "code", key: "field.code_invalid" }]);
  }
  deps.throttle.recordSuccess(key);
  return outcome;
}

export async function securityOf(ctx: Ctx): Promise<SecurityView> {
  const factors = await findFactors(ctx.tx, ctx.actor.userId);
  const summary = await factorSummary(ctx.tx, ctx.actor.userId);
  const linked = await ctx.tx.query(`SELECT 1 FROM oidc_identities WHERE user_id = $1`, [ctx.actor.userId]);
  return {
    required: await secondFactorRequired(ctx.tx, ctx.actor),
    totp: { enabled: summary.totp, enabledAt: factors?.totp_enabled_at?.toISOString() ?? null },
    recoveryCodesLeft: summary.recoveryLeft,
    passkeys: await listPasskeys(ctx.tx, ctx.actor.userId),
    linkedToOrganisationSignIn: linked.length > 0,
  };
}

/** Turning TOTP off is refused while the account must keep a factor and has no passkey. */
export async function assertMayDropTotp(ctx: Ctx): Promise<void> {
  const summary = await factorSummary(ctx.tx, ctx.actor.userId);
  if (!summary.totp) throw new AppError(409, "not_enrolled");
  if (summary.passkeys > 0) return;
  if (needsSecondFactor(ctx.actor, await readSecondFactorRule(ctx.tx, ctx.actor.orgId))) {
    throw new AppError(409, "factor_required");
  }
}
