// Writes the fictional demo organisation (DEMO_ORG) in one owner transaction with plain SQL.
import { uuidv7 } from "@vindplaats/domain";
import type { Database } from "../db/database.ts";
import { writeSecondFactorRule } from "../modules/auth/factors.repo.ts";
import { hashPassword } from "../modules/auth/passwords.ts";
import { seedDefaultValueLists } from "../modules/value-lists/value-lists.repo.ts";
import { DEMO_ORG, DEMO_PASSWORD } from "./accounts.ts";
import { insertRows } from "./batch.ts";
import { COLUMNS, membershipRows, neighbourhoodRows, placeRows, ROWS_PER_ORG, teamRows, userRows } from "./org-rows.ts";
import { type Progress, silentProgress } from "./progress.ts";

let demoHash: Promise<string> | undefined;
/** argon2 is slow on purpose: hash the published demo password once per process and reuse it. */
export const demoPasswordHash = () => (demoHash ??= hashPassword(DEMO_PASSWORD));

export const DEMO_ROW_COUNT = 1 + Object.values(ROWS_PER_ORG).reduce((a, b) => a + b, 0);

export interface DemoCreated {
  orgId: string;
  counts: Record<"organisations" | keyof typeof ROWS_PER_ORG, number>;
}

export async function createDemoOrganisation(
  db: Database,
  progress: Progress = silentProgress,
  now = new Date(),
): Promise<DemoCreated> {
  progress.begin(DEMO_ROW_COUNT);
  progress.step("password hash");
  const passwordHash = await demoPasswordHash();
  const orgId = uuidv7();
  const result = await db.owner(async (tx) => {
    progress.step("organisation");
    await tx.query(
      `INSERT INTO organisations (id, org_id, name, slug, is_demo, created_at) VALUES ($1, $1, $2, $3, true, $4)`,
      [orgId, DEMO_ORG.name, DEMO_ORG.slug, now],
    );
    // Every organisation starts with the default value lists (life domains, referral services...).
    await seedDefaultValueLists(tx, orgId);
    // The demo signs in with the published password alone (README: "Demo accounts"); an administrator
    // turns the second factor on under Administration > Security. A real organisation starts with it on.
    await writeSecondFactorRule(tx, orgId, "off", now, null);
    progress.advance(1);

    progress.step("teams");
    const teams = teamRows(orgId);
    await insertRows(tx, "teams", COLUMNS.teams, teams.rows);
    progress.advance(teams.rows.length);

    progress.step("users");
    const users = userRows(orgId, { emailFor: (u) => u.email, passwordHash, now });
    await insertRows(tx, "users", COLUMNS.users, users.rows);
    progress.advance(users.rows.length);

    progress.step("memberships");
    const memberships = membershipRows(orgId, teams.ids, users.ids);
    await insertRows(tx, "memberships", COLUMNS.memberships, memberships);
    progress.advance(memberships.length);

    progress.step("neighbourhoods");
    const neighbourhoods = neighbourhoodRows(orgId);
    await insertRows(tx, "neighbourhoods", COLUMNS.neighbourhoods, neighbourhoods.rows);
    progress.advance(neighbourhoods.rows.length);

    progress.step("places");
    const places = placeRows(orgId, neighbourhoods.ids);
    await insertRows(tx, "places", COLUMNS.places, places.rows);
    progress.advance(places.rows.length);

    return {
      orgId,
      counts: {
        organisations: 1,
        teams: teams.rows.length,
        users: users.rows.length,
        memberships: memberships.length,
        neighbourhoods: neighbourhoods.rows.length,
        places: places.rows.length,
      },
    };
  });
  progress.end();
  return result;
}
