// SQL for retention settings and runs: the organisation's periods (defaults fill the gaps) and the
// record of each run of the retention job.
import { RETENTION_CATEGORIES, RETENTION_DEFAULTS, type RetentionCategory } from "@vindplaats/domain";
import type { Tx } from "../../db/database.ts";

export interface Policy {
  category: RetentionCategory;
  keepMonths: number;
  isEnabled: boolean;
  isDefault: boolean;
  updatedAt: Date | null;
}

interface PolicyRow {
  category: string;
  keep_months: number;
  is_enabled: boolean;
  updated_at: Date;
}

/** Every category, in the shipped order: the organisation's choice, else the default. */
export async function readPolicies(tx: Tx, orgId: string): Promise<Policy[]> {
  const rows = await tx.query<PolicyRow>(
    `SELECT category, keep_months, is_enabled, updated_at FROM retention_policies WHERE org_id = $1`,
    [orgId],
  );
  const byCategory = new Map(rows.map((r) => [r.category, r]));
  return RETENTION_CATEGORIES.map((category) => {
    const row = byCategory.get(category);
    const fallback = RETENTION_DEFAULTS[category];
    return row
      ? {
          category,
          keepMonths: row.keep_months,
          isEnabled: row.is_enabled,
          isDefault: false,
          updatedAt: row.updated_at,
        }
      : { category, keepMonths: fallback.keepMonths, isEnabled: fallback.isEnabled, isDefault: true, updatedAt: null };
  });
}

export async function upsertPolicy(
  tx: Tx,
  p: { orgId: string; category: RetentionCategory; keepMonths: number; isEnabled: boolean; at: Date; by: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO retention_policies (org_id, category, keep_months, is_enabled, updated_at, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (org_id, category) DO UPDATE
        SET keep_months = excluded.keep_months, is_enabled = excluded.is_enabled,
            updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    [p.orgId, p.category, p.keepMonths, p.isEnabled, p.at, p.by],
  );
}

export interface RunRow {
  id: string;
  trigger: string;
  started_at: Date;
  finished_at: Date | null;
  counts: Record<string, number>;
}

export function recentRuns(tx: Tx, orgId: string, limit = 5): Promise<RunRow[]> {
  return tx.query<RunRow>(
    `SELECT id, trigger, started_at, finished_at, counts FROM retention_runs
      WHERE org_id = $1 ORDER BY started_at DESC, id DESC LIMIT $2`,
    [orgId, limit],
  );
}

export async function startRun(
  tx: Tx,
  r: { id: string; orgId: string; trigger: string; actorUserId: string | null; at: Date },
): Promise<void> {
  await tx.query(
    `INSERT INTO retention_runs (id, org_id, trigger, actor_user_id, started_at, counts) VALUES ($1, $2, $3, $4, $5, '{}')`,
    [r.id, r.orgId, r.trigger, r.actorUserId, r.at],
  );
}

export async function finishRun(tx: Tx, id: string, counts: Record<string, number>, at: Date): Promise<void> {
  await tx.query(`UPDATE retention_runs SET finished_at = $2, counts = $3 WHERE id = $1`, [
    id,
    at,
    JSON.stringify(counts),
  ]);
}

export function listOrganisations(tx: Tx): Promise<{ id: string; name: string; slug: string }[]> {
  return tx.query(`SELECT id, name, slug FROM organisations ORDER BY slug`);
}
