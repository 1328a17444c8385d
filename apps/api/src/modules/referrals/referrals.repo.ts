// SQL for referrals ("toeleiding"): the row, its status steps and filtered lists.
import type { ReferralStatus } from "@vindplaats/domain";
import { seal, unsealRows } from "../../crypto/fields.ts";
import type { Tx } from "../../db/database.ts";

export interface ReferralRow {
  id: string;
  team_id: string;
  service_code: string;
  person_id: string | null;
  contact_id: string | null;
  case_id: string | null;
  trajectory_id: string | null;
  status: ReferralStatus;
  accompanied: boolean;
  proposed_on: string;
  decided_on: string | null;
  completed_on: string | null;
  note: string | null;
  created_at: Date;
  created_by: string;
}

/** The note is sealed at rest. */
const open = (rows: ReferralRow[]) => unsealRows(rows, ["note"]);

export async function getReferral(tx: Tx, id: string): Promise<ReferralRow | null> {
  return open(await tx.query<ReferralRow>(`SELECT * FROM referrals WHERE id = $1`, [id]))[0] ?? null;
}

export async function insertReferral(
  tx: Tx,
  r: {
    id: string;
    orgId: string;
    teamId: string;
    serviceCode: string;
    personId: string | null;
    contactId: string | null;
    caseId: string | null;
    trajectoryId: string | null;
    accompanied: boolean;
    proposedOn: string;
    note: string | null;
    by: string;
    now: Date;
  },
) {
  await tx.query(
    `INSERT INTO referrals (id, org_id, team_id, service_code, person_id, contact_id, case_id, trajectory_id, accompanied, proposed_on, note, created_at, created_by, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$12)`,
    [
      r.id,
      r.orgId,
      r.teamId,
      r.serviceCode,
      r.personId,
      r.contactId,
      r.caseId,
      r.trajectoryId,
      r.accompanied,
      r.proposedOn,
      seal(r.note),
      r.now,
      r.by,
    ],
  );
}

/** Accepted or refused sets the decision day; done or not done the completion day. */
export async function setStatus(
  tx: Tx,
  id: string,
  s: { status: ReferralStatus; on: string; note: string | null | undefined; now: Date },
) {
  const decided = s.status === "accepted" || s.status === "refused";
  await tx.query(
    `UPDATE referrals SET status = $2, decided_on = CASE WHEN $3 THEN $4::date ELSE decided_on END,
            completed_on = CASE WHEN $3 THEN completed_on ELSE $4::date END, note = coalesce($5, note), updated_at = $6
      WHERE id = $1`,
    [id, s.status, decided, s.on, seal(s.note), s.now],
  );
}

export async function updateReferral(
  tx: Tx,
  id: string,
  f: { accompanied?: boolean | undefined; note?: string | null | undefined; now: Date },
) {
  await tx.query(
    `UPDATE referrals SET accompanied = coalesce($2, accompanied), note = CASE WHEN $3 THEN $4 ELSE note END, updated_at = $5 WHERE id = $1`,
    [id, f.accompanied ?? null, f.note !== undefined, seal(f.note), f.now],
  );
}

export async function listReferrals(
  tx: Tx,
  f: {
    status?: ReferralStatus | undefined;
    caseId?: string | undefined;
    trajectoryId?: string | undefined;
    personId?: string | undefined;
  },
  teamIds: readonly string[],
): Promise<ReferralRow[]> {
  const rows = await tx.query<ReferralRow>(
    `SELECT * FROM referrals
      WHERE team_id = ANY($1::uuid[]) AND ($2::text IS NULL OR status = $2) AND ($3::uuid IS NULL OR case_id = $3)
        AND ($4::uuid IS NULL OR trajectory_id = $4) AND ($5::uuid IS NULL OR person_id = $5)
      ORDER BY proposed_on DESC, id DESC LIMIT 500`,
    [teamIds, f.status ?? null, f.caseId ?? null, f.trajectoryId ?? null, f.personId ?? null],
  );
  return open(rows);
}
