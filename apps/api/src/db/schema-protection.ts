// Data subject rights: restrictions of processing (GDPR art. 18) on a person's record, with their
// history. Anonymisations are kept in person_anonymisations (schema-retention.ts), shared with the
// retention job; rectifications are revisions in person_history.
import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organisations, persons } from "./schema.ts";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** While a restriction is not lifted the record is frozen: the DPO reads it, nobody changes or uses it. */
export const personRestrictions = pgTable(
  "person_restrictions",
  {
    id: uuid("id").primaryKey(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
    /** Why (sealed: it can describe the person's request). */
    reason: text("reason").notNull(),
    startedAt: ts("started_at").notNull(),
    startedBy: uuid("started_by").notNull(),
    liftedAt: ts("lifted_at"),
    liftedBy: uuid("lifted_by"),
    liftReason: text("lift_reason"),
  },
  (t) => [
    uniqueIndex("person_restrictions_active_key").on(t.personId).where(sql`lifted_at IS NULL`),
    index("person_restrictions_person_idx").on(t.personId, t.startedAt),
  ],
);
