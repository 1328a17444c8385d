// The demo organisation and the scale data, written to a real database (PGlite, and PostgreSQL
// when TEST_DATABASE_URL is set).
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg } from "../../test/factories.ts";
import { createHarness, type Harness, signIn } from "../../test/harness.ts";
import { createTestDb } from "../../test/test-db.ts";
import { testConfig } from "../config.ts";
import type { Database } from "../db/database.ts";
import { verifyPassword } from "../modules/auth/passwords.ts";
import { DEMO_ORG, DEMO_PASSWORD, DEMO_TEAMS, DEMO_USERS, DEMO_WORKER } from "./accounts.ts";
import { arrayLiteral, insertRows } from "./batch.ts";
import { ensureDemo, shouldCreateDemo } from "./ensure-demo.ts";
import { DEMO_NEIGHBOURHOODS, signedArea2 } from "./neighbourhoods.ts";
import { DEMO_PLACES } from "./places.ts";
import { runScale } from "./scale.ts";

const log = pino({ level: "silent" });
const as = (db: Database, kind: Database["kind"]): Database => ({ ...db, kind });
const count = async (db: Database, sql: string, params: unknown[] = []) =>
  (await db.owner((tx) => tx.query<{ n: number }>(sql, params)))[0]!.n;

let h: Harness;
let printed: string[] = [];

beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe("demo content", () => {
  it("names the eight steward neighbourhoods plus the centre and the 19th-century belt", () => {
    const names = DEMO_NEIGHBOURHOODS.map((n) => n.name);
    for (const name of ["Brugse Poort", "Rabot", "Bloemekenswijk", "Muide", "Sluizeken-Tolhuis-Ham"]) {
      expect(names).toContain(name);
    }
    for (const name of ["Dampoort/Sint-Amandsberg", "Ledeberg/Gentbrugge", "Nieuw Gent", "Binnenstad"]) {
      expect(names).toContain(name);
    }
    expect(names).toContain("19de-eeuwse gordel");
  });

  it("gives every neighbourhood a closed counter-clockwise ring, none overlapping another", () => {
    const boxes = DEMO_NEIGHBOURHOODS.map((n) => {
      const ring = n.geometry.coordinates[0]!;
      expect(ring.length).toBeGreaterThanOrEqual(4);
      expect(ring[0]).toEqual(ring.at(-1));
      expect(signedArea2(ring)).toBeGreaterThan(0);
      const lons = ring.map((p) => p[0]);
      const lats = ring.map((p) => p[1]);
      return { w: Math.min(...lons), e: Math.max(...lons), s: Math.min(...lats), n: Math.max(...lats) };
    });
    for (const [i, a] of boxes.entries()) {
      expect(a.w).toBeGreaterThan(3.6);
      expect(a.e).toBeLessThan(3.8);
      for (const b of boxes.slice(i + 1)) {
        const overlap = Math.min(a.e, b.e) > Math.max(a.w, b.w) && Math.min(a.n, b.n) > Math.max(a.s, b.s);
        expect(overlap).toBe(false);
      }
    }
  });

  it("puts every place in a known neighbourhood, with each location kind present", () => {
    const keys = new Set(DEMO_NEIGHBOURHOODS.map((n) => n.key));
    for (const p of DEMO_PLACES) expect(keys.has(p.neighbourhood)).toBe(true);
    expect(new Set(DEMO_PLACES.map((p) => p.kind))).toEqual(new Set(["private", "semi_public", "public", "online"]));
  });
});

describe("VINDPLAATS_DEMO rules", () => {
  it("auto creates only on an empty embedded database; always creates unless it exists", () => {
    const empty = { organisations: 0, demoExists: false };
    expect(shouldCreateDemo("auto", { kind: "embedded", ...empty })).toBe(true);
    expect(shouldCreateDemo("auto", { kind: "postgres", ...empty })).toBe(false);
    expect(shouldCreateDemo("auto", { kind: "embedded", organisations: 1, demoExists: false })).toBe(false);
    expect(shouldCreateDemo("never", { kind: "embedded", ...empty })).toBe(false);
    expect(shouldCreateDemo("always", { kind: "postgres", organisations: 3, demoExists: false })).toBe(true);
    expect(shouldCreateDemo("always", { kind: "embedded", organisations: 1, demoExists: true })).toBe(false);
  });

  it("leaves an empty PostgreSQL database alone on auto and never", async () => {
    const print = (line: string) => printed.push(line);
    expect(await ensureDemo(as(h.db, "postgres"), testConfig({ demo: "auto" }), log, print)).toBeNull();
    expect(await ensureDemo(as(h.db, "embedded"), testConfig({ demo: "never" }), log, print)).toBeNull();
    expect(await count(h.db, `SELECT count(*)::int AS n FROM organisations`)).toBe(0);
    expect(printed).toEqual([]);
  });

  it("creates the demo organisation on an empty embedded database and prints the accounts", async () => {
    const created = await ensureDemo(as(h.db, "embedded"), testConfig({ demo: "auto", port: 8123 }), log, (line) =>
      printed.push(line),
    );
    expect(created?.counts).toMatchObject({ organisations: 1, users: DEMO_USERS.length, teams: DEMO_TEAMS.length });
    const box = printed.join("\n");
    expect(box).toContain("http://localhost:8123");
    expect(box).toContain(DEMO_PASSWORD);
    expect(box).toContain(DEMO_WORKER);
  });

  it("does nothing on a second start, whatever the mode", async () => {
    printed = [];
    expect(
      await ensureDemo(as(h.db, "embedded"), testConfig({ demo: "auto" }), log, (l) => printed.push(l)),
    ).toBeNull();
    expect(await ensureDemo(h.db, testConfig({ demo: "always" }), log, (l) => printed.push(l))).toBeNull();
    expect(printed).toEqual([]);
    expect(await count(h.db, `SELECT count(*)::int AS n FROM organisations WHERE slug = $1`, [DEMO_ORG.slug])).toBe(1);
  });

  it("creates it next to other organisations on PostgreSQL only when always", async () => {
    const { db, drop } = await createTestDb();
    try {
      await seedOrg(db);
      expect(await ensureDemo(as(db, "embedded"), testConfig({ demo: "auto" }), log, () => {})).toBeNull();
      expect(await ensureDemo(as(db, "postgres"), testConfig({ demo: "auto" }), log, () => {})).toBeNull();
      expect(await ensureDemo(as(db, "postgres"), testConfig({ demo: "always" }), log, () => {})).not.toBeNull();
      expect(await count(db, `SELECT count(*)::int AS n FROM organisations`)).toBe(2);
    } finally {
      await drop();
    }
  });
});

describe("the demo organisation", () => {
  const orgId = async () =>
    (
      await h.db.owner((tx) =>
        tx.query<{ id: string }>(`SELECT id FROM organisations WHERE slug = $1`, [DEMO_ORG.slug]),
      )
    )[0]!.id;

  it("is marked as a demo and holds the teams, users, neighbourhoods and places", async () => {
    const id = await orgId();
    const [org] = await h.db.owner((tx) =>
      tx.query<{ is_demo: boolean }>(`SELECT is_demo FROM organisations WHERE id = $1`, [id]),
    );
    expect(org!.is_demo).toBe(true);
    const of = (table: string) => count(h.db, `SELECT count(*)::int AS n FROM ${table} WHERE org_id = $1`, [id]);
    expect(await of("teams")).toBe(DEMO_TEAMS.length);
    expect(await of("users")).toBe(DEMO_USERS.length);
    expect(await of("memberships")).toBe(DEMO_USERS.reduce((n, u) => n + u.teams.length, 0));
    expect(await of("neighbourhoods")).toBeGreaterThanOrEqual(9);
    expect(await of("places")).toBeGreaterThanOrEqual(28);
    expect(await of("places")).toBeLessThanOrEqual(35);
  });

  it("stores valid closed counter-clockwise polygons", async () => {
    const id = await orgId();
    const rows = await h.db.owner((tx) =>
      tx.query<{ geojson: { type: string; coordinates: [number, number][][] } }>(
        `SELECT geojson FROM neighbourhoods WHERE org_id = $1`,
        [id],
      ),
    );
    expect(rows.length).toBeGreaterThanOrEqual(9);
    for (const { geojson } of rows) {
      expect(geojson.type).toBe("Polygon");
      const ring = geojson.coordinates[0]!;
      expect(ring[0]).toEqual(ring.at(-1));
      expect(signedArea2(ring)).toBeGreaterThan(0);
    }
  });

  it("has every place active and in an active neighbourhood of the same organisation", async () => {
    const id = await orgId();
    const orphans = await count(
      h.db,
      `SELECT count(*)::int AS n FROM places p LEFT JOIN neighbourhoods n ON n.id = p.neighbourhood_id
        WHERE p.org_id = $1 AND (NOT p.is_active OR n.id IS NULL OR n.org_id <> p.org_id OR NOT n.is_active)`,
      [id],
    );
    expect(orphans).toBe(0);
  });

  it("lets every demo user sign in with the demo password", async () => {
    const session = await signIn(h.app, DEMO_WORKER, DEMO_PASSWORD);
    const me = await session.request({ method: "GET", url: "/api/v1/auth/session" });
    expect(me.statusCode).toBe(200);
    expect(me.json().memberships.length).toBe(2);
    const id = await orgId();
    const users = await h.db.owner((tx) =>
      tx.query<{ email: string; password_hash: string }>(`SELECT email, password_hash FROM users WHERE org_id = $1`, [
        id,
      ]),
    );
    expect(users.map((u) => u.email).sort()).toEqual(DEMO_USERS.map((u) => u.email).sort());
    // One hash for all (argon2 is slow on purpose), so checking one checks them all.
    expect(new Set(users.map((u) => u.password_hash)).size).toBe(1);
    expect(await verifyPassword(users[0]!.password_hash, DEMO_PASSWORD)).toBe(true);
  });
});

describe("scale data", () => {
  it("adds numbered organisations, each a full copy of the demo city's structure", async () => {
    const first = await runScale(h.db, 2);
    expect(first.orgs.map((o) => o.slug)).toEqual(["scale-1", "scale-2"]);
    expect(first.rows).toMatchObject({
      organisations: 2,
      users: 2 * DEMO_USERS.length,
      places: 2 * DEMO_PLACES.length,
    });
    const again = await runScale(h.db, 1);
    expect(again.orgs[0]!.slug).toBe("scale-3");
    const places = await count(h.db, `SELECT count(*)::int AS n FROM places WHERE org_id = $1`, [again.orgs[0]!.id]);
    expect(places).toBe(DEMO_PLACES.length);
    await signIn(h.app, "straat1@scale-2.vindplaats.test", DEMO_PASSWORD);
  });

  it("rejects a scale that is not a positive whole number", async () => {
    await expect(runScale(h.db, 0)).rejects.toThrow(/positive/);
  });
});

describe("bulk insert", () => {
  it("carries text arrays with quotes and commas, JSON and nulls", async () => {
    expect(arrayLiteral(['a "b"', "c,d", "e\\f"])).toBe('{"a \\"b\\"","c,d","e\\\\f"}');
    const rows = await h.db.owner(async (tx) => {
      await tx.query(`CREATE TEMP TABLE bulk_probe (id int, tags text[], doc jsonb, note text) ON COMMIT DROP`);
      await insertRows(tx, "bulk_probe", { id: "int", tags: "text[]", doc: "jsonb", note: "text" }, [
        [1, ['a "b"', "c,d", "e\\f"], { x: [1, 2] }, null],
        [2, [], null, "ok"],
      ]);
      return tx.query(`SELECT id, tags, doc, note FROM bulk_probe ORDER BY id`);
    });
    expect(rows).toEqual([
      { id: 1, tags: ['a "b"', "c,d", "e\\f"], doc: { x: [1, 2] }, note: null },
      { id: 2, tags: [], doc: null, note: "ok" },
    ]);
  });
});
