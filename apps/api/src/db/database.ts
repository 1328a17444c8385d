// One database interface over two engines: embedded PGlite (default) and PostgreSQL (DATABASE_URL).
// Request work runs as the non-owner role vindplaats_app with the organisation set for row-level
// security; only migrations and operator commands run as the owner.
import type { PGlite } from "@electric-sql/pglite";
import type pg from "pg";

export type Row = Record<string, unknown>;

export interface Tx {
  query<T = Row>(text: string, params?: readonly unknown[]): Promise<T[]>;
}

/** Who a transaction runs for; row-level security reads these settings. */
export interface TxScope {
  orgId: string | null;
  userId: string | null;
  /** The actor's teams: row-level security shows person, contact and note rows of these teams. */
  teamIds?: readonly string[];
  /**
   * "request" (default) applies need-to-know; "figures" lets aggregate code read the organisation's
   * rows to compute suppressed figures; "system" is for audited steps such as a merge.
   */
  purpose?: "request" | "figures" | "system";
  /** The application's clock, so share and break-the-glass expiry agree with the code's clock. */
  now?: Date;
}

export interface MigrationLevel {
  applied: number;
  latest: string | null;
}

export interface Database {
  readonly kind: "embedded" | "postgres";
  /** A transaction as the application role, scoped to one organisation. */
  transaction<T>(scope: TxScope, fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** A transaction as the owner: migrations, operator CLI commands, demo data, benchmarks. */
  owner<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  migrate(): Promise<MigrationLevel>;
  migrationLevel(): Promise<MigrationLevel>;
  /**
   * One statement (with values) or, without values, a script of several statements, as the owner and
   * outside any application transaction: the `db` adapter of the job runner (pg-boss). On PGlite it
   * queues on the same mutex as every transaction.
   */
  executeSql(text: string, values?: readonly unknown[]): Promise<{ rows: Row[] }>;
  close(): Promise<void>;
}

export const APP_ROLE = "vindplaats_app";

const PREPARED = new Map<string, string>();

/**
 * Marks a fixed statement of a hot path (a registration, a session look-up) to be prepared once per
 * connection: PostgreSQL then skips parsing, and after a few runs planning, which costs more than
 * running these key look-ups. Only for statements whose best plan does not depend on the values.
 */
export function prepared(text: string): string {
  if (!PREPARED.has(text)) PREPARED.set(text, `vp_${PREPARED.size}`);
  return text;
}

/** The statement name of a prepared() text, if it is one. */
export const preparedName = (text: string): string | undefined => PREPARED.get(text);

/** The settings row-level security reads, role first, as enterScope sets them for a transaction. */
export function scopeSettings(scope: TxScope): [name: string, value: string][] {
  return [
    ["role", APP_ROLE],
    ["app.org_id", scope.orgId ?? ""],
    ["app.user_id", scope.userId ?? ""],
    ["app.team_ids", (scope.teamIds ?? []).join(",")],
    ["app.purpose", scope.purpose ?? "request"],
    ["app.now", scope.now?.toISOString() ?? ""],
  ];
}

export async function enterScope(tx: Tx, scope: TxScope): Promise<void> {
  const settings = scopeSettings(scope);
  await tx.query(
    prepared(`SELECT ${settings.map((_, i) => `set_config($${2 * i + 1}, $${2 * i + 2}, true)`).join(", ")}`),
    settings.flat(),
  );
}

/** Widens row-level security for the rest of the transaction; callers authorise first and audit. */
export async function setPurpose(tx: Tx, purpose: NonNullable<TxScope["purpose"]>): Promise<void> {
  await tx.query(`SELECT set_config('app.purpose', $1, true)`, [purpose]);
}

/** Serialises access to a resource that takes one user at a time (the single PGlite connection). */
export class Mutex {
  #tail: Promise<unknown> = Promise.resolve();
  #waiting = 0;

  get waiting(): number {
    return this.#waiting;
  }

  run<T>(fn: () => Promise<T>): Promise<T> {
    this.#waiting++;
    const result = this.#tail.then(() => {
      this.#waiting--;
      return fn();
    });
    this.#tail = result.catch(() => undefined);
    return result;
  }
}

export type { PGlite, pg };
