// Every column of the migrated database is either annotated for the register of processing or named
// as not personal data: a new column anywhere fails here, by name, until it is annotated.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/test-db.ts";
import { NOT_PERSONAL, PROCESSING_ANNOTATIONS } from "./processing-annotations.ts";

let t: TestDb;
let columns: string[];

beforeAll(async () => {
  t = await createTestDb();
  const rows = await t.db.owner((tx) =>
    tx.query<{ name: string }>(
      `SELECT c.table_name || '.' || c.column_name AS name
         FROM information_schema.columns c
         JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
        ORDER BY 1`,
    ),
  );
  columns = rows.map((r) => r.name);
});
afterAll(() => t.drop());

const FILES = "apps/api/src/db/processing-annotations.ts (or processing-annotations-more.ts)";

describe("the register of processing covers every column", () => {
  it("finds the tables (sanity check)", () => {
    expect(columns).toContain("persons.national_register_number");
    expect(columns.length).toBeGreaterThan(400);
  });

  it("annotates every column or names it as not personal data", () => {
    const missing = columns.filter((c) => !PROCESSING_ANNOTATIONS.has(c) && !NOT_PERSONAL.has(c));
    expect(
      missing,
      `${missing.length} column(s) have no annotation. Add each to ${FILES}: as personal data with ` +
        `category, subjects, purpose, legal basis, retention and recipients, or in the table's notPersonal list:\n  ${missing.join("\n  ")}`,
    ).toEqual([]);
  });

  it("names no column both personal and not personal", () => {
    const both = [...NOT_PERSONAL].filter((c) => PROCESSING_ANNOTATIONS.has(c));
    expect(both, `annotated and also listed as not personal in ${FILES}:\n  ${both.join("\n  ")}`).toEqual([]);
  });

  it("annotates no column that does not exist (renamed or dropped)", () => {
    const existing = new Set(columns);
    const stale = [...PROCESSING_ANNOTATIONS.keys(), ...NOT_PERSONAL].filter((c) => !existing.has(c));
    expect(stale, `annotations in ${FILES} for columns the database does not have:\n  ${stale.join("\n  ")}`).toEqual(
      [],
    );
  });
});
