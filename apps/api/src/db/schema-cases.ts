// Address cases (neighbourhood stewards) and trajectories (street work, Housing First, youth project).
// Every row carries org_id and the team whose case or trajectory it is: row-level security hides
// other teams' rows. Referrals and tasks live in schema.ts and point here by case_id/trajectory_id.
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { contacts, households, neighbourhoods, organisations, persons, teams, users } from "./schema.ts";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const day = (name: string) => date(name, { mode: "string" });
const orgId = () =>
  uuid("org_id")
    .notNull()
    .references(() => organisations.id);
const teamId = () =>
  uuid("team_id")
    .notNull()
    .references(() => teams.id);

/** One case per address: a family at a new address is a new case, linked to the previous one. */
export const cases = pgTable(
  "cases",
  {
    id: uuid("id").primaryKey(),
    orgId: orgId(),
    teamId: teamId(),
    street: text("street").notNull(),
    houseNumber: text("house_number").notNull(),
    box: text("box"),
    postcode: text("postcode").notNull(),
    /** Lower-case postcode|street|number|box: at most one case that is not closed per address and team. */
    addressKey: text("address_key").notNull(),
    neighbourhoodId: uuid("neighbourhood_id").references(() => neighbourhoods.id),
    /** Set on purpose when the address lies outside the organisation's neighbourhoods. */
    isOutside: boolean("is_outside").notNull().default(false),
    intakeChannel: text("intake_channel").notNull(),
    summary: text("summary"),
    status: text("status").notNull().default("open"),
    openedOn: day("opened_on").notNull(),
    closedOn: day("closed_on"),
    closeReason: text("close_reason"),
    closeNote: text("close_note"),
    assigneeId: uuid("assignee_id").references(() => users.id),
    previousCaseId: uuid("previous_case_id").references((): AnyPgColumn => cases.id),
    version: integer("version").notNull().default(1),
    createdAt: ts("created_at").notNull().defaultNow(),
    createdBy: uuid("created_by").notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [
    index("cases_team_status_idx").on(t.teamId, t.status),
    index("cases_org_opened_idx").on(t.orgId, t.openedOn),
    index("cases_assignee_idx").on(t.assigneeId, t.status),
    index("cases_previous_idx").on(t.previousCaseId),
    uniqueIndex("cases_open_address_key").on(t.teamId, t.addressKey).where(sql`status <> 'closed'`),
  ],
);

/** Every status a case went through, with the day it took effect: the basis of "active as of". */
export const caseStatusHistory = pgTable(
  "case_status_history",
  {
    id: uuid("id").primaryKey(),
    orgId: orgId(),
    teamId: teamId(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    status: text("status").notNull(),
    reason: text("reason"),
    effectiveOn: day("effective_on").notNull(),
    at: ts("at").notNull(),
    actorUserId: uuid("actor_user_id").notNull(),
  },
  (t) => [index("case_status_history_case_idx").on(t.caseId, t.effectiveOn, t.at)],
);

/** Who held the case when: assignment, sharing out and every reassignment. */
export const caseAssignments = pgTable(
  "case_assignments",
  {
    id: uuid("id").primaryKey(),
    orgId: orgId(),
    teamId: teamId(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    assigneeId: uuid("assignee_id")
      .notNull()
      .references(() => users.id),
    how: text("how").notNull(),
    reason: text("reason"),
    startedAt: ts("started_at").notNull(),
    endedAt: ts("ended_at"),
    assignedBy: uuid("assigned_by").notNull(),
  },
  (t) => [index("case_assignments_case_idx").on(t.caseId, t.startedAt)],
);

/** The households living at the case's address over time. */
export const caseHouseholds = pgTable(
  "case_households",
  {
    id: uuid("id").primaryKey(),
    orgId: orgId(),
    teamId: teamId(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    householdId: uuid("household_id")
      .notNull()
      .references(() => households.id),
    since: day("since").notNull(),
    until: day("until"),
  },
  (t) => [index("case_households_case_idx").on(t.caseId), index("case_households_household_idx").on(t.householdId)],
);

/** Neighbours who complained. Their identity is for the stewards only, never shown on the family's side. */
export const caseComplainants = pgTable(
  "case_complainants",
  {
    id: uuid("id").primaryKey(),
    orgId: orgId(),
    teamId: teamId(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    relation: text("relation").notNull(),
    name: text("name"),
    contactInfo: text("contact_info"),
    note: text("note"),
    createdAt: ts("created_at").notNull(),
    createdBy: uuid("created_by").notNull(),
  },
  (t) => [index("case_complainants_case_idx").on(t.caseId)],
);

/** A nuisance complaint; open until resolved. Open complaints make the case's nuisance component. */
export const caseComplaints = pgTable(
  "case_complaints",
  {
    id: uuid("id").primaryKey(),
    orgId: orgId(),
    teamId: teamId(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    complainantId: uuid("complainant_id").references(() => caseComplainants.id),
    receivedOn: day("received_on").notNull(),
    theme: text("theme").notNull(),
    source: text("source").notNull(),
    description: text("description"),
    resolvedOn: day("resolved_on"),
    createdAt: ts("created_at").notNull(),
    createdBy: uuid("created_by").notNull(),
  },
  (t) => [
    index("case_complaints_case_idx").on(t.caseId, t.receivedOn),
    index("case_complaints_org_idx").on(t.orgId, t.receivedOn),
  ],
);

/** Home visits: contacts registered for the case. */
export const caseContacts = pgTable(
  "case_contacts",
  {
    orgId: orgId(),
    teamId: teamId(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    contactId: uuid("contact_id")
      .notNull()
      .references(() => contacts.id),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.contactId] }), index("case_contacts_contact_idx").on(t.contactId)],
);

/** What was done with a partner service (value list referral_service) to solve the nuisance. */
export const caseActions = pgTable(
  "case_actions",
  {
    id: uuid("id").primaryKey(),
    orgId: orgId(),
    teamId: teamId(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    serviceCode: text("service_code").notNull(),
    actionOn: day("action_on").notNull(),
    description: text("description").notNull(),
    createdAt: ts("created_at").notNull(),
    createdBy: uuid("created_by").notNull(),
  },
  (t) => [index("case_actions_case_idx").on(t.caseId, t.actionOn)],
);

// ---- Trajectories ----------------------------------------------------------------------------

export const trajectories = pgTable(
  "trajectories",
  {
    id: uuid("id").primaryKey(),
    orgId: orgId(),
    teamId: teamId(),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    status: text("status").notNull().default("active"),
    startedOn: day("started_on").notNull(),
    closedOn: day("closed_on"),
    closeReason: text("close_reason"),
    caseId: uuid("case_id").references(() => cases.id),
    householdId: uuid("household_id").references(() => households.id),
    /** Housing First: the day the person was first housed; checkpoints run from here. */
    housedOn: day("housed_on"),
    support: text("support"),
    version: integer("version").notNull().default(1),
    createdAt: ts("created_at").notNull(),
    createdBy: uuid("created_by").notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [
    index("trajectories_team_status_idx").on(t.teamId, t.status),
    index("trajectories_org_kind_idx").on(t.orgId, t.kind, t.housedOn),
  ],
);

export const trajectoryParticipants = pgTable(
  "trajectory_participants",
  {
    id: uuid("id").primaryKey(),
    orgId: orgId(),
    teamId: teamId(),
    trajectoryId: uuid("trajectory_id")
      .notNull()
      .references(() => trajectories.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
    role: text("role"),
    since: day("since").notNull(),
    until: day("until"),
  },
  (t) => [
    index("trajectory_participants_idx").on(t.trajectoryId),
    index("trajectory_participants_person_idx").on(t.personId),
  ],
);

export const trajectoryPartners = pgTable(
  "trajectory_partners",
  {
    id: uuid("id").primaryKey(),
    orgId: orgId(),
    teamId: teamId(),
    trajectoryId: uuid("trajectory_id")
      .notNull()
      .references(() => trajectories.id),
    serviceCode: text("service_code").notNull(),
    contactPerson: text("contact_person"),
    since: day("since").notNull(),
    until: day("until"),
  },
  (t) => [index("trajectory_partners_idx").on(t.trajectoryId)],
);

/** A goal in one life domain (value list life_domain). */
export const trajectoryGoals = pgTable(
  "trajectory_goals",
  {
    id: uuid("id").primaryKey(),
    orgId: orgId(),
    teamId: teamId(),
    trajectoryId: uuid("trajectory_id")
      .notNull()
      .references(() => trajectories.id),
    lifeDomain: text("life_domain").notNull(),
    description: text("description").notNull(),
    status: text("status").notNull().default("open"),
    createdAt: ts("created_at").notNull(),
    createdBy: uuid("created_by").notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [index("trajectory_goals_idx").on(t.trajectoryId)],
);

export const trajectorySteps = pgTable(
  "trajectory_steps",
  {
    id: uuid("id").primaryKey(),
    orgId: orgId(),
    teamId: teamId(),
    trajectoryId: uuid("trajectory_id")
      .notNull()
      .references(() => trajectories.id),
    goalId: uuid("goal_id").references(() => trajectoryGoals.id),
    description: text("description").notNull(),
    dueOn: day("due_on"),
    doneOn: day("done_on"),
    createdAt: ts("created_at").notNull(),
    createdBy: uuid("created_by").notNull(),
  },
  (t) => [index("trajectory_steps_idx").on(t.trajectoryId)],
);

/** A case conference ("cliëntoverleg") with the partner services present. */
export const caseConferences = pgTable(
  "case_conferences",
  {
    id: uuid("id").primaryKey(),
    orgId: orgId(),
    teamId: teamId(),
    trajectoryId: uuid("trajectory_id")
      .notNull()
      .references(() => trajectories.id),
    heldOn: day("held_on").notNull(),
    partnersPresent: text("partners_present").array().notNull().default(sql`'{}'::text[]`),
    note: text("note").notNull(),
    createdAt: ts("created_at").notNull(),
    createdBy: uuid("created_by").notNull(),
  },
  (t) => [index("case_conferences_idx").on(t.trajectoryId, t.heldOn)],
);

/** Housing First checkpoints at 6, 12 and 24 months after housing. */
export const housingCheckpoints = pgTable(
  "housing_checkpoints",
  {
    id: uuid("id").primaryKey(),
    orgId: orgId(),
    teamId: teamId(),
    trajectoryId: uuid("trajectory_id")
      .notNull()
      .references(() => trajectories.id),
    month: integer("month").notNull(),
    outcome: text("outcome").notNull(),
    recordedOn: day("recorded_on").notNull(),
    note: text("note"),
    createdAt: ts("created_at").notNull(),
    createdBy: uuid("created_by").notNull(),
  },
  (t) => [uniqueIndex("housing_checkpoints_key").on(t.trajectoryId, t.month)],
);
