// Three tiers: pure units, API and services on a real database (PGlite, and PostgreSQL when
// TEST_DATABASE_URL is set), and browser flows in Debian's Chromium.
import { defineConfig } from "vitest/config";

const apiInclude = ["apps/api/**/*.test.ts"];
const onPostgres = !!process.env.TEST_DATABASE_URL;

export default defineConfig({
  test: {
    projects: [
      { test: { name: "unit", include: ["packages/*/src/**/*.test.ts", "apps/web/src/**/*.test.ts"] } },
      {
        test: {
          name: "api",
          include: apiInclude,
          env: { VP_TEST_DB: "pglite" },
          testTimeout: 180_000,
          hookTimeout: 60_000,
        },
      },
      ...(onPostgres
        ? [
            {
              test: {
                name: "api-postgres",
                include: apiInclude,
                env: { VP_TEST_DB: "postgres" },
                testTimeout: 180_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
      {
        test: {
          name: "e2e",
          include: ["e2e/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
