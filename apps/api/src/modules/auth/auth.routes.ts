import { changePasswordBody, okSchema, sessionView, signInBody, updateMeBody } from "@vindplaats/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { withCtx } from "../../http/handler.ts";
import { clearSessionCookie, setSessionCookie } from "../../http/session.ts";
import { changePassword, currentSession, signIn, signOut, signOutEverywhere, updateMe } from "./auth.service.ts";
import type { LoginThrottle } from "./throttle.ts";

export function authRoutes(throttle: LoginThrottle) {
  return async (plain: FastifyInstance) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const tags = ["auth"];

    app.post(
      "/api/v1/auth/sign-in",
      {
        config: { access: "public", rateLimit: { max: plain.deps.config.loginRatePerMinute, timeWindow: "1 minute" } },
        schema: { tags, summary: "Sign in with e-mail and password", body: signInBody, response: { 200: sessionView } },
      },
      async (request, reply) => {
        const { db, clock, config } = app.deps;
        const { token, view, maxAgeSeconds } = await signIn({ db, clock, config, throttle }, request.body, request.ip);
        setSessionCookie(request, reply, token, maxAgeSeconds);
        return view;
      },
    );

    app.get(
      "/api/v1/auth/session",
      {
        config: { access: "authenticated", permission: "self", allowPending: ["second_factor", "enrolment"] },
        schema: { tags, summary: "The current session", response: { 200: sessionView } },
      },
      (request) => withCtx(request, (ctx) => currentSession(ctx, app.deps.config)),
    );

    app.post(
      "/api/v1/auth/sign-out",
      {
        config: { access: "authenticated", permission: "self", allowPending: ["second_factor", "enrolment"] },
        schema: { tags, summary: "End this session", response: { 200: okSchema } },
      },
      async (request, reply) => {
        await withCtx(request, signOut);
        clearSessionCookie(request, reply);
        return { ok: true as const };
      },
    );

    app.post(
      "/api/v1/auth/sign-out-everywhere",
      {
        config: { access: "authenticated", permission: "self" },
        schema: {
          tags,
          summary: "End every session of this account",
          response: { 200: z.object({ ended: z.number().int() }) },
        },
      },
      async (request, reply) => {
        const ended = await withCtx(request, signOutEverywhere);
        clearSessionCookie(request, reply);
        return { ended };
      },
    );

    app.post(
      "/api/v1/auth/password",
      {
        config: { access: "authenticated", permission: "self" },
        schema: {
          tags,
          summary: "Change the password; other sessions end",
          body: changePasswordBody,
          response: { 200: okSchema },
        },
      },
      async (request) => {
        await withCtx(request, (ctx) => changePassword(ctx, request.body));
        return { ok: true as const };
      },
    );

    app.patch(
      "/api/v1/me",
      {
        config: { access: "authenticated", permission: "self" },
        schema: {
          tags,
          summary: "Update own language or display name",
          body: updateMeBody,
          response: { 200: sessionView },
        },
      },
      (request) => withCtx(request, (ctx) => updateMe(ctx, request.body, app.deps.config)),
    );
  };
}
