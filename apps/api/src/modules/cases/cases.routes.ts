import {
  activateCaseBody,
  assignCaseBody,
  caseActionBody,
  caseFigures,
  caseFiguresQuery,
  caseListQuery,
  casePage,
  caseView,
  caseVisitBody,
  closeCaseBody,
  complainantView,
  complaintInput,
  complaintView,
  idParams,
  linkHouseholdBody,
  moveCaseBody,
  openCaseBody,
  pageOf,
  resolveComplaintBody,
  updateCaseBody,
} from "@vindplaats/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { withCtx } from "../../http/handler.ts";
import { addComplaint, presentComplaint, readComplainants, resolveComplaint } from "./case-complaints.ts";
import { caseFigures as figures } from "./case-figures.ts";
import { listCases } from "./case-list.ts";
import { moveCase } from "./case-move.ts";
import { getCasePage } from "./case-page.ts";
import { addAction, linkHousehold, logVisit } from "./case-visits.ts";
import { activateCase, assignCase, closeCase, openCase, updateCase } from "./cases.service.ts";
import { presentCase } from "./present.ts";

export async function caseRoutes(plain: FastifyInstance) {
  const app = plain.withTypeProvider<ZodTypeProvider>();
  const tags = ["cases"];
  const config = { access: "authenticated", permission: "cases.work" } as const;
  const params = idParams;

  app.get(
    "/api/v1/cases",
    {
      config,
      schema: {
        tags,
        summary: "Address cases of your teams, newest first (cursor pagination)",
        querystring: caseListQuery,
        response: { 200: pageOf(caseView) },
      },
    },
    (request) => withCtx(request, (ctx) => listCases(ctx, request.query)),
  );
  app.post(
    "/api/v1/cases",
    {
      config,
      schema: {
        tags,
        summary: "Open a case at an address, usually from a complaint (shared out when no steward is named)",
        body: openCaseBody,
        response: { 201: caseView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(presentCase(await withCtx(request, (ctx) => openCase(ctx, request.body)))),
  );
  app.get(
    "/api/v1/cases/figures",
    {
      config,
      schema: {
        tags,
        summary:
          "Active cases as of a day (with/without nuisance), opened by channel and neighbourhood, complaints by theme, referral outcomes",
        querystring: caseFiguresQuery,
        response: { 200: caseFigures },
      },
    },
    (request) => withCtx(request, (ctx) => figures(ctx, request.query)),
  );
  app.get(
    "/api/v1/cases/:id",
    {
      config,
      schema: {
        tags,
        summary: "Case page: history, complaints, visits, the household's path",
        params,
        response: { 200: casePage },
      },
    },
    (request) => withCtx(request, (ctx) => getCasePage(ctx, request.params.id)),
  );
  app.patch(
    "/api/v1/cases/:id",
    {
      config,
      schema: {
        tags,
        summary: "Edit the summary or intake channel",
        params,
        body: updateCaseBody,
        response: { 200: caseView },
      },
    },
    async (request) => presentCase(await withCtx(request, (ctx) => updateCase(ctx, request.params.id, request.body))),
  );
  app.post(
    "/api/v1/cases/:id/activate",
    {
      config,
      schema: { tags, summary: "Open -> active", params, body: activateCaseBody, response: { 200: caseView } },
    },
    async (request) =>
      presentCase(await withCtx(request, (ctx) => activateCase(ctx, request.params.id, request.body.on))),
  );
  app.post(
    "/api/v1/cases/:id/close",
    {
      config,
      schema: {
        tags,
        summary: "Close the case with a reason",
        params,
        body: closeCaseBody,
        response: { 200: caseView },
      },
    },
    async (request) => presentCase(await withCtx(request, (ctx) => closeCase(ctx, request.params.id, request.body))),
  );
  app.post(
    "/api/v1/cases/:id/assign",
    {
      config,
      schema: {
        tags,
        summary: "Hand the case to another steward (history kept)",
        params,
        body: assignCaseBody,
        response: { 200: caseView },
      },
    },
    async (request) => presentCase(await withCtx(request, (ctx) => assignCase(ctx, request.params.id, request.body))),
  );
  app.post(
    "/api/v1/cases/:id/move",
    {
      config,
      schema: {
        tags,
        summary: "The family moved: close this case ('moved') and open the new address's case, linked",
        params,
        body: moveCaseBody,
        response: { 201: caseView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(presentCase(await withCtx(request, (ctx) => moveCase(ctx, request.params.id, request.body)))),
  );
  app.post(
    "/api/v1/cases/:id/complaints",
    {
      config,
      schema: {
        tags,
        summary: "Add a complaint (and a new complainant)",
        params,
        body: complaintInput,
        response: { 201: complaintView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(presentComplaint(await withCtx(request, (ctx) => addComplaint(ctx, request.params.id, request.body)))),
  );
  app.post(
    "/api/v1/case-complaints/:id/resolve",
    {
      config,
      schema: {
        tags,
        summary: "Mark a complaint resolved",
        params,
        body: resolveComplaintBody,
        response: { 200: complaintView },
      },
    },
    async (request) =>
      presentComplaint(await withCtx(request, (ctx) => resolveComplaint(ctx, request.params.id, request.body.on))),
  );
  app.get(
    "/api/v1/cases/:id/complainants",
    {
      config,
      schema: {
        tags,
        summary: "Who complained (stewards only, audited; never shown on the family's side)",
        params,
        response: { 200: z.array(complainantView) },
      },
    },
    (request) => withCtx(request, (ctx) => readComplainants(ctx, request.params.id)),
  );
  app.post(
    "/api/v1/cases/:id/visits",
    {
      config,
      schema: {
        tags,
        summary: "Log a home visit: a contact at the address, linked to the case",
        params,
        body: caseVisitBody,
        response: { 201: caseView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(presentCase(await withCtx(request, (ctx) => logVisit(ctx, request.params.id, request.body)))),
  );
  app.post(
    "/api/v1/cases/:id/actions",
    {
      config,
      schema: {
        tags,
        summary: "Record an action with a partner service",
        params,
        body: caseActionBody,
        response: {
          201: z.object({ id: z.uuid(), serviceCode: z.string(), actionOn: z.string(), description: z.string() }),
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await withCtx(request, (ctx) => addAction(ctx, request.params.id, request.body))),
  );
  app.post(
    "/api/v1/cases/:id/households",
    {
      config,
      schema: {
        tags,
        summary: "A household lives at the address from a day on",
        params,
        body: linkHouseholdBody,
        response: { 200: caseView },
      },
    },
    async (request) =>
      presentCase(await withCtx(request, (ctx) => linkHousehold(ctx, request.params.id, request.body))),
  );
}
