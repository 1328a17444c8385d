// reset-second-factor: the way back in for someone who lost both phone and recovery codes, when no
// other administrator can do it in the app. Removes the account's TOTP secret, recovery codes and
// passkeys, ends its sessions and forces a new enrolment at the next sign-in. Audited.
import type { Database } from "../../db/database.ts";
import { resetFactors } from "../../modules/auth/security-admin.service.ts";
import { email } from "../input.ts";
import { CliError, type CliIo } from "../io.ts";

export async function resetSecondFactor(db: Database, options: { email: string }, io: CliIo): Promise<void> {
  const address = email(options.email);
  await db.owner(async (tx) => {
    const [user] = await tx.query<{ id: string; org_id: string }>(
      `SELECT id, org_id FROM users WHERE lower(email) = lower($1)`,
      [address],
    );
    if (!user) throw new CliError(`--email: no account with e-mail ${address}`);
    await resetFactors(tx, { orgId: user.org_id, actorUserId: null, at: new Date() }, user.id);
  });
  io.out(`Second factors of ${address} reset; the next sign-in sets up a new one.`);
}
