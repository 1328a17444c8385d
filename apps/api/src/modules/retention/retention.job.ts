// The retention job on the job runner: one queue that runs one job at a time across every server
// process, a nightly schedule (RETENTION_SCHEDULE, Brussels time), and the worker that runs it.
import type PgBoss from "pg-boss";
import type { Clock } from "../../clock.ts";
import type { Database } from "../../db/database.ts";
import { runRetention } from "./retention-run.ts";

export const RETENTION_QUEUE = "retention";

export interface RetentionJobOptions {
  /** A cron expression, or null for no schedule (the job then runs only when sent). */
  cron: string | null;
  pollingIntervalSeconds?: number;
  /** Called after each run with the rows changed per category, summed over organisations: no personal data. */
  onDone?: (counts: Record<string, number>) => void;
}

export async function registerRetentionJob(
  boss: PgBoss,
  db: Database,
  clock: Clock,
  options: RetentionJobOptions,
): Promise<void> {
  await boss.createQueue(RETENTION_QUEUE, {
    name: RETENTION_QUEUE,
    policy: "singleton",
    retryLimit: 1,
    retryDelay: 15 * 60,
    expireInSeconds: 6 * 60 * 60,
  });
  await boss.work(
    RETENTION_QUEUE,
    { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 60, batchSize: 1 },
    async () => {
      const reports = await runRetention(db, clock, { dryRun: false, trigger: "schedule" });
      const counts: Record<string, number> = {};
      for (const r of reports) for (const c of r.categories) counts[c.category] = (counts[c.category] ?? 0) + c.applied;
      options.onDone?.(counts);
    },
  );
  if (options.cron) await boss.schedule(RETENTION_QUEUE, options.cron, {}, { tz: "Europe/Brussels" });
  else await boss.unschedule(RETENTION_QUEUE);
}
