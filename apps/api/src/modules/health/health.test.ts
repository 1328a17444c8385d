// Health: the database kind, version and migration level; migrating twice changes nothing.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, rowCounts } from "../../../test/harness.ts";
import { onPostgres } from "../../../test/test-db.ts";
import { MIGRATIONS_DIR } from "../../db/migrations-dir.ts";
import { VERSION } from "../../version.ts";

const journal = JSON.parse(readFileSync(`${MIGRATIONS_DIR}/meta/_journal.json`, "utf8")) as {
  entries: { tag: string }[];
};

let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const health = async () => {
  const res = await h.app.inject({ method: "GET", url: "/api/health" });
  expect(res.statusCode).toBe(200);
  return res.json();
};

describe("GET /api/health", () => {
  it("reports ok, the database kind, the version and every shipped migration as applied", async () => {
    expect(await health()).toEqual({
      status: "ok",
      db: onPostgres() ? "postgres" : "embedded",
      version: VERSION,
      migrations: { applied: journal.entries.length, latest: journal.entries.at(-1)!.tag },
    });
  });

  it("needs no session", async () => {
    const res = await h.app.inject({ method: "GET", url: "/api/health", headers: { cookie: "vp_session=stale" } });
    expect(res.statusCode).toBe(200);
  });
});

describe("migrations", () => {
  const schema = () =>
    h.db.owner((tx) =>
      tx.query(
        `SELECT table_name, column_name, data_type FROM information_schema.columns
          WHERE table_schema = 'public' ORDER BY table_name, column_name`,
      ),
    );
  const policies = () =>
    h.db.owner((tx) => tx.query(`SELECT tablename, policyname FROM pg_policies ORDER BY tablename, policyname`));

  it("changes nothing when run a second time", async () => {
    const before = { level: await h.db.migrationLevel(), schema: await schema(), policies: await policies() };
    const counts = await rowCounts(h.db);
    const level = await h.db.migrate();
    expect(level).toEqual(before.level);
    expect(await schema()).toEqual(before.schema);
    expect(await policies()).toEqual(before.policies);
    expect(await rowCounts(h.db)).toEqual(counts);
    expect((await health()).migrations.applied).toBe(journal.entries.length);
  });
});
