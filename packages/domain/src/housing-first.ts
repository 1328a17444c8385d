// Housing First retention: of the people housed, how many still have a home at 6, 12 and 24 months.
// Pure so the figure is the same in the API, the reports and the tests. The rules:
// - a checkpoint counts only once it is due (housed on + N months, on or before the reference day);
// - the checkpoint's outcome is what counts, so a person re-housed after losing a home is retained
//   at a later checkpoint where they are housed again (the clock runs from the first housing);
// - "lost to follow-up" counts as not retained: people we lost sight of do not inflate the figure;
// - a due checkpoint without a recorded outcome is pending and left out of the rate.

export const CHECKPOINT_MONTHS = [6, 12, 24] as const;
export type CheckpointMonth = (typeof CHECKPOINT_MONTHS)[number];

export const HOUSING_OUTCOMES = ["still_housed", "not_housed", "lost_to_follow_up"] as const;
export type HousingOutcome = (typeof HOUSING_OUTCOMES)[number];

export interface Tenancy {
  /** The day the person was first housed (YYYY-MM-DD). */
  housedOn: string;
  checkpoints: Partial<Record<CheckpointMonth, HousingOutcome>>;
}

export interface RetentionFigure {
  /** Tenancies that started on or before the reference day. */
  housed: number;
  /** Of those, the ones whose checkpoint is not due yet. */
  notYetDue: number;
  /** Due, but no outcome recorded: left out of the rate until someone records it. */
  pending: number;
  stillHoused: number;
  notHoused: number;
  lostToFollowUp: number;
  /** stillHoused / (stillHoused + notHoused + lostToFollowUp), or null when nobody counts yet. */
  rate: number | null;
}

/** The day N months after `day`; the 31st of August plus 6 months is the last day of February. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

export function checkpointDueOn(housedOn: string, month: CheckpointMonth): string {
  return addMonths(housedOn, month);
}

export function isCheckpointDue(housedOn: string, month: CheckpointMonth, asOf: string): boolean {
  return checkpointDueOn(housedOn, month) <= asOf;
}

const empty = (): RetentionFigure => ({
  housed: 0,
  notYetDue: 0,
  pending: 0,
  stillHoused: 0,
  notHoused: 0,
  lostToFollowUp: 0,
  rate: null,
});

function tally(figure: RetentionFigure, outcome: HousingOutcome | undefined): void {
  if (outcome === "still_housed") figure.stillHoused++;
  else if (outcome === "not_housed") figure.notHoused++;
  else if (outcome === "lost_to_follow_up") figure.lostToFollowUp++;
  else figure.pending++;
}

function withRate(figure: RetentionFigure): RetentionFigure {
  const counted = figure.stillHoused + figure.notHoused + figure.lostToFollowUp;
  return { ...figure, rate: counted ? figure.stillHoused / counted : null };
}

/**
 * Retention at one checkpoint (6, 12 or 24 months) as of a day; without a month, each tenancy counts
 * with its latest due checkpoint that has an outcome ("of those housed earlier, who kept a home").
 */
export function housingRetention(
  tenancies: readonly Tenancy[],
  asOf: string,
  month?: CheckpointMonth,
): RetentionFigure {
  const figure = empty();
  for (const t of tenancies) {
    if (t.housedOn > asOf) continue;
    figure.housed++;
    if (month) {
      if (!isCheckpointDue(t.housedOn, month, asOf)) figure.notYetDue++;
      else tally(figure, t.checkpoints[month]);
      continue;
    }
    const due = CHECKPOINT_MONTHS.filter((m) => isCheckpointDue(t.housedOn, m, asOf));
    if (!due.length) {
      figure.notYetDue++;
      continue;
    }
    const latest = [...due].reverse().find((m) => t.checkpoints[m]);
    tally(figure, latest ? t.checkpoints[latest] : undefined);
  }
  return withRate(figure);
}
