// Need-to-know for records about people: role x relation x action x field class, in one table.
// The relation says how the actor stands to the record; the table says which field classes each
// action may touch. Everything not listed is denied.
import type { OrgRole, TeamRole } from "@vindplaats/domain";

export const FIELD_CLASSES = ["profile", "identity", "sensitive", "notes"] as const;
export type FieldClass = (typeof FIELD_CLASSES)[number];

export const RELATIONS = [
  "own",
  "same_team",
  "other_team",
  "shared",
  "share_revoked",
  "share_expired",
  "break_glass",
] as const;
export type Relation = (typeof RELATIONS)[number];

export const RECORD_ACTIONS = ["read", "write", "export"] as const;
export type RecordAction = (typeof RECORD_ACTIONS)[number];

export type RecordRole = TeamRole | OrgRole;

const ALL: readonly FieldClass[] = FIELD_CLASSES;
/** Marks a relation whose field classes come from the share itself (what was shared). */
export const SHARED_CLASSES = "shared" as const;
type Grant = readonly FieldClass[] | typeof SHARED_CLASSES;

const teamWork: Partial<Record<Relation, Partial<Record<RecordAction, Grant>>>> = {
  own: { read: ALL, write: ALL },
  same_team: { read: ALL, write: ALL },
  shared: { read: SHARED_CLASSES },
  // Emergency access reads who the person is and what is needed to help (identity, health and
  // origin fields), never the team's notes; it never writes or exports.
  break_glass: { read: ["profile", "identity", "sensitive"] },
};

export const RECORD_POLICY: Record<RecordRole, Partial<Record<Relation, Partial<Record<RecordAction, Grant>>>>> = {
  worker: teamWork,
  coordinator: {
    ...teamWork,
    own: { read: ALL, write: ALL, export: ["profile", "sensitive"] },
    same_team: { read: ALL, write: ALL, export: ["profile", "sensitive"] },
  },
  partner: { shared: { read: SHARED_CLASSES } },
  // Figures only; audit only; administration only: no content of records about people.
  director: {},
  dpo: {},
  admin: {},
};

/** Field classes the roles may touch for this relation and action (union over the actor's roles). */
export function allowedFieldClasses(
  roles: Iterable<RecordRole>,
  relation: Relation,
  action: RecordAction,
  sharedClasses: readonly FieldClass[] = [],
): Set<FieldClass> {
  const out = new Set<FieldClass>();
  for (const role of roles) {
    const grant = RECORD_POLICY[role]?.[relation]?.[action];
    if (!grant) continue;
    for (const c of grant === SHARED_CLASSES ? sharedClasses : grant) out.add(c);
  }
  return out;
}
