// SQL for trajectories and what hangs under them: goals, steps, participants, partners, case
// conferences and Housing First checkpoints. Goal and step descriptions and the notes of case
// conferences and checkpoints are sealed at rest.
import type { CheckpointMonth, GoalStatus, HousingOutcome, TrajectoryKind, TrajectoryStatus } from "@vindplaats/domain";
import { seal, unsealRows } from "../../crypto/fields.ts";
import type { Tx } from "../../db/database.ts";

export interface TrajectoryRow {
  id: string;
  team_id: string;
  kind: TrajectoryKind;
  title: string;
  status: TrajectoryStatus;
  started_on: string;
  closed_on: string | null;
  close_reason: string | null;
  case_id: string | null;
  household_id: string | null;
  housed_on: string | null;
  support: string | null;
  version: number;
  created_at: Date;
  created_by: string;
  updated_at: Date;
}

export async function getTrajectory(tx: Tx, id: string): Promise<TrajectoryRow | null> {
  return (await tx.query<TrajectoryRow>(`SELECT * FROM trajectories WHERE id = $1`, [id]))[0] ?? null;
}

export function listTrajectories(
  tx: Tx,
  f: { status?: TrajectoryStatus | undefined; kind?: TrajectoryKind | undefined },
  teamIds: readonly string[],
) {
  return tx.query<TrajectoryRow>(
    `SELECT * FROM trajectories WHERE team_id = ANY($1::uuid[]) AND ($2::text IS NULL OR status = $2) AND ($3::text IS NULL OR kind = $3)
      ORDER BY (status = 'closed'), started_on DESC, id DESC LIMIT 500`,
    [teamIds, f.status ?? null, f.kind ?? null],
  );
}

export async function insertTrajectory(
  tx: Tx,
  t: {
    id: string;
    orgId: string;
    teamId: string;
    kind: string;
    title: string;
    startedOn: string;
    caseId: string | null;
    householdId: string | null;
    housedOn: string | null;
    support: string | null;
    by: string;
    now: Date;
  },
) {
  await tx.query(
    `INSERT INTO trajectories (id, org_id, team_id, kind, title, started_on, case_id, household_id, housed_on, support, created_at, created_by, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$11)`,
    [
      t.id,
      t.orgId,
      t.teamId,
      t.kind,
      t.title,
      t.startedOn,
      t.caseId,
      t.householdId,
      t.housedOn,
      t.support,
      t.now,
      t.by,
    ],
  );
}

export async function updateTrajectory(
  tx: Tx,
  id: string,
  f: {
    title?: string | undefined;
    housedOn?: string | null | undefined;
    support?: string | null | undefined;
    now: Date;
  },
) {
  await tx.query(
    `UPDATE trajectories SET title = coalesce($2, title), housed_on = CASE WHEN $3 THEN $4::date ELSE housed_on END,
            support = CASE WHEN $5 THEN $6 ELSE support END, version = version + 1, updated_at = $7 WHERE id = $1`,
    [
      id,
      f.title ?? null,
      f.housedOn !== undefined,
      f.housedOn ?? null,
      f.support !== undefined,
      f.support ?? null,
      f.now,
    ],
  );
}

export async function setStatus(
  tx: Tx,
  id: string,
  s: { status: TrajectoryStatus; closedOn: string | null; reason: string | null; now: Date },
) {
  await tx.query(
    `UPDATE trajectories SET status = $2, closed_on = $3, close_reason = $4, version = version + 1, updated_at = $5 WHERE id = $1`,
    [id, s.status, s.closedOn, s.reason, s.now],
  );
}

type Base = { id: string; orgId: string; teamId: string; trajectoryId: string };

export async function insertGoal(tx: Tx, g: Base & { lifeDomain: string; description: string; by: string; now: Date }) {
  await tx.query(
    `INSERT INTO trajectory_goals (id, org_id, team_id, trajectory_id, life_domain, description, created_at, created_by, updated_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$7)`,
    [g.id, g.orgId, g.teamId, g.trajectoryId, g.lifeDomain, seal(g.description), g.now, g.by],
  );
}

export async function getGoal(tx: Tx, id: string) {
  const rows = await tx.query<{
    id: string;
    trajectory_id: string;
    team_id: string;
    life_domain: string;
    description: string;
    status: GoalStatus;
  }>(`SELECT id, trajectory_id, team_id, life_domain, description, status FROM trajectory_goals WHERE id = $1`, [id]);
  return unsealRows(rows, ["description"])[0] ?? null;
}

export async function updateGoal(
  tx: Tx,
  id: string,
  f: { status?: GoalStatus | undefined; description?: string | undefined; now: Date },
) {
  await tx.query(
    `UPDATE trajectory_goals SET status = coalesce($2, status), description = coalesce($3, description), updated_at = $4 WHERE id = $1`,
    [id, f.status ?? null, seal(f.description), f.now],
  );
}

export async function insertStep(
  tx: Tx,
  s: Base & { goalId: string | null; description: string; dueOn: string | null; by: string; now: Date },
) {
  await tx.query(
    `INSERT INTO trajectory_steps (id, org_id, team_id, trajectory_id, goal_id, description, due_on, created_at, created_by) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
    [s.id, s.orgId, s.teamId, s.trajectoryId, s.goalId, seal(s.description), s.dueOn, s.now, s.by],
  );
}

export async function getStep(tx: Tx, id: string) {
  return (
    (
      await tx.query<{ id: string; trajectory_id: string; team_id: string; done_on: string | null; created_at: Date }>(
        `SELECT id, trajectory_id, team_id, done_on, created_at FROM trajectory_steps WHERE id = $1`,
        [id],
      )
    )[0] ?? null
  );
}

export async function markStepDone(tx: Tx, id: string, on: string) {
  await tx.query(`UPDATE trajectory_steps SET done_on = $2 WHERE id = $1`, [id, on]);
}

export async function isParticipant(tx: Tx, trajectoryId: string, personId: string): Promise<boolean> {
  return (
    (
      await tx.query(
        `SELECT 1 FROM trajectory_participants WHERE trajectory_id = $1 AND person_id = $2 AND until IS NULL`,
        [trajectoryId, personId],
      )
    ).length > 0
  );
}

export async function insertParticipant(tx: Tx, p: Base & { personId: string; role: string | null; since: string }) {
  await tx.query(
    `INSERT INTO trajectory_participants (id, org_id, team_id, trajectory_id, person_id, role, since) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
    [p.id, p.orgId, p.teamId, p.trajectoryId, p.personId, p.role, p.since],
  );
}

export async function insertPartner(
  tx: Tx,
  p: Base & { serviceCode: string; contactPerson: string | null; since: string },
) {
  await tx.query(
    `INSERT INTO trajectory_partners (id, org_id, team_id, trajectory_id, service_code, contact_person, since) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
    [p.id, p.orgId, p.teamId, p.trajectoryId, p.serviceCode, p.contactPerson, p.since],
  );
}

export async function insertConference(
  tx: Tx,
  c: Base & { heldOn: string; partnersPresent: string[]; note: string; by: string; now: Date },
) {
  await tx.query(
    `INSERT INTO case_conferences (id, org_id, team_id, trajectory_id, held_on, partners_present, note, created_at, created_by) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
    [c.id, c.orgId, c.teamId, c.trajectoryId, c.heldOn, c.partnersPresent, seal(c.note), c.now, c.by],
  );
}

export async function insertCheckpoint(
  tx: Tx,
  c: Base & {
    month: CheckpointMonth;
    outcome: HousingOutcome;
    recordedOn: string;
    note: string | null;
    by: string;
    now: Date;
  },
) {
  await tx.query(
    `INSERT INTO housing_checkpoints (id, org_id, team_id, trajectory_id, month, outcome, recorded_on, note, created_at, created_by) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
    [c.id, c.orgId, c.teamId, c.trajectoryId, c.month, c.outcome, c.recordedOn, seal(c.note), c.now, c.by],
  );
}

/** Everything under one trajectory, for its page. */
export async function trajectoryParts(tx: Tx, id: string) {
  const goals = await tx.query<{ id: string; lifeDomain: string; description: string; status: GoalStatus }>(
    `SELECT id, life_domain AS "lifeDomain", description, status FROM trajectory_goals WHERE trajectory_id = $1 ORDER BY created_at, id`,
    [id],
  );
  const steps = await tx.query<{
    id: string;
    goalId: string | null;
    description: string;
    dueOn: string | null;
    doneOn: string | null;
  }>(
    `SELECT id, goal_id AS "goalId", description, due_on AS "dueOn", done_on AS "doneOn" FROM trajectory_steps WHERE trajectory_id = $1
        ORDER BY done_on NULLS FIRST, due_on NULLS LAST, created_at`,
    [id],
  );
  const participants = await tx.query<{
    id: string;
    personId: string;
    nickname: string;
    role: string | null;
    since: string;
    until: string | null;
  }>(
    `SELECT t.id, t.person_id AS "personId", p.nickname, t.role, t.since, t.until
         FROM trajectory_participants t JOIN persons p ON p.id = t.person_id WHERE t.trajectory_id = $1 ORDER BY t.since, p.nickname`,
    [id],
  );
  const partners = await tx.query<{
    id: string;
    serviceCode: string;
    contactPerson: string | null;
    since: string;
    until: string | null;
  }>(
    `SELECT id, service_code AS "serviceCode", contact_person AS "contactPerson", since, until FROM trajectory_partners WHERE trajectory_id = $1 ORDER BY since, id`,
    [id],
  );
  const conferences = await tx.query<{ id: string; heldOn: string; partnersPresent: string[]; note: string }>(
    `SELECT id, held_on AS "heldOn", partners_present AS "partnersPresent", note FROM case_conferences WHERE trajectory_id = $1 ORDER BY held_on DESC, id DESC`,
    [id],
  );
  const checkpoints = await tx.query<{
    month: CheckpointMonth;
    outcome: HousingOutcome;
    recordedOn: string;
    note: string | null;
  }>(
    `SELECT month, outcome, recorded_on AS "recordedOn", note FROM housing_checkpoints WHERE trajectory_id = $1 ORDER BY month`,
    [id],
  );
  return {
    goals: unsealRows(goals, ["description"]),
    steps: unsealRows(steps, ["description"]),
    participants,
    partners,
    conferences: unsealRows(conferences, ["note"]),
    checkpoints: unsealRows(checkpoints, ["note"]),
  };
}

/** Housing First tenancies of the teams with their checkpoints: the input of the retention figure. */
export function tenancies(tx: Tx, teamIds: readonly string[] | null) {
  return tx.query<{ housedOn: string; checkpoints: Partial<Record<CheckpointMonth, HousingOutcome>> }>(
    `SELECT t.housed_on AS "housedOn",
            coalesce((SELECT jsonb_object_agg(c.month::text, c.outcome) FROM housing_checkpoints c WHERE c.trajectory_id = t.id), '{}'::jsonb) AS checkpoints
       FROM trajectories t
      WHERE t.kind = 'housing_first' AND t.housed_on IS NOT NULL AND ($1::uuid[] IS NULL OR t.team_id = ANY($1::uuid[]))`,
    [teamIds],
  );
}
