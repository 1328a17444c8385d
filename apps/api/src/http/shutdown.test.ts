// Graceful shutdown: app.close() lets a write that is already in flight finish and commit.
import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg } from "../../test/factories.ts";
import { createHarness, type Harness, type Session, signIn } from "../../test/harness.ts";
import { buildApp } from "../app.ts";
import { testConfig } from "../config.ts";
import type { Database } from "../db/database.ts";

let h: Harness;
let admin: Session;

beforeAll(async () => {
  h = await createHarness();
  const org = await seedOrg(h.db);
  admin = await signIn(h.app, org.emails.admin);
});
afterAll(() => h.close());

/** A plain HTTP request on its own connection, closed after the answer. */
function post(port: number, path: string, headers: Record<string, string>, body: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest(
      {
        port,
        path,
        method: "POST",
        agent: false,
        headers: { ...headers, connection: "close", "content-type": "application/json" },
      },
      (res) => {
        let text = "";
        res.on("data", (chunk) => {
          text += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

describe("graceful shutdown", () => {
  it("finishes a slow write that started before close()", async () => {
    // Tell us when the request reaches the database, so close() is called while it is in flight.
    let reached!: () => void;
    const inFlight = new Promise<void>((resolve) => {
      reached = resolve;
    });
    const db: Database = {
      ...h.db,
      transaction: (scope, fn) => {
        reached();
        return h.db.transaction(scope, fn);
      },
    };
    const app = await buildApp({ config: testConfig(), db, clock: h.clock });
    await app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = app.server.address() as AddressInfo;

    // Hold the teams table (and on PGlite the only connection) until we let go.
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => {
      locked = resolve;
    });
    const blocker = h.db.owner(async (tx) => {
      await tx.query(`LOCK TABLE teams IN EXCLUSIVE MODE`);
      locked();
      await held;
    });
    await isLocked;

    const write = post(
      port,
      "/api/v1/teams",
      { cookie: admin.cookie, "x-csrf-token": admin.csrf },
      '{"name":"Laatste ploeg","kind":"other"}',
    );
    await inFlight;
    let closed = false;
    const closing = app.close().then(() => {
      closed = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(closed).toBe(false); // close() waits for the request
    release();
    await blocker;

    const res = await write;
    expect(res.status, res.body).toBe(201);
    await closing;
    const stored = await h.db.owner((tx) =>
      tx.query(`SELECT name FROM teams WHERE id = $1`, [JSON.parse(res.body).id]),
    );
    expect(stored).toEqual([{ name: "Laatste ploeg" }]);
  });
});
