import {
  createNoteBody,
  createPersonBody,
  duplicateCandidate,
  duplicateQuery,
  identifyPersonBody,
  idParams,
  mergeBody,
  mergeView,
  pageOf,
  personListItem,
  personPage,
  personSearchQuery,
  personView,
  registerNumberLookupBody,
  updatePersonBody,
} from "@vindplaats/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { withCtx } from "../../http/handler.ts";
import { mergePersons, undoMerge } from "./person-merge.ts";
import { getPersonPage } from "./person-page.ts";
import { findByRegisterNumber, findDuplicates, searchPersons } from "./person-search.ts";
import { addNote, createPerson, identifyPerson, updatePerson } from "./persons.service.ts";
import { presentPerson } from "./present.ts";

/** The own team works with the whole record. */
const FULL = new Set(["profile", "sensitive", "identity", "notes"] as const);

export async function personRoutes(plain: FastifyInstance) {
  const app = plain.withTypeProvider<ZodTypeProvider>();
  const tags = ["persons"];
  const work = { access: "authenticated", permission: "persons.work" } as const;
  const read = { access: "authenticated", permission: "persons.read" } as const;
  const merge = { access: "authenticated", permission: "persons.merge" } as const;

  app.get(
    "/api/v1/persons",
    {
      config: work,
      schema: {
        tags,
        summary: "Search persons your teams know, by nickname fragment",
        querystring: personSearchQuery,
        response: { 200: pageOf(personListItem) },
      },
    },
    (request) => withCtx(request, (ctx) => searchPersons(ctx, request.query)),
  );
  app.get(
    "/api/v1/persons/duplicates",
    {
      config: work,
      schema: {
        tags,
        summary: "Likely duplicates of a new person (accent and case blind)",
        querystring: duplicateQuery,
        response: { 200: z.array(duplicateCandidate) },
      },
    },
    (request) => withCtx(request, (ctx) => findDuplicates(ctx, request.query)),
  );
  app.post(
    "/api/v1/persons/by-register-number",
    {
      config: work,
      schema: {
        tags,
        summary: "Find persons your teams know by national register number (equality, through a keyed hash)",
        body: registerNumberLookupBody,
        response: { 200: z.array(personListItem) },
      },
    },
    (request) => withCtx(request, (ctx) => findByRegisterNumber(ctx, request.body.nationalRegisterNumber)),
  );
  app.post(
    "/api/v1/persons",
    {
      config: work,
      schema: {
        tags,
        summary: "Register a person by nickname (pseudonymous)",
        body: createPersonBody,
        response: { 201: personView },
      },
    },
    async (request, reply) => {
      const { teamId, ...profile } = request.body;
      const row = await withCtx(request, (ctx) => createPerson(ctx, teamId, profile));
      return reply.status(201).send(presentPerson(row, FULL));
    },
  );
  app.get(
    "/api/v1/persons/:id",
    {
      config: read,
      schema: {
        tags,
        summary: "Person page: profile, other teams that know the person, timeline",
        params: idParams,
        response: { 200: personPage },
      },
    },
    (request) => withCtx(request, (ctx) => getPersonPage(ctx, request.params.id)),
  );
  app.patch(
    "/api/v1/persons/:id",
    {
      config: work,
      schema: {
        tags,
        summary: "Edit the pseudonymous profile (history kept)",
        params: idParams,
        body: updatePersonBody,
        response: { 200: personView },
      },
    },
    async (request) =>
      presentPerson(await withCtx(request, (ctx) => updatePerson(ctx, request.params.id, request.body)), FULL),
  );
  app.post(
    "/api/v1/persons/:id/identity",
    {
      config: work,
      schema: {
        tags,
        summary: "Step up the identity ladder: record full name and identifiers",
        params: idParams,
        body: identifyPersonBody,
        response: { 200: personView },
      },
    },
    (request) => withCtx(request, (ctx) => identifyPerson(ctx, request.params.id, request.body)),
  );
  app.post(
    "/api/v1/persons/:id/notes",
    {
      config: work,
      schema: {
        tags,
        summary: "Add a protected note",
        params: idParams,
        body: createNoteBody,
        response: { 201: z.object({ id: z.uuid() }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await withCtx(request, (ctx) => addNote(ctx, request.params.id, request.body))),
  );
  app.post(
    "/api/v1/persons/:id/merge",
    {
      config: merge,
      schema: {
        tags,
        summary: "Merge a duplicate into this person",
        params: idParams,
        body: mergeBody,
        response: { 200: mergeView },
      },
    },
    (request) => withCtx(request, (ctx) => mergePersons(ctx, request.params.id, request.body.duplicateId)),
  );
  app.post(
    "/api/v1/person-merges/:id/undo",
    { config: merge, schema: { tags, summary: "Undo a merge", params: idParams, response: { 200: mergeView } } },
    (request) => withCtx(request, (ctx) => undoMerge(ctx, request.params.id)),
  );
}
