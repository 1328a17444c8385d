// Restriction of processing (GDPR art. 18): while a person's record is restricted it is stored and
// the DPO can read it, but nobody changes it or uses it in new contacts, referrals, tasks, shares or
// merges. Person writes check it in person-access.ts; contacts and collectives check the persons they name.
import type { Tx } from "../../db/database.ts";
import type { Ctx } from "../../http/context.ts";
import { AppError } from "../../http/errors.ts";

export const personRestricted = (field = "id") =>
  new AppError(409, "person_restricted", [{ field, key: "field.restricted" }]);

export const personAnonymised = (field = "id") =>
  new AppError(409, "person_anonymised", [{ field, key: "field.anonymised" }]);

/** Which of these persons are restricted or anonymised now. */
export async function frozenPersons(
  tx: Tx,
  ids: readonly string[],
): Promise<{ restricted: Set<string>; anonymised: Set<string> }> {
  if (!ids.length) return { restricted: new Set(), anonymised: new Set() };
  const rows = await tx.query<{ person_id: string; kind: "restricted" | "anonymised" }>(
    `SELECT person_id, 'restricted' AS kind FROM person_restrictions WHERE person_id = ANY($1::uuid[]) AND lifted_at IS NULL
     UNION ALL
     SELECT person_id, 'anonymised' FROM person_anonymisations WHERE person_id = ANY($1::uuid[])`,
    [ids],
  );
  const pick = (kind: string) => new Set(rows.filter((r) => r.kind === kind).map((r) => r.person_id));
  return { restricted: pick("restricted"), anonymised: pick("anonymised") };
}

/** Refuses a change to, or a new use of, a restricted or anonymised record with a clear message. */
export async function requireNotFrozen(ctx: Pick<Ctx, "tx">, ids: readonly string[], field = "id"): Promise<void> {
  const { restricted, anonymised } = await frozenPersons(ctx.tx, ids);
  if (ids.some((id) => restricted.has(id))) throw personRestricted(field);
  if (ids.some((id) => anonymised.has(id))) throw personAnonymised(field);
}
