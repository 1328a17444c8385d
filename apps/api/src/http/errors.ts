// Maps every failure to RFC 9457 problem+json with a message key, the offending field and a
// message in the caller's language. Anything unexpected is a logged 500 without internals.
import { type ErrorKey, errorMessage, type Locale, pickLocale } from "@vindplaats/contracts";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";

export interface FieldIssue {
  field: string;
  key: string;
}

/** A failure the caller can act on; thrown by services, mapped to a 4xx. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly key: ErrorKey,
    readonly issues: FieldIssue[] = [],
  ) {
    super(key);
  }
}

export const notFound = () => new AppError(404, "not_found");
export const forbidden = () => new AppError(403, "forbidden");
export const conflict = (key: ErrorKey = "conflict", field?: string) =>
  new AppError(409, key, field ? [{ field, key: `field.${key === "conflict" ? "invalid" : key}` }] : []);
/** A value the caller sent is wrong; `key` is a field message key such as "field.inactive". */
export const invalidField = (field: string, key = "field.invalid", status = 422) =>
  new AppError(status, "validation", [{ field, key }]);
export const invalidTransition = (field = "status") =>
  new AppError(409, "invalid_transition", [{ field, key: "field.invalid" }]);

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
};

export function requestLocale(request: FastifyRequest): Locale {
  return request.actor?.locale ?? pickLocale(request.headers["accept-language"]);
}

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  key: ErrorKey,
  issues: FieldIssue[] = [],
): FastifyReply {
  const locale = requestLocale(request);
  const errors = issues.map((i) => ({ field: i.field, key: i.key, message: errorMessage(locale, i.key) }));
  return reply
    .status(status)
    .type("application/problem+json")
    .send({
      type: `https://vindplaats.org/problems/${key}`,
      title: TITLES[status] ?? "Error",
      status,
      key,
      detail: errorMessage(locale, key),
      ...(issues[0] ? { field: issues[0].field } : {}),
      ...(errors.length ? { errors } : {}),
    });
}

function zodIssueKey(code: string): string {
  switch (code) {
    case "invalid_type":
      return "field.invalid_type";
    case "too_small":
      return "field.too_small";
    case "too_big":
      return "field.too_big";
    case "unrecognized_keys":
      return "field.unknown";
    default:
      return "field.invalid";
  }
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) return sendProblem(request, reply, error.status, error.key, error.issues);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const context = error.validationContext ?? "body";
      const input = {
        body: request.body,
        params: request.params,
        querystring: request.query,
        headers: request.headers,
      }[context];
      const issues = error.validation.flatMap((v) => {
        const path = v.instancePath.split("/").filter(Boolean).join(".");
        const prefix = context === "body" ? path : [context, path].filter(Boolean).join(".");
        const keys = (v.params as { keys?: string[] }).keys;
        if (v.keyword === "unrecognized_keys" && keys?.length) {
          return keys.map((k) => ({ field: [prefix, k].filter(Boolean).join("."), key: "field.unknown" }));
        }
        // Zod reports a missing enum or literal as an invalid value, so look at what was sent.
        const sent = v.instancePath
          .split("/")
          .filter(Boolean)
          .reduce<unknown>((at, k) => (at as Record<string, unknown> | undefined)?.[k], input);
        const missing = path !== "" && sent === undefined;
        return [{ field: prefix || context, key: missing ? "field.required" : zodIssueKey(v.keyword) }];
      });
      return sendProblem(request, reply, 400, "validation", issues);
    }
    const code = error.code ?? "";
    if (code === "FST_ERR_CTP_BODY_TOO_LARGE") return sendProblem(request, reply, 413, "body_too_large");
    if (code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") return sendProblem(request, reply, 415, "unsupported_media_type");
    if (
      code === "FST_ERR_CTP_EMPTY_JSON_BODY" ||
      code === "FST_ERR_CTP_INVALID_JSON_BODY" ||
      error instanceof SyntaxError
    ) {
      return sendProblem(request, reply, 400, "malformed_json");
    }
    if (error.statusCode === 429) return sendProblem(request, reply, 429, "rate_limited");
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(request, reply, error.statusCode, "validation");
    }
    const pgCode = (error as { code?: string }).code;
    if (pgCode === "23505") return sendProblem(request, reply, 409, "conflict");
    if (pgCode === "23503" || pgCode === "22P02" || pgCode === "22007" || pgCode === "22008") {
      return sendProblem(request, reply, 422, "validation");
    }
    // Messages of database errors can quote values a user typed: log the code and frames only.
    const frames = (error.stack ?? "").split("\n").slice(1, 8).join("\n");
    request.log.error({ err: { name: error.name, code: pgCode, frames } }, "unhandled error");
    return sendProblem(request, reply, 500, "internal");
  });
}
