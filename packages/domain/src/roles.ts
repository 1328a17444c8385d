// Roles of the organisation model. Team roles hold per team; organisation roles hold across teams.
export const TEAM_ROLES = ["worker", "coordinator"] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export const ORG_ROLES = ["admin", "director", "dpo", "partner"] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

export const TEAM_KINDS = [
  "street_work",
  "neighbourhood_stewards",
  "group_programme",
  "school_peer_support",
  "youth_project",
  "night_patrol",
  "other",
] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];

export const PLACE_KINDS = ["private", "semi_public", "public", "online"] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];
