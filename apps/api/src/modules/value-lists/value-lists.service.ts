// Configurable value lists. A value in use is deactivated, never deleted.
import type { ValueListName } from "@vindplaats/domain";
import type { Ctx } from "../../http/context.ts";
import { conflict, invalidField, notFound } from "../../http/errors.ts";
import { audit } from "../audit/audit.service.ts";
import * as repo from "./value-lists.repo.ts";

export async function addValue(
  ctx: Ctx,
  list: ValueListName,
  body: { code: string; labels: repo.ValueRow["labels"]; sort: number },
) {
  if (await repo.getValue(ctx.tx, list, body.code)) throw conflict("conflict", "code");
  await repo.insertValue(ctx.tx, ctx.actor.orgId, list, body);
  await audit(ctx, {
    action: "value_list.changed",
    entityType: "value_list",
    entityId: null,
    details: { list, code: body.code, fields: ["code", "labels", "sort"] },
  });
  return (await repo.getValue(ctx.tx, list, body.code))!;
}

export async function changeValue(
  ctx: Ctx,
  list: ValueListName,
  code: string,
  patch: { labels?: repo.ValueRow["labels"] | undefined; sort?: number | undefined; isActive?: boolean | undefined },
) {
  if (!(await repo.getValue(ctx.tx, list, code))) throw notFound();
  await repo.updateValue(ctx.tx, list, code, patch);
  const fields = Object.keys(patch).filter((k) => patch[k as keyof typeof patch] !== undefined);
  await audit(ctx, {
    action: "value_list.changed",
    entityType: "value_list",
    entityId: null,
    details: { list, code, fields },
  });
  return (await repo.getValue(ctx.tx, list, code))!;
}

/** Throws a field error unless every code is an active value of the list. */
export async function requireActiveCodes(
  ctx: Ctx,
  list: ValueListName,
  codes: readonly (string | null | undefined)[],
  field: string,
) {
  const wanted = [...new Set(codes.filter((c): c is string => !!c))];
  if (!wanted.length) return;
  const active = await repo.activeCodes(ctx.tx, list, wanted);
  const missing = wanted.find((c) => !active.has(c));
  if (missing) throw invalidField(field, "field.inactive");
}
