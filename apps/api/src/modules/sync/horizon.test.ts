// The change feed's horizon (sync_horizon): writers of an organisation's changes do not wait for each
// other, and a pull never reads past a change that is still being committed, so no cursor skips it.
import { uuidv7 } from "@vindplaats/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg } from "../../../test/factories.ts";
import { createTestDb, onPostgres } from "../../../test/test-db.ts";
import { systemClock } from "../../clock.ts";
import type { Database, Tx } from "../../db/database.ts";
import type { Ctx } from "../../http/context.ts";
import { recordChange } from "./changes.ts";
import { horizon } from "./pull.repo.ts";

let db: Database;
let drop: () => Promise<void>;
let orgId: string;
let teamId: string;

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  const org = await seedOrg(db, "horizon");
  orgId = org.orgId;
  teamId = org.teamA;
});
afterAll(() => drop?.());

const ctxOf = (tx: Tx) => ({ actor: { orgId }, tx, clock: systemClock }) as unknown as Ctx;
const inOrg = <T>(fn: (tx: Tx) => Promise<T>) => db.transaction({ orgId, userId: null, teamIds: [teamId] }, fn);
const record = (tx: Tx) => recordChange(ctxOf(tx), { entityType: "person", entityId: uuidv7(), op: "upsert", teamId });
const maxSeq = (tx: Tx) =>
  tx.query<{ s: number }>(`SELECT coalesce(max(seq), 0)::bigint AS s FROM sync_changes`).then((r) => r[0]!.s);

/** A transaction that records one change and stays open until `release` is called. */
function openWriter() {
  let release!: () => void;
  let recorded!: (seq: number) => void;
  let failed!: (error: unknown) => void;
  const seq = new Promise<number>((resolve, reject) => {
    recorded = resolve;
    failed = reject;
  });
  const done = inOrg(async (tx) => {
    await record(tx);
    recorded(await maxSeq(tx));
    await new Promise<void>((resolve) => {
      release = resolve;
    });
  }).catch((error: unknown) => failed(error));
  return { seq, done, release: () => release() };
}

describe("sync horizon", () => {
  it("is the highest committed seq when no writer is in flight", async () => {
    await inOrg(record);
    const [h, max] = await inOrg(async (tx) => [await horizon(tx, orgId), await maxSeq(tx)]);
    expect(h).toBe(max);
  });

  it.skipIf(!onPostgres())("lets writers overlap, and waits for the ones in flight", async () => {
    const first = openWriter();
    const second = openWriter(); // would never record if writers still excluded each other
    const [a, b] = await Promise.all([first.seq, second.seq]);
    let read: number | null = null;
    const pull = inOrg((tx) => horizon(tx, orgId)).then((h) => {
      read = h;
    });
    // The pull waits on the writers' lock: wait until PostgreSQL shows it waiting, then commit them.
    for (;;) {
      const [w] = await db.owner((tx) =>
        tx.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database
            WHERE l.locktype = 'advisory' AND NOT l.granted AND d.datname = current_database()`,
        ),
      );
      if (w!.n > 0) break;
    }
    expect(read).toBeNull();
    first.release();
    second.release();
    await Promise.all([first.done, second.done, pull]);
    expect(read).toBeGreaterThanOrEqual(Math.max(a, b));
  });
});
