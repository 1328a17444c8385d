// Reads the GeoJSON an administrator pastes for a neighbourhood's outline. A Feature or a
// FeatureCollection with one feature is unwrapped to its geometry; the API validates the rest.
import type { Neighbourhood } from "../../../api/org.ts";

export type Geometry = NonNullable<Neighbourhood["geometry"]>;

export type ParsedGeometry = { ok: true; geometry: Geometry | null } | { ok: false };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

export function parseGeometry(text: string): ParsedGeometry {
  if (!text.trim()) return { ok: true, geometry: null };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false };
  }
  if (isRecord(value) && value.type === "FeatureCollection" && Array.isArray(value.features)) {
    value = value.features.length === 1 ? value.features[0] : null;
  }
  if (isRecord(value) && value.type === "Feature") value = value.geometry;
  if (!isRecord(value) || !Array.isArray(value.coordinates)) return { ok: false };
  if (value.type !== "Polygon" && value.type !== "MultiPolygon") return { ok: false };
  return { ok: true, geometry: { type: value.type, coordinates: value.coordinates } as Geometry };
}

export const formatGeometry = (geometry: Geometry | null) => (geometry ? JSON.stringify(geometry) : "");
