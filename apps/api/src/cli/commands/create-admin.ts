// create-admin: the first administrator of an organisation, creating the organisation if its slug
// is new. This is how a real city starts: the administrator then makes teams and accounts in the app.
import type { Database } from "../../db/database.ts";
import { createAccount, createOrganisation, findOrganisationBySlug } from "../../modules/orgs/orgs.service.ts";
import { email, password, slug, text } from "../input.ts";
import type { CliIo } from "../io.ts";
import { assertEmailFree, printPassword } from "./accounts.ts";

export interface CreateAdminOptions {
  orgName: string;
  orgSlug: string;
  email: string;
  name: string;
  password?: string | undefined;
}

export async function createAdmin(db: Database, options: CreateAdminOptions, io: CliIo): Promise<void> {
  const orgName = text("--org-name", options.orgName, 200);
  const orgSlug = slug(options.orgSlug);
  const address = email(options.email);
  const displayName = text("--name", options.name);
  const secret = password(options.password);

  const result = await db.owner(async (tx) => {
    await assertEmailFree(tx, address);
    const existing = await findOrganisationBySlug(tx, orgSlug);
    const orgId = existing?.id ?? (await createOrganisation(tx, { name: orgName, slug: orgSlug }));
    const userId = await createAccount(tx, orgId, {
      email: address,
      displayName,
      password: secret.password,
      orgRoles: ["admin"],
    });
    return { orgId, userId, orgCreated: !existing, orgName: existing?.name ?? orgName };
  });

  io.out(
    result.orgCreated
      ? `Organisation "${result.orgName}" (${orgSlug}) created.`
      : `Organisation "${result.orgName}" (${orgSlug}) already exists: adding the administrator to it.`,
  );
  io.out(`Administrator ${address} created.`);
  printPassword(io, secret);
}
