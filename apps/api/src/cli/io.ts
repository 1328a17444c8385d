// What a CLI command talks to: output lines, the database and a progress display. The process
// version writes to stdout/stderr and opens the configured database; tests pass their own.

import type { BackupTarget } from "../backup/backup.ts";
import { loadConfig } from "../config.ts";
import { loadKeyring } from "../crypto/keyring.ts";
import { useKeyringLoader } from "../crypto/vault.ts";
import type { Database } from "../db/database.ts";
import { openDatabase } from "../db/open.ts";
import type { Progress } from "../demo/progress.ts";
import { progressBar } from "./progress-bar.ts";

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** Opens the database; the CLI migrates it first and closes it when the command ends. */
  openDatabase(): Promise<Database>;
  progress(): Progress;
  /** Where the configured database lives: backup and restore open (or replace) it themselves. */
  databaseTarget?(): BackupTarget;
}

/** A mistake of the operator (bad input, unknown slug...): printed as one line, exit code 1. */
export class CliError extends Error {}

export function processIo(env: NodeJS.ProcessEnv = process.env): CliIo {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    openDatabase: async () => {
      const config = loadConfig(env);
      const db = await openDatabase(config);
      // Keys are read when a command first touches a sealed column: most commands never do.
      useKeyringLoader(() => loadKeyring(config));
      return db;
    },
    progress: () => progressBar(),
    databaseTarget: () => loadConfig(env),
  };
}

/** One line for any error: never a stack trace (connection errors can be AggregateErrors without a message). */
export function messageOf(error: unknown): string {
  if (error instanceof AggregateError && !error.message) return messageOf(error.errors[0]);
  if (error instanceof Error) {
    // Query wrappers (drizzle's "Failed query: ...") carry the database's own reason as the cause.
    if (error.cause instanceof Error) return messageOf(error.cause);
    const code = (error as { code?: unknown }).code;
    return (error.message || (typeof code === "string" ? code : "") || error.name).split("\n")[0]!;
  }
  return String(error);
}
