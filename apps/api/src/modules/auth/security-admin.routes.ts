// Authentication settings of the organisation (administrators) and the public single sign-on routes:
// the sign-in methods on offer, the start of the code flow and the provider's redirect back.
import {
  authMethodsView,
  groupMappingsBody,
  idParams,
  oidcProviderBody,
  oidcSettingsView,
  okSchema,
  orgSecuritySettings,
} from "@vindplaats/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../http/errors.ts";
import { withCtx } from "../../http/handler.ts";
import { setSessionCookie } from "../../http/session.ts";
import { clearCeremonyCookie, readCeremonyCookie, setCeremonyCookie } from "./ceremonies.ts";
import { callbackUrl, finishOidc, OidcRefusal, signInMethods, startOidc } from "./oidc.service.ts";
import { oidcSettings, setGroupMappings, setOidcProvider } from "./oidc-settings.service.ts";
import { readRule, resetFactorsByAdmin, setRule } from "./security-admin.service.ts";

const MANAGE = { access: "authenticated", permission: "org.manage" } as const;

export async function securityAdminRoutes(plain: FastifyInstance) {
  const app = plain.withTypeProvider<ZodTypeProvider>();
  const tags = ["security"];
  const rateLimit = { max: plain.deps.config.loginRatePerMinute, timeWindow: "1 minute" };

  app.get(
    "/api/v1/security/settings",
    {
      config: MANAGE,
      schema: { tags, summary: "Who must give a second factor", response: { 200: orgSecuritySettings } },
    },
    (request) => withCtx(request, readRule),
  );
  app.put(
    "/api/v1/security/settings",
    {
      config: MANAGE,
      schema: {
        tags,
        summary: "Set who must give a second factor: privileged (coordinators, admins, DPO), everyone or off",
        body: orgSecuritySettings,
        response: { 200: orgSecuritySettings },
      },
    },
    (request) => withCtx(request, (ctx) => setRule(ctx, request.body.secondFactor)),
  );
  app.post(
    "/api/v1/users/:id/second-factor/reset",
    {
      config: MANAGE,
      schema: {
        tags,
        summary: "Reset an account's second factors and passkeys: its sessions end, the next sign-in enrols anew",
        params: idParams,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await withCtx(request, (ctx) => resetFactorsByAdmin(ctx, request.params.id));
      return { ok: true as const };
    },
  );

  app.get(
    "/api/v1/security/oidc",
    {
      config: MANAGE,
      schema: {
        tags,
        summary: "Single sign-on: the identity provider and group mapping",
        response: { 200: oidcSettingsView },
      },
    },
    (request) => withCtx(request, (ctx) => oidcSettings(ctx, app.deps.config, callbackUrl(app.deps.config, request))),
  );
  app.put(
    "/api/v1/security/oidc/provider",
    {
      config: MANAGE,
      schema: {
        tags,
        summary: "Set the organisation's OpenID Connect provider (the client secret is never sent back)",
        body: oidcProviderBody,
        response: { 200: oidcSettingsView },
      },
    },
    (request) =>
      withCtx(request, async (ctx) => {
        await setOidcProvider(ctx, app.deps.config, request.body);
        return oidcSettings(ctx, app.deps.config, callbackUrl(app.deps.config, request));
      }),
  );
  app.put(
    "/api/v1/security/oidc/mappings",
    {
      config: MANAGE,
      schema: {
        tags,
        summary: "Replace the table mapping provider groups to organisation roles and team memberships",
        body: groupMappingsBody,
        response: { 200: oidcSettingsView },
      },
    },
    (request) =>
      withCtx(request, async (ctx) => {
        await setGroupMappings(ctx, request.body.mappings);
        return oidcSettings(ctx, app.deps.config, callbackUrl(app.deps.config, request));
      }),
  );

  // ---- public: single sign-on -------------------------------------------------------------------

  app.get(
    "/api/v1/auth/methods",
    {
      config: { access: "public" },
      schema: {
        tags: ["auth"],
        summary: "Sign-in methods on offer besides the password",
        response: { 200: authMethodsView },
      },
    },
    () => signInMethods(app.deps.db, app.deps.config),
  );

  app.get(
    "/api/v1/auth/oidc/start",
    {
      config: { access: "public", rateLimit },
      schema: {
        tags: ["auth"],
        summary: "Start signing in through the organisation's identity provider (redirects there)",
        querystring: z
          .object({
            org: z
              .string()
              .min(1)
              .max(60)
              .regex(/^[a-z0-9-]+$/),
          })
          .strict(),
      },
    },
    async (request, reply) => {
      try {
        const redirectUri = callbackUrl(app.deps.config, request);
        const { db, config, clock } = app.deps;
        const flow = await startOidc({ db, config, now: clock.now() }, request.query.org, redirectUri);
        setCeremonyCookie(request, reply, "oidc", flow.token, flow.seconds);
        return reply.redirect(flow.url, 302);
      } catch (error) {
        if (error instanceof OidcRefusal)
          throw new AppError(error.reason === "oidc_not_configured" ? 404 : 502, error.reason);
        throw error;
      }
    },
  );

  app.get(
    "/api/v1/auth/oidc/callback",
    {
      config: { access: "public", rateLimit },
      schema: {
        tags: ["auth"],
        summary: "Where the identity provider sends the browser back; signs in and redirects to the app",
        querystring: z.record(z.string(), z.string().max(4096)),
      },
    },
    async (request, reply) => {
      const token = readCeremonyCookie(request, "oidc");
      clearCeremonyCookie(request, reply, "oidc");
      const query = request.url.includes("?") ? request.url.slice(request.url.indexOf("?") + 1) : "";
      try {
        const { db, config, clock } = app.deps;
        const session = await finishOidc({ db, config, clock }, token, query);
        setSessionCookie(request, reply, session.token, session.maxAgeSeconds);
        // A plain redirect: the web app reads the session with a same-site request after loading.
        return reply.redirect("/", 302);
      } catch (error) {
        if (error instanceof OidcRefusal) return reply.redirect(`/sign-in?reason=${error.reason}`, 302);
        throw error;
      }
    },
  );
}
