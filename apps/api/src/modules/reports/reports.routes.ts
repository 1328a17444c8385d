// /api/v1/reports: the metrics catalogue, live figures and trends, a figure as CSV, the contacts
// behind a figure, yearly report jobs with their exports, and stories for the report.
import {
  catalogueView,
  createReportBody,
  createStoryBody,
  drillQuery,
  drillView,
  figureExportQuery,
  figuresQuery,
  figuresView,
  idParams,
  reportExportQuery,
  reportJobView,
  storyListQuery,
  storyView,
  trendQuery,
  trendView,
  withdrawStoryBody,
} from "@vindplaats/contracts";
import { GENERAL_RULES, METRIC_SECTIONS, METRICS, type MetricDefinition, SECTION_NAMES } from "@vindplaats/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { withCtx } from "../../http/handler.ts";
import { drillDown, exportFigure, readFigures, readTrend } from "./figures.service.ts";
import { availableMetrics } from "./figures.ts";
import { unfinishedJobIds } from "./report-jobs.repo.ts";
import { exportReport, listReports, readReport, requestReport } from "./report-jobs.service.ts";
import { InProcessQueue, PgBossQueue, type ReportQueue } from "./report-queue.ts";
import { reportRunner } from "./report-runner.ts";
import { createStory, listStories, withdrawStory } from "./stories.service.ts";

export async function reportRoutes(plain: FastifyInstance) {
  const app = plain.withTypeProvider<ZodTypeProvider>();
  const tags = ["reports"];
  const orgRead = { access: "authenticated", permission: "org.read" } as const;
  const read = { access: "authenticated", permission: "reports.read" } as const;
  const drill = { access: "authenticated", permission: "reports.drill" } as const;
  const stories = { access: "authenticated", permission: "stories.write" } as const;

  const { db, clock, config } = app.deps;
  const run = reportRunner(db, clock);
  const queue: ReportQueue = config.databaseUrl
    ? new PgBossQueue({ connectionString: config.databaseUrl }, run)
    : new InProcessQueue(run, async () => (await db.owner(unfinishedJobIds)).map((r) => r.id));
  app.addHook("onReady", () => queue.start());
  app.addHook("onClose", () => queue.stop());

  app.get(
    "/api/v1/reports/catalogue",
    {
      config: orgRead,
      schema: { tags, summary: "The metrics catalogue: what every figure counts", response: { 200: catalogueView } },
    },
    (request) =>
      withCtx(request, async (ctx) => {
        const all = METRICS as readonly MetricDefinition[];
        const available = new Set((await availableMetrics(ctx.tx, all)).map((m) => m.id));
        return {
          metrics: all.map((m) => ({
            id: m.id,
            section: m.section,
            kind: m.kind,
            unit: m.unit,
            dimension: m.dimension ?? null,
            multiValued: m.multiValued ?? false,
            coordinatorsOnly: m.coordinatorsOnly ?? false,
            available: available.has(m.id),
            name: m.name,
            counts: m.counts,
            date: m.date,
            people: m.people,
          })),
          generalRules: GENERAL_RULES,
          sections: METRIC_SECTIONS.map((id) => ({ id, name: SECTION_NAMES[id] })),
        };
      }),
  );
  app.get(
    "/api/v1/reports/figures",
    {
      config: read,
      schema: {
        tags,
        summary: "Live figures for a period, team and neighbourhood (suppressed for the director)",
        querystring: figuresQuery,
        response: { 200: figuresView },
      },
    },
    (request) => withCtx(request, (ctx) => readFigures(ctx, request.query)),
  );
  app.get(
    "/api/v1/reports/trend",
    {
      config: read,
      schema: {
        tags,
        summary: "One figure per year, side by side",
        querystring: trendQuery,
        response: { 200: trendView },
      },
    },
    (request) => withCtx(request, (ctx) => readTrend(ctx, request.query)),
  );
  app.get(
    "/api/v1/reports/figures/export",
    {
      config: read,
      schema: {
        tags,
        summary: "One figure as CSV (always suppressed; audited)",
        querystring: figureExportQuery,
        produces: ["text/csv"],
      },
    },
    async (request, reply) => {
      const csv = await withCtx(request, (ctx) => exportFigure(ctx, request.query));
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${request.query.metric}.csv"`)
        .send(csv);
    },
  );
  app.get(
    "/api/v1/reports/drill",
    {
      config: drill,
      schema: {
        tags,
        summary: "The contacts behind one row of a contact figure (own teams; no names)",
        querystring: drillQuery,
        response: { 200: drillView },
      },
    },
    (request) => withCtx(request, (ctx) => drillDown(ctx, request.query)),
  );

  app.post(
    "/api/v1/reports/jobs",
    {
      config: read,
      schema: {
        tags,
        summary: "Ask for the yearly report (built in the background)",
        body: createReportBody,
        response: { 202: reportJobView },
      },
    },
    async (request, reply) => {
      const job = await withCtx(request, (ctx) => requestReport(ctx, request.body));
      await queue.enqueue(job.id);
      return reply.status(202).send(job);
    },
  );
  app.get(
    "/api/v1/reports/jobs",
    { config: read, schema: { tags, summary: "Yearly reports asked for", response: { 200: z.array(reportJobView) } } },
    (request) => withCtx(request, listReports),
  );
  app.get(
    "/api/v1/reports/jobs/:id",
    {
      config: read,
      schema: {
        tags,
        summary: "One report: progress, parameters, exports",
        params: idParams,
        response: { 200: reportJobView },
      },
    },
    (request) => withCtx(request, (ctx) => readReport(ctx, request.params.id)),
  );
  app.get(
    "/api/v1/reports/jobs/:id/export",
    {
      config: read,
      schema: {
        tags,
        summary: "Download a finished report as PDF, XLSX or CSV (audited)",
        params: idParams,
        querystring: reportExportQuery,
        produces: ["application/pdf", "text/csv"],
      },
    },
    async (request, reply) => {
      const file = await withCtx(request, (ctx) => exportReport(ctx, request.params.id, request.query.format));
      return reply
        .type(file.type)
        .header("content-disposition", `attachment; filename="${file.filename}"`)
        .header("etag", `"${file.sha256}"`)
        .send(file.body);
    },
  );

  app.post(
    "/api/v1/reports/stories",
    {
      config: stories,
      schema: {
        tags,
        summary: "Mark an anonymised quote for the report, with the person's consent",
        body: createStoryBody,
        response: { 201: storyView },
      },
    },
    async (request, reply) => reply.status(201).send(await withCtx(request, (ctx) => createStory(ctx, request.body))),
  );
  app.get(
    "/api/v1/reports/stories",
    {
      config: stories,
      schema: {
        tags,
        summary: "Quotes your teams marked for the report",
        querystring: storyListQuery,
        response: { 200: z.array(storyView) },
      },
    },
    (request) => withCtx(request, (ctx) => listStories(ctx, request.query)),
  );
  app.post(
    "/api/v1/reports/stories/:id/withdraw",
    {
      config: stories,
      schema: {
        tags,
        summary: "Consent withdrawn: the quote leaves every later report",
        params: idParams,
        body: withdrawStoryBody,
        response: { 200: storyView },
      },
    },
    async (request) => withCtx(request, (ctx) => withdrawStory(ctx, request.params.id, request.body.reason)),
  );
}
