// Opening sessions, full or unfinished. Every way in (password, passkey, single sign-on) ends here:
// it decides whether the account still owes a second factor or an enrolment, and an unfinished
// session reaches only that step's routes. Finishing the step starts a new session (new cookie).
import type { PendingStep, SessionView } from "@vindplaats/contracts";
import type { Config } from "../../config.ts";
import type { Tx } from "../../db/database.ts";
import type { Actor, Ctx } from "../../http/context.ts";
import { hashToken, newToken } from "../../http/session.ts";
import { needsSecondFactor } from "../access/policy.ts";
import { type ActorRow, insertSession, loadActor, revokeSession } from "./auth.repo.ts";
import { factorSummary, readSecondFactorRule } from "./factors.repo.ts";

/** An unfinished sign-in lasts this long at most. */
export const PENDING_SECONDS = 15 * 60;

export type Pending = NonNullable<SessionView["pending"]>;

/** Whether the rule, a forced re-enrolment or an own enrolment asks this account for a second factor. */
export async function secondFactorRequired(
  tx: Tx,
  user: Pick<Actor, "userId" | "orgId" | "orgRoles" | "memberships">,
): Promise<boolean> {
  const f = await factorSummary(tx, user.userId);
  if (f.mustEnrol || f.totp) return true;
  return needsSecondFactor(user, await readSecondFactorRule(tx, user.orgId));
}

/**
 * The step a sign-in still needs. `strong` sign-ins (a user-verifying passkey, an identity provider
 * that enforces multi-factor) need none. Whoever must have a factor but has none is sent to enrolment.
 */
export async function pendingStepFor(
  tx: Tx,
  user: Pick<Actor, "userId" | "orgId" | "orgRoles" | "memberships">,
  strong: boolean,
): Promise<Pending | null> {
  if (strong) return null;
  const f = await factorSummary(tx, user.userId);
  const required = f.mustEnrol || f.totp || needsSecondFactor(user, await readSecondFactorRule(tx, user.orgId));
  if (!required) return null;
  if (f.mustEnrol || (!f.totp && f.passkeys === 0)) return { step: "enrolment", methods: [] };
  const methods: Pending["methods"] = [];
  if (f.totp) methods.push("totp");
  if (f.recoveryLeft > 0) methods.push("recovery");
  if (f.passkeys > 0) methods.push("passkey");
  return { step: "second_factor", methods };
}

export interface OpenedSession {
  token: string;
  maxAgeSeconds: number;
  view: SessionView;
}

export function actorFromRow(
  row: ActorRow,
  s: { idHash: string; csrfToken: string; expiresAt: Date; pending: PendingStep | null },
): Actor {
  return {
    userId: row.id,
    orgId: row.org_id,
    email: row.email,
    displayName: row.display_name,
    locale: row.locale,
    orgRoles: row.org_roles,
    memberships: row.memberships,
    sessionIdHash: s.idHash,
    csrfToken: s.csrfToken,
    expiresAt: s.expiresAt,
    pending: s.pending,
  };
}

export function presentSession(
  actor: Actor,
  org: { name: string; isDemo: boolean },
  config: Config,
  pending: Pending | null,
): SessionView {
  return {
    user: {
      id: actor.userId,
      email: actor.email,
      displayName: actor.displayName,
      locale: actor.locale,
      orgRoles: actor.orgRoles,
    },
    organisation: { id: actor.orgId, ...org },
    memberships: actor.memberships,
    csrfToken: actor.csrfToken,
    idleTimeoutSeconds: config.sessionIdleSeconds,
    expiresAt: actor.expiresAt.toISOString(),
    pending,
  };
}

/** Opens a session for the account in the caller's transaction (already scoped to its organisation). */
export async function openSession(
  tx: Tx,
  config: Config,
  now: Date,
  userId: string,
  pending: Pending | null,
): Promise<OpenedSession> {
  const row = await loadActor(tx, userId);
  if (!row) throw new Error("account vanished during sign-in");
  const token = newToken();
  const csrfToken = newToken();
  const maxAgeSeconds = pending
    ? Math.min(PENDING_SECONDS, config.sessionAbsoluteSeconds)
    : config.sessionAbsoluteSeconds;
  const expiresAt = new Date(now.getTime() + maxAgeSeconds * 1000);
  const idHash = hashToken(token);
  await insertSession(tx, {
    idHash,
    orgId: row.org_id,
    userId,
    csrfToken,
    now,
    expiresAt,
    step: pending?.step ?? null,
  });
  const actor = actorFromRow(row, { idHash, csrfToken, expiresAt, pending: pending?.step ?? null });
  return {
    token,
    maxAgeSeconds,
    view: presentSession(actor, { name: row.org_name, isDemo: row.org_is_demo }, config, pending),
  };
}

/** The step is given: the unfinished session ends and a full one starts, with a new cookie and CSRF token. */
export async function finishStep(ctx: Ctx, config: Config): Promise<OpenedSession> {
  const now = ctx.clock.now();
  await revokeSession(ctx.tx, ctx.actor.sessionIdHash, now);
  return openSession(ctx.tx, config, now, ctx.actor.userId, null);
}

/** The current session as the web app sees it, with the step still left. */
export async function describeSession(ctx: Ctx, config: Config): Promise<SessionView> {
  const row = await loadActor(ctx.tx, ctx.actor.userId);
  const pending = ctx.actor.pending ? await pendingStepFor(ctx.tx, ctx.actor, false) : null;
  // The rule may have changed since the step began; an unfinished session always shows a step.
  const step = ctx.actor.pending;
  const shown = step ? { step, methods: pending?.step === step ? pending.methods : [] } : null;
  return presentSession(ctx.actor, { name: row?.org_name ?? "", isDemo: row?.org_is_demo ?? false }, config, shown);
}
