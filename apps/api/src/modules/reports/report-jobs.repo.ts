// SQL for report jobs and their files. Bookkeeping of a running job (progress, result) goes through
// the owner connection in the job runner; requests read through the app role (organisation-scoped).
import type { Tx } from "../../db/database.ts";

export interface ReportJobRow {
  id: string;
  org_id: string;
  requested_by: string;
  year: number;
  team_id: string | null;
  team_ids: string[];
  locale: "nl" | "en" | "fr";
  data_as_of: Date;
  trend_years: number[];
  status: "queued" | "running" | "done" | "failed";
  progress: number;
  step: string | null;
  snapshot: unknown;
  error: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  formats: string[];
}

const SELECT = `
  SELECT j.*, coalesce((SELECT array_agg(f.format ORDER BY f.format) FROM report_files f WHERE f.job_id = j.id), '{}') AS formats
    FROM report_jobs j`;

export async function insertJob(
  tx: Tx,
  j: Pick<
    ReportJobRow,
    | "id"
    | "org_id"
    | "requested_by"
    | "year"
    | "team_id"
    | "team_ids"
    | "locale"
    | "data_as_of"
    | "trend_years"
    | "created_at"
  >,
): Promise<void> {
  await tx.query(
    `INSERT INTO report_jobs (id, org_id, requested_by, year, team_id, team_ids, locale, data_as_of, trend_years, created_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
    [
      j.id,
      j.org_id,
      j.requested_by,
      j.year,
      j.team_id,
      j.team_ids,
      j.locale,
      j.data_as_of,
      j.trend_years,
      j.created_at,
    ],
  );
}

export async function getJob(tx: Tx, id: string): Promise<ReportJobRow | null> {
  return (await tx.query<ReportJobRow>(`${SELECT} WHERE j.id = $1`, [id]))[0] ?? null;
}

export function listJobs(tx: Tx, orgId: string): Promise<ReportJobRow[]> {
  return tx.query<ReportJobRow>(`${SELECT} WHERE j.org_id = $1 ORDER BY j.created_at DESC, j.id DESC LIMIT 100`, [
    orgId,
  ]);
}

export async function getFile(
  tx: Tx,
  jobId: string,
  format: string,
): Promise<{ content: Buffer; sha256: string } | null> {
  return (
    (
      await tx.query<{ content: Buffer; sha256: string }>(
        `SELECT content, sha256 FROM report_files WHERE job_id = $1 AND format = $2`,
        [jobId, format],
      )
    )[0] ?? null
  );
}

export async function markProgress(
  tx: Tx,
  id: string,
  progress: number,
  step: string,
  status: "running" | "queued" = "running",
) {
  await tx.query(
    `UPDATE report_jobs SET status = $4, progress = $2, step = $3, started_at = coalesce(started_at, now()) WHERE id = $1`,
    [id, progress, step, status],
  );
}

export async function markDone(tx: Tx, id: string, snapshot: unknown, at: Date) {
  await tx.query(
    `UPDATE report_jobs SET status = 'done', progress = 100, step = NULL, snapshot = $2, finished_at = $3, error = NULL WHERE id = $1`,
    [id, JSON.stringify(snapshot), at],
  );
}

export async function markFailed(tx: Tx, id: string, error: string, at: Date) {
  await tx.query(`UPDATE report_jobs SET status = 'failed', step = NULL, error = $2, finished_at = $3 WHERE id = $1`, [
    id,
    error.slice(0, 500),
    at,
  ]);
}

export async function putFile(
  tx: Tx,
  f: { orgId: string; jobId: string; format: string; content: Buffer; sha256: string; at: Date },
) {
  await tx.query(
    `INSERT INTO report_files (org_id, job_id, format, content, sha256, created_at) VALUES ($1,$2,$3,$4,$5,$6)
     ON CONFLICT (job_id, format) DO UPDATE SET content = excluded.content, sha256 = excluded.sha256, created_at = excluded.created_at`,
    [f.orgId, f.jobId, f.format, f.content, f.sha256, f.at],
  );
}

/** Jobs a restart must pick up again (in-process queue): queued, or cut off while running. */
export function unfinishedJobIds(tx: Tx): Promise<{ id: string }[]> {
  return tx.query<{ id: string }>(
    `SELECT id FROM report_jobs WHERE status IN ('queued', 'running') ORDER BY created_at`,
  );
}
