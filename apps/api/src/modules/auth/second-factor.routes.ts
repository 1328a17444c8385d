// The second step of a sign-in (TOTP or recovery code), TOTP enrolment and the account's security
// settings. Routes of an unfinished sign-in say which step they serve (allowPending).
import {
  okSchema,
  recoveryCodeBody,
  recoveryCodesView,
  securityView,
  sessionView,
  totpCodeBody,
  totpEnrolmentView,
} from "@vindplaats/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../http/errors.ts";
import { withCtx } from "../../http/handler.ts";
import { setSessionCookie } from "../../http/session.ts";
import { factorSummary } from "./factors.repo.ts";
import { assertMayDropTotp, giveSecondFactor, securityOf } from "./second-factor.service.ts";
import { finishStep, type OpenedSession } from "./sign-in-steps.ts";
import type { LoginThrottle } from "./throttle.ts";
import {
  confirmTotpEnrolment,
  disableTotp,
  generateRecoveryCodes,
  startTotpEnrolment,
  useRecoveryCode,
  verifyTotp,
} from "./totp.service.ts";

const SECOND_STEP = { access: "authenticated", permission: "self", allowPending: ["second_factor"] } as const;
/** Serves an enrolment step as well as a full session. */
const ENROLMENT = { access: "authenticated", permission: "self", allowPending: ["enrolment"] } as const;
const SELF = { access: "authenticated", permission: "self" } as const;

export function secondFactorRoutes(throttle: LoginThrottle) {
  return async (plain: FastifyInstance) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const tags = ["auth"];
    const rateLimit = { max: plain.deps.config.loginRatePerMinute, timeWindow: "1 minute" };
    const deps = () => ({ config: app.deps.config, throttle });
    const started = (
      request: Parameters<typeof setSessionCookie>[0],
      reply: Parameters<typeof setSessionCookie>[1],
      s: OpenedSession,
    ) => {
      setSessionCookie(request, reply, s.token, s.maxAgeSeconds);
      return s.view;
    };

    app.post(
      "/api/v1/auth/second-factor/totp",
      {
        config: { ...SECOND_STEP, rateLimit },
        schema: {
          tags,
          summary: "Second step: a code from the authenticator app",
          body: totpCodeBody,
          response: { 200: sessionView },
        },
      },
      async (request, reply) => {
        const code = request.body.code;
        const s = await giveSecondFactor(request, deps(), "totp", (ctx) =>
          verifyTotp(ctx.tx, ctx.actor.userId, code, ctx.clock.now()),
        );
        return started(request, reply, s);
      },
    );

    app.post(
      "/api/v1/auth/second-factor/recovery",
      {
        config: { ...SECOND_STEP, rateLimit },
        schema: {
          tags,
          summary: "Second step: a one-time recovery code (a lost phone)",
          body: recoveryCodeBody,
          response: { 200: sessionView },
        },
      },
      async (request, reply) => {
        const code = request.body.code;
        const s = await giveSecondFactor(request, deps(), "recovery", (ctx) =>
          useRecoveryCode(ctx.tx, ctx.actor.userId, code, ctx.clock.now()),
        );
        return started(request, reply, s);
      },
    );

    app.post(
      "/api/v1/me/totp/enrolment",
      {
        config: ENROLMENT,
        schema: {
          tags,
          summary: "Start TOTP enrolment: a new secret as otpauth URI (for a QR code) and as a key to type",
          response: { 200: totpEnrolmentView },
        },
      },
      (request) => withCtx(request, startTotpEnrolment),
    );

    app.post(
      "/api/v1/me/totp/enrolment/confirm",
      {
        config: { ...ENROLMENT, rateLimit },
        schema: {
          tags,
          summary: "Confirm TOTP enrolment with a first code; returns recovery codes, shown once",
          body: totpCodeBody,
          response: { 200: recoveryCodesView.extend({ session: sessionView.nullable() }) },
        },
      },
      async (request, reply) => {
        const result = await withCtx(request, async (ctx) => {
          const recoveryCodes = await confirmTotpEnrolment(ctx, request.body.code);
          // Enrolling was the step left: the sign-in is complete now.
          const session = ctx.actor.pending === "enrolment" ? await finishStep(ctx, app.deps.config) : null;
          return { recoveryCodes, session };
        });
        return {
          recoveryCodes: result.recoveryCodes,
          session: result.session ? started(request, reply, result.session) : null,
        };
      },
    );

    app.get(
      "/api/v1/me/security",
      { config: SELF, schema: { tags, summary: "Own second factors and passkeys", response: { 200: securityView } } },
      (request) => withCtx(request, securityOf),
    );

    app.post(
      "/api/v1/me/totp/disable",
      {
        config: { ...SELF, rateLimit },
        schema: {
          tags,
          summary: "Turn the authenticator app off (with a current code); refused while a factor is required",
          body: totpCodeBody,
          response: { 200: okSchema },
        },
      },
      async (request) => {
        await withCtx(request, async (ctx) => {
          await assertMayDropTotp(ctx);
          await disableTotp(ctx, request.body.code);
        });
        return { ok: true as const };
      },
    );

    app.post(
      "/api/v1/me/recovery-codes",
      {
        config: SELF,
        schema: {
          tags,
          summary: "New recovery codes; the old ones stop working",
          body: z.object({}).strict(),
          response: { 200: recoveryCodesView },
        },
      },
      (request) =>
        withCtx(request, async (ctx) => {
          const f = await factorSummary(ctx.tx, ctx.actor.userId);
          if (!f.totp && f.passkeys === 0) throw new AppError(409, "not_enrolled");
          return { recoveryCodes: await generateRecoveryCodes(ctx) };
        }),
    );
  };
}
