import {
  conflictView,
  deviceKeyView,
  deviceView,
  idParams,
  pullQuery,
  pullView,
  pushBody,
  pushView,
  registerDeviceBody,
} from "@vindplaats/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { withCtx } from "../../http/handler.ts";
import { can } from "../access/policy.ts";
import { listConflicts, resolveReview } from "./conflicts.service.ts";
import { issueDeviceKey, listDevices, registerDevice, revokeDevice } from "./devices.service.ts";
import { pull } from "./pull.service.ts";
import { pushMutations } from "./push.service.ts";

export async function syncRoutes(plain: FastifyInstance) {
  const app = plain.withTypeProvider<ZodTypeProvider>();
  const tags = ["sync"];
  const use = { access: "authenticated", permission: "sync.use" } as const;
  const review = { access: "authenticated", permission: "sync.review" } as const;

  app.post(
    "/api/v1/sync/devices",
    {
      config: use,
      schema: {
        tags,
        summary: "Register this phone for offline work; returns its data key",
        body: registerDeviceBody,
        response: { 201: deviceKeyView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await withCtx(request, (ctx) => registerDevice(ctx, request.body.label))),
  );
  app.get(
    "/api/v1/sync/devices",
    {
      config: { access: "authenticated", permission: "self" },
      schema: {
        tags,
        summary: "Your devices (an administrator sees the organisation's)",
        response: { 200: z.array(deviceView) },
      },
    },
    (request) => withCtx(request, (ctx) => listDevices(ctx, can(ctx.actor, "org.manage"))),
  );
  app.get(
    "/api/v1/sync/devices/:id/key",
    {
      config: use,
      schema: {
        tags,
        summary: "The data key of your device, after an online sign-in (wipe if revoked)",
        params: idParams,
        response: { 200: deviceKeyView },
      },
    },
    (request) => withCtx(request, (ctx) => issueDeviceKey(ctx, request.params.id)),
  );
  app.post(
    "/api/v1/sync/devices/:id/revoke",
    {
      config: { access: "authenticated", permission: "org.manage" },
      schema: {
        tags,
        summary: "Revoke a lost device: it wipes on its next request",
        params: idParams,
        response: { 200: deviceView },
      },
    },
    (request) => withCtx(request, (ctx) => revokeDevice(ctx, request.params.id)),
  );
  app.post(
    "/api/v1/sync/push",
    {
      config: use,
      schema: {
        tags,
        summary: "Apply queued offline mutations (idempotent per mutation id)",
        body: pushBody,
        response: { 200: pushView },
      },
    },
    (request) => pushMutations({ ...request.server.deps, log: request.log }, request.actor!, request.body),
  );
  app.get(
    "/api/v1/sync/pull",
    {
      config: use,
      schema: {
        tags,
        summary: "Changes to your working set since a cursor (a snapshot without one)",
        querystring: pullQuery,
        response: { 200: pullView },
      },
    },
    (request) => withCtx(request, (ctx) => pull(ctx, request.query)),
  );
  app.get(
    "/api/v1/sync/conflicts",
    {
      config: review,
      schema: {
        tags,
        summary: "Overwritten offline edits and refused mutations of your teams",
        querystring: z.object({ open: z.enum(["true", "false"]).default("true") }).strict(),
        response: { 200: z.array(conflictView) },
      },
    },
    (request) => withCtx(request, (ctx) => listConflicts(ctx, request.query.open === "true")),
  );
  app.post(
    "/api/v1/sync/review/:id/resolve",
    {
      config: review,
      schema: {
        tags,
        summary: "Mark a refused mutation as dealt with",
        params: idParams,
        response: { 200: conflictView },
      },
    },
    (request) => withCtx(request, (ctx) => resolveReview(ctx, request.params.id)),
  );
}
