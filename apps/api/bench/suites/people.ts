// People and contacts at scale (issue "People and contacts"): person search by nickname fragment,
// a filtered contact-list page, and contact registration through the API against plain INSERTs of
// the same rows in the same run. Data comes from `demo --scale` (scale-people.ts); on PostgreSQL the
// data set is kept between runs in a database named after its size.
// BENCH_PERSONS / BENCH_CONTACTS size it (PostgreSQL default 1,000,000 / 5,000,000; embedded 20,000 / 100,000).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { uuidv7 } from "@vindplaats/domain";
import type { FastifyInstance } from "fastify";
import pg from "pg";
import { buildApp } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import type { Database } from "../../src/db/database.ts";
import { openPglite } from "../../src/db/pglite.ts";
import { openPostgres } from "../../src/db/postgres.ts";
import { DEMO_PASSWORD } from "../../src/demo/accounts.ts";
import { runScale, SCALE_STEPS, scaleEmailDomain } from "../../src/demo/scale.ts";
import { type BenchSuite, envNumber } from "../lib/suite.ts";

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const round = (n: number) => Math.round(n * 10) / 10;

async function openBenchDatabase(
  persons: number,
  contacts: number,
): Promise<{ db: Database; cleanup(): Promise<void> }> {
  const base = process.env.BENCH_DATABASE_URL;
  if (!base) {
    const dir = mkdtempSync(join(tmpdir(), "vp-bench-people-"));
    const db = await openPglite(dir);
    return { db, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `vp_bench_people_${persons}_${contacts}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  const exists = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
  if (!exists.rowCount) await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { db: await openPostgres(url.toString(), 16), cleanup: async () => undefined };
}

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const value = await fn();
  return [performance.now() - t, value];
}

async function signIn(app: FastifyInstance, email: string) {
  const res = await app.inject({
    method: "POST",
    url: "/api/v1/auth/sign-in",
    payload: { email, password: DEMO_PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in ${email}: ${res.statusCode}`);
  const cookie = `vp_session=${res.cookies.find((c) => c.name === "vp_session")!.value}`;
  const body = res.json() as { csrfToken: string; memberships: { teamId: string }[] };
  return { headers: { cookie, "x-csrf-token": body.csrfToken }, teamId: body.memberships[0]!.teamId };
}

async function pool<T>(items: T[], concurrency: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

export const suite: BenchSuite = {
  name: "people",
  description: "person search, filtered contact list, registration vs plain INSERT at scale",
  async run(ctx) {
    const onPg = ctx.db === "postgres";
    const persons = envNumber("BENCH_PERSONS", onPg ? 1_000_000 : 20_000);
    const contacts = envNumber("BENCH_CONTACTS", onPg ? 5_000_000 : 100_000);
    const { db, cleanup } = await openBenchDatabase(persons, contacts);
    try {
      await db.migrate();
      const existing = (
        await db.owner((tx) =>
          tx.query<{ id: string; n: number }>(
            `SELECT o.id, (SELECT count(*)::int FROM contacts c WHERE c.org_id = o.id) AS n FROM organisations o WHERE o.slug = 'scale-1'`,
          ),
        )
      )[0];
      if (!existing) {
        const [ms] = await timed(() =>
          runScale(db, 1, undefined, undefined, { personsPerOrg: persons, contactsPerOrg: contacts, years: 2 }),
        );
        ctx.emit({ figure: "people.generate", value: round(ms / 1000), unit: "s", persons, contacts });
      } else if (existing.n < contacts) {
        // An interrupted generation resumes: only the missing contacts are added.
        const step = SCALE_STEPS.find((s) => s.name === "contacts")!;
        const org = { id: existing.id, slug: "scale-1", teams: {}, users: {}, neighbourhoods: {}, places: {} };
        const scaleCtx = {
          db,
          scale: 1,
          now: new Date(),
          passwordHash: "",
          orgs: [org],
          random: Math.random,
          people: { personsPerOrg: persons, contactsPerOrg: contacts - existing.n, years: 2 },
        };
        const [ms] = await timed(() => step.run(scaleCtx, () => undefined));
        ctx.emit({
          figure: "people.generate_resume",
          value: round(ms / 1000),
          unit: "s",
          added: contacts - existing.n,
        });
      }
      const slug = (
        await db.owner((tx) =>
          tx.query<{ slug: string }>(`SELECT slug FROM organisations WHERE slug LIKE 'scale-%' ORDER BY slug LIMIT 1`),
        )
      )[0]!.slug;
      const app = await buildApp({
        config: { ...loadConfig({}), logLevel: "silent", demo: "never", loginRatePerMinute: 1e9 },
        db,
      });
      await app.ready();
      const worker = await signIn(app, `straat1@${scaleEmailDomain(slug)}`);
      const coordinator = await signIn(app, `coord.straat@${scaleEmailDomain(slug)}`);
      const extra = { persons, contacts };

      // Person search by a 3-letter fragment of a nickname.
      const syllables = ["ja", "mo", "ri", "ka", "lu", "be", "do", "ni", "sa", "to"];
      const fragments = Array.from(
        { length: 300 },
        (_, i) => `${syllables[i % 10]}${syllables[(i * 7) % 10]!.slice(0, 1)}`,
      );
      const search: number[] = [];
      for (const q of fragments) {
        const [ms, res] = await timed(() =>
          app.inject({ method: "GET", url: `/api/v1/persons?q=${q}&limit=20`, headers: worker.headers }),
        );
        if (res.statusCode !== 200) throw new Error(`search ${res.statusCode}`);
        search.push(ms);
      }
      ctx.emit({
        figure: "people.search_p95",
        value: round(percentile(search.slice(20), 95)),
        unit: "ms",
        p50: round(percentile(search.slice(20), 50)),
        target: 30,
        ...extra,
      });

      // A filtered contact-list page for a coordinator: one month, one life domain.
      const domains = ["housing", "income", "health", "addiction", "administration"];
      const list: number[] = [];
      for (let i = 0; i < 300; i++) {
        const month = new Date(Date.now() - (1 + (i % 20)) * 30 * 86_400_000).toISOString().slice(0, 10);
        const to = new Date(new Date(month).getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
        const url = `/api/v1/contacts?from=${month}&to=${to}&lifeDomain=${domains[i % domains.length]}&limit=50`;
        const [ms, res] = await timed(() => app.inject({ method: "GET", url, headers: coordinator.headers }));
        if (res.statusCode !== 200) throw new Error(`list ${res.statusCode}`);
        list.push(ms);
      }
      ctx.emit({
        figure: "contacts.list_page_p95",
        value: round(percentile(list.slice(20), 95)),
        unit: "ms",
        p50: round(percentile(list.slice(20), 50)),
        target: 50,
        ...extra,
      });

      // Registration through the API vs plain INSERTs of the same rows, same concurrency.
      const n = envNumber("BENCH_REGISTRATIONS", 1000);
      const concurrency = 8;
      const place = (
        await db.owner((tx) =>
          tx.query<{ id: string; neighbourhood_id: string }>(
            `SELECT id, neighbourhood_id FROM places WHERE org_id = (SELECT id FROM organisations WHERE slug = $1) LIMIT 1`,
            [slug],
          ),
        )
      )[0]!;
      const known = (
        await app.inject({ method: "GET", url: "/api/v1/persons?limit=50", headers: worker.headers })
      ).json().items as { id: string }[];
      const bodies = Array.from({ length: n }, (_, i) => ({
        id: uuidv7(),
        teamId: worker.teamId,
        startedAt: new Date(Date.now() - 60_000 - i).toISOString(),
        durationMinutes: 10,
        placeId: place.id,
        personIds: known.length ? [known[i % known.length]!.id] : [],
        anonymous: known.length ? [] : [{ count: 1 }],
        lifeDomains: ["housing"],
        actions: ["direct_help"],
      }));
      const [apiMs] = await timed(() =>
        pool(bodies, concurrency, async (body) => {
          const res = await app.inject({
            method: "POST",
            url: "/api/v1/contacts",
            payload: body,
            headers: worker.headers,
          });
          if (res.statusCode !== 201) throw new Error(`register ${res.statusCode} ${res.body}`);
        }),
      );
      const orgId = (
        await db.owner((tx) => tx.query<{ id: string }>(`SELECT id FROM organisations WHERE slug = $1`, [slug]))
      )[0]!.id;
      const plainBodies = bodies.map((b) => ({ ...b, id: uuidv7() }));
      const [plainMs] = await timed(() =>
        pool(plainBodies, concurrency, (b) =>
          db.owner(async (tx) => {
            await tx.query(
              `INSERT INTO contacts (id, org_id, team_id, started_at, duration_minutes, worker_ids, place_id, neighbourhood_id, location_kind,
                                     anonymous_counts, anonymous_total, person_count, life_domains, actions, created_by, created_at, updated_at, updated_by)
               VALUES ($1,$2,$3,$4,$5,$6,$7,$8,'public',$9,$10,$11,$12,$13,$14,now(),now(),$14)`,
              [
                b.id,
                orgId,
                b.teamId,
                b.startedAt,
                b.durationMinutes,
                [orgId],
                place.id,
                place.neighbourhood_id,
                JSON.stringify(b.anonymous),
                b.anonymous.length,
                b.personIds.length,
                b.lifeDomains,
                b.actions,
                orgId,
              ],
            );
            if (b.personIds.length)
              await tx.query(`INSERT INTO contact_persons (org_id, contact_id, person_id) VALUES ($1,$2,$3)`, [
                orgId,
                b.id,
                b.personIds[0],
              ]);
          }),
        ),
      );
      const apiRate = n / (apiMs / 1000);
      const plainRate = n / (plainMs / 1000);
      ctx.emit({
        figure: "contacts.register_per_s",
        value: round(apiRate),
        unit: "1/s",
        plainInsertPerS: round(plainRate),
        ratio: round((apiRate / plainRate) * 100) / 100,
        target: 0.5,
        concurrency,
        ...extra,
      });
      await app.close();
    } finally {
      await db.close();
      await cleanup();
    }
  },
};
