// Professional secrecy beside the share and break-the-glass schemas in people.ts: whom a record can
// be shared with, what was shared with me, one's own emergency access, and the DPO's audit trail.
import { z } from "zod";
import { breakGlassView, fieldClass } from "./people.ts";

/** The teams (not one's own) and partners a worker may share a person's record with. */
export const shareRecipientsView = z
  .object({
    teams: z.array(z.object({ id: z.uuid(), name: z.string() })),
    partners: z.array(z.object({ id: z.uuid(), displayName: z.string() })),
  })
  .meta({ id: "ShareRecipients" });
export type ShareRecipients = z.infer<typeof shareRecipientsView>;

export const sharedWithMeItem = z.object({
  id: z.uuid(),
  nickname: z.string(),
  fieldClasses: z.array(fieldClass),
  expiresAt: z.string().nullable(),
});
export type SharedWithMeItem = z.infer<typeof sharedWithMeItem>;

/** The caller's own running emergency access to a person, if any. */
export const activeBreakGlassView = z.object({ active: breakGlassView.nullable() });

export const auditQuery = z
  .object({
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    actorUserId: z.uuid().optional(),
    entityId: z.uuid().optional(),
    /** A prefix of the action: `person.` for everything about persons, `person.shar` for shares and revocations. */
    action: z
      .string()
      .regex(/^[a-z_.]{1,60}$/)
      .optional(),
    beforeSeq: z.coerce.number().int().positive().optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

export const auditEntryView = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    actorUserId: z.uuid().nullable(),
    actorName: z.string().nullable(),
    action: z.string(),
    entityType: z.string().nullable(),
    entityId: z.uuid().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "AuditEntry" });
export type AuditEntry = z.infer<typeof auditEntryView>;

/** Everyone who can appear in the audit trail, for the DPO's "who" filter. */
export const auditActorView = z.object({ id: z.uuid(), displayName: z.string(), isActive: z.boolean() });
export type AuditActor = z.infer<typeof auditActorView>;
