// Opens the request's transaction as the signed-in actor and hands services their context.
import type { FastifyRequest } from "fastify";
import type { Ctx } from "./context.ts";
import { AppError } from "./errors.ts";

export function withCtx<T>(request: FastifyRequest, fn: (ctx: Ctx) => Promise<T>): Promise<T> {
  const actor = request.actor;
  if (!actor) throw new AppError(401, "unauthenticated");
  const { db, clock } = request.server.deps;
  const teamIds = actor.memberships.map((m) => m.teamId);
  return db.transaction({ orgId: actor.orgId, userId: actor.userId, teamIds, now: clock.now() }, (tx) =>
    fn({ actor, tx, clock }),
  );
}
