// Address cases, trajectories (with Housing First checkpoints), referrals and tasks.
import {
  CASE_CLOSE_REASONS,
  CASE_STATUSES,
  COMPLAINT_SOURCES,
  COMPLAINT_THEMES,
  GOAL_STATUSES,
  HOUSING_OUTCOMES,
  MAX_DURATION_MINUTES,
  MAX_HEAD_COUNT,
  REFERRAL_STATUSES,
  TRAJECTORY_KINDS,
  TRAJECTORY_STATUSES,
} from "@vindplaats/domain";
import { z } from "zod";
import { nameText } from "./common.ts";

const code = z.string().trim().min(1).max(60);
const day = z.iso.date();
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const checkpointMonth = z.union([z.literal(6), z.literal(12), z.literal(24)]);

// ---- Address cases -------------------------------------------------------------------------

export const addressInput = {
  street: nameText(120),
  houseNumber: z.string().trim().min(1).max(12),
  box: z.string().trim().max(12).nullable().optional(),
  postcode: z.string().trim().min(4).max(10),
  /** Null only with isOutside: an address outside the organisation's neighbourhoods. */
  neighbourhoodId: z.uuid().nullable().optional(),
  isOutside: z.boolean().default(false),
};

export const complainantInput = z
  .object({
    relation: z.enum(["neighbour", "landlord", "service", "other"]),
    name: optionalText(120),
    contactInfo: optionalText(200),
    note: optionalText(500),
  })
  .strict();

export const complaintInput = z
  .object({
    receivedOn: day,
    theme: z.enum(COMPLAINT_THEMES),
    source: z.enum(COMPLAINT_SOURCES),
    description: optionalText(1000),
    complainantId: z.uuid().nullable().optional(),
    complainant: complainantInput.nullable().optional(),
  })
  .strict();
export type ComplaintInput = z.infer<typeof complaintInput>;

export const openCaseBody = z
  .object({
    id: z.uuid().optional(),
    teamId: z.uuid(),
    ...addressInput,
    intakeChannel: code,
    openedOn: day.optional(),
    summary: optionalText(1000),
    /** Without an assignee the case is shared out to the team member holding the fewest cases. */
    assigneeId: z.uuid().nullable().optional(),
    householdId: z.uuid().nullable().optional(),
    /** Opening a case from a complaint. */
    complaint: complaintInput.nullable().optional(),
  })
  .strict()
  .meta({ id: "OpenCase" });
export type OpenCaseBody = z.infer<typeof openCaseBody>;

export const updateCaseBody = z
  .object({
    summary: optionalText(1000),
    intakeChannel: code.optional(),
    baseVersion: z.number().int().min(1).optional(),
  })
  .strict();

export const activateCaseBody = z.object({ on: day.optional() }).strict();
export const closeCaseBody = z
  .object({ reason: z.enum(CASE_CLOSE_REASONS), on: day.optional(), note: optionalText(1000) })
  .strict();
export const assignCaseBody = z.object({ assigneeId: z.uuid(), reason: optionalText(500) }).strict();

/** The family moved: the case closes with reason "moved" and a case opens at the new address. */
export const moveCaseBody = z
  .object({
    id: z.uuid().optional(),
    ...addressInput,
    on: day.optional(),
    intakeChannel: code.optional(),
    note: optionalText(1000),
  })
  .strict()
  .meta({ id: "MoveCase" });
export type MoveCaseBody = z.infer<typeof moveCaseBody>;

export const resolveComplaintBody = z.object({ on: day.optional() }).strict();
export const linkHouseholdBody = z.object({ householdId: z.uuid(), since: day.optional() }).strict();
export const caseActionBody = z.object({ serviceCode: code, actionOn: day, description: text(1000) }).strict();

/** A home visit: a contact at the case's address, registered and linked in one step (or an existing contact linked). */
export const caseVisitBody = z
  .object({
    id: z.uuid().optional(),
    contactId: z.uuid().optional(),
    startedAt: z.iso.datetime({ offset: true }).optional(),
    durationMinutes: z.number().int().min(0).max(MAX_DURATION_MINUTES).default(30),
    personIds: z.array(z.uuid()).max(30).default([]),
    /** People met who are not registered (yet): counted anonymously. */
    peopleMet: z.number().int().min(0).max(MAX_HEAD_COUNT).default(0),
    neighbourhoodId: z.uuid().nullable().optional(),
    lifeDomains: z.array(code).max(20).default([]),
    note: optionalText(2000),
  })
  .strict()
  .meta({ id: "CaseVisit" });
export type CaseVisitBody = z.infer<typeof caseVisitBody>;

export const caseListQuery = z
  .object({
    teamId: z.uuid().optional(),
    status: z.enum([...CASE_STATUSES, "current"]).optional(),
    assigneeId: z.uuid().optional(),
    neighbourhoodId: z.uuid().optional(),
    q: z.string().trim().max(80).optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type CaseListQuery = z.infer<typeof caseListQuery>;

export const caseView = z
  .object({
    id: z.uuid(),
    teamId: z.uuid(),
    street: z.string(),
    houseNumber: z.string(),
    box: z.string().nullable(),
    postcode: z.string(),
    address: z.string(),
    neighbourhoodId: z.uuid().nullable(),
    neighbourhoodName: z.string().nullable(),
    isOutside: z.boolean(),
    intakeChannel: z.string(),
    summary: z.string().nullable(),
    status: z.enum(CASE_STATUSES),
    openedOn: z.string(),
    closedOn: z.string().nullable(),
    closeReason: z.enum(CASE_CLOSE_REASONS).nullable(),
    assigneeId: z.uuid().nullable(),
    assigneeName: z.string().nullable(),
    previousCaseId: z.uuid().nullable(),
    nextCaseId: z.uuid().nullable(),
    openComplaints: z.number().int(),
    /** Derived: at least one complaint that is not resolved. */
    hasNuisance: z.boolean(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Case" });
export type CaseView = z.infer<typeof caseView>;

/** A complaint as the case page shows it: who complained is only a relation, never a name. */
export const complaintView = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    receivedOn: z.string(),
    theme: z.enum(COMPLAINT_THEMES),
    source: z.enum(COMPLAINT_SOURCES),
    description: z.string().nullable(),
    complainantId: z.uuid().nullable(),
    complainantRelation: z.string().nullable(),
    resolvedOn: z.string().nullable(),
  })
  .meta({ id: "Complaint" });

export const complainantView = z.object({
  id: z.uuid(),
  relation: z.string(),
  name: z.string().nullable(),
  contactInfo: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
});

export const casePathStep = z.object({
  caseId: z.uuid(),
  address: z.string(),
  neighbourhoodName: z.string().nullable(),
  isOutside: z.boolean(),
  status: z.enum(CASE_STATUSES),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  closeReason: z.string().nullable(),
  isThis: z.boolean(),
});

/** One line of a case's history; `day` orders it (Brussels day), `at` is when it was recorded. */
export const caseHistoryEntry = z.object({
  day: z.string(),
  at: z.string(),
  kind: z.enum([
    "opened",
    "activated",
    "closed",
    "moved_from",
    "moved_to",
    "assigned",
    "complaint",
    "complaint_resolved",
    "visit",
    "action",
    "household",
    "referral",
    "task",
  ]),
  caseId: z.uuid(),
  refId: z.uuid().nullable(),
  actorUserId: z.uuid().nullable(),
  summary: z.record(z.string(), z.unknown()),
});

export const casePage = z
  .object({
    case: caseView,
    complaints: z.array(complaintView),
    complainantCount: z.number().int(),
    households: z.array(
      z.object({ householdId: z.uuid(), name: z.string(), since: z.string(), until: z.string().nullable() }),
    ),
    visits: z.array(
      z.object({
        contactId: z.uuid(),
        startedAt: z.string(),
        durationMinutes: z.number().int(),
        workerIds: z.array(z.uuid()),
        personCount: z.number().int(),
        note: z.string().nullable(),
      }),
    ),
    actions: z.array(
      z.object({ id: z.uuid(), serviceCode: z.string(), actionOn: z.string(), description: z.string() }),
    ),
    assignments: z.array(
      z.object({
        assigneeId: z.uuid(),
        assigneeName: z.string(),
        how: z.string(),
        reason: z.string().nullable(),
        startedAt: z.string(),
        endedAt: z.string().nullable(),
      }),
    ),
    statusHistory: z.array(
      z.object({
        status: z.enum(CASE_STATUSES),
        reason: z.string().nullable(),
        effectiveOn: z.string(),
        at: z.string(),
      }),
    ),
    path: z.array(casePathStep),
    history: z.array(caseHistoryEntry),
  })
  .meta({ id: "CasePage" });
export type CasePage = z.infer<typeof casePage>;

export const caseFiguresQuery = z
  .object({ teamId: z.uuid().optional(), asOf: day.optional(), from: day.optional(), to: day.optional() })
  .strict();

export const caseFigures = z.object({
  asOf: z.string(),
  active: z.object({ total: z.number().int(), withNuisance: z.number().int(), withoutNuisance: z.number().int() }),
  period: z.object({ from: z.string(), to: z.string() }),
  opened: z.object({
    total: z.number().int(),
    rows: z.array(
      z.object({ intakeChannel: z.string(), neighbourhoodId: z.uuid().nullable(), count: z.number().int() }),
    ),
  }),
  complaintsByTheme: z.array(z.object({ theme: z.string(), count: z.number().int() })),
  referralOutcomes: z.array(
    z.object({ serviceCode: z.string(), status: z.string(), accompanied: z.boolean(), count: z.number().int() }),
  ),
});
export type CaseFigures = z.infer<typeof caseFigures>;

// ---- Trajectories --------------------------------------------------------------------------

export const createTrajectoryBody = z
  .object({
    id: z.uuid().optional(),
    teamId: z.uuid(),
    kind: z.enum(TRAJECTORY_KINDS),
    title: nameText(160),
    startedOn: day.optional(),
    caseId: z.uuid().nullable().optional(),
    householdId: z.uuid().nullable().optional(),
    participantIds: z.array(z.uuid()).max(20).default([]),
    housedOn: day.nullable().optional(),
    support: optionalText(1000),
  })
  .strict()
  .meta({ id: "CreateTrajectory" });
export type CreateTrajectoryBody = z.infer<typeof createTrajectoryBody>;

export const updateTrajectoryBody = z
  .object({ title: nameText(160).optional(), housedOn: day.nullable().optional(), support: optionalText(1000) })
  .strict();
export const trajectoryStatusBody = z
  .object({ status: z.enum(TRAJECTORY_STATUSES), on: day.optional(), reason: optionalText(500) })
  .strict();
export const goalBody = z.object({ lifeDomain: code, description: text(500) }).strict();
export const updateGoalBody = z
  .object({ status: z.enum(GOAL_STATUSES).optional(), description: text(500).optional() })
  .strict();
export const stepBody = z
  .object({ description: text(500), goalId: z.uuid().nullable().optional(), dueOn: day.nullable().optional() })
  .strict();
export const stepDoneBody = z.object({ on: day.optional() }).strict();
export const participantBody = z.object({ personId: z.uuid(), role: optionalText(80), since: day.optional() }).strict();
export const partnerBody = z
  .object({ serviceCode: code, contactPerson: optionalText(120), since: day.optional() })
  .strict();
export const conferenceBody = z
  .object({ heldOn: day, partnersPresent: z.array(code).max(20).default([]), note: text(4000) })
  .strict();
export const checkpointBody = z
  .object({
    month: checkpointMonth,
    outcome: z.enum(HOUSING_OUTCOMES),
    recordedOn: day.optional(),
    note: optionalText(1000),
  })
  .strict();

export const trajectoryListQuery = z
  .object({
    teamId: z.uuid().optional(),
    status: z.enum(TRAJECTORY_STATUSES).optional(),
    kind: z.enum(TRAJECTORY_KINDS).optional(),
  })
  .strict();

export const trajectoryView = z
  .object({
    id: z.uuid(),
    teamId: z.uuid(),
    kind: z.enum(TRAJECTORY_KINDS),
    title: z.string(),
    status: z.enum(TRAJECTORY_STATUSES),
    startedOn: z.string(),
    closedOn: z.string().nullable(),
    closeReason: z.string().nullable(),
    caseId: z.uuid().nullable(),
    householdId: z.uuid().nullable(),
    housedOn: z.string().nullable(),
    support: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Trajectory" });
export type TrajectoryView = z.infer<typeof trajectoryView>;

export const checkpointView = z.object({
  month: checkpointMonth,
  dueOn: z.string(),
  isDue: z.boolean(),
  outcome: z.enum(HOUSING_OUTCOMES).nullable(),
  recordedOn: z.string().nullable(),
  note: z.string().nullable(),
});

export const trajectoryPage = z
  .object({
    trajectory: trajectoryView,
    goals: z.array(
      z.object({ id: z.uuid(), lifeDomain: z.string(), description: z.string(), status: z.enum(GOAL_STATUSES) }),
    ),
    steps: z.array(
      z.object({
        id: z.uuid(),
        goalId: z.uuid().nullable(),
        description: z.string(),
        dueOn: z.string().nullable(),
        doneOn: z.string().nullable(),
      }),
    ),
    participants: z.array(
      z.object({
        id: z.uuid(),
        personId: z.uuid(),
        nickname: z.string(),
        role: z.string().nullable(),
        since: z.string(),
        until: z.string().nullable(),
      }),
    ),
    partners: z.array(
      z.object({
        id: z.uuid(),
        serviceCode: z.string(),
        contactPerson: z.string().nullable(),
        since: z.string(),
        until: z.string().nullable(),
      }),
    ),
    conferences: z.array(
      z.object({ id: z.uuid(), heldOn: z.string(), partnersPresent: z.array(z.string()), note: z.string() }),
    ),
    checkpoints: z.array(checkpointView),
  })
  .meta({ id: "TrajectoryPage" });
export type TrajectoryPage = z.infer<typeof trajectoryPage>;

export const retentionQuery = z
  .object({ teamId: z.uuid().optional(), asOf: day.optional(), month: z.enum(["6", "12", "24"]).optional() })
  .strict();
export const retentionView = z.object({
  asOf: z.string(),
  month: z.number().int().nullable(),
  housed: z.number().int(),
  notYetDue: z.number().int(),
  pending: z.number().int(),
  stillHoused: z.number().int(),
  notHoused: z.number().int(),
  lostToFollowUp: z.number().int(),
  rate: z.number().nullable(),
});

// ---- Referrals -----------------------------------------------------------------------------

export const createReferralBody = z
  .object({
    id: z.uuid().optional(),
    teamId: z.uuid(),
    serviceCode: code,
    personId: z.uuid().nullable().optional(),
    contactId: z.uuid().nullable().optional(),
    caseId: z.uuid().nullable().optional(),
    trajectoryId: z.uuid().nullable().optional(),
    accompanied: z.boolean().default(false),
    proposedOn: day.optional(),
    note: optionalText(1000),
  })
  .strict()
  .meta({ id: "CreateReferral" });
export type CreateReferralBody = z.infer<typeof createReferralBody>;

export const referralStatusBody = z
  .object({ status: z.enum(["accepted", "refused", "done", "not_done"]), on: day.optional(), note: optionalText(1000) })
  .strict();
export const updateReferralBody = z.object({ accompanied: z.boolean().optional(), note: optionalText(1000) }).strict();

export const referralListQuery = z
  .object({
    teamId: z.uuid().optional(),
    status: z.enum(REFERRAL_STATUSES).optional(),
    caseId: z.uuid().optional(),
    trajectoryId: z.uuid().optional(),
    personId: z.uuid().optional(),
  })
  .strict();

export const referralView = z
  .object({
    id: z.uuid(),
    teamId: z.uuid(),
    serviceCode: z.string(),
    personId: z.uuid().nullable(),
    contactId: z.uuid().nullable(),
    caseId: z.uuid().nullable(),
    trajectoryId: z.uuid().nullable(),
    status: z.enum(REFERRAL_STATUSES),
    accompanied: z.boolean(),
    proposedOn: z.string(),
    decidedOn: z.string().nullable(),
    completedOn: z.string().nullable(),
    note: z.string().nullable(),
    createdAt: z.string(),
    createdBy: z.uuid(),
  })
  .meta({ id: "Referral" });
export type ReferralView = z.infer<typeof referralView>;

// ---- Tasks ---------------------------------------------------------------------------------

export const createTaskBody = z
  .object({
    id: z.uuid().optional(),
    teamId: z.uuid(),
    title: text(200),
    dueOn: day,
    assigneeId: z.uuid().optional(),
    personId: z.uuid().nullable().optional(),
    caseId: z.uuid().nullable().optional(),
    trajectoryId: z.uuid().nullable().optional(),
  })
  .strict()
  .meta({ id: "CreateTask" });
export type CreateTaskBody = z.infer<typeof createTaskBody>;

export const updateTaskBody = z
  .object({ title: text(200).optional(), dueOn: day.optional(), assigneeId: z.uuid().optional() })
  .strict();

export const taskListQuery = z
  .object({
    teamId: z.uuid().optional(),
    assigneeId: z.uuid().optional(),
    /** open (default), overdue, today, done or all. */
    state: z.enum(["open", "overdue", "today", "done", "all"]).default("open"),
    caseId: z.uuid().optional(),
    trajectoryId: z.uuid().optional(),
  })
  .strict();

export const taskView = z
  .object({
    id: z.uuid(),
    teamId: z.uuid(),
    title: z.string(),
    dueOn: z.string(),
    assigneeId: z.uuid(),
    assigneeName: z.string(),
    personId: z.uuid().nullable(),
    contactId: z.uuid().nullable(),
    caseId: z.uuid().nullable(),
    trajectoryId: z.uuid().nullable(),
    isOverdue: z.boolean(),
    doneAt: z.string().nullable(),
    doneBy: z.uuid().nullable(),
    createdAt: z.string(),
    createdBy: z.uuid(),
  })
  .meta({ id: "Task" });
export type TaskView = z.infer<typeof taskView>;

export const tasksDueView = z.object({ today: z.string(), overdue: z.array(taskView), dueToday: z.array(taskView) });
export const taskOverviewQuery = z.object({ teamId: z.uuid() }).strict();
export const taskOverview = z.array(
  z.object({
    assigneeId: z.uuid(),
    assigneeName: z.string(),
    open: z.number().int(),
    overdue: z.number().int(),
    dueToday: z.number().int(),
  }),
);
