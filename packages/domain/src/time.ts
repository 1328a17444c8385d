// Instants are stored in UTC; a "day" for people and reports is a day in Brussels.
export const ZONE = "Europe/Brussels";

const dayFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The Brussels calendar day (YYYY-MM-DD) on which an instant falls. */
export function brusselsDay(instant: Date): string {
  return dayFormat.format(instant);
}

function offsetMinutes(instant: Date): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: ZONE,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - instant.getTime()) / 60000);
}

/** The UTC instant of a Brussels wall-clock time (YYYY-MM-DD, HH:MM). */
export function brusselsToInstant(day: string, time = "00:00"): Date {
  const guess = new Date(`${day}T${time}:00Z`);
  const first = offsetMinutes(guess);
  const candidate = new Date(guess.getTime() - first * 60000);
  const second = offsetMinutes(candidate);
  return second === first ? candidate : new Date(guess.getTime() - second * 60000);
}

/** Start of the Brussels day as a UTC instant. */
export function startOfBrusselsDay(day: string): Date {
  return brusselsToInstant(day, "00:00");
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
