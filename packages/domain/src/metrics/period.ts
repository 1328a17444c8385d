// Report periods are whole Brussels days; a year is 1 January to 31 December inclusive.
import { addDays, startOfBrusselsDay } from "../time.ts";

export interface Period {
  /** First day, YYYY-MM-DD. */
  from: string;
  /** Last day, inclusive. */
  to: string;
}

export const yearPeriod = (year: number): Period => ({ from: `${year}-01-01`, to: `${year}-12-31` });

/** The half-open instant range [start, end) of a period of Brussels days. */
export function periodInstants(period: Period): { start: Date; end: Date } {
  return { start: startOfBrusselsDay(period.from), end: startOfBrusselsDay(addDays(period.to, 1)) };
}

/** Years from first to last inclusive, oldest first. */
export function yearsBetween(first: number, last: number): number[] {
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
}
