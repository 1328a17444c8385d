// The retention job: for every organisation, each category its period makes due. A dry run only
// counts (and writes nothing, not even an audit row). A real run works in batches, each its own
// owner transaction with its audit row, so a long run never holds the embedded database for long
// and an interrupted run simply continues the next time.
import {
  RETENTION_DEFAULTS,
  type RetentionAction,
  type RetentionCategory,
  retentionCutoff,
  uuidv7,
} from "@vindplaats/domain";
import type { Clock } from "../../clock.ts";
import type { Database } from "../../db/database.ts";
import { insertAudit } from "../audit/audit.repo.ts";
import * as repo from "./retention.repo.ts";
import { CATEGORY_WORK, countDue, nextDue } from "./retention-categories.ts";

export const BATCH = 500;

export interface CategoryReport {
  category: RetentionCategory;
  action: RetentionAction;
  keepMonths: number;
  isEnabled: boolean;
  cutoff: Date;
  /** Rows due now (enabled or not). */
  due: number;
  /** Rows changed by this run (0 in a dry run and for categories that are off). */
  applied: number;
}

export interface OrgReport {
  orgId: string;
  slug: string;
  name: string;
  runId: string | null;
  categories: CategoryReport[];
}

export interface RunOptions {
  dryRun: boolean;
  trigger: "schedule" | "cli";
  actorUserId?: string | null;
  /** Only these organisations (tests); every organisation otherwise. */
  orgIds?: readonly string[];
  /** Organisations to plan, then each one planned (counting what is due). */
  onPlanning?: (organisations: number) => void;
  onPlanned?: (slug: string) => void;
  /** Rows to do in total (known after planning), then rows done per batch. */
  onPlan?: (total: number) => void;
  onBatch?: (step: string, rows: number) => void;
}

/** What is due in one organisation now, per category, with its settings. */
export async function planOrganisation(db: Database, orgId: string, now: Date): Promise<CategoryReport[]> {
  return db.owner(async (tx) => {
    const policies = await repo.readPolicies(tx, orgId);
    const out: CategoryReport[] = [];
    for (const p of policies) {
      const cutoff = retentionCutoff(now, p.keepMonths);
      out.push({
        category: p.category,
        action: RETENTION_DEFAULTS[p.category].action,
        keepMonths: p.keepMonths,
        isEnabled: p.isEnabled,
        cutoff,
        due: await countDue(tx, p.category, orgId, cutoff),
        applied: 0,
      });
    }
    return out;
  });
}

export async function runRetention(db: Database, clock: Clock, options: RunOptions): Promise<OrgReport[]> {
  const now = clock.now();
  const orgs = (await db.owner(repo.listOrganisations)).filter((o) => !options.orgIds || options.orgIds.includes(o.id));
  const reports: OrgReport[] = [];
  options.onPlanning?.(orgs.length);
  for (const org of orgs) {
    const categories = await planOrganisation(db, org.id, now);
    reports.push({ orgId: org.id, slug: org.slug, name: org.name, runId: null, categories });
    options.onPlanned?.(org.slug);
  }
  if (options.dryRun) return reports;

  const todo = (r: OrgReport) => r.categories.filter((c) => c.isEnabled && c.due > 0);
  options.onPlan?.(reports.reduce((sum, r) => sum + todo(r).reduce((s, c) => s + c.due, 0), 0));
  for (const report of reports) {
    const runId = uuidv7(now.getTime());
    report.runId = runId;
    const actorUserId = options.actorUserId ?? null;
    await db.owner((tx) =>
      repo.startRun(tx, { id: runId, orgId: report.orgId, trigger: options.trigger, actorUserId, at: now }),
    );
    for (const c of todo(report)) {
      // Rows that become due while the run works wait for the next run: never more batches than planned.
      for (let batch = 0; batch <= Math.ceil(c.due / BATCH); batch++) {
        const rows = await db.owner(async (tx) => {
          const ids = await nextDue(tx, c.category, report.orgId, c.cutoff, BATCH);
          if (!ids.length) return 0;
          await CATEGORY_WORK[c.category].apply(tx, { orgId: report.orgId, ids, at: now, runId });
          await insertAudit(
            tx,
            { orgId: report.orgId, actorUserId, at: now },
            {
              action: "retention.applied",
              entityType: "retention_run",
              entityId: runId,
              details: {
                category: c.category,
                action: c.action,
                rows: ids.length,
                keepMonths: c.keepMonths,
                cutoff: c.cutoff.toISOString(),
              },
            },
          );
          return ids.length;
        });
        if (!rows) break;
        c.applied += rows;
        options.onBatch?.(`${report.slug}: ${c.category}`, rows);
      }
    }
    const counts = Object.fromEntries(report.categories.map((c) => [c.category, c.applied]));
    await db.owner((tx) => repo.finishRun(tx, runId, counts, clock.now()));
  }
  return reports;
}
