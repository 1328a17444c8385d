// What each retention category selects and what it does to it, in plain SQL. Every `due` query
// yields the ids of the rows that are due, with $1 the organisation, $2 the cutoff instant and $3 the
// cutoff day; applying to a row takes it out of `due`, so a run repeats batches until none is left.
// Every statement names the organisation: the job works as the owner, without row-level security.
import type { RetentionCategory } from "@vindplaats/domain";
import type { Tx } from "../../db/database.ts";
import { anonymisePersons, clearContactNotes, INACTIVE_PERSONS } from "./anonymise.repo.ts";

export interface ApplyInput {
  orgId: string;
  ids: string[];
  at: Date;
  runId: string;
}

interface CategoryWork {
  due: string;
  apply(tx: Tx, input: ApplyInput): Promise<void>;
}

/** Deletes rows by key, after the rows that reference them (found in the catalogue, one level). */
async function deleteWithDependents(tx: Tx, table: string, key: string, ids: string[]): Promise<void> {
  const refs = await tx.query<{ tbl: string; col: string }>(
    `SELECT c.conrelid::regclass::text AS tbl, a.attname AS col
       FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
      WHERE c.contype = 'f' AND c.confrelid = $1::regclass AND cardinality(c.conkey) = 1`,
    [table],
  );
  for (const r of refs) await tx.query(`DELETE FROM ${r.tbl} WHERE ${r.col} = ANY($1)`, [ids]);
  await tx.query(`DELETE FROM ${table} WHERE ${key} = ANY($1)`, [ids]);
}

const CLEARED = "—";

const CASE_TEXT_LEFT = `(k.address_key NOT LIKE 'cleared:%' OR k.summary IS NOT NULL OR k.close_note IS NOT NULL
   OR EXISTS (SELECT 1 FROM case_complainants x WHERE x.case_id = k.id
               AND (x.name IS NOT NULL OR x.contact_info IS NOT NULL OR x.note IS NOT NULL))
   OR EXISTS (SELECT 1 FROM case_complaints x WHERE x.case_id = k.id AND x.description IS NOT NULL)
   OR EXISTS (SELECT 1 FROM case_actions x WHERE x.case_id = k.id AND x.description <> '${CLEARED}')
   OR EXISTS (SELECT 1 FROM case_assignments x WHERE x.case_id = k.id AND x.reason IS NOT NULL))`;

const TRAJECTORY_TEXT_LEFT = `(t.title <> '${CLEARED}' OR t.support IS NOT NULL OR t.close_reason IS NOT NULL
   OR EXISTS (SELECT 1 FROM trajectory_goals x WHERE x.trajectory_id = t.id AND x.description <> '${CLEARED}')
   OR EXISTS (SELECT 1 FROM trajectory_steps x WHERE x.trajectory_id = t.id AND x.description <> '${CLEARED}')
   OR EXISTS (SELECT 1 FROM case_conferences x WHERE x.trajectory_id = t.id AND x.note <> '${CLEARED}')
   OR EXISTS (SELECT 1 FROM housing_checkpoints x WHERE x.trajectory_id = t.id AND x.note IS NOT NULL)
   OR EXISTS (SELECT 1 FROM trajectory_partners x WHERE x.trajectory_id = t.id AND x.contact_person IS NOT NULL)
   OR EXISTS (SELECT 1 FROM trajectory_participants x WHERE x.trajectory_id = t.id AND x.role IS NOT NULL))`;

export const CATEGORY_WORK: Record<RetentionCategory, CategoryWork> = {
  inactive_persons: { due: INACTIVE_PERSONS, apply: anonymisePersons },

  person_notes: {
    due: `SELECT n.id FROM person_notes n WHERE n.org_id = $1 AND n.created_at < $2`,
    apply: (tx, { ids }) => deleteWithDependents(tx, "person_notes", "id", ids),
  },

  contact_notes: {
    due: `SELECT c.id FROM contacts c
           WHERE c.org_id = $1 AND c.started_at < $2
             AND (c.note IS NOT NULL OR c.removed_reason IS NOT NULL
                  OR EXISTS (SELECT 1 FROM contact_revisions r WHERE r.contact_id = c.id
                              AND (r.reason IS NOT NULL OR r.changes ? 'note')))`,
    async apply(tx, { orgId, ids }) {
      await clearContactNotes(tx, orgId, ids);
    },
  },

  closed_cases: {
    due: `SELECT k.id FROM cases k
           WHERE k.org_id = $1 AND k.status = 'closed' AND k.closed_on < $3::date AND ${CASE_TEXT_LEFT}`,
    async apply(tx, { orgId, ids }) {
      const p = [orgId, ids];
      await tx.query(
        `UPDATE cases SET street = '${CLEARED}', house_number = '${CLEARED}', box = NULL,
                address_key = 'cleared:' || id::text, summary = NULL, close_note = NULL
          WHERE org_id = $1 AND id = ANY($2)`,
        p,
      );
      await tx.query(
        `UPDATE case_complainants SET name = NULL, contact_info = NULL, note = NULL WHERE org_id = $1 AND case_id = ANY($2)`,
        p,
      );
      await tx.query(`UPDATE case_complaints SET description = NULL WHERE org_id = $1 AND case_id = ANY($2)`, p);
      await tx.query(`UPDATE case_actions SET description = '${CLEARED}' WHERE org_id = $1 AND case_id = ANY($2)`, p);
      await tx.query(`UPDATE case_assignments SET reason = NULL WHERE org_id = $1 AND case_id = ANY($2)`, p);
    },
  },

  closed_trajectories: {
    due: `SELECT t.id FROM trajectories t
           WHERE t.org_id = $1 AND t.status = 'closed' AND t.closed_on < $3::date AND ${TRAJECTORY_TEXT_LEFT}`,
    async apply(tx, { orgId, ids }) {
      const p = [orgId, ids];
      await tx.query(
        `UPDATE trajectories SET title = '${CLEARED}', support = NULL, close_reason = NULL WHERE org_id = $1 AND id = ANY($2)`,
        p,
      );
      const byTrajectory = (table: string, set: string) =>
        tx.query(`UPDATE ${table} SET ${set} WHERE org_id = $1 AND trajectory_id = ANY($2)`, p);
      await byTrajectory("trajectory_goals", `description = '${CLEARED}'`);
      await byTrajectory("trajectory_steps", `description = '${CLEARED}'`);
      await byTrajectory("case_conferences", `note = '${CLEARED}'`);
      await byTrajectory("housing_checkpoints", "note = NULL");
      await byTrajectory("trajectory_partners", "contact_person = NULL");
      await byTrajectory("trajectory_participants", "role = NULL");
    },
  },

  sessions: {
    due: `SELECT s.id_hash AS id FROM sessions s
           WHERE s.org_id = $1 AND (s.expires_at < $2 OR s.revoked_at < $2)`,
    apply: (tx, { ids }) => deleteWithDependents(tx, "sessions", "id_hash", ids),
  },

  sync_records: {
    due: `SELECT m.id FROM sync_mutations m WHERE m.org_id = $1 AND m.received_at < $2
          UNION ALL
          SELECT r.id FROM sync_review r WHERE r.org_id = $1 AND r.received_at < $2 AND r.resolved_at IS NOT NULL`,
    async apply(tx, { orgId, ids }) {
      await tx.query(`DELETE FROM sync_mutations WHERE org_id = $1 AND id = ANY($2)`, [orgId, ids]);
      await tx.query(`DELETE FROM sync_review WHERE org_id = $1 AND id = ANY($2)`, [orgId, ids]);
    },
  },
};

/** How many rows of a category are due now. */
export async function countDue(tx: Tx, category: RetentionCategory, orgId: string, cutoff: Date): Promise<number> {
  const rows = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (${CATEGORY_WORK[category].due}) d CROSS JOIN ${TYPED}`,
    cutoffParams(orgId, cutoff),
  );
  return rows[0]?.n ?? 0;
}

/** The next batch of due ids, in a stable order. */
export async function nextDue(
  tx: Tx,
  category: RetentionCategory,
  orgId: string,
  cutoff: Date,
  limit: number,
): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `SELECT d.id FROM (${CATEGORY_WORK[category].due}) d CROSS JOIN ${TYPED} ORDER BY d.id LIMIT ${Number(limit)}`,
    cutoffParams(orgId, cutoff),
  );
  return rows.map((r) => r.id);
}

/** Names the type of every parameter, so a category that does not use one of them still runs. */
const TYPED = `(SELECT $1::uuid, $2::timestamptz, $3::date) AS params`;
const cutoffParams = (orgId: string, cutoff: Date) => [orgId, cutoff, cutoff.toISOString().slice(0, 10)];
