// The operator commands against a real database: what they write, what they print, and that bad
// input ends with one clear line and exit code 1.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addTeam } from "../../test/factories.ts";
import { createHarness, type Harness, signIn } from "../../test/harness.ts";
import { onPostgres } from "../../test/test-db.ts";
import type { Database } from "../db/database.ts";
import { DEMO_ORG, DEMO_PASSWORD } from "../demo/accounts.ts";
import { silentProgress } from "../demo/progress.ts";
import { verifyPassword } from "../modules/auth/passwords.ts";
import type { CliIo } from "./io.ts";
import { runCli } from "./program.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

/** Runs the CLI on the test database (which it must not close) and collects its output. */
async function cli(argv: string[], kind?: Database["kind"]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    openDatabase: async () => ({ ...h.db, kind: kind ?? h.db.kind, close: async () => {} }),
    progress: () => silentProgress,
  };
  const code = await runCli(argv, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const user = async (email: string) =>
  (
    await h.db.owner((tx) =>
      tx.query<{ id: string; org_id: string; org_roles: string[]; password_hash: string }>(
        `SELECT id, org_id, org_roles, password_hash FROM users WHERE email = $1`,
        [email],
      ),
    )
  )[0];

const PASSWORD = "a long enough passphrase";

describe("create-admin", () => {
  it("creates the organisation and an administrator with the given password", async () => {
    const r = await cli([
      "create-admin",
      "--org-name",
      "Stad Aalst – Outreach",
      "--org-slug",
      "aalst",
      "--email",
      "Beheer@Aalst.example",
      "--name",
      "Ann Beheer",
      "--password",
      PASSWORD,
    ]);
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.out).toContain("created");
    expect(r.out).not.toContain(PASSWORD);
    const admin = await user("beheer@aalst.example");
    expect(admin?.org_roles).toEqual(["admin"]);
    expect(await verifyPassword(admin!.password_hash, PASSWORD)).toBe(true);
  });

  it("adds to an existing organisation and prints a generated password once", async () => {
    const r = await cli([
      "create-admin",
      "--org-name",
      "x",
      "--org-slug",
      "aalst",
      "--email",
      "twee@aalst.example",
      "--name",
      "Twee",
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("already exists");
    const generated = /Generated password[^:]*: (\S+)/.exec(r.out)?.[1];
    expect(generated?.length).toBeGreaterThanOrEqual(20);
    const admin = await user("twee@aalst.example");
    expect(admin?.org_id).toBe((await user("beheer@aalst.example"))?.org_id);
    expect(await verifyPassword(admin!.password_hash, generated!)).toBe(true);
  });
});

describe("create-user", () => {
  it("creates an account with organisation roles and team memberships", async () => {
    const orgId = (await user("beheer@aalst.example"))!.org_id;
    const teamId = await h.db.owner((tx) => addTeam(tx, orgId, "Housing First: Oost", "other"));
    const r = await cli([
      "create-user",
      "--org-slug",
      "aalst",
      "--email",
      "coord@aalst.example",
      "--name",
      "Cor",
      "--password",
      PASSWORD,
      "--role",
      "director",
      "dpo",
      "--team",
      "housing first: oost:coordinator",
    ]);
    expect(r).toMatchObject({ code: 0, err: "" });
    const created = await user("coord@aalst.example");
    expect([...created!.org_roles].sort()).toEqual(["director", "dpo"]);
    const memberships = await h.db.owner((tx) =>
      tx.query(`SELECT team_id, role FROM memberships WHERE user_id = $1`, [created!.id]),
    );
    expect(memberships).toEqual([{ team_id: teamId, role: "coordinator" }]);
  });

  it("refuses an unknown team without creating the account", async () => {
    const r = await cli([
      "create-user",
      "--org-slug",
      "aalst",
      "--email",
      "nope@aalst.example",
      "--name",
      "N",
      "--team",
      "Geen:worker",
    ]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^error: --team: no active team "Geen".*Housing First: Oost/);
    expect(await user("nope@aalst.example")).toBeUndefined();
  });
});

describe("reset-password", () => {
  it("sets the new password and ends the account's sessions", async () => {
    const session = await signIn(h.app, "coord@aalst.example", PASSWORD);
    const r = await cli(["reset-password", "--email", "COORD@aalst.example", "--password", "a brand new passphrase"]);
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.out).toContain("1 session(s) ended");
    const me = await session.request({ method: "GET", url: "/api/v1/auth/session" });
    expect(me.statusCode).toBe(401);
    await signIn(h.app, "coord@aalst.example", "a brand new passphrase");
  });
});

describe("migrate and demo", () => {
  it("reports the migration level", async () => {
    const r = await cli(["migrate"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/migration level \d+/);
  });

  it("refuses demo accounts on PostgreSQL without --force", async () => {
    const r = await cli(["demo"], "postgres");
    expect(r.code).toBe(1);
    expect(r.err).toContain("--force");
  });

  it("creates the demo organisation and scale organisations, and is idempotent", async () => {
    const r = await cli(["demo", "--scale", "2", "--force"], "postgres");
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.out).toContain(DEMO_PASSWORD);
    expect(r.out).toContain("scale-1 .. scale-2");
    const again = await cli(["demo"], "embedded");
    expect(again.out).toContain("already exists");
    const n = await h.db.owner((tx) =>
      tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM organisations WHERE slug = $1 OR slug LIKE 'scale-%'`, [
        DEMO_ORG.slug,
      ]),
    );
    expect(n[0]!.n).toBe(3);
  });
});

describe("reset-second-factor", () => {
  it("wipes the account's factors, forces a new enrolment and is audited", async () => {
    const r = await cli(["reset-second-factor", "--email", "BEHEER@aalst.example"]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain("sets up a new one");
    const rows = await h.db.owner((tx) =>
      tx.query<{ must_enrol: boolean; action: string }>(
        `SELECT f.must_enrol, (SELECT action FROM audit_events a WHERE a.entity_id = u.id ORDER BY seq DESC LIMIT 1) AS action
           FROM users u JOIN user_factors f ON f.user_id = u.id WHERE u.email = 'beheer@aalst.example'`,
      ),
    );
    expect(rows).toEqual([{ must_enrol: true, action: "user.second_factor_reset" }]);
  });
});

describe("bad input", () => {
  const cases: [string, string[], RegExp][] = [
    ["a short password", ["reset-password", "--email", "beheer@aalst.example", "--password", "short"], /at least 12/],
    [
      "a common password",
      ["reset-password", "--email", "beheer@aalst.example", "--password", "qwerty123456"],
      /common or leaked/,
    ],
    [
      "a breached password for a new account",
      ["create-user", "--org-slug", "aalst", "--email", "p@aalst.example", "--name", "P", "--password", "iloveyou1234"],
      /common or leaked/,
    ],
    ["a malformed e-mail", ["reset-password", "--email", "not-an-address"], /not an e-mail address/],
    ["an unknown account", ["reset-password", "--email", "ghost@aalst.example"], /no account/],
    [
      "an unknown organisation",
      ["create-user", "--org-slug", "nergens", "--email", "a@b.example", "--name", "A"],
      /no organisation "nergens"/,
    ],
    [
      "a taken e-mail",
      ["create-user", "--org-slug", "aalst", "--email", "beheer@aalst.example", "--name", "A"],
      /already exists/,
    ],
    [
      "an unknown role",
      ["create-user", "--org-slug", "aalst", "--email", "r@aalst.example", "--name", "R", "--role", "boss"],
      /Allowed choices/,
    ],
    [
      "a team without role",
      ["create-user", "--org-slug", "aalst", "--email", "t@aalst.example", "--name", "T", "--team", "Housing First"],
      /<team name>:worker\|coordinator/,
    ],
    [
      "a bad slug",
      ["create-admin", "--org-name", "X", "--org-slug", "Bad Slug", "--email", "x@x.example", "--name", "X"],
      /--org-slug/,
    ],
    ["a missing option", ["create-admin", "--org-slug", "x"], /required option '--org-name/],
    ["a bad scale", ["demo", "--scale", "many"], /--scale/],
    ["an unknown command", ["drop-everything"], /unknown command/],
  ];
  it.each(cases)("exits 1 with one line for %s", async (_name, argv, message) => {
    const r = await cli(argv);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(r.err.split("\n")[0]).toMatch(/^error: /);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});

describe("the vindplaats bin", () => {
  const bin = fileURLToPath(new URL("../../bin/vindplaats.js", import.meta.url));

  // A process spawn checks the bin once; it does not depend on the database engine.
  it.skipIf(onPostgres())("runs the TypeScript CLI through tsx and exits 1 on bad input", () => {
    const help = spawnSync(process.execPath, [bin, "--help"], { encoding: "utf8" });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("create-admin");
    const bad = spawnSync(process.execPath, [bin, "create-admin"], { encoding: "utf8" });
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim()).toBe("error: required option '--org-name <name>' not specified");
  });
});

describe("audit verify", () => {
  it("passes on an intact chain and exits 1 naming the row after tampering", async () => {
    await cli([
      "create-admin",
      "--org-name",
      "Stad Ninove",
      "--org-slug",
      "ninove",
      "--email",
      "audit@ninove.example",
      "--name",
      "Nina",
      "--password",
      PASSWORD,
    ]);
    const ok = await cli(["audit", "verify"]);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/Audit chain intact: \d+ rows/);
    const [{ seq }] = (await h.db.owner((tx) =>
      tx.query<{ seq: number }>(`SELECT min(seq)::int AS seq FROM audit_events`),
    )) as [{ seq: number }];
    await h.db.owner((tx) => tx.query(`UPDATE audit_events SET action = 'auth.signed_out' WHERE seq = $1`, [seq]));
    const broken = await cli(["audit", "verify"]);
    expect(broken.code).toBe(1);
    expect(broken.err).toContain(`audit row ${seq} was changed`);
  });
});
