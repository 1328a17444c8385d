import type { Ctx } from "../../http/context.ts";
import { insertAudit, insertAuditMany } from "./audit.repo.ts";
import type { AuditEvent } from "./audit-events.ts";

export function audit(ctx: Ctx, event: AuditEvent): Promise<void> {
  return insertAudit(ctx.tx, { orgId: ctx.actor.orgId, actorUserId: ctx.actor.userId, at: ctx.clock.now() }, event);
}

/** Several events of one action in order (a phone's queued registrations), chained in one write. */
export function auditMany(ctx: Ctx, events: readonly AuditEvent[]): Promise<void> {
  return insertAuditMany(
    ctx.tx,
    { orgId: ctx.actor.orgId, actorUserId: ctx.actor.userId, at: ctx.clock.now() },
    events,
  );
}
