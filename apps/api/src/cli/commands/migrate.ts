// migrate: apply the shipped migrations and report the level (start-up does the same).
import type { Database } from "../../db/database.ts";
import type { CliIo } from "../io.ts";

export async function migrate(db: Database, io: CliIo): Promise<void> {
  const level = await db.migrate();
  io.out(`Database (${db.kind}) at migration level ${level.applied}${level.latest ? ` (${level.latest})` : ""}.`);
}
