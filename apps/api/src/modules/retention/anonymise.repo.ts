// Anonymising person records: the row stays, with what the figures count (age band, gender,
// nationality, languages, neighbourhood, known to the social service, teams and first contact, the
// links to contacts and referrals), so yearly figures do not change; identity and free text go.
// The data-subject-rights work (erasure on request) can share this with its own reason.
import type { Tx } from "../../db/database.ts";
import type { Ctx } from "../../http/context.ts";
import { recordChange } from "../sync/changes.ts";

const PLACEHOLDER = "Geanonimiseerd";

/**
 * Persons not seen since the cutoff ($2, day $3) in organisation $1, not yet anonymised. A record
 * counts with every record merged into it (the chain's root decides). Still in use, and so kept: a
 * record created, changed or noted on since the cutoff, met in a contact since (removed contacts do
 * not count), in a trajectory or in a household at a case that is open or closed after the cutoff,
 * or under a restriction of processing.
 */
export const INACTIVE_PERSONS = `
  WITH RECURSIVE chain (id, root, depth) AS (
    SELECT m.id, m.merged_into_id, 1 FROM persons m WHERE m.org_id = $1 AND m.merged_into_id IS NOT NULL
    UNION ALL
    SELECT chain.id, p.merged_into_id, chain.depth + 1
      FROM chain JOIN persons p ON p.id = chain.root
     WHERE p.merged_into_id IS NOT NULL AND chain.depth < 32
  ),
  merged AS (SELECT DISTINCT ON (id) id, root FROM chain ORDER BY id, depth DESC),
  family AS (
    SELECT p.id, coalesce(m.root, p.id) AS root FROM persons p LEFT JOIN merged m ON m.id = p.id WHERE p.org_id = $1
  ),
  in_use AS (
    SELECT f.root FROM family f JOIN persons p ON p.id = f.id
     WHERE p.created_at >= $2 OR p.updated_at >= $2
    UNION SELECT f.root FROM family f JOIN person_notes n ON n.person_id = f.id WHERE n.created_at >= $2
    UNION SELECT f.root FROM family f
      JOIN contact_persons cp ON cp.person_id = f.id JOIN contacts c ON c.id = cp.contact_id
     WHERE c.started_at >= $2 AND NOT c.is_removed
    UNION SELECT f.root FROM family f
      JOIN trajectory_participants tp ON tp.person_id = f.id JOIN trajectories t ON t.id = tp.trajectory_id
     WHERE t.status <> 'closed' OR t.closed_on >= $3::date
    UNION SELECT f.root FROM family f
      JOIN collective_members cm ON cm.person_id = f.id AND cm.kind = 'household'
      JOIN case_households ch ON ch.household_id = cm.collective_id JOIN cases k ON k.id = ch.case_id
     WHERE k.status <> 'closed' OR k.closed_on >= $3::date
    -- A restricted record (GDPR art. 18, e.g. kept for a legal claim) is frozen: retention waits.
    UNION SELECT f.root FROM family f JOIN person_restrictions r ON r.person_id = f.id WHERE r.lifted_at IS NULL
  )
  SELECT f.id FROM family f
   WHERE NOT EXISTS (SELECT 1 FROM in_use u WHERE u.root = f.root)
     AND NOT EXISTS (SELECT 1 FROM person_anonymisations a WHERE a.person_id = f.id)`;

export interface AnonymiseInput {
  orgId: string;
  ids: string[];
  at: Date;
  runId: string | null;
  reason?: string;
}

/** Anonymises person records of one organisation and everything written about them, in the caller's transaction. */
export async function anonymisePersons(tx: Tx, input: AnonymiseInput): Promise<void> {
  const { orgId, ids, at } = input;
  const p = [orgId, ids];
  // Offline copies drop the records on their next pull: announced first, while the shares that may
  // hold a copy are still active. recordChange reads the organisation, transaction and clock only.
  const ctx = { tx, clock: { now: () => at }, actor: { orgId } } as unknown as Ctx;
  await recordChange(ctx, { entityType: "person", entityId: ids, op: "delete" });
  await tx.query(
    `UPDATE persons
        SET nickname = $3, nickname_norm = '', description = NULL, birth_year = NULL, full_name = NULL,
            birth_date = NULL, national_register_number = NULL, national_register_hash = NULL, phone = NULL,
            email = NULL, usual_place_id = NULL,
            identity_level = 'pseudonymous', identified_at = NULL, identified_by = NULL, is_active = false,
            version = version + 1, updated_at = $4
      WHERE org_id = $1 AND id = ANY($2)`,
    [...p, PLACEHOLDER, at],
  );
  await tx.query(`DELETE FROM person_notes WHERE org_id = $1 AND person_id = ANY($2)`, p);
  // The history keeps who changed which field when, not the values.
  await tx.query(
    `UPDATE person_history
        SET changes = coalesce((SELECT jsonb_object_agg(k, 'null'::jsonb) FROM jsonb_object_keys(changes) AS k), '{}'::jsonb)
      WHERE org_id = $1 AND person_id = ANY($2) AND jsonb_typeof(changes) = 'object'`,
    p,
  );
  const contacts = await tx.query<{ id: string }>(
    `SELECT DISTINCT contact_id AS id FROM contact_persons WHERE org_id = $1 AND person_id = ANY($2)`,
    p,
  );
  if (contacts.length)
    await clearContactNotes(
      tx,
      orgId,
      contacts.map((c) => c.id),
    );
  await tx.query(`UPDATE referrals SET note = NULL WHERE org_id = $1 AND person_id = ANY($2) AND note IS NOT NULL`, p);
  await tx.query(`UPDATE tasks SET title = '—' WHERE org_id = $1 AND person_id = ANY($2)`, p);
  await tx.query(`UPDATE collective_members SET role = NULL WHERE org_id = $1 AND person_id = ANY($2)`, p);
  await tx.query(`UPDATE trajectory_participants SET role = NULL WHERE org_id = $1 AND person_id = ANY($2)`, p);
  await tx.query(
    `UPDATE person_shares SET revoked_at = $3 WHERE org_id = $1 AND person_id = ANY($2) AND revoked_at IS NULL`,
    [...p, at],
  );
  await tx.query(
    `INSERT INTO person_anonymisations (person_id, org_id, at, reason, run_id)
     SELECT id, $1, $3, $4, $5 FROM unnest($2::uuid[]) AS id ON CONFLICT (person_id) DO NOTHING`,
    [...p, at, input.reason ?? "retention", input.runId],
  );
  // A household whose every member is now anonymised loses its name.
  await tx.query(
    `UPDATE households h SET name = '—'
      WHERE h.org_id = $1 AND h.name <> '—'
        AND EXISTS (SELECT 1 FROM collective_members cm WHERE cm.collective_id = h.id AND cm.person_id = ANY($2))
        AND NOT EXISTS (SELECT 1 FROM collective_members cm WHERE cm.collective_id = h.id
                         AND NOT EXISTS (SELECT 1 FROM person_anonymisations a WHERE a.person_id = cm.person_id))`,
    p,
  );
}

/** Clears the note and removal reason of contacts, and the note's earlier versions in their revisions. */
export async function clearContactNotes(tx: Tx, orgId: string, contactIds: string[]): Promise<void> {
  await tx.query(
    `UPDATE contacts SET note = NULL, removed_reason = NULL WHERE org_id = $1 AND id = ANY($2)
        AND (note IS NOT NULL OR removed_reason IS NOT NULL)`,
    [orgId, contactIds],
  );
  await tx.query(
    `UPDATE contact_revisions SET reason = NULL, changes = changes - 'note'
      WHERE org_id = $1 AND contact_id = ANY($2) AND (reason IS NOT NULL OR changes ? 'note')`,
    [orgId, contactIds],
  );
}
