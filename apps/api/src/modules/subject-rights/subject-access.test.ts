// The subject-access export (GDPR art. 15): for person X it holds X's data, X's revisions and who
// accessed X's record, as JSON and as a readable PDF, and nothing about person Y, not even where
// X and Y were met together. Also: finding the person, and rectification kept as revisions.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeNationalRegisterNumber } from "@vindplaats/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { audited } from "../../../test/audit.ts";
import { seedOrg } from "../../../test/factories.ts";
import { createHarness, type Harness, type Session, signIn } from "../../../test/harness.ts";

const X = {
  nickname: "Xaverius",
  description: "Fietst met een oranje bakfiets vol flessen",
  fullName: "Xaverius Kwartelkoning",
  nrn: makeNationalRegisterNumber("1979-11-03", 123),
  note: "Wil graag hulp bij zijn aanvraag leefloon",
  contactNote: "Gesprek over de aanvraag bij het OCMW",
  referralNote: "Afspraak bij de maatschappelijk werker",
};
const Y = {
  nickname: "Ysolde",
  description: "Heeft een tatoeage van een zeepaardje in haar nek",
  fullName: "Ysolde Quirijnenbroek",
  nrn: makeNationalRegisterNumber("1991-05-17", 246),
  note: "Vreest haar ex-partner aan de Kolenmarkt",
  contactNote: "Zoekt een plek in de vrouwenopvang Zonnedauw",
};
const Y_STRINGS = [Y.nickname, Y.description, Y.fullName, Y.nrn, Y.note, Y.contactNote];

let h: Harness;
let org: Awaited<ReturnType<typeof seedOrg>>;
let workerA: Session;
let dpo: Session;
let x: string;
let y: string;
let dir: string;

const post = (s: Session, url: string, payload: object) => s.request({ method: "POST", url, payload });

async function makePerson(p: typeof X | typeof Y) {
  const id = (
    await post(workerA, "/api/v1/persons", { teamId: org.teamA, nickname: p.nickname, description: p.description })
  ).json().id as string;
  await post(workerA, `/api/v1/persons/${id}/identity`, { fullName: p.fullName, nationalRegisterNumber: p.nrn });
  await post(workerA, `/api/v1/persons/${id}/notes`, { teamId: org.teamA, body: p.note });
  return id;
}

const contact = (personIds: string[], note: string) =>
  post(workerA, "/api/v1/contacts", {
    teamId: org.teamA,
    placeId: org.square,
    personIds,
    durationMinutes: 15,
    startedAt: new Date(h.clock.now().getTime() - 7_200_000).toISOString(),
    note,
  });

beforeAll(async () => {
  for (const tool of ["pdftotext"]) {
    try {
      execFileSync(tool, ["-v"], { stdio: "ignore" });
    } catch {
      throw new Error(`${tool} is missing: apt-get install -y poppler-utils (the CI script does this)`);
    }
  }
  dir = mkdtempSync(join(tmpdir(), "vp-subject-"));
  h = await createHarness();
  org = await seedOrg(h.db);
  workerA = await signIn(h.app, org.emails.workerA);
  dpo = await signIn(h.app, org.emails.dpo);
  x = await makePerson(X);
  y = await makePerson(Y);
  const xContact = await contact([x], X.contactNote);
  expect(xContact.statusCode).toBe(201);
  expect((await contact([y], Y.contactNote)).statusCode).toBe(201);
  // Met together: X's export shows the contact, not who else was there.
  expect((await contact([x, y], "Samen aan de bank gezien")).statusCode).toBe(201);
  const referral = await post(workerA, "/api/v1/referrals", {
    teamId: org.teamA,
    serviceCode: "night_shelter",
    personId: x,
    contactId: xContact.json().id,
    note: X.referralNote,
  });
  expect(referral.statusCode, referral.body).toBe(201);
  // Accesses to show in the history: a colleague and a coordinator open X's record.
  await (await signIn(h.app, org.emails.workerA2)).request({ method: "GET", url: `/api/v1/persons/${x}` });
  await (await signIn(h.app, org.emails.coordinatorA)).request({ method: "GET", url: `/api/v1/persons/${x}` });
});
afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("finding the person", () => {
  it("finds X by national register number (keyed hash), by nickname and by id, across teams", async () => {
    const byNumber = await post(dpo, "/api/v1/subject-rights/lookup", { nationalRegisterNumber: X.nrn });
    expect(byNumber.statusCode, byNumber.body).toBe(200);
    expect(byNumber.json()).toEqual([expect.objectContaining({ id: x, nickname: X.nickname, restricted: false })]);
    const byName = (await post(dpo, "/api/v1/subject-rights/lookup", { nickname: "xaver" })).json();
    expect(byName.map((c: { id: string }) => c.id)).toEqual([x]);
    const unknown = makeNationalRegisterNumber("1979-11-03", 125);
    expect((await post(dpo, "/api/v1/subject-rights/lookup", { nationalRegisterNumber: unknown })).json()).toEqual([]);
    expect((await post(workerA, "/api/v1/subject-rights/lookup", { personId: x })).statusCode).toBe(403);
  });
});

describe("the export", () => {
  let json: string;

  it("holds X's data, revisions and access history as JSON, audited once", async () => {
    const { result: res, rows } = await audited(h.db, () =>
      dpo.request({ method: "GET", url: `/api/v1/persons/${x}/subject-rights/export` }),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(rows.map((r) => r.action)).toEqual(["subject_rights.exported"]);
    const e = res.json();
    json = res.body;
    expect(e.person).toMatchObject({
      nickname: X.nickname,
      description: X.description,
      fullName: X.fullName,
      nationalRegisterNumber: X.nrn,
    });
    expect(e.notes.map((n: { body: string }) => n.body)).toEqual([X.note]);
    expect(e.contacts.map((c: { note: string }) => c.note).sort()).toEqual(
      [X.contactNote, "Samen aan de bank gezien"].sort(),
    );
    expect(e.contacts.find((c: { note: string }) => c.note.startsWith("Samen")).otherPersons).toBe(1);
    expect(e.referrals).toEqual([expect.objectContaining({ service: "night_shelter", note: X.referralNote })]);
    expect(e.revisions.map((r: { action: string }) => r.action)).toEqual(["created", "identified"]);
    const readers = e.accessHistory.filter((a: { action: string }) => a.action === "person.read");
    expect(readers.map((a: { by: string }) => a.by).sort()).toEqual(["t-coord-a", "t-worker-a2"]);
    expect(e.accessHistory.some((a: { action: string }) => a.action === "contact.created")).toBe(true);
  });

  it("holds nothing about Y, whose own export does hold those values", async () => {
    for (const s of [...Y_STRINGS, y]) expect(json, s).not.toContain(s);
    const ofY = (await dpo.request({ method: "GET", url: `/api/v1/persons/${y}/subject-rights/export` })).body;
    for (const s of Y_STRINGS) expect(ofY, s).toContain(s);
  });

  it("reads as a PDF with X's data and access history, and nothing about Y", async () => {
    const res = await dpo.request({ method: "GET", url: `/api/v1/persons/${x}/subject-rights/export.pdf?locale=nl` });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    const file = join(dir, "x.pdf");
    writeFileSync(file, res.rawPayload);
    const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    for (const s of ["Inzage in persoonsgegevens", X.fullName, X.description, X.note, X.contactNote, X.nrn]) {
      expect(text, s).toContain(s);
    }
    expect(text).toContain("Wie het dossier inkeek of wijzigde");
    expect(text).toContain("bekeek het dossier");
    expect(text).toContain("t-worker-a2");
    for (const s of Y_STRINGS) expect(text, s).not.toContain(s);
  });

  it("is for the DPO only and answers 404 for an unknown person", async () => {
    expect(
      (await workerA.request({ method: "GET", url: `/api/v1/persons/${x}/subject-rights/export` })).statusCode,
    ).toBe(403);
    const unknown = "01234567-89ab-7cde-8f01-23456789abcd";
    expect(
      (await dpo.request({ method: "GET", url: `/api/v1/persons/${unknown}/subject-rights/export` })).statusCode,
    ).toBe(404);
  });
});

describe("rectification", () => {
  it("corrects the record on request and keeps the replaced values as a revision", async () => {
    const { result: res, rows } = await audited(h.db, () =>
      post(dpo, `/api/v1/persons/${x}/subject-rights/rectification`, {
        reason: "De persoon meldt dat de familienaam fout gespeld is",
        fullName: "Xaverius Kwartelkonink",
        birthYear: 1979,
      }),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(rows.map((r) => r.action)).toEqual(["person.rectified"]);
    expect(rows[0]!.details).toEqual({ fields: ["birthYear", "fullName"] });
    const view = res.json();
    expect(view.person.identity.fullName).toBe("Xaverius Kwartelkonink");
    expect(view.revisions.at(-1)).toMatchObject({
      action: "rectified",
      changes: { fullName: { from: X.fullName, to: "Xaverius Kwartelkonink" }, birthYear: { from: null, to: 1979 } },
    });
    // The revision is sealed at rest like the record itself.
    const raw = await h.db.owner((tx) =>
      tx.query<{ changes: unknown }>(
        `SELECT changes FROM person_history WHERE person_id = $1 AND action = 'rectified'`,
        [x],
      ),
    );
    expect(JSON.stringify(raw)).not.toContain("Kwartelkon");
    const page = (await workerA.request({ method: "GET", url: `/api/v1/persons/${x}` })).json();
    expect(page.person.identity.fullName).toBe("Xaverius Kwartelkonink");
    const empty = await post(dpo, `/api/v1/persons/${x}/subject-rights/rectification`, { reason: "niets te wijzigen" });
    expect(empty.statusCode).toBe(400);
  });
});

describe("merged records", () => {
  it("lists what a record merged into X held itself, and still nothing about Y", async () => {
    const dup = (
      await post(workerA, "/api/v1/persons", {
        teamId: org.teamA,
        nickname: "Xavi",
        description: "Tweede registratie van dezelfde persoon",
      })
    ).json().id as string;
    const coord = await signIn(h.app, org.emails.coordinatorA);
    expect((await post(coord, `/api/v1/persons/${x}/merge`, { duplicateId: dup })).statusCode).toBe(200);
    const res = await dpo.request({ method: "GET", url: `/api/v1/persons/${x}/subject-rights/export` });
    expect(res.json().person.mergedRecords).toBe(1);
    expect(res.json().mergedRecords).toEqual([
      expect.objectContaining({ id: dup, nickname: "Xavi", description: "Tweede registratie van dezelfde persoon" }),
    ]);
    for (const s of [...Y_STRINGS, y]) expect(res.body, s).not.toContain(s);
  });
});
