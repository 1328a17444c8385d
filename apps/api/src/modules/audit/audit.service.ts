import type { Ctx } from "../../http/context.ts";
import { insertAudit } from "./audit.repo.ts";
import type { AuditEvent } from "./audit-events.ts";

export function audit(ctx: Ctx, event: AuditEvent): Promise<void> {
  return insertAudit(ctx.tx, { orgId: ctx.actor.orgId, actorUserId: ctx.actor.userId, at: ctx.clock.now() }, event);
}
