// keys generate | status | reencrypt: the operator's side of encryption at rest. Rotation is: put a
// new key first in VINDPLAATS_KEYS (old ones after it), restart, run `keys reencrypt`, and drop the
// old key once `keys status` shows nothing under it.
import { newKeySpec, newSearchKey } from "../../crypto/keyring.ts";
import { keyStatus, reencryptAll } from "../../crypto/reencrypt.ts";
import { vault } from "../../crypto/vault.ts";
import type { Database } from "../../db/database.ts";
import type { CliIo } from "../io.ts";

export function keysGenerate(opts: { id?: string }, io: CliIo): void {
  const id = opts.id ?? `k${new Date().toISOString().slice(0, 10).replaceAll("-", "")}`;
  io.out(`VINDPLAATS_KEYS=${newKeySpec(id)}`);
  io.out(`VINDPLAATS_SEARCH_KEY=${newSearchKey()}`);
  io.out(
    "Keep both secret and outside the database and its backups. To rotate, put the new key first in " +
      "VINDPLAATS_KEYS (comma, then the old ones) and keep VINDPLAATS_SEARCH_KEY as it is.",
  );
}

async function printStatus(db: Database, io: CliIo): Promise<void> {
  const status = await keyStatus(db);
  const primary = vault().primaryKekId;
  io.out(`Primary key: ${primary}`);
  for (const [id, n] of Object.entries(status.byKey).sort())
    io.out(`  ${id}: ${n} sealed value(s)${id === primary ? "" : " (not the primary key: run keys reencrypt)"}`);
  if (status.inClear) io.out(`  ${status.inClear} value(s) still in clear: run keys reencrypt`);
  const unused = [...vault().keyring.keks.keys()].filter((id) => id !== primary && !status.byKey[id]);
  for (const id of unused) io.out(`Key ${id} seals nothing any more and can leave VINDPLAATS_KEYS.`);
}

export async function keysStatus(db: Database, io: CliIo): Promise<void> {
  await printStatus(db, io);
}

export async function keysReencrypt(db: Database, io: CliIo): Promise<void> {
  const progress = io.progress();
  const result = await reencryptAll(db, progress);
  const rewritten = Object.entries(result.rewritten);
  io.out(
    `Re-encrypted ${rewritten.reduce((n, [, v]) => n + v, 0)} row(s) of ${result.scanned} under key ${vault().primaryKekId}` +
      (rewritten.length ? `: ${rewritten.map(([t, n]) => `${t} ${n}`).join(", ")}.` : "."),
  );
  await printStatus(db, io);
}
