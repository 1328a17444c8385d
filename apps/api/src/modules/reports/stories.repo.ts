// SQL for report stories: insert, list, withdraw, and the stories a report prints.
import type { Tx } from "../../db/database.ts";

export interface StoryRow {
  id: string;
  team_id: string;
  year: number;
  quote: string;
  names_removed: number;
  consent_given_on: string;
  consent_how: string;
  consent_scope: string;
  created_at: Date;
  created_by: string;
  withdrawn_at: Date | null;
}

const COLUMNS = `id, team_id, year, quote, names_removed, consent_given_on, consent_how, consent_scope, created_at, created_by, withdrawn_at`;

export async function insertStory(
  tx: Tx,
  s: Omit<StoryRow, "withdrawn_at"> & { org_id: string; person_id: string; contact_id: string | null },
): Promise<void> {
  await tx.query(
    `INSERT INTO report_stories (id, org_id, team_id, person_id, contact_id, year, quote, names_removed,
                                 consent_given_on, consent_how, consent_scope, created_at, created_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)`,
    [
      s.id,
      s.org_id,
      s.team_id,
      s.person_id,
      s.contact_id,
      s.year,
      s.quote,
      s.names_removed,
      s.consent_given_on,
      s.consent_how,
      s.consent_scope,
      s.created_at,
      s.created_by,
    ],
  );
}

export async function getStory(tx: Tx, id: string): Promise<StoryRow | null> {
  return (await tx.query<StoryRow>(`SELECT ${COLUMNS} FROM report_stories WHERE id = $1`, [id]))[0] ?? null;
}

export function listStories(tx: Tx, teamIds: readonly string[], year: number | null): Promise<StoryRow[]> {
  return tx.query<StoryRow>(
    `SELECT ${COLUMNS} FROM report_stories
      WHERE team_id = ANY($1::uuid[]) AND ($2::int IS NULL OR year = $2)
      ORDER BY created_at DESC, id DESC LIMIT 500`,
    [teamIds, year],
  );
}

export async function withdrawStory(tx: Tx, id: string, at: Date, by: string, reason: string): Promise<void> {
  await tx.query(
    `UPDATE report_stories SET withdrawn_at = $2, withdrawn_by = $3, withdrawn_reason = $4 WHERE id = $1`,
    [id, at, by, reason],
  );
}

/** The stories a report prints: of its year and teams, consent not withdrawn, marked by the data timestamp. */
export function reportStories(tx: Tx, orgId: string, year: number, teamIds: readonly string[] | null, asOf: Date) {
  return tx.query<{ id: string; quote: string; team_id: string }>(
    `SELECT id, quote, team_id FROM report_stories
      WHERE org_id = $1 AND year = $2 AND ($3::uuid[] IS NULL OR team_id = ANY($3::uuid[]))
        AND created_at <= $4 AND (withdrawn_at IS NULL OR withdrawn_at > $4)
      ORDER BY created_at, id`,
    [orgId, year, teamIds, asOf],
  );
}
