// Starts the background jobs of a server process (main.ts): the job runner and the retention job
// on its schedule. The CLI runs the same jobs directly and needs none of this.
import type { FastifyBaseLogger } from "fastify";
import type { Clock } from "../clock.ts";
import type { Config } from "../config.ts";
import type { Database } from "../db/database.ts";
import { registerRetentionJob } from "../modules/retention/retention.job.ts";
import { createBoss } from "./boss.ts";

export interface Jobs {
  stop(): Promise<void>;
}

export async function startJobs(deps: {
  db: Database;
  clock: Clock;
  config: Config;
  log: FastifyBaseLogger;
}): Promise<Jobs> {
  const boss = createBoss(deps.db);
  await boss.start();
  await registerRetentionJob(boss, deps.db, deps.clock, {
    cron: deps.config.retentionSchedule,
    onDone: (counts) => deps.log.info({ retention: counts }, "retention job done"),
  });
  return { stop: () => boss.stop({ graceful: true, wait: true, timeout: 30_000 }) };
}
