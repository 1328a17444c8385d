// The `vindplaats` command line: operator tasks that need no signed-in user. Every command opens the
// configured database (DATABASE_URL or VINDPLAATS_DATA_DIR), migrates it, works as the owner and
// closes it. Bad input ends with one line on stderr and exit code 1.
import { ORG_ROLES } from "@vindplaats/domain";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import type { Database } from "../db/database.ts";
import { VERSION } from "../version.ts";
import { auditVerify } from "./commands/audit.ts";
import { backup, restore } from "./commands/backup.ts";
import { createAdmin } from "./commands/create-admin.ts";
import { createUser } from "./commands/create-user.ts";
import { demo } from "./commands/demo.ts";
import { keysGenerate, keysReencrypt, keysStatus } from "./commands/keys.ts";
import { migrate } from "./commands/migrate.ts";
import { resetPassword } from "./commands/reset-password.ts";
import { resetSecondFactor } from "./commands/reset-second-factor.ts";
import { retentionRun } from "./commands/retention.ts";
import { type CliIo, messageOf, processIo } from "./io.ts";

const positiveInt = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1_000_000) throw new InvalidArgumentError("give a whole number from 1");
  return n;
};

const positiveCount = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100_000_000) throw new InvalidArgumentError("give a whole number from 1");
  return n;
};

const PASSWORD_HELP = "at least 12 characters; omit it to generate a strong one, printed once";

export function buildProgram(io: CliIo): Command {
  const program = new Command("vindplaats")
    .description("Vindplaats operator commands")
    .version(VERSION)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s.trimEnd()),
      writeErr: (s) => io.err(s.trimEnd()),
    });

  const withDatabase =
    <O>(fn: (db: Database, options: O) => Promise<void>, options = { migrate: true }) =>
    async (opts: O) => {
      const db = await io.openDatabase();
      try {
        if (options.migrate) await db.migrate();
        await fn(db, opts);
      } finally {
        await db.close();
      }
    };

  program
    .command("create-admin")
    .description("create an organisation (if its slug is new) and an administrator in it")
    .requiredOption("--org-name <name>", "organisation name, e.g. the city's outreach department")
    .requiredOption("--org-slug <slug>", "short unique key: lower-case letters, digits, hyphens")
    .requiredOption("--email <email>", "the administrator's e-mail address (sign-in name)")
    .requiredOption("--name <name>", "the administrator's display name")
    .option("--password <password>", PASSWORD_HELP)
    .action(withDatabase((db, opts) => createAdmin(db, opts, io)));

  program
    .command("create-user")
    .description("create an account in an existing organisation")
    .requiredOption("--org-slug <slug>", "the organisation")
    .requiredOption("--email <email>", "e-mail address (sign-in name)")
    .requiredOption("--name <name>", "display name")
    .option("--password <password>", PASSWORD_HELP)
    .addOption(new Option("--role <role...>", "organisation role(s)").choices(ORG_ROLES))
    .option("--team <team:role...>", 'team membership(s), e.g. "Straathoekwerk:worker" (worker or coordinator)')
    .action(withDatabase((db, opts) => createUser(db, opts, io)));

  program
    .command("reset-password")
    .description("set a new password for an account and end all of its sessions")
    .requiredOption("--email <email>", "the account's e-mail address")
    .option("--password <password>", PASSWORD_HELP)
    .action(withDatabase((db, opts) => resetPassword(db, opts, io)));

  program
    .command("reset-second-factor")
    .description("remove an account's authenticator app, recovery codes and passkeys; it enrols anew")
    .requiredOption("--email <email>", "the account's e-mail address")
    .action(withDatabase((db, opts) => resetSecondFactor(db, opts, io)));

  program
    .command("migrate")
    .description("apply database migrations and print the migration level")
    .action(withDatabase((db) => migrate(db, io), { migrate: false }));

  program
    .command("demo")
    .description("create the fictional demo organisation; --scale adds fictional organisations for benchmarks")
    .option(
      "--scale <n>",
      "also create n fictional organisations with teams, users, neighbourhoods, places",
      positiveInt,
    )
    .option("--persons <n>", "persons per scale organisation (default 2000)", positiveCount)
    .option("--contacts <n>", "contacts per scale organisation (default 10000)", positiveCount)
    .option("--years <n>", "years of contact history (default 2)", positiveInt)
    .option("--force", "allow demo data on a PostgreSQL database (never on production)")
    .action(withDatabase((db, opts) => demo(db, opts, io)));

  program
    .command("audit")
    .description("the tamper-evident audit trail")
    .command("verify")
    .description("check every organisation's hash chain; exits 1 when a row was changed or deleted")
    .action(withDatabase((db) => auditVerify(db, io)));

  const keys = program.command("keys").description("encryption at rest: keys and their rotation");
  keys
    .command("generate")
    .description("print a new key and search key for VINDPLAATS_KEYS and VINDPLAATS_SEARCH_KEY")
    .option("--id <id>", "the key's id (letters, digits, _ and -); default k<today>")
    .action((opts: { id?: string }) => keysGenerate(opts, io));
  keys
    .command("status")
    .description("how many sealed values depend on each configured key, and how many are still in clear")
    .action(withDatabase((db) => keysStatus(db, io)));
  keys
    .command("reencrypt")
    .description("re-encrypt every sealed value under the primary key (after a rotation) and seal values in clear")
    .action(withDatabase((db) => keysReencrypt(db, io)));

  program
    .command("retention")
    .description("retention per data category (the periods are set in the app by an administrator)")
    .command("run")
    .description("run the retention job now for every organisation")
    .option("--dry-run", "only report per organisation and category what would happen; change nothing")
    .action(withDatabase((db, opts) => retentionRun(db, opts, io)));

  program
    .command("backup")
    .description("write the whole database to <file>: a PGlite folder tarball, or pg_dump for PostgreSQL")
    .argument("<file>", "the backup file to write")
    .option("--force", "overwrite <file> if it exists")
    .action((file: string, opts: { force?: boolean }) => backup(file, opts, io));

  program
    .command("restore")
    .description("restore a backup into the configured database, with the server stopped")
    .argument("<file>", "a backup written by `vindplaats backup`")
    .option("--force", "replace a database that already holds data (the current data is kept beside it)")
    .action((file: string, opts: { force?: boolean }) => restore(file, opts, io));

  return program;
}

/** Runs the CLI with argv (without node and script) and returns the exit code. */
export async function runCli(argv: string[], io: CliIo = processIo()): Promise<number> {
  try {
    await buildProgram(io).parseAsync(argv, { from: "user" });
    return 0;
  } catch (error) {
    // Commander has already printed its own message (or the help or version).
    if (error instanceof CommanderError) return error.exitCode;
    io.err(`error: ${messageOf(error)}`);
    return 1;
  }
}
