import {
  createTeamBody,
  idParams,
  listQuery,
  membershipRow,
  setMembershipBody,
  teamView,
  updateTeamBody,
} from "@vindplaats/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { withCtx } from "../../http/handler.ts";
import * as repo from "./teams.repo.ts";
import { createTeam, listMembers, setMembership, updateTeam } from "./teams.service.ts";

export async function teamRoutes(plain: FastifyInstance) {
  const app = plain.withTypeProvider<ZodTypeProvider>();
  const tags = ["organisation"];
  const read = { access: "authenticated", permission: "org.read" } as const;
  const manage = { access: "authenticated", permission: "org.manage" } as const;

  app.get(
    "/api/v1/teams",
    {
      config: read,
      schema: { tags, summary: "List teams", querystring: listQuery, response: { 200: z.array(teamView) } },
    },
    (request) => withCtx(request, (ctx) => repo.listTeams(ctx.tx, request.query.includeInactive === "true")),
  );
  app.post(
    "/api/v1/teams",
    { config: manage, schema: { tags, summary: "Create a team", body: createTeamBody, response: { 201: teamView } } },
    async (request, reply) => reply.status(201).send(await withCtx(request, (ctx) => createTeam(ctx, request.body))),
  );
  app.patch(
    "/api/v1/teams/:id",
    {
      config: manage,
      schema: {
        tags,
        summary: "Rename, change kind or (de)activate a team",
        params: idParams,
        body: updateTeamBody,
        response: { 200: teamView },
      },
    },
    (request) => withCtx(request, (ctx) => updateTeam(ctx, request.params.id, request.body)),
  );
  app.get(
    "/api/v1/teams/:id/members",
    {
      config: read,
      schema: { tags, summary: "Members of a team", params: idParams, response: { 200: z.array(membershipRow) } },
    },
    (request) => withCtx(request, (ctx) => listMembers(ctx, request.params.id)),
  );
  app.put(
    "/api/v1/teams/:id/members",
    {
      config: manage,
      schema: {
        tags,
        summary: "Add a member, change a role or end a membership",
        params: idParams,
        body: setMembershipBody,
        response: { 200: z.array(membershipRow) },
      },
    },
    (request) => withCtx(request, (ctx) => setMembership(ctx, request.params.id, request.body)),
  );
}
