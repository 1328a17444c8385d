// retention run [--dry-run]: the retention job now, for every organisation, with a progress bar.
// A dry run prints what would happen per organisation and category and changes nothing.
import { systemClock } from "../../clock.ts";
import type { Database } from "../../db/database.ts";
import { type OrgReport, runRetention } from "../../modules/retention/retention-run.ts";
import type { CliIo } from "../io.ts";

export async function retentionRun(db: Database, options: { dryRun?: boolean }, io: CliIo): Promise<void> {
  const dryRun = !!options.dryRun;
  const progress = io.progress();
  const reports = await runRetention(db, systemClock, {
    dryRun,
    trigger: "cli",
    onPlanning: (organisations) => {
      progress.begin(organisations);
      progress.step("counting what is due");
    },
    onPlanned: () => progress.advance(1),
    onPlan: (total) => {
      progress.end(); // the counting bar; the work gets its own
      progress.begin(total);
    },
    onBatch: (step, rows) => {
      progress.step(step);
      progress.advance(rows);
    },
  });
  progress.end();
  io.out(
    dryRun ? `Retention dry run at ${systemClock.now().toISOString()}: nothing was changed.` : "Retention run done.",
  );
  for (const line of reportLines(reports, dryRun)) io.out(line);
}

function reportLines(reports: OrgReport[], dryRun: boolean): string[] {
  const lines: string[] = [];
  for (const r of reports) {
    lines.push(`${r.slug} (${r.name})`);
    for (const c of r.categories) {
      const setting = c.isEnabled ? `${c.keepMonths} months` : "off";
      const outcome = !c.isEnabled
        ? `${c.due} would be due if switched on`
        : dryRun
          ? `${c.due} would change`
          : `${c.applied} changed`;
      lines.push(`  ${c.category.padEnd(20)} ${c.action.padEnd(10)} ${setting.padEnd(10)} ${outcome}`);
    }
  }
  if (!reports.length) lines.push("No organisations.");
  return lines;
}
