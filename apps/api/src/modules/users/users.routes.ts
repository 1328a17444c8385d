import { createUserBody, idParams, okSchema, updateUserBody, userView } from "@vindplaats/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { withCtx } from "../../http/handler.ts";
import * as repo from "./users.repo.ts";
import { createUser, resetPassword, updateUser } from "./users.service.ts";

const resetBody = z.object({ password: z.string().min(12).max(1024) }).strict();

export async function userRoutes(plain: FastifyInstance) {
  const app = plain.withTypeProvider<ZodTypeProvider>();
  const tags = ["organisation"];
  const manage = { access: "authenticated", permission: "org.manage" } as const;

  app.get(
    "/api/v1/users",
    { config: manage, schema: { tags, summary: "List user accounts", response: { 200: z.array(userView) } } },
    (request) => withCtx(request, (ctx) => repo.listUsers(ctx.tx)),
  );
  app.post(
    "/api/v1/users",
    {
      config: manage,
      schema: { tags, summary: "Create a user account", body: createUserBody, response: { 201: userView } },
    },
    async (request, reply) => reply.status(201).send(await withCtx(request, (ctx) => createUser(ctx, request.body))),
  );
  app.patch(
    "/api/v1/users/:id",
    {
      config: manage,
      schema: {
        tags,
        summary: "Change roles, language or (de)activate an account",
        params: idParams,
        body: updateUserBody,
        response: { 200: userView },
      },
    },
    (request) => withCtx(request, (ctx) => updateUser(ctx, request.params.id, request.body)),
  );
  app.post(
    "/api/v1/users/:id/password",
    {
      config: manage,
      schema: {
        tags,
        summary: "Set a new password for an account; its sessions end",
        params: idParams,
        body: resetBody,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await withCtx(request, (ctx) => resetPassword(ctx, request.params.id, request.body.password));
      return { ok: true as const };
    },
  );
}
