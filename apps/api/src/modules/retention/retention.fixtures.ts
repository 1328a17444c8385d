// Rows for the retention test, next to the figure fixtures (figures.fixtures.ts): persons that are
// in use in each way the job recognises, old and recent notes, a closed case and trajectory with
// text, an ended session, and a person in another organisation. Fictional, written as the owner.
import { uuidv7 } from "@vindplaats/domain";
import type { seedOrg } from "../../../test/factories.ts";
import type { Database, Tx } from "../../db/database.ts";

type Org = Awaited<ReturnType<typeof seedOrg>>;

async function person(tx: Tx, org: Org, nickname: string, createdAt = "2024-01-01T10:00:00Z") {
  const id = uuidv7();
  await tx.query(
    `INSERT INTO persons (id, org_id, owner_team_id, nickname, nickname_norm, full_name, phone, nationality, created_by, created_at, updated_at)
     VALUES ($1,$2,$3,$4,lower($4),$5,'0470 00 00 00','pl',$6,$7,$7)`,
    [id, org.orgId, org.teamA, nickname, `${nickname} Verzonnen`, org.users.workerA, createdAt],
  );
  return id;
}

async function contact(tx: Tx, org: Org, personId: string, startedAt: string, note: string | null = null) {
  const id = uuidv7();
  await tx.query(
    `INSERT INTO contacts (id, org_id, team_id, started_at, duration_minutes, worker_ids, location_kind, person_count,
                           note, created_by, created_at, updated_at, updated_by)
     VALUES ($1,$2,$3,$4,20,$5,'public',1,$6,$7,$4,$4,$7)`,
    [id, org.orgId, org.teamA, startedAt, [org.users.workerA], note, org.users.workerA],
  );
  await tx.query(`INSERT INTO contact_persons (org_id, contact_id, person_id) VALUES ($1,$2,$3)`, [
    org.orgId,
    id,
    personId,
  ]);
  return id;
}

async function note(tx: Tx, org: Org, personId: string, createdAt: string) {
  const id = uuidv7();
  await tx.query(
    `INSERT INTO person_notes (id, org_id, person_id, team_id, body, created_by, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
    [id, org.orgId, personId, org.teamA, "Vertelde over zijn broer.", org.users.workerA, createdAt],
  );
  return id;
}

export async function retentionFixtures(db: Database, org: Org, other: Org, p1: string) {
  return db.owner(async (tx) => {
    const noContact = await person(tx, org, "Nora");
    await note(tx, org, noContact, "2024-02-01T10:00:00Z");
    await note(tx, org, p1, "2024-02-01T10:00:00Z");
    await person(tx, org, "Ruben", "2029-01-01T10:00:00Z");

    // Met long ago, but in a Housing First trajectory that is still running.
    const inTrajectory = await person(tx, org, "Tijl");
    const oldNoteContact = await contact(tx, org, inTrajectory, "2025-02-01T10:00:00Z", "Oud gesprek");
    const running = uuidv7();
    await tx.query(
      `INSERT INTO trajectories (id, org_id, team_id, kind, title, status, started_on, created_at, created_by, updated_at)
       VALUES ($1,$2,$3,'housing_first','Housing First','active','2024-03-01','2024-03-01T10:00:00Z',$4,'2024-03-01T10:00:00Z')`,
      [running, org.orgId, org.teamA, org.users.workerA],
    );
    await tx.query(
      `INSERT INTO trajectory_participants (id, org_id, team_id, trajectory_id, person_id, since) VALUES ($1,$2,$3,$4,$5,'2024-03-01')`,
      [uuidv7(), org.orgId, org.teamA, running, inTrajectory],
    );

    // Never met, but living in a household at an address case that is still open.
    const inOpenCase = await person(tx, org, "Olga");
    const household = uuidv7();
    await tx.query(
      `INSERT INTO households (id, org_id, owner_team_id, name, created_by) VALUES ($1,$2,$3,'Familie O.',$4)`,
      [household, org.orgId, org.teamB, org.users.workerB],
    );
    await tx.query(
      `INSERT INTO collective_members (id, org_id, kind, collective_id, person_id, since) VALUES ($1,$2,'household',$3,$4,'2024-01-01Z')`,
      [uuidv7(), org.orgId, household, inOpenCase],
    );
    const openCase = await addCase(tx, org, { status: "open", opened: "2024-01-05" });
    await tx.query(
      `INSERT INTO case_households (id, org_id, team_id, case_id, household_id, since) VALUES ($1,$2,$3,$4,$5,'2024-01-05')`,
      [uuidv7(), org.orgId, org.teamB, openCase, household],
    );

    // A note written recently keeps its person; a recent contact keeps its note.
    const withRecentNote = await person(tx, org, "Wout");
    const recentNote = await note(tx, org, withRecentNote, "2029-05-01T10:00:00Z");
    const recentNoteContact = await contact(tx, org, withRecentNote, "2029-01-01T10:00:00Z", "Recent gesprek");

    const closedCase = await addCase(tx, org, { status: "closed", opened: "2025-05-01", closed: "2026-01-10" });
    await tx.query(
      `INSERT INTO case_complainants (id, org_id, team_id, case_id, relation, name, contact_info, created_at, created_by)
       VALUES ($1,$2,$3,$4,'neighbour','Buurvrouw Els','els@example.org','2025-05-01T10:00:00Z',$5)`,
      [uuidv7(), org.orgId, org.teamB, closedCase, org.users.workerB],
    );
    const closedTrajectory = uuidv7();
    await tx.query(
      `INSERT INTO trajectories (id, org_id, team_id, kind, title, status, started_on, closed_on, support, created_at, created_by, updated_at)
       VALUES ($1,$2,$3,'street_work','Traject Jonas','closed','2025-01-01','2026-02-01','Wekelijks langs','2025-01-01T10:00:00Z',$4,'2026-02-01T10:00:00Z')`,
      [closedTrajectory, org.orgId, org.teamA, org.users.workerA],
    );

    const oldSession = `retention-test-${uuidv7()}`;
    await tx.query(
      `INSERT INTO sessions (id_hash, org_id, user_id, csrf_token, created_at, last_seen_at, expires_at)
       VALUES ($1,$2,$3,'x','2029-01-01T08:00:00Z','2029-01-01T09:00:00Z','2029-01-01T20:00:00Z')`,
      [oldSession, org.orgId, org.users.workerA],
    );

    const otherOrgPerson = await person(tx, other, "Zeno");
    await contact(tx, other, otherOrgPerson, "2024-04-01T10:00:00Z");

    return {
      noContact,
      inTrajectory,
      inOpenCase,
      withRecentNote,
      recentNote,
      oldNoteContact,
      recentNoteContact,
      closedCase,
      closedTrajectory,
      oldSession,
      otherOrgPerson,
    };
  });
}

async function addCase(tx: Tx, org: Org, k: { status: string; opened: string; closed?: string }) {
  const id = uuidv7();
  await tx.query(
    `INSERT INTO cases (id, org_id, team_id, street, house_number, postcode, address_key, intake_channel, summary, status,
                        opened_on, closed_on, created_at, created_by, updated_at)
     VALUES ($1,$2,$3,'Verzonnenstraat',$4,'9000',$5,'local_police','Lawaai en afval in de gang',$6,$7,$8,$9,$10,$9)`,
    [
      id,
      org.orgId,
      org.teamB,
      id.slice(-4),
      `9000|verzonnenstraat|${id.slice(-4)}|`,
      k.status,
      k.opened,
      k.closed ?? null,
      `${k.opened}T10:00:00Z`,
      org.users.workerB,
    ],
  );
  return id;
}
