// backup <file> and restore <file>: the configured database (PGlite folder or PostgreSQL) to one
// file and back, with a progress bar and the row counts of every table at the end.
import { type BackupTarget, backupDatabase, restoreDatabase } from "../../backup/backup.ts";
import { totalRows } from "../../backup/backup-common.ts";
import { CliError, type CliIo } from "../io.ts";

const target = (io: CliIo): BackupTarget => {
  if (!io.databaseTarget) throw new CliError("this command needs the database configuration");
  return io.databaseTarget();
};

const summary = (counts: Record<string, number>) => `${Object.keys(counts).length} tables, ${totalRows(counts)} rows`;

export async function backup(file: string, options: { force?: boolean }, io: CliIo): Promise<void> {
  const progress = io.progress();
  try {
    const result = await backupDatabase(target(io), file, progress, { force: !!options.force });
    progress.end();
    const engine = result.kind === "postgres" ? "pg_dump custom format" : "PGlite data folder, gzip";
    io.out(`Backup written to ${file} (${engine}, ${result.bytes} bytes): ${summary(result.counts)}.`);
    io.out("It holds personal data: keep it encrypted and with the same care as the database.");
  } catch (error) {
    progress.end();
    throw error;
  }
}

export async function restore(file: string, options: { force?: boolean }, io: CliIo): Promise<void> {
  const progress = io.progress();
  try {
    const result = await restoreDatabase(target(io), file, progress, { force: !!options.force, now: new Date() });
    progress.end();
    if (result.keptAt)
      io.out(`The data that was there is kept at ${result.keptAt}; remove it once the restore is checked.`);
    io.out(`Restored ${file}: ${summary(result.counts)}. Run "vindplaats audit verify" to check the audit chain.`);
  } catch (error) {
    progress.end();
    throw error;
  }
}
