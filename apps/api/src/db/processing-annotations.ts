// What every column of the database holds, for the register of processing (GDPR art. 30): each
// personal-data column with its category, data subjects, purpose, legal basis, retention and
// recipients; every other column named as not personal. processing-annotations.test.ts compares
// this with the migrated database, so a new column fails the tests until it is annotated here.
// Cases, trajectories, figures, retention and sign-in tables: processing-annotations-more.ts.
import { MORE_TABLES } from "./processing-annotations-more.ts";
import {
  account,
  type ColumnAnnotation,
  countable,
  reached,
  staff,
  type TableAnnotations,
} from "./processing-vocabulary.ts";

const secrecy = (data: Parameters<typeof reached>[0], over: Partial<ColumnAnnotation> = {}) =>
  reached(data, { purpose: "secrecy", ...over });
const offline = (data: Parameters<typeof reached>[0]) =>
  reached(data, { purpose: "offline", retention: "sync_records", recipients: ["own_team"] });

const CORE_TABLES: Record<string, TableAnnotations> = {
  organisations: { personal: {}, notPersonal: "id org_id name slug is_demo created_at" },
  users: {
    personal: {
      email: account("staff_identity"),
      display_name: account("staff_identity"),
      org_roles: account("staff_identity"),
      password_hash: account("credentials", { recipients: [] }),
      password_changed_at: account("credentials"),
    },
    notPersonal: "id org_id locale is_active created_at",
  },
  teams: { personal: {}, notPersonal: "id org_id name kind is_active created_at" },
  memberships: {
    personal: { user_id: account("staff_identity"), role: account("staff_identity") },
    notPersonal: "id org_id team_id is_active created_at",
  },
  neighbourhoods: { personal: {}, notPersonal: "id org_id name geojson is_active created_at" },
  places: { personal: {}, notPersonal: "id org_id neighbourhood_id name kind is_active created_at" },
  sessions: {
    personal: {
      id_hash: account("credentials", { retention: "sessions", recipients: [] }),
      csrf_token: account("credentials", { retention: "sessions", recipients: [] }),
      user_id: account("staff_activity", { retention: "sessions" }),
      last_seen_at: account("staff_activity", { retention: "sessions" }),
    },
    notPersonal: "org_id created_at expires_at revoked_at",
  },
  audit_events: {
    personal: {
      actor_user_id: staff("access_log", { retention: "audit_trail", recipients: ["dpo"] }),
      entity_id: staff("access_log", { subjects: "persons_reached", retention: "audit_trail", recipients: ["dpo"] }),
      details: staff("access_log", { retention: "audit_trail", recipients: ["dpo"] }),
      at: staff("access_log", { retention: "audit_trail", recipients: ["dpo"] }),
    },
    notPersonal: "seq id org_id chain action entity_type prev_hash hash",
  },
  value_lists: { personal: {}, notPersonal: "id org_id list code labels sort is_active" },
  persons: {
    personal: {
      nickname: reached("identity"),
      nickname_norm: reached("identity"),
      description: reached("notes"),
      birth_year: reached("identity"),
      full_name: reached("identity"),
      birth_date: reached("identity"),
      national_register_number: reached("national_number"),
      national_register_hash: reached("national_number"),
      phone: reached("contact_details"),
      email: reached("contact_details"),
      usual_place_id: reached("location"),
      age_band: countable("characteristics"),
      gender: countable("characteristics"),
      languages: countable("characteristics"),
      nationality: countable("characteristics"),
      usual_neighbourhood_id: countable("location"),
      known_to_social_service: countable("social_situation"),
      merged_into_id: countable("identity"),
      identified_by: staff(),
      created_by: staff(),
    },
    notPersonal: "id org_id owner_team_id identity_level identified_at is_active version created_at updated_at",
  },
  // A derived search index kept by triggers: each active nickname under each of its three-letter pieces.
  person_trigrams: {
    personal: {
      trigram: reached("identity"),
      nickname_norm: reached("identity"),
      person_id: reached("identity"),
    },
    notPersonal: "org_id",
  },
  person_teams: {
    personal: {
      person_id: countable("encounters"),
      first_seen_at: countable("encounters"),
      last_seen_at: reached("encounters"),
      last_worker_id: staff(),
    },
    notPersonal: "org_id team_id",
  },
  person_history: {
    personal: {
      person_id: reached("identity", { purpose: "accountability" }),
      changes: reached("identity", { purpose: "accountability", recipients: ["coordinators", "dpo"] }),
      actor_user_id: staff(),
    },
    notPersonal: "id org_id at action",
  },
  person_merges: {
    personal: {
      survivor_id: reached("identity", { purpose: "accountability", retention: "kept_for_figures" }),
      merged_id: reached("identity", { purpose: "accountability", retention: "kept_for_figures" }),
      moved: reached("encounters", { purpose: "accountability", retention: "kept_for_figures" }),
      actor_user_id: staff(),
      undone_by: staff(),
    },
    notPersonal: "id org_id at undone_at",
  },
  households: {
    personal: { name: reached("identity"), created_by: staff() },
    notPersonal: "id org_id owner_team_id is_active created_at",
  },
  groups: {
    personal: { name: reached("identity"), usual_place_id: reached("location"), created_by: staff() },
    notPersonal: "id org_id owner_team_id is_active created_at",
  },
  collective_members: {
    personal: {
      person_id: reached("social_situation", { retention: "kept_for_figures" }),
      role: reached("social_situation"),
      since: reached("social_situation", { retention: "kept_for_figures" }),
      until: reached("social_situation", { retention: "kept_for_figures" }),
    },
    notPersonal: "id org_id kind collective_id",
  },
  contacts: {
    personal: {
      started_at: countable("encounters"),
      duration_minutes: countable("encounters"),
      place_id: countable("location"),
      neighbourhood_id: countable("location"),
      group_id: countable("encounters"),
      came_about: countable("social_situation"),
      working_relationship: countable("social_situation"),
      actions: countable("social_situation"),
      life_domains: countable("social_situation"),
      note: reached("notes", { retention: "contact_notes" }),
      removed_reason: reached("notes", { retention: "contact_notes" }),
      worker_ids: staff("staff_activity", { retention: "kept_for_figures" }),
      created_by: staff(),
      updated_by: staff(),
    },
    notPersonal:
      "id org_id team_id location_kind mode anonymous_counts anonymous_total person_count is_removed version created_at updated_at",
  },
  contact_persons: { personal: { person_id: countable("encounters") }, notPersonal: "org_id contact_id" },
  contact_revisions: {
    personal: {
      reason: reached("notes", { purpose: "accountability", retention: "contact_notes" }),
      changes: reached("notes", { purpose: "accountability", retention: "contact_notes" }),
      actor_user_id: staff(),
    },
    notPersonal: "id org_id contact_id version at",
  },
  referrals: {
    personal: {
      person_id: countable("social_situation", { purpose: "referrals" }),
      service_code: countable("social_situation", { purpose: "referrals" }),
      status: countable("social_situation", { purpose: "referrals" }),
      accompanied: countable("social_situation", { purpose: "referrals" }),
      proposed_on: countable("social_situation", { purpose: "referrals" }),
      decided_on: countable("social_situation", { purpose: "referrals" }),
      completed_on: countable("social_situation", { purpose: "referrals" }),
      note: reached("notes", { purpose: "referrals" }),
      created_by: staff(),
    },
    notPersonal: "id org_id team_id contact_id case_id trajectory_id created_at updated_at",
  },
  tasks: {
    personal: {
      title: reached("notes", { purpose: "referrals" }),
      person_id: reached("social_situation", { purpose: "referrals" }),
      assignee_id: staff(),
      done_by: staff(),
      created_by: staff(),
    },
    notPersonal: "id org_id team_id due_on contact_id case_id trajectory_id done_at created_at",
  },
  person_notes: {
    personal: {
      person_id: reached("notes", { retention: "person_notes" }),
      body: reached("notes", { retention: "person_notes" }),
      created_by: staff(),
    },
    notPersonal: "id org_id team_id created_at",
  },
  saved_filters: { personal: { user_id: account("staff_activity") }, notPersonal: "id org_id name filters created_at" },
  person_shares: {
    personal: {
      person_id: secrecy("consent"),
      field_classes: secrecy("consent"),
      basis: secrecy("consent"),
      consent_given_on: secrecy("consent"),
      consent_scope: secrecy("consent"),
      consent_how: secrecy("consent"),
      justification: secrecy("notes"),
      to_user_id: staff("staff_activity", { subjects: "partner_staff" }),
      created_by: staff(),
      revoked_by: staff(),
    },
    notPersonal: "id org_id from_team_id to_team_id expires_at created_at revoked_at",
  },
  break_glass: {
    personal: {
      user_id: staff("access_log", { purpose: "secrecy", retention: "audit_trail" }),
      person_id: secrecy("access_log", { retention: "audit_trail", recipients: ["coordinators", "dpo"] }),
      reason: staff("access_log", { purpose: "secrecy", retention: "audit_trail" }),
      review_note: staff("access_log", { purpose: "secrecy", retention: "audit_trail" }),
      reviewed_by: staff(),
    },
    notPersonal: "id org_id started_at expires_at reviewed_at",
  },
  devices: {
    personal: {
      user_id: account("staff_identity", { purpose: "offline" }),
      label: account("staff_identity", { purpose: "offline" }),
      data_key: account("credentials", { purpose: "offline", recipients: [] }),
      last_sync_at: account("staff_activity", { purpose: "offline" }),
      revoked_by: staff(),
    },
    notPersonal: "id org_id created_at revoked_at",
  },
  sync_mutations: {
    personal: {
      user_id: staff("staff_activity", { purpose: "offline", retention: "sync_records" }),
      device_id: staff("staff_activity", { purpose: "offline", retention: "sync_records" }),
      response: offline("encounters"),
    },
    notPersonal: "id org_id kind format_version payload_hash status received_at",
  },
  sync_review: {
    personal: {
      payload: offline("notes"),
      user_id: staff("staff_activity", { purpose: "offline", retention: "sync_records" }),
      device_id: staff("staff_activity", { purpose: "offline", retention: "sync_records" }),
      resolved_by: staff(),
    },
    notPersonal: "id org_id mutation_id reason received_at resolved_at",
  },
  sync_changes: {
    personal: {
      entity_id: reached("encounters", { purpose: "offline", retention: "with_record", recipients: ["own_team"] }),
      merged_into_id: reached("identity", { purpose: "offline", retention: "with_record", recipients: ["own_team"] }),
      user_id: staff("staff_activity", { purpose: "offline" }),
    },
    notPersonal: "seq org_id entity_type op team_id at",
  },
};

export const ANNOTATED_TABLES: Record<string, TableAnnotations> = { ...CORE_TABLES, ...MORE_TABLES };

/** "table.column" -> annotation, for every personal-data column. */
export const PROCESSING_ANNOTATIONS: ReadonlyMap<string, ColumnAnnotation> = new Map(
  Object.entries(ANNOTATED_TABLES).flatMap(([table, t]) =>
    Object.entries(t.personal).map(([column, a]) => [`${table}.${column}`, a] as const),
  ),
);

/** "table.column" of every column that holds no personal data on its own. */
export const NOT_PERSONAL: ReadonlySet<string> = new Set(
  Object.entries(ANNOTATED_TABLES).flatMap(([table, t]) =>
    t.notPersonal
      .split(/\s+/)
      .filter(Boolean)
      .map((column) => `${table}.${column}`),
  ),
);
