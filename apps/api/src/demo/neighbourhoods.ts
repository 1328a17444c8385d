// The demo city's neighbourhoods ("wijken"): the eight of the neighbourhood-steward project plus the
// city centre and the 19th-century belt that street work adds. The shapes are fictional tiles on a
// grid around lon 3.72, lat 51.05: they touch but never overlap, and are not real boundaries.

/** A GeoJSON Polygon; positions are [longitude, latitude]. */
export interface Polygon {
  type: "Polygon";
  coordinates: [number, number][][];
}

export interface DemoNeighbourhood {
  key: string;
  name: string;
  geometry: Polygon;
}

const COLUMNS = [3.68, 3.7, 3.72, 3.74, 3.76];
const ROWS = [51.03, 51.045, 51.06, 51.075];

/** A closed, counter-clockwise (RFC 7946 exterior) ring around one grid cell. */
export function tile(column: number, row: number): Polygon {
  const west = COLUMNS[column]!;
  const east = COLUMNS[column + 1]!;
  const south = ROWS[row]!;
  const north = ROWS[row + 1]!;
  return {
    type: "Polygon",
    coordinates: [
      [
        [west, south],
        [east, south],
        [east, north],
        [west, north],
        [west, south],
      ],
    ],
  };
}

const n = (key: string, name: string, column: number, row: number): DemoNeighbourhood => ({
  key,
  name,
  geometry: tile(column, row),
});

// Rows run south (0) to north (2), columns west (0) to east (3), roughly as the city lies.
export const DEMO_NEIGHBOURHOODS: DemoNeighbourhood[] = [
  n("bloemekens", "Bloemekenswijk", 0, 2),
  n("rabot", "Rabot", 1, 2),
  n("sluizeken", "Sluizeken-Tolhuis-Ham", 2, 2),
  n("muide", "Muide", 3, 2),
  n("brugsepoort", "Brugse Poort", 0, 1),
  n("gordel", "19de-eeuwse gordel", 1, 1),
  n("centrum", "Binnenstad", 2, 1),
  n("dampoort", "Dampoort/Sint-Amandsberg", 3, 1),
  n("nieuwgent", "Nieuw Gent", 1, 0),
  n("ledeberg", "Ledeberg/Gentbrugge", 2, 0),
];

/** Twice the signed area of a ring (shoelace); positive means counter-clockwise with x = lon, y = lat. */
export function signedArea2(ring: [number, number][]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[i + 1]!;
    sum += x1 * y2 - x2 * y1;
  }
  return sum;
}
