// Offline sync against a real database: devices and keys, the idempotent push (same id twice, same
// id with another payload, per-mutation errors, old formats), the scoped pull with tombstones for
// merges and revoked shares, and the conflicts a coordinator sees.
import { SYNC_FORMAT_VERSION } from "@vindplaats/contracts";
import { uuidv7 } from "@vindplaats/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg } from "../../../test/factories.ts";
import { createHarness, type Harness, rowCounts, type Session, signIn } from "../../../test/harness.ts";
import { unseal } from "../../crypto/fields.ts";
import { upgradePayload } from "./upgrade.ts";

let h: Harness;
let org: Awaited<ReturnType<typeof seedOrg>>;
let workerA: Session;
let workerA2: Session;
let coordA: Session;
let workerB: Session;
let admin: Session;

const minutesAgo = (m: number) => new Date(h.clock.now().getTime() - m * 60_000).toISOString();
const mutation = (kind: string, payload: Record<string, unknown>, formatVersion = SYNC_FORMAT_VERSION) => ({
  id: uuidv7(),
  kind,
  formatVersion,
  payload,
});
const contactPayload = (extra: Record<string, unknown> = {}) => ({
  id: uuidv7(),
  teamId: org.teamA,
  placeId: org.square,
  startedAt: minutesAgo(20),
  durationMinutes: 10,
  anonymous: [{ count: 1 }],
  ...extra,
});

async function push(s: Session, mutations: unknown[], deviceId?: string) {
  const res = await s.request({
    method: "POST",
    url: "/api/v1/sync/push",
    payload: { mutations, ...(deviceId ? { deviceId } : {}) },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    wipe: boolean;
    results: {
      id: string;
      status: string;
      replayed: boolean;
      outcome: { entityId: string; conflict: boolean } | null;
      problem: { status: number; key: string; errors: { field: string; key: string }[] } | null;
    }[];
  };
}

async function pull(s: Session, cursor?: string, deviceId?: string) {
  const qs = new URLSearchParams({ ...(cursor ? { cursor } : {}), ...(deviceId ? { deviceId } : {}) });
  const res = await s.request({ method: "GET", url: `/api/v1/sync/pull?${qs}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    snapshot: boolean;
    cursor: string;
    hasMore: boolean;
    wipe: boolean;
    persons: {
      id: string;
      nickname: string;
      nationality: string | null;
      identity: unknown;
      description: string | null;
      version: number;
    }[];
    contacts: { id: string; note: string | null; personIds: string[] }[];
    tombstones: { entityType: string; entityId: string; op: string; mergedIntoId: string | null }[];
    places: unknown[] | null;
    valueLists: unknown[] | null;
    tasks: { id: string }[] | null;
  };
}

const count = async (sql: string, params: unknown[] = []) =>
  (await h.db.owner((tx) => tx.query<{ n: number }>(sql, params)))[0]!.n;

beforeAll(async () => {
  h = await createHarness();
  h.clock.set("2026-03-02T09:00:00Z");
  org = await seedOrg(h.db);
  [workerA, workerA2, coordA, workerB, admin] = await Promise.all([
    signIn(h.app, org.emails.workerA),
    signIn(h.app, org.emails.workerA2),
    signIn(h.app, org.emails.coordinatorA),
    signIn(h.app, org.emails.workerB),
    signIn(h.app, org.emails.admin),
  ]);
});
afterAll(() => h.close());

describe("devices", () => {
  it("registers a device with a random AES-256 key that only its user can fetch, and wipes a revoked one", async () => {
    const res = await workerA.request({
      method: "POST",
      url: "/api/v1/sync/devices",
      payload: { label: "Telefoon Stan" },
    });
    expect(res.statusCode, res.body).toBe(201);
    const device = res.json();
    expect(Buffer.from(device.dataKey, "base64")).toHaveLength(32);
    expect(device.wipe).toBe(false);
    const again = await workerA.request({ method: "GET", url: `/api/v1/sync/devices/${device.deviceId}/key` });
    expect(again.json().dataKey).toBe(device.dataKey);
    expect(
      (await workerA2.request({ method: "GET", url: `/api/v1/sync/devices/${device.deviceId}/key` })).statusCode,
    ).toBe(404);
    const other = (
      await workerA.request({ method: "POST", url: "/api/v1/sync/devices", payload: { label: "Tweede" } })
    ).json();
    expect(other.dataKey).not.toBe(device.dataKey);

    expect(
      (await workerA.request({ method: "POST", url: `/api/v1/sync/devices/${device.deviceId}/revoke` })).statusCode,
    ).toBe(403);
    const revoked = await admin.request({ method: "POST", url: `/api/v1/sync/devices/${device.deviceId}/revoke` });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    expect(
      (await workerA.request({ method: "GET", url: `/api/v1/sync/devices/${device.deviceId}/key` })).json(),
    ).toMatchObject({ dataKey: null, wipe: true });
    expect((await pull(workerA, undefined, device.deviceId)).wipe).toBe(true);
    const before = await count(`SELECT count(*)::int AS n FROM contacts`);
    expect(await push(workerA, [mutation("contact.create", contactPayload())], device.deviceId)).toEqual({
      wipe: true,
      results: [],
    });
    expect(await count(`SELECT count(*)::int AS n FROM contacts`)).toBe(before);
    expect((await pull(workerA, undefined, other.deviceId)).wipe).toBe(false);
  });
});

describe("push", () => {
  it("applies a mutation once however often it arrives, with the same stored answer", async () => {
    const m = mutation(
      "contact.create",
      contactPayload({ newPersons: [{ id: uuidv7(), nickname: "Dubbel" }], note: "Eén keer" }),
    );
    const first = await push(workerA, [m]);
    const second = await push(workerA, [m, m]);
    expect(first.results[0]).toMatchObject({ status: "applied", replayed: false });
    expect(second.results.map((r) => r.status)).toEqual(["applied", "applied"]);
    expect(second.results.every((r) => r.replayed)).toBe(true);
    expect(second.results[0]!.outcome).toEqual(first.results[0]!.outcome);
    expect(await count(`SELECT count(*)::int AS n FROM contacts WHERE id = $1`, [m.payload.id])).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM persons WHERE nickname = 'Dubbel'`)).toBe(1);
    expect(
      await count(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'contact.created' AND entity_id = $1`, [
        m.payload.id,
      ]),
    ).toBe(1);
  });

  it("applies once when the same mutations arrive at the same time (a retry while the first try still runs)", async () => {
    const personId = uuidv7();
    await push(workerA, [mutation("person.create", { id: personId, teamId: org.teamA, nickname: "Gelijktijdig" })]);
    const batch = [
      mutation("contact.create", contactPayload({ personIds: [personId], anonymous: [] })),
      mutation("person.update", { personId, baseVersion: 1, description: "Eén keer" }),
    ];
    const answers = await Promise.all([push(workerA, batch), push(workerA, batch), push(workerA, batch)]);
    for (const a of answers) expect(a.results.map((r) => r.status)).toEqual(["applied", "applied"]);
    expect(answers.flatMap((a) => a.results).filter((r) => !r.replayed)).toHaveLength(2);
    expect(await count(`SELECT count(*)::int AS n FROM contacts WHERE id = $1`, [batch[0]!.payload.id])).toBe(1);
    expect(
      await count(`SELECT count(*)::int AS n FROM person_history WHERE person_id = $1 AND action LIKE 'updated%'`, [
        personId,
      ]),
    ).toBe(1);
  });

  it("refuses the same id with another payload and keeps it for review, once", async () => {
    const m = mutation("contact.create", contactPayload({ note: "Origineel" }));
    await push(workerA, [m]);
    const changed = { ...m, payload: { ...m.payload, note: "Gewijzigd" } };
    const res = await push(workerA, [changed]);
    expect(res.results[0]).toMatchObject({ status: "refused", problem: { status: 409, key: "conflict" } });
    await push(workerA, [changed]);
    expect(await count(`SELECT count(*)::int AS n FROM sync_review WHERE mutation_id = $1`, [m.id])).toBe(1);
    const note = await h.db.owner((tx) =>
      tx.query<{ note: string }>(`SELECT note FROM contacts WHERE id = $1`, [m.payload.id]),
    );
    expect(unseal(note[0]!.note)).toBe("Origineel"); // sealed at rest
    // Another worker reusing the id is refused too.
    expect((await push(workerA2, [m])).results[0]!.status).toBe("refused");
    const conflicts = (await coordA.request({ method: "GET", url: "/api/v1/sync/conflicts" })).json();
    const review = conflicts.filter(
      (c: { kind: string; details: { payload?: { note?: string } } }) =>
        c.kind === "refused_mutation" && c.details.payload?.note === "Gewijzigd",
    );
    expect(review).toHaveLength(1);
    const resolved = await coordA.request({ method: "POST", url: `/api/v1/sync/review/${review[0].id}/resolve` });
    expect(resolved.json().resolvedAt).not.toBeNull();
  });

  it("answers each mutation on its own: an invalid one gets a problem and blocks no other", async () => {
    const good1 = mutation("contact.create", contactPayload());
    const bad = mutation("contact.create", contactPayload({ placeId: uuidv7() }));
    const badShape = mutation("person.create", { id: uuidv7(), teamId: org.teamA });
    const foreign = mutation("contact.create", contactPayload({ teamId: org.teamB }));
    const good2 = mutation("person.create", { id: uuidv7(), teamId: org.teamA, nickname: "Goed" });
    const before = await rowCounts(h.db);
    const res = await push(workerA, [good1, bad, badShape, foreign, good2]);
    expect(res.results.map((r) => r.status)).toEqual(["applied", "rejected", "rejected", "rejected", "applied"]);
    expect(res.results[1]!.problem).toMatchObject({
      status: 422,
      errors: [{ field: "placeId", key: "field.not_found" }],
    });
    expect(res.results[2]!.problem).toMatchObject({
      status: 400,
      key: "validation",
      errors: [{ field: "nickname", key: "field.required" }],
    });
    expect(res.results[3]!.problem?.errors[0]?.field).toBe("teamId");
    const after = await rowCounts(h.db);
    expect(after.contacts! - before.contacts!).toBe(1);
    expect(after.persons! - before.persons!).toBe(1);
    // A rejection is stored too: sending it again gives the same answer.
    const again = await push(workerA, [bad]);
    expect(again.results[0]).toMatchObject({ status: "rejected", replayed: true, problem: res.results[1]!.problem });
  });

  it("keeps applying mutations written in an older format", async () => {
    const person = (
      await push(workerA, [mutation("person.create", { id: uuidv7(), teamId: org.teamA, nickname: "Oudje" })])
    ).results[0]!.outcome!.entityId;
    const id = uuidv7();
    const old = mutation(
      "contact.create",
      { id, teamId: org.teamA, placeId: org.square, at: minutesAgo(30), minutes: 25, personIds: [person] },
      1,
    );
    const edit = mutation(
      "person.update",
      { personId: person, version: 1, changes: { description: "Draagt een rode jas" } },
      1,
    );
    const res = await push(workerA, [old, edit]);
    expect(res.results.map((r) => r.status)).toEqual(["applied", "applied"]);
    const row = await h.db.owner((tx) =>
      tx.query<{ duration_minutes: number }>(`SELECT duration_minutes FROM contacts WHERE id = $1`, [id]),
    );
    expect(row[0]!.duration_minutes).toBe(25);
    const p = await h.db.owner((tx) =>
      tx.query<{ description: string }>(`SELECT description FROM persons WHERE id = $1`, [person]),
    );
    expect(unseal(p[0]!.description)).toBe("Draagt een rode jas"); // sealed at rest
    const future = await push(workerA, [
      mutation("person.create", { id: uuidv7(), teamId: org.teamA, nickname: "Later" }, SYNC_FORMAT_VERSION + 1),
    ]);
    expect(future.results[0]!.status).toBe("retry");
  });

  it("upgrades format 1 payloads to the current format", () => {
    expect(upgradePayload("contact.create", 1, { teamId: "t", at: "2026-01-01T10:00:00Z", minutes: 5 })).toEqual({
      teamId: "t",
      startedAt: "2026-01-01T10:00:00Z",
      durationMinutes: 5,
    });
    expect(upgradePayload("person.update", 1, { personId: "p", version: 3, changes: { nickname: "N" } })).toEqual({
      personId: "p",
      nickname: "N",
      baseVersion: 3,
    });
    expect(upgradePayload("person.create", 1, { nickname: "N" })).toEqual({ nickname: "N" });
    expect(upgradePayload("contact.create", SYNC_FORMAT_VERSION, { at: "x" })).toEqual({ at: "x" });
  });

  it("marks a follow-up task done once", async () => {
    const taskId = uuidv7();
    await push(workerA, [
      mutation(
        "contact.create",
        contactPayload({ followUp: { id: taskId, title: "Bellen naar OCMW", dueOn: "2026-03-05" } }),
      ),
    ]);
    expect((await pull(workerA)).tasks?.map((t) => t.id)).toContain(taskId);
    const done = await push(workerA, [mutation("task.done", { taskId }), mutation("task.done", { taskId })]);
    expect(done.results.map((r) => r.status)).toEqual(["applied", "applied"]);
    expect((await pull(workerA)).tasks?.map((t) => t.id)).not.toContain(taskId);
    expect(
      await count(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'task.done' AND entity_id = $1`, [
        taskId,
      ]),
    ).toBe(1);
    expect((await push(workerB, [mutation("task.done", { taskId })])).results[0]!.problem?.status).toBe(404);
  });
});

describe("pull", () => {
  it("starts with a snapshot, then sends only changes, never a person of another team", async () => {
    const b = (
      await push(workerB, [mutation("person.create", { id: uuidv7(), teamId: org.teamB, nickname: "VanTeamB" })])
    ).results[0]!.outcome!.entityId;
    const first = await pull(workerA);
    expect(first.snapshot).toBe(true);
    expect(first.places?.length).toBeGreaterThan(0);
    expect(first.valueLists?.length).toBeGreaterThan(0);
    expect(first.persons.map((p) => p.id)).not.toContain(b);
    const idle = await pull(workerA, first.cursor);
    expect(idle).toMatchObject({
      snapshot: false,
      persons: [],
      contacts: [],
      tombstones: [],
      places: null,
      tasks: null,
    });

    const c = contactPayload({ newPersons: [{ id: uuidv7(), nickname: "Nieuwkomer" }], note: "Eigen notitie" });
    await push(workerA, [mutation("contact.create", c)]);
    const next = await pull(workerA2, (await pull(workerA2)).cursor);
    await push(workerA, [mutation("contact.create", contactPayload({ note: "Nog een" }))]);
    const colleague = await pull(workerA2, next.cursor);
    expect(colleague.contacts).toHaveLength(1);
    expect(colleague.contacts[0]!.note).toBeNull();
    const own = await pull(workerA, idle.cursor);
    expect(own.persons.map((p) => p.nickname)).toContain("Nieuwkomer");
    expect(own.contacts.find((x) => x.id === c.id)?.note).toBe("Eigen notitie");
    expect((await pull(workerB, (await pull(workerB)).cursor)).contacts).toEqual([]);
  });

  it("sends a new snapshot when the worker joins a team, without resending unchanged reference sets", async () => {
    const b = (
      await push(workerB, [mutation("person.create", { id: uuidv7(), teamId: org.teamB, nickname: "Buurman" })])
    ).results[0]!.outcome!.entityId;
    const before = await pull(workerA);
    const membership = uuidv7();
    await h.db.owner((tx) =>
      tx.query(`INSERT INTO memberships (id, org_id, team_id, user_id, role) VALUES ($1, $2, $3, $4, 'worker')`, [
        membership,
        org.orgId,
        org.teamB,
        org.users.workerA,
      ]),
    );
    const joined = await pull(workerA, before.cursor);
    expect(joined).toMatchObject({ snapshot: true, places: null, valueLists: null });
    expect(joined.persons.map((p) => p.id)).toContain(b);
    await h.db.owner((tx) => tx.query(`UPDATE memberships SET is_active = false WHERE id = $1`, [membership]));
    const left = await pull(workerA, joined.cursor);
    expect(left.snapshot).toBe(true);
    expect(left.persons.map((p) => p.id)).not.toContain(b);
  });

  it("sends a merge made at the office as a tombstone pointing at the survivor", async () => {
    const [s, d] = [uuidv7(), uuidv7()];
    await push(workerA, [
      mutation("person.create", { id: s, teamId: org.teamA, nickname: "Marco" }),
      mutation("person.create", { id: d, teamId: org.teamA, nickname: "Marko" }),
    ]);
    const contact = contactPayload({ personIds: [d], anonymous: [] });
    await push(workerA, [mutation("contact.create", contact)]);
    const before = await pull(workerA);
    expect(before.persons.map((p) => p.id)).toEqual(expect.arrayContaining([s, d]));
    const merged = await coordA.request({
      method: "POST",
      url: `/api/v1/persons/${s}/merge`,
      payload: { duplicateId: d },
    });
    expect(merged.statusCode, merged.body).toBe(200);
    const after = await pull(workerA, before.cursor);
    expect(after.tombstones).toContainEqual({ entityType: "person", entityId: d, op: "merge", mergedIntoId: s });
    expect(after.persons.map((p) => p.id)).toContain(s);
    expect(after.contacts.find((c) => c.id === contact.id)?.personIds).toEqual([s]);
    // Undone: the duplicate comes back, and the contact points at it again.
    await coordA.request({ method: "POST", url: `/api/v1/person-merges/${merged.json().mergeId}/undo` });
    const undone = await pull(workerA, after.cursor);
    expect(undone.persons.map((p) => p.id)).toContain(d);
    expect(undone.contacts.find((c) => c.id === contact.id)?.personIds).toEqual([d]);
    expect((await pull(workerA)).persons.map((p) => p.id)).toContain(d);
  });

  it("gives a shared person with the shared field classes only, and a revoked share as a tombstone", async () => {
    const id = uuidv7();
    await push(workerA, [
      mutation("person.create", {
        id,
        teamId: org.teamA,
        nickname: "Gedeeld",
        nationality: "bg",
        description: "Lange jas",
      }),
    ]);
    await workerA.request({
      method: "POST",
      url: `/api/v1/persons/${id}/identity`,
      payload: { fullName: "Gedeeld Verzonnen" },
    });
    expect((await pull(workerA)).persons.find((p) => p.id === id)).toMatchObject({
      nationality: "bg",
      identity: { fullName: "Gedeeld Verzonnen" },
    });
    const start = await pull(workerB);
    expect(start.persons.map((p) => p.id)).not.toContain(id);
    const share = await workerA.request({
      method: "POST",
      url: `/api/v1/persons/${id}/shares`,
      payload: {
        toTeamId: org.teamB,
        fieldClasses: ["profile"],
        basis: { kind: "consent", givenOn: "2026-03-01", scope: "Doorverwijzing", how: "verbal" },
      },
    });
    expect(share.statusCode, share.body).toBe(201);
    const shared = await pull(workerB, start.cursor);
    const seen = shared.persons.find((p) => p.id === id);
    expect(seen).toMatchObject({ nickname: "Gedeeld", description: "Lange jas", nationality: null, identity: null });
    expect(JSON.stringify(shared)).not.toContain("Verzonnen");
    expect((await pull(workerB)).persons.find((p) => p.id === id)?.nationality).toBeNull();
    await workerA.request({ method: "POST", url: `/api/v1/person-shares/${share.json().id}/revoke` });
    const revoked = await pull(workerB, shared.cursor);
    expect(revoked.tombstones).toContainEqual({ entityType: "person", entityId: id, op: "revoke", mergedIntoId: null });
    expect((await pull(workerB)).persons.map((p) => p.id)).not.toContain(id);
  });

  it("sends a removed contact as a tombstone", async () => {
    const c = contactPayload();
    await push(workerA, [mutation("contact.create", c)]);
    const before = await pull(workerA);
    await workerA.request({
      method: "POST",
      url: `/api/v1/contacts/${c.id}/remove`,
      payload: { reason: "Dubbel ingevoerd" },
    });
    const after = await pull(workerA, before.cursor);
    expect(after.tombstones).toContainEqual({
      entityType: "contact",
      entityId: c.id,
      op: "delete",
      mergedIntoId: null,
    });
  });

  it("pages through a long change feed", async () => {
    const start = await pull(workerA);
    const ids = Array.from({ length: 7 }, () => uuidv7());
    await push(
      workerA,
      ids.map((id) => mutation("person.create", { id, teamId: org.teamA, nickname: `Pagina ${id.slice(-4)}` })),
    );
    const seen: string[] = [];
    let cursor = start.cursor;
    for (let i = 0; i < 10; i++) {
      const res = await workerA.request({ method: "GET", url: `/api/v1/sync/pull?cursor=${cursor}&limit=3` });
      const page = res.json();
      seen.push(...page.persons.map((p: { id: string }) => p.id));
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    expect(new Set(seen)).toEqual(new Set(ids));
  });
});

describe("conflicts", () => {
  it("lets the last edit win, keeps the overwritten value and shows it to the coordinator", async () => {
    const id = uuidv7();
    await push(workerA, [mutation("person.create", { id, teamId: org.teamA, nickname: "Twist" })]);
    const a = await push(workerA, [
      mutation("person.update", { personId: id, baseVersion: 1, description: "Van telefoon A" }),
    ]);
    const b = await push(workerA2, [
      mutation("person.update", { personId: id, baseVersion: 1, description: "Van telefoon B" }),
    ]);
    expect(a.results[0]!.outcome?.conflict).toBe(false);
    expect(b.results[0]!.outcome?.conflict).toBe(true);
    const p = await h.db.owner((tx) =>
      tx.query<{ description: string }>(`SELECT description FROM persons WHERE id = $1`, [id]),
    );
    expect(unseal(p[0]!.description)).toBe("Van telefoon B"); // sealed at rest
    const conflicts = (await coordA.request({ method: "GET", url: "/api/v1/sync/conflicts" })).json();
    expect(conflicts.find((c: { personId: string }) => c.personId === id)).toMatchObject({
      kind: "person_edit",
      nickname: "Twist",
      userId: org.users.workerA2,
      details: { description: { from: "Van telefoon A", to: "Van telefoon B" }, baseVersion: 1, serverVersion: 2 },
    });
    expect((await workerA.request({ method: "GET", url: "/api/v1/sync/conflicts" })).statusCode).toBe(403);
    const coordB = await signIn(h.app, org.emails.coordinatorB);
    const forB = (await coordB.request({ method: "GET", url: "/api/v1/sync/conflicts" })).json();
    expect(forB.find((c: { personId: string }) => c.personId === id)).toBeUndefined();
  });
});
