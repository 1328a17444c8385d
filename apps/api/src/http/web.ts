// Serves the built web app (apps/web/dist) with a single-page fallback for client-side routes.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import type { Config } from "../config.ts";
import { sendProblem } from "./errors.ts";

export const DEFAULT_WEB_DIST = fileURLToPath(new URL("../../../web/dist", import.meta.url));

export async function registerWeb(app: FastifyInstance, config: Config): Promise<void> {
  const root = resolve(config.webDist ?? DEFAULT_WEB_DIST);
  const hasWeb = existsSync(resolve(root, "index.html"));
  app.setNotFoundHandler((request, reply) => {
    if (hasWeb && request.method === "GET" && !request.url.startsWith("/api/")) {
      return reply.header("cache-control", "no-cache").sendFile("index.html");
    }
    return sendProblem(request, reply, 404, "not_found");
  });
  if (!hasWeb) return;
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    setHeaders: (res, path) => {
      // Hashed assets never change; the shell and service worker must always be revalidated.
      res.setHeader("cache-control", path.includes("/assets/") ? "public, max-age=31536000, immutable" : "no-cache");
    },
  });
}
