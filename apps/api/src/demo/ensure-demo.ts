// Decides at start-up whether to create the fictional demo organisation, creates it, and prints a
// short box with where to go and how to sign in. A fresh `npm start` shows a working city at once;
// a PostgreSQL (production) database never gets demo accounts unless VINDPLAATS_DEMO=always.
import type { FastifyBaseLogger } from "fastify";
import pino from "pino";
import type { Config } from "../config.ts";
import type { Database } from "../db/database.ts";
import { countOrganisations, findOrganisationBySlug } from "../modules/orgs/orgs.service.ts";
import {
  DEMO_ADMIN,
  DEMO_COORDINATOR,
  DEMO_DIRECTOR,
  DEMO_ORG,
  DEMO_PASSWORD,
  DEMO_USERS,
  DEMO_WORKER,
} from "./accounts.ts";
import { createDemoOrganisation, type DemoCreated } from "./create-demo.ts";
import { logProgress } from "./progress.ts";

export interface DemoState {
  kind: Database["kind"];
  organisations: number;
  demoExists: boolean;
}

/** The rule of VINDPLAATS_DEMO. auto: only an empty embedded database; always: unless it exists. */
export function shouldCreateDemo(mode: Config["demo"], state: DemoState): boolean {
  if (mode === "never") return false;
  if (mode === "always") return !state.demoExists;
  return state.kind === "embedded" && state.organisations === 0;
}

export async function ensureDemo(
  db: Database,
  config: Config,
  log: FastifyBaseLogger,
  print: (line: string) => void = consolePrinter(log),
): Promise<DemoCreated | null> {
  if (config.demo === "never") return null;
  const state: DemoState = {
    kind: db.kind,
    organisations: await countOrganisations(db),
    demoExists: !!(await db.owner((tx) => findOrganisationBySlug(tx, DEMO_ORG.slug))),
  };
  if (!shouldCreateDemo(config.demo, state)) return null;
  log.info({ mode: config.demo, db: db.kind }, "demo: creating the fictional demo organisation");
  const created = await createDemoOrganisation(db, logProgress(log, "demo"));
  const host = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;
  for (const line of demoBanner(`http://${host}:${config.port}`)) print(line);
  return created;
}

/**
 * Plain lines on stdout, in order with the JSON logs: pino buffers its writes, so the lines go
 * through the logger's own output stream when there is one.
 */
function consolePrinter(log: FastifyBaseLogger): (line: string) => void {
  const stream = (log as unknown as Record<symbol, { write?: (s: string) => void } | undefined>)[
    pino.symbols.streamSym
  ];
  const write = stream?.write ? (s: string) => stream.write!(s) : (s: string) => process.stdout.write(s);
  return (line) => write(`${line}\n`);
}

const KEY_ACCOUNTS: [string, string][] = [
  [DEMO_COORDINATOR, "team coordinator"],
  [DEMO_WORKER, "outreach worker"],
  [DEMO_DIRECTOR, "director"],
  [DEMO_ADMIN, "administrator"],
];

/** The console box shown once when the demo organisation is made. */
export function demoBanner(url: string | null): string[] {
  const body = [
    `Demo organisation "${DEMO_ORG.name}" created (fictional data).`,
    url ? `Open ${url} and sign in as:` : "Start the server (npm start) and sign in as:",
    ...KEY_ACCOUNTS.map(([email, role]) => `  ${email.padEnd(36)} ${role}`),
    `  ... and ${DEMO_USERS.length - KEY_ACCOUNTS.length} more team accounts (see README.md).`,
    `Password of every demo account: ${DEMO_PASSWORD}`,
    "The demo asks no second factor; a real organisation asks it of coordinators, admins and the DPO.",
    "Turn this off with VINDPLAATS_DEMO=never.",
  ];
  const width = Math.max(...body.map((l) => l.length));
  return [`┌${"─".repeat(width + 2)}┐`, ...body.map((l) => `│ ${l.padEnd(width)} │`), `└${"─".repeat(width + 2)}┘`];
}
