import {
  contactExportQuery,
  contactListQuery,
  contactRevisionView,
  contactView,
  correctContactBody,
  createContactBody,
  idParams,
  okSchema,
  pageOf,
  removeContactBody,
  savedFilterBody,
  savedFilterView,
  tallyBody,
} from "@vindplaats/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { withCtx } from "../../http/handler.ts";
import { requireOwnTeam } from "../persons/scope.ts";
import { correctContact, removeContact } from "./contact-corrections.ts";
import { exportContacts } from "./contact-export.ts";
import { listContacts } from "./contact-list.ts";
import * as repo from "./contacts.repo.ts";
import { readContact, registerContact, registerTally, requireContact } from "./contacts.service.ts";
import { presentContact } from "./present.ts";
import { deleteSavedFilter, listSavedFilters, saveFilter } from "./saved-filters.ts";

export async function contactRoutes(plain: FastifyInstance) {
  const app = plain.withTypeProvider<ZodTypeProvider>();
  const tags = ["contacts"];
  const work = { access: "authenticated", permission: "contacts.work" } as const;
  const exporting = { access: "authenticated", permission: "contacts.export" } as const;

  app.post(
    "/api/v1/contacts",
    {
      config: work,
      schema: {
        tags,
        summary: "Register a contact (idempotent on its client id)",
        body: createContactBody,
        response: { 201: contactView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(presentContact(await withCtx(request, (ctx) => registerContact(ctx, request.body)), true)),
  );
  app.post(
    "/api/v1/contacts/tally",
    {
      config: work,
      schema: {
        tags,
        summary: "One tap: +1 anonymous contact at a place",
        body: tallyBody,
        response: { 201: contactView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(presentContact(await withCtx(request, (ctx) => registerTally(ctx, request.body)), true)),
  );
  app.get(
    "/api/v1/contacts",
    {
      config: work,
      schema: {
        tags,
        summary: "Filtered contacts of your teams (cursor pagination)",
        querystring: contactListQuery,
        response: { 200: pageOf(contactView) },
      },
    },
    (request) => withCtx(request, (ctx) => listContacts(ctx, request.query)),
  );
  app.get(
    "/api/v1/contacts/export",
    {
      config: exporting,
      schema: {
        tags,
        summary: "Export the filtered list to CSV or XLSX",
        querystring: contactExportQuery,
        produces: ["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
      },
    },
    async (request, reply) => {
      const file = await withCtx(request, (ctx) => exportContacts(ctx, request.query));
      return reply
        .type(file.type)
        .header("content-disposition", `attachment; filename="contacten.${file.ext}"`)
        .send(file.body);
    },
  );
  app.get(
    "/api/v1/contacts/last",
    {
      config: work,
      schema: {
        tags,
        summary: "Your last contact in a team, to repeat it",
        querystring: z.object({ teamId: z.uuid() }).strict(),
        response: { 200: contactView.nullable() },
      },
    },
    (request) =>
      withCtx(request, async (ctx) => {
        requireOwnTeam(ctx.actor, request.query.teamId);
        const last = await repo.lastContactBy(ctx.tx, ctx.actor.userId, request.query.teamId);
        return last ? presentContact(last, true) : null;
      }),
  );
  app.get(
    "/api/v1/contacts/:id",
    {
      config: work,
      schema: { tags, summary: "One contact, with its note", params: idParams, response: { 200: contactView } },
    },
    async (request) => presentContact(await withCtx(request, (ctx) => readContact(ctx, request.params.id)), true),
  );
  app.patch(
    "/api/v1/contacts/:id",
    {
      config: work,
      schema: {
        tags,
        summary: "Correct a contact (with a reason; history kept)",
        params: idParams,
        body: correctContactBody,
        response: { 200: contactView },
      },
    },
    async (request) =>
      presentContact(await withCtx(request, (ctx) => correctContact(ctx, request.params.id, request.body)), true),
  );
  app.post(
    "/api/v1/contacts/:id/remove",
    {
      config: work,
      schema: {
        tags,
        summary: "Remove a contact as a correction with a reason (kept in history)",
        params: idParams,
        body: removeContactBody,
        response: { 200: contactView },
      },
    },
    async (request) =>
      presentContact(await withCtx(request, (ctx) => removeContact(ctx, request.params.id, request.body.reason)), true),
  );
  app.get(
    "/api/v1/contacts/:id/revisions",
    {
      config: work,
      schema: {
        tags,
        summary: "Correction history of a contact",
        params: idParams,
        response: { 200: z.array(contactRevisionView) },
      },
    },
    (request) =>
      withCtx(request, async (ctx) => {
        await requireContact(ctx, request.params.id);
        return (await repo.listRevisions(ctx.tx, request.params.id)).map((r) => ({
          ...r,
          at: new Date(r.at).toISOString(),
        }));
      }),
  );
  app.get(
    "/api/v1/saved-filters",
    {
      config: work,
      schema: { tags, summary: "Your saved contact filters", response: { 200: z.array(savedFilterView) } },
    },
    (request) => withCtx(request, listSavedFilters),
  );
  app.post(
    "/api/v1/saved-filters",
    {
      config: work,
      schema: { tags, summary: "Save a contact filter", body: savedFilterBody, response: { 201: savedFilterView } },
    },
    async (request, reply) => reply.status(201).send(await withCtx(request, (ctx) => saveFilter(ctx, request.body))),
  );
  app.delete(
    "/api/v1/saved-filters/:id",
    {
      config: work,
      schema: { tags, summary: "Delete one of your saved filters", params: idParams, response: { 200: okSchema } },
    },
    async (request) => {
      await withCtx(request, (ctx) => deleteSavedFilter(ctx, request.params.id));
      return { ok: true as const };
    },
  );
}
