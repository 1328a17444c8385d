import {
  createNeighbourhoodBody,
  createPlaceBody,
  idParams,
  listQuery,
  neighbourhoodView,
  placeView,
  updateNeighbourhoodBody,
  updatePlaceBody,
} from "@vindplaats/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { withCtx } from "../../http/handler.ts";
import * as repo from "./places.repo.ts";
import { createNeighbourhood, createPlace, updateNeighbourhood, updatePlace } from "./places.service.ts";

export async function placeRoutes(plain: FastifyInstance) {
  const app = plain.withTypeProvider<ZodTypeProvider>();
  const tags = ["places"];
  const read = { access: "authenticated", permission: "org.read" } as const;
  const manage = { access: "authenticated", permission: "org.manage" } as const;
  const presentN = (n: repo.NeighbourhoodRow) => n as z.infer<typeof neighbourhoodView>;

  app.get(
    "/api/v1/neighbourhoods",
    {
      config: read,
      schema: {
        tags,
        summary: "List neighbourhoods with their shapes",
        querystring: listQuery,
        response: { 200: z.array(neighbourhoodView) },
      },
    },
    async (request) =>
      (await withCtx(request, (ctx) => repo.listNeighbourhoods(ctx.tx, request.query.includeInactive === "true"))).map(
        presentN,
      ),
  );
  app.post(
    "/api/v1/neighbourhoods",
    {
      config: manage,
      schema: {
        tags,
        summary: "Create a neighbourhood",
        body: createNeighbourhoodBody,
        response: { 201: neighbourhoodView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(presentN(await withCtx(request, (ctx) => createNeighbourhood(ctx, request.body)))),
  );
  app.patch(
    "/api/v1/neighbourhoods/:id",
    {
      config: manage,
      schema: {
        tags,
        summary: "Rename, reshape or (de)activate a neighbourhood",
        params: idParams,
        body: updateNeighbourhoodBody,
        response: { 200: neighbourhoodView },
      },
    },
    async (request) =>
      presentN(await withCtx(request, (ctx) => updateNeighbourhood(ctx, request.params.id, request.body))),
  );
  app.get(
    "/api/v1/places",
    {
      config: read,
      schema: {
        tags,
        summary: "List places (vindplaatsen)",
        querystring: listQuery,
        response: { 200: z.array(placeView) },
      },
    },
    (request) => withCtx(request, (ctx) => repo.listPlaces(ctx.tx, request.query.includeInactive === "true")),
  );
  app.post(
    "/api/v1/places",
    {
      config: manage,
      schema: { tags, summary: "Create a place", body: createPlaceBody, response: { 201: placeView } },
    },
    async (request, reply) => reply.status(201).send(await withCtx(request, (ctx) => createPlace(ctx, request.body))),
  );
  app.patch(
    "/api/v1/places/:id",
    {
      config: manage,
      schema: {
        tags,
        summary: "Change or (de)activate a place",
        params: idParams,
        body: updatePlaceBody,
        response: { 200: placeView },
      },
    },
    (request) => withCtx(request, (ctx) => updatePlace(ctx, request.params.id, request.body)),
  );
}
