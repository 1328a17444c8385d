// Restriction (GDPR art. 18): a restricted record can be read by the DPO, not changed or used by
// anyone, with a clear message to workers. Anonymisation and erasure (art. 17): identity, notes
// and sensitive fields go, the yearly figures (the reports module's computation) are equal before
// and after anonymising, and erasing also takes the person out of the figures.
import { type Figure, METRICS, type MetricDefinition, makeNationalRegisterNumber } from "@vindplaats/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { audited } from "../../../test/audit.ts";
import { seedOrg } from "../../../test/factories.ts";
import { createHarness, type Harness, type Session, signIn } from "../../../test/harness.ts";
import { seedFigures } from "../reports/figures.fixtures.ts";
import { computeFigures } from "../reports/figures.ts";

let h: Harness;
let org: Awaited<ReturnType<typeof seedOrg>>;
let ids: Awaited<ReturnType<typeof seedFigures>>;
let workerA: Session;
let dpo: Session;

const post = (s: Session, url: string, payload: object) => s.request({ method: "POST", url, payload });
const hourAgo = () => new Date(h.clock.now().getTime() - 3_600_000).toISOString();

beforeAll(async () => {
  h = await createHarness();
  org = await seedOrg(h.db);
  ids = await seedFigures(h.db, org);
  workerA = await signIn(h.app, org.emails.workerA);
  dpo = await signIn(h.app, org.emails.dpo);
});
afterAll(() => h.close());

describe("restriction", () => {
  let id: string;

  beforeAll(async () => {
    id = (await post(workerA, "/api/v1/persons", { teamId: org.teamA, nickname: "Ramona" })).json().id;
    const restricted = await post(dpo, `/api/v1/persons/${id}/subject-rights/restriction`, {
      reason: "Betwist de juistheid van haar gegevens",
    });
    expect(restricted.statusCode, restricted.body).toBe(200);
    expect(restricted.json().restricted).toBe(true);
  });

  it("refuses every change and new use with a clear message to the worker", async () => {
    const edit = await workerA.request({
      method: "PATCH",
      url: `/api/v1/persons/${id}`,
      payload: { description: "nieuw" },
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json()).toMatchObject({ key: "person_restricted" });
    expect(edit.json().detail).toContain("beperkt");
    const note = await post(workerA, `/api/v1/persons/${id}/notes`, { teamId: org.teamA, body: "x" });
    expect(note.json().key).toBe("person_restricted");
    const identify = await post(workerA, `/api/v1/persons/${id}/identity`, { fullName: "Ramona Verzonnen" });
    expect(identify.json().key).toBe("person_restricted");
    const contact = await post(workerA, "/api/v1/contacts", {
      teamId: org.teamA,
      placeId: org.square,
      personIds: [id],
      durationMinutes: 10,
      startedAt: hourAgo(),
    });
    expect(contact.statusCode).toBe(409);
    expect(contact.json()).toMatchObject({ key: "person_restricted", field: "personIds" });
    const task = await post(workerA, "/api/v1/tasks", {
      teamId: org.teamA,
      title: "Opvolgen",
      dueOn: "2099-01-01",
      personId: id,
    });
    expect(task.json()).toMatchObject({ key: "person_restricted", field: "personId" });
  });

  it("stays readable: the team sees it, the DPO reads it whole", async () => {
    expect((await workerA.request({ method: "GET", url: `/api/v1/persons/${id}` })).statusCode).toBe(200);
    const view = await dpo.request({ method: "GET", url: `/api/v1/persons/${id}/subject-rights` });
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({
      restricted: true,
      restrictions: [{ reason: "Betwist de juistheid van haar gegevens", liftedAt: null }],
    });
  });

  it("lifts: the record can be changed again, and a second lift is refused", async () => {
    const { result, rows } = await audited(h.db, () =>
      post(dpo, `/api/v1/persons/${id}/subject-rights/restriction/lift`, { reason: "Gegevens nagekeken en juist" }),
    );
    expect(result.statusCode).toBe(200);
    expect(rows.map((r) => r.action)).toEqual(["person.restriction_lifted"]);
    const edit = await workerA.request({
      method: "PATCH",
      url: `/api/v1/persons/${id}`,
      payload: { description: "ok" },
    });
    expect(edit.statusCode).toBe(200);
    const again = await post(dpo, `/api/v1/persons/${id}/subject-rights/restriction/lift`, { reason: "nog eens" });
    expect(again.statusCode).toBe(409);
  });
});

const ALL = METRICS as readonly MetricDefinition[];

/** The yearly figures for 2025 as the reports module computes them (raw, unsuppressed). */
async function figures2025(): Promise<Map<string, Figure>> {
  const list = await h.db.transaction({ orgId: org.orgId, userId: null, purpose: "figures" }, (tx) =>
    computeFigures(
      tx,
      {
        orgId: org.orgId,
        from: "2025-01-01",
        to: "2025-12-31",
        teamIds: [org.teamA, org.teamB],
        allTeams: true,
        neighbourhoodId: null,
        asOf: new Date("2026-03-01T00:00:00Z"),
      },
      ALL,
      { locale: "nl", suppress: false },
    ),
  );
  return new Map(list.map((f) => [f.metric, f]));
}

describe("anonymisation", () => {
  const nrn = makeNationalRegisterNumber("1988-08-08", 88);

  it("removes identity, notes and sensitive text, and leaves the yearly figures equal", async () => {
    const p1 = ids.p1;
    await post(workerA, `/api/v1/persons/${p1}/identity`, { fullName: "Ahmed Verzonnen", nationalRegisterNumber: nrn });
    await post(workerA, `/api/v1/persons/${p1}/notes`, { teamId: org.teamA, body: "Notitie die moet verdwijnen" });
    const before = await figures2025();
    expect(before.get("persons_reached")!.total.value).toBeGreaterThan(0);

    const { result, rows } = await audited(h.db, () =>
      post(dpo, `/api/v1/persons/${p1}/subject-rights/anonymisation`, { reason: "Verzoek tot wissing van de persoon" }),
    );
    expect(result.statusCode, result.body).toBe(200);
    expect(rows.map((r) => r.action)).toEqual(["person.anonymised"]);
    expect(result.json()).toMatchObject({ kind: "anonymised", counts: { records: 2, notes: 1 } });

    expect(JSON.stringify([...(await figures2025()).values()])).toBe(JSON.stringify([...before.values()]));
    const view = (await dpo.request({ method: "GET", url: `/api/v1/persons/${p1}/subject-rights` })).json();
    expect(view.anonymisedAt).not.toBeNull();
    expect(view.person).toMatchObject({ identity: null, description: null, isActive: false });
    expect(view.person.nickname).not.toBe("Ahmed");
    expect(view.counts.notes).toBe(0);
    expect(view.counts.contacts).toBeGreaterThan(0); // still counted
    const stored = await h.db.owner((tx) =>
      tx.query(`SELECT full_name, national_register_number, national_register_hash FROM persons WHERE id = $1`, [p1]),
    );
    expect(stored[0]).toEqual({ full_name: null, national_register_number: null, national_register_hash: null });
    const lookup = await post(dpo, "/api/v1/subject-rights/lookup", { nationalRegisterNumber: nrn });
    expect(lookup.json()).toEqual([]);
  });

  it("freezes the anonymised record: no edits, no new contacts, no second anonymisation", async () => {
    const edit = await workerA.request({
      method: "PATCH",
      url: `/api/v1/persons/${ids.p1}`,
      payload: { description: "terug" },
    });
    expect([404, 409]).toContain(edit.statusCode);
    const again = await post(dpo, `/api/v1/persons/${ids.p1}/subject-rights/anonymisation`, {
      reason: "nog eens graag",
    });
    expect(again.statusCode).toBe(409);
  });
});

describe("erasure", () => {
  it("needs the DPO's confirmation that it is lawful, then takes the person out of the figures too", async () => {
    const unconfirmed = await post(dpo, `/api/v1/persons/${ids.p6}/subject-rights/erasure`, {
      reason: "Geen bewaarplicht meer",
    });
    expect(unconfirmed.statusCode).toBe(400);
    const before = await figures2025();
    const { result, rows } = await audited(h.db, () =>
      post(dpo, `/api/v1/persons/${ids.p6}/subject-rights/erasure`, { reason: "Geen bewaarplicht meer", lawful: true }),
    );
    expect(result.statusCode, result.body).toBe(200);
    expect(rows.map((r) => r.action)).toEqual(["person.erased"]);
    const after = await figures2025();
    expect(after.get("contacts_total")!.total.value).toBe(before.get("contacts_total")!.total.value);
    expect(after.get("persons_reached")!.total.value).toBe((before.get("persons_reached")!.total.value ?? 0) - 1);
    const links = await h.db.owner((tx) =>
      tx.query(
        `SELECT 1 FROM contact_persons WHERE person_id = $1 UNION ALL SELECT 1 FROM person_teams WHERE person_id = $1`,
        [ids.p6],
      ),
    );
    expect(links).toEqual([]);
  });
});
