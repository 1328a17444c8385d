// Persons and contacts at benchmark scale (`demo --scale <orgs> --persons N --contacts M --years Y`).
// Generated inside the database with generate_series, in chunks, so millions of rows take minutes,
// not hours; ids are UUIDv7-shaped (time prefix) like the ones the app makes.
import { seedDefaultValueLists } from "../modules/value-lists/value-lists.repo.ts";
import type { ScaleContext, ScaleStep } from "./scale.ts";

export interface PeopleScale {
  personsPerOrg: number;
  contactsPerOrg: number;
  /** Contacts spread over this many years back from now. */
  years: number;
}

export const DEFAULT_PEOPLE_SCALE: PeopleScale = { personsPerOrg: 2000, contactsPerOrg: 10_000, years: 2 };
const CHUNK = 100_000;

/** A UUIDv7-shaped id from a timestamp expression: 48-bit ms time, version 7, random rest. */
const uuidAt = (ts: string) =>
  `(lpad(to_hex((extract(epoch FROM ${ts}) * 1000)::bigint), 12, '0') || '7' || substr(md5(random()::text), 1, 3) || '8' || substr(md5(random()::text), 1, 15))::uuid`;

const SYLLABLES = [
  "ja",
  "mo",
  "ri",
  "ka",
  "lu",
  "be",
  "do",
  "ni",
  "sa",
  "to",
  "vi",
  "ze",
  "el",
  "an",
  "or",
  "ki",
  "pa",
  "mi",
  "ro",
  "la",
];
const syllable = () =>
  `(ARRAY[${SYLLABLES.map((s) => `'${s}'`).join(",")}])[1 + floor(random() * ${SYLLABLES.length})::int]`;

const people = (ctx: ScaleContext) => ctx.people ?? DEFAULT_PEOPLE_SCALE;

async function inChunks(total: number, report: (n: number) => void, fn: (from: number, size: number) => Promise<void>) {
  for (let from = 0; from < total; from += CHUNK) {
    const size = Math.min(CHUNK, total - from);
    await fn(from, size);
    report(size);
  }
}

const valueLists: ScaleStep = {
  name: "value lists",
  estimate: (n) => n,
  async run(ctx, report) {
    for (const org of ctx.orgs) {
      await ctx.db.owner((tx) => seedDefaultValueLists(tx, org.id));
      report(1);
    }
  },
};

const persons: ScaleStep = {
  name: "persons",
  estimate: (n) => n * DEFAULT_PEOPLE_SCALE.personsPerOrg,
  async run(ctx, report) {
    const { personsPerOrg, years } = people(ctx);
    for (const org of ctx.orgs) {
      const teamIds = Object.values(org.teams);
      const userIds = Object.values(org.users);
      const hoods = Object.values(org.neighbourhoods);
      await inChunks(personsPerOrg, report, (_from, size) =>
        ctx.db.owner(async (tx) => {
          await tx.query(
            `WITH src AS (
               SELECT $6::timestamptz - random() * ($5::int || ' years')::interval AS at,
                      ${syllable()} || ${syllable()} || ${syllable()} || (CASE WHEN random() < 0.5 THEN ${syllable()} ELSE '' END) AS nick,
                      ($2::uuid[])[1 + floor(random() * array_length($2::uuid[], 1))::int] AS team,
                      ($3::uuid[])[1 + floor(random() * array_length($3::uuid[], 1))::int] AS creator,
                      ($4::uuid[])[1 + floor(random() * array_length($4::uuid[], 1))::int] AS hood,
                      g
                 FROM generate_series(1, $7::int) g)
             INSERT INTO persons (id, org_id, owner_team_id, nickname, nickname_norm, birth_year, usual_neighbourhood_id,
                                  known_to_social_service, created_by, created_at, updated_at)
             SELECT ${uuidAt("at")}, $1::uuid, team, initcap(nick), nick, CASE WHEN g % 3 = 0 THEN 1950 + (g % 55) END, hood,
                    random() < 0.4, creator, at, at
               FROM src`,
            [org.id, teamIds, userIds, hoods, years, ctx.now, size],
          );
        }),
      );
      await ctx.db.owner((tx) =>
        tx.query(
          `INSERT INTO person_teams (org_id, person_id, team_id, first_seen_at, last_seen_at, last_worker_id)
           SELECT org_id, id, owner_team_id, created_at, created_at, created_by FROM persons WHERE org_id = $1
           ON CONFLICT DO NOTHING`,
          [org.id],
        ),
      );
    }
  },
};

const contacts: ScaleStep = {
  name: "contacts",
  estimate: (n) => n * DEFAULT_PEOPLE_SCALE.contactsPerOrg,
  async run(ctx, report) {
    const { contactsPerOrg, years } = people(ctx);
    for (const org of ctx.orgs) {
      // Number the organisation's persons once, so a random pick is an index lookup.
      await ctx.db.owner(async (tx) => {
        await tx.query(`DROP TABLE IF EXISTS scale_person_index`);
        await tx.query(`CREATE UNLOGGED TABLE scale_person_index (n int PRIMARY KEY, id uuid NOT NULL)`);
        await tx.query(
          `INSERT INTO scale_person_index SELECT (row_number() OVER ())::int, id FROM persons WHERE org_id = $1`,
          [org.id],
        );
      });
      const members = await ctx.db.owner((tx) =>
        tx.query<{ team_id: string; user_id: string }>(
          `SELECT team_id, user_id FROM memberships WHERE org_id = $1 AND is_active`,
          [org.id],
        ),
      );
      const places = await ctx.db.owner((tx) =>
        tx.query<{ id: string; neighbourhood_id: string; kind: string }>(
          `SELECT id, neighbourhood_id, kind FROM places WHERE org_id = $1`,
          [org.id],
        ),
      );
      const personCount = (
        await ctx.db.owner((tx) =>
          tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM persons WHERE org_id = $1`, [org.id]),
        )
      )[0]!.n;
      await inChunks(contactsPerOrg, report, (_from, size) =>
        ctx.db.owner(async (tx) => {
          await tx.query(
            `CREATE TEMP TABLE bench_new_contacts (id uuid, at timestamptz, team uuid, worker uuid, place uuid, hood uuid, kind text, r float8, person uuid) ON COMMIT DROP`,
          );
          await tx.query(
            `INSERT INTO bench_new_contacts
             WITH src AS (
               SELECT $2::timestamptz - random() * ($3::int || ' years')::interval AS at,
                      1 + floor(random() * array_length($4::uuid[], 1))::int AS m,
                      1 + floor(random() * array_length($6::uuid[], 1))::int AS p,
                      random() AS r, 1 + floor(random() * greatest($10::int, 1))::int AS pick, g
                 FROM generate_series(1, $9::int) g
                WHERE $1::uuid IS NOT NULL)
             SELECT ${uuidAt("at")} AS id, at, ($4::uuid[])[m] AS team, ($5::uuid[])[m] AS worker, ($6::uuid[])[p] AS place,
                    ($7::uuid[])[p] AS hood, ($8::text[])[p] AS kind, r,
                    CASE WHEN r < 0.7 THEN spi.id END AS person
               FROM src LEFT JOIN scale_person_index spi ON spi.n = src.pick`,
            [
              org.id,
              ctx.now,
              years,
              members.map((m) => m.team_id),
              members.map((m) => m.user_id),
              places.map((p) => p.id),
              places.map((p) => p.neighbourhood_id),
              places.map((p) => p.kind),
              size,
              personCount,
            ],
          );
          await tx.query(
            `INSERT INTO contacts (id, org_id, team_id, started_at, duration_minutes, worker_ids, place_id, neighbourhood_id, location_kind,
                                   mode, anonymous_counts, anonymous_total, person_count, came_about, working_relationship, actions,
                                   life_domains, created_by, created_at, updated_at, updated_by)
             SELECT id, $1::uuid, team, at, (5 + floor(r * 55))::int, ARRAY[worker], place, hood, kind,
                    CASE WHEN person IS NULL THEN 'tally' ELSE 'standard' END,
                    CASE WHEN person IS NULL THEN '[{"ageBand":null,"gender":null,"count":1}]'::jsonb ELSE '[]'::jsonb END,
                    CASE WHEN person IS NULL THEN 1 ELSE 0 END, CASE WHEN person IS NULL THEN 0 ELSE 1 END,
                    ARRAY[(ARRAY['own_observation','via_person_or_group','professional_network','non_professional_network'])[1 + floor(random() * 4)::int]],
                    ARRAY[(ARRAY['voluntary','persistent','carrot_and_stick','coercion'])[1 + floor(random() * 4)::int]],
                    ARRAY[(ARRAY['direct_help','indirect_help','life_world','structural_work'])[1 + floor(random() * 4)::int]],
                    CASE WHEN person IS NULL THEN '{}'::text[] ELSE ARRAY[(ARRAY['income','housing','work','learning','health','mental_health','addiction','leisure','network','administration','legal_status'])[1 + floor(random() * 11)::int]] END,
                    worker, at, at, worker
               FROM bench_new_contacts`,
            [org.id],
          );
          await tx.query(
            `INSERT INTO contact_persons (org_id, contact_id, person_id) SELECT $1::uuid, id, person FROM bench_new_contacts WHERE person IS NOT NULL`,
            [org.id],
          );
          await tx.query(
            `INSERT INTO person_teams (org_id, person_id, team_id, first_seen_at, last_seen_at, last_worker_id)
             SELECT DISTINCT ON (person, team) $1::uuid, person, team, at, at, worker FROM bench_new_contacts WHERE person IS NOT NULL
             ORDER BY person, team, at DESC
             ON CONFLICT (person_id, team_id) DO UPDATE SET last_seen_at = greatest(person_teams.last_seen_at, excluded.last_seen_at)`,
            [org.id],
          );
        }),
      );
    }
    await ctx.db.owner((tx) => tx.query(`DROP TABLE IF EXISTS scale_person_index`));
    // A bulk load leaves the tables as a live system's autovacuum would: statistics, and the visibility
    // map that lets the list and search walks read their indexes alone. VACUUM runs outside a transaction.
    for (const table of ["persons", "contacts", "contact_persons", "person_teams", "person_trigrams"])
      await ctx.db.executeSql(`VACUUM (ANALYZE) ${table}`);
  },
};

export const PEOPLE_STEPS: ScaleStep[] = [valueLists, persons, contacts];
