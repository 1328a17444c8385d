// Address cases, trajectories, referrals and tasks: their vocabularies and the state machines that
// decide which step may follow which. The API refuses any other step with a 409.

/** An address case ("1 case = a new address"): opened, worked on, closed with a reason. */
export const CASE_STATUSES = ["open", "active", "closed"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

const CASE_STEPS: Record<CaseStatus, readonly CaseStatus[]> = {
  open: ["active", "closed"],
  active: ["closed"],
  // Closed is final: a family that comes back, or a new context at the same address, is a new case.
  closed: [],
};

export function canMoveCase(from: CaseStatus, to: CaseStatus): boolean {
  return CASE_STEPS[from].includes(to);
}

export const CASE_CLOSE_REASONS = [
  "moved",
  "nuisance_solved",
  "no_nuisance",
  "handed_over",
  "no_contact",
  "other",
] as const;
export type CaseCloseReason = (typeof CASE_CLOSE_REASONS)[number];

/** Themes of nuisance complaints; waste and noise dominate in the steward seed. */
export const COMPLAINT_THEMES = ["waste", "noise", "overcrowding", "hygiene", "safety", "other"] as const;
export type ComplaintTheme = (typeof COMPLAINT_THEMES)[number];

/** Through whom the complaint reached the team. */
export const COMPLAINT_SOURCES = [
  "neighbour",
  "police",
  "city_service",
  "housing_company",
  "own_observation",
  "other",
] as const;
export type ComplaintSource = (typeof COMPLAINT_SOURCES)[number];

/** Trajectories: street work's housing trajectories, Housing First, the youth project. */
export const TRAJECTORY_KINDS = ["housing", "housing_first", "youth", "other"] as const;
export type TrajectoryKind = (typeof TRAJECTORY_KINDS)[number];

export const TRAJECTORY_STATUSES = ["active", "paused", "closed"] as const;
export type TrajectoryStatus = (typeof TRAJECTORY_STATUSES)[number];

const TRAJECTORY_STEPS: Record<TrajectoryStatus, readonly TrajectoryStatus[]> = {
  active: ["paused", "closed"],
  paused: ["active", "closed"],
  closed: [],
};

export function canMoveTrajectory(from: TrajectoryStatus, to: TrajectoryStatus): boolean {
  return TRAJECTORY_STEPS[from].includes(to);
}

export const GOAL_STATUSES = ["open", "reached", "dropped"] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/** A referral ("toeleiding"): proposed, then accepted or refused; an accepted one ends done or not done. */
export const REFERRAL_STATUSES = ["proposed", "accepted", "refused", "done", "not_done"] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

const REFERRAL_STEPS: Record<ReferralStatus, readonly ReferralStatus[]> = {
  proposed: ["accepted", "refused"],
  accepted: ["done", "not_done"],
  refused: [],
  done: [],
  not_done: [],
};

export function canMoveReferral(from: ReferralStatus, to: ReferralStatus): boolean {
  return REFERRAL_STEPS[from].includes(to);
}

export interface Address {
  street: string;
  houseNumber: string;
  box?: string | null | undefined;
  postcode: string;
}

/** "Kerkstraat 12 bus 3, 9000": how an address reads in lists and on the case page. */
export function formatAddress(a: Address): string {
  return `${a.street} ${a.houseNumber}${a.box ? ` bus ${a.box}` : ""}, ${a.postcode}`;
}

/** The comparison key of an address: case, accents, spacing and punctuation do not make a new address. */
export function addressKey(a: Address): string {
  const norm = (s: string | null | undefined) =>
    (s ?? "")
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
  return [a.postcode, a.street, a.houseNumber, a.box].map(norm).join("|");
}
