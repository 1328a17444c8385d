// Encryption at rest, end to end: values written through the API (a contact note and its
// correction, a person note, the description, the identity with a national register number) are
// found nowhere in clear in the database (every text and jsonb column, and on PGlite the data
// folder itself), equality search by national register number works through the keyed hash, and
// key rotation keeps old rows readable until re-encryption lets the old key go.
import { makeNationalRegisterNumber } from "@vindplaats/domain";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg } from "../../test/factories.ts";
import { createHarness, type Harness, type Session, signIn } from "../../test/harness.ts";
import { buildApp } from "../app.ts";
import { testConfig } from "../config.ts";
import type { Database } from "../db/database.ts";
import { silentProgress } from "../demo/progress.ts";
import { newKeySpec, newSearchKey, parseKeyring } from "./keyring.ts";
import { keyStatus, reencryptAll } from "./reencrypt.ts";
import { useKeyring } from "./vault.ts";

const K1 = newKeySpec("k1");
const K2 = newKeySpec("k2");
const SEARCH = newSearchKey();
const NRN = makeNationalRegisterNumber("1984-02-29", 417);
const SECRETS = {
  description: "Draagt altijd een mosterdgele sjaal met vossenprint",
  fullName: "Wendelien Ploegsteert-Verzonnen",
  phone: "+32 470 12 34 99",
  personNote: "Vertelde over de methadonbehandeling bij het kruispunt",
  contactNote: "Slaapt sinds dinsdag onder de Zuidbrug, hoest veel",
  correctedNote: "Slaapt sinds woensdag onder de Zuidbrug, hoest veel",
  correctionReason: "Verkeerde dag genoteerd, zei de buurvrouw aan de Zuidbrug",
};
const CLEAR = [
  ...Object.values(SECRETS),
  NRN,
  "1984-02-29",
  `${NRN.slice(0, 2)}.${NRN.slice(2, 4)}.${NRN.slice(4, 6)}`,
];

let h: Harness;
let org: Awaited<ReturnType<typeof seedOrg>>;
let workerA: Session;
let personId: string;
let contactId: string;
const extraApps: FastifyInstance[] = [];

const appWith = async (keys: string) => {
  const app = await buildApp({
    config: testConfig({ encryptionKeys: keys, searchKey: SEARCH }),
    db: h.db,
    clock: h.clock,
  });
  await app.ready();
  extraApps.push(app);
  return app;
};

/** Every text, text[] and jsonb value of every table, read as the owner (no row-level security). */
async function allStoredText(db: Database): Promise<string> {
  return db.owner(async (tx) => {
    const columns = await tx.query<{ t: string; c: string }>(
      `SELECT c.table_name AS t, c.column_name AS c FROM information_schema.columns c
         JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema
        WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
          AND (c.data_type IN ('text', 'jsonb', 'json', 'character varying') OR c.udt_name = '_text')`,
    );
    const parts: string[] = [];
    for (const { t, c } of columns) {
      const rows = await tx.query<{ v: string | null }>(
        `SELECT "${c}"::text AS v FROM "${t}" WHERE "${c}" IS NOT NULL`,
      );
      for (const r of rows) parts.push(r.v ?? "");
    }
    return parts.join("\n");
  });
}

beforeAll(async () => {
  h = await createHarness({ encryptionKeys: K1, searchKey: SEARCH });
  org = await seedOrg(h.db);
  workerA = await signIn(h.app, org.emails.workerA);
  const person = await workerA.request({
    method: "POST",
    url: "/api/v1/persons",
    payload: { teamId: org.teamA, nickname: "Wendel", description: "eerste beschrijving" },
  });
  personId = person.json().id;
  // An edit, so the history keeps the earlier description too.
  await workerA.request({
    method: "PATCH",
    url: `/api/v1/persons/${personId}`,
    payload: { description: SECRETS.description },
  });
  const identified = await workerA.request({
    method: "POST",
    url: `/api/v1/persons/${personId}/identity`,
    payload: { fullName: SECRETS.fullName, birthDate: "1984-02-29", nationalRegisterNumber: NRN, phone: SECRETS.phone },
  });
  expect(identified.statusCode, identified.body).toBe(200);
  await workerA.request({
    method: "POST",
    url: `/api/v1/persons/${personId}/notes`,
    payload: { teamId: org.teamA, body: SECRETS.personNote },
  });
  const contact = await workerA.request({
    method: "POST",
    url: "/api/v1/contacts",
    payload: {
      teamId: org.teamA,
      placeId: org.square,
      personIds: [personId],
      durationMinutes: 20,
      startedAt: new Date(h.clock.now().getTime() - 3_600_000).toISOString(),
      note: SECRETS.contactNote,
    },
  });
  expect(contact.statusCode, contact.body).toBe(201);
  contactId = contact.json().id;
  const corrected = await workerA.request({
    method: "PATCH",
    url: `/api/v1/contacts/${contactId}`,
    payload: { reason: SECRETS.correctionReason, note: SECRETS.correctedNote },
  });
  expect(corrected.statusCode, corrected.body).toBe(200);
});
afterAll(async () => {
  for (const app of extraApps) await app.close();
  await h.close();
});

describe("at rest", () => {
  it("reads everything back in clear through the API", async () => {
    const page = (await workerA.request({ method: "GET", url: `/api/v1/persons/${personId}` })).json();
    expect(page.person.description).toBe(SECRETS.description);
    expect(page.person.identity).toMatchObject({
      fullName: SECRETS.fullName,
      nationalRegisterNumber: NRN,
      birthDate: "1984-02-29",
      phone: SECRETS.phone,
    });
    const bodies = page.timeline.map(
      (t: { summary: { note?: string; body?: string } }) => t.summary.note ?? t.summary.body,
    );
    expect(bodies).toEqual(expect.arrayContaining([SECRETS.personNote, SECRETS.correctedNote]));
    const revisions = (await workerA.request({ method: "GET", url: `/api/v1/contacts/${contactId}/revisions` })).json();
    expect(JSON.stringify(revisions)).toContain(SECRETS.contactNote);
    expect(JSON.stringify(revisions)).toContain(SECRETS.correctionReason);
  });

  it("finds none of those values in clear in any text or jsonb column", async () => {
    const stored = await allStoredText(h.db);
    expect(stored).toContain("vp1.k1.");
    expect(stored).toContain("Wendel"); // the nickname stays in clear: the scan does see the rows
    for (const value of CLEAR) expect(stored, value).not.toContain(value);
  });

  it("finds none of them in the database files either (PGlite's data folder)", async () => {
    const dumpable = h.db as Database & { dump?: () => Promise<Blob> };
    if (!dumpable.dump) return; // PostgreSQL: the column scan above covers it
    const files = Buffer.from(await (await dumpable.dump()).arrayBuffer());
    expect(files.includes(Buffer.from("Wendel"))).toBe(true); // the nickname stays in clear: the dump is readable
    for (const value of CLEAR) expect(files.includes(Buffer.from(value)), value).toBe(false);
  });
});

describe("equality search by national register number", () => {
  it("finds the person through the keyed hash, in any notation, and only for the teams that know them", async () => {
    const formatted = `${NRN.slice(0, 2)}.${NRN.slice(2, 4)}.${NRN.slice(4, 6)}-${NRN.slice(6, 9)}.${NRN.slice(9)}`;
    const found = await workerA.request({
      method: "POST",
      url: "/api/v1/persons/by-register-number",
      payload: { nationalRegisterNumber: formatted },
    });
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json().map((p: { id: string }) => p.id)).toEqual([personId]);
    const other = makeNationalRegisterNumber("1984-02-29", 419);
    const none = await workerA.request({
      method: "POST",
      url: "/api/v1/persons/by-register-number",
      payload: { nationalRegisterNumber: other },
    });
    expect(none.json()).toEqual([]);
    const workerB = await signIn(h.app, org.emails.workerB);
    const otherTeam = await workerB.request({
      method: "POST",
      url: "/api/v1/persons/by-register-number",
      payload: { nationalRegisterNumber: NRN },
    });
    expect(otherTeam.json()).toEqual([]);
  });
});

describe("key rotation", () => {
  it("keeps old rows readable under a new primary key, and lets the old key go after re-encryption", async () => {
    // Key 2 becomes primary; key 1 stays for reading.
    const rotated = await appWith(`${K2},${K1}`);
    const worker = await signIn(rotated, org.emails.workerA);
    const old = (await worker.request({ method: "GET", url: `/api/v1/persons/${personId}` })).json();
    expect(old.person.identity.fullName).toBe(SECRETS.fullName);
    const fresh = await worker.request({
      method: "POST",
      url: "/api/v1/persons",
      payload: { teamId: org.teamA, nickname: "Nieuw", description: "geschreven met sleutel twee" },
    });
    const freshId = fresh.json().id as string;
    const before = await keyStatus(h.db);
    expect(before.byKey.k1).toBeGreaterThan(0);
    expect(before.byKey.k2).toBeGreaterThan(0);

    // Without key 1, the old rows cannot be read yet.
    const onlyNew = await appWith(K2);
    const tooEarly = await (await signIn(onlyNew, org.emails.workerA)).request({
      method: "GET",
      url: `/api/v1/persons/${personId}`,
    });
    expect(tooEarly.statusCode).toBe(500);

    useKeyring(parseKeyring(`${K2},${K1}`, SEARCH));
    const result = await reencryptAll(h.db, silentProgress);
    expect(result.rewritten.persons).toBeGreaterThan(0);
    expect(result.rewritten.contact_revisions).toBeGreaterThan(0);
    const after = await keyStatus(h.db);
    expect(after.byKey.k1 ?? 0).toBe(0);
    expect(after.inClear).toBe(0);
    // A second run has nothing left to do.
    expect((await reencryptAll(h.db, silentProgress)).rewritten).toEqual({});

    const finalApp = await appWith(K2);
    const reader = await signIn(finalApp, org.emails.workerA);
    const page = (await reader.request({ method: "GET", url: `/api/v1/persons/${personId}` })).json();
    expect(page.person.identity).toMatchObject({ fullName: SECRETS.fullName, nationalRegisterNumber: NRN });
    expect(page.person.description).toBe(SECRETS.description);
    const newPage = (await reader.request({ method: "GET", url: `/api/v1/persons/${freshId}` })).json();
    expect(newPage.person.description).toBe("geschreven met sleutel twee");
    const revisions = (await reader.request({ method: "GET", url: `/api/v1/contacts/${contactId}/revisions` })).json();
    expect(JSON.stringify(revisions)).toContain(SECRETS.contactNote);
    const search = await reader.request({
      method: "POST",
      url: "/api/v1/persons/by-register-number",
      payload: { nationalRegisterNumber: NRN },
    });
    expect(search.json().map((p: { id: string }) => p.id)).toEqual([personId]);
    const stored = await allStoredText(h.db);
    expect(stored).not.toContain("vp1.k1.");
  });
});
