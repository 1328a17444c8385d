// What a phone downloads before the registration screen is usable, read from the built web app
// (apps/web/dist, rebuilt first when its sources changed): the entry script with every chunk it
// imports statically (the modulepreload list), the registration route's chunk with its static
// imports, and registerSW.js; each file gzipped on its own (-9), as it goes over the wire. The offline
// layer (Dexie, the vault, the sync engine) is fetched right after the first screen and reported apart.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const DIST = join(ROOT, "apps/web/dist");

export interface FirstLoad {
  gzipBytes: number;
  files: number;
  /** The largest files, gzipped. */
  largest: { file: string; gzipBytes: number }[];
  /** The offline layer's chunks (loaded after the first screen), gzipped. */
  offlineGzipBytes: number;
}

function staticClosure(roots: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !existsSync(join(DIST, file))) return;
    seen.add(file);
    const code = readFileSync(join(DIST, file), "utf8");
    // Static imports only (`import"./x.js"`, `from"./x.js"`); `import("./x.js")` is loaded on demand.
    for (const m of code.matchAll(/(?:\bimport|\bfrom)\s*"\.\/([^"]+\.js)"/g)) visit(`assets/${m[1]}`);
  };
  for (const r of roots) visit(r);
  return seen;
}

const gz = (file: string) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;

export function measureFirstLoad(route = "register-page"): FirstLoad {
  const built = spawnSync(process.execPath, [join(ROOT, "scripts/ensure-web-build.mjs")], { stdio: "ignore" });
  if (built.status !== 0) throw new Error("the web app did not build");
  const html = readFileSync(join(DIST, "index.html"), "utf8");
  const entry = /<script type="module"[^>]*src="\/([^"]+)"/.exec(html)?.[1];
  const assets = readdirSync(join(DIST, "assets"));
  const chunk = (prefix: string) => assets.find((f) => f.startsWith(`${prefix}-`) && f.endsWith(".js"));
  const screen = chunk(route);
  if (!entry || !screen) throw new Error(`no entry script or no ${route} chunk in apps/web/dist`);
  const first = staticClosure([entry, `assets/${screen}`, "registerSW.js"]);
  const sizes = [...first].map((file) => ({ file, gzipBytes: gz(file) })).sort((a, b) => b.gzipBytes - a.gzipBytes);
  const offline = ["offline", "outbox-writes", "local-reads"]
    .map(chunk)
    .filter((f): f is string => !!f)
    .map((f) => `assets/${f}`);
  const later = [...staticClosure(offline)].filter((f) => !first.has(f));
  return {
    gzipBytes: sizes.reduce((n, s) => n + s.gzipBytes, 0),
    files: sizes.length,
    largest: sizes.slice(0, 5),
    offlineGzipBytes: later.reduce((n, f) => n + gz(f), 0),
  };
}
