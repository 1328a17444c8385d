// demo: the fictional demo organisation, and with --scale <n> n more fictional organisations for
// benchmarks. Demo accounts share a published password, so PostgreSQL (likely production) needs --force.
import type { Database } from "../../db/database.ts";
import { DEMO_ORG, DEMO_PASSWORD, DEMO_WORKER } from "../../demo/accounts.ts";
import { createDemoOrganisation } from "../../demo/create-demo.ts";
import { demoBanner } from "../../demo/ensure-demo.ts";
import { runScale, scaleEmailDomain } from "../../demo/scale.ts";
import { DEFAULT_PEOPLE_SCALE } from "../../demo/scale-people.ts";
import { findOrganisationBySlug } from "../../modules/orgs/orgs.service.ts";
import { CliError, type CliIo } from "../io.ts";

export interface DemoOptions {
  scale?: number | undefined;
  force?: boolean | undefined;
  persons?: number | undefined;
  contacts?: number | undefined;
  years?: number | undefined;
}

export async function demo(db: Database, options: DemoOptions, io: CliIo): Promise<void> {
  if (db.kind === "postgres" && !options.force) {
    throw new CliError(
      "this is a PostgreSQL database: demo accounts have a published password; add --force if it is not production",
    );
  }
  const existing = await db.owner((tx) => findOrganisationBySlug(tx, DEMO_ORG.slug));
  if (existing) {
    io.out(`The demo organisation (${DEMO_ORG.slug}) already exists.`);
  } else {
    const created = await createDemoOrganisation(db, io.progress());
    const counts = Object.entries(created.counts).map(([table, n]) => `${table} ${n}`);
    io.out(`Demo organisation written: ${counts.join(", ")}.`);
    for (const line of demoBanner(null)) io.out(line);
  }
  if (!options.scale) return;
  const people = {
    personsPerOrg: options.persons ?? DEFAULT_PEOPLE_SCALE.personsPerOrg,
    contactsPerOrg: options.contacts ?? DEFAULT_PEOPLE_SCALE.contactsPerOrg,
    years: options.years ?? DEFAULT_PEOPLE_SCALE.years,
  };
  const result = await runScale(db, options.scale, io.progress(), undefined, people);
  const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
  const first = result.orgs[0]!.slug;
  const last = result.orgs.at(-1)!.slug;
  io.out(`Scale data: ${result.orgs.length} organisations (${first} .. ${last}), ${total} rows in ${result.ms} ms.`);
  const example = `${DEMO_WORKER.split("@")[0]}@${scaleEmailDomain(first)}`;
  io.out(`Each has the demo accounts under its own domain, e.g. ${example}; password ${DEMO_PASSWORD}`);
}
