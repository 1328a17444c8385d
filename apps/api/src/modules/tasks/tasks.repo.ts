// SQL for tasks: rows with the assignee's name, lists by state, and counts per worker.
import type { Tx } from "../../db/database.ts";

export interface TaskRow {
  id: string;
  team_id: string;
  title: string;
  due_on: string;
  assignee_id: string;
  assignee_name: string;
  person_id: string | null;
  contact_id: string | null;
  case_id: string | null;
  trajectory_id: string | null;
  done_at: Date | null;
  done_by: string | null;
  created_at: Date;
  created_by: string;
}

const SELECT = `SELECT t.*, u.display_name AS assignee_name FROM tasks t JOIN users u ON u.id = t.assignee_id`;

export async function getTask(tx: Tx, id: string): Promise<TaskRow | null> {
  return (await tx.query<TaskRow>(`${SELECT} WHERE t.id = $1`, [id]))[0] ?? null;
}

export async function insertTask(
  tx: Tx,
  t: {
    id: string;
    orgId: string;
    teamId: string;
    assigneeId: string;
    title: string;
    dueOn: string;
    personId: string | null;
    caseId: string | null;
    trajectoryId: string | null;
    by: string;
    now: Date;
  },
) {
  await tx.query(
    `INSERT INTO tasks (id, org_id, team_id, assignee_id, title, due_on, person_id, case_id, trajectory_id, created_at, created_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
    [t.id, t.orgId, t.teamId, t.assigneeId, t.title, t.dueOn, t.personId, t.caseId, t.trajectoryId, t.now, t.by],
  );
}

export async function updateTask(
  tx: Tx,
  id: string,
  f: { title?: string | undefined; dueOn?: string | undefined; assigneeId?: string | undefined },
) {
  await tx.query(
    `UPDATE tasks SET title = coalesce($2, title), due_on = coalesce($3::date, due_on), assignee_id = coalesce($4, assignee_id) WHERE id = $1`,
    [id, f.title ?? null, f.dueOn ?? null, f.assigneeId ?? null],
  );
}

export async function setDone(tx: Tx, id: string, done: { at: Date; by: string } | null) {
  await tx.query(`UPDATE tasks SET done_at = $2, done_by = $3 WHERE id = $1`, [id, done?.at ?? null, done?.by ?? null]);
}

export type TaskState = "open" | "overdue" | "today" | "done" | "all";

/** Tasks of the teams in a state, relative to `today` (a Brussels day). */
export function listTasks(
  tx: Tx,
  f: {
    state: TaskState;
    assigneeId?: string | undefined;
    caseId?: string | undefined;
    trajectoryId?: string | undefined;
    today: string;
  },
  teamIds: readonly string[],
): Promise<TaskRow[]> {
  const state = {
    open: `t.done_at IS NULL`,
    overdue: `t.done_at IS NULL AND t.due_on < $2::date`,
    today: `t.done_at IS NULL AND t.due_on = $2::date`,
    done: `t.done_at IS NOT NULL`,
    all: `true`,
  }[f.state];
  return tx.query<TaskRow>(
    `${SELECT}
      WHERE t.team_id = ANY($1::uuid[]) AND $2::date IS NOT NULL AND ${state} AND ($3::uuid IS NULL OR t.assignee_id = $3)
        AND ($4::uuid IS NULL OR t.case_id = $4) AND ($5::uuid IS NULL OR t.trajectory_id = $5)
      ORDER BY (t.done_at IS NOT NULL), t.due_on, t.created_at LIMIT 500`,
    [teamIds, f.today, f.assigneeId ?? null, f.caseId ?? null, f.trajectoryId ?? null],
  );
}

/** Open, overdue and due-today tasks per active member of a team: the coordinator's overview. */
export function overview(tx: Tx, teamId: string, today: string) {
  return tx.query<{ assigneeId: string; assigneeName: string; open: number; overdue: number; dueToday: number }>(
    `SELECT u.id AS "assigneeId", u.display_name AS "assigneeName",
            count(t.id) FILTER (WHERE t.done_at IS NULL)::int AS open,
            count(t.id) FILTER (WHERE t.done_at IS NULL AND t.due_on < $2::date)::int AS overdue,
            count(t.id) FILTER (WHERE t.done_at IS NULL AND t.due_on = $2::date)::int AS "dueToday"
       FROM memberships m JOIN users u ON u.id = m.user_id
       LEFT JOIN tasks t ON t.assignee_id = u.id AND t.team_id = m.team_id
      WHERE m.team_id = $1 AND m.is_active
      GROUP BY u.id, u.display_name ORDER BY overdue DESC, u.display_name`,
    [teamId, today],
  );
}
