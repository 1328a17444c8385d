import {
  activeBreakGlassView,
  auditActorView,
  auditEntryView,
  auditQuery,
  breakGlassBody,
  breakGlassView,
  createShareBody,
  idParams,
  reviewBody,
  sharedWithMeItem,
  shareRecipientsView,
  shareView,
} from "@vindplaats/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { withCtx } from "../../http/handler.ts";
import { listAudit, listAuditActors, personAccessHistory } from "./audit-view.ts";
import { activeBreakGlass, breakGlass, listBreakGlass, reviewBreakGlass } from "./break-glass.service.ts";
import { listShareRecipients } from "./share-recipients.ts";
import { listShares, revokeShare, sharedWithMe, sharePerson } from "./shares.service.ts";

export async function secrecyRoutes(plain: FastifyInstance) {
  const app = plain.withTypeProvider<ZodTypeProvider>();
  const tags = ["secrecy"];
  const work = { access: "authenticated", permission: "persons.work" } as const;
  const read = { access: "authenticated", permission: "persons.read" } as const;

  app.post(
    "/api/v1/persons/:id/shares",
    {
      config: work,
      schema: {
        tags,
        summary: "Share chosen field classes with a team or partner, on consent or shared secrecy",
        params: idParams,
        body: createShareBody,
        response: { 201: shareView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await withCtx(request, (ctx) => sharePerson(ctx, request.params.id, request.body))),
  );
  app.get(
    "/api/v1/persons/:id/shares",
    {
      config: work,
      schema: { tags, summary: "Shares of a person's record", params: idParams, response: { 200: z.array(shareView) } },
    },
    (request) => withCtx(request, (ctx) => listShares(ctx, request.params.id)),
  );
  app.get(
    "/api/v1/share-recipients",
    {
      config: work,
      schema: {
        tags,
        summary: "Teams (not your own) and partners you can share a person's record with",
        response: { 200: shareRecipientsView },
      },
    },
    (request) => withCtx(request, listShareRecipients),
  );
  app.post(
    "/api/v1/person-shares/:id/revoke",
    {
      config: work,
      schema: {
        tags,
        summary: "Revoke a share; effective on the next request",
        params: idParams,
        response: { 200: shareView },
      },
    },
    (request) => withCtx(request, (ctx) => revokeShare(ctx, request.params.id)),
  );
  app.get(
    "/api/v1/shared-with-me",
    {
      config: read,
      schema: {
        tags,
        summary: "Persons shared with your teams or with you",
        response: { 200: z.array(sharedWithMeItem) },
      },
    },
    (request) => withCtx(request, sharedWithMe),
  );
  app.post(
    "/api/v1/persons/:id/break-glass",
    {
      config: work,
      schema: {
        tags,
        summary: "Emergency access to a record outside your teams (reason required, time-limited, reviewed)",
        params: idParams,
        body: breakGlassBody,
        response: { 201: breakGlassView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await withCtx(request, (ctx) => breakGlass(ctx, request.params.id, request.body.reason))),
  );
  app.get(
    "/api/v1/persons/:id/break-glass",
    {
      config: work,
      schema: {
        tags,
        summary: "Your own running emergency access to this person, if any (to show the time left)",
        params: idParams,
        response: { 200: activeBreakGlassView },
      },
    },
    (request) => withCtx(request, (ctx) => activeBreakGlass(ctx, request.params.id)),
  );
  app.get(
    "/api/v1/break-glass",
    {
      config: { access: "authenticated", permission: "breakglass.review" },
      schema: {
        tags,
        summary: "Break-the-glass accesses to review",
        querystring: z.object({ open: z.enum(["true", "false"]).optional() }).strict(),
        response: { 200: z.array(breakGlassView) },
      },
    },
    (request) => withCtx(request, (ctx) => listBreakGlass(ctx, request.query.open === "true")),
  );
  app.post(
    "/api/v1/break-glass/:id/review",
    {
      config: { access: "authenticated", permission: "breakglass.review" },
      schema: {
        tags,
        summary: "Mark a break-the-glass access as reviewed",
        params: idParams,
        body: reviewBody,
        response: { 200: breakGlassView },
      },
    },
    (request) => withCtx(request, (ctx) => reviewBreakGlass(ctx, request.params.id, request.body.note)),
  );
  app.get(
    "/api/v1/persons/:id/access-history",
    {
      config: { access: "authenticated", permission: "audit.read" },
      schema: {
        tags,
        summary: "Who accessed this person's record and contacts, when (subject-access requests)",
        params: idParams,
        response: { 200: z.array(auditEntryView) },
      },
    },
    (request) => withCtx(request, (ctx) => personAccessHistory(ctx, request.params.id)),
  );
  app.get(
    "/api/v1/audit",
    {
      config: { access: "authenticated", permission: "audit.read" },
      schema: {
        tags,
        summary: "Audit trail for the DPO: who saw or changed what, when",
        querystring: auditQuery,
        response: { 200: z.array(auditEntryView) },
      },
    },
    (request) => withCtx(request, (ctx) => listAudit(ctx, request.query)),
  );
  app.get(
    "/api/v1/audit/actors",
    {
      config: { access: "authenticated", permission: "audit.read" },
      schema: {
        tags,
        summary: "Everyone who can appear in the audit trail, for the DPO's filter",
        response: { 200: z.array(auditActorView) },
      },
    },
    (request) => withCtx(request, listAuditActors),
  );
}
