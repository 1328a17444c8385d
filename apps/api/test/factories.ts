// Fictional test data: an organisation with teams, neighbourhoods, places and one user per role.
import type { SecondFactorRule } from "@vindplaats/contracts";
import type { OrgRole, TeamKind, TeamRole } from "@vindplaats/domain";
import { uuidv7 } from "@vindplaats/domain";
import type { Database, Tx } from "../src/db/database.ts";
import { hashPassword } from "../src/modules/auth/passwords.ts";
import { createAccount, createOrganisation } from "../src/modules/orgs/orgs.service.ts";

export const TEST_PASSWORD = "correct horse battery staple";
let sharedHash: Promise<string> | undefined;
const passwordHash = () => (sharedHash ??= hashPassword(TEST_PASSWORD));

export async function addTeam(tx: Tx, orgId: string, name: string, kind: TeamKind = "street_work") {
  const id = uuidv7();
  await tx.query(`INSERT INTO teams (id, org_id, name, kind) VALUES ($1, $2, $3, $4)`, [id, orgId, name, kind]);
  return id;
}

export async function addUser(
  tx: Tx,
  orgId: string,
  email: string,
  opts: { orgRoles?: OrgRole[]; teams?: [string, TeamRole][]; displayName?: string } = {},
) {
  const id = await createAccount(
    tx,
    orgId,
    {
      email,
      displayName: opts.displayName ?? email.split("@")[0]!,
      password: TEST_PASSWORD,
      orgRoles: opts.orgRoles ?? [],
    },
    await passwordHash(),
  );
  for (const [teamId, role] of opts.teams ?? []) {
    await tx.query(`INSERT INTO memberships (id, org_id, team_id, user_id, role) VALUES ($1, $2, $3, $4, $5)`, [
      uuidv7(),
      orgId,
      teamId,
      id,
      role,
    ]);
  }
  return id;
}

export async function addNeighbourhood(tx: Tx, orgId: string, name: string) {
  const id = uuidv7();
  await tx.query(`INSERT INTO neighbourhoods (id, org_id, name) VALUES ($1, $2, $3)`, [id, orgId, name]);
  return id;
}

export async function addPlace(tx: Tx, orgId: string, neighbourhoodId: string, name: string, kind = "public") {
  const id = uuidv7();
  await tx.query(`INSERT INTO places (id, org_id, neighbourhood_id, name, kind) VALUES ($1, $2, $3, $4, $5)`, [
    id,
    orgId,
    neighbourhoodId,
    name,
    kind,
  ]);
  return id;
}

/** A fictional city with two teams (A, B) and a user for every role. Emails are prefixed per org. */
export async function seedOrg(db: Database, prefix = "t", options: { secondFactor?: SecondFactorRule } = {}) {
  return db.owner(async (tx) => {
    const orgId = await createOrganisation(tx, {
      name: `Testorganisatie ${prefix}`,
      slug: `test-${prefix}-${uuidv7().slice(-6)}`,
      // Most suites test other things than the second factor; auth/second-factor.test.ts and
      // seedOrg(db, prefix, { secondFactor: "privileged" }) cover the default rule.
      secondFactor: options.secondFactor ?? "off",
    });
    const teamA = await addTeam(tx, orgId, "Straathoekwerk", "street_work");
    const teamB = await addTeam(tx, orgId, "Buurtstewards", "neighbourhood_stewards");
    const north = await addNeighbourhood(tx, orgId, "Noordwijk");
    const south = await addNeighbourhood(tx, orgId, "Zuidwijk");
    const square = await addPlace(tx, orgId, north, "Stationsplein", "public");
    const park = await addPlace(tx, orgId, south, "Parkje", "public");
    const emails = {
      admin: `${prefix}-admin@example.org`,
      director: `${prefix}-director@example.org`,
      dpo: `${prefix}-dpo@example.org`,
      coordinatorA: `${prefix}-coord-a@example.org`,
      workerA: `${prefix}-worker-a@example.org`,
      workerA2: `${prefix}-worker-a2@example.org`,
      coordinatorB: `${prefix}-coord-b@example.org`,
      workerB: `${prefix}-worker-b@example.org`,
    };
    const users = {
      admin: await addUser(tx, orgId, emails.admin, { orgRoles: ["admin"] }),
      director: await addUser(tx, orgId, emails.director, { orgRoles: ["director"] }),
      dpo: await addUser(tx, orgId, emails.dpo, { orgRoles: ["dpo"] }),
      coordinatorA: await addUser(tx, orgId, emails.coordinatorA, { teams: [[teamA, "coordinator"]] }),
      workerA: await addUser(tx, orgId, emails.workerA, { teams: [[teamA, "worker"]] }),
      workerA2: await addUser(tx, orgId, emails.workerA2, { teams: [[teamA, "worker"]] }),
      coordinatorB: await addUser(tx, orgId, emails.coordinatorB, { teams: [[teamB, "coordinator"]] }),
      workerB: await addUser(tx, orgId, emails.workerB, { teams: [[teamB, "worker"]] }),
    };
    return { orgId, teamA, teamB, north, south, square, park, users, emails };
  });
}
