import { describe, expect, it } from "vitest";
import { neighbourhoodAt } from "./nearby.ts";
import { sortPlaces } from "./recent-places.ts";

const place = (id: string, name: string, neighbourhoodId = "n1", neighbourhoodName = "Rabot") => ({
  id,
  name,
  neighbourhoodId,
  neighbourhoodName,
});
const places = [place("1", "Station"), place("2", "Bankje"), place("3", "Émile Braunplein", "n2", "Centrum")];

describe("sorting places for a worker", () => {
  it("puts recent places first, then the neighbourhood the phone is in, then by name", () => {
    expect(sortPlaces(places, { recent: [], locale: "nl" }).map((p) => p.id)).toEqual(["2", "3", "1"]);
    expect(sortPlaces(places, { recent: ["1"], locale: "nl" }).map((p) => p.id)).toEqual(["1", "2", "3"]);
    expect(sortPlaces(places, { recent: [], nearNeighbourhoodId: "n2", locale: "nl" }).map((p) => p.id)).toEqual([
      "3",
      "2",
      "1",
    ]);
  });
  it("searches place and neighbourhood names without caring for accents or case", () => {
    expect(sortPlaces(places, { recent: [], query: "emile", locale: "nl" }).map((p) => p.id)).toEqual(["3"]);
    expect(sortPlaces(places, { recent: [], query: "RABOT", locale: "nl" }).map((p) => p.id)).toEqual(["2", "1"]);
  });
});

describe("the neighbourhood around a point", () => {
  const square = (x: number): [number, number][][] => [
    [
      [x, 0],
      [x + 1, 0],
      [x + 1, 1],
      [x, 1],
      [x, 0],
    ],
  ];
  const hoods = [
    { id: "a", name: "A", isActive: true, geometry: { type: "Polygon" as const, coordinates: square(0) } },
    { id: "b", name: "B", isActive: true, geometry: { type: "MultiPolygon" as const, coordinates: [square(2)] } },
    { id: "c", name: "C", isActive: true, geometry: null },
  ];
  it("finds the polygon or multipolygon holding the point, or none", () => {
    expect(neighbourhoodAt([0.5, 0.5], hoods)).toBe("a");
    expect(neighbourhoodAt([2.5, 0.2], hoods)).toBe("b");
    expect(neighbourhoodAt([1.5, 0.5], hoods)).toBeNull();
  });
});
