// Neighbourhoods ("wijken") and places ("vindplaatsen"). Deactivated, never deleted.
import type { PlaceKind } from "@vindplaats/domain";
import { uuidv7 } from "@vindplaats/domain";
import { updateColumns } from "../../db/sql.ts";
import type { Ctx } from "../../http/context.ts";
import { conflict, invalidField, notFound } from "../../http/errors.ts";
import { audit } from "../audit/audit.service.ts";
import * as repo from "./places.repo.ts";

export async function createNeighbourhood(ctx: Ctx, body: { name: string; geometry: unknown }) {
  if (await repo.nameTaken(ctx.tx, "neighbourhoods", body.name, null)) throw conflict("conflict", "name");
  const id = uuidv7();
  await repo.insertNeighbourhood(ctx.tx, { id, orgId: ctx.actor.orgId, ...body });
  await audit(ctx, {
    action: "neighbourhood.created",
    entityType: "neighbourhood",
    entityId: id,
    details: { fields: ["name", "geometry"] },
  });
  return (await repo.getNeighbourhood(ctx.tx, id))!;
}

export async function updateNeighbourhood(
  ctx: Ctx,
  id: string,
  patch: { name?: string | undefined; geometry?: unknown; isActive?: boolean | undefined },
) {
  if (patch.name && (await repo.nameTaken(ctx.tx, "neighbourhoods", patch.name, id)))
    throw conflict("conflict", "name");
  const values = { ...patch, geometry: patch.geometry === undefined ? undefined : JSON.stringify(patch.geometry) };
  const { changed, found } = await updateColumns(ctx.tx, "neighbourhoods", id, values, {
    name: "name",
    geometry: "geojson",
    isActive: "is_active",
  });
  if (!found) throw notFound();
  await audit(ctx, {
    action: "neighbourhood.updated",
    entityType: "neighbourhood",
    entityId: id,
    details: { fields: changed },
  });
  return (await repo.getNeighbourhood(ctx.tx, id))!;
}

async function requireActiveNeighbourhood(ctx: Ctx, id: string) {
  const n = await repo.getNeighbourhood(ctx.tx, id);
  if (!n) throw invalidField("neighbourhoodId", "field.not_found");
  if (!n.isActive) throw invalidField("neighbourhoodId", "field.inactive");
}

export async function createPlace(ctx: Ctx, body: { name: string; neighbourhoodId: string; kind: PlaceKind }) {
  await requireActiveNeighbourhood(ctx, body.neighbourhoodId);
  if (await repo.nameTaken(ctx.tx, "places", body.name, null, body.neighbourhoodId)) throw conflict("conflict", "name");
  const id = uuidv7();
  await repo.insertPlace(ctx.tx, { id, orgId: ctx.actor.orgId, ...body });
  await audit(ctx, {
    action: "place.created",
    entityType: "place",
    entityId: id,
    details: { fields: ["name", "neighbourhoodId", "kind"] },
  });
  return (await repo.getPlace(ctx.tx, id))!;
}

export async function updatePlace(
  ctx: Ctx,
  id: string,
  patch: {
    name?: string | undefined;
    neighbourhoodId?: string | undefined;
    kind?: PlaceKind | undefined;
    isActive?: boolean | undefined;
  },
) {
  const current = await repo.getPlace(ctx.tx, id);
  if (!current) throw notFound();
  if (patch.neighbourhoodId) await requireActiveNeighbourhood(ctx, patch.neighbourhoodId);
  const name = patch.name ?? current.name;
  const neighbourhoodId = patch.neighbourhoodId ?? current.neighbourhoodId;
  if ((patch.name || patch.neighbourhoodId) && (await repo.nameTaken(ctx.tx, "places", name, id, neighbourhoodId))) {
    throw conflict("conflict", "name");
  }
  const { changed } = await updateColumns(ctx.tx, "places", id, patch, {
    name: "name",
    neighbourhoodId: "neighbourhood_id",
    kind: "kind",
    isActive: "is_active",
  });
  await audit(ctx, { action: "place.updated", entityType: "place", entityId: id, details: { fields: changed } });
  return (await repo.getPlace(ctx.tx, id))!;
}
