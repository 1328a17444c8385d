// PostgreSQL through a pg pool. The same migrations and queries as the embedded engine.
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { type Database, type MigrationLevel, preparedName, scopeSettings, type Tx, type TxScope } from "./database.ts";
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
        const name = preparedName(text);
        const values = params as unknown[] | undefined;
        const result = await (name ? client.query({ name, text, values }) : client.query(text, values));
        return result.rows as never;
      },
    };
    try {
      if (scope) {
        // BEGIN and the scope in one round trip: a simple-protocol script with quoted literals.
        const settings = scopeSettings(scope).map(
          ([name, value]) => `set_config(${client.escapeLiteral(name)}, ${client.escapeLiteral(value)}, true)`,
        );
        await client.query(`BEGIN; SELECT ${settings.join(", ")}`);
      } else {
        await client.query("BEGIN");
      }
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
    async executeSql(text, values) {
      const client = await pool.connect();
      try {
        const result = (await client.query(text, values as unknown[] | undefined)) as pg.QueryResult | pg.QueryResult[];
        return { rows: Array.isArray(result) ? (result.at(-1)?.rows ?? []) : result.rows };
      } catch (error) {
        // A script with its own BEGIN that failed halfway must not go back to the pool aborted.
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
  return database;
}
