import { describe, expect, it } from "vitest";
import { parseGeometry } from "./geometry.ts";

const square = {
  type: "Polygon",
  coordinates: [
    [
      [3.7, 51.05],
      [3.71, 51.05],
      [3.71, 51.06],
      [3.7, 51.05],
    ],
  ],
};

describe("parseGeometry", () => {
  it("accepts an empty text as no outline", () => {
    expect(parseGeometry("  ")).toEqual({ ok: true, geometry: null });
  });
  it("accepts a Polygon and unwraps a Feature or a one-feature collection", () => {
    expect(parseGeometry(JSON.stringify(square))).toEqual({ ok: true, geometry: square });
    expect(parseGeometry(JSON.stringify({ type: "Feature", properties: {}, geometry: square }))).toEqual({
      ok: true,
      geometry: square,
    });
    const collection = { type: "FeatureCollection", features: [{ type: "Feature", geometry: square }] };
    expect(parseGeometry(JSON.stringify(collection))).toEqual({ ok: true, geometry: square });
  });
  it("rejects broken JSON and other geometry types", () => {
    expect(parseGeometry("{")).toEqual({ ok: false });
    expect(parseGeometry(JSON.stringify({ type: "Point", coordinates: [3.7, 51] }))).toEqual({ ok: false });
  });
});
