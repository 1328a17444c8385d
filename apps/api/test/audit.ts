// Audit assertions for tests: which audit rows did one write add?
import type { Database } from "../src/db/database.ts";

export interface AuditRow {
  action: string;
  actor_user_id: string | null;
  org_id: string;
  entity_type: string | null;
  entity_id: string | null;
  details: Record<string, unknown>;
}

/** Runs `write` and returns what it returned with the audit rows it added (read as the owner). */
export async function audited<T>(db: Database, write: () => Promise<T>): Promise<{ result: T; rows: AuditRow[] }> {
  const maxSeq = () =>
    db.owner(
      async (tx) => (await tx.query<{ n: number }>(`SELECT coalesce(max(seq), 0)::int AS n FROM audit_events`))[0]!.n,
    );
  const before = await maxSeq();
  const result = await write();
  const rows = await db.owner((tx) =>
    tx.query<AuditRow>(
      `SELECT action, actor_user_id, org_id, entity_type, entity_id, details FROM audit_events WHERE seq > $1 ORDER BY seq`,
      [before],
    ),
  );
  return { result, rows };
}
