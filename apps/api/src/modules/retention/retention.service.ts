// Retention for the administrator and the DPO: the periods per data category (the administrator
// sets them, audited) and what the retention job would do now, counted without changing anything.
import type {
  RetentionPoliciesView,
  RetentionPolicyView,
  RetentionReportView,
  UpdateRetentionBody,
} from "@vindplaats/contracts";
import { RETENTION_DEFAULTS, retentionCutoff } from "@vindplaats/domain";
import { setPurpose } from "../../db/database.ts";
import type { Ctx } from "../../http/context.ts";
import { invalidField } from "../../http/errors.ts";
import { audit } from "../audit/audit.service.ts";
import * as repo from "./retention.repo.ts";
import { countDue } from "./retention-categories.ts";

const present = (p: repo.Policy): RetentionPolicyView => ({
  category: p.category,
  action: RETENTION_DEFAULTS[p.category].action,
  keepMonths: p.keepMonths,
  isEnabled: p.isEnabled,
  isDefault: p.isDefault,
  defaultMonths: RETENTION_DEFAULTS[p.category].keepMonths,
  updatedAt: p.updatedAt ? p.updatedAt.toISOString() : null,
});

export async function listPolicies(ctx: Ctx): Promise<RetentionPoliciesView> {
  const policies = await repo.readPolicies(ctx.tx, ctx.actor.orgId);
  const runs = await repo.recentRuns(ctx.tx, ctx.actor.orgId);
  return {
    policies: policies.map(present),
    lastRuns: runs.map((r) => ({
      id: r.id,
      trigger: r.trigger,
      startedAt: r.started_at.toISOString(),
      finishedAt: r.finished_at ? r.finished_at.toISOString() : null,
      counts: r.counts,
    })),
  };
}

export async function setPolicies(ctx: Ctx, body: UpdateRetentionBody): Promise<RetentionPoliciesView> {
  const seen = new Set<string>();
  for (const [i, p] of body.policies.entries()) {
    if (seen.has(p.category)) throw invalidField(`policies.${i}.category`, "field.invalid");
    seen.add(p.category);
  }
  const at = ctx.clock.now();
  for (const p of body.policies) {
    await repo.upsertPolicy(ctx.tx, { orgId: ctx.actor.orgId, ...p, at, by: ctx.actor.userId });
  }
  await audit(ctx, {
    action: "retention.policies_set",
    entityType: "organisation",
    entityId: ctx.actor.orgId,
    details: {
      policies: body.policies.map(({ category, keepMonths, isEnabled }) => ({ category, keepMonths, isEnabled })),
    },
  });
  return listPolicies(ctx);
}

/** The dry run for the actor's organisation: counts only, read across teams (aggregate purpose). */
export async function dryRunReport(ctx: Ctx): Promise<RetentionReportView> {
  const now = ctx.clock.now();
  const policies = await repo.readPolicies(ctx.tx, ctx.actor.orgId);
  // Authorised by the route (retention.read): counting due rows needs every team's rows.
  await setPurpose(ctx.tx, "figures");
  const categories = [];
  for (const p of policies) {
    const cutoff = retentionCutoff(now, p.keepMonths);
    categories.push({
      category: p.category,
      action: RETENTION_DEFAULTS[p.category].action,
      keepMonths: p.keepMonths,
      isEnabled: p.isEnabled,
      cutoff: cutoff.toISOString(),
      due: await countDue(ctx.tx, p.category, ctx.actor.orgId, cutoff),
    });
  }
  return { at: now.toISOString(), categories };
}
