// The DPO's view of the audit trail (who saw what, when) and a person's own access history,
// used for subject-access requests.
import { setPurpose } from "../../db/database.ts";
import type { Ctx } from "../../http/context.ts";
import { notFound } from "../../http/errors.ts";
import { audit } from "../audit/audit.service.ts";

export interface AuditQuery {
  from?: string | undefined;
  to?: string | undefined;
  actorUserId?: string | undefined;
  entityId?: string | undefined;
  action?: string | undefined;
  limit: number;
  beforeSeq?: number | undefined;
}

export async function listAudit(ctx: Ctx, q: AuditQuery) {
  const rows = await ctx.tx.query<{
    seq: number;
    at: Date;
    actorUserId: string | null;
    actorName: string | null;
    action: string;
    entityType: string | null;
    entityId: string | null;
    details: Record<string, unknown>;
  }>(
    `SELECT a.seq, a.at, a.actor_user_id AS "actorUserId", u.display_name AS "actorName", a.action, a.entity_type AS "entityType",
            a.entity_id AS "entityId", a.details
       FROM audit_events a LEFT JOIN users u ON u.id = a.actor_user_id
      WHERE ($1::timestamptz IS NULL OR a.at >= $1) AND ($2::timestamptz IS NULL OR a.at < $2)
        AND ($3::uuid IS NULL OR a.actor_user_id = $3) AND ($4::uuid IS NULL OR a.entity_id = $4)
        AND ($5::text IS NULL OR a.action LIKE $5 || '%') AND ($6::bigint IS NULL OR a.seq < $6)
      ORDER BY a.seq DESC LIMIT $7`,
    [
      q.from ?? null,
      q.to ?? null,
      q.actorUserId ?? null,
      q.entityId ?? null,
      q.action ?? null,
      q.beforeSeq ?? null,
      q.limit,
    ],
  );
  await audit(ctx, {
    action: "audit.viewed",
    entityType: "audit",
    entityId: null,
    details: {
      filters: Object.entries(q)
        .filter(([k, v]) => v !== undefined && k !== "limit")
        .map(([k]) => k),
    },
  });
  return rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
}

/**
 * A person's own access history for a subject-access request: every audited read or change of the
 * person's record and of the contacts they were part of, with who and when.
 */
export async function personAccessHistory(ctx: Ctx, personId: string) {
  await setPurpose(ctx.tx, "system");
  const exists = await ctx.tx.query(`SELECT 1 FROM persons WHERE id = $1`, [personId]);
  if (!exists.length) throw notFound();
  const rows = await ctx.tx.query<{
    seq: number;
    at: Date;
    actorUserId: string | null;
    actorName: string | null;
    action: string;
    entityType: string | null;
    entityId: string | null;
    details: Record<string, unknown>;
  }>(
    `SELECT a.seq, a.at, a.actor_user_id AS "actorUserId", u.display_name AS "actorName", a.action, a.entity_type AS "entityType",
            a.entity_id AS "entityId", a.details
       FROM audit_events a LEFT JOIN users u ON u.id = a.actor_user_id
      WHERE a.entity_id = $1 OR a.entity_id IN (SELECT contact_id FROM contact_persons WHERE person_id = $1)
      ORDER BY a.seq DESC LIMIT 2000`,
    [personId],
  );
  await audit(ctx, { action: "audit.viewed", entityType: "audit", entityId: null, details: { filters: ["personId"] } });
  return rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
}

/** Everyone who can appear in the audit trail, for the DPO's "who" filter (names only, no roles). */
export function listAuditActors(ctx: Ctx) {
  return ctx.tx.query<{ id: string; displayName: string; isActive: boolean }>(
    `SELECT id, display_name AS "displayName", is_active AS "isActive" FROM users ORDER BY is_active DESC, display_name`,
  );
}
