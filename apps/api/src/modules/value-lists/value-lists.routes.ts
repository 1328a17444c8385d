import {
  createValueBody,
  updateValueBody,
  valueItemParams,
  valueListItem,
  valueListParams,
} from "@vindplaats/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { withCtx } from "../../http/handler.ts";
import * as repo from "./value-lists.repo.ts";
import { addValue, changeValue } from "./value-lists.service.ts";

export async function valueListRoutes(plain: FastifyInstance) {
  const app = plain.withTypeProvider<ZodTypeProvider>();
  const tags = ["value lists"];
  const read = { access: "authenticated", permission: "org.read" } as const;
  const manage = { access: "authenticated", permission: "org.manage" } as const;

  app.get(
    "/api/v1/value-lists",
    {
      config: read,
      schema: { tags, summary: "All value lists with nl/en/fr labels", response: { 200: z.array(valueListItem) } },
    },
    (request) => withCtx(request, (ctx) => repo.listValues(ctx.tx)),
  );
  app.post(
    "/api/v1/value-lists/:list",
    {
      config: manage,
      schema: {
        tags,
        summary: "Add a value to a list",
        params: valueListParams,
        body: createValueBody,
        response: { 201: valueListItem },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await withCtx(request, (ctx) => addValue(ctx, request.params.list, request.body))),
  );
  app.patch(
    "/api/v1/value-lists/:list/:code",
    {
      config: manage,
      schema: {
        tags,
        summary: "Relabel, reorder or (de)activate a value",
        params: valueItemParams,
        body: updateValueBody,
        response: { 200: valueListItem },
      },
    },
    (request) => withCtx(request, (ctx) => changeValue(ctx, request.params.list, request.params.code, request.body)),
  );
}
