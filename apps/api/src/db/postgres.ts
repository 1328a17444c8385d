// PostgreSQL through a pg pool. The same migrations and queries as the embedded engine.
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { type Database, enterScope, type MigrationLevel, type Tx, type TxScope } from "./database.ts";
import { readMigrationLevel } from "./level.ts";
import { MIGRATIONS_DIR } from "./migrations-dir.ts";

pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));
pg.types.setTypeParser(1082, (v) => v);

export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on("error", () => undefined); // idle-client errors surface on the next query instead

  const run = async <T>(scope: TxScope | null, fn: (tx: Tx) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    const tx: Tx = {
      async query(text, params) {
        const result = await client.query(text, params as unknown[]);
        return result.rows as never;
      },
    };
    try {
      await client.query("BEGIN");
      if (scope) await enterScope(tx, scope);
      const value = await fn(tx);
      await client.query("COMMIT");
      return value;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };

  const database: Database = {
    kind: "postgres",
    transaction: (scope, fn) => run(scope, fn),
    owner: (fn) => run(null, fn),
    async migrate(): Promise<MigrationLevel> {
      await migrate(drizzle(pool), { migrationsFolder: MIGRATIONS_DIR });
      return database.migrationLevel();
    },
    migrationLevel: () => run(null, readMigrationLevel),
    close: () => pool.end(),
  };
  return database;
}
