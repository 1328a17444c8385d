// Creating an organisation (a city) and its first administrator. Runs as the database owner:
// it is an operator action (CLI, demo, tests), not something a signed-in user can do.
import type { Locale, SecondFactorRule } from "@vindplaats/contracts";
import type { OrgRole } from "@vindplaats/domain";
import { uuidv7 } from "@vindplaats/domain";
import type { Database, Tx } from "../../db/database.ts";
import { insertAudit } from "../audit/audit.repo.ts";
import { writeSecondFactorRule } from "../auth/factors.repo.ts";
import { hashPassword } from "../auth/passwords.ts";
import { seedDefaultValueLists } from "../value-lists/value-lists.repo.ts";

export async function createOrganisation(
  tx: Tx,
  input: {
    name: string;
    slug: string;
    isDemo?: boolean;
    now?: Date;
    /** Who must give a second factor; a new organisation asks it of coordinators, admins and the DPO. */
    secondFactor?: SecondFactorRule;
  },
) {
  const id = uuidv7();
  const now = input.now ?? new Date();
  await tx.query(
    `INSERT INTO organisations (id, org_id, name, slug, is_demo, created_at) VALUES ($1, $1, $2, $3, $4, $5)`,
    [id, input.name, input.slug, input.isDemo ?? false, now],
  );
  await writeSecondFactorRule(tx, id, input.secondFactor ?? "privileged", now, null);
  await seedDefaultValueLists(tx, id);
  return id;
}

export async function findOrganisationBySlug(tx: Tx, slug: string): Promise<{ id: string; name: string } | null> {
  const rows = await tx.query<{ id: string; name: string }>(`SELECT id, name FROM organisations WHERE slug = $1`, [
    slug,
  ]);
  return rows[0] ?? null;
}

export interface NewAccount {
  email: string;
  displayName: string;
  password: string;
  orgRoles?: OrgRole[];
  locale?: Locale;
}

/** Creates an account as an operator (CLI, demo); returns its id. Audited as a system action. */
export async function createAccount(
  tx: Tx,
  orgId: string,
  account: NewAccount,
  passwordHash?: string,
): Promise<string> {
  const id = uuidv7();
  const now = new Date();
  await tx.query(
    `INSERT INTO users (id, org_id, email, display_name, password_hash, org_roles, locale, password_changed_at)
     VALUES ($1, $2, lower($3), $4, $5, $6, $7, $8)`,
    [
      id,
      orgId,
      account.email,
      account.displayName,
      passwordHash ?? (await hashPassword(account.password)),
      account.orgRoles ?? [],
      account.locale ?? "nl",
      now,
    ],
  );
  await insertAudit(
    tx,
    { orgId, actorUserId: null, at: now },
    {
      action: "user.created",
      entityType: "user",
      entityId: id,
      details: { fields: ["email", "displayName", "orgRoles", "locale"] },
    },
  );
  return id;
}

export function countOrganisations(db: Database): Promise<number> {
  return db.owner(
    async (tx) => (await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM organisations`))[0]?.n ?? 0,
  );
}
