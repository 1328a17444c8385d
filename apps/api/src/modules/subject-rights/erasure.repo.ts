// SQL for anonymisation and erasure on request. Anonymising itself is shared with the retention job
// (modules/retention/anonymise.repo.ts): the row stays with what the figures count, identity and
// free text go. Erasing also removes those statistics and the links: only an empty row stays, for
// the accountability records (audit trail, break-the-glass reviews) that point to it.
import { seal } from "../../crypto/fields.ts";
import type { Tx } from "../../db/database.ts";

const count = async (tx: Tx, sql: string, params: unknown[]) => (await tx.query(sql, params)).length;

/** Contacts of these persons whose note anonymising clears: phones holding them get the change. */
export async function contactsWithNotes(tx: Tx, ids: readonly string[]): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `SELECT DISTINCT c.id FROM contact_persons cp JOIN contacts c ON c.id = cp.contact_id
      WHERE cp.person_id = ANY($1::uuid[]) AND c.note IS NOT NULL`,
    [ids],
  );
  return rows.map((r) => r.id);
}

/** What anonymising on request adds to the shared anonymisation: the keyed hash and the restriction go. */
export async function finishAnonymisation(tx: Tx, ids: readonly string[], by: { userId: string; at: Date }) {
  await tx.query(`UPDATE persons SET national_register_hash = NULL WHERE id = ANY($1::uuid[])`, [ids]);
  await tx.query(
    `UPDATE person_restrictions SET lifted_at = $2, lifted_by = $3, lift_reason = $4
      WHERE person_id = ANY($1::uuid[]) AND lifted_at IS NULL`,
    [ids, by.at, by.userId, seal("anonymised")],
  );
}

/** Erasure after anonymising: the statistics and every link go too; contacts stay as anonymous work. */
export async function eraseLinks(tx: Tx, ids: readonly string[], at: Date) {
  const contacts = await count(
    tx,
    `DELETE FROM contact_persons WHERE person_id = ANY($1::uuid[]) RETURNING contact_id`,
    [ids],
  );
  const teams = await count(tx, `DELETE FROM person_teams WHERE person_id = ANY($1::uuid[]) RETURNING team_id`, [ids]);
  const members = await count(
    tx,
    `UPDATE collective_members SET until = coalesce(until, $2) WHERE person_id = ANY($1::uuid[]) RETURNING id`,
    [ids, at],
  );
  const referrals = await count(
    tx,
    `UPDATE referrals SET person_id = NULL, updated_at = $2 WHERE person_id = ANY($1::uuid[]) RETURNING id`,
    [ids, at],
  );
  const tasks = await count(tx, `UPDATE tasks SET person_id = NULL WHERE person_id = ANY($1::uuid[]) RETURNING id`, [
    ids,
  ]);
  await tx.query(
    `UPDATE persons SET age_band = NULL, gender = NULL, languages = '{}', nationality = NULL, usual_neighbourhood_id = NULL,
            known_to_social_service = NULL WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return { contacts, teams, members, referrals, tasks };
}
