// Neighbourhoods (with GeoJSON shapes) and places through the admin API.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { audited } from "../../../test/audit.ts";
import { seedOrg } from "../../../test/factories.ts";
import { createHarness, type Harness, type Session, signIn } from "../../../test/harness.ts";

const UNKNOWN = "0190b3a4-5c6d-7e8f-9a0b-1c2d3e4f5a6b";
// A small square in Antwerp; coordinates are [longitude, latitude] and the ring is closed.
const square = (dx = 0) => ({
  type: "Polygon",
  coordinates: [
    [
      [4.4 + dx, 51.2],
      [4.41 + dx, 51.2],
      [4.41 + dx, 51.21],
      [4.4 + dx, 51.21],
      [4.4 + dx, 51.2],
    ],
  ],
});

let h: Harness;
let org: Awaited<ReturnType<typeof seedOrg>>;
let admin: Session;

beforeAll(async () => {
  h = await createHarness();
  org = await seedOrg(h.db);
  admin = await signIn(h.app, org.emails.admin);
});
afterAll(() => h.close());

const post = (url: string, payload: unknown) => admin.request({ method: "POST", url, payload: payload as object });
const patch = (url: string, payload: unknown) => admin.request({ method: "PATCH", url, payload: payload as object });
const list = async (url: string) =>
  (await admin.request({ method: "GET", url })).json() as { id: string; isActive: boolean; geometry?: unknown }[];

describe("neighbourhoods", () => {
  it("creates a neighbourhood with a polygon that reads back unchanged", async () => {
    const { result: res, rows } = await audited(h.db, () =>
      post("/api/v1/neighbourhoods", { name: "Oudstad", geometry: square() }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ name: "Oudstad", geometry: square(), isActive: true });
    expect(rows).toEqual([expect.objectContaining({ action: "neighbourhood.created", entity_id: res.json().id })]);
    expect(await list("/api/v1/neighbourhoods")).toContainEqual(
      expect.objectContaining({ id: res.json().id, geometry: square() }),
    );
  });

  it("accepts a MultiPolygon and no shape at all", async () => {
    const multi = { type: "MultiPolygon", coordinates: [square().coordinates, square(0.05).coordinates] };
    const res = await post("/api/v1/neighbourhoods", { name: "Eilandjes", geometry: multi });
    expect(res.statusCode).toBe(201);
    expect(res.json().geometry).toEqual(multi);
    const none = await post("/api/v1/neighbourhoods", { name: "Zonder vorm" });
    expect(none.statusCode).toBe(201);
    expect(none.json().geometry).toBeNull();
  });

  it("reshapes and clears the shape", async () => {
    const id = (await post("/api/v1/neighbourhoods", { name: "Verschuift", geometry: square() })).json().id;
    const moved = await audited(h.db, () => patch(`/api/v1/neighbourhoods/${id}`, { geometry: square(0.1) }));
    expect(moved.result.json().geometry).toEqual(square(0.1));
    expect(moved.rows).toEqual([expect.objectContaining({ details: { fields: ["geometry"] } })]);
    const cleared = await patch(`/api/v1/neighbourhoods/${id}`, { geometry: null });
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json().geometry).toBeNull();
  });

  it("refuses invalid geometry with 400 on the geometry field, writing nothing", async () => {
    const ring = square().coordinates[0]!;
    const invalid = [
      { type: "Point", coordinates: [4.4, 51.2] },
      { type: "Polygon", coordinates: [ring.slice(0, 3)] },
      { type: "Polygon", coordinates: [[...ring.slice(0, 4), [4.4, 95]]] },
      { type: "Polygon", coordinates: [[...ring.slice(0, 4), [200, 51.2]]] },
      { type: "Polygon", coordinates: [ring.slice(0, 4)] },
      { type: "Polygon", coordinates: [] },
      { type: "Polygon", coordinates: [[]] },
      { type: "Polygon", coordinates: [[[], [], [], []]] },
      { type: "Polygon", coordinates: [[[4.4, 51.2, 3, 4], ...ring.slice(1)]] },
      { type: "Polygon" },
      { type: "Polygon", coordinates: square().coordinates, crs: "EPSG:4326" },
      "POLYGON((4.4 51.2, 4.41 51.2, 4.41 51.21, 4.4 51.2))",
    ];
    for (const geometry of invalid) {
      const { result: res, rows } = await audited(h.db, () =>
        post("/api/v1/neighbourhoods", { name: "Ongeldig", geometry }),
      );
      expect(res.statusCode, JSON.stringify(geometry)).toBe(400);
      expect(res.json().field).toMatch(/^geometry/);
      expect(rows).toEqual([]);
    }
    expect(await list("/api/v1/neighbourhoods?includeInactive=true")).not.toContainEqual(
      expect.objectContaining({ name: "Ongeldig" }),
    );
  });

  it("refuses a duplicate name (409) and deactivates, still listed with includeInactive=true", async () => {
    const dup = await audited(h.db, () => post("/api/v1/neighbourhoods", { name: "noordwijk" }));
    expect(dup.result.statusCode).toBe(409);
    expect(dup.rows).toEqual([]);
    const id = (await post("/api/v1/neighbourhoods", { name: "Opgeheven" })).json().id;
    const off = await audited(h.db, () => patch(`/api/v1/neighbourhoods/${id}`, { isActive: false }));
    expect(off.result.json().isActive).toBe(false);
    expect(off.rows).toHaveLength(1);
    expect((await list("/api/v1/neighbourhoods")).map((n) => n.id)).not.toContain(id);
    expect(await list("/api/v1/neighbourhoods?includeInactive=true")).toContainEqual(
      expect.objectContaining({ id, isActive: false }),
    );
  });

  it("answers 404 for an unknown neighbourhood", async () => {
    expect((await patch(`/api/v1/neighbourhoods/${UNKNOWN}`, { name: "X" })).statusCode).toBe(404);
  });
});

describe("places", () => {
  it("creates a place in a neighbourhood with one audit row", async () => {
    const { result: res, rows } = await audited(h.db, () =>
      post("/api/v1/places", { name: "Skatepark", neighbourhoodId: org.north, kind: "public" }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      name: "Skatepark",
      neighbourhoodId: org.north,
      neighbourhoodName: "Noordwijk",
      kind: "public",
      isActive: true,
    });
    expect(rows).toEqual([expect.objectContaining({ action: "place.created", entity_id: res.json().id })]);
  });

  it("refuses an unknown or inactive neighbourhood with 422 on neighbourhoodId", async () => {
    const inactive = (await post("/api/v1/neighbourhoods", { name: "Gesloten wijk" })).json().id;
    await patch(`/api/v1/neighbourhoods/${inactive}`, { isActive: false });
    for (const [neighbourhoodId, key] of [
      [UNKNOWN, "field.not_found"],
      [inactive, "field.inactive"],
    ]) {
      const { result: res, rows } = await audited(h.db, () =>
        post("/api/v1/places", { name: "Nergens", neighbourhoodId, kind: "public" }),
      );
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ key: "validation", field: "neighbourhoodId", errors: [{ key }] });
      expect(rows).toEqual([]);
    }
    const moved = await patch(`/api/v1/places/${org.park}`, { neighbourhoodId: inactive });
    expect(moved.statusCode).toBe(422);
    expect(moved.json().field).toBe("neighbourhoodId");
  });

  it("refuses a duplicate name in the same neighbourhood (409) but allows it in another", async () => {
    const dup = await audited(h.db, () =>
      post("/api/v1/places", { name: "stationsplein", neighbourhoodId: org.north, kind: "public" }),
    );
    expect(dup.result.statusCode).toBe(409);
    expect(dup.result.json().field).toBe("name");
    expect(dup.rows).toEqual([]);
    const elsewhere = await post("/api/v1/places", {
      name: "Stationsplein",
      neighbourhoodId: org.south,
      kind: "public",
    });
    expect(elsewhere.statusCode).toBe(201);
    // Moving it next to its namesake is the same conflict.
    const move = await patch(`/api/v1/places/${elsewhere.json().id}`, { neighbourhoodId: org.north });
    expect(move.statusCode).toBe(409);
  });

  it("changes and deactivates a place, still listed with includeInactive=true", async () => {
    const id = (await post("/api/v1/places", { name: "Jeugdhuis", neighbourhoodId: org.south, kind: "private" })).json()
      .id;
    const changed = await audited(h.db, () => patch(`/api/v1/places/${id}`, { kind: "semi_public", isActive: false }));
    expect(changed.result.json()).toMatchObject({ kind: "semi_public", isActive: false });
    expect(changed.rows).toEqual([expect.objectContaining({ action: "place.updated", entity_id: id })]);
    expect((await list("/api/v1/places")).map((p) => p.id)).not.toContain(id);
    expect(await list("/api/v1/places?includeInactive=true")).toContainEqual(
      expect.objectContaining({ id, isActive: false }),
    );
  });

  it("answers 404 for an unknown place and offers no way to delete one", async () => {
    const res = await audited(h.db, () => patch(`/api/v1/places/${UNKNOWN}`, { name: "X" }));
    expect(res.result.statusCode).toBe(404);
    expect(res.rows).toEqual([]);
    expect((await admin.request({ method: "DELETE", url: `/api/v1/places/${org.square}` })).statusCode).toBe(404);
  });
});
