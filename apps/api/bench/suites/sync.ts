// The offline-first phone: the gzip size of the JavaScript loaded before the registration screen is
// usable (target <= 150 KB, lib/web-bundle.ts), and offline sync over loopback HTTP: a phone's first
// pull of a 5,000-person working set (target <= 5 s) and the push of 1,000 queued contacts in the
// phone's batches of 100 (target <= 2 s), next to the same registrations posted one by one to
// POST /api/v1/contacts (what the sync protocol adds).
// BENCH_SYNC_PERSONS / BENCH_SYNC_CONTACTS / BENCH_SYNC_BATCH size it; BENCH_RUNS repeats the pull.
import { uuidv7 } from "@vindplaats/domain";
import { buildApp } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import type { Database } from "../../src/db/database.ts";
import { openPglite } from "../../src/db/pglite.ts";
import { openPostgres } from "../../src/db/postgres.ts";
import { DEMO_PASSWORD } from "../../src/demo/accounts.ts";
import { runScale, SCALE_STEPS, scaleEmailDomain } from "../../src/demo/scale.ts";
import { freshDatabase } from "../lib/server.ts";
import { type BenchSuite, envNumber, median } from "../lib/suite.ts";
import { measureFirstLoad } from "../lib/web-bundle.ts";

const round = (n: number) => Math.round(n);

async function open(): Promise<{ db: Database; drop(): Promise<void> }> {
  const fresh = await freshDatabase();
  const db = fresh.env.DATABASE_URL
    ? await openPostgres(fresh.env.DATABASE_URL, 8)
    : await openPglite(fresh.env.VINDPLAATS_DATA_DIR!);
  return {
    db,
    async drop() {
      await db.close();
      await fresh.drop();
    },
  };
}

export const suite: BenchSuite = {
  name: "sync",
  description:
    "JS before the registration screen (gzip); first pull of a 5,000-person working set; push of 1,000 queued contacts (loopback)",
  async run(ctx) {
    const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
    const js = measureFirstLoad();
    ctx.emit({
      figure: "web.first_load_js_gzip",
      value: kb(js.gzipBytes),
      unit: "KB",
      screen: "/contacts/new",
      files: js.files,
      largest: js.largest.map((f) => `${f.file.replace(/^assets\//, "")} ${kb(f.gzipBytes)}`),
      offlineLayerAfterFirstScreenKB: kb(js.offlineGzipBytes),
      target: 150,
    });
    const persons = envNumber("BENCH_SYNC_PERSONS", 5000);
    const queued = envNumber("BENCH_SYNC_CONTACTS", 1000);
    const batch = envNumber("BENCH_SYNC_BATCH", 100);
    const runs = envNumber("BENCH_RUNS", 3);
    const { db, drop } = await open();
    try {
      await db.migrate();
      await runScale(
        db,
        1,
        undefined,
        SCALE_STEPS.filter((s) => s.name !== "persons" && s.name !== "contacts"),
      );
      const app = await buildApp({
        config: { ...loadConfig({}), logLevel: "silent", demo: "never", loginRatePerMinute: 1e9 },
        db,
      });
      const url = await app.listen({ host: "127.0.0.1", port: 0 });
      try {
        const signIn = await fetch(`${url}/api/v1/auth/sign-in`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ email: `straat1@${scaleEmailDomain("scale-1")}`, password: DEMO_PASSWORD }),
        });
        if (signIn.status !== 200) throw new Error(`sign-in ${signIn.status}`);
        const session = (await signIn.json()) as {
          csrfToken: string;
          user: { id: string };
          memberships: { teamId: string }[];
        };
        const cookie = signIn.headers
          .getSetCookie()
          .map((c) => c.split(";")[0])
          .join("; ");
        const headers = { cookie, "x-csrf-token": session.csrfToken, "content-type": "application/json" };
        const teamId = session.memberships[0]!.teamId;
        const { orgId, placeId } = (
          await db.owner((tx) =>
            tx.query<{ orgId: string; placeId: string }>(
              `SELECT t.org_id AS "orgId", (SELECT id FROM places p WHERE p.org_id = t.org_id LIMIT 1) AS "placeId" FROM teams t WHERE t.id = $1`,
              [teamId],
            ),
          )
        )[0]!;

        // The team's working set: persons it owns and met, as the phone would hold them.
        await db.owner(async (tx) => {
          await tx.query(
            `INSERT INTO persons (id, org_id, owner_team_id, nickname, nickname_norm, description, created_by, created_at, updated_at)
             SELECT (lpad(to_hex((extract(epoch FROM now()) * 1000)::bigint - g), 12, '0') || '7' || substr(md5(g::text), 1, 3) || '8' || substr(md5(random()::text), 1, 15))::uuid,
                    $1, $2, 'Persoon ' || g, 'persoon ' || g, 'Beschrijving ' || g, $3, now(), now()
               FROM generate_series(1, $4::int) g`,
            [orgId, teamId, session.user.id, persons],
          );
          await tx.query(
            `INSERT INTO person_teams (org_id, person_id, team_id, first_seen_at, last_seen_at, last_worker_id)
             SELECT org_id, id, owner_team_id, created_at, created_at, created_by FROM persons WHERE owner_team_id = $1`,
            [teamId],
          );
        });
        const device = (await (
          await fetch(`${url}/api/v1/sync/devices`, {
            method: "POST",
            headers,
            body: JSON.stringify({ label: "bench" }),
          })
        ).json()) as { deviceId: string };

        const pulls: number[] = [];
        let size = 0;
        let count = 0;
        for (let i = 0; i < runs; i++) {
          const t = performance.now();
          const res = await fetch(`${url}/api/v1/sync/pull?deviceId=${device.deviceId}`, { headers });
          const text = await res.text();
          const view = JSON.parse(text) as { persons: unknown[]; snapshot: boolean };
          pulls.push(performance.now() - t);
          if (res.status !== 200 || !view.snapshot) throw new Error(`pull ${res.status}`);
          size = text.length;
          count = view.persons.length;
        }
        ctx.emit({
          figure: "sync.first_pull",
          value: round(median(pulls)),
          unit: "ms",
          stat: "median",
          runs,
          persons: count,
          bytes: size,
          min: round(Math.min(...pulls)),
          max: round(Math.max(...pulls)),
          target: 5000,
        });

        const known = await db.owner((tx) =>
          tx.query<{ id: string }>(`SELECT id FROM persons WHERE owner_team_id = $1 LIMIT 200`, [teamId]),
        );
        const startedAt = new Date(Date.now() - 3_600_000).toISOString();
        const mutations = Array.from({ length: queued }, (_, i) => ({
          id: uuidv7(),
          kind: "contact.create",
          formatVersion: 2,
          payload: {
            id: uuidv7(),
            teamId,
            placeId,
            startedAt,
            durationMinutes: 15,
            personIds: [known[i % known.length]!.id],
            lifeDomains: ["housing"],
            note: `Notitie ${i}`,
          },
        }));
        const t = performance.now();
        for (let i = 0; i < mutations.length; i += batch) {
          const res = await fetch(`${url}/api/v1/sync/push`, {
            method: "POST",
            headers,
            body: JSON.stringify({ deviceId: device.deviceId, mutations: mutations.slice(i, i + batch) }),
          });
          const body = (await res.json()) as { results: { status: string }[] };
          if (res.status !== 200 || body.results.some((r) => r.status !== "applied"))
            throw new Error(`push ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
        }
        const pushMs = performance.now() - t;
        // The same registrations one by one through POST /api/v1/contacts: what the sync adds on top.
        const direct = performance.now();
        for (const m of mutations) {
          const res = await fetch(`${url}/api/v1/contacts`, {
            method: "POST",
            headers,
            body: JSON.stringify({ ...m.payload, id: uuidv7() }),
          });
          if (res.status !== 201) throw new Error(`register ${res.status}`);
        }
        const directMs = performance.now() - direct;
        ctx.emit({
          figure: "sync.push_queued_contacts",
          value: round(pushMs),
          unit: "ms",
          contacts: queued,
          batch,
          perContactMs: Math.round((pushMs / queued) * 100) / 100,
          directPostsMs: round(directMs),
          vsDirect: Math.round((pushMs / directMs) * 100) / 100,
          target: 2000,
        });
      } finally {
        await app.close();
      }
    } finally {
      await drop();
    }
  },
};
