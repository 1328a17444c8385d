// The two report queues behave alike: jobs run once each, in the background, and idle() waits for
// them. pg-boss needs PostgreSQL: that half runs in the api-postgres project only, in its own schema.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { onPostgres } from "../../../test/test-db.ts";
import { InProcessQueue, PgBossQueue, type ReportQueue } from "./report-queue.ts";

async function exercise(make: (run: (id: string) => Promise<void>) => ReportQueue) {
  const ran: string[] = [];
  const queue = make(async (id) => {
    await new Promise((r) => setTimeout(r, 20));
    if (id === "boom") throw new Error("a failing job does not stop the queue");
    ran.push(id);
  });
  await queue.start();
  for (const id of ["a", "boom", "b", "c"]) await queue.enqueue(id);
  await queue.idle();
  await queue.stop();
  return ran;
}

describe("the in-process queue", () => {
  it("runs every job once, in order, past a failing one, and resumes unfinished jobs at start", async () => {
    expect(await exercise((run) => new InProcessQueue(run))).toEqual(["a", "b", "c"]);
    const resumed: string[] = [];
    const queue = new InProcessQueue(
      async (id) => void resumed.push(id),
      async () => ["left-over"],
    );
    await queue.start();
    await queue.idle();
    expect(resumed).toEqual(["left-over"]);
  });
});

describe.runIf(onPostgres())("the pg-boss queue (PostgreSQL)", () => {
  it("runs every job once through pg-boss 10", async () => {
    const url = process.env.TEST_DATABASE_URL!;
    const schema = `pgboss_test_${randomBytes(4).toString("hex")}`;
    try {
      const ran = await exercise((run) => new PgBossQueue({ connectionString: url, schema }, run));
      expect(ran.sort()).toEqual(["a", "b", "c"]);
    } finally {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    }
  });
});
