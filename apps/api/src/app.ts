// Builds the Fastify application: plugins, security headers, error mapping, sessions and routes.
// main.ts starts it; tests build it on a throwaway database and talk to it through app.inject.
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from "fastify-type-provider-zod";
import type { DestinationStream } from "pino";
import { type Clock, systemClock } from "./clock.ts";
import type { Config } from "./config.ts";
import { loadKeyring } from "./crypto/keyring.ts";
import { useKeyring } from "./crypto/vault.ts";
import type { Database } from "./db/database.ts";
import { registerErrorHandling } from "./http/errors.ts";
import { registerSessions } from "./http/session.ts";
import { registerWeb } from "./http/web.ts";
import { authRoutes } from "./modules/auth/auth.routes.ts";
import { passkeyRoutes } from "./modules/auth/passkeys.routes.ts";
import { secondFactorRoutes } from "./modules/auth/second-factor.routes.ts";
import { securityAdminRoutes } from "./modules/auth/security-admin.routes.ts";
import { LoginThrottle } from "./modules/auth/throttle.ts";
import { caseRoutes } from "./modules/cases/cases.routes.ts";
import { collectiveRoutes } from "./modules/collectives/collectives.routes.ts";
import { contactRoutes } from "./modules/contacts/contacts.routes.ts";
import { healthRoutes } from "./modules/health/health.routes.ts";
import { personRoutes } from "./modules/persons/persons.routes.ts";
import { placeRoutes } from "./modules/places/places.routes.ts";
import { processingRegisterRoutes } from "./modules/processing-register/register.routes.ts";
import { referralRoutes } from "./modules/referrals/referrals.routes.ts";
import { reportRoutes } from "./modules/reports/reports.routes.ts";
import { retentionRoutes } from "./modules/retention/retention.routes.ts";
import { secrecyRoutes } from "./modules/secrecy/secrecy.routes.ts";
import { subjectRightsRoutes } from "./modules/subject-rights/subject-rights.routes.ts";
import { syncRoutes } from "./modules/sync/sync.routes.ts";
import { taskRoutes } from "./modules/tasks/tasks.routes.ts";
import { teamRoutes } from "./modules/teams/teams.routes.ts";
import { trajectoryRoutes } from "./modules/trajectories/trajectories.routes.ts";
import { userRoutes } from "./modules/users/users.routes.ts";
import { valueListRoutes } from "./modules/value-lists/value-lists.routes.ts";
import { VERSION } from "./version.ts";

export interface AppDeps {
  config: Config;
  db: Database;
  clock: Clock;
}

declare module "fastify" {
  interface FastifyInstance {
    deps: AppDeps;
    /** Every route the server registered, for the route-table tests. */
    routeTable: {
      method: string;
      url: string;
      access: string | undefined;
      permission: string | undefined;
      /** The unfinished sign-in steps the route serves (see http/session.ts). */
      allowPending?: readonly string[] | undefined;
    }[];
  }
}

/** Routes that are infrastructure rather than API: served, public, and not in the OpenAPI document. */
export const INFRASTRUCTURE_PREFIXES = ["/api/docs", "/api/openapi.json", "/assets/", "/"];

export async function buildApp(input: {
  config: Config;
  db: Database;
  clock?: Clock;
  /** Where log lines go (stdout by default); tests capture them to prove no personal data is logged. */
  loggerStream?: DestinationStream;
}): Promise<FastifyInstance> {
  const deps: AppDeps = { config: input.config, db: input.db, clock: input.clock ?? systemClock };
  // Sealed columns are opened with these keys; a server without usable keys does not start.
  useKeyring(loadKeyring(deps.config));
  const app = Fastify({
    bodyLimit: deps.config.bodyLimitBytes,
    trustProxy: deps.config.trustProxy,
    return503OnClosing: true,
    logger: {
      level: deps.config.logLevel,
      // Query strings can carry search terms (nicknames): log the path only, never bodies or cookies.
      serializers: {
        req: (req) => ({ id: req.id, method: req.method, path: String(req.url).split("?")[0] }),
        res: (res) => ({ statusCode: res.statusCode }),
      },
      ...(input.loggerStream ? { stream: input.loggerStream } : {}),
    },
  });
  app.decorate("deps", deps);
  app.decorate("routeTable", []);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.addHook("onRoute", (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const config = route.config as
      | { access?: string; permission?: string; allowPending?: readonly string[] }
      | undefined;
    if (route.url.startsWith("/api/v1/") && !config?.access) {
      throw new Error(`Route ${methods.join(",")} ${route.url} declares no access class (public or authenticated)`);
    }
    if (route.url.startsWith("/api/v1/") && config?.access === "authenticated" && !config.permission) {
      throw new Error(
        `Route ${methods.join(",")} ${route.url} names no permission of the policy (modules/access/policy.ts)`,
      );
    }
    for (const method of methods) {
      if (method === "HEAD") continue;
      app.routeTable.push({
        method,
        url: route.url,
        access: config?.access,
        permission: config?.permission,
        allowPending: config?.allowPending,
      });
    }
  });

  await app.register(cookie);
  await app.register(helmet, {
    hsts: false,
    frameguard: { action: "deny" },
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        // Plain-HTTP installs on a closed network must keep working; HSTS covers TLS installs.
        upgradeInsecureRequests: null,
      },
    },
  });
  app.addHook("onSend", async (request, reply) => {
    if (request.url.startsWith("/api/")) reply.header("cache-control", "no-store");
    if (request.protocol === "https") reply.header("strict-transport-security", "max-age=31536000; includeSubDomains");
  });
  await app.register(rateLimit, { global: false });
  registerErrorHandling(app);
  registerSessions(app, deps);

  await app.register(swagger, {
    openapi: {
      info: {
        title: "Vindplaats API",
        version: VERSION,
        description: "Outreach social work: contacts, people, cases, figures.",
      },
      components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: "vp_session" } } },
    },
    transform: (input) => {
      const out = jsonSchemaTransform(input);
      const access = (input.route.config as { access?: string } | undefined)?.access;
      const schema = { ...out.schema } as Record<string, unknown>;
      schema["x-access"] = access;
      if (access === "authenticated") schema.security = [{ session: [] }];
      return { ...out, schema: schema as typeof out.schema };
    },
    // Schemas with a .meta({ id }) become components that the operations $ref.
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs" });
  app.get("/api/openapi.json", { config: { access: "public" }, schema: { hide: true } }, () => app.swagger());

  await app.register(healthRoutes);
  const throttle = new LoginThrottle(deps.clock, deps.config.loginMaxPerIp, deps.config.loginMaxPerAccount);
  await app.register(authRoutes(throttle));
  await app.register(secondFactorRoutes(throttle));
  await app.register(passkeyRoutes(throttle));
  await app.register(securityAdminRoutes);
  await app.register(teamRoutes);
  await app.register(userRoutes);
  await app.register(placeRoutes);
  await app.register(valueListRoutes);
  await app.register(personRoutes);
  await app.register(collectiveRoutes);
  await app.register(contactRoutes);
  await app.register(caseRoutes);
  await app.register(trajectoryRoutes);
  await app.register(referralRoutes);
  await app.register(taskRoutes);
  await app.register(secrecyRoutes);
  await app.register(syncRoutes);
  await app.register(reportRoutes);
  await app.register(subjectRightsRoutes);
  await app.register(retentionRoutes);
  await app.register(processingRegisterRoutes);
  await registerWeb(app, deps.config);
  return app;
}
