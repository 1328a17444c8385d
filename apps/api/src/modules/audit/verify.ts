// Walks every organisation's audit chains in order and reports each row whose content no longer
// matches its hash (edited) or whose link to the previous row of its chain is broken (deleted or
// inserted). An organisation has chain 0 and, after concurrent writes, a few more (audit_append).
import type { Database } from "../../db/database.ts";
import { chainHash } from "./chain.ts";

export interface ChainBreak {
  orgId: string;
  chain: number;
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
  const chains = await db.owner((tx) =>
    tx.query<{ org_id: string; chain: number }>(
      `SELECT DISTINCT org_id, chain FROM audit_events ORDER BY org_id, chain`,
    ),
  );
  const result: VerifyResult = {
    rows: 0,
    organisations: new Set(chains.map((c) => c.org_id)).size,
    breaks: [],
  };
  for (const { org_id: orgId, chain } of chains) {
    let previous: string | null = null;
    let afterSeq = 0;
    for (;;) {
      const rows: AuditRow[] = await db.owner((tx) =>
        tx.query<AuditRow>(
          `SELECT * FROM audit_events WHERE org_id = $1 AND chain = $2 AND seq > $3 ORDER BY seq LIMIT ${BATCH}`,
          [orgId, chain, afterSeq],
        ),
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
        if (r.hash !== expected) result.breaks.push({ orgId, chain, seq: r.seq, problem: "edited" });
        else if (r.prev_hash !== previous) result.breaks.push({ orgId, chain, seq: r.seq, problem: "link_broken" });
        previous = r.hash;
        afterSeq = r.seq;
      }
      result.rows += rows.length;
      onProgress?.(result.rows);
    }
  }
  return result;
}
