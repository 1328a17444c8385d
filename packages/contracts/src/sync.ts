// Offline sync: devices and their data keys, the idempotent push of queued mutations, the cursor
// pull of a worker's working set (with tombstones), and the conflicts a coordinator reviews.
import { z } from "zod";
import { personView } from "./people.ts";

/** The mutation format the current app writes. Older formats are upgraded by the server. */
export const SYNC_FORMAT_VERSION = 2;
/** A device that has not synced for this many days wipes its local data on the next start. */
export const DEFAULT_MAX_OFFLINE_DAYS = 7;
/** Contacts this recent belong to the working set. */
export const RECENT_CONTACT_DAYS = 30;
/** At most this many mutations per push request; the phone sends larger queues in batches. */
export const MAX_PUSH_BATCH = 500;

export const MUTATION_KINDS = [
  "contact.create",
  "contact.tally",
  "contact.correct",
  "person.create",
  "person.update",
  "person.note",
  "task.done",
] as const;
export type MutationKind = (typeof MUTATION_KINDS)[number];

export const registerDeviceBody = z.object({ label: z.string().trim().min(1).max(120) }).strict();

export const deviceKeyView = z
  .object({
    deviceId: z.uuid(),
    /** Base64 AES-256 key; null when the device was revoked (then `wipe` is true). */
    dataKey: z.string().nullable(),
    wipe: z.boolean(),
    maxOfflineDays: z.number().int().positive(),
  })
  .meta({ id: "DeviceKey" });
export type DeviceKeyView = z.infer<typeof deviceKeyView>;

export const deviceView = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    userName: z.string(),
    label: z.string(),
    createdAt: z.string(),
    lastSyncAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: "Device" });

export const syncMutation = z
  .object({
    /** The mutation id (uuidv7, made on the phone): a second delivery gets the first answer. */
    id: z.uuid(),
    kind: z.enum(MUTATION_KINDS),
    formatVersion: z.number().int().min(1).max(1000),
    /** Checked per mutation against the schema of its kind, so one bad mutation blocks no other. */
    payload: z.record(z.string(), z.unknown()),
  })
  .strict();
export type SyncMutation = z.infer<typeof syncMutation>;

export const pushBody = z
  .object({ deviceId: z.uuid().optional(), mutations: z.array(syncMutation).min(1).max(MAX_PUSH_BATCH) })
  .strict();
export type PushBody = z.infer<typeof pushBody>;

export const mutationProblem = z.object({
  status: z.number().int(),
  key: z.string(),
  errors: z.array(z.object({ field: z.string(), key: z.string() })),
});
export type MutationProblem = z.infer<typeof mutationProblem>;

export const mutationOutcome = z.object({
  entityType: z.string(),
  entityId: z.uuid(),
  version: z.number().int(),
  conflict: z.boolean(),
});
export type MutationOutcome = z.infer<typeof mutationOutcome>;

/**
 * applied: done (now or earlier: `replayed`); rejected: invalid, kept for the worker to see;
 * refused: the id was used before with another payload, kept for review; retry: try again later.
 */
export const mutationResult = z.object({
  id: z.uuid(),
  status: z.enum(["applied", "rejected", "refused", "retry"]),
  replayed: z.boolean(),
  outcome: mutationOutcome.nullable(),
  problem: mutationProblem.nullable(),
});
export type MutationResult = z.infer<typeof mutationResult>;

export const pushView = z.object({ wipe: z.boolean(), results: z.array(mutationResult) }).meta({ id: "PushResult" });
export type PushView = z.infer<typeof pushView>;

export const pullQuery = z
  .object({
    cursor: z.string().max(400).optional(),
    deviceId: z.uuid().optional(),
    limit: z.coerce.number().int().min(1).max(5000).default(1000),
  })
  .strict();

export const syncContact = z.object({
  id: z.uuid(),
  teamId: z.uuid(),
  mode: z.string(),
  startedAt: z.string(),
  durationMinutes: z.number().int(),
  workerIds: z.array(z.uuid()),
  placeId: z.uuid().nullable(),
  neighbourhoodId: z.uuid().nullable(),
  locationKind: z.string(),
  personIds: z.array(z.uuid()),
  groupId: z.uuid().nullable(),
  anonymousTotal: z.number().int(),
  lifeDomains: z.array(z.string()),
  actions: z.array(z.string()),
  /** Only on the worker's own contacts: reading a colleague's note stays an audited online act. */
  note: z.string().nullable(),
  version: z.number().int(),
  createdBy: z.uuid(),
});
export type SyncContact = z.infer<typeof syncContact>;

export const syncPlace = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.string(),
  neighbourhoodId: z.uuid(),
  isActive: z.boolean(),
});
export const syncNeighbourhood = z.object({ id: z.uuid(), name: z.string(), isActive: z.boolean() });
export const syncValue = z.object({
  list: z.string(),
  code: z.string(),
  labels: z.object({ nl: z.string(), en: z.string(), fr: z.string() }),
  sort: z.number().int(),
  isActive: z.boolean(),
});
export const syncTask = z.object({
  id: z.uuid(),
  teamId: z.uuid(),
  assigneeId: z.uuid(),
  title: z.string(),
  dueOn: z.string(),
  personId: z.uuid().nullable(),
  contactId: z.uuid().nullable(),
});
export type SyncTask = z.infer<typeof syncTask>;

/** Something the device must drop: removed, merged into another record, or no longer shared. */
export const tombstone = z.object({
  entityType: z.enum(["person", "contact"]),
  entityId: z.uuid(),
  op: z.enum(["delete", "merge", "revoke"]),
  mergedIntoId: z.uuid().nullable(),
});
export type Tombstone = z.infer<typeof tombstone>;

export const pullView = z
  .object({
    /** True when the device must replace its persons and contacts with these (first pull, teams changed). */
    snapshot: z.boolean(),
    cursor: z.string(),
    hasMore: z.boolean(),
    wipe: z.boolean(),
    persons: z.array(personView),
    contacts: z.array(syncContact),
    tombstones: z.array(tombstone),
    /** Reference sets and open tasks come whole, on the first pull and when they changed (null: unchanged). */
    places: z.array(syncPlace).nullable(),
    neighbourhoods: z.array(syncNeighbourhood).nullable(),
    valueLists: z.array(syncValue).nullable(),
    tasks: z.array(syncTask).nullable(),
  })
  .meta({ id: "PullResult" });
export type PullView = z.infer<typeof pullView>;

export const conflictView = z.object({
  kind: z.enum(["person_edit", "refused_mutation"]),
  id: z.uuid(),
  at: z.string(),
  userId: z.uuid().nullable(),
  userName: z.string().nullable(),
  personId: z.uuid().nullable(),
  nickname: z.string().nullable(),
  /** person_edit: field -> {from (the overwritten value), to}; refused_mutation: the refused payload. */
  details: z.record(z.string(), z.unknown()),
  resolvedAt: z.string().nullable(),
});
export type ConflictView = z.infer<typeof conflictView>;
