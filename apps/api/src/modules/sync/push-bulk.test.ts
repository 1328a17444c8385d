// The bulk path of the push (contacts-bulk.ts): a queue of plain new contacts goes in per run, with
// the same rows, answers, audit trail and change feed as registering them one by one, a failing
// contact still gets registerContact's exact problem, and a second delivery replays every answer.
import { SYNC_FORMAT_VERSION } from "@vindplaats/contracts";
import { uuidv7 } from "@vindplaats/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg } from "../../../test/factories.ts";
import { createHarness, type Harness, type Session, signIn } from "../../../test/harness.ts";

let h: Harness;
let org: Awaited<ReturnType<typeof seedOrg>>;
let worker: Session;
let person: string;

const minutesAgo = (m: number) => new Date(h.clock.now().getTime() - m * 60_000).toISOString();
const mutation = (kind: string, payload: Record<string, unknown>) => ({
  id: uuidv7(),
  kind,
  formatVersion: SYNC_FORMAT_VERSION,
  payload,
});
const contact = (extra: Record<string, unknown> = {}) => ({
  id: uuidv7(),
  teamId: org.teamA,
  placeId: org.square,
  startedAt: minutesAgo(30),
  durationMinutes: 10,
  personIds: [person],
  lifeDomains: ["housing"],
  actions: ["direct_help"],
  note: "Notitie in bulk",
  ...extra,
});

interface PushResult {
  id: string;
  status: string;
  replayed: boolean;
  outcome: { entityType: string; entityId: string; version: number } | null;
  problem: { status: number; key: string; errors: { field: string; key: string }[] } | null;
}
async function push(mutations: unknown[]): Promise<PushResult[]> {
  const res = await worker.request({ method: "POST", url: "/api/v1/sync/push", payload: { mutations } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().results;
}

const view = async (id: string) => {
  const res = await worker.request({ method: "GET", url: `/api/v1/contacts/${id}` });
  expect(res.statusCode, res.body).toBe(200);
  const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = res.json();
  return rest;
};

beforeAll(async () => {
  h = await createHarness();
  h.clock.set("2026-03-02T09:00:00Z");
  org = await seedOrg(h.db, "bulk");
  worker = await signIn(h.app, org.emails.workerA);
  const created = await worker.request({
    method: "POST",
    url: "/api/v1/persons",
    payload: { id: uuidv7(), teamId: org.teamA, nickname: "Bulkgast" },
  });
  expect(created.statusCode, created.body).toBe(201);
  person = created.json().id;
});
afterAll(() => h.close());

describe("bulk push of plain contacts", () => {
  it("stores what registering one by one stores, and stops a run at a contact that fails its checks", async () => {
    const direct = contact();
    const posted = await worker.request({ method: "POST", url: "/api/v1/contacts", payload: direct });
    expect(posted.statusCode, posted.body).toBe(201);

    const same = mutation("contact.create", contact());
    const anonymous = mutation("contact.create", contact({ personIds: [], anonymous: [{ count: 2 }], note: null }));
    const unknownPerson = mutation("contact.create", contact({ personIds: [uuidv7()] }));
    const inactiveCode = mutation("contact.create", contact({ lifeDomains: ["no_such_domain"] }));
    const later = mutation("contact.create", contact({ startedAt: minutesAgo(5) }));
    const withNewPerson = mutation(
      "contact.create",
      contact({ newPersons: [{ id: uuidv7(), nickname: "Nieuw in bulk" }] }),
    );
    const batch = [same, anonymous, unknownPerson, inactiveCode, later, withNewPerson];
    const results = await push(batch);
    expect(results.map((r) => r.status)).toEqual(["applied", "applied", "rejected", "rejected", "applied", "applied"]);
    expect(results[2]!.problem).toMatchObject({
      status: 422,
      errors: [{ field: "personIds", key: "field.not_found" }],
    });
    expect(results[3]!.problem?.errors[0]?.field).toBe("lifeDomains");
    expect(results[0]!.outcome).toMatchObject({ entityType: "contact", entityId: same.payload.id, version: 1 });

    // The same contact through the bulk path and through POST /api/v1/contacts reads back the same.
    expect(await view(same.payload.id as string)).toEqual(await view(direct.id));
    expect(await view(anonymous.payload.id as string)).toMatchObject({ personIds: [], anonymousTotal: 2, note: null });

    const applied = [same, anonymous, later, withNewPerson].map((m) => m.payload.id as string);
    const rows = await h.db.owner(async (tx) => ({
      audit: await tx.query<{ entity_id: string; n: number }>(
        `SELECT entity_id, count(*)::int AS n FROM audit_events WHERE action = 'contact.created' AND entity_id = ANY($1::uuid[]) GROUP BY entity_id`,
        [applied],
      ),
      feed: await tx.query<{ entity_id: string }>(
        `SELECT DISTINCT entity_id FROM sync_changes WHERE entity_type = 'contact' AND team_id = $2 AND entity_id = ANY($1::uuid[])`,
        [applied, org.teamA],
      ),
      answers: await tx.query<{ id: string; status: string }>(
        `SELECT id, status FROM sync_mutations WHERE id = ANY($1::uuid[]) ORDER BY id`,
        [batch.map((m) => m.id)],
      ),
      seen: await tx.query<{ last_seen_at: Date; last_worker_id: string }>(
        `SELECT last_seen_at, last_worker_id FROM person_teams WHERE person_id = $1 AND team_id = $2`,
        [person, org.teamA],
      ),
      notes: await tx.query<{ note: string | null }>(`SELECT note FROM contacts WHERE id = $1`, [same.payload.id]),
    }));
    expect(rows.audit.map((r) => r.n)).toEqual([1, 1, 1, 1]);
    expect(rows.feed).toHaveLength(4);
    expect(rows.answers.map((r) => r.status).sort()).toEqual([
      "applied",
      "applied",
      "applied",
      "applied",
      "rejected",
      "rejected",
    ]);
    // The person stays known to the team, met last by this worker, as one by one would leave it.
    expect(rows.seen).toEqual([{ last_seen_at: expect.any(Date), last_worker_id: org.users.workerA }]);
    expect(rows.notes[0]!.note).not.toContain("Notitie"); // sealed at rest

    // A second delivery of the whole batch: every answer replayed, nothing written twice.
    const again = await push(batch);
    expect(again.map((r) => r.status)).toEqual(results.map((r) => r.status));
    expect(again.every((r) => r.replayed)).toBe(true);
    expect(again.map((r) => r.outcome)).toEqual(results.map((r) => r.outcome));
    const count = await h.db.owner((tx) =>
      tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM contacts WHERE id = ANY($1::uuid[])`, [applied]),
    );
    expect(count[0]!.n).toBe(4);
  });

  it("answers a contact id repeated inside a run as registerContact does: with the stored contact", async () => {
    const first = mutation("contact.create", contact());
    const reused = mutation("contact.create", { ...contact(), id: first.payload.id });
    const after = mutation("contact.create", contact());
    const results = await push([first, reused, after]);
    expect(results.map((r) => r.status)).toEqual(["applied", "applied", "applied"]);
    // The reused id comes back as what was stored the first time (registerContact's retry answer).
    expect(results[1]!.outcome?.entityId).toBe(first.payload.id);
  });
});
