// audit verify: walks every organisation's hash chain; exits non-zero when a row was edited or deleted.
import type { Database } from "../../db/database.ts";
import { verifyAuditChain } from "../../modules/audit/verify.ts";
import { CliError, type CliIo } from "../io.ts";

export async function auditVerify(db: Database, io: CliIo): Promise<void> {
  const total = await db.owner(
    async (tx) => (await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events`))[0]!.n,
  );
  const progress = io.progress();
  progress.begin(total);
  progress.step("audit chain");
  let seen = 0;
  const result = await verifyAuditChain(db, (rows) => {
    progress.advance(rows - seen);
    seen = rows;
  });
  progress.end();
  for (const b of result.breaks) {
    io.err(
      `organisation ${b.orgId}: audit row ${b.seq} ${b.problem === "edited" ? "was changed after it was written" : "does not follow the previous row (a row was deleted or inserted)"}`,
    );
  }
  if (result.breaks.length)
    throw new CliError(`audit chain broken in ${result.breaks.length} place(s); ${result.rows} rows checked`);
  io.out(`Audit chain intact: ${result.rows} rows in ${result.organisations} organisation(s).`);
}
