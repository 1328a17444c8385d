// Asking for a yearly report, following it, and downloading its exports. Asking records the
// parameters and the data timestamp and is audited; the job itself runs in the background
// (report-runner.ts); every download is audited.
import type { CreateReportBody, ReportJobView } from "@vindplaats/contracts";
import { brusselsDay, uuidv7, yearsBetween } from "@vindplaats/domain";
import type { Ctx } from "../../http/context.ts";
import { AppError, invalidField, notFound } from "../../http/errors.ts";
import { audit } from "../audit/audit.service.ts";
import type { DimensionedFigure } from "./figures.ts";
import type { ReportSnapshot } from "./report-builder.ts";
import * as repo from "./report-jobs.repo.ts";
import { text } from "./report-text.ts";
import { type FigureViewer, figureViewer } from "./reports.policy.ts";
import { resolveTeams } from "./selection.ts";

export const TREND_YEARS = 5;

const KEY_IN_LIST = ["persons_reached", "contacts_total"];

export function presentJob(job: repo.ReportJobRow): ReportJobView {
  const snapshot = job.snapshot as ReportSnapshot | null;
  const keyFigures = (snapshot?.sections.flatMap((s) => s.figures) ?? []).filter((f) =>
    KEY_IN_LIST.includes(f.metric),
  ) as DimensionedFigure[];
  return {
    id: job.id,
    status: job.status,
    progress: job.progress,
    step: job.step,
    parameters: {
      year: job.year,
      teamId: job.team_id,
      teamIds: job.team_ids,
      locale: job.locale,
      dataAsOf: new Date(job.data_as_of).toISOString(),
      trendYears: job.trend_years,
    },
    title: snapshot ? `${snapshot.title} – ${snapshot.scope}` : text("title", job.locale, { year: job.year }),
    requestedBy: job.requested_by,
    createdAt: new Date(job.created_at).toISOString(),
    finishedAt: job.finished_at ? new Date(job.finished_at).toISOString() : null,
    formats: job.formats.filter((f): f is "pdf" | "xlsx" | "csv" => f === "pdf" || f === "xlsx" || f === "csv"),
    keyFigures,
    error: job.error,
  };
}

/** A director sees every report of the organisation; a coordinator those of their teams and their own. */
function maySee(ctx: Ctx, viewer: FigureViewer, job: repo.ReportJobRow): boolean {
  if (viewer.isDepartment || job.requested_by === ctx.actor.userId) return true;
  return job.team_ids.length > 0 && job.team_ids.every((t) => viewer.coordinatedTeamIds.includes(t));
}

export async function requestReport(ctx: Ctx, body: CreateReportBody): Promise<ReportJobView> {
  const viewer = figureViewer(ctx.actor);
  const now = ctx.clock.now();
  const thisYear = Number(brusselsDay(now).slice(0, 4));
  if (body.year > thisYear) throw invalidField("year", "field.in_future");
  const dataAsOf = body.dataAsOf ? new Date(body.dataAsOf) : now;
  if (dataAsOf > now) throw invalidField("dataAsOf", "field.in_future");
  const { teamIds } = await resolveTeams(ctx, viewer, body.teamId);
  if (!teamIds.length) throw invalidField("teamId", "field.not_found");
  const id = uuidv7();
  const locale = body.locale ?? ctx.actor.locale;
  const trendYears = yearsBetween(body.year - TREND_YEARS + 1, body.year);
  await repo.insertJob(ctx.tx, {
    id,
    org_id: ctx.actor.orgId,
    requested_by: ctx.actor.userId,
    year: body.year,
    team_id: body.teamId,
    team_ids: [...teamIds].sort(),
    locale,
    data_as_of: dataAsOf,
    trend_years: trendYears,
    created_at: now,
  });
  await audit(ctx, {
    action: "report.requested",
    entityType: "report",
    entityId: id,
    details: {
      year: body.year,
      teamId: body.teamId,
      teamIds: [...teamIds].sort(),
      locale,
      dataAsOf: dataAsOf.toISOString(),
    },
  });
  return presentJob((await repo.getJob(ctx.tx, id))!);
}

export async function listReports(ctx: Ctx): Promise<ReportJobView[]> {
  const viewer = figureViewer(ctx.actor);
  return (await repo.listJobs(ctx.tx, ctx.actor.orgId)).filter((j) => maySee(ctx, viewer, j)).map(presentJob);
}

async function requireJob(ctx: Ctx, id: string) {
  const job = await repo.getJob(ctx.tx, id);
  if (!job || !maySee(ctx, figureViewer(ctx.actor), job)) throw notFound();
  return job;
}

export async function readReport(ctx: Ctx, id: string): Promise<ReportJobView> {
  return presentJob(await requireJob(ctx, id));
}

const TYPES = {
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
} as const;

export async function exportReport(ctx: Ctx, id: string, format: keyof typeof TYPES) {
  const job = await requireJob(ctx, id);
  if (job.status !== "done") throw new AppError(409, "conflict", [{ field: "id", key: "field.invalid" }]);
  const file = await repo.getFile(ctx.tx, id, format);
  if (!file) throw notFound();
  await audit(ctx, { action: "report.exported", entityType: "report", entityId: id, details: { format } });
  const scope = job.team_id ? "team" : "dienst";
  return {
    body: Buffer.from(file.content),
    type: TYPES[format],
    filename: `jaarverslag-${job.year}-${scope}.${format}`,
    sha256: file.sha256,
  };
}
