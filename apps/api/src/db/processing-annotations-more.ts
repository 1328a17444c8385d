// Column annotations of the address cases and trajectories, figures and stories, retention and the
// sign-in tables (see processing-annotations.ts for what an annotation is).
import {
  account,
  type ColumnAnnotation,
  countable,
  type DataCategory,
  reached,
  staff,
  type TableAnnotations,
} from "./processing-vocabulary.ts";

/** Address-case data about the family: cleared some years after the case closed. */
const kase = (data: DataCategory, over: Partial<ColumnAnnotation> = {}) =>
  reached(data, { purpose: "case_work", retention: "closed_cases", ...over });
/** What neighbours who complained told the stewards: for the stewards only. */
const complainant = (data: DataCategory) =>
  reached(data, {
    subjects: "complainants",
    purpose: "case_work",
    retention: "closed_cases",
    recipients: ["own_team"],
  });
const trajectory = (data: DataCategory, over: Partial<ColumnAnnotation> = {}) =>
  reached(data, { purpose: "case_work", retention: "closed_trajectories", ...over });
const caseFigure = (data: DataCategory) => countable(data, { purpose: "case_work" });
const story = (data: DataCategory) =>
  reached(data, {
    purpose: "figures",
    basis: "consent",
    retention: "until_withdrawn",
    recipients: ["own_team", "coordinators", "city_report"],
  });
const signIn = (data: DataCategory, over: Partial<ColumnAnnotation> = {}) => account(data, { recipients: [], ...over });

export const MORE_TABLES: Record<string, TableAnnotations> = {
  cases: {
    personal: {
      street: kase("address"),
      house_number: kase("address"),
      box: kase("address"),
      address_key: kase("address"),
      postcode: caseFigure("address"),
      neighbourhood_id: caseFigure("location"),
      intake_channel: caseFigure("social_situation"),
      summary: kase("notes"),
      close_note: kase("notes"),
      close_reason: caseFigure("social_situation"),
      assignee_id: staff(),
      created_by: staff(),
    },
    notPersonal:
      "id org_id team_id is_outside status opened_on closed_on previous_case_id version created_at updated_at",
  },
  case_status_history: {
    personal: { reason: kase("notes"), actor_user_id: staff() },
    notPersonal: "id org_id team_id case_id status effective_on at",
  },
  case_assignments: {
    personal: { reason: kase("notes"), assignee_id: staff(), assigned_by: staff() },
    notPersonal: "id org_id team_id case_id how started_at ended_at",
  },
  case_households: {
    personal: { household_id: caseFigure("social_situation") },
    notPersonal: "id org_id team_id case_id since until",
  },
  case_complainants: {
    personal: {
      relation: complainant("characteristics"),
      name: complainant("identity"),
      contact_info: complainant("contact_details"),
      note: complainant("notes"),
      created_by: staff(),
    },
    notPersonal: "id org_id team_id case_id created_at",
  },
  case_complaints: {
    personal: {
      complainant_id: complainant("complaints"),
      description: kase("complaints"),
      theme: caseFigure("complaints"),
      source: caseFigure("complaints"),
      created_by: staff(),
    },
    notPersonal: "id org_id team_id case_id received_on resolved_on created_at",
  },
  case_contacts: { personal: {}, notPersonal: "org_id team_id case_id contact_id" },
  case_actions: {
    personal: {
      description: kase("notes"),
      service_code: caseFigure("social_situation"),
      created_by: staff(),
    },
    notPersonal: "id org_id team_id case_id action_on created_at",
  },
  trajectories: {
    personal: {
      title: trajectory("notes"),
      support: trajectory("notes"),
      household_id: caseFigure("social_situation"),
      housed_on: caseFigure("social_situation"),
      close_reason: caseFigure("social_situation"),
      created_by: staff(),
    },
    notPersonal: "id org_id team_id kind status started_on closed_on case_id version created_at updated_at",
  },
  trajectory_participants: {
    personal: { person_id: caseFigure("social_situation"), role: trajectory("social_situation") },
    notPersonal: "id org_id team_id trajectory_id since until",
  },
  trajectory_partners: {
    personal: {
      contact_person: trajectory("identity", { subjects: "partner_staff" }),
      service_code: caseFigure("social_situation"),
    },
    notPersonal: "id org_id team_id trajectory_id since until",
  },
  trajectory_goals: {
    personal: {
      life_domain: caseFigure("social_situation"),
      description: trajectory("notes"),
      created_by: staff(),
    },
    notPersonal: "id org_id team_id trajectory_id status created_at updated_at",
  },
  trajectory_steps: {
    personal: { description: trajectory("notes"), created_by: staff() },
    notPersonal: "id org_id team_id trajectory_id goal_id due_on done_on created_at",
  },
  case_conferences: {
    personal: {
      partners_present: caseFigure("social_situation"),
      note: trajectory("notes"),
      created_by: staff(),
    },
    notPersonal: "id org_id team_id trajectory_id held_on created_at",
  },
  housing_checkpoints: {
    personal: { outcome: caseFigure("social_situation"), note: trajectory("notes"), created_by: staff() },
    notPersonal: "id org_id team_id trajectory_id month recorded_on created_at",
  },
  // Figures and stories: reports hold suppressed figures only.
  report_jobs: {
    personal: { requested_by: staff() },
    notPersonal:
      "id org_id year team_id team_ids locale data_as_of trend_years status progress step snapshot error created_at started_at finished_at",
  },
  report_files: { personal: {}, notPersonal: "org_id job_id format content sha256 created_at" },
  report_stories: {
    personal: {
      person_id: story("consent"),
      quote: story("notes"),
      consent_given_on: story("consent"),
      consent_how: story("consent"),
      consent_scope: story("consent"),
      withdrawn_reason: story("notes"),
      created_by: staff(),
      withdrawn_by: staff(),
    },
    notPersonal: "id org_id team_id contact_id year names_removed created_at withdrawn_at",
  },
  // Retention itself.
  retention_policies: {
    personal: { updated_by: staff() },
    notPersonal: "org_id category keep_months is_enabled updated_at",
  },
  retention_runs: {
    personal: { actor_user_id: staff() },
    notPersonal: "id org_id trigger started_at finished_at counts",
  },
  person_anonymisations: { personal: {}, notPersonal: "person_id org_id at reason run_id" },
  // Data subject rights: restrictions of processing (GDPR art. 18) and their history.
  person_restrictions: {
    personal: {
      person_id: reached("identity", { purpose: "accountability", retention: "with_record", recipients: ["dpo"] }),
      reason: reached("notes", { purpose: "accountability", retention: "with_record", recipients: ["dpo"] }),
      lift_reason: reached("notes", { purpose: "accountability", retention: "with_record", recipients: ["dpo"] }),
      started_by: staff(),
      lifted_by: staff(),
    },
    notPersonal: "id org_id started_at lifted_at",
  },
  // Sign-in: second factors, passkeys, single sign-on.
  org_auth_settings: { personal: { updated_by: staff() }, notPersonal: "org_id second_factor updated_at" },
  user_factors: {
    personal: {
      user_id: signIn("credentials"),
      totp_secret: signIn("credentials"),
      totp_enabled_at: signIn("credentials"),
      totp_last_step: signIn("credentials"),
      pending_secret: signIn("credentials"),
      pending_created_at: signIn("credentials"),
      must_enrol: signIn("credentials"),
    },
    notPersonal: "org_id updated_at",
  },
  recovery_codes: {
    personal: { user_id: signIn("credentials"), code_hash: signIn("credentials") },
    notPersonal: "id org_id created_at used_at",
  },
  passkeys: {
    personal: {
      user_id: signIn("credentials"),
      credential_id: signIn("credentials"),
      public_key: signIn("credentials"),
      label: signIn("staff_identity"),
      last_used_at: signIn("staff_activity"),
    },
    notPersonal: "id org_id counter transports device_type backed_up created_at removed_at",
  },
  session_steps: {
    personal: { id_hash: signIn("credentials", { retention: "short_lived" }) },
    notPersonal: "org_id step created_at",
  },
  auth_ceremonies: {
    personal: {
      id_hash: signIn("credentials", { retention: "short_lived" }),
      user_id: signIn("staff_activity", { retention: "short_lived" }),
      data: signIn("credentials", { retention: "short_lived" }),
    },
    notPersonal: "org_id purpose created_at expires_at used_at",
  },
  oidc_providers: {
    personal: { updated_by: staff() },
    notPersonal: "org_id label issuer client_id client_secret groups_claim is_enabled trust_idp_mfa updated_at",
  },
  oidc_group_mappings: {
    personal: { created_by: staff() },
    notPersonal: "id org_id group_name org_role team_id team_role created_at",
  },
  oidc_identities: {
    personal: {
      user_id: signIn("staff_identity"),
      subject: signIn("staff_identity"),
      last_sign_in_at: signIn("staff_activity"),
    },
    notPersonal: "id org_id issuer created_at",
  },
};
