// What a CLI command talks to: output lines, the database and a progress display. The process
// version writes to stdout/stderr and opens the configured database; tests pass their own.

import { loadConfig } from "../config.ts";
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
}

/** A mistake of the operator (bad input, unknown slug...): printed as one line, exit code 1. */
export class CliError extends Error {}

export function processIo(env: NodeJS.ProcessEnv = process.env): CliIo {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    openDatabase: () => openDatabase(loadConfig(env)),
    progress: () => progressBar(),
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
