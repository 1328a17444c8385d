// SQL for address cases: the case row, its status history, assignments, lists and the household's path.
import type { CaseCloseReason, CaseStatus } from "@vindplaats/domain";
import { seal, unsealRows } from "../../crypto/fields.ts";
import type { Tx } from "../../db/database.ts";

export interface CaseRow {
  id: string;
  org_id: string;
  team_id: string;
  street: string;
  house_number: string;
  box: string | null;
  postcode: string;
  address_key: string;
  neighbourhood_id: string | null;
  neighbourhood_name: string | null;
  is_outside: boolean;
  intake_channel: string;
  summary: string | null;
  status: CaseStatus;
  opened_on: string;
  closed_on: string | null;
  close_reason: CaseCloseReason | null;
  close_note: string | null;
  assignee_id: string | null;
  assignee_name: string | null;
  previous_case_id: string | null;
  next_case_id: string | null;
  open_complaints: number;
  version: number;
  created_at: Date;
  created_by: string;
  updated_at: Date;
}

const SELECT = `
  SELECT c.*, n.name AS neighbourhood_name, u.display_name AS assignee_name,
         (SELECT count(*)::int FROM case_complaints k WHERE k.case_id = c.id AND k.resolved_on IS NULL) AS open_complaints,
         (SELECT x.id FROM cases x WHERE x.previous_case_id = c.id ORDER BY x.opened_on, x.id LIMIT 1) AS next_case_id
    FROM cases c
    LEFT JOIN neighbourhoods n ON n.id = c.neighbourhood_id
    LEFT JOIN users u ON u.id = c.assignee_id`;

/** The summary and the closing note are sealed at rest. */
const open = (rows: CaseRow[]) => unsealRows(rows, ["summary", "close_note"]);

export async function getCase(tx: Tx, id: string): Promise<CaseRow | null> {
  return open(await tx.query<CaseRow>(`${SELECT} WHERE c.id = $1`, [id]))[0] ?? null;
}

/** A case of the team at this address that is not closed: one address, one current case. */
export async function currentCaseAt(tx: Tx, teamId: string, addressKey: string): Promise<string | null> {
  const rows = await tx.query<{ id: string }>(
    `SELECT id FROM cases WHERE team_id = $1 AND address_key = $2 AND status <> 'closed'`,
    [teamId, addressKey],
  );
  return rows[0]?.id ?? null;
}

export interface NewCase {
  id: string;
  orgId: string;
  teamId: string;
  street: string;
  houseNumber: string;
  box: string | null;
  postcode: string;
  addressKey: string;
  neighbourhoodId: string | null;
  isOutside: boolean;
  intakeChannel: string;
  summary: string | null;
  openedOn: string;
  assigneeId: string;
  previousCaseId: string | null;
  createdBy: string;
  now: Date;
}

export async function insertCase(tx: Tx, c: NewCase): Promise<void> {
  await tx.query(
    `INSERT INTO cases (id, org_id, team_id, street, house_number, box, postcode, address_key, neighbourhood_id, is_outside,
                        intake_channel, summary, status, opened_on, assignee_id, previous_case_id, created_at, created_by, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,'open',$13,$14,$15,$16,$17,$16)`,
    [
      c.id,
      c.orgId,
      c.teamId,
      c.street,
      c.houseNumber,
      c.box,
      c.postcode,
      c.addressKey,
      c.neighbourhoodId,
      c.isOutside,
      c.intakeChannel,
      seal(c.summary),
      c.openedOn,
      c.assigneeId,
      c.previousCaseId,
      c.now,
      c.createdBy,
    ],
  );
}

export async function insertStatus(
  tx: Tx,
  s: {
    id: string;
    orgId: string;
    teamId: string;
    caseId: string;
    status: CaseStatus;
    reason: string | null;
    effectiveOn: string;
    at: Date;
    actorUserId: string;
  },
) {
  await tx.query(
    `INSERT INTO case_status_history (id, org_id, team_id, case_id, status, reason, effective_on, at, actor_user_id) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
    [s.id, s.orgId, s.teamId, s.caseId, s.status, s.reason, s.effectiveOn, s.at, s.actorUserId],
  );
}

/** The day the latest status took effect: a new status may not take effect before it. */
export async function lastStatusDay(tx: Tx, caseId: string): Promise<string | null> {
  const rows = await tx.query<{ d: string | null }>(
    `SELECT max(effective_on) AS d FROM case_status_history WHERE case_id = $1`,
    [caseId],
  );
  return rows[0]?.d ?? null;
}

export async function setStatus(
  tx: Tx,
  id: string,
  s: { status: CaseStatus; closedOn: string | null; closeReason: string | null; closeNote: string | null; now: Date },
) {
  await tx.query(
    `UPDATE cases SET status = $2, closed_on = $3, close_reason = $4, close_note = $5, version = version + 1, updated_at = $6 WHERE id = $1`,
    [id, s.status, s.closedOn, s.closeReason, seal(s.closeNote), s.now],
  );
}

export async function insertAssignment(
  tx: Tx,
  a: {
    id: string;
    orgId: string;
    teamId: string;
    caseId: string;
    assigneeId: string;
    how: string;
    reason: string | null;
    at: Date;
    by: string;
  },
) {
  await tx.query(`UPDATE case_assignments SET ended_at = $2 WHERE case_id = $1 AND ended_at IS NULL`, [a.caseId, a.at]);
  await tx.query(
    `INSERT INTO case_assignments (id, org_id, team_id, case_id, assignee_id, how, reason, started_at, assigned_by) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
    [a.id, a.orgId, a.teamId, a.caseId, a.assigneeId, a.how, a.reason, a.at, a.by],
  );
}

export async function setAssignee(tx: Tx, caseId: string, assigneeId: string, now: Date) {
  await tx.query(`UPDATE cases SET assignee_id = $2, version = version + 1, updated_at = $3 WHERE id = $1`, [
    caseId,
    assigneeId,
    now,
  ]);
}

/**
 * Sharing new cases out across the team: the active member holding the fewest current cases, then
 * the one who got a case longest ago. Workers first; a coordinator only when the team has no workers.
 */
export async function nextAssignee(tx: Tx, teamId: string): Promise<string | null> {
  const rows = await tx.query<{ user_id: string }>(
    `SELECT m.user_id
       FROM memberships m JOIN users u ON u.id = m.user_id
      WHERE m.team_id = $1 AND m.is_active AND u.is_active
      ORDER BY (m.role = 'worker') DESC,
               (SELECT count(*) FROM cases c WHERE c.team_id = $1 AND c.assignee_id = m.user_id AND c.status <> 'closed'),
               (SELECT max(a.started_at) FROM case_assignments a WHERE a.team_id = $1 AND a.assignee_id = m.user_id) NULLS FIRST,
               m.user_id
      LIMIT 1`,
    [teamId],
  );
  return rows[0]?.user_id ?? null;
}

export async function updateCaseFields(
  tx: Tx,
  id: string,
  f: { summary?: string | null | undefined; intakeChannel?: string | undefined; now: Date },
) {
  await tx.query(
    `UPDATE cases SET summary = CASE WHEN $2 THEN $3 ELSE summary END, intake_channel = coalesce($4, intake_channel),
            version = version + 1, updated_at = $5 WHERE id = $1`,
    [id, f.summary !== undefined, seal(f.summary), f.intakeChannel ?? null, f.now],
  );
}

export interface CaseFilters {
  status?: CaseStatus | "current" | undefined;
  assigneeId?: string | undefined;
  neighbourhoodId?: string | undefined;
  q?: string | undefined;
}

/** Cases of the teams, current ones first, newest first; keyset-paginated on (opened_on, id). */
export async function listCases(
  tx: Tx,
  f: CaseFilters,
  teamIds: readonly string[],
  page: { after: { on: string; id: string } | null; limit: number },
) {
  const params: unknown[] = [teamIds];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where = [`c.team_id = ANY($1::uuid[])`];
  if (f.status === "current") where.push(`c.status <> 'closed'`);
  else if (f.status) where.push(`c.status = ${p(f.status)}`);
  if (f.assigneeId) where.push(`c.assignee_id = ${p(f.assigneeId)}`);
  if (f.neighbourhoodId) where.push(`c.neighbourhood_id = ${p(f.neighbourhoodId)}`);
  if (f.q) where.push(`c.address_key LIKE '%' || ${p(f.q.toLowerCase())} || '%'`);
  if (page.after) where.push(`(c.opened_on, c.id) < (${p(page.after.on)}::date, ${p(page.after.id)}::uuid)`);
  return open(
    await tx.query<CaseRow>(
      `${SELECT} WHERE ${where.join(" AND ")} ORDER BY c.opened_on DESC, c.id DESC LIMIT ${p(page.limit)}`,
      params,
    ),
  );
}

export interface PathRow {
  id: string;
  street: string;
  house_number: string;
  box: string | null;
  postcode: string;
  neighbourhood_name: string | null;
  is_outside: boolean;
  status: CaseStatus;
  opened_on: string;
  closed_on: string | null;
  close_reason: string | null;
}

/**
 * The household's path across addresses: the chain of moves back and forward from this case, and
 * every case where a household living here also lived. Oldest address first.
 */
export function casePath(tx: Tx, caseId: string, teamIds: readonly string[]): Promise<PathRow[]> {
  return tx.query<PathRow>(
    `WITH RECURSIVE back(id, previous_case_id) AS (
         SELECT id, previous_case_id FROM cases WHERE id = $1
         UNION SELECT c.id, c.previous_case_id FROM cases c JOIN back b ON c.id = b.previous_case_id
       ), ahead(id) AS (
         SELECT id FROM cases WHERE id = $1
         UNION SELECT c.id FROM cases c JOIN ahead a ON c.previous_case_id = a.id
       ), chain AS (
         SELECT id FROM back UNION SELECT id FROM ahead
       ), shared AS (
         SELECT other.case_id AS id
           FROM case_households mine JOIN case_households other ON other.household_id = mine.household_id
          WHERE mine.case_id IN (SELECT id FROM chain)
       )
     SELECT c.id, c.street, c.house_number, c.box, c.postcode, n.name AS neighbourhood_name, c.is_outside, c.status,
            c.opened_on, c.closed_on, c.close_reason
       FROM cases c LEFT JOIN neighbourhoods n ON n.id = c.neighbourhood_id
      WHERE c.id IN (SELECT id FROM chain UNION SELECT id FROM shared) AND c.team_id = ANY($2::uuid[])
      ORDER BY c.opened_on, c.created_at`,
    [caseId, teamIds],
  );
}

export function statusHistory(tx: Tx, caseId: string) {
  return tx.query<{ status: CaseStatus; reason: string | null; effective_on: string; at: Date; actor_user_id: string }>(
    `SELECT status, reason, effective_on, at, actor_user_id FROM case_status_history WHERE case_id = $1 ORDER BY effective_on, at, id`,
    [caseId],
  );
}

export function assignments(tx: Tx, caseId: string) {
  return tx.query<{
    id: string;
    assignee_id: string;
    assignee_name: string;
    how: string;
    reason: string | null;
    started_at: Date;
    ended_at: Date | null;
    assigned_by: string;
  }>(
    `SELECT a.id, a.assignee_id, u.display_name AS assignee_name, a.how, a.reason, a.started_at, a.ended_at, a.assigned_by
       FROM case_assignments a JOIN users u ON u.id = a.assignee_id WHERE a.case_id = $1 ORDER BY a.started_at, a.id`,
    [caseId],
  );
}
