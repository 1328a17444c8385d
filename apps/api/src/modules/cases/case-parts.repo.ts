// SQL for what hangs under a case: complainants, complaints, households, home visits and actions.
// Descriptions, notes and the complainants' names and contact details are sealed at rest.
import type { ComplaintSource, ComplaintTheme } from "@vindplaats/domain";
import { seal, unsealRows } from "../../crypto/fields.ts";
import type { Tx } from "../../db/database.ts";

export interface ComplaintRow {
  id: string;
  case_id: string;
  team_id: string;
  received_on: string;
  theme: ComplaintTheme;
  source: ComplaintSource;
  description: string | null;
  complainant_id: string | null;
  complainant_relation: string | null;
  resolved_on: string | null;
}

const COMPLAINTS = `
  SELECT k.id, k.case_id, k.team_id, k.received_on, k.theme, k.source, k.description, k.complainant_id,
         p.relation AS complainant_relation, k.resolved_on
    FROM case_complaints k LEFT JOIN case_complainants p ON p.id = k.complainant_id`;

export async function listComplaints(tx: Tx, caseId: string): Promise<ComplaintRow[]> {
  return unsealRows(
    await tx.query<ComplaintRow>(`${COMPLAINTS} WHERE k.case_id = $1 ORDER BY k.received_on DESC, k.id DESC`, [caseId]),
    ["description"],
  );
}

export async function getComplaint(tx: Tx, id: string): Promise<ComplaintRow | null> {
  return unsealRows(await tx.query<ComplaintRow>(`${COMPLAINTS} WHERE k.id = $1`, [id]), ["description"])[0] ?? null;
}

export async function insertComplaint(
  tx: Tx,
  k: {
    id: string;
    orgId: string;
    teamId: string;
    caseId: string;
    complainantId: string | null;
    receivedOn: string;
    theme: string;
    source: string;
    description: string | null;
    by: string;
    now: Date;
  },
) {
  await tx.query(
    `INSERT INTO case_complaints (id, org_id, team_id, case_id, complainant_id, received_on, theme, source, description, created_at, created_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
    [
      k.id,
      k.orgId,
      k.teamId,
      k.caseId,
      k.complainantId,
      k.receivedOn,
      k.theme,
      k.source,
      seal(k.description),
      k.now,
      k.by,
    ],
  );
}

export async function resolveComplaint(tx: Tx, id: string, on: string) {
  await tx.query(`UPDATE case_complaints SET resolved_on = $2 WHERE id = $1`, [id, on]);
}

export interface ComplainantRow {
  id: string;
  case_id: string;
  relation: string;
  name: string | null;
  contact_info: string | null;
  note: string | null;
  created_at: Date;
}

export async function listComplainants(tx: Tx, caseId: string): Promise<ComplainantRow[]> {
  const rows = await tx.query<ComplainantRow>(
    `SELECT id, case_id, relation, name, contact_info, note, created_at FROM case_complainants WHERE case_id = $1 ORDER BY created_at, id`,
    [caseId],
  );
  return unsealRows(rows, ["name", "contact_info", "note"]);
}

export async function insertComplainant(
  tx: Tx,
  c: {
    id: string;
    orgId: string;
    teamId: string;
    caseId: string;
    relation: string;
    name: string | null;
    contactInfo: string | null;
    note: string | null;
    by: string;
    now: Date;
  },
) {
  await tx.query(
    `INSERT INTO case_complainants (id, org_id, team_id, case_id, relation, name, contact_info, note, created_at, created_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
    [c.id, c.orgId, c.teamId, c.caseId, c.relation, seal(c.name), seal(c.contactInfo), seal(c.note), c.now, c.by],
  );
}

export function listHouseholds(tx: Tx, caseId: string) {
  return tx.query<{ household_id: string; name: string; since: string; until: string | null }>(
    `SELECT ch.household_id, h.name, ch.since, ch.until FROM case_households ch JOIN households h ON h.id = ch.household_id
      WHERE ch.case_id = $1 ORDER BY ch.since, h.name`,
    [caseId],
  );
}

export async function linkHousehold(
  tx: Tx,
  l: { id: string; orgId: string; teamId: string; caseId: string; householdId: string; since: string },
) {
  await tx.query(
    `INSERT INTO case_households (id, org_id, team_id, case_id, household_id, since) VALUES ($1,$2,$3,$4,$5,$6)`,
    [l.id, l.orgId, l.teamId, l.caseId, l.householdId, l.since],
  );
}

/** Ends the households' stay at the address (the case closes or the family moved); returns who lived there. */
export async function endHouseholds(tx: Tx, caseId: string, until: string): Promise<string[]> {
  const rows = await tx.query<{ household_id: string }>(
    `UPDATE case_households SET until = $2 WHERE case_id = $1 AND until IS NULL RETURNING household_id`,
    [caseId, until],
  );
  return rows.map((r) => r.household_id);
}

export async function isHouseholdLinked(tx: Tx, caseId: string, householdId: string): Promise<boolean> {
  const rows = await tx.query(
    `SELECT 1 FROM case_households WHERE case_id = $1 AND household_id = $2 AND until IS NULL`,
    [caseId, householdId],
  );
  return rows.length > 0;
}

export async function listVisits(tx: Tx, caseId: string) {
  const rows = await tx.query<{
    contact_id: string;
    started_at: Date;
    duration_minutes: number;
    worker_ids: string[];
    person_count: number;
    anonymous_total: number;
    note: string | null;
    created_by: string;
  }>(
    `SELECT c.id AS contact_id, c.started_at, c.duration_minutes, c.worker_ids, c.person_count, c.anonymous_total, c.note, c.created_by
       FROM case_contacts cc JOIN contacts c ON c.id = cc.contact_id
      WHERE cc.case_id = $1 AND NOT c.is_removed ORDER BY c.started_at DESC`,
    [caseId],
  );
  return unsealRows(rows, ["note"]);
}

/** Links a contact to the case; false when it was linked already. */
export async function linkContact(
  tx: Tx,
  l: { orgId: string; teamId: string; caseId: string; contactId: string },
): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO case_contacts (org_id, team_id, case_id, contact_id) VALUES ($1,$2,$3,$4) ON CONFLICT DO NOTHING RETURNING contact_id`,
    [l.orgId, l.teamId, l.caseId, l.contactId],
  );
  return rows.length > 0;
}

export async function listActions(tx: Tx, caseId: string) {
  const rows = await tx.query<{
    id: string;
    service_code: string;
    action_on: string;
    description: string;
    created_at: Date;
    created_by: string;
  }>(
    `SELECT id, service_code, action_on, description, created_at, created_by FROM case_actions WHERE case_id = $1 ORDER BY action_on DESC, id DESC`,
    [caseId],
  );
  return unsealRows(rows, ["description"]);
}

export async function insertAction(
  tx: Tx,
  a: {
    id: string;
    orgId: string;
    teamId: string;
    caseId: string;
    serviceCode: string;
    actionOn: string;
    description: string;
    by: string;
    now: Date;
  },
) {
  await tx.query(
    `INSERT INTO case_actions (id, org_id, team_id, case_id, service_code, action_on, description, created_at, created_by) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
    [a.id, a.orgId, a.teamId, a.caseId, a.serviceCode, a.actionOn, seal(a.description), a.now, a.by],
  );
}
