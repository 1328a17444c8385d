// A coordinator's saved filters for the contact list; personal preferences, so they can be deleted.
import type { ContactFilters } from "@vindplaats/contracts";
import { uuidv7 } from "@vindplaats/domain";
import type { Ctx } from "../../http/context.ts";
import { notFound } from "../../http/errors.ts";

export function listSavedFilters(ctx: Ctx) {
  return ctx.tx
    .query<{ id: string; name: string; filters: ContactFilters; createdAt: Date }>(
      `SELECT id, name, filters, created_at AS "createdAt" FROM saved_filters WHERE user_id = $1 ORDER BY name`,
      [ctx.actor.userId],
    )
    .then((rows) => rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })));
}

export async function saveFilter(ctx: Ctx, body: { name: string; filters: ContactFilters }) {
  const id = uuidv7();
  const now = ctx.clock.now();
  await ctx.tx.query(
    `INSERT INTO saved_filters (id, org_id, user_id, name, filters, created_at) VALUES ($1,$2,$3,$4,$5,$6)`,
    [id, ctx.actor.orgId, ctx.actor.userId, body.name, JSON.stringify(body.filters), now],
  );
  return { id, name: body.name, filters: body.filters, createdAt: now.toISOString() };
}

export async function deleteSavedFilter(ctx: Ctx, id: string) {
  const rows = await ctx.tx.query(`DELETE FROM saved_filters WHERE id = $1 AND user_id = $2 RETURNING id`, [
    id,
    ctx.actor.userId,
  ]);
  if (!rows.length) throw notFound();
}
