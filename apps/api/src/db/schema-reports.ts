// Figures and stories: yearly report jobs with their frozen figures and files, and the quotes
// workers mark for the report with the person's consent. Every row carries org_id (row-level
// security); stories also carry the team, and need-to-know hides other teams' stories.
import { sql } from "drizzle-orm";
import {
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { contacts, organisations, persons, teams, users } from "./schema.ts";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const bytea = customType<{ data: Buffer }>({ dataType: () => "bytea" });

/**
 * A yearly activity report, built in the background. Its parameters and data timestamp are kept,
 * so the same data and parameters give the same numbers; `snapshot` holds the numbers as published.
 */
export const reportJobs = pgTable(
  "report_jobs",
  {
    id: uuid("id").primaryKey(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    requestedBy: uuid("requested_by")
      .notNull()
      .references(() => users.id),
    year: integer("year").notNull(),
    /** One team, or null for the whole department (or a coordinator's own teams). */
    teamId: uuid("team_id").references(() => teams.id),
    /** The teams the figures cover, resolved when the report was asked for. */
    teamIds: uuid("team_ids").array().notNull(),
    locale: text("locale").notNull(),
    /** Only rows registered at or before this instant count. */
    dataAsOf: ts("data_as_of").notNull(),
    trendYears: integer("trend_years").array().notNull().default(sql`'{}'::int[]`),
    status: text("status").notNull().default("queued"),
    progress: integer("progress").notNull().default(0),
    step: text("step"),
    snapshot: jsonb("snapshot"),
    error: text("error"),
    createdAt: ts("created_at").notNull(),
    startedAt: ts("started_at"),
    finishedAt: ts("finished_at"),
  },
  (t) => [index("report_jobs_org_idx").on(t.orgId, t.createdAt), index("report_jobs_status_idx").on(t.status)],
);

/** The exports of a finished report (PDF, XLSX, CSV), rendered once from its snapshot. */
export const reportFiles = pgTable(
  "report_files",
  {
    orgId: uuid("org_id").notNull(),
    jobId: uuid("job_id")
      .notNull()
      .references(() => reportJobs.id),
    format: text("format").notNull(),
    content: bytea("content").notNull(),
    sha256: text("sha256").notNull(),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.format] })],
);

/**
 * A quote a worker marks for the report: stored only after names are taken out, with the person's
 * consent (when, how, for what). The person link proves the consent; it never reaches a report.
 */
export const reportStories = pgTable(
  "report_stories",
  {
    id: uuid("id").primaryKey(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
    contactId: uuid("contact_id").references(() => contacts.id),
    year: integer("year").notNull(),
    quote: text("quote").notNull(),
    namesRemoved: integer("names_removed").notNull().default(0),
    consentGivenOn: date("consent_given_on", { mode: "string" }).notNull(),
    consentHow: text("consent_how").notNull(),
    consentScope: text("consent_scope").notNull(),
    createdAt: ts("created_at").notNull(),
    createdBy: uuid("created_by").notNull(),
    withdrawnAt: ts("withdrawn_at"),
    withdrawnBy: uuid("withdrawn_by"),
    withdrawnReason: text("withdrawn_reason"),
  },
  (t) => [index("report_stories_org_year_idx").on(t.orgId, t.year), index("report_stories_person_idx").on(t.personId)],
);
