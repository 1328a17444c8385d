// Builds the web app when its build is missing or older than its sources, so `npm start` and
// `npm test` work on a fresh clone without a separate build step. Plain Node: it runs before tsx.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const web = join(root, "apps/web");
const builtIndex = join(web, "dist/index.html");
const SOURCES = [
  join(web, "src"),
  join(web, "public"),
  join(web, "index.html"),
  join(web, "vite.config.ts"),
  join(web, "package.json"),
  join(root, "packages/contracts/src"),
  join(root, "packages/domain/src"),
];

/** The newest modification time of a file, or of any file under a folder (0 when missing). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === "node_modules") continue;
    latest = Math.max(latest, newest(join(path, entry.name)));
  }
  return latest;
}

if (!existsSync(join(web, "vite.config.ts"))) {
  console.warn("ensure-web-build: apps/web has no vite.config.ts yet; skipping the web build (API only).");
  process.exit(0);
}

const builtAt = existsSync(builtIndex) ? statSync(builtIndex).mtimeMs : 0;
const sourcesAt = Math.max(...SOURCES.map(newest));
if (builtAt && builtAt >= sourcesAt) process.exit(0);

console.log(
  builtAt ? "ensure-web-build: web sources changed; rebuilding apps/web" : "ensure-web-build: building apps/web",
);
const result = spawnSync("npm", ["run", "build", "-w", "apps/web"], { cwd: root, stdio: "inherit" });
if (result.error) {
  console.error(`ensure-web-build: could not run npm: ${result.error.message}`);
  process.exit(1);
}
process.exit(result.status ?? 1);
