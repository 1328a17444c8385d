import { uuidv7 } from "@vindplaats/domain";
import { prepared, type Tx } from "../../db/database.ts";
import type { AuditEvent } from "./audit-events.ts";
import { canonical, chainPrefix } from "./chain.ts";

export interface AuditWrite {
  orgId: string;
  actorUserId: string | null;
  at: Date;
}

/**
 * Writes one audit row in the caller's transaction: it commits or rolls back with the action.
 * One statement: audit_append takes one of the organisation's chain locks (held until the
 * transaction ends), reads that chain's head and links the row after it.
 */
export async function insertAudit(tx: Tx, who: AuditWrite, event: AuditEvent): Promise<void> {
  await insertAuditMany(tx, who, [event]);
}

/**
 * Writes several audit rows at once (a phone's queued registrations), chained in the given order:
 * one lock, one read of the chain's head and one insert per row, in a single round trip.
 */
export async function insertAuditMany(tx: Tx, who: AuditWrite, events: readonly AuditEvent[]): Promise<void> {
  if (!events.length) return;
  const rows = events.map((event) => {
    const fields = {
      id: uuidv7(who.at.getTime()),
      orgId: who.orgId,
      at: who.at,
      actorUserId: who.actorUserId,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      details: JSON.parse(canonical("details" in event ? event.details : {})) as unknown,
    };
    return { ...fields, at: who.at.toISOString(), prefix: chainPrefix(fields) };
  });
  await tx.query(prepared(`SELECT audit_append($1, $2::jsonb)`), [who.orgId, JSON.stringify(rows)]);
}
