// `vindplaats backup` and `restore` for both engines: PGlite's data folder as a tarball, PostgreSQL
// through pg_dump and pg_restore. Restore refuses a target that holds data unless forced, and
// refuses a backup of the other engine.
import { existsSync, mkdirSync } from "node:fs";
import type { DatabaseOptions } from "../db/open.ts";
import type { Progress } from "../demo/progress.ts";
import { type BackupResult, backupKind, RestoreRefused } from "./backup-common.ts";
import { backupPglite, restorePglite } from "./pglite-backup.ts";
import { backupPostgres, restorePostgres } from "./postgres-backup.ts";

export type BackupTarget = Pick<DatabaseOptions, "databaseUrl" | "dataDir">;

const ENGINE = { postgres: "PostgreSQL (DATABASE_URL)", embedded: "the embedded database (VINDPLAATS_DATA_DIR)" };

export async function backupDatabase(
  target: BackupTarget,
  file: string,
  progress: Progress,
  options: { force: boolean },
): Promise<BackupResult & { kind: keyof typeof ENGINE }> {
  if (existsSync(file) && !options.force) {
    throw new RestoreRefused(`${file} already exists; choose another name or add --force to overwrite it`);
  }
  if (target.databaseUrl) return { kind: "postgres", ...(await backupPostgres(target.databaseUrl, file, progress)) };
  return { kind: "embedded", ...(await backupPglite(target.dataDir, file, progress)) };
}

export async function restoreDatabase(
  target: BackupTarget,
  file: string,
  progress: Progress,
  options: { force: boolean; now: Date },
): Promise<BackupResult & { keptAt: string | null }> {
  if (!existsSync(file)) throw new RestoreRefused(`${file} does not exist`);
  const kind = backupKind(file);
  const engine = target.databaseUrl ? "postgres" : "embedded";
  if (kind === "unknown") throw new RestoreRefused(`${file} is not a Vindplaats backup`);
  if (kind !== engine) {
    throw new RestoreRefused(`${file} is a backup of ${ENGINE[kind]}; this installation uses ${ENGINE[engine]}`);
  }
  if (target.databaseUrl) return restorePostgres(target.databaseUrl, file, progress, options);
  mkdirSync(target.dataDir, { recursive: true });
  return restorePglite(target.dataDir, file, progress, options);
}
