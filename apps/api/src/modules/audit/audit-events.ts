// Every audited action as one typed union: adding an action means adding it here.

/** The first step of a sign-in. */
export type SignInMethod = "password" | "passkey" | "oidc";
export type AuditEvent =
  | {
      action: "auth.signed_in";
      entityType: "user";
      entityId: string;
      /** How the first step was given, and the step still left (a second factor or an enrolment). */
      details?: { method: SignInMethod; pending: "second_factor" | "enrolment" | null };
    }
  | {
      action: "auth.second_factor_passed" | "auth.second_factor_failed";
      entityType: "user";
      entityId: string;
      details: { method: "totp" | "recovery" | "passkey"; recoveryCodesLeft?: number };
    }
  | {
      action: "auth.totp_enrolment_started" | "auth.totp_enabled" | "auth.totp_disabled";
      entityType: "user";
      entityId: string;
    }
  | { action: "auth.recovery_codes_generated"; entityType: "user"; entityId: string; details: { count: number } }
  | {
      action: "auth.passkey_registered" | "auth.passkey_removed";
      entityType: "user";
      entityId: string;
      details: { passkeyId: string; backedUp: boolean };
    }
  | {
      action: "user.second_factor_reset";
      entityType: "user";
      entityId: string;
      details: { totp: boolean; passkeys: number; recoveryCodes: number };
    }
  | { action: "org.second_factor_rule_set"; entityType: "organisation"; entityId: string; details: { rule: string } }
  | { action: "org.oidc_provider_set"; entityType: "organisation"; entityId: string; details: { fields: string[] } }
  | {
      action: "org.oidc_mappings_set";
      entityType: "organisation";
      entityId: string;
      details: {
        mappings: { groupName: string; orgRole: string | null; teamId: string | null; teamRole: string | null }[];
      };
    }
  | {
      action: "auth.oidc_linked" | "auth.oidc_user_created";
      entityType: "user";
      entityId: string;
      details: { issuer: string; byVerifiedEmail: boolean };
    }
  | {
      action: "auth.oidc_roles_applied";
      entityType: "user";
      entityId: string;
      details: { orgRoles: string[]; memberships: { teamId: string; role: string }[]; groups: number };
    }
  | { action: "auth.oidc_refused"; entityType: "organisation"; entityId: string; details: { reason: string } }
  | { action: "auth.signed_out"; entityType: "user"; entityId: string }
  | { action: "auth.signed_out_everywhere"; entityType: "user"; entityId: string; details: { sessions: number } }
  | { action: "auth.sign_in_failed"; entityType: "user"; entityId: string; details?: { method: SignInMethod } }
  | { action: "auth.password_changed"; entityType: "user"; entityId: string }
  | { action: "user.created" | "user.updated"; entityType: "user"; entityId: string; details: { fields: string[] } }
  | { action: "user.password_reset"; entityType: "user"; entityId: string }
  | { action: "team.created" | "team.updated"; entityType: "team"; entityId: string; details: { fields: string[] } }
  | {
      action: "membership.set";
      entityType: "team";
      entityId: string;
      details: { userId: string; role: string; isActive: boolean };
    }
  | {
      action: "neighbourhood.created" | "neighbourhood.updated";
      entityType: "neighbourhood";
      entityId: string;
      details: { fields: string[] };
    }
  | { action: "place.created" | "place.updated"; entityType: "place"; entityId: string; details: { fields: string[] } }
  | {
      action: "value_list.changed";
      entityType: "value_list";
      entityId: null;
      details: { list: string; code: string; fields: string[] };
    }
  | { action: "person.created"; entityType: "person"; entityId: string }
  | {
      action: "person.updated" | "person.identified";
      entityType: "person";
      entityId: string;
      details: { fields: string[] };
    }
  | {
      action: "person.merged";
      entityType: "person";
      entityId: string;
      details: { mergeId: string; duplicateId: string };
    }
  | { action: "person.merge_undone"; entityType: "person"; entityId: string; details: { mergeId: string } }
  | { action: "note.created"; entityType: "person"; entityId: string; details: { noteId: string } }
  | {
      action: "collective.created" | "collective.updated";
      entityType: "household" | "group";
      entityId: string;
      details: { fields: string[] };
    }
  | {
      action: "contact.created";
      entityType: "contact";
      entityId: string;
      details: { mode: string; persons: number; newPersons: number };
    }
  | {
      action: "contact.corrected" | "contact.removed";
      entityType: "contact";
      entityId: string;
      details: { fields: string[] };
    }
  | {
      action: "contacts.exported";
      entityType: "contact";
      entityId: null;
      details: { format: string; rows: number; notes: boolean; filters: Record<string, unknown> };
    }
  | {
      action: "person.read";
      entityType: "person";
      entityId: string;
      details: { relation: string; fieldClasses: string[] };
    }
  | {
      action: "persons.searched";
      entityType: "person";
      entityId: null;
      details: { results: number; fragmentLength: number };
    }
  | { action: "contact.read"; entityType: "contact"; entityId: string }
  | {
      action: "contacts.listed";
      entityType: "contact";
      entityId: null;
      details: { results: number; filters: string[] };
    }
  | {
      action: "person.shared";
      entityType: "person";
      entityId: string;
      details: {
        shareId: string;
        toTeamId: string | null;
        toUserId: string | null;
        fieldClasses: string[];
        basis: string;
      };
    }
  | { action: "person.share_revoked"; entityType: "person"; entityId: string; details: { shareId: string } }
  | {
      action: "person.break_glass";
      entityType: "person";
      entityId: string;
      details: { breakGlassId: string; expiresAt: string };
    }
  | { action: "break_glass.reviewed"; entityType: "person"; entityId: string; details: { breakGlassId: string } }
  | { action: "audit.viewed"; entityType: "audit"; entityId: null; details: { filters: string[] } }
  | { action: "device.registered" | "device.key_issued" | "device.revoked"; entityType: "device"; entityId: string }
  | {
      action: "sync.pulled";
      entityType: "device" | "user";
      entityId: string;
      details: { snapshot: boolean; persons: number; contacts: number };
    }
  | { action: "sync.review_resolved"; entityType: "sync_review"; entityId: string }
  | { action: "task.done"; entityType: "task"; entityId: string }
  // Address cases, trajectories, referrals and tasks
  | {
      action: "case.opened";
      entityType: "case";
      entityId: string;
      details: { assigneeId: string; how: string; complaint: boolean; previousCaseId: string | null };
    }
  | {
      action: "case.moved";
      entityType: "case";
      entityId: string;
      details: { previousCaseId: string; households: number };
    }
  | { action: "case.updated"; entityType: "case"; entityId: string; details: { fields: string[] } }
  | {
      action: "case.activated" | "case.closed";
      entityType: "case";
      entityId: string;
      details: { on: string; reason: string | null };
    }
  | {
      action: "case.assigned";
      entityType: "case";
      entityId: string;
      details: { assigneeId: string; previousAssigneeId: string | null };
    }
  | { action: "case.read" | "case.complainants_read"; entityType: "case"; entityId: string }
  | {
      action: "case.complaint_added" | "case.complaint_resolved";
      entityType: "case";
      entityId: string;
      details: { complaintId: string; theme: string };
    }
  | {
      action: "case.visit_linked";
      entityType: "case";
      entityId: string;
      details: { contactId: string; registered: boolean };
    }
  | {
      action: "case.action_added";
      entityType: "case";
      entityId: string;
      details: { actionId: string; serviceCode: string };
    }
  | { action: "case.household_linked"; entityType: "case"; entityId: string; details: { householdId: string } }
  | { action: "trajectory.created" | "trajectory.read"; entityType: "trajectory"; entityId: string }
  | { action: "trajectory.updated"; entityType: "trajectory"; entityId: string; details: { fields: string[] } }
  | {
      action: "trajectory.status_changed";
      entityType: "trajectory";
      entityId: string;
      details: { from: string; to: string };
    }
  | {
      action:
        | "trajectory.goal_added"
        | "trajectory.goal_updated"
        | "trajectory.step_added"
        | "trajectory.step_done"
        | "trajectory.participant_added"
        | "trajectory.partner_added"
        | "trajectory.conference_added";
      entityType: "trajectory";
      entityId: string;
      details: { itemId: string };
    }
  | {
      action: "trajectory.checkpoint_recorded";
      entityType: "trajectory";
      entityId: string;
      details: { month: number; outcome: string };
    }
  | {
      action: "referral.created";
      entityType: "referral";
      entityId: string;
      details: { serviceCode: string; from: string };
    }
  | {
      action: "referral.status_changed";
      entityType: "referral";
      entityId: string;
      details: { from: string; to: string };
    }
  | { action: "referral.updated"; entityType: "referral"; entityId: string; details: { fields: string[] } }
  | { action: "task.created" | "task.reopened"; entityType: "task"; entityId: string }
  | { action: "task.updated"; entityType: "task"; entityId: string; details: { fields: string[] } }
  // Figures and stories
  | {
      action: "report.requested";
      entityType: "report";
      entityId: string;
      details: { year: number; teamId: string | null; teamIds: string[]; locale: string; dataAsOf: string };
    }
  | { action: "report.exported"; entityType: "report"; entityId: string; details: { format: string } }
  | { action: "report.built" | "report.failed"; entityType: "report"; entityId: string; details: { formats: string[] } }
  | {
      action: "figures.exported";
      entityType: "report";
      entityId: null;
      details: { metric: string; format: string; filters: Record<string, unknown> };
    }
  | {
      action: "figures.drilled_down";
      entityType: "contact";
      entityId: null;
      details: { dimension: string; key: string | null; results: number; filters: Record<string, unknown> };
    }
  | {
      action: "story.created";
      entityType: "story";
      entityId: string;
      details: { teamId: string; year: number; namesRemoved: number; consentHow: string };
    }
  | { action: "story.withdrawn"; entityType: "story"; entityId: string }
  // Retention and the register of processing
  | {
      action: "retention.policies_set";
      entityType: "organisation";
      entityId: string;
      details: { policies: { category: string; keepMonths: number; isEnabled: boolean }[] };
    }
  | {
      action: "retention.applied";
      entityType: "retention_run";
      entityId: string;
      details: { category: string; action: string; rows: number; keepMonths: number; cutoff: string };
    }
  // Data subject rights (the DPO)
  | {
      action: "subject_rights.looked_up";
      entityType: "person";
      entityId: null;
      details: { by: string[]; results: number };
    }
  | { action: "subject_rights.viewed"; entityType: "person"; entityId: string }
  | {
      action: "persons.looked_up";
      entityType: "person";
      entityId: null;
      details: { by: "national_register_number"; results: number };
    }
  | {
      action: "subject_rights.exported";
      entityType: "person";
      entityId: string;
      details: { format: string; sections: Record<string, number> };
    }
  | { action: "person.rectified"; entityType: "person"; entityId: string; details: { fields: string[] } }
  | {
      action: "person.restricted" | "person.restriction_lifted";
      entityType: "person";
      entityId: string;
      details: { restrictionId: string };
    }
  | {
      action: "person.anonymised" | "person.erased";
      entityType: "person";
      entityId: string;
      details: { counts: Record<string, number> };
    };

export type AuditAction = AuditEvent["action"];
