// Data subject rights (GDPR art. 15-18): finding the person, the subject-access export, rectification
// with history, restriction, anonymisation and erasure. Used by the DPO.
import { z } from "zod";
import { localeSchema, nameText } from "./common.ts";
import { nationalRegisterNumber, personView } from "./people.ts";

const reason = z.string().trim().min(5).max(1000);
const code = z.string().trim().min(1).max(60);

/** Find the person a request is about: by national register number (keyed hash), nickname fragment or id. */
export const subjectLookupBody = z
  .object({
    nationalRegisterNumber: nationalRegisterNumber.optional(),
    nickname: z.string().trim().min(2).max(80).optional(),
    personId: z.uuid().optional(),
  })
  .strict()
  .refine((b) => b.nationalRegisterNumber || b.nickname || b.personId, {
    message: "give a national register number, a nickname or an id",
    path: ["nationalRegisterNumber"],
  });
export type SubjectLookupBody = z.infer<typeof subjectLookupBody>;

/** A worker's equality search by national register number, within their teams (keyed hash, never the number). */
export const registerNumberLookupBody = z.object({ nationalRegisterNumber }).strict();
export type RegisterNumberLookupBody = z.infer<typeof registerNumberLookupBody>;

export const subjectCandidate = z.object({
  id: z.uuid(),
  nickname: z.string(),
  identityLevel: z.enum(["pseudonymous", "identified"]),
  ownerTeamName: z.string(),
  isActive: z.boolean(),
  createdAt: z.string(),
  restricted: z.boolean(),
  anonymisedAt: z.string().nullable(),
});
export type SubjectCandidate = z.infer<typeof subjectCandidate>;

export const restrictionView = z.object({
  id: z.uuid(),
  reason: z.string(),
  startedAt: z.string(),
  startedBy: z.string().nullable(),
  liftedAt: z.string().nullable(),
  liftedBy: z.string().nullable(),
  liftReason: z.string().nullable(),
});

export const revisionView = z.object({
  at: z.string(),
  action: z.string(),
  by: z.string().nullable(),
  changes: z.record(z.string(), z.unknown()),
});

/** What the DPO sees before acting: the whole record, its state and its revisions. */
export const subjectOverview = z
  .object({
    person: personView,
    ownerTeamName: z.string(),
    restricted: z.boolean(),
    anonymisedAt: z.string().nullable(),
    restrictions: z.array(restrictionView),
    revisions: z.array(revisionView),
    counts: z.record(z.string(), z.number().int()),
  })
  .meta({ id: "SubjectOverview" });
export type SubjectOverview = z.infer<typeof subjectOverview>;

const item = z.record(z.string(), z.unknown());

/** The subject-access export (art. 15): everything recorded about the person, and who accessed it. */
export const subjectExport = z
  .object({
    format: z.literal("vindplaats.subject-access.v1"),
    generatedAt: z.string(),
    generatedBy: z.string(),
    organisation: z.string(),
    person: item,
    status: z.object({ restricted: z.boolean(), anonymisedAt: z.string().nullable() }),
    /** Records merged into this one (the same person registered twice): what they held themselves. */
    mergedRecords: z.array(item),
    teams: z.array(item),
    contacts: z.array(item),
    notes: z.array(item),
    referrals: z.array(item),
    tasks: z.array(item),
    collectives: z.array(item),
    trajectories: z.array(item),
    shares: z.array(item),
    breakGlass: z.array(item),
    revisions: z.array(revisionView),
    restrictions: z.array(restrictionView),
    accessHistory: z.array(
      z.object({ at: z.string(), by: z.string().nullable(), action: z.string(), entityType: z.string().nullable() }),
    ),
  })
  .meta({ id: "SubjectExport" });
export type SubjectExport = z.infer<typeof subjectExport>;

export const subjectExportQuery = z.object({ locale: localeSchema.optional() }).strict();

/** Rectification (art. 16): the corrected values and why; every change is kept as a revision. */
export const rectificationBody = z
  .object({
    reason,
    nickname: nameText(80).optional(),
    description: z.string().trim().max(500).nullable().optional(),
    ageBand: code.nullable().optional(),
    gender: code.nullable().optional(),
    birthYear: z.number().int().min(1900).max(2100).nullable().optional(),
    languages: z.array(code).max(10).optional(),
    nationality: code.nullable().optional(),
    knownToSocialService: z.boolean().nullable().optional(),
    fullName: nameText(200).nullable().optional(),
    birthDate: z.iso.date().nullable().optional(),
    nationalRegisterNumber: nationalRegisterNumber.nullable().optional(),
    phone: z.string().trim().min(3).max(40).nullable().optional(),
    email: z.email().max(254).nullable().optional(),
  })
  .strict();
export type RectificationBody = z.infer<typeof rectificationBody>;

export const subjectReasonBody = z.object({ reason }).strict();
export type SubjectReasonBody = z.infer<typeof subjectReasonBody>;

/** Erasure (art. 17) is irreversible: the DPO confirms that it is lawful (no obligation to keep). */
export const erasureBody = z.object({ reason, lawful: z.literal(true) }).strict();
export type ErasureBody = z.infer<typeof erasureBody>;

export const erasureView = z.object({
  personId: z.uuid(),
  kind: z.enum(["anonymised", "erased"]),
  at: z.string(),
  counts: z.record(z.string(), z.number().int()),
});
export type ErasureView = z.infer<typeof erasureView>;
