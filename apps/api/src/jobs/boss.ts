// The background job runner: pg-boss 10 on the application's own database, PGlite or PostgreSQL,
// through pg-boss's `db` adapter. Every statement goes through Database.executeSql, so on the
// embedded database the job runner queues on the same single connection as requests do.
import PgBoss from "pg-boss";
import type { Database } from "../db/database.ts";

export interface BossOptions {
  /** pg-boss's own schema; tests use a fresh one. */
  schema?: string;
  /** Keep cron schedules (off for a runner that only works jobs sent to it). */
  schedule?: boolean;
}

export function createBoss(db: Database, options: BossOptions = {}): PgBoss {
  const boss = new PgBoss({
    db: { executeSql: (text, values) => db.executeSql(text, values) },
    schema: options.schema ?? "pgboss",
    schedule: options.schedule ?? true,
    // Few, long jobs: housekeeping every ten minutes is plenty and keeps the embedded database free.
    maintenanceIntervalSeconds: 600,
  });
  // Errors of background housekeeping surface on the next job; the job itself reports its own.
  boss.on("error", () => undefined);
  return boss;
}
