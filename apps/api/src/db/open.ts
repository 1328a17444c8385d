// Opens the configured database: PostgreSQL when a URL is given, otherwise embedded PGlite.
import { mkdirSync } from "node:fs";
import type { Database } from "./database.ts";
import { openPglite } from "./pglite.ts";
import { openPostgres } from "./postgres.ts";

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  /** Folder for PGlite; "memory://" keeps it in memory (tests). */
  dataDir: string;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  if (!options.dataDir.startsWith("memory://")) mkdirSync(options.dataDir, { recursive: true });
  return openPglite(options.dataDir);
}
