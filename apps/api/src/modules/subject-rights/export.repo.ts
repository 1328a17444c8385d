// SQL for the subject-access export: everything linked to the person's record(s), each section read
// on its own. Other persons are never named: a shared contact shows how many others were there.
import { unsealRows } from "../../crypto/fields.ts";
import type { Row, Tx } from "../../db/database.ts";

type Ids = readonly string[];

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : v);
/** Dates as ISO strings, so the JSON export and the PDF show the same thing. */
const plain = (rows: Row[]) => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, iso(v)])));

export async function exportSections(tx: Tx, ids: Ids) {
  const q = async (sql: string, sealed: string[] = []) => plain(unsealRows(await tx.query<Row>(sql, [ids]), sealed));
  return {
    teams: await q(
      `SELECT t.name AS team, pt.first_seen_at AS "firstSeenAt", pt.last_seen_at AS "lastSeenAt"
         FROM person_teams pt JOIN teams t ON t.id = pt.team_id WHERE pt.person_id = ANY($1::uuid[]) ORDER BY pt.first_seen_at`,
    ),
    contacts: await q(
      `SELECT c.id, c.started_at AS "startedAt", c.duration_minutes AS "durationMinutes", t.name AS team, c.mode,
              pl.name AS place, n.name AS neighbourhood, c.location_kind AS "locationKind", c.came_about AS "cameAbout",
              c.working_relationship AS "workingRelationship", c.actions, c.life_domains AS "lifeDomains", c.note,
              (SELECT string_agg(u.display_name, ', ' ORDER BY u.display_name) FROM users u WHERE u.id = ANY(c.worker_ids)) AS workers,
              (SELECT count(*)::int FROM contact_persons o WHERE o.contact_id = c.id AND NOT (o.person_id = ANY($1::uuid[]))) AS "otherPersons",
              c.is_removed AS "isRemoved"
         FROM contact_persons cp JOIN contacts c ON c.id = cp.contact_id JOIN teams t ON t.id = c.team_id
         LEFT JOIN places pl ON pl.id = c.place_id LEFT JOIN neighbourhoods n ON n.id = c.neighbourhood_id
        WHERE cp.person_id = ANY($1::uuid[]) ORDER BY c.started_at, c.id`,
      ["note"],
    ),
    notes: await q(
      `SELECT n.created_at AS at, t.name AS team, u.display_name AS author, n.body
         FROM person_notes n JOIN teams t ON t.id = n.team_id LEFT JOIN users u ON u.id = n.created_by
        WHERE n.person_id = ANY($1::uuid[]) ORDER BY n.created_at, n.id`,
      ["body"],
    ),
    referrals: await q(
      `SELECT r.proposed_on AS "proposedOn", r.service_code AS service, r.status, r.accompanied, r.decided_on AS "decidedOn",
              r.completed_on AS "completedOn", t.name AS team, r.note
         FROM referrals r JOIN teams t ON t.id = r.team_id WHERE r.person_id = ANY($1::uuid[]) ORDER BY r.proposed_on, r.id`,
      ["note"],
    ),
    tasks: await q(
      `SELECT k.title, k.due_on AS "dueOn", k.done_at AS "doneAt", t.name AS team
         FROM tasks k JOIN teams t ON t.id = k.team_id WHERE k.person_id = ANY($1::uuid[]) ORDER BY k.due_on, k.id`,
    ),
    collectives: await q(
      `SELECT m.kind, coalesce(h.name, g.name) AS name, m.role, m.since, m.until
         FROM collective_members m LEFT JOIN households h ON m.kind = 'household' AND h.id = m.collective_id
         LEFT JOIN groups g ON m.kind = 'group' AND g.id = m.collective_id
        WHERE m.person_id = ANY($1::uuid[]) ORDER BY m.since, m.id`,
    ),
    trajectories: await q(
      `SELECT tr.kind, tr.title, tr.status, tr.started_on AS "startedOn", tr.closed_on AS "closedOn", tp.role, tp.since,
              tp.until, t.name AS team
         FROM trajectory_participants tp JOIN trajectories tr ON tr.id = tp.trajectory_id JOIN teams t ON t.id = tr.team_id
        WHERE tp.person_id = ANY($1::uuid[]) ORDER BY tp.since, tp.id`,
    ),
    shares: await q(
      `SELECT f.name AS "fromTeam", coalesce(tt.name, tu.display_name) AS "sharedWith", s.field_classes AS "fieldClasses",
              s.basis, s.consent_given_on AS "consentGivenOn", s.consent_scope AS "consentScope", s.consent_how AS "consentHow",
              s.justification, s.created_at AS "createdAt", s.expires_at AS "expiresAt", s.revoked_at AS "revokedAt"
         FROM person_shares s JOIN teams f ON f.id = s.from_team_id LEFT JOIN teams tt ON tt.id = s.to_team_id
         LEFT JOIN users tu ON tu.id = s.to_user_id
        WHERE s.person_id = ANY($1::uuid[]) ORDER BY s.created_at, s.id`,
    ),
    breakGlass: await q(
      `SELECT u.display_name AS by, b.reason, b.started_at AS "startedAt", b.expires_at AS "expiresAt",
              b.reviewed_at AS "reviewedAt"
         FROM break_glass b JOIN users u ON u.id = b.user_id WHERE b.person_id = ANY($1::uuid[]) ORDER BY b.started_at, b.id`,
    ),
  };
}

export type ExportSections = Awaited<ReturnType<typeof exportSections>>;

/**
 * Who accessed the record and the contacts the person was part of, and when (the audit trail).
 * Actions and entity types only: the details of an audit row can name other records.
 */
export async function accessHistory(tx: Tx, ids: Ids) {
  const rows = await tx.query<{ at: Date; by: string | null; action: string; entityType: string | null }>(
    `SELECT a.at, u.display_name AS by, a.action, a.entity_type AS "entityType"
       FROM audit_events a LEFT JOIN users u ON u.id = a.actor_user_id
      WHERE a.entity_id = ANY($1::uuid[])
         OR a.entity_id IN (SELECT contact_id FROM contact_persons WHERE person_id = ANY($1::uuid[]))
      ORDER BY a.seq`,
    [ids],
  );
  return rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
}

/** Labels of the organisation's value lists, for a readable PDF: list -> code -> { nl, en, fr }. */
export async function valueLabels(tx: Tx): Promise<Map<string, Record<string, string>>> {
  const rows = await tx.query<{ list: string; code: string; labels: Record<string, string> }>(
    `SELECT list, code, labels FROM value_lists`,
  );
  return new Map(rows.map((r) => [`${r.list}:${r.code}`, r.labels]));
}
