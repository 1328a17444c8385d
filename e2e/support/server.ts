// Starts the real Vindplaats server for browser tests: a child process on a free port with a fresh
// data directory and the demo organisation, stopped with SIGTERM like production would be.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
export const WEB_DIST = join(ROOT, "apps/web/dist");

export interface RunningServer {
  baseUrl: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** The browser tests run against the built web app; `npm test` builds it first (scripts/ensure-web-build.mjs). */
export function assertWebBuild(): void {
  if (!existsSync(join(WEB_DIST, "index.html"))) {
    throw new Error("apps/web/dist is missing: run `npm run build -w apps/web` (or `npm test`, which builds it).");
  }
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.unref();
    probe.on("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? done(address.port) : fail(new Error("no port"))));
    });
  });
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not become healthy within ${timeoutMs} ms:\n${output()}`);
}

/** Fails fast, with a reason, when the server does not hand out the built app and its assets. */
async function assertServesWebApp(baseUrl: string): Promise<void> {
  const publicly = "the server must serve the web app (index.html, /assets/*) without a session";
  const index = await fetch(`${baseUrl}/`);
  if (!index.ok) throw new Error(`GET / answered ${index.status}: ${publicly}.`);
  const script = /src="(\/assets\/[^"]+\.js)"/.exec(await index.text())?.[1];
  if (!script) throw new Error("GET / did not return the web app's index.html.");
  const asset = await fetch(`${baseUrl}${script}`);
  if (!asset.ok) throw new Error(`GET ${script} answered ${asset.status}: ${publicly}.`);
}

export async function startServer(
  timeoutMs = 90_000,
  options: {
    /** Extra environment; `{port}` in a value becomes the server's port (e.g. PUBLIC_URL). */
    env?: Record<string, string>;
    /** The host the browser uses: "localhost" for WebAuthn, whose relying party must be a domain. */
    host?: "127.0.0.1" | "localhost";
  } = {},
): Promise<RunningServer> {
  assertWebBuild();
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), "vindplaats-e2e-"));
  const baseUrl = `http://${options.host ?? "127.0.0.1"}:${port}`;
  const extraEnv = Object.fromEntries(
    Object.entries(options.env ?? {}).map(([k, v]) => [k, v.replaceAll("{port}", String(port))]),
  );
  const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "apps/api/src/main.ts")], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      VINDPLAATS_DATA_DIR: dataDir,
      VINDPLAATS_DEMO: "always",
      LOG_LEVEL: "warn",
      VINDPLAATS_WEB_DIST: WEB_DIST,
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-8000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  try {
    const loopback = `http://127.0.0.1:${port}`;
    await waitForHealth(loopback, child, () => log, timeoutMs);
    await assertServesWebApp(loopback);
  } catch (error) {
    child.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    baseUrl,
    dataDir,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
