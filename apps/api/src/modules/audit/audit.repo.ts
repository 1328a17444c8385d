import { uuidv7 } from "@vindplaats/domain";
import type { Tx } from "../../db/database.ts";
import type { AuditEvent } from "./audit-events.ts";
import { canonical, chainHash } from "./chain.ts";

export interface AuditWrite {
  orgId: string;
  actorUserId: string | null;
  at: Date;
}

/**
 * Writes one audit row in the caller's transaction: it commits or rolls back with the action.
 * A per-organisation advisory lock orders the chain; it is held until the transaction ends.
 */
export async function insertAudit(tx: Tx, who: AuditWrite, event: AuditEvent): Promise<void> {
  const details = JSON.parse(canonical("details" in event ? event.details : {})) as unknown;
  await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 7))`, [who.orgId]);
  const last = await tx.query<{ hash: string | null }>(
    `SELECT hash FROM audit_events WHERE org_id = $1 ORDER BY seq DESC LIMIT 1`,
    [who.orgId],
  );
  const row = {
    id: uuidv7(who.at.getTime()),
    orgId: who.orgId,
    at: who.at,
    actorUserId: who.actorUserId,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    details,
    prevHash: last[0]?.hash ?? null,
  };
  await tx.query(
    `INSERT INTO audit_events (id, org_id, at, actor_user_id, action, entity_type, entity_id, details, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      row.id,
      row.orgId,
      row.at,
      row.actorUserId,
      row.action,
      row.entityType,
      row.entityId,
      JSON.stringify(details),
      row.prevHash,
      chainHash(row),
    ],
  );
}
