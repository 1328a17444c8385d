// Property: over random teams' persons, shares and revocations, no search, list, person page,
// export, sync pull or report drill-down returns a record or a field class the policy denies — and
// each allowed class does show.
import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import { addTeam, addUser, seedOrg } from "../../../test/factories.ts";
import { createHarness, type Harness, type Session, signIn } from "../../../test/harness.ts";
import { FIELD_CLASSES, type FieldClass } from "./record-policy.ts";

let h: Harness;
let org: Awaited<ReturnType<typeof seedOrg>>;
const teams: string[] = [];
const workers: Session[] = [];
let partner: Session;
let partnerId = "";
const devices: string[] = [];
let run = 0;

beforeAll(async () => {
  h = await createHarness();
  org = await seedOrg(h.db);
  await h.db.owner(async (tx) => {
    for (let t = 0; t < 3; t++) {
      const team = await addTeam(tx, org.orgId, `Eigenschapsteam ${t}`);
      teams.push(team);
      await addUser(tx, org.orgId, `t-prop-${t}@example.org`, { teams: [[team, "coordinator"]] });
    }
    partnerId = await addUser(tx, org.orgId, "t-prop-partner@example.org", { orgRoles: ["partner"] });
  });
  for (let t = 0; t < 3; t++) workers.push(await signIn(h.app, `t-prop-${t}@example.org`));
  partner = await signIn(h.app, "t-prop-partner@example.org");
  for (const w of workers)
    devices.push(
      (await w.request({ method: "POST", url: "/api/v1/sync/devices", payload: { label: "Telefoon" } })).json()
        .deviceId,
    );
});

interface PulledPerson {
  id: string;
  nickname: string;
  description: string | null;
  nationality: string | null;
  identity: unknown;
}
/** A fresh device's first pull (a snapshot of the working set), all pages. */
async function pullAll(viewer: Session, deviceId: string) {
  const persons: PulledPerson[] = [];
  const contacts: { id: string; teamId: string; note: string | null }[] = [];
  let cursor: string | undefined;
  for (;;) {
    const qs = new URLSearchParams({ deviceId, limit: "5000", ...(cursor ? { cursor } : {}) });
    const res = await viewer.request({ method: "GET", url: `/api/v1/sync/pull?${qs}` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    persons.push(...body.persons);
    contacts.push(...body.contacts);
    if (!body.hasMore) return { persons, contacts };
    cursor = body.cursor;
  }
}
afterAll(() => h.close());

const shareArb = fc.record({
  person: fc.nat({ max: 3 }),
  to: fc.integer({ min: 0, max: 3 }), // 3 = the partner
  classes: fc.subarray([...FIELD_CLASSES], { minLength: 1 }),
  revoked: fc.boolean(),
});
const scenario = fc.record({
  owners: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 4 }),
  shares: fc.array(shareArb, { maxLength: 5 }),
});

it("never shows what the policy denies", async () => {
  await fc.assert(
    fc.asyncProperty(scenario, async ({ owners, shares }) => {
      run++;
      const tag = `prop${run}x`;
      const people = [] as { id: string; owner: number; contactId: string }[];
      for (const [i, owner] of owners.entries()) {
        const s = workers[owner]!;
        const id = (
          await s.request({
            method: "POST",
            url: "/api/v1/persons",
            payload: { teamId: teams[owner], nickname: `${tag}${i}`, description: "d", nationality: "pl" },
          })
        ).json().id;
        await s.request({
          method: "POST",
          url: `/api/v1/persons/${id}/identity`,
          payload: { fullName: "Verzonnen Naam" },
        });
        await s.request({
          method: "POST",
          url: `/api/v1/persons/${id}/notes`,
          payload: { teamId: teams[owner], body: "n" },
        });
        const contact = await s.request({
          method: "POST",
          url: "/api/v1/contacts",
          payload: {
            teamId: teams[owner],
            placeId: org.square,
            personIds: [id],
            durationMinutes: 5,
            startedAt: new Date(h.clock.now().getTime() - 60_000).toISOString(),
            note: `noot ${tag}`,
          },
        });
        people.push({ id, owner, contactId: contact.json().id });
      }
      // The model: viewer v (0..2 teams, 3 partner) may read these classes of each person.
      const model = people.map((p) => [0, 1, 2, 3].map((v) => new Set<FieldClass>(v === p.owner ? FIELD_CLASSES : [])));
      for (const sh of shares) {
        const p = people[sh.person % people.length]!;
        if (sh.to === p.owner) continue;
        const recipient = sh.to === 3 ? { toUserId: partnerId } : { toTeamId: teams[sh.to] };
        const res = await workers[p.owner]!.request({
          method: "POST",
          url: `/api/v1/persons/${p.id}/shares`,
          payload: {
            ...recipient,
            fieldClasses: sh.classes,
            basis: { kind: "consent", givenOn: "2026-01-02", scope: "begeleiding", how: "verbal" },
          },
        });
        expect(res.statusCode).toBe(201);
        if (sh.revoked)
          await workers[p.owner]!.request({ method: "POST", url: `/api/v1/person-shares/${res.json().id}/revoke` });
        else for (const c of sh.classes) model[people.indexOf(p)]![sh.to]!.add(c);
      }
      const viewers = [...workers, partner];
      for (const [v, viewer] of viewers.entries()) {
        for (const [i, p] of people.entries()) {
          const allowed = model[i]![v]!;
          const res = await viewer.request({ method: "GET", url: `/api/v1/persons/${p.id}` });
          if (!allowed.size) {
            expect(res.statusCode).toBe(404);
            continue;
          }
          expect(res.statusCode).toBe(200);
          const body = res.json();
          const shown = new Set<FieldClass>();
          if (body.person.description) shown.add("profile");
          if (body.person.nationality) shown.add("sensitive");
          if (body.person.identity) shown.add("identity");
          if (body.timeline.some((t: { kind: string }) => t.kind === "note")) shown.add("notes");
          expect([...shown].sort()).toEqual([...allowed].sort());
        }
        if (v === 3) continue;
        const search = (await viewer.request({ method: "GET", url: `/api/v1/persons?q=${tag}&limit=100` }))
          .json()
          .items.map((x: { id: string }) => x.id);
        expect(search.sort()).toEqual(
          people
            .filter((p) => p.owner === v)
            .map((p) => p.id)
            .sort(),
        );
        const listed = (await viewer.request({ method: "GET", url: "/api/v1/contacts?limit=200" })).json().items;
        for (const c of listed) expect(c.teamId).toBe(teams[v]);
        const csv = (
          await viewer.request({ method: "GET", url: "/api/v1/contacts/export?format=csv&includeNotes=true" })
        ).body;
        const notesInCsv = (csv.match(new RegExp(`noot ${tag}`, "g")) ?? []).length;
        expect(notesInCsv).toBe(people.filter((p) => p.owner === v).length);

        // Sync pull: the phone receives exactly the persons the policy allows, cut to their classes,
        // and contact notes only of the team's own contacts.
        const pulled = await pullAll(viewer, devices[v]!);
        const mine = pulled.persons.filter((p) => p.nickname?.startsWith(tag));
        expect(mine.map((p) => p.id).sort()).toEqual(
          people
            .filter((_, i) => model[i]![v]!.size > 0)
            .map((p) => p.id)
            .sort(),
        );
        for (const p of mine) {
          const allowed = model[people.findIndex((x) => x.id === p.id)]![v]!;
          if (p.identity) expect(allowed.has("identity")).toBe(true);
          if (p.nationality) expect(allowed.has("sensitive")).toBe(true);
          if (p.description) expect(allowed.has("profile")).toBe(true);
        }
        for (const c of pulled.contacts) if (c.note) expect(c.teamId).toBe(teams[v]);

        // Report drill-down: a coordinator reaches only the own team's contacts, never another's.
        const ownContacts = new Set(people.filter((p) => p.owner === v).map((p) => p.contactId));
        const otherContacts = new Set(people.filter((p) => p.owner !== v).map((p) => p.contactId));
        for (const team of teams) {
          const drill = await viewer.request({
            method: "GET",
            url: `/api/v1/reports/drill?dimension=team&key=${team}&limit=200`,
          });
          if (drill.statusCode !== 200) {
            expect([403, 404]).toContain(drill.statusCode);
            continue;
          }
          for (const item of drill.json().items as { id: string }[]) expect(otherContacts.has(item.id)).toBe(false);
          if (team === teams[v] && !drill.json().truncated) {
            const ids = new Set((drill.json().items as { id: string }[]).map((x) => x.id));
            for (const id of ownContacts) expect(ids.has(id)).toBe(true);
          }
        }
      }
      // The partner has no phone working set and no figures.
      expect((await partner.request({ method: "GET", url: "/api/v1/sync/pull" })).statusCode).toBe(403);
      expect((await partner.request({ method: "GET", url: "/api/v1/reports/drill?dimension=team" })).statusCode).toBe(
        403,
      );
    }),
    { numRuns: 25 },
  );
});
