// Embedded PostgreSQL (WASM). It has one connection, so every transaction queues on a mutex.
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { type Database, enterScope, type MigrationLevel, Mutex, type Row, type Tx, type TxScope } from "./database.ts";
import { readMigrationLevel } from "./level.ts";
import { MIGRATIONS_DIR } from "./migrations-dir.ts";

const parsers = {
  20: (v: string) => Number(v), // int8: counts stay numbers on both engines
  1700: (v: string) => Number(v), // numeric
  1082: (v: string) => v, // date stays a calendar day, never a local-midnight Date
};

export interface PgliteDatabase extends Database {
  /** A tarball of the data folder: tests start from a migrated snapshot; backups are gzipped. */
  dump(compression?: "none" | "gzip"): Promise<Blob>;
}

export async function openPglite(dataDir: string, options: { loadDataDir?: Blob } = {}): Promise<PgliteDatabase> {
  const client = await PGlite.create(dataDir === "memory://" ? undefined : dataDir, {
    parsers,
    extensions: { pg_trgm },
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  const mutex = new Mutex();

  const run = <T>(scope: TxScope | null, fn: (tx: Tx) => Promise<T>) =>
    mutex.run(() =>
      client.transaction(async (raw) => {
        const tx: Tx = {
          async query(text, params) {
            const result = await raw.query(text, params as unknown[]);
            return result.rows as never;
          },
        };
        if (scope) await enterScope(tx, scope);
        return fn(tx);
      }),
    );

  const database: PgliteDatabase = {
    kind: "embedded",
    transaction: (scope, fn) => run(scope, fn),
    owner: (fn) => run(null, fn),
    async migrate(): Promise<MigrationLevel> {
      await mutex.run(() => migrate(drizzle(client), { migrationsFolder: MIGRATIONS_DIR }));
      return database.migrationLevel();
    },
    migrationLevel: () => run(null, readMigrationLevel),
    executeSql: (text, values) =>
      mutex.run(async () => {
        if (values?.length) return { rows: (await client.query<Row>(text, values as unknown[])).rows };
        try {
          return { rows: ((await client.exec(text)).at(-1)?.rows ?? []) as Row[] };
        } catch (error) {
          // A script with its own BEGIN that failed halfway would leave the one connection aborted.
          await client.exec("ROLLBACK").catch(() => undefined);
          throw error;
        }
      }),
    close: () => mutex.run(() => client.close()),
    dump: (compression = "none") => mutex.run(() => client.dumpDataDir(compression)),
  };
  return database;
}
