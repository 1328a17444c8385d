import { makeNationalRegisterNumber } from "@vindplaats/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg } from "../../../test/factories.ts";
import { createHarness, type Harness, type Session, signIn } from "../../../test/harness.ts";

let h: Harness;
let org: Awaited<ReturnType<typeof seedOrg>>;
let other: Awaited<ReturnType<typeof seedOrg>>;
let workerA: Session;
let workerA2: Session;
let coordA: Session;
let workerB: Session;
let otherWorker: Session;

const newPerson = (s: Session, teamId: string, body: Record<string, unknown>) =>
  s.request({ method: "POST", url: "/api/v1/persons", payload: { teamId, ...body } });

const contactWith = (s: Session, teamId: string, placeId: string, personIds: string[]) =>
  s.request({
    method: "POST",
    url: "/api/v1/contacts",
    payload: {
      teamId,
      placeId,
      personIds,
      durationMinutes: 10,
      startedAt: new Date(h.clock.now().getTime() - 3600_000).toISOString(),
    },
  });

beforeAll(async () => {
  h = await createHarness();
  org = await seedOrg(h.db);
  other = await seedOrg(h.db, "o");
  [workerA, workerA2, coordA, workerB, otherWorker] = await Promise.all([
    signIn(h.app, org.emails.workerA),
    signIn(h.app, org.emails.workerA2),
    signIn(h.app, org.emails.coordinatorA),
    signIn(h.app, org.emails.workerB),
    signIn(h.app, other.emails.workerA),
  ]);
});
afterAll(() => h.close());

describe("duplicates", () => {
  it("suggests a person whose nickname differs only in accents or case, in the same neighbourhood", async () => {
    const first = await newPerson(workerA, org.teamA, { nickname: "Jérôme", usualNeighbourhoodId: org.north });
    expect(first.statusCode).toBe(201);
    const res = await workerA2.request({
      method: "GET",
      url: `/api/v1/persons/duplicates?nickname=JEROME&neighbourhoodId=${org.north}`,
    });
    expect(res.statusCode).toBe(200);
    const [top] = res.json();
    expect(top.person.id).toBe(first.json().id);
    expect(top.inScope).toBe(true);
  });

  it("shows a person known only to another team as the team and whom to ask, never the content", async () => {
    const b = await newPerson(workerB, org.teamB, {
      nickname: "Ludmila",
      usualNeighbourhoodId: org.south,
      description: "draagt rode jas",
    });
    const res = await workerA.request({
      method: "GET",
      url: `/api/v1/persons/duplicates?nickname=ludmíla&neighbourhoodId=${org.south}`,
    });
    const [top] = res.json();
    expect(top.inScope).toBe(false);
    expect(top.person).toBeNull();
    expect(top.knownBy).toEqual([{ teamId: org.teamB, teamName: "Buurtstewards", contactWorker: "t-worker-b" }]);
    expect(JSON.stringify(res.json())).not.toContain("rode jas");
    expect(top.personId).toBe(b.json().id);
  });

  it("never suggests persons of another organisation", async () => {
    await newPerson(otherWorker, other.teamA, { nickname: "Barnabas" });
    const res = await workerA.request({ method: "GET", url: "/api/v1/persons/duplicates?nickname=barnabas" });
    expect(res.json()).toEqual([]);
  });
});

describe("merge and undo", () => {
  it("moves history to the survivor, and an undo moves exactly that back", async () => {
    const a = (await newPerson(workerA, org.teamA, { nickname: "Mo" })).json().id;
    const b = (await newPerson(workerA2, org.teamA, { nickname: "Moo" })).json().id;
    await contactWith(workerA, org.teamA, org.square, [a]);
    const onB = (await contactWith(workerA2, org.teamA, org.park, [b])).json().id;
    const both = (await contactWith(workerA, org.teamA, org.park, [a, b])).json().id;
    expect(
      (await workerA.request({ method: "POST", url: `/api/v1/persons/${a}/merge`, payload: { duplicateId: b } }))
        .statusCode,
    ).toBe(403);
    const merged = await coordA.request({
      method: "POST",
      url: `/api/v1/persons/${a}/merge`,
      payload: { duplicateId: b },
    });
    expect(merged.statusCode).toBe(200);
    expect(merged.json().moved).toMatchObject({ contacts: 1, contactsShared: 1 });
    const contactsOf = async (id: string) =>
      (await coordA.request({ method: "GET", url: `/api/v1/contacts?personId=${id}` }))
        .json()
        .items.map((c: { id: string }) => c.id)
        .sort();
    expect(await contactsOf(a)).toHaveLength(3);
    expect(await contactsOf(b)).toEqual([]);
    const dup = (await coordA.request({ method: "GET", url: `/api/v1/persons/${b}` })).json().person;
    expect(dup).toMatchObject({ isActive: false, mergedIntoId: a });

    const undo = await coordA.request({ method: "POST", url: `/api/v1/person-merges/${merged.json().mergeId}/undo` });
    expect(undo.statusCode).toBe(200);
    expect(await contactsOf(b)).toEqual([onB, both].sort());
    expect(await contactsOf(a)).toHaveLength(2);
    expect(
      (await coordA.request({ method: "POST", url: `/api/v1/person-merges/${merged.json().mergeId}/undo` })).statusCode,
    ).toBe(409);
    const audit = await h.db.owner((tx) =>
      tx.query<{ action: string }>(`SELECT action FROM audit_events WHERE action LIKE 'person.merge%' ORDER BY seq`),
    );
    expect(audit.map((r) => r.action)).toEqual(["person.merged", "person.merge_undone"]);
  });

  it("refuses to merge a person with itself, or with someone out of scope", async () => {
    const a = (await newPerson(workerA, org.teamA, { nickname: "Solo" })).json().id;
    const self = await coordA.request({
      method: "POST",
      url: `/api/v1/persons/${a}/merge`,
      payload: { duplicateId: a },
    });
    expect(self.statusCode).toBe(422);
    expect(self.json().field).toBe("duplicateId");
    const b = (await newPerson(workerB, org.teamB, { nickname: "Solo" })).json().id;
    const out = await coordA.request({
      method: "POST",
      url: `/api/v1/persons/${a}/merge`,
      payload: { duplicateId: b },
    });
    expect(out.statusCode).toBe(422);
  });
});

describe("identity ladder", () => {
  it("records the identity step with who and when, and validates the national register number", async () => {
    const id = (await newPerson(workerA, org.teamA, { nickname: "Fien" })).json().id;
    const bad = await workerA.request({
      method: "POST",
      url: `/api/v1/persons/${id}/identity`,
      payload: { fullName: "Fien Fictief", nationalRegisterNumber: "85.07.30-033.62" },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe("nationalRegisterNumber");
    const nrn = makeNationalRegisterNumber("1985-07-30", 33);
    const ok = await workerA.request({
      method: "POST",
      url: `/api/v1/persons/${id}/identity`,
      payload: { fullName: "Fien Fictief", birthDate: "1985-07-30", nationalRegisterNumber: nrn },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      identityLevel: "identified",
      birthYear: 1985,
      identity: { fullName: "Fien Fictief", nationalRegisterNumber: nrn, identifiedBy: org.users.workerA },
    });
    const timeline = (await workerA.request({ method: "GET", url: `/api/v1/persons/${id}` })).json().timeline;
    expect(
      timeline
        .filter((t: { kind: string }) => t.kind === "identity")
        .map((t: { summary: { action: string } }) => t.summary.action),
    ).toEqual(["identified", "created"]);
  });

  it("does not let another organisation's worker read or name the person", async () => {
    const id = (await newPerson(workerA, org.teamA, { nickname: "Gust" })).json().id;
    expect((await otherWorker.request({ method: "GET", url: `/api/v1/persons/${id}` })).statusCode).toBe(404);
    const c = await contactWith(otherWorker, other.teamA, other.square, [id]);
    expect(c.statusCode).toBe(422);
    expect(c.json().field).toBe("personIds");
  });
});

describe("households and groups", () => {
  it("registers a group with members and a contact with the group plus a head count", async () => {
    const p1 = (await newPerson(workerA, org.teamA, { nickname: "Kiki" })).json().id;
    const p2 = (await newPerson(workerA, org.teamA, { nickname: "Rudi" })).json().id;
    const group = await workerA.request({
      method: "POST",
      url: "/api/v1/groups",
      payload: { teamId: org.teamA, name: "Jongeren aan de skatebaan", usualPlaceId: org.park, memberIds: [p1, p2] },
    });
    expect(group.statusCode).toBe(201);
    expect(group.json().members).toHaveLength(2);
    const contact = await workerA.request({
      method: "POST",
      url: "/api/v1/contacts",
      payload: {
        teamId: org.teamA,
        mode: "group",
        groupId: group.json().id,
        placeId: org.park,
        personIds: [p1],
        anonymous: [{ ageBand: "12_17", count: 4 }],
        durationMinutes: 30,
        startedAt: new Date(h.clock.now().getTime() - 60_000).toISOString(),
      },
    });
    expect(contact.statusCode).toBe(201);
    expect(contact.json()).toMatchObject({ groupId: group.json().id, personIds: [p1], anonymousTotal: 4 });
    const household = await workerA.request({
      method: "POST",
      url: "/api/v1/households",
      payload: { teamId: org.teamA, name: "Familie R.", memberIds: [p2] },
    });
    expect(household.statusCode).toBe(201);
    const moved = await workerA.request({
      method: "PATCH",
      url: `/api/v1/households/${household.json().id}`,
      payload: { addMemberIds: [p1], removeMemberIds: [p2] },
    });
    expect(moved.json().members.map((m: { personId: string }) => m.personId)).toEqual([p1]);
    expect((await workerB.request({ method: "GET", url: `/api/v1/groups/${group.json().id}` })).statusCode).toBe(404);
  });
});
