// Backup and restore of the embedded database: PGlite's own tarball of its data folder (gzip). The
// server must be stopped: PGlite is one process's database, and the CLI opens the folder itself.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { openPglite } from "../db/pglite.ts";
import type { Progress } from "../demo/progress.ts";
import { type BackupResult, countRows, holdsData, RestoreRefused, stamp } from "./backup-common.ts";

const isEmptyFolder = (dir: string) => !existsSync(dir) || readdirSync(dir).length === 0;

export async function backupPglite(dataDir: string, file: string, progress: Progress): Promise<BackupResult> {
  if (isEmptyFolder(dataDir)) throw new RestoreRefused(`there is no database in ${dataDir} to back up`);
  const db = await openPglite(dataDir);
  try {
    const counts = await countRows(db, progress);
    progress.step("writing the backup");
    const tarball = await db.dump("gzip");
    writeFileSync(file, Buffer.from(await tarball.arrayBuffer()), { mode: 0o600 });
    return { counts, bytes: tarball.size };
  } finally {
    await db.close();
  }
}

export async function restorePglite(
  dataDir: string,
  file: string,
  progress: Progress,
  options: { force: boolean; now: Date },
): Promise<BackupResult & { keptAt: string | null }> {
  const tarball = readFileSync(file);
  let keptAt: string | null = null;
  if (!isEmptyFolder(dataDir)) {
    const current = await openPglite(dataDir);
    const hasData = await current.owner(holdsData);
    await current.close();
    if (hasData && !options.force) {
      throw new RestoreRefused(
        `${dataDir} already holds a database with data; restore does not overwrite it. ` +
          "Stop the server and add --force to replace it (the current folder is kept beside it).",
      );
    }
    if (hasData) {
      keptAt = `${dataDir}.before-restore-${stamp(options.now)}`;
      renameSync(dataDir, keptAt);
    } else {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  progress.step("loading the backup");
  mkdirSync(dataDir, { recursive: true });
  const db = await openPglite(dataDir, { loadDataDir: new Blob([tarball]) });
  try {
    progress.step("applying newer migrations");
    await db.migrate();
    const counts = await countRows(db, progress);
    return { counts, bytes: tarball.length, keptAt };
  } finally {
    await db.close();
  }
}
