// Every figure of the catalogue against hand-computed numbers (figures.fixtures.ts): merged persons,
// anonymous head counts, contacts just before and after midnight in Brussels, a case active across
// the year end, the data timestamp, and suppressed cells with their complementary cells.
import { type Figure, METRICS, type MetricDefinition } from "@vindplaats/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg } from "../../../test/factories.ts";
import { createHarness, type Harness } from "../../../test/harness.ts";
import { activeCasesAsOf } from "../cases/cases.queries.ts";
import { seedFigures } from "./figures.fixtures.ts";
import { computeFigures } from "./figures.ts";
import type { Selection } from "./reports.queries.ts";

let h: Harness;
let org: Awaited<ReturnType<typeof seedOrg>>;
let ids: Awaited<ReturnType<typeof seedFigures>>;

beforeAll(async () => {
  h = await createHarness();
  org = await seedOrg(h.db);
  ids = await seedFigures(h.db, org);
});
afterAll(() => h.close());

const ALL = METRICS as readonly MetricDefinition[];

function selection(over: Partial<Selection> = {}): Selection {
  return {
    orgId: org.orgId,
    from: "2025-01-01",
    to: "2025-12-31",
    teamIds: [org.teamA, org.teamB],
    allTeams: true,
    neighbourhoodId: null,
    asOf: new Date("2026-03-01T00:00:00Z"),
    ...over,
  };
}

async function figures(over: Partial<Selection> = {}, suppress = false): Promise<Map<string, Figure>> {
  const list = await h.db.transaction({ orgId: org.orgId, userId: null, purpose: "figures" }, (tx) =>
    computeFigures(tx, selection(over), ALL, { locale: "nl", suppress }),
  );
  return new Map(list.map((f) => [f.metric, f]));
}

/** A series as { key: value } (raw), or { key: display } when suppressed. */
const rows = (f: Figure | undefined, display = false) =>
  Object.fromEntries((f?.rows ?? []).map((r) => [r.key, display ? r.total.display : r.total.value]));
const nonZero = (f: Figure | undefined) => Object.fromEntries(Object.entries(rows(f)).filter(([, v]) => v !== 0));

describe("figures for 2025, the whole department, data as of 1 March 2026", () => {
  let f: Map<string, Figure>;
  beforeAll(async () => {
    f = await figures();
  });

  it("counts contacts, with the late registration and without the removed one", () => {
    // C1 C2 C3 C4 C6 C7 and C10 (registered 2 February 2026); not C5 (2024), C8 (2026), C9 (removed).
    expect(f.get("contacts_total")!.total.value).toBe(7);
    expect(rows(f.get("contacts_by_team"))).toEqual({ [org.teamA]: 5, [org.teamB]: 2 });
  });

  it("reads month, weekday and hour on the Brussels clock: 23:59 on 31 December and 00:30 on 1 January are 2025", () => {
    expect(nonZero(f.get("contacts_by_month"))).toEqual({ "1": 1, "3": 2, "6": 1, "7": 1, "11": 1, "12": 1 });
    expect(nonZero(f.get("contacts_by_hour"))).toEqual({ "0": 1, "9": 1, "10": 1, "11": 1, "14": 1, "22": 1, "23": 1 });
    // Monday 10 March (x2), Tuesday 1 July, Wednesday 1 January and 31 December, Thursday 20 November, Sunday 15 June.
    expect(nonZero(f.get("contacts_by_weekday"))).toEqual({ "1": 2, "2": 1, "3": 2, "4": 1, "7": 1 });
    expect(f.get("contacts_by_month")!.rows).toHaveLength(12);
    expect(f.get("contacts_by_hour")!.rows).toHaveLength(24);
    expect(f.get("contacts_by_month")!.rows[0]!.label).toBe("januari");
  });

  it("counts contacts by place, neighbourhood, location kind and group or individual", () => {
    expect(nonZero(f.get("contacts_by_place"))).toEqual({ [org.square]: 3, [org.park]: 3, none: 1 });
    expect(nonZero(f.get("contacts_by_neighbourhood"))).toEqual({ [org.north]: 3, [org.south]: 3, none: 1 });
    expect(f.get("contacts_by_place")!.rows.at(-1)!.label).toBe("Geen vindplaats");
    expect(nonZero(f.get("contacts_by_location_kind"))).toEqual({ public: 6, online: 1 });
    expect(rows(f.get("contacts_group_vs_individual"))).toEqual({ individual: 6, group: 1 });
  });

  it("counts a contact under each value marked (mentions) for the Quick Scan and life domains", () => {
    expect(nonZero(f.get("contacts_by_life_domain"))).toEqual({ housing: 2, health: 1 });
    expect(f.get("contacts_by_life_domain")!.unit).toBe("mentions");
    expect(nonZero(f.get("contacts_by_action"))).toEqual({ direct_help: 1, indirect_help: 1 });
    expect(nonZero(f.get("contacts_by_working_relationship"))).toEqual({ voluntary: 1 });
    expect(nonZero(f.get("contacts_by_came_about"))).toEqual({ own_observation: 1 });
    expect(rows(f.get("contacts_by_worker"))).toEqual({
      [org.users.workerA]: 4,
      [org.users.workerA2]: 2,
      [org.users.workerB]: 2,
    });
  });

  it("counts unique persons once across teams, the merged record as its survivor", () => {
    // P1 (C1, C2, and C4 through the merged P4), P2, P3, P5, P6: five persons; P4 is not a sixth.
    expect(f.get("persons_reached")!.total.value).toBe(5);
    expect(rows(f.get("persons_by_team"))).toEqual({ [org.teamA]: 4, [org.teamB]: 2 });
    expect(nonZero(f.get("persons_by_nationality"))).toEqual({ bg: 2, pl: 1, be: 1, none: 1 });
    expect(nonZero(f.get("persons_by_age_band"))).toEqual({ "26_40": 1, "41_64": 1, "18_25": 2, none: 1 });
  });

  it("adds anonymous head counts to the estimate divided by contacts per person", () => {
    expect(f.get("anonymous_head_counts")!.total.value).toBe(9);
    // U = 5 persons with 7 person-contacts (r = 1.4); A = 3 + 2 + 4 = 9: 5 + 9 / 1.4 = 11.4 -> 11.
    expect(f.get("persons_reached_estimate")!.total.value).toBe(11);
  });

  it("finds new persons by the earliest first contact over merged records and midnight in Brussels", () => {
    // P2 (March), P3 (23:59 on 31 December 2025) and P6 (00:30 on 1 January 2025) are new; P1 is not
    // (the record merged into it was met in 2024), nor P5 (23:30 on 31 December 2024).
    expect(f.get("new_persons")!.total.value).toBe(3);
    const share = f.get("new_persons_not_known")!;
    expect(rows(share)).toEqual({ not_known: 1, known: 1, unrecorded: 1 });
    expect(share.share).toMatchObject({ numerator: { value: 1 }, denominator: { value: 2 }, percent: 50 });
  });

  it("counts referrals proposed in the year by service and outcome", () => {
    expect(f.get("referrals_total")!.total.value).toBe(3);
    expect(nonZero(f.get("referrals_by_service"))).toEqual({ caw: 2, night_shelter: 1 });
    expect(nonZero(f.get("referrals_by_outcome"))).toEqual({ done: 1, proposed: 1, accepted: 1 });
    const matrix = f.get("referrals_by_service_and_outcome")!;
    expect(matrix.rows.map((r) => r.key)).toEqual(["caw", "night_shelter"]);
    expect(matrix.columns.map((c) => c.key)).toEqual(["proposed", "accepted", "refused", "done", "not_done"]);
    expect(matrix.rows[0]!.cells.map((c) => c.value)).toEqual([0, 1, 0, 1, 0]);
  });

  it("counts cases opened, closed and active on 31 December; K2 is active across the year end", () => {
    const byChannel = f.get("cases_by_intake_channel")!;
    const table = Object.fromEntries(byChannel.rows.map((r) => [r.key, r.cells.map((c) => c.value)]));
    expect(table).toEqual({ local_police: [1, 2, 0], city_services: [0, 0, 1] });
    const nuisance = Object.fromEntries(
      f.get("cases_by_nuisance")!.rows.map((r) => [r.key, r.cells.map((c) => c.value)]),
    );
    expect(nuisance).toEqual({ with: [0, 0, 1], without: [1, 2, 0] });
    const hoods = Object.fromEntries(
      f.get("cases_by_neighbourhood")!.rows.map((r) => [r.key, r.cells.map((c) => c.value)]),
    );
    expect(hoods).toEqual({ [org.north]: [1, 2, 0], [org.south]: [0, 0, 1] });
    expect(nonZero(f.get("complaints_by_theme"))).toEqual({ noise: 2 });
  });

  it("agrees with the cases module on active cases and their nuisance component", async () => {
    const theirs = await h.db.transaction({ orgId: org.orgId, userId: null, purpose: "figures" }, (tx) =>
      activeCasesAsOf(tx, null, "2025-12-31"),
    );
    const active = f.get("cases_by_nuisance")!.columnTotals[2]!.value;
    expect(active).toBe(theirs.total);
    expect(theirs).toEqual({ total: 1, withNuisance: 1, withoutNuisance: 0 });
  });

  it("counts Housing First housing in the year and retention of those housed before", () => {
    expect(f.get("housing_first_housed")!.total.value).toBe(1);
    const retention = f.get("housing_first_retention")!;
    expect(rows(retention)).toEqual({ still_housed: 1, not_housed: 1, pending: 0 });
    expect(retention.share!.percent).toBe(50);
  });
});

describe("the same figures for 2024", () => {
  it("puts the contact at 23:30 on 31 December 2024 in 2024 and counts K1 and K2 as active at its end", async () => {
    const f = await figures({ from: "2024-01-01", to: "2024-12-31" });
    expect(f.get("contacts_total")!.total.value).toBe(1);
    expect(nonZero(f.get("contacts_by_hour"))).toEqual({ "23": 1 });
    const active = f.get("cases_by_intake_channel")!.columnTotals[2]!.value;
    expect(active).toBe(2);
  });
});

describe("the data timestamp", () => {
  it("leaves out what was registered after it, so a report keeps its numbers", async () => {
    const f = await figures({ asOf: new Date("2026-01-15T00:00:00Z") });
    expect(f.get("contacts_total")!.total.value).toBe(6);
    expect(f.get("anonymous_head_counts")!.total.value).toBe(5);
    // 5 + 5 / 1.4 = 8.6 -> 9.
    expect(f.get("persons_reached_estimate")!.total.value).toBe(9);
  });
});

describe("filters", () => {
  it("narrows to one neighbourhood: its contacts, the persons met there, referrals from contacts there", async () => {
    const f = await figures({ neighbourhoodId: org.north });
    expect(f.get("contacts_total")!.total.value).toBe(3);
    expect(f.get("persons_reached")!.total.value).toBe(3);
    expect(f.get("referrals_total")!.total.value).toBe(1);
    const hoods = f.get("cases_by_neighbourhood")!.rows.map((r) => r.key);
    expect(hoods).toEqual([org.north]);
  });

  it("narrows to one team; newness still looks at every team", async () => {
    const f = await figures({ teamIds: [org.teamB], allTeams: false });
    expect(f.get("contacts_total")!.total.value).toBe(2);
    expect(f.get("persons_reached")!.total.value).toBe(2);
    expect(f.get("new_persons")!.total.value).toBe(1);
    expect(rows(f.get("contacts_by_team"))).toEqual({ [org.teamB]: 2 });
  });
});

describe("suppression", () => {
  it("hides small cells with their complementary cells; totals and zeros stay", async () => {
    const f = await figures({}, true);
    expect(f.get("contacts_total")!.total.display).toBe("7");
    // 5 and 2: the 2 is hidden, and the 5 with it, or the total would give the 2 away.
    expect(rows(f.get("contacts_by_team"), true)).toEqual({ [org.teamA]: "<5", [org.teamB]: "<5" });
    expect(f.get("persons_reached")!.total.display).toBe("5");
    expect(f.get("new_persons")!.total.display).toBe("<5");
    expect(f.get("new_persons_not_known")!.share!.percent).toBeNull();
    expect(rows(f.get("contacts_by_month"), true)["2"]).toBe("0");
    const matrix = f.get("referrals_by_service_and_outcome")!;
    expect(matrix.rows.flatMap((r) => r.cells).filter((c) => c.value !== null && c.value > 0 && c.value < 5)).toEqual(
      [],
    );
    for (const figure of f.values()) {
      for (const r of figure.rows)
        for (const c of r.cells)
          if (!c.suppressed && c.value !== null)
            expect(c.value === 0 || c.value >= 5, `${figure.metric} ${r.key}`).toBe(true);
    }
  });

  it("keeps the merged record's id out of every figure", async () => {
    const f = await figures();
    expect(JSON.stringify([...f.values()])).not.toContain(ids.p4);
  });
});
