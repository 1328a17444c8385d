import type { PlaceKind } from "@vindplaats/domain";
import { prepared, type Tx } from "../../db/database.ts";

export interface NeighbourhoodRow {
  id: string;
  name: string;
  geometry: unknown;
  isActive: boolean;
}

export function listNeighbourhoods(tx: Tx, includeInactive: boolean): Promise<NeighbourhoodRow[]> {
  return tx.query<NeighbourhoodRow>(
    `SELECT id, name, geojson AS geometry, is_active AS "isActive" FROM neighbourhoods WHERE $1 OR is_active ORDER BY name`,
    [includeInactive],
  );
}

export async function getNeighbourhood(tx: Tx, id: string): Promise<NeighbourhoodRow | null> {
  const rows = await tx.query<NeighbourhoodRow>(
    `SELECT id, name, geojson AS geometry, is_active AS "isActive" FROM neighbourhoods WHERE id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

export async function insertNeighbourhood(tx: Tx, n: { id: string; orgId: string; name: string; geometry: unknown }) {
  await tx.query(`INSERT INTO neighbourhoods (id, org_id, name, geojson) VALUES ($1, $2, $3, $4)`, [
    n.id,
    n.orgId,
    n.name,
    n.geometry === null ? null : JSON.stringify(n.geometry),
  ]);
}

export async function nameTaken(
  tx: Tx,
  table: "neighbourhoods" | "places",
  name: string,
  exceptId: string | null,
  scopeId?: string,
) {
  const extra = table === "places" ? " AND neighbourhood_id = $3" : "";
  const params: unknown[] = [name, exceptId ?? "00000000-0000-0000-0000-000000000000"];
  if (table === "places") params.push(scopeId);
  const rows = await tx.query(`SELECT 1 FROM ${table} WHERE lower(name) = lower($1) AND id <> $2${extra}`, params);
  return rows.length > 0;
}

export interface PlaceRow {
  id: string;
  name: string;
  neighbourhoodId: string;
  neighbourhoodName: string;
  kind: PlaceKind;
  isActive: boolean;
}

const SELECT_PLACE = `
  SELECT p.id, p.name, p.neighbourhood_id AS "neighbourhoodId", n.name AS "neighbourhoodName", p.kind, p.is_active AS "isActive"
    FROM places p JOIN neighbourhoods n ON n.id = p.neighbourhood_id`;

export function listPlaces(tx: Tx, includeInactive: boolean): Promise<PlaceRow[]> {
  return tx.query<PlaceRow>(`${SELECT_PLACE} WHERE $1 OR p.is_active ORDER BY n.name, p.name`, [includeInactive]);
}

export async function getPlace(tx: Tx, id: string): Promise<PlaceRow | null> {
  const rows = await tx.query<PlaceRow>(prepared(`${SELECT_PLACE} WHERE p.id = $1`), [id]);
  return rows[0] ?? null;
}

export async function insertPlace(
  tx: Tx,
  p: { id: string; orgId: string; name: string; neighbourhoodId: string; kind: PlaceKind },
) {
  await tx.query(`INSERT INTO places (id, org_id, name, neighbourhood_id, kind) VALUES ($1, $2, $3, $4, $5)`, [
    p.id,
    p.orgId,
    p.name,
    p.neighbourhoodId,
    p.kind,
  ]);
}
