// The `keys` commands: a generated key line is valid configuration, and status and reencrypt report
// what depends on which key, through a rotation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg } from "../../test/factories.ts";
import { createHarness, type Harness, signIn } from "../../test/harness.ts";
import { newKeySpec, newSearchKey, parseKeyring } from "../crypto/keyring.ts";
import { useKeyring } from "../crypto/vault.ts";
import { silentProgress } from "../demo/progress.ts";
import type { CliIo } from "./io.ts";
import { runCli } from "./program.ts";

const OLD = newKeySpec("old");
const NEW = newKeySpec("new");
const SEARCH = newSearchKey();
let h: Harness;

async function cli(argv: string[]) {
  const out: string[] = [];
  const io: CliIo = {
    out: (l) => out.push(l),
    err: (l) => out.push(l),
    openDatabase: async () => ({ ...h.db, close: async () => {} }),
    progress: () => silentProgress,
  };
  return { code: await runCli(argv, io), out: out.join("\n") };
}

beforeAll(async () => {
  h = await createHarness({ encryptionKeys: OLD, searchKey: SEARCH });
  const org = await seedOrg(h.db);
  const worker = await signIn(h.app, org.emails.workerA);
  await worker.request({
    method: "POST",
    url: "/api/v1/persons",
    payload: { teamId: org.teamA, nickname: "Sleutel", description: "verzegeld met de oude sleutel" },
  });
});
afterAll(() => h.close());

describe("keys", () => {
  it("generates configuration lines that parse", async () => {
    const r = await cli(["keys", "generate", "--id", "k2027"]);
    expect(r.code).toBe(0);
    const keys = /VINDPLAATS_KEYS=(\S+)/.exec(r.out)![1]!;
    const search = /VINDPLAATS_SEARCH_KEY=(\S+)/.exec(r.out)![1]!;
    expect(parseKeyring(keys, search).primaryId).toBe("k2027");
  });

  it("shows what depends on the old key, re-encrypts, and then says the old key can go", async () => {
    useKeyring(parseKeyring(`${NEW},${OLD}`, SEARCH));
    const before = await cli(["keys", "status"]);
    expect(before.out).toMatch(/old: \d+ sealed value\(s\) \(not the primary key/);
    const run = await cli(["keys", "reencrypt"]);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/Re-encrypted [1-9]\d* row\(s\)/);
    expect(run.out).toContain("Key old seals nothing any more and can leave VINDPLAATS_KEYS.");
  });
});
