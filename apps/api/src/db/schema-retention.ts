// Retention: each organisation's periods per data category, the runs of the retention job, and
// which person records were anonymised (kept as rows so they still count in the figures).
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organisations, persons } from "./schema.ts";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** The organisation's choice for one category; a category without a row uses the shipped default. */
export const retentionPolicies = pgTable(
  "retention_policies",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    category: text("category").notNull(),
    keepMonths: integer("keep_months").notNull(),
    isEnabled: boolean("is_enabled").notNull(),
    updatedAt: ts("updated_at").notNull(),
    updatedBy: uuid("updated_by"),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.category] })],
);

/** One run of the retention job for one organisation, with what it did per category. */
export const retentionRuns = pgTable(
  "retention_runs",
  {
    id: uuid("id").primaryKey(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    /** "schedule" (the nightly job) or "cli" (an operator). */
    trigger: text("trigger").notNull(),
    actorUserId: uuid("actor_user_id"),
    startedAt: ts("started_at").notNull(),
    finishedAt: ts("finished_at"),
    /** { category: rows changed } */
    counts: jsonb("counts").notNull(),
  },
  (t) => [index("retention_runs_org_idx").on(t.orgId, t.startedAt)],
);

/** A person record whose identity and text were removed; the row stays for the figures. */
export const personAnonymisations = pgTable("person_anonymisations", {
  personId: uuid("person_id")
    .primaryKey()
    .references(() => persons.id),
  orgId: uuid("org_id").notNull(),
  at: ts("at").notNull(),
  /** "retention" here; an erasure request may add its own reason. */
  reason: text("reason").notNull(),
  runId: uuid("run_id"),
});
