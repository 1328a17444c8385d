// /api/v1/processing-register: the register of processing (GDPR art. 30) generated from the column
// annotations, as JSON for the app and as a Markdown document to file.
import { processingRegisterView } from "@vindplaats/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { withCtx } from "../../http/handler.ts";
import { readRegister } from "./register.service.ts";
import { renderRegisterMarkdown } from "./register-markdown.ts";

export async function processingRegisterRoutes(plain: FastifyInstance) {
  const app = plain.withTypeProvider<ZodTypeProvider>();
  const tags = ["data protection"];
  const read = { access: "authenticated", permission: "register.read" } as const;

  app.get(
    "/api/v1/processing-register",
    {
      config: read,
      schema: {
        tags,
        summary: "The register of processing activities, in the reader's language",
        response: { 200: processingRegisterView },
      },
    },
    (request) => withCtx(request, (ctx) => readRegister(ctx)),
  );
  app.get(
    "/api/v1/processing-register/markdown",
    {
      config: read,
      schema: { tags, summary: "The register of processing as a Markdown document", produces: ["text/markdown"] },
    },
    async (request, reply) => {
      const register = await withCtx(request, (ctx) => readRegister(ctx));
      const markdown = renderRegisterMarkdown(register, request.actor!.locale);
      return reply
        .type("text/markdown; charset=utf-8")
        .header(
          "content-disposition",
          `attachment; filename="register-of-processing-${register.generatedAt.slice(0, 10)}.md"`,
        )
        .send(markdown);
    },
  );
}
