// The register of processing for the DPO and the administrator, in the reader's language.
import type { ProcessingRegisterView } from "@vindplaats/contracts";
import type { Ctx } from "../../http/context.ts";
import { listPolicies } from "../retention/retention.service.ts";
import { buildRegister } from "./register.ts";

export async function readRegister(ctx: Ctx): Promise<ProcessingRegisterView> {
  const org = await ctx.tx.query<{ name: string }>(`SELECT name FROM organisations WHERE id = $1`, [ctx.actor.orgId]);
  const dpos = await ctx.tx.query<{ name: string; email: string }>(
    `SELECT display_name AS name, email FROM users
      WHERE org_id = $1 AND is_active AND 'dpo' = ANY(org_roles) ORDER BY display_name`,
    [ctx.actor.orgId],
  );
  const { policies } = await listPolicies(ctx);
  return buildRegister({
    organisation: org[0]?.name ?? "",
    dpos,
    policies,
    locale: ctx.actor.locale,
    now: ctx.clock.now(),
  });
}
