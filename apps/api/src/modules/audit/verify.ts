// Walks every organisation's audit chain in order and reports the first row whose content no longer
// matches its hash (edited) or whose link to the previous row is broken (deleted or inserted).
import type { Database } from "../../db/database.ts";
import { chainHash } from "./chain.ts";

export interface ChainBreak {
  orgId: string;
  seq: number;
  problem: "edited" | "link_broken";
}

export interface VerifyResult {
  rows: number;
  organisations: number;
  breaks: ChainBreak[];
}

interface AuditRow {
  seq: number;
  id: string;
  org_id: string;
  at: Date;
  actor_user_id: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  details: unknown;
  prev_hash: string | null;
  hash: string | null;
}

const BATCH = 5000;

export async function verifyAuditChain(db: Database, onProgress?: (rows: number) => void): Promise<VerifyResult> {
  const orgs = await db.owner((tx) =>
    tx.query<{ org_id: string }>(`SELECT DISTINCT org_id FROM audit_events ORDER BY org_id`),
  );
  const result: VerifyResult = { rows: 0, organisations: orgs.length, breaks: [] };
  for (const { org_id: orgId } of orgs) {
    let previous: string | null = null;
    let afterSeq = 0;
    for (;;) {
      const rows: AuditRow[] = await db.owner((tx) =>
        tx.query<AuditRow>(`SELECT * FROM audit_events WHERE org_id = $1 AND seq > $2 ORDER BY seq LIMIT ${BATCH}`, [
          orgId,
          afterSeq,
        ]),
      );
      if (!rows.length) break;
      for (const r of rows) {
        const expected = chainHash({
          id: r.id,
          orgId: r.org_id,
          at: r.at,
          actorUserId: r.actor_user_id,
          action: r.action,
          entityType: r.entity_type,
          entityId: r.entity_id,
          details: r.details,
          prevHash: r.prev_hash,
        });
        if (r.hash !== expected) result.breaks.push({ orgId, seq: r.seq, problem: "edited" });
        else if (r.prev_hash !== previous) result.breaks.push({ orgId, seq: r.seq, problem: "link_broken" });
        previous = r.hash;
        afterSeq = r.seq;
      }
      result.rows += rows.length;
      onProgress?.(result.rows);
    }
  }
  return result;
}
