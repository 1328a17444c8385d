// /api/v1/retention: the retention periods per data category (read: administrator and DPO; set:
// administrator) and the dry-run report of the retention job.
import { retentionPoliciesView, retentionReportView, updateRetentionBody } from "@vindplaats/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { withCtx } from "../../http/handler.ts";
import { dryRunReport, listPolicies, setPolicies } from "./retention.service.ts";

export async function retentionRoutes(plain: FastifyInstance) {
  const app = plain.withTypeProvider<ZodTypeProvider>();
  const tags = ["data protection"];
  const read = { access: "authenticated", permission: "retention.read" } as const;
  const manage = { access: "authenticated", permission: "retention.manage" } as const;

  app.get(
    "/api/v1/retention/policies",
    {
      config: read,
      schema: {
        tags,
        summary: "Retention periods per data category, with the last runs of the retention job",
        response: { 200: retentionPoliciesView },
      },
    },
    (request) => withCtx(request, (ctx) => listPolicies(ctx)),
  );
  app.put(
    "/api/v1/retention/policies",
    {
      config: manage,
      schema: {
        tags,
        summary: "Set retention periods (audited); categories left out keep their setting",
        body: updateRetentionBody,
        response: { 200: retentionPoliciesView },
      },
    },
    (request) => withCtx(request, (ctx) => setPolicies(ctx, request.body)),
  );
  app.get(
    "/api/v1/retention/dry-run",
    {
      config: read,
      schema: {
        tags,
        summary: "What the retention job would do now, per category, without changing anything",
        response: { 200: retentionReportView },
      },
    },
    (request) => withCtx(request, (ctx) => dryRunReport(ctx)),
  );
}
