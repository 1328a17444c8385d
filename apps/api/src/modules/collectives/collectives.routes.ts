import { collectiveView, createCollectiveBody, idParams, updateCollectiveBody } from "@vindplaats/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { withCtx } from "../../http/handler.ts";
import { contentTeamIds } from "../persons/scope.ts";
import * as repo from "./collectives.repo.ts";
import { createCollective, getCollective, updateCollective } from "./collectives.service.ts";

export async function collectiveRoutes(plain: FastifyInstance) {
  const app = plain.withTypeProvider<ZodTypeProvider>();
  const work = { access: "authenticated", permission: "persons.work" } as const;
  for (const [kind, path, label] of [
    ["household", "households", "household (family)"],
    ["group", "groups", "group"],
  ] as const) {
    const tags = [path];
    app.get(
      `/api/v1/${path}`,
      {
        config: work,
        schema: { tags, summary: `List your teams' ${path}`, response: { 200: z.array(collectiveView) } },
      },
      (request) => withCtx(request, (ctx) => repo.listCollectives(ctx.tx, kind, contentTeamIds(ctx.actor))),
    );
    app.post(
      `/api/v1/${path}`,
      {
        config: work,
        schema: {
          tags,
          summary: `Register a ${label} with members`,
          body: createCollectiveBody,
          response: { 201: collectiveView },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await withCtx(request, (ctx) => createCollective(ctx, kind, request.body))),
    );
    app.get(
      `/api/v1/${path}/:id`,
      { config: work, schema: { tags, summary: `One ${label}`, params: idParams, response: { 200: collectiveView } } },
      (request) => withCtx(request, (ctx) => getCollective(ctx, kind, request.params.id)),
    );
    app.patch(
      `/api/v1/${path}/:id`,
      {
        config: work,
        schema: {
          tags,
          summary: `Rename, (de)activate or change members of a ${label}`,
          params: idParams,
          body: updateCollectiveBody,
          response: { 200: collectiveView },
        },
      },
      (request) => withCtx(request, (ctx) => updateCollective(ctx, kind, request.params.id, request.body)),
    );
  }
}
