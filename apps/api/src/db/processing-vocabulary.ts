// The words of the register of processing (GDPR art. 30): purposes, data subjects, data categories,
// legal bases, recipients and retention keys that the column annotations use. Their texts in three
// languages live with the register (modules/processing-register/register-text.ts).
import { RETENTION_CATEGORIES } from "@vindplaats/domain";

export const PURPOSES = [
  "outreach",
  "case_work",
  "referrals",
  "secrecy",
  "figures",
  "accounts",
  "accountability",
  "offline",
] as const;
export type Purpose = (typeof PURPOSES)[number];

export const SUBJECTS = ["persons_reached", "complainants", "staff", "partner_staff"] as const;
export type Subject = (typeof SUBJECTS)[number];

export const DATA_CATEGORIES = [
  "identity",
  "national_number",
  "contact_details",
  "address",
  "characteristics",
  "social_situation",
  "encounters",
  "notes",
  "complaints",
  "consent",
  "location",
  "staff_identity",
  "staff_activity",
  "credentials",
  "access_log",
] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

export const LEGAL_BASES = ["public_task", "public_task_special", "consent", "legal_obligation", "staff"] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

export const RECIPIENTS = [
  "own_team",
  "shared_teams",
  "partners_on_consent",
  "coordinators",
  "dpo",
  "administrators",
  "director_figures",
  "city_report",
] as const;
export type Recipient = (typeof RECIPIENTS)[number];

/** A retention category of the retention job (the organisation's period applies), or a fixed rule. */
export const RETENTION_KEYS = [
  ...RETENTION_CATEGORIES,
  "kept_for_figures",
  "account_lifetime",
  "audit_trail",
  "with_record",
  "until_withdrawn",
  "short_lived",
] as const;
export type RetentionKey = (typeof RETENTION_KEYS)[number];

export interface ColumnAnnotation {
  data: DataCategory;
  subjects: Subject;
  purpose: Purpose;
  basis: LegalBasis;
  retention: RetentionKey;
  recipients: readonly Recipient[];
}

/** Annotations of one table: its personal-data columns, and every other column named as not personal. */
export interface TableAnnotations {
  personal: Record<string, ColumnAnnotation>;
  /** Keys, organisation and team references, codes, versions, record timestamps: not personal on their own. */
  notPersonal: string;
}

const TEAM: readonly Recipient[] = ["own_team", "shared_teams", "coordinators"];
const STAFF: readonly Recipient[] = ["coordinators", "administrators", "dpo"];

/** Data about a person reached, for outreach work; `over` changes what differs for one column. */
export const reached = (data: DataCategory, over: Partial<ColumnAnnotation> = {}): ColumnAnnotation => ({
  data,
  subjects: "persons_reached",
  purpose: "outreach",
  basis: "public_task_special",
  retention: "inactive_persons",
  recipients: TEAM,
  ...over,
});

/** Countable characteristics: kept after anonymisation and counted in (suppressed) figures. */
export const countable = (data: DataCategory, over: Partial<ColumnAnnotation> = {}): ColumnAnnotation =>
  reached(data, {
    retention: "kept_for_figures",
    recipients: [...TEAM, "director_figures", "city_report"],
    ...over,
  });

/** Who did what (staff member references): accountability, kept with the record they belong to. */
export const staff = (data: DataCategory = "staff_activity", over: Partial<ColumnAnnotation> = {}) =>
  ({
    data,
    subjects: "staff",
    purpose: "accountability",
    basis: "legal_obligation",
    retention: "with_record",
    recipients: STAFF,
    ...over,
  }) satisfies ColumnAnnotation;

/** Staff accounts and their security. */
export const account = (data: DataCategory, over: Partial<ColumnAnnotation> = {}) =>
  staff(data, { purpose: "accounts", basis: "staff", retention: "account_lifetime", ...over });
