import {
  createReferralBody,
  idParams,
  referralListQuery,
  referralStatusBody,
  referralView,
  updateReferralBody,
} from "@vindplaats/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { withCtx } from "../../http/handler.ts";
import {
  changeReferralStatus,
  createReferral,
  listReferrals,
  presentReferral,
  requireReferral,
  updateReferral,
} from "./referrals.service.ts";

export async function referralRoutes(plain: FastifyInstance) {
  const app = plain.withTypeProvider<ZodTypeProvider>();
  const tags = ["referrals"];
  const config = { access: "authenticated", permission: "cases.work" } as const;
  const params = idParams;

  app.get(
    "/api/v1/referrals",
    {
      config,
      schema: {
        tags,
        summary: "Referrals of your teams",
        querystring: referralListQuery,
        response: { 200: z.array(referralView) },
      },
    },
    async (request) => (await withCtx(request, (ctx) => listReferrals(ctx, request.query))).map(presentReferral),
  );
  app.post(
    "/api/v1/referrals",
    {
      config,
      schema: {
        tags,
        summary: "Refer someone to a service, from a contact, a case or a trajectory",
        body: createReferralBody,
        response: { 201: referralView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(presentReferral(await withCtx(request, (ctx) => createReferral(ctx, request.body)))),
  );
  app.get(
    "/api/v1/referrals/:id",
    { config, schema: { tags, summary: "One referral", params, response: { 200: referralView } } },
    async (request) => presentReferral(await withCtx(request, (ctx) => requireReferral(ctx, request.params.id))),
  );
  app.patch(
    "/api/v1/referrals/:id",
    {
      config,
      schema: {
        tags,
        summary: "Change the accompanied flag or the note",
        params,
        body: updateReferralBody,
        response: { 200: referralView },
      },
    },
    async (request) =>
      presentReferral(await withCtx(request, (ctx) => updateReferral(ctx, request.params.id, request.body))),
  );
  app.post(
    "/api/v1/referrals/:id/status",
    {
      config,
      schema: {
        tags,
        summary: "Accepted or refused; then done or not done",
        params,
        body: referralStatusBody,
        response: { 200: referralView },
      },
    },
    async (request) =>
      presentReferral(await withCtx(request, (ctx) => changeReferralStatus(ctx, request.params.id, request.body))),
  );
}
