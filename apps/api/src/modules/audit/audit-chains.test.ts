// The organisation's audit trail as parallel hash chains (audit_append): concurrent writers each hold
// a chain until commit, every chain verifies, and tampering in any chain is reported with its chain.
import { createHash } from "node:crypto";
import { uuidv7 } from "@vindplaats/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg } from "../../../test/factories.ts";
import { createTestDb, onPostgres } from "../../../test/test-db.ts";
import type { Database } from "../../db/database.ts";
import { insertAudit } from "./audit.repo.ts";
import { canonical, chainHash, chainPrefix } from "./chain.ts";
import { verifyAuditChain } from "./verify.ts";

let db: Database;
let drop: () => Promise<void>;
let orgId: string;

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  orgId = (await seedOrg(db, "chains")).orgId;
});
afterAll(() => drop?.());

/** Writers that overlap: each holds its transaction open until all have written (n below the pool size). */
async function overlappingWriters(n: number) {
  let release!: () => void;
  const allWritten = new Promise<void>((resolve) => {
    release = resolve;
  });
  let written = 0;
  const writers = Array.from({ length: n }, (_, i) =>
    db.transaction({ orgId, userId: null }, async (tx) => {
      await insertAudit(
        tx,
        { orgId, actorUserId: null, at: new Date() },
        {
          action: "persons.searched",
          entityType: "person",
          entityId: null,
          details: { results: i, fragmentLength: 3 },
        },
      );
      if (++written === n) release();
      // On PGlite transactions run one at a time, so a writer cannot wait for the others there.
      if (onPostgres()) await allWritten;
    }),
  );
  await Promise.all(writers);
}

describe("audit chains", () => {
  it("computes the same hash from the prefix the database completes as from the whole row", () => {
    const row = {
      id: uuidv7(),
      orgId: uuidv7(),
      at: new Date(),
      actorUserId: null,
      action: "contact.created",
      entityType: "contact",
      entityId: uuidv7(),
      details: { mode: "standard", note: 'é "q"', persons: 1 },
    };
    for (const prevHash of [null, "ab12"]) {
      const whole = createHash("sha256")
        .update(canonical({ ...row, at: row.at.toISOString(), prevHash }))
        .digest("hex");
      expect(chainHash({ ...row, prevHash })).toBe(whole);
      expect(`${chainPrefix(row)},"prevHash":${JSON.stringify(prevHash)}}`).toBe(
        canonical({ ...row, at: row.at.toISOString(), prevHash }),
      );
    }
  });

  it("gives concurrent writers their own chains, and every chain verifies", async () => {
    await overlappingWriters(4);
    const chains = await db.owner((tx) =>
      tx.query<{ chain: number; n: number }>(
        `SELECT chain, count(*)::int AS n FROM audit_events WHERE org_id = $1 GROUP BY chain ORDER BY chain`,
        [orgId],
      ),
    );
    // A quiet organisation (or the one-connection embedded engine) keeps to chain 0.
    if (onPostgres()) expect(chains.length).toBeGreaterThan(1);
    else expect(chains.map((c) => c.chain)).toEqual([0]);
    const result = await verifyAuditChain(db);
    expect(result.breaks).toEqual([]);
    expect(result.rows).toBeGreaterThanOrEqual(4);
  });

  it("reports an edited row and a deleted one with their chain", async () => {
    await overlappingWriters(3);
    await overlappingWriters(3);
    const [last] = await db.owner((tx) =>
      tx.query<{ chain: number }>(
        `SELECT chain FROM audit_events WHERE org_id = $1 GROUP BY chain ORDER BY count(*) DESC LIMIT 1`,
        [orgId],
      ),
    );
    const rows = await db.owner((tx) =>
      tx.query<{ seq: number }>(`SELECT seq FROM audit_events WHERE org_id = $1 AND chain = $2 ORDER BY seq`, [
        orgId,
        last!.chain,
      ]),
    );
    const [edited, deleted, after] = [rows[0]!.seq, rows[1]!.seq, rows[2]!.seq];
    await db.owner((tx) => tx.query(`UPDATE audit_events SET details = '{"results":99}' WHERE seq = $1`, [edited]));
    await db.owner((tx) => tx.query(`DELETE FROM audit_events WHERE seq = $1`, [deleted]));
    const result = await verifyAuditChain(db);
    expect(result.breaks).toContainEqual({ orgId, chain: last!.chain, seq: edited, problem: "edited" });
    expect(result.breaks).toContainEqual({ orgId, chain: last!.chain, seq: after, problem: "link_broken" });
  });
});
