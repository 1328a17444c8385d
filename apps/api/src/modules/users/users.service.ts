// User accounts of an organisation. Accounts are deactivated, never deleted: their history stays.
import type { Locale } from "@vindplaats/contracts";
import type { OrgRole } from "@vindplaats/domain";
import { uuidv7 } from "@vindplaats/domain";
import { updateColumns } from "../../db/sql.ts";
import type { Ctx } from "../../http/context.ts";
import { AppError, notFound } from "../../http/errors.ts";
import { audit } from "../audit/audit.service.ts";
import { revokeUserSessions, setPasswordHash } from "../auth/auth.repo.ts";
import { assertPasswordAllowed } from "../auth/password-policy.ts";
import { hashPassword } from "../auth/passwords.ts";
import * as repo from "./users.repo.ts";

export async function createUser(
  ctx: Ctx,
  body: { email: string; displayName: string; password: string; orgRoles: OrgRole[]; locale: Locale },
) {
  if (await repo.emailTaken(ctx.tx, body.email))
    throw new AppError(409, "email_taken", [{ field: "email", key: "field.invalid" }]);
  assertPasswordAllowed(body.password);
  const id = uuidv7();
  await repo.insertUser(ctx.tx, {
    id,
    orgId: ctx.actor.orgId,
    email: body.email.toLowerCase(),
    displayName: body.displayName,
    passwordHash: await hashPassword(body.password),
    orgRoles: [...new Set(body.orgRoles)],
    locale: body.locale,
    now: ctx.clock.now(),
  });
  await audit(ctx, {
    action: "user.created",
    entityType: "user",
    entityId: id,
    details: { fields: ["email", "displayName", "orgRoles", "locale"] },
  });
  return (await repo.getUser(ctx.tx, id))!;
}

export async function updateUser(
  ctx: Ctx,
  id: string,
  patch: {
    displayName?: string | undefined;
    orgRoles?: OrgRole[] | undefined;
    locale?: Locale | undefined;
    isActive?: boolean | undefined;
  },
) {
  const normalised = { ...patch, orgRoles: patch.orgRoles ? [...new Set(patch.orgRoles)] : undefined };
  const { changed, found } = await updateColumns(ctx.tx, "users", id, normalised, {
    displayName: "display_name",
    orgRoles: "org_roles",
    locale: "locale",
    isActive: "is_active",
  });
  if (!found) throw notFound();
  // A deactivated account must lose access at once, not at the end of its session.
  if (patch.isActive === false) await revokeUserSessions(ctx.tx, id, ctx.clock.now());
  await audit(ctx, { action: "user.updated", entityType: "user", entityId: id, details: { fields: changed } });
  return (await repo.getUser(ctx.tx, id))!;
}

export async function resetPassword(ctx: Ctx, id: string, password: string) {
  if (!(await repo.userExists(ctx.tx, id))) throw notFound();
  // A new password never lifts the second factor: an enrolled factor or the organisation's rule
  // still asks for it at the next sign-in (see sign-in-steps.ts).
  assertPasswordAllowed(password);
  const now = ctx.clock.now();
  await setPasswordHash(ctx.tx, id, await hashPassword(password), now);
  await revokeUserSessions(ctx.tx, id, now);
  await audit(ctx, { action: "user.password_reset", entityType: "user", entityId: id });
}
