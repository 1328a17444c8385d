// The generated authorisation matrix: every API route discovered from the router x every role, and
// every role x relation x action x field class on person records, against the policy tables.
// Zero mismatches, or the test names each one.
import { uuidv7 } from "@vindplaats/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, seedOrg } from "../../../test/factories.ts";
import { createHarness, type Harness, type Session, signIn } from "../../../test/harness.ts";
import { signInFully } from "../../../test/second-factor.ts";
import { PERMISSIONS, type Permission } from "./policy.ts";
import { allowedFieldClasses, type FieldClass, type RecordRole, type Relation } from "./record-policy.ts";

let h: Harness;
let org: Awaited<ReturnType<typeof seedOrg>>;
const sessions = {} as Record<RecordRole, Session>;
const ROLES: RecordRole[] = ["worker", "coordinator", "director", "admin", "dpo", "partner"];
const SESSION_ENDING = ["/api/v1/auth/sign-out", "/api/v1/auth/sign-out-everywhere"];

beforeAll(async () => {
  h = await createHarness();
  org = await seedOrg(h.db);
  await h.db.owner((tx) => addUser(tx, org.orgId, "t-partner@example.org", { orgRoles: ["partner"] }));
  const emails: Record<RecordRole, string> = {
    worker: org.emails.workerA,
    coordinator: org.emails.coordinatorA,
    director: org.emails.director,
    admin: org.emails.admin,
    dpo: org.emails.dpo,
    partner: "t-partner@example.org",
  };
  for (const role of ROLES) sessions[role] = await signIn(h.app, emails[role]);
});
afterAll(() => h.close());

describe("route x role", () => {
  it("classifies every authenticated route with a permission of the policy", () => {
    const routes = h.app.routeTable.filter((r) => r.url.startsWith("/api/v1/") && r.access === "authenticated");
    expect(routes.length).toBeGreaterThan(40);
    for (const r of routes) expect(Object.keys(PERMISSIONS), `${r.method} ${r.url}`).toContain(r.permission);
  });

  it("allows exactly the roles the policy names, on every route", async () => {
    const mismatches: string[] = [];
    const routes = h.app.routeTable.filter((r) => r.url.startsWith("/api/v1/") && r.access === "authenticated");
    for (const route of routes) {
      if (SESSION_ENDING.includes(route.url)) continue; // would end the sessions under test
      const allowed: readonly string[] = PERMISSIONS[route.permission as Permission];
      const url = route.url.replace(/:id\b/g, uuidv7()).replace(":list", "life_domain").replace(":code", "housing");
      for (const role of ROLES) {
        const res = await sessions[role].request({
          method: route.method as "GET",
          url,
          ...(route.method === "GET" ? {} : { payload: {} }),
        });
        const denied = res.statusCode === 403 && res.json().key === "forbidden";
        if (denied === allowed.includes(role))
          mismatches.push(`${role} ${route.method} ${route.url}: ${res.statusCode}`);
        if (res.statusCode >= 500)
          mismatches.push(`${role} ${route.method} ${route.url}: ${res.statusCode} ${res.body}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe("unfinished sign-in x route", () => {
  // A password without its second factor, or without the enrolment the rule asks for, reaches only
  // the routes of that step (allowPending); every other route answers 403 naming the step.
  it("answers every other route with the step still to give, and lets the step's own routes through", async () => {
    const stepOrg = await seedOrg(h.db, "step", { secondFactor: "privileged" });
    await signInFully(h.app, h.clock, new Map(), stepOrg.emails.coordinatorA);
    const pending = {
      second_factor: await signIn(h.app, stepOrg.emails.coordinatorA),
      enrolment: await signIn(h.app, stepOrg.emails.coordinatorB),
    };
    const routes = h.app.routeTable.filter((r) => r.url.startsWith("/api/v1/") && r.access === "authenticated");
    const mismatches: string[] = [];
    for (const [step, session] of Object.entries(pending)) {
      for (const route of routes) {
        if (SESSION_ENDING.includes(route.url)) continue;
        const url = route.url.replace(/:id\b/g, uuidv7()).replace(":list", "life_domain").replace(":code", "housing");
        const res = await session.request({
          method: route.method as "GET",
          url,
          ...(route.method === "GET" ? {} : { payload: {} }),
        });
        const refused =
          res.statusCode === 403 &&
          res.json().key === (step === "enrolment" ? "enrolment_required" : "second_factor_required");
        const allowed = route.allowPending?.includes(step) ?? false;
        if (refused === allowed || res.statusCode >= 500)
          mismatches.push(`${step} ${route.method} ${route.url}: ${res.statusCode}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(routes.filter((r) => r.allowPending?.length).length).toBeGreaterThan(6);
  });
});

describe("role x relation x action x field class", () => {
  const persons = {} as Record<Relation, string>;
  const shareClasses: FieldClass[] = ["profile", "notes"];

  beforeAll(async () => {
    const workerA2 = await signIn(h.app, org.emails.workerA2);
    const workerB = await signIn(h.app, org.emails.workerB);
    const make = async (s: Session, teamId: string, nickname: string) => {
      const id = (
        await s.request({
          method: "POST",
          url: "/api/v1/persons",
          payload: { teamId, nickname, description: "beschrijving", nationality: "pl" },
        })
      ).json().id as string;
      await s.request({
        method: "POST",
        url: `/api/v1/persons/${id}/identity`,
        payload: { fullName: `${nickname} Verzonnen` },
      });
      await s.request({
        method: "POST",
        url: `/api/v1/persons/${id}/notes`,
        payload: { teamId, body: `notitie over ${nickname}` },
      });
      return id;
    };
    const share = (s: Session, id: string, body: Record<string, unknown>) =>
      s.request({
        method: "POST",
        url: `/api/v1/persons/${id}/shares`,
        payload: {
          fieldClasses: shareClasses,
          basis: { kind: "consent", givenOn: "2026-01-02", scope: "begeleiding", how: "written" },
          ...body,
        },
      });
    const partnerId = (await sessions.partner.request({ method: "GET", url: "/api/v1/auth/session" })).json().user.id;
    persons.own = await make(sessions.worker, org.teamA, "Eigen");
    persons.same_team = await make(workerA2, org.teamA, "Teamgenoot");
    persons.other_team = await make(workerB, org.teamB, "Andersteam");
    persons.shared = await make(workerB, org.teamB, "Gedeeld");
    await share(workerB, persons.shared, { toTeamId: org.teamA });
    await share(workerB, persons.shared, { toUserId: partnerId });
    persons.share_revoked = await make(workerB, org.teamB, "Ingetrokken");
    for (const body of [{ toTeamId: org.teamA }, { toUserId: partnerId }]) {
      const s = (await share(workerB, persons.share_revoked, body)).json();
      await workerB.request({ method: "POST", url: `/api/v1/person-shares/${s.id}/revoke` });
    }
    persons.share_expired = await make(workerB, org.teamB, "Verlopen");
    for (const body of [{ toTeamId: org.teamA }, { toUserId: partnerId }])
      await share(workerB, persons.share_expired, body);
    await h.db.owner((tx) =>
      tx.query(`UPDATE person_shares SET expires_at = now() - interval '1 day' WHERE person_id = $1`, [
        persons.share_expired,
      ]),
    );
    persons.break_glass = await make(workerB, org.teamB, "Noodtoegang");
    for (const role of ["worker", "coordinator"] as const) {
      await sessions[role].request({
        method: "POST",
        url: `/api/v1/persons/${persons.break_glass}/break-glass`,
        payload: { reason: "Dringende medische situatie op straat, contactgegevens nodig." },
      });
    }
  });

  /** Which field classes a person page actually showed. */
  function shownClasses(body: {
    person: { description: string | null; nationality: string | null; identity: unknown };
    timeline: { kind: string }[];
  }): Set<FieldClass> {
    const out = new Set<FieldClass>();
    if (body.person.description) out.add("profile");
    if (body.person.nationality) out.add("sensitive");
    if (body.person.identity) out.add("identity");
    if (body.timeline.some((t) => t.kind === "note")) out.add("notes");
    return out;
  }

  it("shows and lets change exactly what the policy allows: 0 mismatches", async () => {
    const mismatches: string[] = [];
    const relationFor = (role: RecordRole, rel: Relation): Relation => {
      // Organisation roles belong to no team: every record stands to them as another team's, except
      // what was shared with a partner personally.
      if (role === "worker" || role === "coordinator")
        return rel === "own" && role === "coordinator" ? "same_team" : rel;
      if (role === "partner" && ["shared", "share_revoked", "share_expired"].includes(rel)) return rel;
      return "other_team";
    };
    for (const role of ROLES) {
      for (const [rel, personId] of Object.entries(persons) as [Relation, string][]) {
        const relation = relationFor(role, rel);
        const expectRead = allowedFieldClasses([role], relation, "read", shareClasses);
        const expectWrite = allowedFieldClasses([role], relation, "write", shareClasses).has("profile");
        const read = await sessions[role].request({ method: "GET", url: `/api/v1/persons/${personId}` });
        const shown = read.statusCode === 200 ? shownClasses(read.json()) : new Set<FieldClass>();
        if (read.statusCode !== 200 && read.statusCode !== 404 && read.statusCode !== 403)
          mismatches.push(`${role}/${relation} read: ${read.statusCode}`);
        if ([...shown].sort().join() !== [...expectRead].sort().join()) {
          mismatches.push(`${role}/${relation} read: shown [${[...shown]}], policy [${[...expectRead]}]`);
        }
        const write = await sessions[role].request({
          method: "PATCH",
          url: `/api/v1/persons/${personId}`,
          payload: { description: `gewijzigd door ${role}` },
        });
        if ((write.statusCode === 200) !== expectWrite)
          mismatches.push(`${role}/${relation} write: ${write.statusCode}, policy ${expectWrite}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
