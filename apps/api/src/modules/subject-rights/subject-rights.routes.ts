// Data subject rights for the DPO: find the person, overview, export (JSON and PDF), rectify,
// restrict and lift, anonymise and erase. Each handler validates, opens the transaction and calls one service.
import {
  erasureBody,
  erasureView,
  idParams,
  rectificationBody,
  subjectCandidate,
  subjectExport,
  subjectExportQuery,
  subjectLookupBody,
  subjectOverview,
  subjectReasonBody,
} from "@vindplaats/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { withCtx } from "../../http/handler.ts";
import { anonymiseSubject, eraseSubject } from "./erasure.service.ts";
import { exportSubject, exportSubjectPdf } from "./export.service.ts";
import {
  liftRestriction,
  lookupSubject,
  rectifySubject,
  restrictSubject,
  viewSubject,
} from "./subject-rights.service.ts";

export async function subjectRightsRoutes(plain: FastifyInstance) {
  const app = plain.withTypeProvider<ZodTypeProvider>();
  const tags = ["subject-rights"];
  const handle = { access: "authenticated", permission: "subject_rights.handle" } as const;
  const erase = { access: "authenticated", permission: "subject_rights.erase" } as const;
  const base = "/api/v1/persons/:id/subject-rights";

  app.post(
    "/api/v1/subject-rights/lookup",
    {
      config: handle,
      schema: {
        tags,
        summary: "Find the person a request is about: national register number (keyed hash), nickname or id",
        body: subjectLookupBody,
        response: { 200: z.array(subjectCandidate) },
      },
    },
    (request) => withCtx(request, (ctx) => lookupSubject(ctx, request.body)),
  );
  app.get(
    base,
    {
      config: handle,
      schema: {
        tags,
        summary: "The whole record with its state, restrictions and revisions (audited)",
        params: idParams,
        response: { 200: subjectOverview },
      },
    },
    (request) => withCtx(request, (ctx) => viewSubject(ctx, request.params.id)),
  );
  app.get(
    `${base}/export`,
    {
      config: handle,
      schema: {
        tags,
        summary: "Subject-access export (GDPR art. 15): everything about the person and who accessed it, as JSON",
        params: idParams,
        response: { 200: subjectExport },
      },
    },
    async (request, reply) => {
      const data = await withCtx(request, (ctx) => exportSubject(ctx, request.params.id));
      return reply.header("content-disposition", `attachment; filename="inzage-${request.params.id}.json"`).send(data);
    },
  );
  app.get(
    `${base}/export.pdf`,
    {
      config: handle,
      schema: {
        tags,
        summary: "The same export as a readable PDF (nl, en or fr)",
        params: idParams,
        querystring: subjectExportQuery,
        produces: ["application/pdf"],
      },
    },
    async (request, reply) => {
      const locale = request.query.locale ?? request.actor?.locale ?? "nl";
      const pdf = await withCtx(request, (ctx) => exportSubjectPdf(ctx, request.params.id, locale));
      return reply
        .type("application/pdf")
        .header("content-disposition", `attachment; filename="inzage-${request.params.id}.pdf"`)
        .send(pdf);
    },
  );
  app.post(
    `${base}/rectification`,
    {
      config: handle,
      schema: {
        tags,
        summary: "Rectify the record (GDPR art. 16); the replaced values stay as a revision",
        params: idParams,
        body: rectificationBody,
        response: { 200: subjectOverview },
      },
    },
    (request) => withCtx(request, (ctx) => rectifySubject(ctx, request.params.id, request.body)),
  );
  app.post(
    `${base}/restriction`,
    {
      config: handle,
      schema: {
        tags,
        summary: "Restrict processing (GDPR art. 18): the record is frozen for everyone but the DPO",
        params: idParams,
        body: subjectReasonBody,
        response: { 200: subjectOverview },
      },
    },
    (request) => withCtx(request, (ctx) => restrictSubject(ctx, request.params.id, request.body)),
  );
  app.post(
    `${base}/restriction/lift`,
    {
      config: handle,
      schema: {
        tags,
        summary: "Lift the restriction",
        params: idParams,
        body: subjectReasonBody,
        response: { 200: subjectOverview },
      },
    },
    (request) => withCtx(request, (ctx) => liftRestriction(ctx, request.params.id, request.body)),
  );
  app.post(
    `${base}/anonymisation`,
    {
      config: erase,
      schema: {
        tags,
        summary: "Anonymise: identity, notes and sensitive fields go; the person still counts in the figures",
        params: idParams,
        body: subjectReasonBody,
        response: { 200: erasureView },
      },
    },
    (request) => withCtx(request, (ctx) => anonymiseSubject(ctx, request.params.id, request.body)),
  );
  app.post(
    `${base}/erasure`,
    {
      config: erase,
      schema: {
        tags,
        summary: "Erase where lawful: as anonymising, and the statistics and links go too (irreversible)",
        params: idParams,
        body: erasureBody,
        response: { 200: erasureView },
      },
    },
    (request) => withCtx(request, (ctx) => eraseSubject(ctx, request.params.id, request.body)),
  );
}
