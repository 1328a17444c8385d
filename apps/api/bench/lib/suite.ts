// What a benchmark suite is, and the JSON line each figure becomes.

/** One measured number. Extra keys (runs, min, max, notes) travel along in the JSON line. */
export interface Figure {
  figure: string;
  value: number;
  unit: string;
  [extra: string]: unknown;
}

export interface BenchContext {
  /** Prints one JSON line: {"figure", "value", "unit", "suite", "db", ...}. */
  emit(figure: Figure): void;
  /** Database of the servers a suite starts: PostgreSQL when BENCH_DATABASE_URL is set. */
  db: "embedded" | "postgres";
}

export interface BenchSuite {
  name: string;
  description: string;
  run(ctx: BenchContext): Promise<void>;
}

/** Median of a non-empty list. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A positive number from the environment, or the fallback. */
export function envNumber(name: string, fallback: number): number {
  const n = Number(process.env[name]);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}
