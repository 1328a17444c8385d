// Hand-made data for the figure tests, written as the owner with exact instants, and the numbers a
// person worked out by hand for 2025 (comments say why each row counts or not). Fictional.
import { uuidv7 } from "@vindplaats/domain";
import type { seedOrg } from "../../../test/factories.ts";
import type { Database, Tx } from "../../db/database.ts";

type Org = Awaited<ReturnType<typeof seedOrg>>;

const at = (iso: string) => new Date(iso);

async function person(
  tx: Tx,
  org: Org,
  team: string,
  nickname: string,
  p: { nationality?: string | null; ageBand?: string | null; known?: boolean | null; mergedInto?: string } = {},
) {
  const id = uuidv7();
  await tx.query(
    `INSERT INTO persons (id, org_id, owner_team_id, nickname, nickname_norm, nationality, age_band, known_to_social_service,
                          merged_into_id, is_active, created_by, created_at, updated_at)
     VALUES ($1,$2,$3,$4,lower($4),$5,$6,$7,$8,$9,$10,'2024-01-01Z','2024-01-01Z')`,
    [
      id,
      org.orgId,
      team,
      nickname,
      p.nationality ?? null,
      p.ageBand ?? null,
      p.known ?? null,
      p.mergedInto ?? null,
      !p.mergedInto,
      org.users.workerA,
    ],
  );
  return id;
}

interface ContactInput {
  team: string;
  startedAt: string;
  place?: string | null;
  neighbourhood?: string | null;
  locationKind?: string;
  persons?: string[];
  anonymous?: number;
  mode?: string;
  workers: string[];
  workingRelationship?: string[];
  cameAbout?: string[];
  actions?: string[];
  lifeDomains?: string[];
  isRemoved?: boolean;
  createdAt?: string;
}

async function contact(tx: Tx, org: Org, c: ContactInput) {
  const id = uuidv7();
  const created = c.createdAt ?? c.startedAt;
  await tx.query(
    `INSERT INTO contacts (id, org_id, team_id, started_at, duration_minutes, worker_ids, place_id, neighbourhood_id, location_kind,
                           mode, anonymous_counts, anonymous_total, person_count, came_about, working_relationship, actions,
                           life_domains, is_removed, created_by, created_at, updated_at, updated_by)
     VALUES ($1,$2,$3,$4,15,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$19,$18)`,
    [
      id,
      org.orgId,
      c.team,
      at(c.startedAt),
      c.workers,
      c.place ?? null,
      c.neighbourhood ?? null,
      c.locationKind ?? "public",
      c.mode ?? "standard",
      JSON.stringify(c.anonymous ? [{ ageBand: null, gender: null, count: c.anonymous }] : []),
      c.anonymous ?? 0,
      c.persons?.length ?? 0,
      c.cameAbout ?? [],
      c.workingRelationship ?? [],
      c.actions ?? [],
      c.lifeDomains ?? [],
      c.isRemoved ?? false,
      c.workers[0],
      at(created),
    ],
  );
  for (const p of c.persons ?? [])
    await tx.query(`INSERT INTO contact_persons (org_id, contact_id, person_id) VALUES ($1,$2,$3)`, [org.orgId, id, p]);
  return id;
}

async function seen(tx: Tx, org: Org, personId: string, teamId: string, first: string) {
  await tx.query(
    `INSERT INTO person_teams (org_id, person_id, team_id, first_seen_at, last_seen_at) VALUES ($1,$2,$3,$4,$4)`,
    [org.orgId, personId, teamId, at(first)],
  );
}

async function referral(
  tx: Tx,
  org: Org,
  r: { team: string; service: string; status: string; on: string; contact?: string },
) {
  await tx.query(
    `INSERT INTO referrals (id, org_id, team_id, contact_id, service_code, status, proposed_on, created_at, created_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
    [
      uuidv7(),
      org.orgId,
      r.team,
      r.contact ?? null,
      r.service,
      r.status,
      r.on,
      at(`${r.on}T12:00:00Z`),
      org.users.workerA,
    ],
  );
}

async function addCase(
  tx: Tx,
  org: Org,
  k: {
    channel: string;
    hood: string;
    opened: string;
    closed?: string;
    complaints?: { theme: string; received: string; resolved?: string }[];
  },
) {
  const id = uuidv7();
  const key = `9000|straat|${id.slice(-6)}|`;
  await tx.query(
    `INSERT INTO cases (id, org_id, team_id, street, house_number, postcode, address_key, neighbourhood_id, intake_channel, status,
                        opened_on, closed_on, created_at, created_by, updated_at)
     VALUES ($1,$2,$3,'Straat',$4,'9000',$5,$6,$7,$8,$9,$10,$11,$12,$11)`,
    [
      id,
      org.orgId,
      org.teamB,
      id.slice(-6),
      key,
      k.hood,
      k.channel,
      k.closed ? "closed" : "open",
      k.opened,
      k.closed ?? null,
      at(`${k.opened}T09:00:00Z`),
      org.users.workerB,
    ],
  );
  const history = [["open", k.opened], ...(k.closed ? [["closed", k.closed]] : [])];
  for (const [status, on] of history) {
    await tx.query(
      `INSERT INTO case_status_history (id, org_id, team_id, case_id, status, effective_on, at, actor_user_id) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
      [uuidv7(), org.orgId, org.teamB, id, status, on, at(`${on}T10:00:00Z`), org.users.workerB],
    );
  }
  for (const c of k.complaints ?? []) {
    await tx.query(
      `INSERT INTO case_complaints (id, org_id, team_id, case_id, received_on, theme, source, resolved_on, created_at, created_by)
       VALUES ($1,$2,$3,$4,$5,$6,'neighbour',$7,$8,$9)`,
      [
        uuidv7(),
        org.orgId,
        org.teamB,
        id,
        c.received,
        c.theme,
        c.resolved ?? null,
        at(`${c.received}T10:00:00Z`),
        org.users.workerB,
      ],
    );
  }
  return id;
}

async function housingFirst(tx: Tx, org: Org, housedOn: string, checkpoints: [number, string][]) {
  const id = uuidv7();
  await tx.query(
    `INSERT INTO trajectories (id, org_id, team_id, kind, title, status, started_on, housed_on, created_at, created_by, updated_at)
     VALUES ($1,$2,$3,'housing_first','Housing First','active',$4,$4,$5,$6,$5)`,
    [id, org.orgId, org.teamA, housedOn, at(`${housedOn}T09:00:00Z`), org.users.workerA],
  );
  for (const [month, outcome] of checkpoints) {
    await tx.query(
      `INSERT INTO housing_checkpoints (id, org_id, team_id, trajectory_id, month, outcome, recorded_on, created_at, created_by)
       VALUES ($1,$2,$3,$4,$5,$6,'2025-06-01','2025-06-01T10:00:00Z',$7)`,
      [uuidv7(), org.orgId, org.teamA, id, month, outcome, org.users.workerA],
    );
  }
}

/** The fixture: persons P1..P6 (P4 merged into P1), contacts C1..C10, referrals, cases, Housing First. */
export async function seedFigures(db: Database, org: Org) {
  return db.owner(async (tx) => {
    const { teamA, teamB, north, south, square, park } = org;
    const { workerA, workerA2, workerB } = org.users;
    const p1 = await person(tx, org, teamA, "Ahmed", { nationality: "bg", ageBand: "26_40", known: false });
    const p2 = await person(tx, org, teamB, "Bea", { nationality: "pl", ageBand: "41_64", known: true });
    const p3 = await person(tx, org, teamA, "Cas");
    const p4 = await person(tx, org, teamB, "Dries", { nationality: "bg", mergedInto: p1 });
    const p5 = await person(tx, org, teamA, "Eli", { nationality: "be", ageBand: "18_25", known: true });
    const p6 = await person(tx, org, teamA, "Fien", { nationality: "bg", ageBand: "18_25", known: false });

    // Monday 10 March 2025, 10:15 and 14:00 in Brussels (UTC+1).
    const c1 = await contact(tx, org, {
      team: teamA,
      startedAt: "2025-03-10T09:15:00Z",
      place: square,
      neighbourhood: north,
      persons: [p1],
      workers: [workerA],
      workingRelationship: ["voluntary"],
      cameAbout: ["own_observation"],
      actions: ["direct_help"],
      lifeDomains: ["housing", "health"],
    });
    await contact(tx, org, {
      team: teamB,
      startedAt: "2025-03-10T13:00:00Z",
      place: park,
      neighbourhood: south,
      persons: [p1, p2],
      workers: [workerB],
      actions: ["indirect_help"],
      lifeDomains: ["housing"],
    });
    // Sunday 15 June 2025, 22:00 in Brussels (UTC+2): a tally of three.
    await contact(tx, org, {
      team: teamA,
      startedAt: "2025-06-15T20:00:00Z",
      place: square,
      neighbourhood: north,
      anonymous: 3,
      mode: "tally",
      workers: [workerA],
    });
    // Tuesday 1 July 2025, 09:00: a group contact that still points at the merged record P4.
    const c4 = await contact(tx, org, {
      team: teamB,
      startedAt: "2025-07-01T07:00:00Z",
      place: park,
      neighbourhood: south,
      persons: [p4],
      mode: "group",
      workers: [workerB],
    });
    // 31 December 2024 at 23:30 in Brussels: 2024, not 2025.
    await contact(tx, org, {
      team: teamA,
      startedAt: "2024-12-31T22:30:00Z",
      place: square,
      neighbourhood: north,
      persons: [p5],
      workers: [workerA],
    });
    // 1 January 2025 at 00:30 in Brussels (still 2024 in UTC): 2025, hour 0, a Wednesday.
    await contact(tx, org, {
      team: teamA,
      startedAt: "2024-12-31T23:30:00Z",
      place: square,
      neighbourhood: north,
      persons: [p6, p5],
      workers: [workerA, workerA2],
    });
    // 31 December 2025 at 23:59 in Brussels: 2025, hour 23; online, no place; two anonymous.
    const c7 = await contact(tx, org, {
      team: teamA,
      startedAt: "2025-12-31T22:59:00Z",
      locationKind: "online",
      persons: [p3],
      anonymous: 2,
      workers: [workerA2],
    });
    // 1 January 2026 at 00:05 in Brussels: 2026.
    await contact(tx, org, {
      team: teamA,
      startedAt: "2025-12-31T23:05:00Z",
      persons: [p3],
      locationKind: "online",
      workers: [workerA2],
    });
    // Removed (a correction): never counts.
    await contact(tx, org, {
      team: teamA,
      startedAt: "2025-04-01T10:00:00Z",
      place: square,
      neighbourhood: north,
      persons: [p2],
      workers: [workerA],
      isRemoved: true,
    });
    // In 2025, but registered only on 2 February 2026: left out of a report with an earlier data timestamp.
    await contact(tx, org, {
      team: teamA,
      startedAt: "2025-11-20T10:00:00Z",
      place: park,
      neighbourhood: south,
      anonymous: 4,
      workers: [workerA],
      createdAt: "2026-02-02T10:00:00Z",
    });

    await seen(tx, org, p1, teamA, "2025-03-10T09:15:00Z");
    await seen(tx, org, p1, teamB, "2025-03-10T13:00:00Z");
    // The record merged into P1 was first met in 2024: P1 is not new in 2025.
    await seen(tx, org, p4, teamB, "2024-06-01T10:00:00Z");
    await seen(tx, org, p2, teamB, "2025-03-10T13:00:00Z");
    await seen(tx, org, p3, teamA, "2025-12-31T22:59:00Z");
    await seen(tx, org, p5, teamA, "2024-12-31T22:30:00Z");
    await seen(tx, org, p6, teamA, "2024-12-31T23:30:00Z");

    await referral(tx, org, { team: teamA, service: "caw", status: "done", on: "2025-03-10", contact: c1 });
    await referral(tx, org, {
      team: teamB,
      service: "night_shelter",
      status: "proposed",
      on: "2025-07-01",
      contact: c4,
    });
    await referral(tx, org, { team: teamA, service: "caw", status: "refused", on: "2024-12-31" });
    await referral(tx, org, { team: teamA, service: "caw", status: "accepted", on: "2025-12-31", contact: c7 });

    // K1 closed in 2025 (its complaint resolved before); K2 active across both year ends with open
    // noise; K3 opened and closed in 2025; K4 opened in 2026.
    await addCase(tx, org, {
      channel: "local_police",
      hood: north,
      opened: "2024-11-01",
      closed: "2025-02-01",
      complaints: [{ theme: "waste", received: "2024-11-02", resolved: "2025-01-15" }],
    });
    await addCase(tx, org, {
      channel: "city_services",
      hood: south,
      opened: "2024-12-01",
      complaints: [{ theme: "noise", received: "2025-05-01" }],
    });
    await addCase(tx, org, {
      channel: "local_police",
      hood: north,
      opened: "2025-03-01",
      closed: "2025-10-01",
      complaints: [{ theme: "noise", received: "2025-03-02", resolved: "2025-04-01" }],
    });
    await addCase(tx, org, { channel: "local_police", hood: south, opened: "2026-01-05" });

    await housingFirst(tx, org, "2024-03-01", [
      [6, "still_housed"],
      [12, "still_housed"],
    ]);
    await housingFirst(tx, org, "2024-01-10", [
      [6, "not_housed"],
      [12, "lost_to_follow_up"],
    ]);
    await housingFirst(tx, org, "2025-05-01", []);
    return { p1, p2, p3, p4, p5, p6 };
  });
}

/** Worked out by hand from the rows above, for 2025, the whole department, data as of now. */
export const EXPECTED_2025 = {
  contacts_total: 6,
  contacts_by_team: { A: 4, B: 2 },
  anonymous_head_counts: 5,
  persons_reached: 5,
  // U = 5 persons, 7 person-contacts (r = 1.4), A = 5 heads: 5 + 5 / 1.4 = 8.57 -> 9.
  persons_reached_estimate: 9,
  new_persons: 3,
};
