import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { VERSION } from "../../version.ts";

const healthView = z.object({
  status: z.enum(["ok", "degraded"]),
  db: z.enum(["embedded", "postgres"]),
  version: z.string(),
  migrations: z.object({ applied: z.number().int(), latest: z.string().nullable() }),
});

export async function healthRoutes(plain: FastifyInstance) {
  const app = plain.withTypeProvider<ZodTypeProvider>();
  app.get(
    "/api/health",
    {
      config: { access: "public" },
      schema: {
        tags: ["system"],
        summary: "Liveness, database kind and migration level",
        response: { 200: healthView, 503: healthView },
      },
    },
    async (_request, reply) => {
      const { db } = app.deps;
      try {
        const migrations = await db.migrationLevel();
        return { status: "ok" as const, db: db.kind, version: VERSION, migrations };
      } catch {
        return reply.status(503).send({
          status: "degraded" as const,
          db: db.kind,
          version: VERSION,
          migrations: { applied: 0, latest: null },
        });
      }
    },
  );
}
