// Helpers shared by the account commands.
import type { Tx } from "../../db/database.ts";
import { CliError, type CliIo } from "../io.ts";

export async function assertEmailFree(tx: Tx, address: string): Promise<void> {
  const rows = await tx.query(`SELECT 1 FROM users WHERE lower(email) = lower($1)`, [address]);
  if (rows.length) throw new CliError(`an account with e-mail ${address} already exists`);
}

export function printPassword(io: CliIo, secret: { password: string; generated: boolean }): void {
  if (!secret.generated) return;
  io.out(`Generated password (shown only now, store it safely): ${secret.password}`);
}
