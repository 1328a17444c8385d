// Sign-in, sign-out, password change. Failures never tell whether an account exists.
import type { ChangePasswordBody, SessionView, SignInBody } from "@vindplaats/contracts";
import type { Clock } from "../../clock.ts";
import type { Config } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import { enterScope } from "../../db/database.ts";
import type { Ctx } from "../../http/context.ts";
import { AppError } from "../../http/errors.ts";
import { insertAudit } from "../audit/audit.repo.ts";
import { audit } from "../audit/audit.service.ts";
import { findAccountByEmail, loadActor, revokeSession, revokeUserSessions, setPasswordHash } from "./auth.repo.ts";
import { assertPasswordAllowed } from "./password-policy.ts";
import { hashPassword, verifyPassword } from "./passwords.ts";
import { describeSession, type OpenedSession, openSession, pendingStepFor } from "./sign-in-steps.ts";
import type { LoginThrottle } from "./throttle.ts";

export interface AuthDeps {
  db: Database;
  clock: Clock;
  config: Config;
  throttle: LoginThrottle;
}

export async function signIn(deps: AuthDeps, body: SignInBody, ip: string): Promise<OpenedSession> {
  if (deps.throttle.isBlocked(ip, body.email)) throw new AppError(429, "too_many_attempts");
  const outcome = await deps.db.transaction({ orgId: null, userId: null }, async (tx) => {
    const account = await findAccountByEmail(tx, body.email);
    const ok = await verifyPassword(account?.password_hash ?? null, body.password);
    if (!account) return null;
    const now = deps.clock.now();
    await enterScope(tx, { orgId: account.org_id, userId: account.id });
    const who = { orgId: account.org_id, actorUserId: account.id, at: now };
    if (!ok || !account.is_active) {
      await insertAudit(tx, who, {
        action: "auth.sign_in_failed",
        entityType: "user",
        entityId: account.id,
        details: { method: "password" },
      });
      return null;
    }
    const row = await loadActor(tx, account.id);
    if (!row) return null;
    // A password alone is one factor: the account may still owe its second one, or an enrolment.
    const pending = await pendingStepFor(
      tx,
      { userId: row.id, orgId: row.org_id, orgRoles: row.org_roles, memberships: row.memberships },
      false,
    );
    const opened = await openSession(tx, deps.config, now, account.id, pending);
    await insertAudit(tx, who, {
      action: "auth.signed_in",
      entityType: "user",
      entityId: account.id,
      details: { method: "password", pending: pending?.step ?? null },
    });
    return opened;
  });
  if (!outcome) {
    deps.throttle.recordFailure(ip, body.email);
    throw new AppError(401, "invalid_credentials");
  }
  deps.throttle.recordSuccess(body.email);
  return outcome;
}

export function currentSession(ctx: Ctx, config: Config): Promise<SessionView> {
  return describeSession(ctx, config);
}

export async function signOut(ctx: Ctx): Promise<void> {
  await revokeSession(ctx.tx, ctx.actor.sessionIdHash, ctx.clock.now());
  await audit(ctx, { action: "auth.signed_out", entityType: "user", entityId: ctx.actor.userId });
}

export async function signOutEverywhere(ctx: Ctx): Promise<number> {
  const sessions = await revokeUserSessions(ctx.tx, ctx.actor.userId, ctx.clock.now());
  await audit(ctx, {
    action: "auth.signed_out_everywhere",
    entityType: "user",
    entityId: ctx.actor.userId,
    details: { sessions },
  });
  return sessions;
}

/** Changes the password and ends every other session of the user. */
export async function changePassword(ctx: Ctx, body: ChangePasswordBody): Promise<void> {
  const row = await loadActor(ctx.tx, ctx.actor.userId);
  if (!row || !(await verifyPassword(row.password_hash, body.currentPassword))) {
    throw new AppError(422, "password_wrong", [{ field: "currentPassword", key: "field.invalid" }]);
  }
  if (body.currentPassword === body.newPassword) {
    throw new AppError(422, "password_reused", [{ field: "newPassword", key: "field.invalid" }]);
  }
  assertPasswordAllowed(body.newPassword, "newPassword");
  const now = ctx.clock.now();
  await setPasswordHash(ctx.tx, ctx.actor.userId, await hashPassword(body.newPassword), now);
  await revokeUserSessions(ctx.tx, ctx.actor.userId, now, ctx.actor.sessionIdHash);
  await audit(ctx, { action: "auth.password_changed", entityType: "user", entityId: ctx.actor.userId });
}

export async function updateMe(
  ctx: Ctx,
  body: { locale?: "nl" | "en" | "fr" | undefined; displayName?: string | undefined },
  config: Config,
): Promise<SessionView> {
  await ctx.tx.query(
    `UPDATE users SET locale = coalesce($2, locale), display_name = coalesce($3, display_name) WHERE id = $1`,
    [ctx.actor.userId, body.locale ?? null, body.displayName ?? null],
  );
  const actor = {
    ...ctx.actor,
    locale: body.locale ?? ctx.actor.locale,
    displayName: body.displayName ?? ctx.actor.displayName,
  };
  return currentSession({ ...ctx, actor }, config);
}
