// Contacts (encounters) and the lists coordinators filter and export.
import {
  CAME_ABOUT,
  CONTACT_ACTIONS,
  CONTACT_MODES,
  LOCATION_KINDS,
  MAX_DURATION_MINUTES,
  MAX_HEAD_COUNT,
  VALUE_LIST_NAMES,
  WORKING_RELATIONSHIPS,
} from "@vindplaats/domain";
import { z } from "zod";
import { createPersonBody } from "./people.ts";

const code = z.string().trim().min(1).max(60);
const uniqueArray = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((a) => new Set(a).size === a.length, { message: "duplicate values" });

export const anonymousCount = z
  .object({
    ageBand: code.nullable().default(null),
    gender: code.nullable().default(null),
    count: z.number().int().min(1).max(MAX_HEAD_COUNT),
  })
  .strict();

export const contactReferralInput = z
  .object({
    id: z.uuid().optional(),
    serviceCode: code,
    personId: z.uuid().nullable().optional(),
    accompanied: z.boolean().default(false),
  })
  .strict();

export const followUpInput = z
  .object({
    id: z.uuid().optional(),
    title: z.string().trim().min(1).max(200),
    dueOn: z.iso.date(),
    assigneeId: z.uuid().optional(),
  })
  .strict();

const contactFields = {
  startedAt: z.iso.datetime({ offset: true }),
  durationMinutes: z.number().int().min(0).max(MAX_DURATION_MINUTES),
  workerIds: uniqueArray(z.uuid(), 10).optional(),
  placeId: z.uuid().nullable().optional(),
  neighbourhoodId: z.uuid().nullable().optional(),
  locationKind: z.enum(LOCATION_KINDS).optional(),
  personIds: uniqueArray(z.uuid(), 100).default([]),
  groupId: z.uuid().nullable().optional(),
  anonymous: z.array(anonymousCount).max(50).default([]),
  cameAbout: uniqueArray(z.enum(CAME_ABOUT), 4).default([]),
  workingRelationship: uniqueArray(z.enum(WORKING_RELATIONSHIPS), 4).default([]),
  actions: uniqueArray(z.enum(CONTACT_ACTIONS), 4).default([]),
  lifeDomains: uniqueArray(code, 20).default([]),
  note: z.string().trim().max(2000).nullable().optional(),
};

export const createContactBody = z
  .object({
    id: z.uuid().optional(),
    teamId: z.uuid(),
    mode: z.enum(CONTACT_MODES).default("standard"),
    ...contactFields,
    newPersons: z
      .array(createPersonBody.omit({ teamId: true }))
      .max(20)
      .default([]),
    referrals: z.array(contactReferralInput).max(20).default([]),
    followUp: followUpInput.nullable().optional(),
  })
  .strict()
  .meta({ id: "CreateContact" });
export type CreateContactBody = z.infer<typeof createContactBody>;

/** One tap: +1 anonymous contact at a place, now. */
export const tallyBody = z
  .object({
    id: z.uuid().optional(),
    teamId: z.uuid(),
    placeId: z.uuid(),
    ageBand: code.nullable().optional(),
    gender: code.nullable().optional(),
    startedAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();

/** A correction: any subset of the contact's fields, with a reason; history keeps the previous values. */
export const correctContactBody = z
  .object({
    reason: z.string().trim().min(1).max(500),
    baseVersion: z.number().int().min(1).optional(),
    startedAt: contactFields.startedAt.optional(),
    durationMinutes: contactFields.durationMinutes.optional(),
    workerIds: contactFields.workerIds,
    placeId: contactFields.placeId,
    neighbourhoodId: contactFields.neighbourhoodId,
    locationKind: contactFields.locationKind,
    personIds: uniqueArray(z.uuid(), 100).optional(),
    anonymous: z.array(anonymousCount).max(50).optional(),
    cameAbout: uniqueArray(z.enum(CAME_ABOUT), 4).optional(),
    workingRelationship: uniqueArray(z.enum(WORKING_RELATIONSHIPS), 4).optional(),
    actions: uniqueArray(z.enum(CONTACT_ACTIONS), 4).optional(),
    lifeDomains: uniqueArray(code, 20).optional(),
    note: contactFields.note,
  })
  .strict();
export type CorrectContactBody = z.infer<typeof correctContactBody>;

export const removeContactBody = z.object({ reason: z.string().trim().min(1).max(500) }).strict();

export const contactView = z
  .object({
    id: z.uuid(),
    teamId: z.uuid(),
    mode: z.enum(CONTACT_MODES),
    startedAt: z.string(),
    durationMinutes: z.number().int(),
    workerIds: z.array(z.uuid()),
    placeId: z.uuid().nullable(),
    neighbourhoodId: z.uuid().nullable(),
    locationKind: z.enum(LOCATION_KINDS),
    personIds: z.array(z.uuid()),
    groupId: z.uuid().nullable(),
    anonymous: z.array(
      z.object({ ageBand: z.string().nullable(), gender: z.string().nullable(), count: z.number().int() }),
    ),
    anonymousTotal: z.number().int(),
    cameAbout: z.array(z.string()),
    workingRelationship: z.array(z.string()),
    actions: z.array(z.string()),
    lifeDomains: z.array(z.string()),
    note: z.string().nullable(),
    isRemoved: z.boolean(),
    removedReason: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    createdBy: z.uuid(),
    updatedAt: z.string(),
  })
  .meta({ id: "Contact" });
export type ContactView = z.infer<typeof contactView>;

export const contactFilters = z
  .object({
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    teamId: z.uuid().optional(),
    workerId: z.uuid().optional(),
    placeId: z.uuid().optional(),
    neighbourhoodId: z.uuid().optional(),
    personId: z.uuid().optional(),
    lifeDomain: code.optional(),
    action: z.enum(CONTACT_ACTIONS).optional(),
    includeRemoved: z.enum(["true", "false"]).optional(),
  })
  .strict();
export type ContactFilters = z.infer<typeof contactFilters>;

export const contactListQuery = contactFilters.extend({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const contactExportQuery = contactFilters.extend({
  format: z.enum(["csv", "xlsx"]),
  includeNotes: z.enum(["true", "false"]).optional(),
});

export const contactRevisionView = z.object({
  version: z.number().int(),
  at: z.string(),
  actorUserId: z.uuid(),
  reason: z.string().nullable(),
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
});

export const savedFilterBody = z.object({ name: z.string().trim().min(1).max(80), filters: contactFilters }).strict();
export const savedFilterView = z.object({
  id: z.uuid(),
  name: z.string(),
  filters: contactFilters,
  createdAt: z.string(),
});

export const valueListItem = z
  .object({
    list: z.string(),
    code: z.string(),
    labels: z.object({ nl: z.string(), en: z.string(), fr: z.string() }),
    sort: z.number().int(),
    isActive: z.boolean(),
  })
  .meta({ id: "ValueListItem" });
export const valueListParams = z.object({ list: z.enum(VALUE_LIST_NAMES) }).strict();
export const valueItemParams = valueListParams.extend({ code: code.regex(/^[a-z0-9_]+$/) });
export const createValueBody = z
  .object({
    code: code.regex(/^[a-z0-9_]+$/),
    labels: z
      .object({
        nl: z.string().trim().min(1).max(120),
        en: z.string().trim().min(1).max(120),
        fr: z.string().trim().min(1).max(120),
      })
      .strict(),
    sort: z.number().int().min(0).max(10_000).default(100),
  })
  .strict();
export const updateValueBody = z
  .object({
    labels: createValueBody.shape.labels.optional(),
    sort: z.number().int().min(0).max(10_000).optional(),
    isActive: z.boolean().optional(),
  })
  .strict();
