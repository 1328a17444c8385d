// Builds the real app on a throwaway database and signs users in through the API.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import type { DestinationStream } from "pino";
import { buildApp } from "../src/app.ts";
import { FakeClock } from "../src/clock.ts";
import { type Config, testConfig } from "../src/config.ts";
import type { Database } from "../src/db/database.ts";
import { TEST_PASSWORD } from "./factories.ts";
import { createTestDb } from "./test-db.ts";

export interface Harness {
  app: FastifyInstance;
  db: Database;
  clock: FakeClock;
  close(): Promise<void>;
}

export async function createHarness(
  config: Partial<Config> = {},
  options: { loggerStream?: DestinationStream } = {},
): Promise<Harness> {
  const { db, drop } = await createTestDb();
  const clock = new FakeClock(new Date());
  const app = await buildApp({ config: testConfig(config), db, clock, ...options });
  await app.ready();
  return {
    app,
    db,
    clock,
    async close() {
      await app.close();
      await drop();
    },
  };
}

export interface Session {
  cookie: string;
  csrf: string;
  /** inject() with this session's cookie and CSRF header. */
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
}

/** Signs in through the API; `via` adds inject options such as a remoteAddress or proxy headers. */
export async function signIn(
  app: FastifyInstance,
  email: string,
  password = TEST_PASSWORD,
  via: Pick<InjectOptions, "remoteAddress" | "headers"> = {},
): Promise<Session> {
  const res = await app.inject({ ...via, method: "POST", url: "/api/v1/auth/sign-in", payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed for ${email}: ${res.statusCode} ${res.body}`);
  const set = res.cookies.find((c) => c.name === "vp_session" || c.name === "__Host-vp_session");
  if (!set) throw new Error("no session cookie");
  const cookie = `${set.name}=${set.value}`;
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  return {
    cookie,
    csrf,
    request: (opts) =>
      app.inject({
        ...via,
        ...opts,
        headers: { ...(via.headers ?? {}), cookie, "x-csrf-token": csrf, ...(opts.headers ?? {}) },
      } as InjectOptions),
  };
}

/** Row counts of every table, read as the owner (no row-level security): proof that nothing was written. */
export async function rowCounts(db: Database): Promise<Record<string, number>> {
  return db.owner(async (tx) => {
    const tables = await tx.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables) {
      counts[name] = (await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${name}"`))[0]!.n;
    }
    return counts;
  });
}

/** Audit rows of one entity, oldest first, read as the owner. */
export function auditRows(db: Database, entityId: string) {
  return db.owner((tx) =>
    tx.query<{ action: string; actor_user_id: string | null; org_id: string; details: Record<string, unknown> }>(
      `SELECT action, actor_user_id, org_id, details FROM audit_events WHERE entity_id = $1 ORDER BY seq`,
      [entityId],
    ),
  );
}
