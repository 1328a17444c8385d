// Turns RFC 9457 problem+json bodies into ApiError and translates them by message key, so the
// interface language wins over the language the server guessed for `detail`.
import { ERROR_MESSAGES, type Locale } from "@vindplaats/contracts";

export interface FieldProblem {
  field: string;
  key: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly key: string,
    readonly fields: FieldProblem[] = [],
    readonly detail = "",
  ) {
    super(detail || key);
    this.name = "ApiError";
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

/** Builds an ApiError from a response status and whatever body came back (problem+json or not). */
export function parseProblem(status: number, body: unknown): ApiError {
  if (!isRecord(body) || typeof body.key !== "string") {
    return new ApiError(status, status >= 500 ? "internal" : status === 401 ? "unauthenticated" : "validation");
  }
  const fields: FieldProblem[] = [];
  if (Array.isArray(body.errors)) {
    for (const e of body.errors) {
      if (isRecord(e) && typeof e.field === "string" && typeof e.key === "string") {
        fields.push({ field: e.field, key: e.key });
      }
    }
  }
  if (!fields.length && typeof body.field === "string") fields.push({ field: body.field, key: "field.invalid" });
  return new ApiError(status, body.key, fields, typeof body.detail === "string" ? body.detail : "");
}

/** The message for a problem or field key in a language; unknown keys fall back to English, then to Dutch. */
export function translateKey(locale: Locale, key: string): string | undefined {
  return ERROR_MESSAGES[locale][key] ?? ERROR_MESSAGES.en[key] ?? ERROR_MESSAGES.nl[key];
}

/** One message per field name, for showing next to the inputs. The first problem of a field wins. */
export function fieldMessages(error: unknown, locale: Locale): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const f of error.fields) {
    const name = f.field.split(".")[0] ?? f.field;
    out[name] ??= translateKey(locale, f.key) ?? translateKey(locale, "field.invalid") ?? f.key;
  }
  return out;
}
