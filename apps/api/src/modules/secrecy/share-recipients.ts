// Whom a worker can share a person's record with: the organisation's other active teams and its
// active partners. Names only; the share itself checks the recipient again.
import type { Ctx } from "../../http/context.ts";

export async function listShareRecipients(ctx: Ctx) {
  const ownTeamIds = ctx.actor.memberships.map((m) => m.teamId);
  const teams = await ctx.tx.query<{ id: string; name: string }>(
    `SELECT id, name FROM teams WHERE is_active AND NOT (id = ANY($1::uuid[])) ORDER BY name`,
    [ownTeamIds],
  );
  const partners = await ctx.tx.query<{ id: string; displayName: string }>(
    `SELECT id, display_name AS "displayName" FROM users
      WHERE is_active AND 'partner' = ANY(org_roles) AND id <> $1 ORDER BY display_name`,
    [ctx.actor.userId],
  );
  return { teams, partners };
}
