// "Near me": asks the phone once where it is and finds the neighbourhood around that point. The
// position is used only to sort places in memory; it is never stored or sent to the server.
import type { Neighbourhood } from "../../api/org.ts";

type Ring = number[][];

function inRing([x, y]: [number, number], ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i]!;
    const [xj = 0, yj = 0] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const inPolygon = (point: [number, number], rings: Ring[]) =>
  !!rings[0] && inRing(point, rings[0]) && !rings.slice(1).some((hole) => inRing(point, hole));

/** The neighbourhood whose shape holds the point [longitude, latitude], if any. */
export function neighbourhoodAt(point: [number, number], neighbourhoods: Neighbourhood[]): string | null {
  for (const n of neighbourhoods) {
    const g = n.geometry;
    if (!g) continue;
    const polygons: Ring[][] = g.type === "Polygon" ? [g.coordinates as Ring[]] : (g.coordinates as Ring[][]);
    if (polygons.some((rings) => inPolygon(point, rings))) return n.id;
  }
  return null;
}

export function currentPosition(): Promise<[number, number]> {
  return new Promise((resolve, reject) => {
    if (!("geolocation" in navigator)) return reject(new Error("unavailable"));
    navigator.geolocation.getCurrentPosition((pos) => resolve([pos.coords.longitude, pos.coords.latitude]), reject, {
      enableHighAccuracy: false,
      timeout: 10_000,
      maximumAge: 60_000,
    });
  });
}
