// Retention per data category: what the retention job does to data older than the organisation's
// period, and the periods shipped as defaults. Person data stays until the organisation switches its
// categories on (the controller decides its periods); technical records are cleaned from day one.

export const RETENTION_CATEGORIES = [
  "inactive_persons",
  "person_notes",
  "contact_notes",
  "closed_cases",
  "closed_trajectories",
  "sessions",
  "sync_records",
] as const;
export type RetentionCategory = (typeof RETENTION_CATEGORIES)[number];

/** anonymise: keep the row and its countable fields, remove identity and text; clear_text: blank the free text; delete: remove the rows. */
export type RetentionAction = "anonymise" | "clear_text" | "delete";

export interface RetentionDefault {
  action: RetentionAction;
  keepMonths: number;
  isEnabled: boolean;
}

export const RETENTION_DEFAULTS: Record<RetentionCategory, RetentionDefault> = {
  /** Persons without any contact (and no open case or trajectory) for this long. */
  inactive_persons: { action: "anonymise", keepMonths: 60, isEnabled: false },
  /** Protected notes about a person, counted from when they were written. */
  person_notes: { action: "delete", keepMonths: 60, isEnabled: false },
  /** The note of a contact, counted from the contact. */
  contact_notes: { action: "clear_text", keepMonths: 60, isEnabled: false },
  /** Address, complainants and free text of a closed case, counted from closing. */
  closed_cases: { action: "clear_text", keepMonths: 36, isEnabled: false },
  /** Free text of a closed trajectory, counted from closing. */
  closed_trajectories: { action: "clear_text", keepMonths: 36, isEnabled: false },
  /** Ended sessions (expired or signed out), counted from their end. */
  sessions: { action: "delete", keepMonths: 3, isEnabled: true },
  /** Offline-sync receipts and resolved refusals, counted from receipt. */
  sync_records: { action: "delete", keepMonths: 12, isEnabled: true },
};

export const RETENTION_MONTHS = { min: 1, max: 1200 } as const;

/**
 * The instant before which data of a category is due: `keepMonths` calendar months before `now`
 * (UTC), on the last day of the month when that month is shorter (31 March - 1 month = 28/29 February).
 */
export function retentionCutoff(now: Date, keepMonths: number): Date {
  const months = now.getUTCFullYear() * 12 + now.getUTCMonth() - keepMonths;
  const year = Math.floor(months / 12);
  const month = months - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(
    Date.UTC(
      year,
      month,
      Math.min(now.getUTCDate(), lastDay),
      now.getUTCHours(),
      now.getUTCMinutes(),
      now.getUTCSeconds(),
      now.getUTCMilliseconds(),
    ),
  );
}
