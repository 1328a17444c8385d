// Large fictional data sets for benchmarks (`vindplaats demo --scale <n>`). A data set is a list of
// generator steps run in order; each step estimates its row count (for the progress bar) and inserts
// in batches. Steps share a ScaleContext, so a later step (persons, contacts...) can point at the
// organisations, teams, users and places an earlier step made. To add a generator: write a ScaleStep
// and append it to SCALE_STEPS.
import { uuidv7 } from "@vindplaats/domain";
import type { Database } from "../db/database.ts";
import type { DemoUser } from "./accounts.ts";
import { insertInBatches } from "./batch.ts";
import { demoPasswordHash } from "./create-demo.ts";
import {
  COLUMNS,
  localPart,
  membershipRows,
  neighbourhoodRows,
  placeRows,
  ROWS_PER_ORG,
  teamRows,
  userRows,
} from "./org-rows.ts";
import { type Progress, silentProgress } from "./progress.ts";
import { PEOPLE_STEPS, type PeopleScale } from "./scale-people.ts";
import { REPORT_STEPS } from "./scale-reports.ts";

/** One benchmark organisation and the ids of what the steps made in it so far. */
export interface ScaleOrg {
  id: string;
  /** scale-<k>: accounts are <local part>@scale-<k>.vindplaats.test with the demo password. */
  slug: string;
  teams: Record<string, string>;
  users: Record<string, string>;
  neighbourhoods: Record<string, string>;
  places: Record<string, string>;
}

export interface ScaleContext {
  db: Database;
  /** The n of --scale. */
  scale: number;
  now: Date;
  /** Hash of DEMO_PASSWORD, shared by every generated account. */
  passwordHash: string;
  /** Filled by the organisations step; later steps add ids to each entry. */
  orgs: ScaleOrg[];
  /** Seeded, so a data set of the same scale looks the same run after run. */
  random: () => number;
  /** Persons and contacts per organisation (scale-people.ts); defaults apply when absent. */
  people?: PeopleScale;
}

export interface ScaleStep {
  name: string;
  /** About how many rows the step writes at this scale (sizes the progress bar). */
  estimate(scale: number): number;
  /** Inserts the rows (in batches: see insertInBatches) and calls report(rows) as they land. */
  run(ctx: ScaleContext, report: (rows: number) => void): Promise<void>;
}

/** Domain of a scale organisation's accounts. */
export const scaleEmailDomain = (slug: string) => `${slug}.vindplaats.test`;
const scaleEmail = (slug: string) => (user: DemoUser) => `${localPart(user)}@${scaleEmailDomain(slug)}`;

/** Yields one table's rows for every organisation, storing the new ids on the organisation. */
function* perOrg(orgs: ScaleOrg[], build: (org: ScaleOrg) => unknown[][]): Generator<unknown[]> {
  for (const org of orgs) yield* build(org);
}

const organisations: ScaleStep = {
  name: "organisations",
  estimate: (n) => n,
  async run(ctx, report) {
    // Number on from earlier runs, so scale-1 ... scale-n stay unique and predictable.
    const [row] = await ctx.db.owner((tx) =>
      tx.query<{ k: number }>(
        `SELECT coalesce(max(substring(slug FROM '^scale-([0-9]+)$')::int), 0) AS k FROM organisations`,
      ),
    );
    const first = (row?.k ?? 0) + 1;
    for (let i = 0; i < ctx.scale; i++) {
      const slug = `scale-${first + i}`;
      ctx.orgs.push({ id: uuidv7(), slug, teams: {}, users: {}, neighbourhoods: {}, places: {} });
    }
    const rows = ctx.orgs.map((o, i) => [o.id, o.id, `Schaalstad ${first + i}`, o.slug, false, ctx.now]);
    const columns = {
      id: "uuid",
      org_id: "uuid",
      name: "text",
      slug: "text",
      is_demo: "bool",
      created_at: "timestamptz",
    } as const;
    await insertInBatches(ctx.db, "organisations", columns, rows, report);
    // Benchmark organisations sign in with the password alone, like the demo.
    const rules = ctx.orgs.map((o) => [o.id, "off", ctx.now]);
    const ruleColumns = { org_id: "uuid", second_factor: "text", updated_at: "timestamptz" } as const;
    await insertInBatches(ctx.db, "org_auth_settings", ruleColumns, rules, () => undefined);
  },
};

const teams: ScaleStep = {
  name: "teams",
  estimate: (n) => n * ROWS_PER_ORG.teams,
  async run(ctx, report) {
    const rows = perOrg(ctx.orgs, (org) => {
      const built = teamRows(org.id);
      org.teams = built.ids;
      return built.rows;
    });
    await insertInBatches(ctx.db, "teams", COLUMNS.teams, rows, report);
  },
};

const users: ScaleStep = {
  name: "users",
  estimate: (n) => n * ROWS_PER_ORG.users,
  async run(ctx, report) {
    const rows = perOrg(ctx.orgs, (org) => {
      const built = userRows(org.id, { emailFor: scaleEmail(org.slug), passwordHash: ctx.passwordHash, now: ctx.now });
      org.users = built.ids;
      return built.rows;
    });
    await insertInBatches(ctx.db, "users", COLUMNS.users, rows, report);
  },
};

const memberships: ScaleStep = {
  name: "memberships",
  estimate: (n) => n * ROWS_PER_ORG.memberships,
  async run(ctx, report) {
    const rows = perOrg(ctx.orgs, (org) => membershipRows(org.id, org.teams, org.users));
    await insertInBatches(ctx.db, "memberships", COLUMNS.memberships, rows, report);
  },
};

const neighbourhoods: ScaleStep = {
  name: "neighbourhoods",
  estimate: (n) => n * ROWS_PER_ORG.neighbourhoods,
  async run(ctx, report) {
    const rows = perOrg(ctx.orgs, (org) => {
      const built = neighbourhoodRows(org.id);
      org.neighbourhoods = built.ids;
      return built.rows;
    });
    await insertInBatches(ctx.db, "neighbourhoods", COLUMNS.neighbourhoods, rows, report);
  },
};

const places: ScaleStep = {
  name: "places",
  estimate: (n) => n * ROWS_PER_ORG.places,
  async run(ctx, report) {
    const rows = perOrg(ctx.orgs, (org) => {
      const built = placeRows(org.id, org.neighbourhoods);
      org.places = built.ids;
      return built.rows;
    });
    await insertInBatches(ctx.db, "places", COLUMNS.places, rows, report);
  },
};

/** The generators of a scale data set, in order. */
export const SCALE_STEPS: ScaleStep[] = [
  organisations,
  teams,
  users,
  memberships,
  neighbourhoods,
  places,
  ...PEOPLE_STEPS,
  ...REPORT_STEPS,
];

/** mulberry32: a small seeded generator; not for anything secret. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface ScaleResult {
  orgs: ScaleOrg[];
  rows: Record<string, number>;
  ms: number;
}

export async function runScale(
  db: Database,
  scale: number,
  progress: Progress = silentProgress,
  steps: ScaleStep[] = SCALE_STEPS,
  people?: PeopleScale,
): Promise<ScaleResult> {
  if (!Number.isInteger(scale) || scale < 1) throw new Error("scale must be a positive whole number");
  const startedAt = Date.now();
  const ctx: ScaleContext = {
    db,
    scale,
    now: new Date(),
    passwordHash: await demoPasswordHash(),
    orgs: [],
    random: seededRandom(scale),
    ...(people ? { people } : {}),
  };
  const estimate = (s: ScaleStep) =>
    people && s.name === "persons"
      ? scale * people.personsPerOrg
      : people && s.name === "contacts"
        ? scale * people.contactsPerOrg
        : s.estimate(scale);
  progress.begin(steps.reduce((n, s) => n + estimate(s), 0));
  const rows: Record<string, number> = {};
  for (const step of steps) {
    progress.step(step.name);
    rows[step.name] = 0;
    await step.run(ctx, (n) => {
      rows[step.name]! += n;
      progress.advance(n);
    });
  }
  progress.end();
  return { orgs: ctx.orgs, rows, ms: Date.now() - startedAt };
}
