// The Quick Scan (De Maeyer, Dewaele & Beelen, 2013): its five dynamic parameters are the
// dimensions of every contact, so a team's declared profile can be set against its registrations.
export const CAME_ABOUT = [
  "own_observation",
  "via_person_or_group",
  "professional_network",
  "non_professional_network",
] as const;
export type CameAbout = (typeof CAME_ABOUT)[number];

export const WORKING_RELATIONSHIPS = ["voluntary", "persistent", "carrot_and_stick", "coercion"] as const;
export type WorkingRelationship = (typeof WORKING_RELATIONSHIPS)[number];

export const CONTACT_ACTIONS = ["direct_help", "indirect_help", "life_world", "structural_work"] as const;
export type ContactAction = (typeof CONTACT_ACTIONS)[number];

export const LOCATION_KINDS = ["private", "semi_public", "public", "online"] as const;
export type LocationKind = (typeof LOCATION_KINDS)[number];

export const CONTACT_MODES = ["standard", "tally", "repeat", "group"] as const;
export type ContactMode = (typeof CONTACT_MODES)[number];

/** Configurable per organisation; these are the codes every new organisation starts with. */
export const VALUE_LIST_NAMES = [
  "life_domain",
  "referral_service",
  "age_band",
  "gender",
  "language",
  "nationality",
  "intake_channel",
] as const;
export type ValueListName = (typeof VALUE_LIST_NAMES)[number];

export const MAX_HEAD_COUNT = 500;
export const MAX_DURATION_MINUTES = 24 * 60;
