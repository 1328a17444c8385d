// The seed's figures from fictional data built through the API: 195 address cases opened between
// 1 September 2011 and 20 January 2013; as of 21 January 2013, 68 active addresses of which 16 with
// a nuisance component. Traps around the edges prove the period and as-of queries are exact: cases
// opened just outside the period, closed on the day itself or just after it, complaints received or
// resolved the day after, open complaints on closed cases, another team's cases.
import { addDays } from "@vindplaats/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg } from "../../../test/factories.ts";
import { createHarness, type Harness, type Session, signIn } from "../../../test/harness.ts";

let h: Harness;
let org: Awaited<ReturnType<typeof seedOrg>>;
let steward: Session;
let streetWorker: Session;

const FROM = "2011-09-01";
const TO = "2013-01-20";
const AS_OF = "2013-01-21";
const CHANNELS = [
  "local_police",
  "local_police",
  "local_police",
  "city_services",
  "integration_agency",
  "own_contacts",
  "schools",
  "police",
];
const THEMES = ["waste", "noise", "waste", "noise", "overcrowding", "hygiene"];
let street = 0;

async function ok(s: Session, method: "POST" | "GET", url: string, payload?: Record<string, unknown>) {
  const res = await s.request({ method, url, ...(payload ? { payload } : {}) });
  if (res.statusCode >= 300)
    throw new Error(`${method} ${url} ${JSON.stringify(payload)}: ${res.statusCode} ${res.body}`);
  return res.json();
}

function addressFor(i: number) {
  // Every seventh address lies outside the organisation's neighbourhoods, flagged as such.
  if (i % 7 === 6) return { street: `Buitenweg`, houseNumber: String(++street), postcode: "9050", isOutside: true };
  return {
    street: `Teststraat`,
    houseNumber: String(++street),
    postcode: "9000",
    neighbourhoodId: i % 2 ? org.north : org.south,
  };
}

async function openCase(s: Session, teamId: string, i: number, openedOn: string, complaint?: { theme: string }) {
  return ok(s, "POST", "/api/v1/cases", {
    teamId,
    intakeChannel: CHANNELS[i % CHANNELS.length],
    openedOn,
    ...addressFor(i),
    ...(complaint ? { complaint: { receivedOn: openedOn, theme: complaint.theme, source: "neighbour" } } : {}),
  });
}

const close = (id: string, on: string) =>
  ok(steward, "POST", `/api/v1/cases/${id}/close`, { reason: "nuisance_solved", on });
const firstComplaint = async (id: string) =>
  (await ok(steward, "GET", `/api/v1/cases/${id}`)).complaints[0].id as string;

beforeAll(async () => {
  h = await createHarness();
  h.clock.set("2013-03-01T10:00:00Z");
  org = await seedOrg(h.db);
  steward = await signIn(h.app, org.emails.workerB);
  streetWorker = await signIn(h.app, org.emails.workerA);

  // 180 cases opened directly, spread over the 507 days of the period, both ends included.
  const direct: { id: string; openedOn: string }[] = [];
  for (let i = 0; i < 180; i++) {
    const openedOn = addDays(FROM, Math.floor((i * 507) / 179));
    const nuisance = (i >= 127 && i <= 141) || i === 148 || (i >= 143 && i <= 146) || i <= 5;
    const c = await openCase(
      steward,
      org.teamB,
      i,
      openedOn,
      nuisance ? { theme: THEMES[i % THEMES.length]! } : undefined,
    );
    direct.push({ id: c.id, openedOn });
    if (i <= 50 || (i >= 127 && i <= 150))
      await ok(steward, "POST", `/api/v1/cases/${c.id}/activate`, { on: addDays(openedOn, 3) });
  }
  expect(direct[0]!.openedOn).toBe(FROM);
  expect(direct[179]!.openedOn).toBe(TO);

  // 15 families move (from cases 0, 9, ..., 126): 15 cases close as "moved", 15 open in the period.
  const sources = new Set(Array.from({ length: 15 }, (_, j) => j * 9));
  const moved: string[] = [];
  for (const i of sources) {
    const on = addDays(direct[i]!.openedOn, 30);
    const c = await ok(steward, "POST", `/api/v1/cases/${direct[i]!.id}/move`, { ...addressFor(i + 1), on });
    moved.push(c.id);
  }
  // The 112 other cases among the first 127 close by the reference day; six (120-125) on the day itself.
  for (let i = 0; i < 127; i++) {
    if (sources.has(i)) continue;
    await close(direct[i]!.id, i >= 120 ? AS_OF : addDays(direct[i]!.openedOn, 60));
  }
  // Ten active cases close after the reference day: still active on it.
  for (let i = 170; i < 180; i++) await close(direct[i]!.id, addDays(AS_OF, 1 + (i - 170)));

  // Complaints: resolved by the day (no nuisance), received the day after (no nuisance then),
  // resolved the day after (still nuisance on the day), resolved on a moved-into case.
  for (let i = 143; i <= 146; i++)
    await ok(steward, "POST", `/api/v1/case-complaints/${await firstComplaint(direct[i]!.id)}/resolve`, {
      on: addDays(direct[i]!.openedOn, 10),
    });
  await ok(steward, "POST", `/api/v1/cases/${direct[147]!.id}/complaints`, {
    receivedOn: addDays(AS_OF, 1),
    theme: "noise",
    source: "police",
  });
  await ok(steward, "POST", `/api/v1/case-complaints/${await firstComplaint(direct[148]!.id)}/resolve`, {
    on: addDays(AS_OF, 1),
  });
  const onMoved = await ok(steward, "POST", `/api/v1/cases/${moved[0]}/complaints`, {
    receivedOn: "2011-10-15",
    theme: "waste",
    source: "neighbour",
  });
  await ok(steward, "POST", `/api/v1/case-complaints/${onMoved.id}/resolve`, { on: "2011-11-01" });

  // Outside the period: three cases before it (closed before the day, one with an open complaint),
  // three after the reference day; and cases of another team inside the period.
  for (let i = 0; i < 3; i++) {
    const c = await openCase(
      steward,
      org.teamB,
      200 + i,
      addDays("2011-08-20", i),
      i === 0 ? { theme: "waste" } : undefined,
    );
    await close(c.id, "2011-12-01");
  }
  for (let i = 0; i < 3; i++) await openCase(steward, org.teamB, 210 + i, addDays(AS_OF, 1 + i));
  for (let i = 0; i < 4; i++) await openCase(streetWorker, org.teamA, 220 + i, "2012-06-01", { theme: "noise" });
}, 300_000);
afterAll(() => h.close());

describe("case figures", () => {
  it("reports 195 cases opened in the period and, as of 21 January 2013, 68 active addresses of which 16 with nuisance", async () => {
    const f = await ok(steward, "GET", `/api/v1/cases/figures?teamId=${org.teamB}&from=${FROM}&to=${TO}&asOf=${AS_OF}`);
    expect(f.opened.total).toBe(195);
    expect(f.active).toEqual({ total: 68, withNuisance: 16, withoutNuisance: 52 });
  });

  it("is exact at the edges of the period and of the day", async () => {
    const on = async (asOf: string) =>
      (await ok(steward, "GET", `/api/v1/cases/figures?teamId=${org.teamB}&asOf=${asOf}&from=${FROM}&to=${TO}`)).active;
    // The day after, one active case closes and one opens; the day before, the six closed on the 21st were active.
    expect((await on("2013-01-22")).total).toBe(68);
    expect((await on("2013-01-20")).total).toBe(68 + 6);
    expect(await on("2011-08-31")).toEqual({ total: 3, withNuisance: 1, withoutNuisance: 2 });
    const shifted = await ok(
      steward,
      "GET",
      `/api/v1/cases/figures?teamId=${org.teamB}&from=2011-09-02&to=2013-01-19&asOf=${AS_OF}`,
    );
    expect(shifted.opened.total).toBe(193);
  });

  it("breaks the period down by intake channel and neighbourhood, and complaints by theme", async () => {
    const f = await ok(steward, "GET", `/api/v1/cases/figures?teamId=${org.teamB}&from=${FROM}&to=${TO}&asOf=${AS_OF}`);
    const rows = f.opened.rows as { intakeChannel: string; neighbourhoodId: string | null; count: number }[];
    expect(rows.reduce((n, r) => n + r.count, 0)).toBe(195);
    const byChannel = (code: string) => rows.filter((r) => r.intakeChannel === code).reduce((n, r) => n + r.count, 0);
    // Direct cases cycle through the channels; moved-into cases keep the channel of the case they came from.
    const expected = (code: string) =>
      Array.from({ length: 180 }, (_, i) => i).filter((i) => CHANNELS[i % CHANNELS.length] === code).length +
      Array.from({ length: 15 }, (_, j) => j * 9).filter((i) => CHANNELS[i % CHANNELS.length] === code).length;
    expect(byChannel("local_police")).toBe(expected("local_police"));
    expect(byChannel("police")).toBe(expected("police"));
    expect(rows.filter((r) => r.neighbourhoodId === null).reduce((n, r) => n + r.count, 0)).toBeGreaterThan(0);
    const themes = Object.fromEntries(
      (f.complaintsByTheme as { theme: string; count: number }[]).map((t) => [t.theme, t.count]),
    );
    expect(Object.values(themes).reduce((a, b) => a + b, 0)).toBe(26 + 1); // 26 opened with a complaint, one on a moved-into case
    expect(themes.waste).toBeGreaterThan(themes.overcrowding ?? 0);
  });

  it("counts only the caller's teams; another team sees its own", async () => {
    const f = await ok(streetWorker, "GET", `/api/v1/cases/figures?from=${FROM}&to=${TO}&asOf=${AS_OF}`);
    expect(f.opened.total).toBe(4);
    expect(f.active).toEqual({ total: 4, withNuisance: 4, withoutNuisance: 0 });
    expect(
      (await streetWorker.request({ method: "GET", url: `/api/v1/cases/figures?teamId=${org.teamB}` })).statusCode,
    ).toBe(422);
  });
});
