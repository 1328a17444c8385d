// Runs one report job: computes the snapshot stage by stage (each stage its own transaction with
// purpose "figures", progress written between stages so the app can show it), renders the PDF,
// XLSX and CSV from the snapshot and stores them. A failure is recorded on the job, without data.
import { createHash } from "node:crypto";
import type { Clock } from "../../clock.ts";
import type { Database } from "../../db/database.ts";
import { insertAudit } from "../audit/audit.repo.ts";
import { buildSnapshot, type ReportParameters, type Stage } from "./report-builder.ts";
import * as repo from "./report-jobs.repo.ts";
import { renderReportPdf } from "./report-pdf.ts";
import { renderReportCsv, renderReportXlsx } from "./report-sheets.ts";
import { enterFigures } from "./reports.queries.ts";

export function reportRunner(db: Database, clock: Clock) {
  return async function runReportJob(jobId: string): Promise<void> {
    const job = await db.owner((tx) => repo.getJob(tx, jobId));
    if (!job || job.status === "done") return;
    const progress = (value: number, step: string) => db.owner((tx) => repo.markProgress(tx, jobId, value, step));
    try {
      await progress(1, "start");
      const params: ReportParameters = {
        orgId: job.org_id,
        year: job.year,
        teamId: job.team_id,
        teamIds: job.team_ids,
        locale: job.locale,
        dataAsOf: new Date(job.data_as_of),
        trendYears: job.trend_years,
      };
      // The permission was checked when the report was asked for; the job reads as the requester,
      // widened to aggregate reading for the report's own teams only (its parameters).
      const scope = { orgId: job.org_id, userId: job.requested_by, teamIds: [], now: clock.now() };
      const stage: Stage = async (label, value, work) => {
        const result = await db.transaction(scope, async (tx) => {
          await enterFigures(tx);
          return work(tx);
        });
        await progress(value, label);
        return result;
      };
      const snapshot = await buildSnapshot(params, stage);
      const files: [string, Buffer][] = [];
      await progress(75, "pdf");
      files.push(["pdf", await renderReportPdf(snapshot)]);
      await progress(90, "xlsx");
      files.push(["xlsx", await renderReportXlsx(snapshot)]);
      files.push(["csv", Buffer.from(renderReportCsv(snapshot), "utf8")]);
      await db.owner(async (tx) => {
        for (const [format, content] of files) {
          const sha256 = createHash("sha256").update(content).digest("hex");
          await repo.putFile(tx, { orgId: job.org_id, jobId, format, content, sha256, at: clock.now() });
        }
        await repo.markDone(tx, jobId, snapshot, clock.now());
        // Built by the system on the requester's behalf (the request itself was audited with its parameters).
        const formats = files.map(([format]) => format);
        await insertAudit(
          tx,
          { orgId: job.org_id, actorUserId: null, at: clock.now() },
          { action: "report.built", entityType: "report", entityId: jobId, details: { formats } },
        );
      });
    } catch (error) {
      // Database messages can quote stored values: keep the kind of failure and its code only.
      const code = (error as { code?: string }).code;
      const message = `${error instanceof Error ? error.name : "Error"}${code ? ` (${code})` : ""}`;
      await db.owner(async (tx) => {
        await repo.markFailed(tx, jobId, message, clock.now());
        await insertAudit(
          tx,
          { orgId: job.org_id, actorUserId: null, at: clock.now() },
          { action: "report.failed", entityType: "report", entityId: jobId, details: { formats: [] } },
        );
      });
      throw error;
    }
  };
}
