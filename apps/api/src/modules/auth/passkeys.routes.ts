// Passkey routes: register and remove one's own, sign in with one (no password), or give one as the
// second step after a password. Each ceremony's challenge lives server-side (ceremonies.ts).
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import {
  idParams,
  okSchema,
  passkeySignInBody,
  passkeyView,
  registerPasskeyBody,
  sessionView,
  webauthnOptionsView,
} from "@vindplaats/contracts";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { enterScope } from "../../db/database.ts";
import { AppError } from "../../http/errors.ts";
import { withCtx } from "../../http/handler.ts";
import { setSessionCookie } from "../../http/session.ts";
import { insertAudit } from "../audit/audit.repo.ts";
import { loadActor } from "./auth.repo.ts";
import {
  type CeremonyPurpose,
  clearCeremonyCookie,
  readCeremonyCookie,
  setCeremonyCookie,
  startCeremony,
  takeCeremony,
} from "./ceremonies.ts";
import {
  authenticationOptions,
  findPasskeyOwner,
  PASSKEY_CEREMONY_SECONDS,
  registerPasskey,
  registrationOptions,
  relyingParty,
  removePasskey,
  verifyAssertion,
} from "./passkeys.service.ts";
import { giveSecondFactor } from "./second-factor.service.ts";
import { finishStep, type OpenedSession, openSession } from "./sign-in-steps.ts";
import type { LoginThrottle } from "./throttle.ts";

const SELF = { access: "authenticated", permission: "self" } as const;
type Challenge = { challenge: string };

export function passkeyRoutes(throttle: LoginThrottle) {
  return async (plain: FastifyInstance) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const tags = ["auth"];
    const rateLimit = { max: plain.deps.config.loginRatePerMinute, timeWindow: "1 minute" };
    const rp = (request: FastifyRequest) => relyingParty(app.deps.config, request);
    const started = (request: FastifyRequest, reply: FastifyReply, s: OpenedSession) => {
      setSessionCookie(request, reply, s.token, s.maxAgeSeconds);
      return s.view;
    };
    /** Stores a challenge for this browser and hands the options out. */
    const issue = async (
      request: FastifyRequest,
      reply: FastifyReply,
      purpose: CeremonyPurpose,
      who: { orgId: string; userId: string } | null,
      options: { challenge: string },
    ) => {
      const token = await app.deps.db.transaction({ orgId: who?.orgId ?? null, userId: who?.userId ?? null }, (tx) =>
        startCeremony(tx, {
          purpose,
          orgId: who?.orgId ?? null,
          userId: who?.userId ?? null,
          data: { challenge: options.challenge } satisfies Challenge,
          now: app.deps.clock.now(),
          seconds: PASSKEY_CEREMONY_SECONDS,
        }),
      );
      setCeremonyCookie(request, reply, purpose, token, PASSKEY_CEREMONY_SECONDS);
      return { options: options as unknown as Record<string, unknown> };
    };

    app.post(
      "/api/v1/me/passkeys/options",
      {
        config: { ...SELF, allowPending: ["enrolment"] },
        schema: {
          tags,
          summary: "Options to create a passkey for this account",
          response: { 200: webauthnOptionsView },
        },
      },
      async (request, reply) => {
        const options = await withCtx(request, (ctx) => registrationOptions(ctx, rp(request)));
        const actor = request.actor!;
        return issue(request, reply, "webauthn.register", { orgId: actor.orgId, userId: actor.userId }, options);
      },
    );

    app.post(
      "/api/v1/me/passkeys",
      {
        config: { ...SELF, allowPending: ["enrolment"], rateLimit },
        schema: {
          tags,
          summary: "Register the passkey the browser created; completes an enrolment step",
          body: registerPasskeyBody,
          response: { 201: z.object({ passkey: passkeyView, session: sessionView.nullable() }) },
        },
      },
      async (request, reply) => {
        const token = readCeremonyCookie(request, "webauthn.register");
        clearCeremonyCookie(request, reply, "webauthn.register");
        const result = await withCtx(request, async (ctx) => {
          const ceremony = await takeCeremony<Challenge>(ctx.tx, token, "webauthn.register", ctx.clock.now());
          if (!ceremony || ceremony.userId !== ctx.actor.userId) throw new AppError(422, "passkey_failed");
          const passkey = await registerPasskey(ctx, rp(request), ceremony.data.challenge, {
            label: request.body.label,
            response: request.body.response as RegistrationResponseJSON,
          });
          const session = ctx.actor.pending === "enrolment" ? await finishStep(ctx, app.deps.config) : null;
          return { passkey, session };
        });
        return reply
          .status(201)
          .send({ passkey: result.passkey, session: result.session ? started(request, reply, result.session) : null });
      },
    );

    app.delete(
      "/api/v1/me/passkeys/:id",
      {
        config: SELF,
        schema: { tags, summary: "Remove one of one's passkeys", params: idParams, response: { 200: okSchema } },
      },
      async (request) => {
        await withCtx(request, (ctx) => removePasskey(ctx, request.params.id));
        return { ok: true as const };
      },
    );

    // ---- second step after a password ---------------------------------------------------------

    app.post(
      "/api/v1/auth/second-factor/passkey/options",
      {
        config: { ...SELF, allowPending: ["second_factor"] },
        schema: {
          tags,
          summary: "Second step: options to confirm with a passkey",
          response: { 200: webauthnOptionsView },
        },
      },
      async (request, reply) => {
        const actor = request.actor!;
        if (actor.pending !== "second_factor") throw new AppError(409, "no_pending_step");
        const options = await withCtx(request, (ctx) => authenticationOptions(ctx.tx, rp(request), actor.userId));
        return issue(request, reply, "webauthn.second_factor", { orgId: actor.orgId, userId: actor.userId }, options);
      },
    );

    app.post(
      "/api/v1/auth/second-factor/passkey",
      {
        config: { ...SELF, allowPending: ["second_factor"], rateLimit },
        schema: {
          tags,
          summary: "Second step: a passkey assertion",
          body: passkeySignInBody,
          response: { 200: sessionView },
        },
      },
      async (request, reply) => {
        const token = readCeremonyCookie(request, "webauthn.second_factor");
        clearCeremonyCookie(request, reply, "webauthn.second_factor");
        const s = await giveSecondFactor(request, { config: app.deps.config, throttle }, "passkey", async (ctx) => {
          const ceremony = await takeCeremony<Challenge>(ctx.tx, token, "webauthn.second_factor", ctx.clock.now());
          if (!ceremony || ceremony.userId !== ctx.actor.userId) return false;
          const response = request.body.response as AuthenticationResponseJSON;
          const owner = await verifyAssertion(ctx.tx, rp(request), ceremony.data.challenge, response, ctx.clock.now());
          return owner?.userId === ctx.actor.userId;
        });
        return started(request, reply, s);
      },
    );

    // ---- sign-in with a passkey alone ---------------------------------------------------------

    app.post(
      "/api/v1/auth/passkeys/options",
      {
        config: { access: "public", rateLimit },
        schema: { tags, summary: "Options to sign in with a passkey", response: { 200: webauthnOptionsView } },
      },
      async (request, reply) => {
        const options = await app.deps.db.transaction({ orgId: null, userId: null }, (tx) =>
          authenticationOptions(tx, rp(request), null),
        );
        return issue(request, reply, "webauthn.sign_in", null, options);
      },
    );

    app.post(
      "/api/v1/auth/passkeys/sign-in",
      {
        config: { access: "public", rateLimit },
        schema: {
          tags,
          summary: "Sign in with a passkey: user verification makes it a complete (two-factor) sign-in",
          body: passkeySignInBody,
          response: { 200: sessionView },
        },
      },
      async (request, reply) => {
        const { db, clock, config } = app.deps;
        const key = "passkey";
        if (throttle.isBlocked(request.ip, key)) throw new AppError(429, "too_many_attempts");
        const token = readCeremonyCookie(request, "webauthn.sign_in");
        clearCeremonyCookie(request, reply, "webauthn.sign_in");
        const response = request.body.response as AuthenticationResponseJSON;
        const opened = await db.transaction({ orgId: null, userId: null }, async (tx) => {
          const now = clock.now();
          const ceremony = await takeCeremony<Challenge>(tx, token, "webauthn.sign_in", now);
          const owner = ceremony ? await findPasskeyOwner(tx, response.id) : null;
          if (!ceremony || !owner) return null;
          await enterScope(tx, { orgId: owner.org_id, userId: owner.user_id });
          const who = { orgId: owner.org_id, actorUserId: owner.user_id, at: now };
          const verified = await verifyAssertion(tx, rp(request), ceremony.data.challenge, response, now);
          const account = await loadActor(tx, owner.user_id);
          if (!verified || !account?.is_active) {
            const failed = { method: "passkey" as const };
            await insertAudit(tx, who, {
              action: "auth.sign_in_failed",
              entityType: "user",
              entityId: owner.user_id,
              details: failed,
            });
            return null;
          }
          const session = await openSession(tx, config, now, owner.user_id, null);
          await insertAudit(tx, who, {
            action: "auth.signed_in",
            entityType: "user",
            entityId: owner.user_id,
            details: { method: "passkey", pending: null },
          });
          return session;
        });
        if (!opened) {
          throttle.recordFailure(request.ip, key);
          throw new AppError(401, "passkey_failed");
        }
        return started(request, reply, opened);
      },
    );
  };
}
