import { ORG_ROLES, TEAM_KINDS, TEAM_ROLES } from "@vindplaats/domain";
import { z } from "zod";
import { pendingView } from "./auth-security.ts";
import { localeSchema } from "./common.ts";

export const MIN_PASSWORD_LENGTH = 12;

export const signInBody = z
  .object({
    email: z.email().max(254),
    password: z.string().min(1).max(1024),
  })
  .strict();
export type SignInBody = z.infer<typeof signInBody>;

export const changePasswordBody = z
  .object({
    currentPassword: z.string().min(1).max(1024),
    newPassword: z.string().min(MIN_PASSWORD_LENGTH).max(1024),
  })
  .strict();
export type ChangePasswordBody = z.infer<typeof changePasswordBody>;

export const membershipView = z.object({
  teamId: z.uuid(),
  teamName: z.string(),
  teamKind: z.enum(TEAM_KINDS),
  role: z.enum(TEAM_ROLES),
});

export const sessionView = z
  .object({
    user: z.object({
      id: z.uuid(),
      email: z.string(),
      displayName: z.string(),
      locale: localeSchema,
      orgRoles: z.array(z.enum(ORG_ROLES)),
    }),
    organisation: z.object({ id: z.uuid(), name: z.string(), isDemo: z.boolean() }),
    memberships: z.array(membershipView),
    csrfToken: z.string(),
    idleTimeoutSeconds: z.number().int(),
    expiresAt: z.string(),
    /** Set while the sign-in still needs its second factor or an enrolment: nothing else answers yet. */
    pending: pendingView,
  })
  .meta({ id: "Session" });
export type SessionView = z.infer<typeof sessionView>;

export const updateMeBody = z
  .object({ locale: localeSchema.optional(), displayName: z.string().trim().min(1).max(120).optional() })
  .strict();
