// The retention job through the job runner (pg-boss 10 over the app's own database): on PGlite
// through the executeSql adapter and on PostgreSQL alike, scheduled nightly and run when sent.
import { randomBytes } from "node:crypto";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg } from "../../../test/factories.ts";
import { createTestDb, type TestDb } from "../../../test/test-db.ts";
import { FakeClock } from "../../clock.ts";
import { createBoss } from "../../jobs/boss.ts";
import { RETENTION_QUEUE, registerRetentionJob } from "./retention.job.ts";

let t: TestDb;
let boss: PgBoss;
let orgId: string;
const clock = new FakeClock("2030-06-01T03:30:00Z");
const done: Record<string, number>[] = [];

beforeAll(async () => {
  t = await createTestDb();
  const org = await seedOrg(t.db);
  orgId = org.orgId;
  await t.db.owner((tx) =>
    tx.query(
      `INSERT INTO sessions (id_hash, org_id, user_id, csrf_token, created_at, last_seen_at, expires_at)
       VALUES ('job-test', $1, $2, 'x', '2029-01-01Z', '2029-01-01Z', '2029-01-02Z')`,
      [orgId, org.users.workerA],
    ),
  );
  boss = createBoss(t.db, { schema: `pgboss_${randomBytes(4).toString("hex")}` });
  await boss.start();
  await registerRetentionJob(boss, t.db, clock, {
    cron: "30 3 * * *",
    pollingIntervalSeconds: 0.5,
    onDone: (counts) => done.push(counts),
  });
});
afterAll(async () => {
  await boss.stop({ graceful: true, wait: true, timeout: 5000 });
  await t.drop();
});

describe("the retention job on the job runner", () => {
  it("is scheduled nightly in Brussels time", async () => {
    const schedules = await boss.getSchedules();
    expect(schedules).toMatchObject([
      { name: RETENTION_QUEUE, cron: "30 3 * * *", options: { tz: "Europe/Brussels" } },
    ]);
  });

  it("runs when sent, on the app's clock, and records the run", async () => {
    const jobId = await boss.send(RETENTION_QUEUE, {});
    expect(jobId).toBeTruthy();
    // Wait for the worker (the test's own timeout is the limit).
    for (;;) {
      const job = await boss.getJobById(RETENTION_QUEUE, jobId!);
      if (job?.state === "completed" || job?.state === "failed") {
        expect(job.state).toBe("completed");
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(done).toEqual([expect.objectContaining({ sessions: 1, inactive_persons: 0 })]);
    const runs = await t.db.owner((tx) =>
      tx.query<{ trigger: string; started_at: Date }>(
        `SELECT trigger, started_at FROM retention_runs WHERE org_id = $1`,
        [orgId],
      ),
    );
    expect(runs).toEqual([{ trigger: "schedule", started_at: clock.now() }]);
  });
});
