// RFC 9457 problem details, the one error shape of the API. `key` is a message key the client
// translates; `detail` is already translated into the caller's language.
import { z } from "zod";
import { AUTH_ERROR_KEYS } from "./auth-messages.ts";
import { PROTECTION_ERROR_KEYS } from "./protection-messages.ts";

export const ERROR_KEYS = [
  "validation",
  "malformed_json",
  "body_too_large",
  "unsupported_media_type",
  "unauthenticated",
  "session_expired",
  "forbidden",
  "csrf",
  "not_found",
  "conflict",
  "invalid_credentials",
  "too_many_attempts",
  "rate_limited",
  "password_too_short",
  "password_reused",
  "password_wrong",
  "email_taken",
  "invalid_transition",
  "internal",
  ...AUTH_ERROR_KEYS,
  ...PROTECTION_ERROR_KEYS,
] as const;
export type ErrorKey = (typeof ERROR_KEYS)[number];

export const fieldIssueSchema = z.object({
  field: z.string(),
  key: z.string(),
  message: z.string(),
});

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    key: z.string(),
    detail: z.string(),
    field: z.string().optional(),
    errors: z.array(fieldIssueSchema).optional(),
  })
  .meta({ id: "Problem" });
export type Problem = z.infer<typeof problemSchema>;
