// Starts the real server (`tsx apps/api/src/main.ts`) on a free loopback port with a fresh database:
// a new PGlite folder, or a new database next to BENCH_DATABASE_URL. stop() ends exactly the
// process group it started and removes the database.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { newKeySpec, newSearchKey } from "../../src/crypto/keyring.ts";

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const TSX = join(ROOT, "node_modules/tsx/dist/cli.mjs");
const MAIN = join(ROOT, "apps/api/src/main.ts");

export interface FreshDatabase {
  env: Record<string, string>;
  drop(): Promise<void>;
}

export async function freshDatabase(): Promise<FreshDatabase> {
  const base = process.env.BENCH_DATABASE_URL;
  if (!base) {
    const dir = mkdtempSync(join(tmpdir(), "vp-bench-"));
    return { env: { VINDPLAATS_DATA_DIR: dir }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `vp_bench_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    // PostgreSQL needs configured keys for the sealed columns; a fresh database gets fresh ones.
    env: { DATABASE_URL: url.toString(), VINDPLAATS_KEYS: newKeySpec("bench"), VINDPLAATS_SEARCH_KEY: newSearchKey() },
    async drop() {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

export interface RunningServer {
  url: string;
  /** Milliseconds from spawn to the first 200 from /api/health. */
  healthyAfterMs: number;
  stop(): Promise<void>;
}

export interface StartOptions {
  env?: Record<string, string>;
  /** Give up after this long (default 120 s). */
  timeoutMs?: number;
}

function endGroup(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {}
    }, 10_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      resolve();
    }
  });
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const database = await freshDatabase();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const stderr: string[] = [];
  const startedAt = performance.now();
  const child = spawn(process.execPath, [TSX, MAIN], {
    cwd: ROOT,
    // Its own process group, so stop() reaches tsx's child process too, and nothing else.
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
    env: {
      ...process.env,
      HOST: "127.0.0.1",
      PORT: String(port),
      VINDPLAATS_DEMO: "never",
      LOG_LEVEL: "warn",
      ...database.env,
      ...options.env,
    },
  });
  child.stderr!.on("data", (chunk: Buffer) => stderr.push(chunk.toString()));
  const stop = async () => {
    await endGroup(child);
    await database.drop();
  };

  const deadline = startedAt + (options.timeoutMs ?? 120_000);
  while (performance.now() < deadline) {
    if (child.exitCode !== null) {
      await database.drop();
      throw new Error(`server exited with ${child.exitCode}: ${stderr.join("").slice(-2000)}`);
    }
    const ok = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(1000) })
      .then((r) => r.status === 200)
      .catch(() => false);
    if (ok) return { url, healthyAfterMs: Math.round(performance.now() - startedAt), stop };
    await new Promise((r) => setTimeout(r, 20));
  }
  await stop();
  throw new Error(`server not healthy within ${options.timeoutMs ?? 120_000} ms`);
}
