// reset-password: a new password for an account (the way back in for a locked-out administrator).
// Every session of the account ends, so whoever held the old password is signed out.
import type { Database } from "../../db/database.ts";
import { insertAudit } from "../../modules/audit/audit.repo.ts";
import { revokeUserSessions, setPasswordHash } from "../../modules/auth/auth.repo.ts";
import { hashPassword } from "../../modules/auth/passwords.ts";
import { email, password } from "../input.ts";
import { CliError, type CliIo } from "../io.ts";
import { printPassword } from "./accounts.ts";

export interface ResetPasswordOptions {
  email: string;
  password?: string | undefined;
}

export async function resetPassword(db: Database, options: ResetPasswordOptions, io: CliIo): Promise<void> {
  const address = email(options.email);
  const secret = password(options.password);
  const passwordHash = await hashPassword(secret.password);
  const ended = await db.owner(async (tx) => {
    const [user] = await tx.query<{ id: string; org_id: string }>(
      `SELECT id, org_id FROM users WHERE lower(email) = lower($1)`,
      [address],
    );
    if (!user) throw new CliError(`--email: no account with e-mail ${address}`);
    const now = new Date();
    await setPasswordHash(tx, user.id, passwordHash, now);
    const sessions = await revokeUserSessions(tx, user.id, now);
    await insertAudit(
      tx,
      { orgId: user.org_id, actorUserId: null, at: now },
      { action: "user.password_reset", entityType: "user", entityId: user.id },
    );
    return sessions;
  });
  io.out(`Password of ${address} reset; ${ended} session(s) ended.`);
  printPassword(io, secret);
}
