// The one Drizzle schema. Every table carries org_id so one deployment can serve several cities.
// Migrations are generated from this file (npm run db:generate) and never edited after commit.
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const createdAt = () => ts("created_at").notNull().defaultNow();

export const organisations = pgTable("organisations", {
  id: uuid("id").primaryKey(),
  // An organisation is its own tenant: org_id = id keeps the "every table has org_id" rule.
  orgId: uuid("org_id").notNull(),
  name: text("name").notNull(),
  slug: text("slug").notNull().unique(),
  isDemo: boolean("is_demo").notNull().default(false),
  createdAt: createdAt(),
});

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    email: text("email").notNull(),
    displayName: text("display_name").notNull(),
    passwordHash: text("password_hash"),
    orgRoles: text("org_roles").array().notNull().default(sql`'{}'::text[]`),
    locale: text("locale").notNull().default("nl"),
    isActive: boolean("is_active").notNull().default(true),
    passwordChangedAt: ts("password_changed_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_key").on(sql`lower(${t.email})`)],
);

export const teams = pgTable(
  "teams",
  {
    id: uuid("id").primaryKey(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    name: text("name").notNull(),
    kind: text("kind").notNull(),
    isActive: boolean("is_active").notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("teams_org_name_key").on(t.orgId, sql`lower(${t.name})`)],
);

export const memberships = pgTable(
  "memberships",
  {
    id: uuid("id").primaryKey(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    role: text("role").notNull(),
    isActive: boolean("is_active").notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("memberships_team_user_key").on(t.teamId, t.userId), index("memberships_user_idx").on(t.userId)],
);

export const neighbourhoods = pgTable(
  "neighbourhoods",
  {
    id: uuid("id").primaryKey(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    name: text("name").notNull(),
    geojson: jsonb("geojson"),
    isActive: boolean("is_active").notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("neighbourhoods_org_name_key").on(t.orgId, sql`lower(${t.name})`)],
);

export const places = pgTable(
  "places",
  {
    id: uuid("id").primaryKey(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    neighbourhoodId: uuid("neighbourhood_id")
      .notNull()
      .references(() => neighbourhoods.id),
    name: text("name").notNull(),
    kind: text("kind").notNull(),
    isActive: boolean("is_active").notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index("places_org_idx").on(t.orgId, t.neighbourhoodId)],
);

export const sessions = pgTable(
  "sessions",
  {
    // sha256 of the cookie value: a database leak does not hand out live sessions.
    idHash: text("id_hash").primaryKey(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    csrfToken: text("csrf_token").notNull(),
    createdAt: createdAt(),
    lastSeenAt: ts("last_seen_at").notNull(),
    expiresAt: ts("expires_at").notNull(),
    revokedAt: ts("revoked_at"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const auditEvents = pgTable(
  "audit_events",
  {
    seq: bigint("seq", { mode: "number" }).generatedAlwaysAsIdentity().primaryKey(),
    id: uuid("id").notNull().unique(),
    orgId: uuid("org_id").notNull(),
    at: ts("at").notNull(),
    actorUserId: uuid("actor_user_id"),
    action: text("action").notNull(),
    entityType: text("entity_type"),
    entityId: uuid("entity_id"),
    details: jsonb("details").notNull().default(sql`'{}'::jsonb`),
    /** Hash of the previous event of the same chain: editing or deleting a row breaks the chain. */
    prevHash: text("prev_hash"),
    hash: text("hash"),
    /**
     * Which of the organisation's chains the row links into: concurrent writers each hold one chain
     * until commit (audit_append in the migrations), so a slow commit does not queue every other writer.
     */
    chain: integer("chain").notNull().default(0),
  },
  (t) => [
    index("audit_org_at_idx").on(t.orgId, t.at),
    index("audit_entity_idx").on(t.entityId),
    index("audit_org_seq_idx").on(t.orgId, t.seq),
    index("audit_org_chain_seq_idx").on(t.orgId, t.chain, t.seq),
  ],
);

// ---- People and contacts -------------------------------------------------------------------

/** Configurable value lists (referral services, life domains, age bands, genders...), nl/en/fr labels. */
export const valueLists = pgTable(
  "value_lists",
  {
    id: uuid("id").primaryKey(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    list: text("list").notNull(),
    code: text("code").notNull(),
    labels: jsonb("labels").notNull(),
    sort: integer("sort").notNull().default(0),
    isActive: boolean("is_active").notNull().default(true),
  },
  (t) => [uniqueIndex("value_lists_key").on(t.orgId, t.list, t.code)],
);

/** A person reached ("gast"): pseudonymous by default, identified only as a deliberate step. */
export const persons = pgTable(
  "persons",
  {
    id: uuid("id").primaryKey(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    ownerTeamId: uuid("owner_team_id")
      .notNull()
      .references(() => teams.id),
    nickname: text("nickname").notNull(),
    /** Lower-case, accents removed: the search and duplicate key. */
    nicknameNorm: text("nickname_norm").notNull(),
    description: text("description"),
    ageBand: text("age_band"),
    gender: text("gender"),
    birthYear: integer("birth_year"),
    languages: text("languages").array().notNull().default(sql`'{}'::text[]`),
    nationality: text("nationality"),
    usualPlaceId: uuid("usual_place_id").references(() => places.id),
    usualNeighbourhoodId: uuid("usual_neighbourhood_id").references(() => neighbourhoods.id),
    knownToSocialService: boolean("known_to_social_service"),
    identityLevel: text("identity_level").notNull().default("pseudonymous"),
    // Identity and the free-text description are sealed by the repositories (crypto/vault.ts):
    // envelope-encrypted text, so the birth date is a text column too.
    fullName: text("full_name"),
    birthDate: text("birth_date"),
    nationalRegisterNumber: text("national_register_number"),
    /** Keyed hash (HMAC-SHA-256) of the national register number: equality search without the number in clear. */
    nationalRegisterHash: text("national_register_hash"),
    phone: text("phone"),
    email: text("email"),
    identifiedAt: ts("identified_at"),
    identifiedBy: uuid("identified_by"),
    mergedIntoId: uuid("merged_into_id"),
    isActive: boolean("is_active").notNull().default(true),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    createdBy: uuid("created_by").notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [
    index("persons_nickname_trgm").using("gin", sql`${t.nicknameNorm} gin_trgm_ops`),
    index("persons_org_neighbourhood_idx").on(t.orgId, t.usualNeighbourhoodId),
    index("persons_merged_into_idx").on(t.mergedIntoId),
    index("persons_nrn_hash_idx").on(t.orgId, t.nationalRegisterHash),
  ],
);

/** Which teams know a person, and who there to ask: the basis of scope and cross-team awareness. */
export const personTeams = pgTable(
  "person_teams",
  {
    orgId: uuid("org_id").notNull(),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id),
    firstSeenAt: ts("first_seen_at").notNull(),
    lastSeenAt: ts("last_seen_at").notNull(),
    lastWorkerId: uuid("last_worker_id"),
  },
  (t) => [primaryKey({ columns: [t.personId, t.teamId] }), index("person_teams_team_idx").on(t.teamId, t.personId)],
);

/** Every change to a person (creation, identity step, edits, merges) with who and when. */
export const personHistory = pgTable(
  "person_history",
  {
    id: uuid("id").primaryKey(),
    orgId: uuid("org_id").notNull(),
    personId: uuid("person_id").notNull(),
    at: ts("at").notNull(),
    actorUserId: uuid("actor_user_id"),
    action: text("action").notNull(),
    changes: jsonb("changes").notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [index("person_history_person_idx").on(t.personId, t.at)],
);

export const personMerges = pgTable("person_merges", {
  id: uuid("id").primaryKey(),
  orgId: uuid("org_id").notNull(),
  survivorId: uuid("survivor_id").notNull(),
  mergedId: uuid("merged_id").notNull(),
  at: ts("at").notNull(),
  actorUserId: uuid("actor_user_id").notNull(),
  /** The rows moved to the survivor, so an undo moves exactly those back. */
  moved: jsonb("moved").notNull(),
  undoneAt: ts("undone_at"),
  undoneBy: uuid("undone_by"),
});

export const households = pgTable("households", {
  id: uuid("id").primaryKey(),
  orgId: uuid("org_id")
    .notNull()
    .references(() => organisations.id),
  ownerTeamId: uuid("owner_team_id")
    .notNull()
    .references(() => teams.id),
  name: text("name").notNull(),
  isActive: boolean("is_active").notNull().default(true),
  createdAt: createdAt(),
  createdBy: uuid("created_by").notNull(),
});

export const groups = pgTable("groups", {
  id: uuid("id").primaryKey(),
  orgId: uuid("org_id")
    .notNull()
    .references(() => organisations.id),
  ownerTeamId: uuid("owner_team_id")
    .notNull()
    .references(() => teams.id),
  name: text("name").notNull(),
  usualPlaceId: uuid("usual_place_id").references(() => places.id),
  isActive: boolean("is_active").notNull().default(true),
  createdAt: createdAt(),
  createdBy: uuid("created_by").notNull(),
});

/** Members of a household or a group ("kind"), with the period of membership. */
export const collectiveMembers = pgTable(
  "collective_members",
  {
    id: uuid("id").primaryKey(),
    orgId: uuid("org_id").notNull(),
    kind: text("kind").notNull(),
    collectiveId: uuid("collective_id").notNull(),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
    role: text("role"),
    since: ts("since").notNull(),
    until: ts("until"),
  },
  (t) => [index("collective_members_idx").on(t.collectiveId), index("collective_members_person_idx").on(t.personId)],
);

/** A contact (encounter): the daily unit of outreach work. Append-only; corrections keep revisions. */
export const contacts = pgTable(
  "contacts",
  {
    id: uuid("id").primaryKey(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id),
    startedAt: ts("started_at").notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    workerIds: uuid("worker_ids").array().notNull(),
    placeId: uuid("place_id").references(() => places.id),
    neighbourhoodId: uuid("neighbourhood_id").references(() => neighbourhoods.id),
    locationKind: text("location_kind").notNull(),
    groupId: uuid("group_id").references(() => groups.id),
    mode: text("mode").notNull().default("standard"),
    anonymousCounts: jsonb("anonymous_counts").notNull().default(sql`'[]'::jsonb`),
    anonymousTotal: integer("anonymous_total").notNull().default(0),
    personCount: integer("person_count").notNull().default(0),
    cameAbout: text("came_about").array().notNull().default(sql`'{}'::text[]`),
    workingRelationship: text("working_relationship").array().notNull().default(sql`'{}'::text[]`),
    actions: text("actions").array().notNull().default(sql`'{}'::text[]`),
    lifeDomains: text("life_domains").array().notNull().default(sql`'{}'::text[]`),
    note: text("note"),
    isRemoved: boolean("is_removed").notNull().default(false),
    removedReason: text("removed_reason"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    createdBy: uuid("created_by").notNull(),
    updatedAt: ts("updated_at").notNull(),
    updatedBy: uuid("updated_by").notNull(),
  },
  (t) => [
    index("contacts_team_started_idx").on(t.teamId, t.startedAt.desc(), t.id.desc()),
    index("contacts_org_started_idx").on(t.orgId, t.startedAt),
    index("contacts_workers_idx").using("gin", t.workerIds),
    index("contacts_place_idx").on(t.placeId, t.startedAt),
    index("contacts_neighbourhood_idx").on(t.neighbourhoodId, t.startedAt),
  ],
);

export const contactPersons = pgTable(
  "contact_persons",
  {
    orgId: uuid("org_id").notNull(),
    contactId: uuid("contact_id")
      .notNull()
      .references(() => contacts.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
  },
  (t) => [primaryKey({ columns: [t.contactId, t.personId] }), index("contact_persons_person_idx").on(t.personId)],
);

/** The state of a contact before each correction, with who corrected it, when and why. */
export const contactRevisions = pgTable(
  "contact_revisions",
  {
    id: uuid("id").primaryKey(),
    orgId: uuid("org_id").notNull(),
    contactId: uuid("contact_id").notNull(),
    version: integer("version").notNull(),
    at: ts("at").notNull(),
    actorUserId: uuid("actor_user_id").notNull(),
    reason: text("reason"),
    changes: jsonb("changes").notNull(),
  },
  (t) => [index("contact_revisions_contact_idx").on(t.contactId, t.version)],
);

/** A referral ("toeleiding") to a service, from a contact, a case or a trajectory. */
export const referrals = pgTable(
  "referrals",
  {
    id: uuid("id").primaryKey(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id),
    personId: uuid("person_id").references(() => persons.id),
    contactId: uuid("contact_id").references(() => contacts.id),
    serviceCode: text("service_code").notNull(),
    status: text("status").notNull().default("proposed"),
    accompanied: boolean("accompanied").notNull().default(false),
    proposedOn: date("proposed_on", { mode: "string" }).notNull(),
    decidedOn: date("decided_on", { mode: "string" }),
    completedOn: date("completed_on", { mode: "string" }),
    /** A referral from an address case or a trajectory (schema-cases.ts; the foreign keys are in its access migration). */
    caseId: uuid("case_id"),
    trajectoryId: uuid("trajectory_id"),
    note: text("note"),
    updatedAt: ts("updated_at"),
    createdAt: createdAt(),
    createdBy: uuid("created_by").notNull(),
  },
  (t) => [
    index("referrals_person_idx").on(t.personId),
    index("referrals_contact_idx").on(t.contactId),
    index("referrals_case_idx").on(t.caseId),
    index("referrals_trajectory_idx").on(t.trajectoryId),
    index("referrals_team_proposed_idx").on(t.teamId, t.proposedOn),
  ],
);

export const tasks = pgTable(
  "tasks",
  {
    id: uuid("id").primaryKey(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id),
    assigneeId: uuid("assignee_id")
      .notNull()
      .references(() => users.id),
    title: text("title").notNull(),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    personId: uuid("person_id").references(() => persons.id),
    contactId: uuid("contact_id").references(() => contacts.id),
    caseId: uuid("case_id"),
    trajectoryId: uuid("trajectory_id"),
    doneAt: ts("done_at"),
    doneBy: uuid("done_by"),
    createdAt: createdAt(),
    createdBy: uuid("created_by").notNull(),
  },
  (t) => [
    index("tasks_assignee_idx").on(t.assigneeId, t.doneAt, t.dueOn),
    index("tasks_team_idx").on(t.teamId, t.dueOn),
    index("tasks_case_idx").on(t.caseId),
    index("tasks_trajectory_idx").on(t.trajectoryId),
  ],
);

/** A short protected note about a person, written by a worker of a team. */
export const personNotes = pgTable(
  "person_notes",
  {
    id: uuid("id").primaryKey(),
    orgId: uuid("org_id").notNull(),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id),
    body: text("body").notNull(),
    createdAt: createdAt(),
    createdBy: uuid("created_by").notNull(),
  },
  (t) => [index("person_notes_person_idx").on(t.personId, t.createdAt)],
);

export const savedFilters = pgTable("saved_filters", {
  id: uuid("id").primaryKey(),
  orgId: uuid("org_id").notNull(),
  userId: uuid("user_id")
    .notNull()
    .references(() => users.id),
  name: text("name").notNull(),
  filters: jsonb("filters").notNull(),
  createdAt: createdAt(),
});

// ---- Professional secrecy ------------------------------------------------------------------

/**
 * Sharing a person's record (chosen field classes) with another team or a partner, on a recorded
 * basis: the person's consent, or a documented shared-secrecy basis.
 */
export const personShares = pgTable(
  "person_shares",
  {
    id: uuid("id").primaryKey(),
    orgId: uuid("org_id").notNull(),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
    fromTeamId: uuid("from_team_id")
      .notNull()
      .references(() => teams.id),
    toTeamId: uuid("to_team_id").references(() => teams.id),
    toUserId: uuid("to_user_id").references(() => users.id),
    fieldClasses: text("field_classes").array().notNull(),
    basis: text("basis").notNull(),
    consentGivenOn: date("consent_given_on", { mode: "string" }),
    consentScope: text("consent_scope"),
    consentHow: text("consent_how"),
    justification: text("justification"),
    expiresAt: ts("expires_at"),
    createdAt: createdAt(),
    createdBy: uuid("created_by").notNull(),
    revokedAt: ts("revoked_at"),
    revokedBy: uuid("revoked_by"),
  },
  (t) => [
    index("person_shares_person_idx").on(t.personId),
    index("person_shares_to_team_idx").on(t.toTeamId),
    index("person_shares_to_user_idx").on(t.toUserId),
  ],
);

/** Emergency access outside one's scope: a written reason, time-limited, flagged for review. */
export const breakGlass = pgTable(
  "break_glass",
  {
    id: uuid("id").primaryKey(),
    orgId: uuid("org_id").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
    reason: text("reason").notNull(),
    startedAt: ts("started_at").notNull(),
    expiresAt: ts("expires_at").notNull(),
    reviewedAt: ts("reviewed_at"),
    reviewedBy: uuid("reviewed_by"),
    reviewNote: text("review_note"),
  },
  (t) => [index("break_glass_user_idx").on(t.userId, t.personId)],
);

// ---- Offline sync ----------------------------------------------------------------------------

/** A phone or browser that keeps an encrypted offline copy of its user's working set. */
export const devices = pgTable(
  "devices",
  {
    id: uuid("id").primaryKey(),
    orgId: uuid("org_id").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    label: text("label").notNull(),
    /** The device's data key (AES-256), handed out after sign-in; the device never stores it in clear. */
    dataKey: text("data_key").notNull(),
    createdAt: createdAt(),
    lastSyncAt: ts("last_sync_at"),
    revokedAt: ts("revoked_at"),
    revokedBy: uuid("revoked_by"),
  },
  (t) => [index("devices_user_idx").on(t.userId)],
);

/** Every mutation pushed by a device, by its client-chosen id: a second delivery gets the same answer. */
export const syncMutations = pgTable(
  "sync_mutations",
  {
    id: uuid("id").primaryKey(),
    orgId: uuid("org_id").notNull(),
    userId: uuid("user_id").notNull(),
    deviceId: uuid("device_id"),
    kind: text("kind").notNull(),
    formatVersion: integer("format_version").notNull(),
    payloadHash: text("payload_hash").notNull(),
    status: text("status").notNull(),
    response: jsonb("response").notNull(),
    receivedAt: ts("received_at").notNull(),
  },
  (t) => [index("sync_mutations_user_idx").on(t.userId, t.receivedAt)],
);

/** A mutation refused for review: the same id arrived again with a different payload. */
export const syncReview = pgTable(
  "sync_review",
  {
    id: uuid("id").primaryKey(),
    orgId: uuid("org_id").notNull(),
    mutationId: uuid("mutation_id").notNull(),
    userId: uuid("user_id").notNull(),
    deviceId: uuid("device_id"),
    payload: jsonb("payload").notNull(),
    reason: text("reason").notNull(),
    receivedAt: ts("received_at").notNull(),
    resolvedAt: ts("resolved_at"),
    resolvedBy: uuid("resolved_by"),
  },
  (t) => [index("sync_review_org_idx").on(t.orgId, t.resolvedAt)],
);

/**
 * The change feed devices pull from, by cursor (seq). Written in the same transaction as the change;
 * carries deletions, merges and revocations as tombstones so offline copies converge.
 */
export const syncChanges = pgTable(
  "sync_changes",
  {
    seq: bigint("seq", { mode: "number" }).generatedAlwaysAsIdentity().primaryKey(),
    orgId: uuid("org_id").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: uuid("entity_id").notNull(),
    /** "upsert", "delete", "merge" (mergedIntoId set) or "revoke" (access ended for team/user). */
    op: text("op").notNull(),
    teamId: uuid("team_id"),
    userId: uuid("user_id"),
    mergedIntoId: uuid("merged_into_id"),
    at: ts("at").notNull(),
  },
  (t) => [index("sync_changes_org_seq_idx").on(t.orgId, t.seq), index("sync_changes_team_idx").on(t.teamId, t.seq)],
);
