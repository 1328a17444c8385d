// Need-to-know: shares on a recorded basis, revocation and expiry, break-the-glass, the row-level
// security backstop, and the tamper-evident audit trail.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, seedOrg } from "../../../test/factories.ts";
import { createHarness, type Harness, type Session, signIn } from "../../../test/harness.ts";
import { verifyAuditChain } from "../audit/verify.ts";

let h: Harness;
let org: Awaited<ReturnType<typeof seedOrg>>;
let workerA: Session;
let coordB: Session;
let workerB: Session;
let dpo: Session;
let partner: Session;
let partnerId = "";

const consent = (extra: Record<string, unknown> = {}) => ({
  kind: "consent",
  givenOn: "2026-01-05",
  scope: "Doorverwijzing naar de buurtstewards",
  how: "verbal",
  ...extra,
});

async function personOfA(nickname: string) {
  const p = await workerA.request({
    method: "POST",
    url: "/api/v1/persons",
    payload: { teamId: org.teamA, nickname, nationality: "bg" },
  });
  const id = p.json().id as string;
  await workerA.request({
    method: "POST",
    url: `/api/v1/persons/${id}/identity`,
    payload: { fullName: `${nickname} Verzonnen` },
  });
  await workerA.request({
    method: "POST",
    url: `/api/v1/persons/${id}/notes`,
    payload: { teamId: org.teamA, body: "Vertrouwelijke notitie" },
  });
  return id;
}

beforeAll(async () => {
  h = await createHarness();
  h.clock.set("2026-02-01T10:00:00Z");
  org = await seedOrg(h.db);
  partnerId = await h.db.owner((tx) => addUser(tx, org.orgId, "t-partner@example.org", { orgRoles: ["partner"] }));
  [workerA, coordB, workerB, dpo, partner] = await Promise.all([
    signIn(h.app, org.emails.workerA),
    signIn(h.app, org.emails.coordinatorB),
    signIn(h.app, org.emails.workerB),
    signIn(h.app, org.emails.dpo),
    signIn(h.app, "t-partner@example.org"),
  ]);
});
afterAll(() => h.close());

describe("sharing", () => {
  it("shares only the chosen field classes, and a revocation takes effect on the next request", async () => {
    const id = await personOfA("Wanda");
    expect((await workerB.request({ method: "GET", url: `/api/v1/persons/${id}` })).statusCode).toBe(404);
    const share = await workerA.request({
      method: "POST",
      url: `/api/v1/persons/${id}/shares`,
      payload: { toTeamId: org.teamB, fieldClasses: ["profile"], basis: consent() },
    });
    expect(share.statusCode).toBe(201);
    const seen = await workerB.request({ method: "GET", url: `/api/v1/persons/${id}` });
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({
      relation: "shared",
      person: { nickname: "Wanda", nationality: null, identity: null },
    });
    expect(seen.body).not.toContain("Vertrouwelijke notitie");
    expect(seen.body).not.toContain("Verzonnen");
    expect(
      (await workerB.request({ method: "PATCH", url: `/api/v1/persons/${id}`, payload: { nickname: "W" } })).statusCode,
    ).toBe(403);
    expect(
      (await workerA.request({ method: "POST", url: `/api/v1/person-shares/${share.json().id}/revoke` })).statusCode,
    ).toBe(200);
    expect((await workerB.request({ method: "GET", url: `/api/v1/persons/${id}` })).statusCode).toBe(404);
  });

  it("needs a basis: consent with date, scope and how, or all three shared-secrecy conditions", async () => {
    const id = await personOfA("Xavier");
    const bad = [
      { kind: "consent", givenOn: "2026-01-05", how: "verbal" },
      {
        kind: "shared_secrecy",
        sameMission: true,
        inPersonsInterest: true,
        necessary: false,
        justification: "Omdat het nodig is voor de begeleiding.",
      },
      { kind: "gut_feeling" },
    ];
    for (const basis of bad) {
      const res = await workerA.request({
        method: "POST",
        url: `/api/v1/persons/${id}/shares`,
        payload: { toTeamId: org.teamB, fieldClasses: ["profile"], basis },
      });
      expect(res.statusCode).toBe(400);
    }
    const future = await workerA.request({
      method: "POST",
      url: `/api/v1/persons/${id}/shares`,
      payload: { toTeamId: org.teamB, fieldClasses: ["profile"], basis: consent({ givenOn: "2026-03-01" }) },
    });
    expect(future.json().field).toBe("basis.givenOn");
    const count = await h.db.owner((tx) =>
      tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM person_shares WHERE person_id = $1`, [id]),
    );
    expect(count[0]!.n).toBe(0);
  });

  it("ends a share at its expiry", async () => {
    const id = await personOfA("Yara");
    await workerA.request({
      method: "POST",
      url: `/api/v1/persons/${id}/shares`,
      payload: {
        toUserId: partnerId,
        fieldClasses: ["profile", "identity"],
        basis: consent({ expiresOn: "2026-02-10" }),
      },
    });
    const seen = await partner.request({ method: "GET", url: `/api/v1/persons/${id}` });
    expect(seen.json().person.identity.fullName).toBe("Yara Verzonnen");
    expect(
      (await partner.request({ method: "GET", url: "/api/v1/shared-with-me" })).json().map((p: { id: string }) => p.id),
    ).toContain(id);
    h.clock.set("2026-02-11T08:00:00Z");
    const later = await signIn(h.app, "t-partner@example.org");
    expect((await later.request({ method: "GET", url: `/api/v1/persons/${id}` })).statusCode).toBe(404);
    h.clock.set("2026-02-01T10:00:00Z");
  });
});

describe("break-the-glass", () => {
  it("opens a record outside one's teams for a limited time, with a reason, flagged for review", async () => {
    const id = await personOfA("Zola");
    const short = await workerB.request({
      method: "POST",
      url: `/api/v1/persons/${id}/break-glass`,
      payload: { reason: "dringend" },
    });
    expect(short.statusCode).toBe(400);
    const glass = await workerB.request({
      method: "POST",
      url: `/api/v1/persons/${id}/break-glass`,
      payload: { reason: "Persoon onwel aangetroffen, medicatie nodig voor de ambulance." },
    });
    expect(glass.statusCode).toBe(201);
    const seen = await workerB.request({ method: "GET", url: `/api/v1/persons/${id}` });
    expect(seen.json().relation).toBe("break_glass");
    expect(
      (await workerB.request({ method: "PATCH", url: `/api/v1/persons/${id}`, payload: { nickname: "Z" } })).statusCode,
    ).toBe(403);
    for (const reviewer of [dpo, coordB]) {
      const open = (await reviewer.request({ method: "GET", url: "/api/v1/break-glass?open=true" })).json();
      expect(open.map((g: { id: string }) => g.id)).toContain(glass.json().id);
    }
    expect((await workerB.request({ method: "GET", url: "/api/v1/break-glass" })).statusCode).toBe(403);
    expect(
      (
        await dpo.request({
          method: "POST",
          url: `/api/v1/break-glass/${glass.json().id}/review`,
          payload: { note: "Terecht gebruikt" },
        })
      ).statusCode,
    ).toBe(200);
    h.clock.advanceMinutes(61);
    const later = await signIn(h.app, org.emails.workerB);
    expect((await later.request({ method: "GET", url: `/api/v1/persons/${id}` })).statusCode).toBe(404);
    h.clock.set("2026-02-01T10:00:00Z");
  });

  it("answers 404 for a record that does not exist", async () => {
    const res = await workerB.request({
      method: "POST",
      url: "/api/v1/persons/0190f0f0-0000-7000-8000-000000000000/break-glass",
      payload: { reason: "Persoon onwel aangetroffen, medicatie nodig." },
    });
    expect(res.statusCode).toBe(404);
  });
});

describe("row-level security backstop", () => {
  it("hides other teams' persons, contacts and notes even from a query without filters", async () => {
    await personOfA("Rover");
    const counts = await h.db.transaction(
      { orgId: org.orgId, userId: org.users.workerB, teamIds: [org.teamB] },
      async (tx) => ({
        persons: (await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM persons WHERE nickname = 'Rover'`))[0]!
          .n,
        notes: (await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM person_notes`))[0]!.n,
      }),
    );
    expect(counts).toEqual({ persons: 0, notes: 0 });
    const asA = await h.db.transaction({ orgId: org.orgId, userId: org.users.workerA, teamIds: [org.teamA] }, (tx) =>
      tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM persons WHERE nickname = 'Rover'`),
    );
    expect(asA[0]!.n).toBe(1);
  });

  it("refuses an insert for another team at the database", async () => {
    await expect(
      h.db.transaction({ orgId: org.orgId, userId: org.users.workerB, teamIds: [org.teamB] }, (tx) =>
        tx.query(
          `INSERT INTO contacts (id, org_id, team_id, started_at, duration_minutes, worker_ids, location_kind, created_by, updated_at, updated_by)
           VALUES (gen_random_uuid(), $1, $2, now(), 5, '{}', 'public', $3, now(), $3)`,
          [org.orgId, org.teamA, org.users.workerB],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
  });
});

describe("audit trail", () => {
  it("writes exactly one row per action in its transaction, and none when the action fails", async () => {
    const count = async () =>
      (await h.db.owner((tx) => tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events`)))[0]!.n;
    let before = await count();
    await workerA.request({ method: "POST", url: "/api/v1/persons", payload: { teamId: org.teamA, nickname: "Een" } });
    expect(await count()).toBe(before + 1);
    before = await count();
    const failed = await workerA.request({
      method: "POST",
      url: "/api/v1/contacts",
      payload: {
        teamId: org.teamA,
        placeId: org.square,
        durationMinutes: 5,
        startedAt: "2026-02-01T09:00:00Z",
        newPersons: [{ nickname: "Twee" }],
        anonymous: [{ count: 1, ageBand: "no_such_band" }],
      },
    });
    expect(failed.statusCode).toBe(422);
    expect(await count()).toBe(before);
  });

  it("writes one audit row for each class of action: sign-in, read, write, export, share, break-the-glass", async () => {
    const rows = async () =>
      (await h.db.owner((tx) => tx.query<{ action: string }>(`SELECT action FROM audit_events ORDER BY seq`))).map(
        (r) => r.action,
      );
    const id = await personOfA("Klasse");
    const contact = await workerA.request({
      method: "POST",
      url: "/api/v1/contacts",
      payload: {
        teamId: org.teamA,
        placeId: org.square,
        personIds: [id],
        durationMinutes: 5,
        startedAt: "2026-02-01T09:00:00Z",
      },
    });
    const coordA = await signIn(h.app, org.emails.coordinatorA);
    const actions: [string, () => Promise<unknown>][] = [
      ["auth.signed_in", () => signIn(h.app, org.emails.workerA2)],
      ["person.read", () => workerA.request({ method: "GET", url: `/api/v1/persons/${id}` })],
      ["contact.read", () => workerA.request({ method: "GET", url: `/api/v1/contacts/${contact.json().id}` })],
      ["contacts.listed", () => workerA.request({ method: "GET", url: "/api/v1/contacts" })],
      ["persons.searched", () => workerA.request({ method: "GET", url: "/api/v1/persons?q=kla" })],
      [
        "person.updated",
        () => workerA.request({ method: "PATCH", url: `/api/v1/persons/${id}`, payload: { description: "nieuw" } }),
      ],
      ["contacts.exported", () => coordA.request({ method: "GET", url: "/api/v1/contacts/export?format=csv" })],
      [
        "person.shared",
        () =>
          workerA.request({
            method: "POST",
            url: `/api/v1/persons/${id}/shares`,
            payload: { toTeamId: org.teamB, fieldClasses: ["profile"], basis: consent() },
          }),
      ],
      [
        "person.break_glass",
        async () =>
          workerB.request({
            method: "POST",
            url: `/api/v1/persons/${await personOfA("Glas")}/break-glass`,
            payload: { reason: "Acute nood: persoon onwel aangetroffen op straat." },
          }),
      ],
    ];
    for (const [action, run] of actions) {
      const before = await rows();
      await run();
      const added = (await rows())
        .slice(before.length)
        .filter((a) => !["person.created", "person.identified", "note.created"].includes(a));
      expect(added, action).toEqual([action]);
    }
  });

  it("verifies the chain, and detects an edited and a deleted row", async () => {
    const clean = await verifyAuditChain(h.db);
    expect(clean.breaks).toEqual([]);
    expect(clean.rows).toBeGreaterThan(10);
    const [{ seq: edited }, { seq: deleted }] = (await h.db.owner((tx) =>
      tx.query<{ seq: number }>(`SELECT seq FROM audit_events WHERE org_id = $1 ORDER BY seq LIMIT 2 OFFSET 3`, [
        org.orgId,
      ]),
    )) as [{ seq: number }, { seq: number }];
    await h.db.owner((tx) =>
      tx.query(`UPDATE audit_events SET details = '{"fields":["tampered"]}' WHERE seq = $1`, [edited]),
    );
    await h.db.owner((tx) =>
      tx.query(`DELETE FROM audit_events WHERE seq = (SELECT max(seq) - 2 FROM audit_events WHERE org_id = $1)`, [
        org.orgId,
      ]),
    );
    const broken = await verifyAuditChain(h.db);
    expect(broken.breaks.map((b) => b.problem).sort()).toEqual(["edited", "link_broken"]);
    expect(broken.breaks.find((b) => b.problem === "edited")!.seq).toBe(edited);
    void deleted;
  });

  it("lets the application role neither update nor delete audit rows", async () => {
    for (const sql of [`UPDATE audit_events SET action = 'x'`, `DELETE FROM audit_events`]) {
      await expect(
        h.db.transaction({ orgId: org.orgId, userId: org.users.workerA, teamIds: [org.teamA] }, (tx) => tx.query(sql)),
      ).rejects.toThrow(/permission denied/);
    }
  });

  it("gives the DPO a person's own access history, and nothing about another person", async () => {
    const x = await personOfA("Subjectx");
    const y = await personOfA("Subjecty");
    await workerA.request({ method: "GET", url: `/api/v1/persons/${x}` });
    await workerA.request({ method: "GET", url: `/api/v1/persons/${y}` });
    const history = (await dpo.request({ method: "GET", url: `/api/v1/persons/${x}/access-history` })).json();
    expect(history.map((r: { action: string }) => r.action)).toEqual(
      expect.arrayContaining(["person.read", "person.created", "person.identified", "note.created"]),
    );
    expect(history.every((r: { entityId: string }) => r.entityId === x)).toBe(true);
    expect((await workerA.request({ method: "GET", url: `/api/v1/persons/${x}/access-history` })).statusCode).toBe(403);
  });

  it("shows the DPO who saw what, and nobody else", async () => {
    const rows = (await dpo.request({ method: "GET", url: `/api/v1/audit?action=person.read&limit=500` })).json();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r: { action: string }) => r.action === "person.read")).toBe(true);
    expect((await workerA.request({ method: "GET", url: "/api/v1/audit" })).statusCode).toBe(403);
  });
});

describe("system fields", () => {
  it("never stores team, consent, version or audit fields sent by a client", async () => {
    const count = async () =>
      (
        await h.db.owner((tx) =>
          tx.query<{ n: number }>(
            `SELECT (SELECT count(*) FROM persons) + (SELECT count(*) FROM person_shares) + (SELECT count(*) FROM audit_events) AS n`,
          ),
        )
      )[0]!.n;
    const before = await count();
    const id = await personOfA("Systeemveld");
    const afterSetup = await count();
    expect(afterSetup).toBeGreaterThan(before);
    const attempts = [
      { method: "POST", url: "/api/v1/persons", payload: { teamId: org.teamA, nickname: "X", ownerTeamId: org.teamB } },
      {
        method: "POST",
        url: "/api/v1/persons",
        payload: { teamId: org.teamA, nickname: "X", identityLevel: "identified" },
      },
      { method: "PATCH", url: `/api/v1/persons/${id}`, payload: { version: 99 } },
      { method: "PATCH", url: `/api/v1/persons/${id}`, payload: { createdBy: org.users.workerB } },
      {
        method: "POST",
        url: "/api/v1/contacts",
        payload: {
          teamId: org.teamA,
          placeId: org.square,
          durationMinutes: 5,
          startedAt: "2026-02-01T09:00:00Z",
          anonymous: [{ count: 1 }],
          createdBy: org.users.workerB,
        },
      },
      {
        method: "POST",
        url: `/api/v1/persons/${id}/shares`,
        payload: { toTeamId: org.teamB, fieldClasses: ["profile"], basis: consent(), revokedAt: null },
      },
      {
        method: "POST",
        url: `/api/v1/persons/${id}/shares`,
        payload: { toTeamId: org.teamB, fieldClasses: ["profile"], basis: { ...consent(), consentRecordedBy: "x" } },
      },
    ] as const;
    for (const a of attempts) {
      const res = await workerA.request(a);
      expect(res.statusCode, `${a.method} ${a.url} ${JSON.stringify(a.payload)}`).toBe(400);
      expect(res.json().errors[0].key).toBe("field.unknown");
    }
    expect(await count()).toBe(afterSetup);
    const person = await h.db.owner((tx) =>
      tx.query<{ owner_team_id: string; version: number }>(`SELECT owner_team_id, version FROM persons WHERE id = $1`, [
        id,
      ]),
    );
    expect(person[0]).toMatchObject({ owner_team_id: org.teamA });
  });
});
