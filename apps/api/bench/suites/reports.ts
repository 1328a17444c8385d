// Figures and stories at scale: the yearly report's figures for one organisation through the app's
// figure engine (row-level security, purpose "figures", labels, suppression) against hand-written
// SQL for the same numbers in the same run; the same with 1 versus 10 years of history in the
// database; the whole report (trends, PDF); and the embedded database against PostgreSQL.
//
// Reduced scale by default (2 organisations x 100,000 contacts over 10 years; one city of 40,000).
// BENCH_REPORTS_SCALE=full is the scale: 5 organisations x 2,000,000 contacts over 10 years
// (10,000,000) on BENCH_DATABASE_URL, and one city of 400,000 contacts on both engines. On
// PostgreSQL the data set is kept between runs in a database named after its size.
// The "year" is the last 365 days, so both history variants have a full year of the same volume.
// Generated contacts are clustered by (organisation, start) once, as years of appending leave them.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { addDays, brusselsDay, type MetricDefinition, periodInstants } from "@vindplaats/domain";
import pg from "pg";
import type { Database, Tx } from "../../src/db/database.ts";
import { openPglite } from "../../src/db/pglite.ts";
import { openPostgres } from "../../src/db/postgres.ts";
import { runScale } from "../../src/demo/scale.ts";
import { availableMetrics, computeFigures } from "../../src/modules/reports/figures.ts";
import { buildSnapshot, type Stage } from "../../src/modules/reports/report-builder.ts";
import { renderReportPdf } from "../../src/modules/reports/report-pdf.ts";
import { reportMetrics } from "../../src/modules/reports/reports.policy.ts";
import { enterFigures, type Selection } from "../../src/modules/reports/reports.queries.ts";
import { type BenchSuite, envNumber, median } from "../lib/suite.ts";

const FULL = process.env.BENCH_REPORTS_SCALE === "full";
const SCALE = FULL
  ? { orgs: 5, contactsPerOrg: 2_000_000, personsPerOrg: 200_000, cityContacts: 400_000, cityPersons: 40_000 }
  : { orgs: 2, contactsPerOrg: 100_000, personsPerOrg: 10_000, cityContacts: 40_000, cityPersons: 4_000 };

const round = (n: number) => Math.round(n * 10) / 10;
const log = (line: string) => process.stderr.write(`reports: ${line}\n`);

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const value = await fn();
  return [performance.now() - t, value];
}

async function timedRuns(runs: number, fn: () => Promise<unknown>) {
  await fn(); // warm-up: plans, caches
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await timed(fn))[0]);
  return { value: round(median(times)), min: round(Math.min(...times)), max: round(Math.max(...times)), runs };
}

// ---- Databases and data sets --------------------------------------------------------------------

async function openBench(
  engine: "embedded" | "postgres",
  key: string,
): Promise<{ db: Database; cleanup(): Promise<void> }> {
  if (engine === "embedded") {
    const dir = mkdtempSync(join(tmpdir(), "vp-bench-reports-"));
    const db = await openPglite(dir);
    return {
      db,
      async cleanup() {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const base = process.env.BENCH_DATABASE_URL!;
  const name = `vp_bench_reports_${key}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  if (!(await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])).rowCount)
    await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString(), 4);
  return { db, cleanup: () => db.close() };
}

/** Organisations made earlier for this label, or new ones (the label is kept in the name). */
async function dataSet(
  db: Database,
  label: string,
  orgs: number,
  people: { personsPerOrg: number; contactsPerOrg: number; years: number },
) {
  const name = `Bench ${label}`;
  const found = await db.owner((tx) =>
    tx.query<{ id: string }>(`SELECT id FROM organisations WHERE name LIKE $1 ORDER BY name`, [`${name} %`]),
  );
  if (found.length === orgs) return found.map((r) => r.id);
  log(`generating ${label}: ${orgs} x ${people.contactsPerOrg} contacts over ${people.years} years`);
  const [ms, result] = await timed(() => runScale(db, orgs, undefined, undefined, people));
  await db.owner(async (tx) => {
    for (const [i, org] of result.orgs.entries())
      await tx.query(`UPDATE organisations SET name = $2 WHERE id = $1`, [org.id, `${name} ${i + 1}`]);
  });
  // Real contacts arrive in time order, so a year's rows sit together on disk; the generator writes
  // ten years in random order. Cluster once, as years of appending would have left the table.
  const [clusterMs] = await timed(async () => {
    for (const sql of [
      "CLUSTER contacts USING contacts_org_started_idx",
      "CLUSTER contact_persons USING contact_persons_contact_id_person_id_pk",
      "ANALYZE contacts",
      "ANALYZE contact_persons",
    ]) {
      await db.owner((tx) => tx.query(sql));
    }
  });
  log(`generated ${label} in ${round(ms / 1000)} s, clustered in ${round(clusterMs / 1000)} s`);
  return result.orgs.map((o) => o.id);
}

async function lastYear(db: Database, orgId: string): Promise<Selection> {
  const teams = await db.owner((tx) => tx.query<{ id: string }>(`SELECT id FROM teams WHERE org_id = $1`, [orgId]));
  const to = brusselsDay(new Date());
  return {
    orgId,
    from: addDays(to, -364),
    to,
    teamIds: teams.map((t) => t.id),
    allTeams: true,
    neighbourhoodId: null,
    asOf: new Date(),
  };
}

// ---- The two ways of getting the year's figures ----------------------------------------------------

/** The app's way: every report figure, in a scoped transaction with purpose "figures", labelled and suppressed. */
async function appFigures(db: Database, s: Selection, metrics: MetricDefinition[]) {
  const figures = await db.transaction({ orgId: s.orgId, userId: null, teamIds: [], now: new Date() }, async (tx) => {
    await enterFigures(tx);
    return computeFigures(tx, s, metrics, { locale: "nl", suppress: true });
  });
  return figures.reduce((n, f) => n + 1 + f.rows.length, 0);
}

/** Hand-written SQL for the same numbers, as the owner (no row-level security), no labels, no presentation. */
async function handFigures(db: Database, s: Selection) {
  const { start, end } = periodInstants(s);
  return db.owner(async (tx: Tx) => {
    await tx.query(`SELECT set_config('jit', 'off', true)`);
    const base = `c.org_id = $1 AND c.started_at >= $2 AND c.started_at < $3 AND NOT c.is_removed AND c.created_at <= $4`;
    const args = [s.orgId, start, end, s.asOf];
    const dims = await tx.query(
      `SELECT team_id, place_id, neighbourhood_id, location_kind, kind, m, d, h, count(*), sum(anonymous_total)
         FROM (SELECT team_id, place_id, neighbourhood_id, location_kind, anonymous_total,
                      CASE WHEN group_id IS NOT NULL OR mode = 'group' THEN 'group' ELSE 'individual' END AS kind,
                      extract(month FROM started_at AT TIME ZONE 'Europe/Brussels') AS m,
                      extract(isodow FROM started_at AT TIME ZONE 'Europe/Brussels') AS d,
                      extract(hour FROM started_at AT TIME ZONE 'Europe/Brussels') AS h
                 FROM contacts c WHERE ${base}) x
        GROUP BY GROUPING SETS ((team_id), (place_id), (neighbourhood_id), (location_kind), (kind), (m), (d), (h), ())`,
      args,
    );
    const mentions = await tx.query(
      `SELECT 'wr', v, count(*) FROM contacts c, unnest(c.working_relationship) v WHERE ${base} GROUP BY v
       UNION ALL SELECT 'ca', v, count(*) FROM contacts c, unnest(c.came_about) v WHERE ${base} GROUP BY v
       UNION ALL SELECT 'ac', v, count(*) FROM contacts c, unnest(c.actions) v WHERE ${base} GROUP BY v
       UNION ALL SELECT 'ld', v, count(*) FROM contacts c, unnest(c.life_domains) v WHERE ${base} GROUP BY v`,
      args,
    );
    const persons = await tx.query<{ reached: number; new_persons: number }>(
      `WITH merged AS (SELECT id, merged_into_id AS root FROM persons WHERE org_id = $1 AND merged_into_id IS NOT NULL),
            reached AS (
              SELECT coalesce(m.root, cp.person_id) AS id, count(*) AS n
                FROM contacts c JOIN contact_persons cp ON cp.contact_id = c.id LEFT JOIN merged m ON m.id = cp.person_id
               WHERE ${base} GROUP BY 1),
            first AS (
              SELECT r.id, (SELECT min(first_seen_at) FROM person_teams pt
                             WHERE pt.person_id = ANY(ARRAY[r.id] || ARRAY(SELECT m.id FROM merged m WHERE m.root = r.id))) AS first_seen
                FROM reached r)
       SELECT (SELECT count(*) FROM reached)::int AS reached,
              (SELECT count(*) FROM first WHERE first_seen >= $2 AND first_seen < $3)::int AS new_persons,
              (SELECT json_agg(x) FROM (SELECT p.nationality, p.age_band, p.known_to_social_service, count(*)
                                          FROM reached r JOIN persons p ON p.id = r.id
                                         GROUP BY GROUPING SETS ((p.nationality), (p.age_band), (p.known_to_social_service))) x) AS breakdown`,
      args,
    );
    const referrals = await tx.query(
      `SELECT service_code, status, count(*) FROM referrals WHERE org_id = $1 AND proposed_on BETWEEN $2 AND $3 AND created_at <= $4 GROUP BY 1, 2`,
      [s.orgId, s.from, s.to, s.asOf],
    );
    const cases = await tx.query(
      `SELECT intake_channel, neighbourhood_id, count(*) FILTER (WHERE opened_on >= $2) AS opened,
              count(*) FILTER (WHERE closed_on BETWEEN $2 AND $3) AS closed,
              count(*) FILTER (WHERE closed_on IS NULL OR closed_on > $3) AS active
         FROM cases WHERE org_id = $1 AND opened_on <= $3 AND (closed_on IS NULL OR closed_on >= $2)
        GROUP BY GROUPING SETS ((intake_channel), (neighbourhood_id))`,
      [s.orgId, s.from, s.to],
    );
    const complaints = await tx.query(
      `SELECT theme, count(*) FROM case_complaints WHERE org_id = $1 AND received_on BETWEEN $2 AND $3 GROUP BY 1`,
      [s.orgId, s.from, s.to],
    );
    const housing = await tx.query(
      `SELECT t.id, t.housed_on, h.month, h.outcome FROM trajectories t LEFT JOIN housing_checkpoints h ON h.trajectory_id = t.id
        WHERE t.org_id = $1 AND t.kind = 'housing_first' AND t.housed_on <= $2`,
      [s.orgId, s.to],
    );
    return {
      dims: dims.length,
      mentions: mentions.length,
      persons: persons[0]!,
      referrals: referrals.length,
      cases: cases.length,
      complaints: complaints.length,
      housing: housing.length,
    };
  });
}

/** The persons reached and contacts by both ways, to check the comparison is about the same numbers. */
async function sameNumbers(db: Database, s: Selection, metrics: MetricDefinition[]): Promise<boolean> {
  const picked = metrics.filter((m) => m.id === "persons_reached" || m.id === "contacts_total");
  const app = await db.transaction({ orgId: s.orgId, userId: null, teamIds: [], now: new Date() }, async (tx) => {
    await enterFigures(tx);
    return computeFigures(tx, s, picked, { locale: "nl", suppress: false });
  });
  const hand = await handFigures(db, s);
  const contacts = await db.owner((tx) =>
    tx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM contacts WHERE org_id = $1 AND started_at >= $2 AND started_at < $3 AND NOT is_removed`,
      [s.orgId, periodInstants(s).start, periodInstants(s).end],
    ),
  );
  const byId = new Map(app.map((f) => [f.metric, f.total.value]));
  return byId.get("persons_reached") === hand.persons.reached && byId.get("contacts_total") === contacts[0]!.n;
}

async function reportMetricsFor(db: Database, orgId: string) {
  return db.transaction({ orgId, userId: null }, (tx) => availableMetrics(tx, reportMetrics()));
}

export const suite: BenchSuite = {
  name: "reports",
  description: "yearly report figures vs hand-written SQL, 1 vs 10 years of history, embedded vs PostgreSQL",
  async run(ctx) {
    const runs = envNumber("BENCH_RUNS", 3);
    const extra = { scale: FULL ? "full" : "reduced" };
    const key = `${SCALE.orgs}x${SCALE.contactsPerOrg}`;
    const main = await openBench(ctx.db, key);
    const cityTimes: Record<string, number> = {};
    try {
      await main.db.migrate();
      const ten = await dataSet(main.db, "10y", SCALE.orgs, {
        personsPerOrg: SCALE.personsPerOrg,
        contactsPerOrg: SCALE.contactsPerOrg,
        years: 10,
      });
      const one = await dataSet(main.db, "1y", 1, {
        personsPerOrg: SCALE.personsPerOrg,
        contactsPerOrg: SCALE.contactsPerOrg / 10,
        years: 1,
      });
      const metrics = await reportMetricsFor(main.db, ten[0]!);
      const tenYears = await lastYear(main.db, ten[0]!);
      const oneYear = await lastYear(main.db, one[0]!);
      const totalContacts = (
        await main.db.owner((tx) => tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM contacts`))
      )[0]!.n;
      const set = {
        ...extra,
        contactsInDatabase: totalContacts,
        contactsPerOrg: SCALE.contactsPerOrg,
        orgs: SCALE.orgs,
      };

      const app = await timedRuns(runs, () => appFigures(main.db, tenYears, metrics));
      const hand = await timedRuns(runs, () => handFigures(main.db, tenYears));
      ctx.emit({
        figure: "reports.year_figures",
        unit: "ms",
        ...app,
        ...set,
        note: "one organisation, last 365 days, every report figure",
      });
      ctx.emit({ figure: "reports.year_figures_hand_sql", unit: "ms", ...hand, ...set });
      ctx.emit({
        figure: "reports.year_figures_vs_hand_sql",
        value: round((app.value / hand.value) * 100) / 100,
        unit: "ratio",
        target: 1.5,
        sameNumbers: await sameNumbers(main.db, tenYears, metrics),
        ...set,
      });

      const short = await timedRuns(runs, () => appFigures(main.db, oneYear, metrics));
      ctx.emit({ figure: "reports.year_figures_1y_history", unit: "ms", ...short, ...set });
      ctx.emit({
        figure: "reports.history_10y_vs_1y",
        value: round((app.value / short.value) * 100) / 100,
        unit: "ratio",
        target: 1.3,
        ...set,
      });

      // The whole yearly report for the last full year: figures, 5 years of trends, stories, then the PDF.
      const year = Number(brusselsDay(new Date()).slice(0, 4)) - 1;
      const stage: Stage = (_label, _p, work) =>
        main.db.transaction({ orgId: ten[0]!, userId: null, teamIds: [], now: new Date() }, async (tx) => {
          await enterFigures(tx);
          return work(tx);
        });
      const params = {
        orgId: ten[0]!,
        year,
        teamId: null,
        teamIds: tenYears.teamIds,
        locale: "nl" as const,
        dataAsOf: new Date(),
        trendYears: [year - 4, year - 3, year - 2, year - 1, year],
      };
      const [snapshotMs, snapshot] = await timed(() => buildSnapshot(params, stage));
      const [pdfMs] = await timed(() => renderReportPdf(snapshot));
      ctx.emit({
        figure: "reports.report_snapshot_with_trends",
        value: round(snapshotMs),
        unit: "ms",
        trendYears: 5,
        ...set,
      });
      ctx.emit({ figure: "reports.report_pdf_render", value: round(pdfMs), unit: "ms", ...set });

      // One city (10 years) on this engine; on PostgreSQL also on the embedded database, to compare.
      const city = await dataSet(main.db, "city", 1, {
        personsPerOrg: SCALE.cityPersons,
        contactsPerOrg: SCALE.cityContacts,
        years: 10,
      });
      const citySel = await lastYear(main.db, city[0]!);
      cityTimes[ctx.db] = (await timedRuns(runs, () => appFigures(main.db, citySel, metrics))).value;
      ctx.emit({
        figure: "reports.city_year_figures",
        value: cityTimes[ctx.db]!,
        unit: "ms",
        engine: ctx.db,
        cityContacts: SCALE.cityContacts,
        ...extra,
      });
    } finally {
      await main.cleanup();
    }
    if (ctx.db === "postgres") {
      const embedded = await openBench("embedded", key);
      try {
        await embedded.db.migrate();
        const city = await dataSet(embedded.db, "city", 1, {
          personsPerOrg: SCALE.cityPersons,
          contactsPerOrg: SCALE.cityContacts,
          years: 10,
        });
        const citySel = await lastYear(embedded.db, city[0]!);
        const metrics = await reportMetricsFor(embedded.db, city[0]!);
        cityTimes.embedded = (await timedRuns(runs, () => appFigures(embedded.db, citySel, metrics))).value;
        ctx.emit({
          figure: "reports.city_year_figures",
          value: cityTimes.embedded,
          unit: "ms",
          engine: "embedded",
          cityContacts: SCALE.cityContacts,
          ...extra,
        });
        ctx.emit({
          figure: "reports.embedded_vs_postgres",
          value: round((cityTimes.embedded / cityTimes.postgres!) * 100) / 100,
          unit: "ratio",
          target: 3,
          cityContacts: SCALE.cityContacts,
          ...extra,
        });
      } finally {
        await embedded.cleanup();
      }
    }
  },
};
