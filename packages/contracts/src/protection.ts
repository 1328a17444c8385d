// Data protection for the administrator and the DPO: retention periods per data category with the
// dry-run report of the retention job, and the generated register of processing (GDPR art. 30).
import { RETENTION_CATEGORIES, RETENTION_MONTHS } from "@vindplaats/domain";
import { z } from "zod";

export const retentionCategory = z.enum(RETENTION_CATEGORIES);
export const retentionAction = z.enum(["anonymise", "clear_text", "delete"]);

export const retentionPolicyView = z
  .object({
    category: retentionCategory,
    action: retentionAction,
    keepMonths: z.number().int(),
    isEnabled: z.boolean(),
    /** True while the organisation has not set this category itself. */
    isDefault: z.boolean(),
    defaultMonths: z.number().int(),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: "RetentionPolicy" });
export type RetentionPolicyView = z.infer<typeof retentionPolicyView>;

export const retentionRunView = z.object({
  id: z.uuid(),
  trigger: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  counts: z.record(z.string(), z.number().int()),
});

export const retentionPoliciesView = z
  .object({ policies: z.array(retentionPolicyView), lastRuns: z.array(retentionRunView) })
  .meta({ id: "RetentionPolicies" });
export type RetentionPoliciesView = z.infer<typeof retentionPoliciesView>;

export const updateRetentionBody = z
  .object({
    policies: z
      .array(
        z
          .object({
            category: retentionCategory,
            keepMonths: z.number().int().min(RETENTION_MONTHS.min).max(RETENTION_MONTHS.max),
            isEnabled: z.boolean(),
          })
          .strict(),
      )
      .min(1)
      .max(RETENTION_CATEGORIES.length),
  })
  .strict();
export type UpdateRetentionBody = z.infer<typeof updateRetentionBody>;

/** What the retention job would do now, per category, without changing anything. */
export const retentionReportView = z
  .object({
    at: z.string(),
    categories: z.array(
      z.object({
        category: retentionCategory,
        action: retentionAction,
        keepMonths: z.number().int(),
        isEnabled: z.boolean(),
        cutoff: z.string(),
        /** Rows (persons, notes, cases...) the job would change: only enabled categories are acted on. */
        due: z.number().int(),
      }),
    ),
  })
  .meta({ id: "RetentionReport" });
export type RetentionReportView = z.infer<typeof retentionReportView>;

const named = z.object({ key: z.string(), name: z.string() });

export const processingRegisterView = z
  .object({
    generatedAt: z.string(),
    controller: z.object({
      organisation: z.string(),
      dpos: z.array(z.object({ name: z.string(), email: z.string() })),
    }),
    activities: z.array(
      z.object({
        purpose: named.extend({ description: z.string() }),
        legalBases: z.array(named),
        subjects: z.array(named),
        data: z.array(named.extend({ columns: z.array(z.string()) })),
        recipients: z.array(named),
        /** Each retention rule that applies, worded with the organisation's own periods. */
        retention: z.array(named),
      }),
    ),
    transfers: z.string(),
    security: z.array(z.string()),
    columns: z.object({ personal: z.number().int(), notPersonal: z.number().int() }),
  })
  .meta({ id: "ProcessingRegister" });
export type ProcessingRegisterView = z.infer<typeof processingRegisterView>;
