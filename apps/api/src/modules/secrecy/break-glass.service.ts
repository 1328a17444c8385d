// Break-the-glass: in an emergency a worker opens a record outside their teams with a written
// reason. The access is time-limited and listed for the coordinators and the DPO to review.
import { uuidv7 } from "@vindplaats/domain";
import type { Ctx } from "../../http/context.ts";
import { conflict, forbidden, notFound } from "../../http/errors.ts";
import { audit } from "../audit/audit.service.ts";
import { resolvePersonAccess } from "../persons/person-access.ts";

export const BREAK_GLASS_MINUTES = 60;

interface Row {
  id: string;
  userId: string;
  userName: string;
  personId: string;
  reason: string;
  startedAt: Date;
  expiresAt: Date;
  reviewedAt: Date | null;
  reviewNote: string | null;
}

const present = (r: Row) => ({
  ...r,
  startedAt: new Date(r.startedAt).toISOString(),
  expiresAt: new Date(r.expiresAt).toISOString(),
  reviewedAt: r.reviewedAt ? new Date(r.reviewedAt).toISOString() : null,
});

const SELECT = `SELECT b.id, b.user_id AS "userId", u.display_name AS "userName", b.person_id AS "personId", b.reason,
                       b.started_at AS "startedAt", b.expires_at AS "expiresAt", b.reviewed_at AS "reviewedAt", b.review_note AS "reviewNote"
                  FROM break_glass b JOIN users u ON u.id = b.user_id`;

export async function breakGlass(ctx: Ctx, personId: string, reason: string) {
  const existing = await resolvePersonAccess(ctx, personId);
  if (existing && existing.relation !== "share_revoked" && existing.relation !== "share_expired")
    throw conflict("conflict", "personId");
  // The record is invisible to the caller here; the foreign key checks that it exists.
  const id = uuidv7();
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + BREAK_GLASS_MINUTES * 60_000);
  try {
    await ctx.tx.query(
      `INSERT INTO break_glass (id, org_id, user_id, person_id, reason, started_at, expires_at) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
      [id, ctx.actor.orgId, ctx.actor.userId, personId, reason, now, expiresAt],
    );
  } catch (error) {
    if ((error as { code?: string }).code === "23503") throw notFound();
    throw error;
  }
  await audit(ctx, {
    action: "person.break_glass",
    entityType: "person",
    entityId: personId,
    details: { breakGlassId: id, expiresAt: expiresAt.toISOString() },
  });
  return present((await ctx.tx.query<Row>(`${SELECT} WHERE b.id = $1`, [id]))[0]!);
}

/** The caller's own running emergency access to a person, so the record can show the time left. */
export async function activeBreakGlass(ctx: Ctx, personId: string) {
  const rows = await ctx.tx.query<Row>(
    `${SELECT} WHERE b.person_id = $1 AND b.user_id = $2 AND b.expires_at > $3 ORDER BY b.expires_at DESC LIMIT 1`,
    [personId, ctx.actor.userId, ctx.clock.now()],
  );
  return { active: rows[0] ? present(rows[0]) : null };
}

/** The DPO sees every break-the-glass; a coordinator sees those of their teams' members. */
export async function listBreakGlass(ctx: Ctx, onlyOpen: boolean) {
  const isDpo = ctx.actor.orgRoles.includes("dpo");
  const coordinated = ctx.actor.memberships.filter((m) => m.role === "coordinator").map((m) => m.teamId);
  if (!isDpo && !coordinated.length) throw forbidden();
  const rows = await ctx.tx.query<Row>(
    `${SELECT} WHERE ($1 OR EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = b.user_id AND m.team_id = ANY($2::uuid[])))
        AND (NOT $3 OR b.reviewed_at IS NULL)
      ORDER BY b.started_at DESC LIMIT 500`,
    [isDpo, coordinated, onlyOpen],
  );
  return rows.map(present);
}

export async function reviewBreakGlass(ctx: Ctx, id: string, note: string) {
  const visible = await listBreakGlass(ctx, false);
  const row = visible.find((r) => r.id === id);
  if (!row) throw notFound();
  if (row.reviewedAt) throw conflict("invalid_transition", "id");
  await ctx.tx.query(`UPDATE break_glass SET reviewed_at = $2, reviewed_by = $3, review_note = $4 WHERE id = $1`, [
    id,
    ctx.clock.now(),
    ctx.actor.userId,
    note,
  ]);
  await audit(ctx, {
    action: "break_glass.reviewed",
    entityType: "person",
    entityId: row.personId,
    details: { breakGlassId: id },
  });
  return present((await ctx.tx.query<Row>(`${SELECT} WHERE b.id = $1`, [id]))[0]!);
}
