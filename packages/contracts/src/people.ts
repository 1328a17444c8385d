// People reached ("gasten"), households and groups.
import { isValidNationalRegisterNumber } from "@vindplaats/domain";
import { z } from "zod";
import { nameText } from "./common.ts";

const code = z.string().trim().min(1).max(60);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const teamScoped = { teamId: z.uuid() };

export const personProfileFields = {
  nickname: nameText(80),
  description: optionalText(500),
  ageBand: code.nullable().optional(),
  gender: code.nullable().optional(),
  birthYear: z.number().int().min(1900).max(2100).nullable().optional(),
  languages: z.array(code).max(10).optional(),
  nationality: code.nullable().optional(),
  usualPlaceId: z.uuid().nullable().optional(),
  usualNeighbourhoodId: z.uuid().nullable().optional(),
  knownToSocialService: z.boolean().nullable().optional(),
};

export const createPersonBody = z
  .object({ id: z.uuid().optional(), ...teamScoped, ...personProfileFields })
  .strict()
  .meta({ id: "CreatePerson" });
export type CreatePersonBody = z.infer<typeof createPersonBody>;

export const updatePersonBody = z
  .object({
    nickname: nameText(80).optional(),
    description: optionalText(500),
    ageBand: code.nullable().optional(),
    gender: code.nullable().optional(),
    birthYear: z.number().int().min(1900).max(2100).nullable().optional(),
    languages: z.array(code).max(10).optional(),
    nationality: code.nullable().optional(),
    usualPlaceId: z.uuid().nullable().optional(),
    usualNeighbourhoodId: z.uuid().nullable().optional(),
    knownToSocialService: z.boolean().nullable().optional(),
    /** The version the client edited, for conflict detection. */
    baseVersion: z.number().int().min(1).optional(),
  })
  .strict();
export type UpdatePersonBody = z.infer<typeof updatePersonBody>;

export const nationalRegisterNumber = z
  .string()
  .trim()
  .max(20)
  .refine(isValidNationalRegisterNumber, { message: "invalid national register number" });

/** Moving up the identity ladder is a deliberate step, recorded with who and when. */
export const identifyPersonBody = z
  .object({
    fullName: nameText(200),
    birthDate: z.iso.date().nullable().optional(),
    nationalRegisterNumber: nationalRegisterNumber.nullable().optional(),
    phone: z.string().trim().min(3).max(40).nullable().optional(),
    email: z.email().max(254).nullable().optional(),
  })
  .strict();
export type IdentifyPersonBody = z.infer<typeof identifyPersonBody>;

export const otherTeamView = z.object({ teamId: z.uuid(), teamName: z.string(), contactWorker: z.string().nullable() });

export const personView = z
  .object({
    id: z.uuid(),
    ownerTeamId: z.uuid(),
    nickname: z.string(),
    description: z.string().nullable(),
    ageBand: z.string().nullable(),
    gender: z.string().nullable(),
    birthYear: z.number().int().nullable(),
    languages: z.array(z.string()),
    nationality: z.string().nullable(),
    usualPlaceId: z.uuid().nullable(),
    usualNeighbourhoodId: z.uuid().nullable(),
    knownToSocialService: z.boolean().nullable(),
    identityLevel: z.enum(["pseudonymous", "identified"]),
    identity: z
      .object({
        fullName: z.string().nullable(),
        birthDate: z.string().nullable(),
        nationalRegisterNumber: z.string().nullable(),
        phone: z.string().nullable(),
        email: z.string().nullable(),
        identifiedAt: z.string().nullable(),
        identifiedBy: z.string().nullable(),
      })
      .nullable(),
    isActive: z.boolean(),
    mergedIntoId: z.uuid().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Person" });
export type PersonView = z.infer<typeof personView>;

export const personSearchQuery = z
  .object({
    q: z.string().trim().min(1).max(80).optional(),
    teamId: z.uuid().optional(),
    neighbourhoodId: z.uuid().optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

export const personListItem = z
  .object({
    id: z.uuid(),
    nickname: z.string(),
    description: z.string().nullable(),
    ageBand: z.string().nullable(),
    usualNeighbourhoodId: z.uuid().nullable(),
    identityLevel: z.enum(["pseudonymous", "identified"]),
    lastSeenAt: z.string().nullable(),
  })
  .meta({ id: "PersonListItem" });

export const duplicateQuery = z
  .object({
    nickname: nameText(80),
    birthYear: z.coerce.number().int().min(1900).max(2100).optional(),
    neighbourhoodId: z.uuid().optional(),
    placeId: z.uuid().optional(),
    excludeId: z.uuid().optional(),
  })
  .strict();

/** A likely duplicate. Outside the caller's teams only the team and whom to ask are shown. */
export const duplicateCandidate = z.object({
  score: z.number(),
  inScope: z.boolean(),
  /** Also given out of scope: an id is no content, and break-the-glass needs it. */
  personId: z.uuid(),
  person: personListItem.nullable(),
  knownBy: z.array(otherTeamView),
});

export const mergeBody = z.object({ duplicateId: z.uuid() }).strict();
export const mergeView = z.object({
  mergeId: z.uuid(),
  survivorId: z.uuid(),
  mergedId: z.uuid(),
  moved: z.record(z.string(), z.number()),
});

export const timelineItem = z.object({
  kind: z.enum(["contact", "referral", "note", "identity", "merge", "task"]),
  id: z.uuid(),
  at: z.string(),
  teamId: z.uuid().nullable(),
  summary: z.record(z.string(), z.unknown()),
});

export const personPage = z
  .object({
    relation: z.enum(["own", "same_team", "other_team", "shared", "share_revoked", "share_expired", "break_glass"]),
    person: personView,
    otherTeams: z.array(otherTeamView),
    timeline: z.array(timelineItem),
  })
  .meta({ id: "PersonPage" });

export const createNoteBody = z.object({ teamId: z.uuid(), body: z.string().trim().min(1).max(4000) }).strict();

export const collectiveKind = z.enum(["household", "group"]);
export const createCollectiveBody = z
  .object({
    id: z.uuid().optional(),
    teamId: z.uuid(),
    name: nameText(120),
    usualPlaceId: z.uuid().nullable().optional(),
    memberIds: z.array(z.uuid()).max(100).default([]),
  })
  .strict();
export const updateCollectiveBody = z
  .object({
    name: nameText(120).optional(),
    usualPlaceId: z.uuid().nullable().optional(),
    isActive: z.boolean().optional(),
    addMemberIds: z.array(z.uuid()).max(100).optional(),
    removeMemberIds: z.array(z.uuid()).max(100).optional(),
  })
  .strict();
export const collectiveView = z
  .object({
    id: z.uuid(),
    kind: collectiveKind,
    ownerTeamId: z.uuid(),
    name: z.string(),
    usualPlaceId: z.uuid().nullable(),
    isActive: z.boolean(),
    members: z.array(z.object({ personId: z.uuid(), nickname: z.string(), since: z.string() })),
  })
  .meta({ id: "Collective" });

export const fieldClass = z.enum(["profile", "identity", "sensitive", "notes"]);

/** Sharing needs a recorded basis: the person's consent, or a documented shared-secrecy basis. */
export const createShareBody = z
  .object({
    toTeamId: z.uuid().optional(),
    toUserId: z.uuid().optional(),
    fieldClasses: z.array(fieldClass).min(1).max(4),
    basis: z.discriminatedUnion("kind", [
      z
        .object({
          kind: z.literal("consent"),
          givenOn: z.iso.date(),
          scope: z.string().trim().min(3).max(500),
          how: z.enum(["verbal", "written", "digital"]),
          expiresOn: z.iso.date().optional(),
        })
        .strict(),
      z
        .object({
          kind: z.literal("shared_secrecy"),
          sameMission: z.literal(true),
          inPersonsInterest: z.literal(true),
          necessary: z.literal(true),
          justification: z.string().trim().min(20).max(2000),
          expiresOn: z.iso.date().optional(),
        })
        .strict(),
    ]),
  })
  .strict()
  .refine((b) => !!b.toTeamId !== !!b.toUserId, { message: "exactly one recipient", path: ["toTeamId"] });

export const shareView = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    fromTeamId: z.uuid(),
    toTeamId: z.uuid().nullable(),
    toUserId: z.uuid().nullable(),
    fieldClasses: z.array(fieldClass),
    basis: z.string(),
    consentGivenOn: z.string().nullable(),
    consentScope: z.string().nullable(),
    consentHow: z.string().nullable(),
    justification: z.string().nullable(),
    expiresAt: z.string().nullable(),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: "Share" });

export const breakGlassBody = z.object({ reason: z.string().trim().min(20).max(2000) }).strict();
export const breakGlassView = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    userName: z.string(),
    personId: z.uuid(),
    reason: z.string(),
    startedAt: z.string(),
    expiresAt: z.string(),
    reviewedAt: z.string().nullable(),
    reviewNote: z.string().nullable(),
  })
  .meta({ id: "BreakGlass" });
export const reviewBody = z.object({ note: z.string().trim().min(1).max(2000) }).strict();
